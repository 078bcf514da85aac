"""The profile's sections of the counter's regular work: follow-ups, the 1-3-1 bundle,
就业困难人员 recognitions and assistance plans (their data: the profile's parts of the same
names)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from station_app.models import KeyGroup
from station_app.services.assistance_plans import PlanRow
from station_app.services.follow_ups import FollowUpState
from station_app.services.migrant_bundle import BUNDLE, BundleState
from station_app.services.recognition import RecognitionView
from station_app.services.resident_profile import ResidentProfile
from station_app.ui.counter.residents.profile.section_base import FormSection, TableSection
from station_app.ui.shared import catalogue


def _date(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


class FollowUpSection(FormSection):
    """The contact rule that applies, the last contact and when the next one is due."""

    column = 1

    def title(self) -> str:
        return self.tr("Regular contact")

    def rows(self) -> Sequence[tuple[str, str]]:
        return [
            ("rule", self.tr("Rule")),
            ("last", self.tr("Last contact")),
            ("due", self.tr("Next contact due")),
        ]

    def show_profile(self, profile: ResidentProfile) -> None:
        state = profile.parts.get("follow_ups")
        if not isinstance(state, FollowUpState):
            self.hide()
            return
        self.show()
        rule = state.rule
        texts = catalogue.current()
        self.values["rule"].setText(
            texts.text(f"contact_rule.{rule.code}", days=rule.interval_days)
            if rule is not None
            else self.tr("No regular contact needed")
        )
        self.values["last"].setText(_date(state.last_contact) or self.tr("Never"))
        due = state.due_on
        if due is not None and due < date.today():
            text = self.tr("{date} (overdue)").format(date=_date(due))
        else:
            text = _date(due)
        self.values["due"].setText(text)


class BundleSection(FormSection):
    """The migrant worker's 1-3-1 bundle this year: each part done of wanted."""

    column = 1

    def title(self) -> str:
        return self.tr("1-3-1 service bundle")

    def rows(self) -> Sequence[tuple[str, str]]:
        texts = catalogue.current()
        return [(part.code, texts.text(f"bundle.{part.code}")) for part in BUNDLE]

    def show_profile(self, profile: ResidentProfile) -> None:
        state = profile.parts.get("migrant_bundle")
        if not isinstance(state, BundleState) or not state.applies:
            self.hide()  # only migrant workers have the bundle
            return
        self.show()
        for part in state.parts:
            text = self.tr("{done} of {wanted}").format(done=part.done, wanted=part.part.wanted)
            if part.complete:
                text = self.tr("{count}, complete").format(count=text)
            self.values[part.part.code].setText(text)


class RecognitionSection(TableSection):
    """The resident's 就业困难人员 recognitions, newest first, with their state and dates."""

    column = 0
    stretch_column = 2  # the categories: the dates beside them stay whole

    def title(self) -> str:
        return self.tr("Recognitions")

    def headers(self) -> Sequence[str]:
        return [
            self.tr("Applied"),
            self.tr("State"),
            self.tr("Categories"),
            self.tr("Notice ends"),
            self.tr("Valid until"),
        ]

    def show_profile(self, profile: ResidentProfile) -> None:
        found = profile.parts.get("recognitions")
        views = (
            [v for v in found if isinstance(v, RecognitionView)] if isinstance(found, tuple) else []
        )
        texts = catalogue.current()
        rows = [
            (
                _date(view.applied_on),
                texts.label(view.state),
                texts.labels(view.categories),
                _date(view.notice_ends_on),
                _date(view.valid_until),
            )
            for view in sorted(views, key=lambda v: v.applied_on, reverse=True)
        ]
        self.set_rows(rows, self.tr("No recognition applied for."))


class AssistancePlanSection(TableSection):
    """The one-on-one assistance plans (一对一帮扶) of a 就业困难人员, newest first."""

    column = 1

    def title(self) -> str:
        return self.tr("One-on-one assistance")

    def headers(self) -> Sequence[str]:
        return [
            self.tr("Since"),
            self.tr("Status"),
            self.tr("Responsible"),
            self.tr("Goals"),
            self.tr("Latest step"),
        ]

    def show_profile(self, profile: ResidentProfile) -> None:
        found = profile.parts.get("assistance_plans")
        plans = [p for p in found if isinstance(p, PlanRow)] if isinstance(found, tuple) else []
        if not plans and KeyGroup.HARD_TO_EMPLOY not in profile.key_groups:
            self.hide()  # plans are for persons with employment difficulties
            return
        self.show()
        texts = catalogue.current()
        rows = [
            (
                _date(plan.data.started_on),
                texts.label(plan.data.status),
                plan.data.responsible,
                plan.data.goals,
                plan.data.steps.splitlines()[-1] if plan.data.steps else "",
            )
            for plan in plans
        ]
        self.set_rows(rows, self.tr("No assistance plan yet."))
