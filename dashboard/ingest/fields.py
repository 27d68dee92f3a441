"""The fields a column can map to, and the `--map HEADER=field` overrides a person gives."""

from __future__ import annotations

from collections.abc import Mapping

from .. import taxonomy
from . import headers as hd
from .plan import MappingError


def funding_fields() -> list[str]:
    """``funding:<slug>`` for every funding channel, in the taxonomy's order."""
    return [hd.FUNDING_PREFIX + s.slug for s in taxonomy.funding_sources()]


def all_fields() -> list[str]:
    return [*hd.FIELDS, *funding_fields(), hd.IGNORE]


def apply_overrides(header: hd.Header, overrides: Mapping[str, str] | None) -> None:
    """Map, unmap or remap the header's columns as asked; raise :class:`MappingError` for a bad request."""
    if not overrides:
        return
    by_key = {hd.label_key(lab): pos for pos, lab in enumerate(header.labels)}
    for label, target in overrides.items():
        pos = by_key.get(hd.label_key(label))
        if pos is None:
            raise MappingError("map_no_column", column=label, columns=", ".join(header.labels))
        target = (target or "").strip()
        if target in ("", hd.IGNORE, "-"):
            header.fields.pop(pos, None)
            continue
        if target not in hd.FIELDS and target not in funding_fields():
            raise MappingError("map_no_field", field=target, fields=", ".join(all_fields()))
        for other, f in list(header.fields.items()):
            if f == target:
                del header.fields[other]
        header.fields[pos] = target
