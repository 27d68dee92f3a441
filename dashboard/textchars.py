"""Character sets that more than one layer needs, kept in one place with no imports of the package.

``BLANK_CHARS`` is every character ``str.strip()`` removes (none lies above U+3000): the tagger trims its
texts with them (Arrow's ``utf8_trim``) and the import strips its cells of them (:mod:`dashboard.ingest.raw`
escapes them for its patterns). Both read this module, so neither layer reaches into the other.
"""

from __future__ import annotations

BLANK_CHARS = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
