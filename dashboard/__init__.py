"""SEI investment dashboard: store, import, queries, charts and the Streamlit app."""

import os

# NumPy asks the kernel for transparent huge pages for every array of 4 MiB or more; the kernel then zeroes
# whole 2 MiB pages, which cost an import ~10% of its CPU (docs/performance.md, session 33). Set before any
# module of the package imports NumPy (the app, the CLI and the notebooks all import this package first); a
# value in the environment wins.
os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")
