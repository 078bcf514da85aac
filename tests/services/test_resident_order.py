"""The residents list sorted by a column, in SQL: each key both ways, register order as the tie."""

from __future__ import annotations

from datetime import date

from station_app.core.station_session import StationSession
from station_app.models import EmploymentStatus
from station_app.services.resident_order import SortKey, resident_order
from station_app.services.residents import register_resident
from tests.services.test_residents import id_number, resident

TODAY = date(2025, 6, 1)


def _register(station: StationSession, name: str, born: str, serial: str, **changes: object) -> str:
    data = resident(station.actor, name=name, id_number=id_number(born, serial), **changes)
    return station.perform(register_resident, data, today=TODAY)


def test_each_key_sorts_both_ways_with_the_register_order_breaking_ties(
    station: StationSession,
) -> None:
    zhang = _register(station, "张伟", "19800101", "011", phone="")  # 45, no phone
    li = _register(
        station, "李娜", "20000101", "022", employment_status=EmploymentStatus.EMPLOYED
    )  # 25
    wang = _register(station, "王芳", "19900101", "002", phone="138 0000 0000")  # 35

    def order(key: SortKey, *, descending: bool = False) -> list[str]:
        return list(station.query(resident_order, key, descending=descending).ids)

    assert order(SortKey.NAME) == [li, wang, zhang]  # li, wang, zhang by pinyin
    assert order(SortKey.NAME, descending=True) == [zhang, wang, li]
    assert order(SortKey.AGE) == [li, wang, zhang]  # the youngest first
    assert order(SortKey.AGE, descending=True) == [zhang, wang, li]
    assert order(SortKey.PHONE)[-1] == zhang  # no phone: last, either way
    assert order(SortKey.PHONE, descending=True)[-1] == zhang
    assert order(SortKey.STATUS)[0] == li  # "employed" before "unemployed"
    assert order(SortKey.STATUS)[1:] == [wang, zhang]  # a tie: the register's order
    assert sorted(order(SortKey.COMMUNITY)) == sorted([li, wang, zhang])
    assert order(SortKey.ID_NUMBER) == [zhang, wang, li]


def test_rank_puts_a_search_answer_in_the_order_and_unknown_ids_last(
    station: StationSession,
) -> None:
    old = _register(station, "张伟", "19800101", "011")
    young = _register(station, "李娜", "20000101", "022")
    by_age = station.query(resident_order, SortKey.AGE)
    assert by_age.rank([old, "registered-since", young]) == [young, old, "registered-since"]
