"""Importing project lists: read, map, normalise, tag, validate, commit whole, revert.

The upload page and ``python -m dashboard import`` both use :func:`preview` and :func:`commit`;
every function takes the store connection first.
"""

from .fields import all_fields
from .importer import commit, list_batches, preview, revert
from .plan import DEFAULT_USD_RATE, MAX_LISTED, ImportPlan, ImportResult, MappingError, Problem, RevertError

__all__ = [
    "DEFAULT_USD_RATE", "MAX_LISTED", "ImportPlan", "ImportResult", "MappingError", "Problem", "RevertError",
    "all_fields", "commit", "list_batches", "preview", "revert",
]
