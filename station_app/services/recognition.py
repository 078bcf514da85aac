"""就业困难人员 recognition: apply, review, publish, approve, reject, exit, expire — in order.

Every step is a `RecognitionStep` row (who, which day, a note) and moves the `Recognition`
along `recognition_rules.TRANSITIONS`; a step out of order, a date before the previous step
or in the future, or a street review before the 7-day notice has run is refused with a
`RecognitionError` whose code the UI translates. Approval puts the resident in the key group
就业困难人员; exit and expiry take them out. The change capture audits every row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

from sqlalchemy import select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx, WriteTx
from station_app.errors import NotFoundError, UserError
from station_app.models import (
    EmploymentStatus,
    KeyGroup,
    Recognition,
    RecognitionCategory,
    RecognitionEvidence,
    RecognitionState,
    RecognitionStep,
    RecognitionStepKind,
    Resident,
    ResidentKeyGroup,
)
from station_app.services import recognition_rules as rules
from station_app.services.residents import age_on, resident_in_scope

MAX_NOTE_LENGTH = 200
K = RecognitionStepKind


class RecognitionError(UserError):
    """A recognition step that the rules do not allow now; nothing was recorded."""

    default_code: ClassVar[str] = "error.recognition"


@dataclass(frozen=True)
class Application:
    """What the applicant asks for and the documents they showed."""

    categories: frozenset[RecognitionCategory]
    evidence: frozenset[RecognitionEvidence]
    note: str = ""


@dataclass(frozen=True)
class StepView:
    kind: RecognitionStepKind
    on_day: date
    recorded_by: str
    note: str | None


@dataclass(frozen=True)
class RecognitionView:
    id: str
    resident_id: str
    state: RecognitionState
    categories: tuple[RecognitionCategory, ...]
    evidence: tuple[RecognitionEvidence, ...]
    applied_on: date
    notice_starts_on: date | None
    notice_ends_on: date | None
    approved_on: date | None
    valid_until: date | None
    ended_on: date | None
    end_reason: str | None
    steps: tuple[StepView, ...]

    @property
    def next_steps(self) -> tuple[RecognitionStepKind, ...]:
        """The steps a worker may record next (expiry comes by itself)."""
        return tuple(
            step for (state, step) in rules.TRANSITIONS if state == self.state and step != K.EXPIRY
        )

    def in_force_on(self, day: date) -> bool:
        return (
            self.state == RecognitionState.APPROVED
            and self.valid_until is not None
            and day <= self.valid_until
        )


@dataclass(frozen=True)
class NoticeEnding:
    """A public notice that ends soon (or has ended and waits for the street review)."""

    recognition_id: str
    resident_id: str
    resident_name: str
    notice_ends_on: date


def apply_for_recognition(
    tx: WriteTx, resident_id: str, application: Application, *, on_day: date | None = None
) -> str:
    """Records an application; refuses missing evidence, unmet tests and a second one."""
    tx.require(Permission.RESIDENT_WRITE)
    day = _checked_day(on_day, None)
    resident = resident_in_scope(tx, resident_id)
    if not application.categories:
        raise RecognitionError("choose at least one category", code="recognition.no_category")
    if rules.missing_evidence(application.categories, application.evidence):
        raise RecognitionError(
            "the chosen categories need more evidence", code="recognition.evidence_missing"
        )
    for category in sorted(application.categories):
        _check_category(resident, rules.RULES[category], day)
    current = tx.session.scalars(
        select(Recognition).where(
            Recognition.resident_id == resident.id, Recognition.deleted.is_(False)
        )
    ).all()
    if any(r.state in rules.OPEN_STATES or _in_force(r, day) for r in current):
        raise RecognitionError(
            "the resident already has an application under way or in force",
            code="recognition.already_open",
        )
    recognition = Recognition(
        scope_id=resident.scope_id,
        resident_id=resident.id,
        categories=[c.value for c in rules.RULES if c in application.categories],
        evidence=[e.value for e in RecognitionEvidence if e in application.evidence],
        state=RecognitionState.APPLIED,
        applied_on=day,
    )
    tx.session.add(recognition)
    _record(tx, recognition, K.APPLICATION, day, application.note)
    tx.session.flush()
    return recognition.id


def pass_community_review(
    tx: WriteTx, recognition_id: str, *, on_day: date | None = None, note: str = ""
) -> None:
    """社区初审通过."""
    _advance(tx, recognition_id, K.COMMUNITY_REVIEW, on_day, note)


def start_public_notice(
    tx: WriteTx, recognition_id: str, *, on_day: date | None = None, note: str = ""
) -> date:
    """Starts the 7-day public notice on that day; returns the day the street review may be
    recorded from (the notice's end)."""
    recognition = _advance(tx, recognition_id, K.NOTICE, on_day, note)
    assert recognition.notice_ends_on is not None
    return recognition.notice_ends_on


def pass_street_review(
    tx: WriteTx, recognition_id: str, *, on_day: date | None = None, note: str = ""
) -> None:
    """街道审核通过; only once the public notice has run its full term."""
    _advance(tx, recognition_id, K.STREET_REVIEW, on_day, note)


def approve(
    tx: WriteTx, recognition_id: str, *, on_day: date | None = None, note: str = ""
) -> None:
    """认定: valid for `VALIDITY_YEARS`; the resident joins the key group 就业困难人员."""
    _advance(tx, recognition_id, K.APPROVAL, on_day, note)


def reject(tx: WriteTx, recognition_id: str, reason: str, *, on_day: date | None = None) -> None:
    """审核未通过, at the community review, the street review or the approval."""
    _advance(tx, recognition_id, K.REJECTION, on_day, _reason(reason))


def exit_recognition(
    tx: WriteTx, recognition_id: str, reason: str, *, on_day: date | None = None
) -> None:
    """退出 (found a job, moved away, no longer qualifies, …); leaves the key group."""
    _advance(tx, recognition_id, K.EXIT, on_day, _reason(reason))


def expire_recognitions(tx: WriteTx, *, on_day: date | None = None) -> int:
    """Marks every approval of the scope whose validity ended before the day as expired."""
    tx.require(Permission.RESIDENT_WRITE)
    day = on_day or date.today()
    lapsed = tx.session.scalars(
        select(Recognition).where(
            Recognition.state == RecognitionState.APPROVED,
            Recognition.valid_until < day,
            Recognition.deleted.is_(False),
            Recognition.scope_id.in_(tx.scope.communities),
        )
    ).all()
    for recognition in lapsed:
        assert recognition.valid_until is not None
        ended = recognition.valid_until + timedelta(days=1)
        _apply_step(tx, recognition, K.EXPIRY, ended, "")
    return len(lapsed)


def recognitions_of(rx: ReadTx, resident_id: str) -> tuple[RecognitionView, ...]:
    """A resident's recognitions, the newest application first."""
    rx.require(Permission.RESIDENT_READ)
    resident = resident_in_scope(rx, resident_id)
    found = rx.session.scalars(
        select(Recognition)
        .where(Recognition.resident_id == resident.id, Recognition.deleted.is_(False))
        .order_by(Recognition.applied_on.desc(), Recognition.id.desc())
    ).all()
    return tuple(_view(r) for r in found)


def get_recognition(rx: ReadTx, recognition_id: str) -> RecognitionView:
    rx.require(Permission.RESIDENT_READ)
    return _view(_load(rx, recognition_id))


def recognised_until(rx: ReadTx, resident_id: str, on_day: date) -> date | None:
    """The last valid day of the resident's approval in force on the day, if any."""
    rx.require(Permission.RESIDENT_READ)
    approvals = rx.session.scalars(
        select(Recognition.valid_until).where(
            Recognition.resident_id == resident_id,
            Recognition.state == RecognitionState.APPROVED,
            Recognition.deleted.is_(False),
            Recognition.valid_until >= on_day,
        )
    ).all()
    return max((d for d in approvals if d is not None), default=None)


def latest_lapsed_until(rx: ReadTx, resident_id: str, on_day: date) -> date | None:
    """The last valid day of the resident's most recent approval that lapsed before the day."""
    rx.require(Permission.RESIDENT_READ)
    ended = rx.session.scalars(
        select(Recognition.valid_until).where(
            Recognition.resident_id == resident_id,
            Recognition.state.in_((RecognitionState.APPROVED, RecognitionState.EXPIRED)),
            Recognition.deleted.is_(False),
            Recognition.valid_until < on_day,
        )
    ).all()
    return max((d for d in ended if d is not None), default=None)


def notices_ending(rx: ReadTx, on_day: date, within_days: int) -> tuple[NoticeEnding, ...]:
    """Notices of the scope that end within the days after `on_day` (or ended already and
    wait for the street review), the soonest first."""
    rx.require(Permission.RESIDENT_READ)
    rows = rx.session.execute(
        select(Recognition.id, Resident.id, Resident.name, Recognition.notice_ends_on)
        .join(Resident, Resident.id == Recognition.resident_id)
        .where(
            Recognition.state == RecognitionState.IN_NOTICE,
            Recognition.deleted.is_(False),
            Recognition.scope_id.in_(rx.scope.communities),
            Recognition.notice_ends_on <= on_day + timedelta(days=within_days),
        )
        .order_by(Recognition.notice_ends_on, Resident.name_pinyin)
    ).all()
    return tuple(NoticeEnding(rid, res_id, name, ends) for rid, res_id, name, ends in rows if ends)


def unemployed_since(resident: Resident) -> date | None:
    """The first day of the resident's current unbroken spell as unemployed, if they are."""
    if resident.employment_status != EmploymentStatus.UNEMPLOYED:
        return None
    start: date | None = None
    for entry in sorted(resident.status_history, key=lambda e: e.since, reverse=True):
        if entry.status != EmploymentStatus.UNEMPLOYED:
            break
        start = entry.since
    return start


def _check_category(resident: Resident, rule: rules.CategoryRule, day: date) -> None:
    if rule.min_age is not None and age_on(resident.birth_date, day) < rule.min_age[resident.sex]:
        raise RecognitionError(
            "women qualify as older workers from 40, men from 50",
            code="recognition.not_older_worker",
        )
    if rule.unemployed_years is not None:
        since = unemployed_since(resident)
        if since is None or rules.add_years(since, rule.unemployed_years) > day:
            raise RecognitionError(
                "long-term unemployment needs a year registered unemployed without a break",
                code="recognition.not_long_unemployed",
            )


def _advance(
    tx: WriteTx, recognition_id: str, step: RecognitionStepKind, on_day: date | None, note: str
) -> Recognition:
    tx.require(Permission.RESIDENT_WRITE)
    recognition = _load(tx, recognition_id)
    day = _checked_day(on_day, recognition)
    _apply_step(tx, recognition, step, day, note)
    return recognition


def _apply_step(
    tx: WriteTx, recognition: Recognition, step: RecognitionStepKind, day: date, note: str
) -> None:
    state = recognition.state
    following = rules.TRANSITIONS.get((state, step))
    if following is None:
        raise _out_of_order(state, step)
    if state == RecognitionState.IN_NOTICE and step in rules.AFTER_NOTICE:
        assert recognition.notice_ends_on is not None
        if day < recognition.notice_ends_on:
            raise RecognitionError(
                f"the public notice runs until {recognition.notice_ends_on}",
                code="recognition.notice_running",
                params={"ends_on": recognition.notice_ends_on.isoformat()},
            )
    recognition.state = following
    if step == K.NOTICE:
        recognition.notice_starts_on = day
        recognition.notice_ends_on = rules.notice_end(day)
    elif step == K.APPROVAL:
        recognition.approved_on = day
        recognition.valid_until = rules.valid_until(day)
        _set_hard_to_employ(tx, recognition.resident_id, member=True)
    elif step in (K.REJECTION, K.EXIT, K.EXPIRY):
        recognition.ended_on = day
        recognition.end_reason = note or None
        if state == RecognitionState.APPROVED:
            _set_hard_to_employ(tx, recognition.resident_id, member=False)
    _record(tx, recognition, step, day, note)


def _out_of_order(state: RecognitionState, step: RecognitionStepKind) -> RecognitionError:
    """The refusal of a step the state does not allow, saying what the state waits for."""
    message = f"a {step.value} step cannot follow the state {state.value}"
    s = RecognitionState
    if state == s.APPLIED:
        return RecognitionError(message, code="recognition.awaits_community_review")
    if state == s.COMMUNITY_REVIEWED:
        return RecognitionError(message, code="recognition.awaits_notice")
    if state == s.IN_NOTICE:
        return RecognitionError(message, code="recognition.awaits_street_review")
    if state == s.STREET_REVIEWED:
        return RecognitionError(message, code="recognition.awaits_approval")
    if state == s.APPROVED:
        return RecognitionError(message, code="recognition.already_approved")
    return RecognitionError(message, code="recognition.closed")


def _record(
    tx: WriteTx, recognition: Recognition, step: RecognitionStepKind, day: date, note: str
) -> None:
    text = note.strip()
    if len(text) > MAX_NOTE_LENGTH:
        raise RecognitionError(
            "the note is too long",
            code="recognition.note_too_long",
            params={"max": str(MAX_NOTE_LENGTH)},
        )
    recognition.steps.append(
        RecognitionStep(
            scope_id=recognition.scope_id,
            resident_id=recognition.resident_id,
            kind=step,
            on_day=day,
            recorded_by=tx.actor.username,
            note=text or None,
        )
    )


def _set_hard_to_employ(tx: WriteTx, resident_id: str, *, member: bool) -> None:
    resident = resident_in_scope(tx, resident_id)
    present = KeyGroup.HARD_TO_EMPLOY in resident.key_group_set
    if member and not present:
        resident.key_groups.append(ResidentKeyGroup(key_group=KeyGroup.HARD_TO_EMPLOY))
    elif not member and present:
        resident.key_groups = [
            link for link in resident.key_groups if link.key_group != KeyGroup.HARD_TO_EMPLOY
        ]


def _checked_day(on_day: date | None, recognition: Recognition | None) -> date:
    day = on_day or date.today()
    if day > date.today():
        raise RecognitionError("a step cannot be dated in the future", code="recognition.future")
    if recognition is not None:
        previous = max((s.on_day for s in recognition.steps), default=recognition.applied_on)
        if day < previous:
            raise RecognitionError(
                f"a step cannot be dated before the previous step ({previous})",
                code="recognition.before_previous",
                params={"previous": previous.isoformat()},
            )
    return day


def _reason(reason: str) -> str:
    if not reason.strip():
        raise RecognitionError("give the reason", code="recognition.reason_empty")
    return reason


def _in_force(recognition: Recognition, day: date) -> bool:
    return (
        recognition.state == RecognitionState.APPROVED
        and recognition.valid_until is not None
        and day <= recognition.valid_until
    )


def _load(rx: ReadTx, recognition_id: str) -> Recognition:
    recognition = rx.session.get(Recognition, recognition_id)
    if recognition is None or recognition.deleted or not rx.scope.covers(recognition.scope_id):
        raise NotFoundError("the recognition does not exist", code="recognition.gone")
    return recognition


def _view(recognition: Recognition) -> RecognitionView:
    return RecognitionView(
        id=recognition.id,
        resident_id=recognition.resident_id,
        state=recognition.state,
        categories=tuple(c for c in RecognitionCategory if c.value in recognition.categories),
        evidence=tuple(e for e in RecognitionEvidence if e.value in recognition.evidence),
        applied_on=recognition.applied_on,
        notice_starts_on=recognition.notice_starts_on,
        notice_ends_on=recognition.notice_ends_on,
        approved_on=recognition.approved_on,
        valid_until=recognition.valid_until,
        ended_on=recognition.ended_on,
        end_reason=recognition.end_reason,
        steps=tuple(
            StepView(s.kind, s.on_day, s.recorded_by, s.note)
            for s in sorted(recognition.steps, key=lambda s: (s.on_day, s.id))
        ),
    )
