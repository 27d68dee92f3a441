"""Every SQL query behind the pages and notebooks, as named functions in this package.

Each function takes (cursor, Filters, **kwargs) and returns a small DataFrame: aggregation
happens in DuckDB and only summary rows reach pandas. Money comes back as DOUBLE in 亿元
(columns ending ``_yi``). Filter values are always bound parameters, never formatted into SQL.
One module per area: ``common`` (status, pickers), and one per page family.
"""
