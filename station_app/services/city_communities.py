"""The city's list of streets and communities shipped with the app, for setting a station up."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from station_app.paths import data_tables_dir
from station_app.services.station import CommunityInput

COMMUNITIES_FILE = "communities.csv"
ESTIMATED = "street_centre"  # the `coordinates` value of a position not surveyed


@dataclass(frozen=True)
class ListedCommunity:
    """One community of the shipped list; `estimated` when its centre is not surveyed."""

    code: str
    name: str
    street: str
    latitude: float
    longitude: float
    estimated: bool

    def as_input(self) -> CommunityInput:
        return CommunityInput(
            code=self.code,
            name=self.name,
            street=self.street,
            latitude=self.latitude,
            longitude=self.longitude,
        )


@lru_cache(maxsize=1)
def listed_communities() -> tuple[ListedCommunity, ...]:
    """Every community of the shipped list, in the file's order; refuses a malformed file."""
    path = data_tables_dir() / COMMUNITIES_FILE
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    communities: list[ListedCommunity] = []
    for line, row in enumerate(rows, start=2):
        try:
            community = ListedCommunity(
                code=row["code"].strip(),
                name=row["name"].strip(),
                street=row["street"].strip(),
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                estimated=row["coordinates"].strip() == ESTIMATED,
            )
        except (KeyError, ValueError, AttributeError) as error:
            raise ValueError(f"{COMMUNITIES_FILE}:{line}: {error}") from None
        if not (community.code and community.name and community.street):
            raise ValueError(f"{COMMUNITIES_FILE}:{line}: empty code, name or street")
        communities.append(community)
    codes = [c.code for c in communities]
    if len(set(codes)) != len(codes):
        raise ValueError(f"{COMMUNITIES_FILE}: a code appears twice")
    return tuple(communities)


def streets() -> list[str]:
    """The streets (街道) and towns of the list, in the file's order."""
    return list(dict.fromkeys(c.street for c in listed_communities()))


def communities_of(street: str) -> list[ListedCommunity]:
    """The listed communities of one street, in the file's order."""
    return [c for c in listed_communities() if c.street == street]


def find_listed(code: str) -> ListedCommunity | None:
    return next((c for c in listed_communities() if c.code == code), None)
