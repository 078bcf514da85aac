"""就业困难人员 recognition: the rule table, the workflow's order, the notice, audit, key group."""

from __future__ import annotations

import contextlib
import itertools
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.errors import NotFoundError, PermissionDeniedError
from station_app.models import (
    AuditEvent,
    EmploymentStatus,
    KeyGroup,
    RecognitionCategory,
    RecognitionState,
    RecognitionStepKind,
    UserRole,
)
from station_app.services import recognition as rec
from station_app.services import recognition_rules as rules
from station_app.services.residents import get_resident
from tests.conftest import SessionAs
from tests.services.recognition_helpers import (
    APPLIED_ON,
    E,
    add_resident,
    approved_recognition,
    older_worker_application,
)

C = RecognitionCategory
K = RecognitionStepKind
D1, D2, D9, D10 = (APPLIED_ON + timedelta(days=n) for n in (1, 2, 9, 10))


def applied(station: StationSession, resident_id: str) -> str:
    """An older worker's application on APPLIED_ON."""
    return station.perform(
        rec.apply_for_recognition, resident_id, older_worker_application(), on_day=APPLIED_ON
    )


def key_groups(station: StationSession, resident_id: str) -> frozenset[KeyGroup]:
    return station.query(get_resident, resident_id).data.key_groups


def test_every_category_has_a_rule_with_an_id_card() -> None:
    assert set(rules.RULES) == set(RecognitionCategory)
    for rule in rules.RULES.values():
        assert E.ID_CARD in rule.evidence


def test_missing_evidence_lists_what_the_categories_need_once() -> None:
    chosen = frozenset({C.ZERO_EMPLOYMENT_FAMILY, C.LANDLESS_FARMER})
    assert rules.missing_evidence(chosen, frozenset({E.ID_CARD})) == (
        E.HOUSEHOLD_REGISTER,
        E.ZERO_EMPLOYMENT_PROOF,
        E.LAND_ACQUISITION_PROOF,
    )
    shown = frozenset({E.ID_CARD, E.HOUSEHOLD_REGISTER, E.ZERO_EMPLOYMENT_PROOF})
    assert rules.missing_evidence(frozenset({C.ZERO_EMPLOYMENT_FAMILY}), shown) == ()


def test_notice_ends_seven_days_after_it_starts_and_approval_lasts_three_years() -> None:
    assert rules.notice_end(date(2025, 3, 5)) == date(2025, 3, 12)
    assert rules.valid_until(date(2024, 2, 29)) == date(2027, 2, 28)


def test_the_whole_workflow_records_each_step_with_who_and_when(
    station: StationSession,
) -> None:
    resident_id = add_resident(station)
    rid = approved_recognition(station, resident_id)
    view = station.query(rec.get_recognition, rid)
    assert view.state == RecognitionState.APPROVED
    assert [(s.kind, s.on_day, s.recorded_by) for s in view.steps] == [
        (K.APPLICATION, APPLIED_ON, "admin"),
        (K.COMMUNITY_REVIEW, D1, "admin"),
        (K.NOTICE, D2, "admin"),
        (K.STREET_REVIEW, D9, "admin"),
        (K.APPROVAL, D10, "admin"),
    ]
    assert (view.notice_starts_on, view.notice_ends_on) == (D2, D9)
    assert view.valid_until == date(2028, 3, 13)
    assert view.next_steps == (K.EXIT,)
    assert KeyGroup.HARD_TO_EMPLOY in key_groups(station, resident_id)


def test_each_step_is_in_the_audit_log(station: StationSession, db: Database) -> None:
    rid = approved_recognition(station, add_resident(station))
    with db.session() as session:
        audited = session.execute(
            select(AuditEvent.entity, AuditEvent.actor).where(
                AuditEvent.entity.in_(("recognition", "recognition_step"))
            )
        ).all()
        step_events = session.scalars(
            select(AuditEvent.detail).where(AuditEvent.entity == "recognition_step")
        ).all()
    assert sum(1 for entity, _ in audited if entity == "recognition_step") == 5
    assert sum(1 for entity, _ in audited if entity == "recognition") == 5  # created + 4 moves
    assert {actor for _, actor in audited} == {"admin"}
    assert "street_review" in str(step_events)
    assert rid


def test_the_notice_cannot_be_ended_early(station: StationSession) -> None:
    rid = applied(station, add_resident(station))
    station.perform(rec.pass_community_review, rid, on_day=D1)
    ends = station.perform(rec.start_public_notice, rid, on_day=D2)
    assert ends == D9
    for early in (D2, D9 - timedelta(days=1)):
        with pytest.raises(rec.RecognitionError) as caught:
            station.perform(rec.pass_street_review, rid, on_day=early)
        assert caught.value.code == "recognition.notice_running"
        assert caught.value.params == {"ends_on": "2025-03-12"}
        with pytest.raises(rec.RecognitionError):
            station.perform(rec.reject, rid, "有异议", on_day=early)
    with pytest.raises(rec.RecognitionError) as caught:
        station.perform(rec.approve, rid, on_day=D9)
    assert caught.value.code == "recognition.awaits_street_review"
    assert station.query(rec.get_recognition, rid).state == RecognitionState.IN_NOTICE
    station.perform(rec.pass_street_review, rid, on_day=D9)


@pytest.mark.parametrize(
    ("step", "code"),
    [
        (rec.start_public_notice, "recognition.awaits_community_review"),
        (rec.pass_street_review, "recognition.awaits_community_review"),
        (rec.approve, "recognition.awaits_community_review"),
    ],
)
def test_no_step_can_be_skipped(station: StationSession, step: object, code: str) -> None:
    rid = applied(station, add_resident(station))
    with pytest.raises(rec.RecognitionError) as caught:
        station.perform(step, rid, on_day=D10)  # type: ignore[arg-type]
    assert caught.value.code == code
    assert len(station.query(rec.get_recognition, rid).steps) == 1


def test_steps_cannot_be_dated_back_or_in_the_future(station: StationSession) -> None:
    rid = applied(station, add_resident(station))
    with pytest.raises(rec.RecognitionError) as caught:
        station.perform(rec.pass_community_review, rid, on_day=APPLIED_ON - timedelta(days=1))
    assert caught.value.code == "recognition.before_previous"
    with pytest.raises(rec.RecognitionError) as caught:
        station.perform(rec.pass_community_review, rid, on_day=date.today() + timedelta(days=1))
    assert caught.value.code == "recognition.future"


def test_rejection_at_a_review_needs_a_reason_and_ends_it(station: StationSession) -> None:
    rid = applied(station, add_resident(station))
    with pytest.raises(rec.RecognitionError) as caught:
        station.perform(rec.reject, rid, "  ", on_day=D1)
    assert caught.value.code == "recognition.reason_empty"
    station.perform(rec.reject, rid, "材料不实", on_day=D1)
    view = station.query(rec.get_recognition, rid)
    assert (view.state, view.ended_on, view.end_reason) == (
        RecognitionState.REJECTED,
        D1,
        "材料不实",
    )
    with pytest.raises(rec.RecognitionError) as caught:
        station.perform(rec.pass_community_review, rid, on_day=D2)
    assert caught.value.code == "recognition.closed"


def test_the_rule_table_tests_age_and_evidence(station: StationSession) -> None:
    young_man = add_resident(station, birth="19800505", serial="011")  # 44: not yet 50
    young_woman = add_resident(station, birth="19860505", serial="022")  # 38: not yet 40
    woman = add_resident(station, birth="19850101", serial="042")  # 40
    for resident_id in (young_man, young_woman):
        with pytest.raises(rec.RecognitionError) as caught:
            station.perform(
                rec.apply_for_recognition,
                resident_id,
                older_worker_application(),
                on_day=APPLIED_ON,
            )
        assert caught.value.code == "recognition.not_older_worker"
    short = rec.Application(frozenset({C.OLDER_WORKER}), frozenset({E.ID_CARD}))
    with pytest.raises(rec.RecognitionError) as caught:
        station.perform(rec.apply_for_recognition, woman, short, on_day=APPLIED_ON)
    assert caught.value.code == "recognition.evidence_missing"
    with pytest.raises(rec.RecognitionError) as caught:
        station.perform(
            rec.apply_for_recognition,
            woman,
            rec.Application(frozenset(), frozenset({E.ID_CARD})),
            on_day=APPLIED_ON,
        )
    assert caught.value.code == "recognition.no_category"
    station.perform(rec.apply_for_recognition, woman, older_worker_application(), on_day=APPLIED_ON)


def test_long_term_unemployment_needs_a_year_without_a_break(station: StationSession) -> None:
    application = rec.Application(
        frozenset({C.LONG_TERM_UNEMPLOYED}), frozenset({E.ID_CARD, E.EMPLOYMENT_CARD})
    )
    year_ago = add_resident(station, since=date(2024, 3, 3), serial="031")
    recent = add_resident(station, since=date(2024, 3, 4), serial="051")
    employed = add_resident(
        station, since=date(2023, 1, 1), serial="071", status=EmploymentStatus.EMPLOYED
    )
    station.perform(rec.apply_for_recognition, year_ago, application, on_day=APPLIED_ON)
    for resident_id in (recent, employed):
        with pytest.raises(rec.RecognitionError) as caught:
            station.perform(rec.apply_for_recognition, resident_id, application, on_day=APPLIED_ON)
        assert caught.value.code == "recognition.not_long_unemployed"


def test_one_application_at_a_time(station: StationSession) -> None:
    resident_id = add_resident(station)
    approved_recognition(station, resident_id)
    with pytest.raises(rec.RecognitionError) as caught:
        station.perform(
            rec.apply_for_recognition, resident_id, older_worker_application(), on_day=D10
        )
    assert caught.value.code == "recognition.already_open"


def test_exit_takes_the_resident_out_of_the_key_group(station: StationSession) -> None:
    resident_id = add_resident(station)
    rid = approved_recognition(station, resident_id)
    station.perform(rec.exit_recognition, rid, "已实现就业", on_day=D10 + timedelta(days=30))
    view = station.query(rec.get_recognition, rid)
    assert (view.state, view.end_reason) == (RecognitionState.EXITED, "已实现就业")
    assert view.steps[-1].kind == K.EXIT
    assert KeyGroup.HARD_TO_EMPLOY not in key_groups(station, resident_id)
    # A new application may follow an exit.
    station.perform(
        rec.apply_for_recognition,
        resident_id,
        older_worker_application(),
        on_day=D10 + timedelta(days=40),
    )


def test_expiry_after_the_validity(station: StationSession) -> None:
    resident_id = add_resident(station)
    rid = approved_recognition(station, resident_id)
    valid_until = station.query(rec.get_recognition, rid).valid_until
    assert valid_until is not None
    assert station.query(rec.recognised_until, resident_id, valid_until) == valid_until
    assert station.perform(rec.expire_recognitions, on_day=valid_until) == 0
    assert station.perform(rec.expire_recognitions, on_day=valid_until + timedelta(days=1)) == 1
    view = station.query(rec.get_recognition, rid)
    assert (view.state, view.ended_on) == (RecognitionState.EXPIRED, valid_until + timedelta(1))
    assert KeyGroup.HARD_TO_EMPLOY not in key_groups(station, resident_id)
    later = valid_until + timedelta(days=1)
    assert station.query(rec.recognised_until, resident_id, later) is None
    assert station.query(rec.latest_lapsed_until, resident_id, later) == valid_until


def test_notices_ending_lists_the_scope_soonest_first(station: StationSession) -> None:
    first = add_resident(station, serial="012", name="王敏")
    second = add_resident(station, birth="19700101", serial="033", name="赵强")
    ids = []
    for resident_id, start in ((second, D2 + timedelta(days=3)), (first, D2)):
        rid = applied(station, resident_id)
        station.perform(rec.pass_community_review, rid, on_day=D1)
        station.perform(rec.start_public_notice, rid, on_day=start)
        ids.append(rid)
    ending = station.query(rec.notices_ending, D9, 0)
    assert [(n.resident_name, n.notice_ends_on) for n in ending] == [("王敏", D9)]
    ending = station.query(rec.notices_ending, D2, 10)
    assert [n.resident_name for n in ending] == ["王敏", "赵强"]
    assert [n.recognition_id for n in ending] == ids[::-1]
    station.perform(rec.pass_street_review, ids[1], on_day=D9)
    assert [n.resident_name for n in station.query(rec.notices_ending, D9, 10)] == ["赵强"]


def test_an_inspector_reads_but_records_nothing(
    station: StationSession, db: Database, session_as: SessionAs
) -> None:
    resident_id = add_resident(station)
    inspector = session_as(db, UserRole.INSPECTOR)
    with pytest.raises(PermissionDeniedError):
        inspector.perform(
            rec.apply_for_recognition, resident_id, older_worker_application(), on_day=APPLIED_ON
        )
    assert inspector.query(rec.recognitions_of, resident_id) == ()
    with pytest.raises(NotFoundError):
        inspector.query(rec.get_recognition, "no-such-id")


SERIALS = itertools.count(100)
STEPS = {
    K.COMMUNITY_REVIEW: rec.pass_community_review,
    K.NOTICE: rec.start_public_notice,
    K.STREET_REVIEW: rec.pass_street_review,
    K.APPROVAL: rec.approve,
    K.REJECTION: lambda tx, rid, on_day: rec.reject(tx, rid, "不符合", on_day=on_day),
    K.EXIT: lambda tx, rid, on_day: rec.exit_recognition(tx, rid, "迁出", on_day=on_day),
}


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    attempts=st.lists(
        st.tuples(st.sampled_from(sorted(STEPS)), st.integers(min_value=0, max_value=6)),
        max_size=12,
    )
)
def test_any_order_of_attempts_follows_the_workflow(
    station: StationSession, attempts: list[tuple[RecognitionStepKind, int]]
) -> None:
    """Whatever steps are tried in whatever order and on whatever days, the recorded steps
    are a path of the workflow, dated in order, with the notice run in full."""
    # A fresh resident per example: earlier examples' records stay in the database.
    resident_id = add_resident(station, birth="19700101", serial=f"{next(SERIALS):03d}")
    rid = applied(station, resident_id)
    day = APPLIED_ON
    for step, gap in attempts:
        day += timedelta(days=gap)
        with contextlib.suppress(rec.RecognitionError):
            station.perform(STEPS[step], rid, on_day=day)
    view = station.query(rec.get_recognition, rid)
    state = RecognitionState.APPLIED
    for step in view.steps[1:]:
        state = rules.TRANSITIONS[(state, step.kind)]
    assert state == view.state
    days = [s.on_day for s in view.steps]
    assert days == sorted(days)
    kinds = [s.kind for s in view.steps]
    if K.NOTICE in kinds and len(kinds) > kinds.index(K.NOTICE) + 1:
        after = view.steps[kinds.index(K.NOTICE) + 1]
        assert view.notice_ends_on is not None and after.on_day >= view.notice_ends_on
    hard = KeyGroup.HARD_TO_EMPLOY in key_groups(station, resident_id)
    assert hard == (view.state == RecognitionState.APPROVED)
