"""The register searched straight in SQL, for the first seconds after login.

The search index (`resident_search.ResidentSearchIndex`) takes about two seconds to load on a
register of 200,000; until it has arrived the residents page answers from the database with
the same rules — names anywhere, pinyin by the start of any spelling (full or initials), digits
anywhere in the ID number or at the end of the phone — in register order, at most MAX_RESULTS.
It runs on its own connection beside the index load (SQLite reads do not block each other).
"""

from __future__ import annotations

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx
from station_app.services.resident_search import (
    MAX_RESULTS,
    SearchResult,
    classify,
    normalize_query,
)

# Names are in the register-order index: it is walked in order up to the limit. Pinyin
# initials, ID and phone numbers are not: one pass over the table (reading it in order is
# much faster than a row per index entry), then the matches sorted into register order.
_SQL = (
    "SELECT id FROM residents {access} "
    "WHERE deleted = 0 AND scope_id IN ({scopes}) AND ({match}) "
    "ORDER BY name_pinyin, name, id LIMIT :limit"
)
_ACCESS = {
    "name": "INDEXED BY ix_residents_register_order",
    "pinyin": "NOT INDEXED",
    "digits": "NOT INDEXED",
}
_MATCH = {
    "name": "instr(name, :q) > 0",
    "pinyin": (
        "name_pinyin LIKE :prefix ESCAPE '\\' OR name_pinyin LIKE :inner ESCAPE '\\' "
        "OR name_initials LIKE :prefix ESCAPE '\\' OR name_initials LIKE :inner ESCAPE '\\'"
    ),
    "digits": "instr(lower(id_number), :q) > 0 OR phone LIKE :suffix ESCAPE '\\'",
}


def search_in_sql(rx: ReadTx, text: str) -> SearchResult | None:
    """The residents matching `text`, as the index would answer; None for the empty query
    (the page shows the whole register for it anyway)."""
    rx.require(Permission.RESIDENT_READ)
    query = normalize_query(text)
    kind = classify(query)
    if kind == "empty":
        return None
    scopes = sorted(rx.scope.ids)
    marks = ",".join(f":s{n}" for n in range(len(scopes)))
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    params: dict[str, object] = {f"s{n}": scope for n, scope in enumerate(scopes)}
    params.update(
        q=query,
        prefix=escaped + "%",
        inner="% " + escaped + "%",
        suffix="%" + escaped,
        limit=MAX_RESULTS + 1,
    )
    sql = _SQL.format(access=_ACCESS[kind], scopes=marks, match=_MATCH[kind])
    cursor = rx.session.connection().exec_driver_sql(sql, params)
    ids = [row[0] for row in cursor]
    return SearchResult(ids[:MAX_RESULTS], truncated=len(ids) > MAX_RESULTS)
