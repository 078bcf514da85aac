"""Demo employers: names ending in （示例）, valid credit codes, places, contacts, liaisons."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from station_app.demo.businesses import (
    ASSOCIATION_TOPICS,
    LEGAL_FORMS,
    LINES,
    TYPE_WEIGHTS,
    BusinessLine,
    brands,
)
from station_app.demo.identifiers import DemoIdentifiers
from station_app.demo.names import NameGenerator
from station_app.demo.places import (
    CITY,
    DEMO_MARK,
    CommunityPlan,
    business_address,
    offset,
)
from station_app.demo.rows import Row, synced
from station_app.models import EmployerType
from station_app.services.name_pinyin import plain_keys

MAX_NAME_ATTEMPTS = 200


@dataclass(frozen=True)
class DemoEmployer:
    """An employer row and what the job generator needs to know about it."""

    row: Row
    line: BusinessLine

    @property
    def id(self) -> str:
        return str(self.row["id"])

    @property
    def employer_type(self) -> EmployerType:
        return EmployerType(self.row["employer_type"])


class EmployerFactory:
    """Makes employer rows from seeded random sources; names and credit codes are unique."""

    def __init__(
        self,
        rng: random.Random,
        ids: DemoIdentifiers,
        communities: Sequence[CommunityPlan],
        community_ids: Sequence[str],
    ) -> None:
        self._rng = rng
        self._ids = ids
        self._names = NameGenerator(rng)
        self._communities = list(zip(communities, community_ids, strict=True))
        weights = [(2.0 if plan.urban else 1.0) * rng.uniform(0.5, 1.5) for plan in communities]
        self._community_cum = list(itertools.accumulate(weights))
        self._stems = [plan.stem for plan in communities]
        self._streets = sorted({plan.street for plan in communities})
        self._brands = brands()
        self._types = [kind for kind, _ in TYPE_WEIGHTS]
        self._type_cum = list(itertools.accumulate(weight for _, weight in TYPE_WEIGHTS))
        self._line_cum = {
            kind: list(itertools.accumulate(line.weight for line in lines))
            for kind, lines in LINES.items()
        }
        self._forms = [form for form, _ in LEGAL_FORMS]
        self._form_cum = list(itertools.accumulate(weight for _, weight in LEGAL_FORMS))
        self._taken: set[str] = set()

    def make(self, created_at: datetime) -> DemoEmployer:
        rng = self._rng
        plan, community_id = rng.choices(self._communities, cum_weights=self._community_cum)[0]
        kind = rng.choices(self._types, cum_weights=self._type_cum)[0]
        line = rng.choices(LINES[kind], cum_weights=self._line_cum[kind])[0]
        surname, given = self._names.adult()
        owner = surname + given
        name = self._unique_name(lambda: self._name(kind, line, plan, surname))
        latitude, longitude = offset(rng, plan.latitude, plan.longitude, plan.radius_km)
        key = kind is EmployerType.ENTERPRISE and rng.random() < (
            0.24 if line.section == "C" else 0.1
        )
        mobile = kind is EmployerType.INDIVIDUAL_BUSINESS or rng.random() < 0.7
        # The owner answers for an individual business; others name a contact person.
        contact = owner if kind is EmployerType.INDIVIDUAL_BUSINESS else self._names.adult_name()
        row = synced(self._ids.uuid7(created_at), community_id, created_at)
        row.update(
            name=name,
            name_pinyin=plain_keys(name),
            credit_code=self._ids.credit_code(kind),
            employer_type=kind,
            industry=line.section,
            address=business_address(rng, plan),
            community_id=community_id,
            latitude=latitude,
            longitude=longitude,
            contact_name=contact,
            contact_phone=self._ids.mobile() if mobile else self._ids.landline(),
            key_enterprise=key,
            liaison=self._names.adult_name() if key or rng.random() < 0.25 else None,
        )
        return DemoEmployer(row=row, line=line)

    def _unique_name(self, candidate: Callable[[], str]) -> str:
        for _ in range(MAX_NAME_ATTEMPTS):
            name = candidate()
            if name not in self._taken:
                self._taken.add(name)
                return name
        raise RuntimeError("ran out of distinct demo employer names")

    def _name(
        self, kind: EmployerType, line: BusinessLine, plan: CommunityPlan, surname: str
    ) -> str:
        rng = self._rng
        brand = rng.choice(self._brands)
        if kind is EmployerType.ENTERPRISE:
            form = rng.choices(self._forms, cum_weights=self._form_cum)[0]
            return f"{CITY}{brand}{line.word}{form}{DEMO_MARK}"
        if kind is EmployerType.INDIVIDUAL_BUSINESS:
            draw = rng.random()
            if draw < 0.35:
                prefix = f"{surname}记"  # after the owner: 张记面馆
            elif draw < 0.5:
                prefix = plan.stem
            else:
                prefix = brand
            return f"{CITY}{prefix}{line.word}{DEMO_MARK}"
        if line.word == "协会":
            topic = rng.choice(ASSOCIATION_TOPICS)
            place = "" if rng.random() < 0.5 else rng.choice(self._streets).removesuffix("街道")
            return f"{CITY}{place}{topic}协会{DEMO_MARK}"
        # Institutions and social organisations are named after their place.
        draw = rng.random()
        if draw < 0.6:
            place = plan.stem
        elif draw < 0.8:
            place = plan.street.removesuffix("街道")  # 东城小学, 光武镇便民服务中心
        elif draw < 0.9:
            place = rng.choice(self._stems)
        else:
            place = brand
        return f"{CITY}{place}{line.word}{DEMO_MARK}"
