"""Builds a complete demo station database from a seed: fast, repeatable, clearly marked."""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import Connection, Table, insert, select, update

from station_app.chunks import chunks
from station_app.database import Database, open_database
from station_app.demo import businesses, occupations
from station_app.demo.dates import DemoCalendar, office_time
from station_app.demo.employers import DemoEmployer, EmployerFactory
from station_app.demo.identifiers import DemoIdentifiers
from station_app.demo.jobs import JobFactory
from station_app.demo.places import CommunityPlan, plan_communities
from station_app.demo.residents import ResidentBatch, ResidentFactory
from station_app.demo.rows import DEMO_USERNAME, Row, synced
from station_app.demo.stories import add_stories
from station_app.errors import UserError
from station_app.models import (
    CITY_SCOPE,
    AuditEvent,
    Base,
    ChangeLogEntry,
    Community,
    Employer,
    EmploymentStatus,
    EmploymentStatusChange,
    Job,
    Referral,
    Resident,
    ResidentKeyGroup,
    Sex,
    StationSetting,
    User,
)
from station_app.models.community import community_id_for
from station_app.services import code_tables
from station_app.services.referral_codes import SlipKey, SlipKeys
from station_app.services.station import (
    SCOPE_SETTING,
    AdminInput,
    CommunityInput,
    set_up_station,
)

DEMO_PASSWORD = "demo1234"
DEMO_DISPLAY_NAME = "演示管理员"
DEFAULT_SEED = 2022
CHUNK_SIZE = 5_000
# A name every demo has at least once (the most common full name in China).
ALWAYS_PRESENT_NAME = "张伟"


@dataclass(frozen=True)
class DemoSize:
    """How many records of each kind a demo database holds."""

    communities: int
    residents: int
    employers: int
    jobs: int


STANDARD = DemoSize(14, 2_000, 150, 400)
SCALE = DemoSize(120, 200_000, 12_000, 50_000)  # benchmark size

Progress = Callable[[str], None]


def _quiet(_message: str) -> None:
    pass


def _stream(seed: int, purpose: str) -> random.Random:
    """An independent random source per purpose, so one table's draws never shift another's."""
    return random.Random(f"{seed}:{purpose}")


def _check_size(size: DemoSize) -> None:
    if size.communities < 1 or size.residents < 1:
        raise ValueError("a demo needs at least one community and one resident")
    if size.employers < 0 or size.jobs < 0:
        raise ValueError("counts cannot be negative")
    if size.jobs and not size.employers:
        raise ValueError("jobs need employers")


def _check_codes() -> None:
    """The demo writes only codes of the shipped tables; fail before writing anything."""
    occupations.check_codes(businesses.all_occupation_codes())
    sections = code_tables.industries()
    unknown = sorted({s for s in businesses.all_sections() if s not in sections})
    if unknown:
        raise ValueError(f"demo industry sections missing from industries.csv: {unknown}")


def generate_demo_database(
    path: Path,
    size: DemoSize = STANDARD,
    *,
    seed: int = DEFAULT_SEED,
    progress: Progress | None = None,
    today: date | None = None,
    slip_keys: SlipKeys | None = None,
) -> Database:
    """Creates a new demo station database at `path` and returns it opened.

    Its content is made as of `today` (the current day by default), so its open jobs are
    current and its residents' ages right. The same seed, size and `today` always give the
    same content (ids and timestamps included, except the admin's salted password hash).
    Log in as DEMO_USERNAME / DEMO_PASSWORD. Its referral slips are signed with `slip_keys`
    (the data folder's, so the app can print and check them), or with a key made from the
    seed. Refuses an existing file; a failed run removes the partial file.
    """
    if path.exists():
        raise UserError(f"{path} already exists; a demo database is only written to a new file")
    _check_size(size)
    _check_codes()
    report = progress or _quiet
    db = open_database(path)
    try:
        keys = slip_keys or demo_slip_keys(seed)
        _fill(db, size, seed, report, DemoCalendar(today or date.today()), keys)
    except BaseException:
        db.close()
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        raise
    return db


def referral_serials(db: Database) -> list[str]:
    """The serials of the demo's referral slips, in order."""
    with db.session() as session:
        return list(session.scalars(select(Referral.slip_number).order_by(Referral.slip_number)))


def demo_slip_keys(seed: int) -> SlipKeys:
    """A slip key made from the seed, for a demo made without a data folder's own."""
    station_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"station-demo-slips:{seed}"))
    return SlipKeys(SlipKey(station_id, f"demo-slip-secret-{seed}", enrolled=False))


def _fill(
    db: Database,
    size: DemoSize,
    seed: int,
    report: Progress,
    calendar: DemoCalendar,
    keys: SlipKeys,
) -> None:
    ids = DemoIdentifiers(_stream(seed, "identifiers"))
    plans = plan_communities(_stream(seed, "communities"), size.communities)
    with db.engine.connect() as connection:
        # Pragmas go to the driver directly: SQLite refuses them inside a transaction.
        raw = connection.connection.driver_connection
        assert raw is not None
        # Nothing is lost if the machine stops now: the half-built file is deleted anyway.
        raw.execute("PRAGMA synchronous=OFF")
        community_ids = _insert_communities(connection, ids, plans, calendar)
        connection.commit()
        report(f"communities {len(plans)}/{len(plans)}")
        _set_up_station(db, connection, ids, plans[0], community_ids, calendar)
        residents = _stream(seed, "residents")
        _insert_residents(connection, residents, ids, plans, community_ids, size, report, calendar)
        employers = _insert_employers(
            connection, _stream(seed, "employers"), ids, plans, community_ids, size, calendar
        )
        report(f"employers {len(employers)}/{size.employers}")
        _insert_jobs(connection, _stream(seed, "jobs"), ids, employers, size, report, calendar)
        connection.commit()
        stories_ids = DemoIdentifiers(_stream(seed, "stories"))
        add_stories(db, stories_ids, calendar, DEMO_PASSWORD, keys)
        report("recognitions, contacts, plans, job changes and referrals")
        raw.execute("PRAGMA synchronous=NORMAL")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    report("demo database ready")


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _insert(connection: Connection, model: type[Base], rows: Sequence[Row]) -> None:
    if rows:
        connection.execute(insert(_table(model)), list(rows))


def _insert_communities(
    connection: Connection,
    ids: DemoIdentifiers,
    plans: Sequence[CommunityPlan],
    calendar: DemoCalendar,
) -> list[str]:
    created_at = calendar.reference_time() - timedelta(days=365 * 4)
    rows: list[Row] = []
    for plan in plans:
        row = synced(community_id_for(plan.code), CITY_SCOPE, created_at)
        row.update(
            code=plan.code,
            name=plan.name,
            street=plan.street,
            latitude=plan.latitude,
            longitude=plan.longitude,
        )
        rows.append(row)
    _insert(connection, Community, rows)
    return [str(row["id"]) for row in rows]


def _set_up_station(
    db: Database,
    connection: Connection,
    ids: DemoIdentifiers,
    station: CommunityPlan,
    community_ids: Sequence[str],
    calendar: DemoCalendar,
) -> None:
    """The usual first start on the station's community, then fixed ids and times for it.

    The demo station serves every demo community, so its register holds all the residents.
    """
    set_up_station(
        db,
        CommunityInput(
            station.code, station.name, station.street, station.latitude, station.longitude
        ),
        AdminInput(DEMO_USERNAME, DEMO_DISPLAY_NAME, DEMO_PASSWORD, DEMO_PASSWORD),
        demo=True,
    )
    at = calendar.reference_time() - timedelta(days=365 * 4)
    users = _table(User)
    audit = _table(AuditEvent)
    old_id = connection.execute(
        select(users.c.id).where(users.c.username == DEMO_USERNAME)
    ).scalar_one()
    user_id = ids.uuid7(at)
    connection.execute(
        update(users).where(users.c.id == old_id).values(id=user_id, created_at=at, updated_at=at)
    )
    changes = _table(ChangeLogEntry)
    for table in (audit, changes):
        connection.execute(
            update(table).where(table.c.entity_id == old_id).values(entity_id=user_id)
        )
    for (event_id,) in connection.execute(select(audit.c.id).order_by(audit.c.id)).all():
        connection.execute(
            update(audit)
            .where(audit.c.id == event_id)
            .values(id=ids.uuid7(at), created_at=at, updated_at=at)
        )
    for (seq,) in connection.execute(select(changes.c.seq)).all():
        connection.execute(
            update(changes)
            .where(changes.c.seq == seq)
            .values(change_id=ids.uuid7(at), transaction_id=ids.uuid7(at), changed_at=at)
        )
    settings = _table(StationSetting)
    connection.execute(
        update(settings)
        .where(settings.c.key == SCOPE_SETTING)
        .values(value=json.dumps(sorted(community_ids)))
    )
    connection.commit()


def _insert_residents(
    connection: Connection,
    rng: random.Random,
    ids: DemoIdentifiers,
    plans: Sequence[CommunityPlan],
    community_ids: Sequence[str],
    size: DemoSize,
    report: Progress,
    calendar: DemoCalendar,
) -> None:
    factory = ResidentFactory(rng, ids, plans, community_ids, calendar)
    times = factory.registration_times(size.residents)
    batch = ResidentBatch()
    for index, registered in enumerate(times):
        if index == 0:
            # Unemployed: the tour's profile of him shows a recognition under way.
            factory.add(
                batch,
                registered,
                name=ALWAYS_PRESENT_NAME,
                sex=Sex.MALE,
                status=EmploymentStatus.UNEMPLOYED,
            )
        else:
            factory.add(batch, registered)
        done = index + 1
        if len(batch.residents) == CHUNK_SIZE or done == size.residents:
            _insert(connection, Resident, batch.residents)
            _insert(connection, ResidentKeyGroup, batch.key_groups)
            _insert(connection, EmploymentStatusChange, batch.status_changes)
            batch = ResidentBatch()
            report(f"residents {done}/{size.residents}")
    connection.commit()


def _insert_employers(
    connection: Connection,
    rng: random.Random,
    ids: DemoIdentifiers,
    plans: Sequence[CommunityPlan],
    community_ids: Sequence[str],
    size: DemoSize,
    calendar: DemoCalendar,
) -> list[DemoEmployer]:
    factory = EmployerFactory(rng, ids, plans, community_ids)
    when = calendar.days_before
    times = sorted(office_time(rng, when(rng, 4 * 365, 30)) for _ in range(size.employers))
    employers = [factory.make(at) for at in times]
    for chunk in chunks([e.row for e in employers], CHUNK_SIZE):
        _insert(connection, Employer, chunk)
    connection.commit()
    return employers


def _insert_jobs(
    connection: Connection,
    rng: random.Random,
    ids: DemoIdentifiers,
    employers: Sequence[DemoEmployer],
    size: DemoSize,
    report: Progress,
    calendar: DemoCalendar,
) -> None:
    if not size.jobs:
        return
    factory = JobFactory(rng, ids, employers, calendar)
    rows: list[Row] = []
    for index in range(size.jobs):
        rows.append(factory.make())
        done = index + 1
        if len(rows) == CHUNK_SIZE or done == size.jobs:
            _insert(connection, Job, rows)
            rows = []
            report(f"jobs {done}/{size.jobs}")
    connection.commit()
