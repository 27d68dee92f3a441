"""The store's one exception."""


class StoreError(Exception):
    """A problem with the store, worded for the person who has to fix it."""
