"""Compile the Qt translations, or check that they and the text catalogue are complete.

    python installer/build_translations.py          # every resources/translations/*.ts -> .qm
    python installer/build_translations.py --check  # fail if a UI string lacks a translation

The check runs ``pyside6-lupdate`` over ``station_app/ui`` into a temporary copy of
``resources/translations/station_zh_CN.ts`` (the real file is never touched) and reports
every source string whose translation is missing or still marked unfinished, and every
finished translation whose placeholders are not exactly its source's: the UI's one style is
``{name}`` (filled with str.format), and ``%n`` only where Qt's plural forms need it; a Qt
``%1`` is reported wherever it appears. It then checks
the catalogue of ``station_app/texts`` (``resources/translations/texts_*.json``): every code
translated, no stray codes, each translation with exactly its source's ``{placeholders}``.
The catalogue's JSON files need no compiling.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
UI_DIR = ROOT / "station_app" / "ui"
MAIN_TS = TRANSLATIONS_DIR / "station_zh_CN.ts"
CATALOGUE_LANGUAGES = ("zh_CN",)  # each must have a complete texts_<language>.json
# Qt's own markers: %n (the count of a plural form) and the numbered %1 ... %99, %L1.
QT_MARKER = re.compile(r"%(?:n|L?[1-9][0-9]?)")


def find_tool(name: str) -> Path:
    """Locate a PySide6 tool: next to this interpreter, then on PATH, then inside PySide6."""
    exe_suffix = ".exe" if sys.platform == "win32" else ""
    candidate = Path(sys.executable).parent / f"{name}{exe_suffix}"
    if candidate.is_file():
        return candidate
    found = shutil.which(name)
    if found:
        return Path(found)
    # The wrappers call the binaries shipped inside the PySide6 package ("lrelease", ...).
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin is not None:
        bare = name.removeprefix("pyside6-")
        pkg_dir = Path(spec.origin).parent
        for inside in (pkg_dir / f"{bare}{exe_suffix}", pkg_dir / "Qt" / "bin" / bare):
            if inside.is_file():
                return inside
    raise SystemExit(
        f"error: {name} not found (looked next to {sys.executable} and on PATH). "
        "Install the app into this environment first: pip install -e '.[test]'"
    )


def compile_all() -> int:
    ts_files = sorted(TRANSLATIONS_DIR.glob("*.ts"))
    if not ts_files:
        print(f"no .ts files in {TRANSLATIONS_DIR.relative_to(ROOT)}: nothing to compile")
        return 0
    lrelease = find_tool("pyside6-lrelease")
    for ts in ts_files:
        qm = ts.with_suffix(".qm")
        result = subprocess.run(
            [str(lrelease), str(ts), "-qm", str(qm)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not qm.is_file():
            sys.stderr.write(result.stdout)
            sys.stderr.write(result.stderr)
            print(
                f"error: pyside6-lrelease failed on {ts.relative_to(ROOT)} "
                f"(exit code {result.returncode})",
                file=sys.stderr,
            )
            return 1
        print(f"compiled {ts.relative_to(ROOT)} -> {qm.name}")
    return 0


def _message_text(message: ET.Element) -> str:
    source = message.findtext("source") or ""
    comment = message.findtext("comment")
    return f"{source!r} ({comment})" if comment else repr(source)


def untranslated(ts_file: Path) -> list[str]:
    """Messages still in the sources whose translation is missing or unfinished."""
    missing: list[str] = []
    root = ET.parse(ts_file).getroot()
    for context in root.iter("context"):
        context_name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if kind in ("vanished", "obsolete"):
                continue  # no longer in the sources
            if translation is None:
                empty = True
            elif message.get("numerus") == "yes":
                forms = translation.findall("numerusform")
                empty = not forms or any(not (f.text or "").strip() for f in forms)
            else:
                empty = not (translation.text or "").strip()
            if kind == "unfinished" or empty:
                missing.append(f"{context_name}: {_message_text(message)}")
    return missing


def _catalogue_package() -> None:
    # This checkout's package, not whichever one the interpreter has installed.
    checkout = str(Path(__file__).resolve().parent.parent)
    if checkout not in sys.path:
        sys.path.insert(0, checkout)


def _markers(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The {name} placeholders and the Qt markers (%n, %1) of a text; ValueError if odd."""
    _catalogue_package()
    from station_app.texts.placeholders import placeholders

    return placeholders(text), frozenset(QT_MARKER.findall(text))


def _shown(names: frozenset[str]) -> str:
    return ", ".join(sorted(names)) or "none"


def placeholder_faults(ts_file: Path) -> list[str]:
    """Finished translations whose placeholders are not exactly their source's.

    Each translation (each plural form) must have the source's ``{name}`` placeholders and
    its ``%n``; a numbered Qt placeholder (``%1``) in a source or translation is a fault:
    the UI fills ``{name}`` with str.format.
    """
    faults: list[str] = []
    root = ET.parse(ts_file).getroot()
    for context in root.iter("context"):
        context_name = context.findtext("name") or ""
        for message in context.iter("message"):
            where = f"{context_name}: {_message_text(message)}"
            translation = message.find("translation")
            if translation is None or translation.get("type") in (
                "unfinished",
                "vanished",
                "obsolete",
            ):
                continue  # untranslated() reports what is unfinished
            source = message.findtext("source") or ""
            if message.get("numerus") == "yes":
                texts = [f.text or "" for f in translation.findall("numerusform")]
            else:
                texts = [translation.text or ""]
            try:
                names, markers = _markers(source)
            except ValueError as exc:
                faults.append(f"{where}: the source: {exc}")
                continue
            numbered = markers - {"%n"}
            if numbered:
                faults.append(f"{where}: the source uses {_shown(numbered)}; write {{name}}")
                continue
            for text in texts:
                if not text.strip():
                    continue  # untranslated() reports it
                try:
                    found_names, found_markers = _markers(text)
                except ValueError as exc:
                    faults.append(f"{where}: the translation: {exc}")
                    continue
                wanted = {f"{{{n}}}" for n in names} | markers
                found = {f"{{{n}}}" for n in found_names} | found_markers
                if wanted != found:
                    faults.append(
                        f"{where}: the translation {text!r} has the placeholders "
                        f"{_shown(frozenset(found))}, its source {_shown(frozenset(wanted))}"
                    )
    return faults


def check_catalogue() -> int:
    """The catalogue of station_app/texts against its translations; 1 if anything is wrong."""
    _catalogue_package()
    from station_app.texts.check import check_language, check_sources
    from station_app.texts.translations import translated_languages

    languages = sorted({*CATALOGUE_LANGUAGES, *translated_languages(TRANSLATIONS_DIR)})
    faults = check_sources()
    for language in languages:
        faults.extend(check_language(language, TRANSLATIONS_DIR))
    if faults:
        print(f"{len(faults)} fault(s) in the text catalogue:", file=sys.stderr)
        for line in faults:
            print(f"  {line}", file=sys.stderr)
        return 1
    print(f"text catalogue complete in {', '.join(languages)}")
    return 0


def check() -> int:
    qt = check_qt()
    catalogue = check_catalogue()
    return qt or catalogue


def check_qt() -> int:
    if not MAIN_TS.is_file():
        print(f"{MAIN_TS.relative_to(ROOT)} does not exist yet: nothing to check")
        return 0
    sources = sorted(p for p in UI_DIR.rglob("*.py") if p.is_file()) if UI_DIR.is_dir() else []
    if not sources:
        print(f"no Python sources in {UI_DIR.relative_to(ROOT)}: nothing to check")
        return 0
    lupdate = find_tool("pyside6-lupdate")
    with tempfile.TemporaryDirectory(prefix="station-ts-check-") as tmp:
        work_ts = Path(tmp) / MAIN_TS.name
        shutil.copyfile(MAIN_TS, work_ts)
        # Pass the files themselves: lupdate's directory scan does not pick .py by default.
        result = subprocess.run(
            [str(lupdate), "-locations", "none", *map(str, sources), "-ts", str(work_ts)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            sys.stderr.write(result.stdout)
            sys.stderr.write(result.stderr)
            print(f"error: pyside6-lupdate failed (exit code {result.returncode})", file=sys.stderr)
            return 1
        missing = untranslated(work_ts)
        wrong = placeholder_faults(work_ts)
    if wrong:
        print(
            f"{len(wrong)} translation(s) in {MAIN_TS.relative_to(ROOT)} with other "
            "placeholders than their source:",
            file=sys.stderr,
        )
        for line in wrong:
            print(f"  {line}", file=sys.stderr)
    if missing:
        print(
            f"{len(missing)} UI string(s) lack a finished translation in "
            f"{MAIN_TS.relative_to(ROOT)}:",
            file=sys.stderr,
        )
        for line in missing:
            print(f"  {line}", file=sys.stderr)
    if missing or wrong:
        return 1
    print(
        f"translations complete: every string in {UI_DIR.relative_to(ROOT)} is translated, "
        "with its source's placeholders"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--check",
        action="store_true",
        help="check that every UI string and catalogue text is translated (writes nothing)",
    )
    args = parser.parse_args(argv)
    return check() if args.check else compile_all()


if __name__ == "__main__":
    raise SystemExit(main())
