"""The in-memory resident search: each kind of query, and agreement with a brute-force filter."""

from __future__ import annotations

import copy
import gc
from datetime import date
from types import FunctionType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from station_app.core.actor import Actor
from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.models import EmploymentStatus
from station_app.services.name_pinyin import KEY_SEPARATOR, name_keys
from station_app.services.resident_search import (
    MAX_RESULTS,
    PackedIds,
    ResidentSearchIndex,
    SearchEntry,
    classify,
    normalize_query,
)
from station_app.services.residents import ResidentInput, register_resident, update_resident
from station_app.validation import compute_id_check_character


def entry(resident_id: str, name: str, id_number: str, phone: str = "") -> SearchEntry:
    keys = name_keys(name)
    return SearchEntry(
        id=resident_id,
        name=name,
        name_pinyin=keys.full_text,
        name_initials=keys.initials_text,
        id_number=id_number,
        phone=phone,
    )


PEOPLE = [
    entry("a", "张伟", "34128219900307001X", "13912345678"),
    entry("b", "曾小明", "341282198511020023", "13800001234"),
    entry("c", "单丽", "341282197001010041", "05584812345"),
    entry("d", "李娜", "341282200001015678", ""),
    entry("e", "张伟华", "341282199203040058", "13655559876"),
]


def index() -> ResidentSearchIndex:
    return ResidentSearchIndex(PEOPLE)


def test_empty_query_lists_everyone_in_register_order() -> None:
    assert index().search("  ") == index().all_ids()
    # By the first spelling, which for 单 and 曾 is the surname reading (shan, zeng).
    assert index().all_ids() == ["d", "c", "b", "a", "e"]


def test_name_substring() -> None:
    assert index().search("张伟") == ["a", "e"]
    assert index().search("伟华") == ["e"]
    assert index().search("娜") == ["d"]


def test_pinyin_prefix_full_and_initials() -> None:
    assert index().search("zw") == ["a", "e"]
    assert index().search("zhangwei") == ["a", "e"]
    assert index().search("zhangweih") == ["e"]
    assert index().search("ZW") == ["a", "e"]
    assert index().search("zhang wei") == ["a", "e"]
    assert index().search("wei") == []  # a prefix, not any part of the spelling


def test_polyphonic_surnames_are_found_under_both_readings() -> None:
    assert index().search("zeng") == ["b"]
    assert index().search("ceng") == ["b"]
    assert index().search("zxm") == ["b"]
    assert index().search("shan") == ["c"]
    assert index().search("sl") == ["c"]


def test_full_width_input() -> None:
    assert index().search("ＺＷ") == ["a", "e"]
    assert index().search("１２３４") == ["b"]
    assert normalize_query(" Ｚ Ｗ ") == "zw"


def test_id_fragments_and_check_character() -> None:
    assert index().search("199003") == ["a"]
    assert index().search("341282") == index().all_ids()
    assert index().search("001x") == ["a"]
    assert index().search("001X") == ["a"]


def test_phone_matches_the_last_digits_only() -> None:
    assert index().search("5678") == ["d", "a"]  # d's ID contains it; a's phone ends so
    assert index().search("9876") == ["e"]
    assert index().search("1391") == []  # the start of a phone is not searched
    assert index().search("2345") == ["c"]  # a landline's last digits


def test_phone_digits_beyond_the_last_four_must_match_too() -> None:
    idx = ResidentSearchIndex(
        [
            entry("a", "张伟", "341282199001010011", "13900001111"),
            entry("b", "王芳", "341282199001010022", "13900011111"),
            entry("c", "李娜", "341282199001010033", "111"),
        ]
    )
    assert idx.search("1111") == ["b", "a"]
    assert idx.search("01111") == ["a"]
    assert idx.search("11111") == ["b"]
    assert idx.search("0011111") == ["b"]
    assert idx.search("111") == ["c", "b", "a"]  # in register order: li, wang, zhang


def test_classify() -> None:
    assert classify("") == "empty"
    assert classify("张") == "name"
    assert classify("123x") == "digits"
    assert classify("zw") == "pinyin"
    assert classify("z1") == "name"


def test_upsert_and_remove() -> None:
    idx = index()
    idx.upsert([entry("a", "王芳", "34128219900307001X", "13912345678")])
    assert idx.search("张伟") == ["e"]
    assert idx.search("wf") == ["a"]
    idx.remove(["e", "unknown"])
    assert idx.search("zw") == []
    assert len(idx) == 4
    assert {e.id: e for e in idx.entries()}["a"].name == "王芳"


# --- against a real database ----------------------------------------------------------


def _number(serial: int) -> str:
    body = f"34128219900307{serial:03d}"
    return body + compute_id_check_character(body)


def test_load_and_refresh_from_the_database(
    station: StationSession, db: Database, actor: Actor
) -> None:
    def data(name: str, serial: int, phone: str) -> ResidentInput:
        return ResidentInput(
            id_number=_number(serial),
            name=name,
            community_id=actor.scope_id,
            employment_status=EmploymentStatus.UNEMPLOYED,
            phone=phone,
        )

    today = date(2025, 6, 1)
    first = station.perform(register_resident, data("张伟", 1, "139-1234-5678"), today=today)
    idx = station.query(ResidentSearchIndex.load)
    assert idx.search("5678") == [first]
    assert idx.search("zw") == [first]
    second = station.perform(register_resident, data("曾强", 2, ""), today=today)
    assert idx.search("ceng") == []
    station.query(idx.refresh, [second])
    assert idx.search("ceng") == [second]
    station.perform(update_resident, first, 1, data("王伟", 1, "13900001111"), today=today)
    station.query(idx.refresh, [first])
    assert idx.search("zw") == []
    assert idx.search("ww") == [first]
    assert idx.search("5678") == []
    assert idx.search("1111") == [first]


# --- property: the index answers what a brute-force filter answers ----------------------

SURNAMES = "张王李曾单解欧"
GIVEN = "伟芳娜强明丽华军"
names = st.builds(
    lambda surname, given: surname + given,
    st.sampled_from([*SURNAMES, "欧阳"]),
    st.text(alphabet=GIVEN, min_size=1, max_size=2),
)
digits = st.text(alphabet="0123456789", min_size=1, max_size=1)
id_numbers = st.builds(
    lambda body, last: body + last,
    st.text(alphabet="0123456789", min_size=17, max_size=17),
    st.sampled_from("0123456789X"),
)
phones = st.one_of(
    st.just(""),
    st.text(alphabet="0123456789", min_size=7, max_size=12),
    st.text(alphabet="01", min_size=3, max_size=8),  # their tails collide with the queries'
)
people = st.lists(
    st.builds(lambda n, i, p: (n, i, p), names, id_numbers, phones), min_size=0, max_size=25
)
queries = st.one_of(
    st.text(alphabet=GIVEN + SURNAMES, min_size=1, max_size=3),
    st.text(alphabet="zwlcsdjxhmqfoya", min_size=1, max_size=6),
    st.text(alphabet="0123456789", min_size=1, max_size=6),
    st.text(alphabet="01", min_size=3, max_size=7),
    st.builds(lambda d: d + "x", st.text(alphabet="0123456789", min_size=1, max_size=3)),
)


def _entries(rows: list[tuple[str, str, str]]) -> list[SearchEntry]:
    return [entry(f"id{i:03d}", *row) for i, row in enumerate(rows)]


def _brute_force(entries: list[SearchEntry], text: str) -> list[str]:
    query = normalize_query(text)
    kind = classify(query)

    def matches(e: SearchEntry) -> bool:
        if kind == "empty":
            return True
        if kind == "name":
            return query in e.name
        if kind == "pinyin":
            spellings = [*e.name_pinyin.split(KEY_SEPARATOR), *e.name_initials.split(KEY_SEPARATOR)]
            return any(s.startswith(query) for s in spellings if s)
        found = query in e.id_number.lower()
        return found or (query.isdigit() and bool(e.phone) and e.phone.endswith(query))

    order = ResidentSearchIndex(entries).all_ids()
    by_id = {e.id: e for e in entries}
    return [rid for rid in order if matches(by_id[rid])]


def _apply(
    idx: ResidentSearchIndex,
    current: dict[str, SearchEntry],
    change: tuple[int, bool, str, str, str],
) -> None:
    """One drawn change (remove, or add/replace) made to the index and to the expected set."""
    number, remove, name, id_number, phone = change
    resident_id = f"id{number:03d}"
    if remove:
        idx.remove([resident_id])
        current.pop(resident_id, None)
    else:
        changed = entry(resident_id, name, id_number, phone)
        idx.upsert([changed])
        current[resident_id] = changed


@settings(max_examples=150, deadline=None)
@given(rows=people, query_list=st.lists(queries, min_size=1, max_size=5))
def test_search_equals_brute_force(rows: list[tuple[str, str, str]], query_list: list[str]) -> None:
    entries = _entries(rows)
    idx = ResidentSearchIndex(entries)
    assert sorted(idx.all_ids()) == sorted(e.id for e in entries)
    for query in query_list:
        assert idx.search(query) == _brute_force(entries, query), query


@settings(max_examples=80, deadline=None)
@given(
    rows=people,
    changes=st.lists(
        st.tuples(st.integers(0, 30), st.booleans(), names, id_numbers, phones), max_size=8
    ),
    query_list=st.lists(queries, min_size=1, max_size=4),
)
def test_upsert_and_remove_keep_the_index_consistent(
    rows: list[tuple[str, str, str]],
    changes: list[tuple[int, bool, str, str, str]],
    query_list: list[str],
) -> None:
    current = {e.id: e for e in _entries(rows)}
    idx = ResidentSearchIndex(list(current.values()))
    for change in changes:
        _apply(idx, current, change)
    assert sorted(idx.entries(), key=lambda e: e.id) == sorted(current.values(), key=lambda e: e.id)
    for query in ["", *query_list]:
        assert idx.search(query) == _brute_force(list(current.values()), query), query


# --- property: an index with an overlay answers what a freshly built one answers ---------


@settings(max_examples=120, deadline=None)
@given(
    rows=people,
    changes=st.lists(
        st.tuples(st.integers(0, 30), st.booleans(), names, id_numbers, phones), max_size=12
    ),
    fold_at=st.sampled_from([0, 2, 5, 500]),
    query_list=st.lists(queries, min_size=1, max_size=4),
)
def test_overlay_answers_like_a_fresh_index(
    rows: list[tuple[str, str, str]],
    changes: list[tuple[int, bool, str, str, str]],
    fold_at: int,
    query_list: list[str],
) -> None:
    current = {e.id: e for e in _entries(rows)}
    idx = ResidentSearchIndex(list(current.values()))
    idx.fold_at = fold_at  # 0 folds at every change, 500 never does here
    for change in changes:
        snapshot = copy.copy(idx)
        before = snapshot.all_ids()
        _apply(idx, current, change)
        assert snapshot.all_ids() == before  # a shallow copy stays a snapshot
        fresh = ResidentSearchIndex(list(current.values()))
        assert idx.prepare().all_ids() == fresh.all_ids()
    fresh = ResidentSearchIndex(list(current.values()))
    assert len(idx) == len(fresh)
    assert idx.entries() == fresh.entries()
    for query in ["", *query_list]:
        assert idx.search(query) == fresh.search(query), query


def test_overlay_keeps_the_truncation() -> None:
    crowd = [
        SearchEntry(f"p{i:05d}", "张" + "伟芳娜"[i % 3], "zhang", "z", f"{i:018d}", "")
        for i in range(MAX_RESULTS + 3)
    ]
    idx = ResidentSearchIndex(crowd)
    extra = [SearchEntry("a0000", "张一", "zhang", "z", "1" * 18, ""), crowd[7]]
    idx.upsert(extra)
    idx.remove(["p00002", "p00003"])
    fresh = ResidentSearchIndex([e for e in crowd if e.id not in {"p00002", "p00003"}] + extra[:1])
    for query in ["张", "zhang", "z", "", "0000"]:
        found, expected = idx.search(query), fresh.search(query)
        assert found == expected
        assert found.truncated == expected.truncated
    assert idx.search("张").truncated
    assert idx.search("张")[0] == "a0000"


@settings(max_examples=150, deadline=None)
@given(
    ids=st.lists(st.text(alphabet="ab1", min_size=1, max_size=4), max_size=12),
    probes=st.lists(st.text(alphabet="ab1", max_size=5), max_size=6),
    cut=st.tuples(st.integers(-15, 15) | st.none(), st.integers(-15, 15) | st.none()),
)
def test_packed_ids_behave_like_a_tuple_of_the_ids(
    ids: list[str], probes: list[str], cut: tuple[int | None, int | None]
) -> None:
    packed, plain = PackedIds(ids), tuple(ids)
    assert len(packed) == len(plain)
    assert list(packed) == list(plain)
    assert [packed[i] for i in range(-len(ids), len(ids))] == [
        plain[i] for i in range(-len(ids), len(ids))
    ]
    assert packed[cut[0] : cut[1]] == list(plain[cut[0] : cut[1]])
    for probe in [*ids, *probes]:
        assert (probe in packed) == (probe in plain)
        if probe in plain:
            assert packed.index(probe) == plain.index(probe)  # the first row, not a longer id
        else:
            with pytest.raises(ValueError):
                packed.index(probe)
    with pytest.raises(IndexError):
        packed[len(ids)]


def _references_walked(root: object) -> int:
    """How many references the garbage collector follows from `root` on a full collection
    (through tracked containers only; classes and functions are shared by every index)."""
    seen: set[int] = set()
    todo, walked = [root], 0
    while todo:
        obj = todo.pop()
        if id(obj) in seen or not gc.is_tracked(obj) or isinstance(obj, type | FunctionType):
            continue
        seen.add(id(obj))
        referents = gc.get_referents(obj)
        walked += len(referents)
        todo.extend(referents)
    return walked


def test_the_garbage_collector_has_no_more_to_walk_in_a_bigger_register() -> None:
    """The GUI thread pauses for every full collection: its work must not grow with the
    register (a list of 200,000 ids once made each one tens of ms longer)."""

    def walked(size: int) -> int:
        crowd = [
            SearchEntry(f"r{i:06d}", "王" + "伟芳", "wang", "w", f"{i:018d}", f"139{i:08d}")
            for i in range(size)
        ]
        idx = ResidentSearchIndex(crowd)
        idx.upsert([SearchEntry("r000003", "王五", "wang", "w", "1" * 18, "13900001111")])
        everyone = idx.prepare().search("")
        assert len(everyone) == size
        gc.collect()  # a collection stops tracking tuples of strings (rows, positions)
        return _references_walked((idx, everyone))

    assert walked(20_000) <= walked(1_000) + 20
