"""One measured working session on the scale database, run in a fresh process by bench_session.

The program starts through its real entry (`station_app.cli.main(["gui", ...])`: logging, crash
handler, data-folder check and lock, the painted window, the database opened behind it) and is
then worked like a worker would: the login dialog gets the demo password, every page is opened,
queries of every kind are typed into the residents page's search box, the register is scrolled,
residents and employers are registered and edited through the real forms.

Meanwhile a heartbeat timer on the GUI thread (every HEARTBEAT_MS) measures the gaps between its
ticks: the longest gap of a phase is the longest the window could not react. The resident set
size is sampled on the same ticks. Prints one JSON line.

    python -m benchmarks.session_probe DATA_DIR   # a copy: the session saves into it
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import sys
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HEARTBEAT_MS = 5
QUERIES_PER_KIND = 12
SETTLE_MS = 500  # after a save or a page switch: what follows it belongs to its phase
TIMEOUT_S = 120.0
PASSWORD = "demo1234"  # the demo station's published login (station_app.demo)


def memory_mb() -> tuple[float, float]:
    """(current, peak) resident set size of this process in MB."""
    fields: dict[str, float] = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                fields[name] = int(value.split()[0]) / 1024
    return fields.get("VmRSS", 0.0), fields.get("VmHWM", 0.0)


# --- what the session types ----------------------------------------------------------------


def _id_number(body: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]


def _credit_code(body: str) -> str:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    total = sum(alphabet.index(c) * w for c, w in zip(body, weights, strict=True))
    return body + alphabet[(31 - total % 31) % 31]


@dataclass
class Plan:
    queries: list[tuple[str, str]]  # (kind, text)
    new_residents: list[tuple[str, str, str]]  # (name, ID number, phone)
    edited_residents: list[str]  # ids
    new_employers: list[tuple[str, str]]  # (name, credit code)
    edited_employers: list[str]  # ids


def make_plan(database: Path, seed: int = 7) -> Plan:
    """Queries drawn from the database itself, and records that are not in it yet."""
    rng = random.Random(seed)
    con = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        top = con.execute("SELECT max(rowid) FROM residents").fetchone()[0]
        rows = con.execute(
            "SELECT id, name, name_pinyin, name_initials, id_number, phone FROM residents "
            f"WHERE deleted = 0 AND rowid IN ({','.join('?' * 200)})",
            rng.sample(range(1, top + 1), 200),
        ).fetchall()
        sample = rng.sample(rows, QUERIES_PER_KIND)
        kinds: dict[str, list[str]] = {
            "name 1 char": [r[1][:1] for r in sample],
            "name 2 chars": [r[1][:2] for r in sample],
            "full name": [r[1] for r in sample],
            "initials": [r[3].split()[0] for r in sample],
            "full pinyin": [r[2].split()[0] for r in sample],
            "ID 6 digits": [r[4][(s := rng.randrange(0, 12)) : s + 6] for r in sample],
            "phone last 4": [(r[5] or "0000")[-4:] for r in sample],
            "not found": ["查无此人", "qxzv", "0000000000000000", "嗯嗯嗯"] * 3,
            "empty": [""] * QUERIES_PER_KIND,
        }
        queries = [(kind, text) for kind, texts in kinds.items() for text in texts]
        rng.shuffle(queries)
        known_ids = {r[0] for r in con.execute("SELECT id_number FROM residents")}
        new_residents = []
        for n, name in enumerate(("测试甲", "测试乙", "测试丙")):
            while (
                number := _id_number(
                    f"341282{1980 + n}0{rng.randrange(1, 10)}1{n}{rng.randrange(100, 999)}"
                )
            ) in known_ids:
                pass
            new_residents.append((name, number, f"139{rng.randrange(10**7, 10**8)}"))
        codes = {r[0] for r in con.execute("SELECT credit_code FROM employers")}
        new_employers = []
        for name in ("界首市测试甲有限公司", "界首市测试乙有限公司"):
            while (code := _credit_code(f"91341282MA{rng.randrange(10**6, 10**7)}")) in codes:
                pass
            new_employers.append((name, code))
        employers = [r[0] for r in con.execute("SELECT id FROM employers WHERE deleted = 0")]
    finally:
        con.close()
    return Plan(
        queries=queries,
        new_residents=new_residents,
        edited_residents=[r[0] for r in rows[-3:]],
        new_employers=new_employers,
        edited_employers=rng.sample(employers, 2),
    )


# --- the heartbeat -------------------------------------------------------------------------


class Heartbeat:
    """Ticks every HEARTBEAT_MS on the GUI thread; the longest gap per phase, memory."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.phase = "start"
        self.max_gap_ms: dict[str, float] = {}
        self.memory: dict[str, float] = {}
        self._last = time.perf_counter()
        self._ticks = 0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def enter(self, phase: str) -> None:
        self._close_gap()
        self.phase = phase

    def stop(self) -> None:
        self._close_gap()
        self._timer.stop()

    def _close_gap(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000
        self._last = now
        if gap > self.max_gap_ms.get(self.phase, 0.0):
            self.max_gap_ms[self.phase] = gap

    def _tick(self) -> None:
        self._close_gap()
        self._ticks += 1
        if self._ticks % 10 == 0:
            current, peak = memory_mb()
            self.memory["peak_mb"] = max(self.memory.get("peak_mb", 0.0), peak)
            self.memory["current_mb"] = current


class PaintWatch:
    """When a widget last finished painting (the end of the paint, flush included)."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        watch = self
        self.painted_at = 0.0

        class Filter(QObject):
            def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    # Posted: it runs as soon as this paint (and its flush) has returned.
                    QTimer.singleShot(0, watch._mark)
                return False

        self._filter = Filter()
        widget.installEventFilter(self._filter)

    def _mark(self) -> None:
        self.painted_at = time.perf_counter()


# --- the session ---------------------------------------------------------------------------


class Until:
    def __init__(self, done: Callable[[], Any], what: str) -> None:
        self.done, self.what = done, what


class Sleep:
    def __init__(self, ms: int) -> None:
        self.ms = ms


Steps = Generator[Until | Sleep, None, None]


def _top_level(kind: str) -> Any:
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == kind and widget.isVisible():
            return widget
    return None


def session(plan: Plan, beat: Heartbeat, result: dict[str, Any]) -> Steps:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest

    def type_into(widget: Any, text: str) -> None:
        """What a worker's keyboard does: Chinese arrives committed by the input method."""
        if text.isascii():
            QTest.keyClicks(widget, text)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(text)
            QCoreApplication.sendEvent(widget, event)

    yield Until(lambda: _top_level("LoginDialog"), "the login dialog")
    dialog = _top_level("LoginDialog")
    yield Sleep(200)
    beat.enter("login")
    type_into(dialog.password, PASSWORD)
    started = time.perf_counter()
    dialog.login_button.click()
    yield Until(lambda: (w := _top_level("MainWindow")) is not None and w.page_count(), "the pages")
    window = _top_level("MainWindow")
    residents = window.current_page()
    table_paint = PaintWatch(residents.table.viewport())
    yield Until(lambda: table_paint.painted_at > started, "the first rows")
    result["login_to_rows_ms"] = (table_paint.painted_at - started) * 1000
    beat.enter("index load (background)")
    yield Until(lambda: residents.is_loaded, "the search index")
    result["login_to_index_ms"] = (time.perf_counter() - started) * 1000
    yield Sleep(SETTLE_MS)

    beat.enter("open pages")
    page_ms: dict[str, float] = {}
    for row in [*range(1, window.page_count()), 0]:
        started = time.perf_counter()
        window.show_page(row)  # builds the page when first shown; it paints afterwards
        page = window.current_page()
        watch = PaintWatch(page)
        yield Until(lambda w=watch, s=started: w.painted_at > s, "the page")  # type: ignore[misc]
        page_ms[type(page).__name__] = (watch.painted_at - started) * 1000
        yield Sleep(SETTLE_MS)
    result["page_paint_ms"] = page_ms

    beat.enter("search")
    from station_app.ui.counter.record_page import SEARCH_DELAY_MS

    resets: list[float] = []
    residents.model.modelReset.connect(lambda: resets.append(time.perf_counter()))
    searches: dict[str, list[float]] = {}
    box = residents.search_box
    for kind, text in plan.queries:
        box.setFocus()
        if box.text() == text:  # the same text again would change nothing
            box.setText("qq")
            yield Sleep(SEARCH_DELAY_MS + 100)
        box.selectAll()
        resets.clear()
        if text:
            type_into(box, text)
        else:
            QTest.keyClick(box, Qt.Key.Key_Backspace)  # over the selection
        typed = time.perf_counter()
        yield Until(
            lambda t=typed: bool(resets) and table_paint.painted_at > resets[-1] > t,  # type: ignore[misc]
            f"the rows for {text!r}",
        )
        searches.setdefault(kind, []).append((table_paint.painted_at - typed) * 1000)
        yield Sleep(50)
    result["search_ms"] = searches
    result["search_delay_ms"] = SEARCH_DELAY_MS

    box.clear()
    yield Until(lambda: residents.model.rowCount() > 100_000, "the whole register")
    yield Sleep(SETTLE_MS)
    beat.enter("scroll")
    bar = residents.table.verticalScrollBar()
    rng = random.Random(3)
    scrolls: list[float] = []
    targets = [bar.value() + bar.pageStep() * (n + 1) for n in range(30)]
    targets += [rng.randrange(bar.minimum(), bar.maximum()) for _ in range(20)]
    for target in targets:
        started = time.perf_counter()
        bar.setValue(target)
        yield Until(lambda s=started: table_paint.painted_at > s, "the scrolled rows")  # type: ignore[misc]
        scrolls.append((table_paint.painted_at - started) * 1000)
        yield Sleep(20)
    result["scroll_ms"] = scrolls
    yield Sleep(SETTLE_MS)

    beat.enter("save")
    saves: list[dict[str, Any]] = []
    loaded: list[int] = []
    residents.index_loaded.connect(lambda: loaded.append(1))

    def save(form: Any, what: str, page: Any) -> Steps:
        saved: list[str] = []
        form.record_saved.connect(saved.append)
        loaded.clear()
        started = time.perf_counter()
        assert form.save_button.isEnabled(), form.general_message_text()
        form.save_button.click()
        yield Until(lambda: saved or form.fields.isEnabled(), what)  # disabled while saving
        assert saved, form.general_message_text()
        if page is residents:
            yield Until(lambda: loaded, "the refreshed index")
        yield Until(lambda: table_paint.painted_at > started or page is not residents, "rows")
        saves.append({"what": what, "ms": (time.perf_counter() - started) * 1000})
        yield Sleep(SETTLE_MS)

    window.show_page(0)
    for name, number, phone in plan.new_residents:
        form = residents.open_register_form()
        yield Sleep(100)
        for field, text in (("id_number", number), ("name", name), ("phone", phone)):
            form.set_field_text(field, text)
        yield from save(form, "register a resident", residents)
    for n, resident_id in enumerate(plan.edited_residents):
        form = residents.open_edit_form(resident_id)
        yield Sleep(100)
        form.set_field_text("phone", f"1371234{n:04d}")
        yield from save(form, "edit a resident", residents)
    employers = window.page(1)
    window.show_page(1)
    yield Sleep(SETTLE_MS)
    for name, code in plan.new_employers:
        form = employers.open_register_form()
        yield Sleep(100)
        form.set_field_text("name", name)
        form.set_field_text("credit_code", code)
        yield from save(form, "register an employer", employers)
    for n, employer_id in enumerate(plan.edited_employers):
        form = employers.open_edit_form(employer_id)
        yield Sleep(100)
        form.set_field_text("contact_phone", f"0558 48{n:05d}")
        yield from save(form, "edit an employer", employers)
    result["saves"] = saves
    beat.stop()
    result["memory_final_mb"] = memory_mb()[0]
    result["memory_peak_mb"] = memory_mb()[1]
    window.close()


class Driver:
    """Runs the session's steps from the event loop (also inside the dialogs' own loops)."""

    def __init__(self, steps: Steps) -> None:
        from PySide6.QtCore import QTimer

        self._steps = steps
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)
        self._waiting: Until | None = None
        self._deadline = 0.0
        self.error: str | None = None
        QTimer.singleShot(0, self._step)

    def _step(self) -> None:
        try:
            if self._waiting is not None:
                if not self._waiting.done():
                    if time.perf_counter() > self._deadline:
                        raise TimeoutError(f"waited too long for {self._waiting.what}")
                    self._timer.start(1)
                    return
                self._waiting = None
            command = next(self._steps)
        except StopIteration:
            return
        except Exception as error:  # the app's crash dialog would wait for a click forever
            self.error = f"{type(error).__name__}: {error}"
            print(json.dumps({"error": self.error}), flush=True)
            os._exit(1)
        if isinstance(command, Sleep):
            self._timer.start(command.ms)
        else:
            self._waiting = command
            self._deadline = time.perf_counter() + TIMEOUT_S
            self._timer.start(1)


def main(data_dir: Path) -> int:
    from station_app import cli, paths
    from station_app.ui.shared import application

    plan = make_plan(paths.database_path(data_dir))
    result: dict[str, Any] = {}
    keep: list[Any] = []
    create_application = application.create_application

    def create_and_drive(argv: list[str] | None = None) -> Any:
        app = create_application(argv)
        beat = Heartbeat()
        keep.extend([beat, Driver(session(plan, beat, result))])
        return app

    application.create_application = create_and_drive  # the start itself is untouched
    code = cli.main(["gui", "--data-dir", str(data_dir)])
    beat = keep[0]
    result["max_gap_ms"] = beat.max_gap_ms
    result["exit_code"] = code
    print(json.dumps(result), flush=True)
    return 0 if code == 0 and "saves" in result else 1


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
