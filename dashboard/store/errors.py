"""The store's one exception, worded in the user's language.

``StoreError("code", **values)`` names a message of ``dashboard/locales/store.toml`` (``store.<code>``);
:meth:`StoreError.message` words it in Chinese or English, and ``str()`` is the English text (logs, tests).
A text that is no message code is kept as it is (in both languages)."""

from __future__ import annotations

from ..i18n import messages, t


class StoreError(Exception):
    """A problem with the store, worded for the person who has to fix it."""

    def __init__(self, code: str, /, **values: object) -> None:
        self.code = code if f"store.{code}" in messages()["en"] else None
        self.values = {k: str(v) for k, v in values.items()}
        self.text = code
        super().__init__(self.message("en"))

    def message(self, lang: str | None = "zh") -> str:
        """The message in ``lang`` (zh or en)."""
        return t(f"store.{self.code}", lang or "zh", **self.values) if self.code else self.text
