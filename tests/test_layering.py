"""The layers hold: only station_app.ui imports Qt; the core imports without it; no service
uses the demo data; revision scripts use none of the program's code; the city server stands
apart."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import city_server
import station_app

PACKAGE_DIR = Path(station_app.__file__).resolve().parent
UI_DIR = PACKAGE_DIR / "ui"
MIGRATIONS_DIR = PACKAGE_DIR / "migrations"
QT_MODULES = ("PySide6", "shiboken6")
CORE_PACKAGES = (
    "station_app.core",
    "station_app.models",
    "station_app.services",
    "station_app.demo",
    "station_app.printing",
    "station_app.validation",
    "station_app.texts",
    "station_app.sync",
)

_IMPORT_EVERYTHING = """
import importlib, pkgutil, sys
packages = {packages!r}
for name in packages:
    package = importlib.import_module(name)
    for info in pkgutil.walk_packages(package.__path__, name + "."):
        importlib.import_module(info.name)
for name in ("station_app.cli", "station_app.app", "station_app.database", "station_app.config"):
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in {qt!r})
print("\\n".join(qt))
"""


def test_core_packages_import_without_qt() -> None:
    code = _IMPORT_EVERYTHING.format(packages=CORE_PACKAGES, qt=QT_MODULES)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"Qt was imported by the core: {result.stdout}"


def _python_files_outside_ui() -> list[Path]:
    return sorted(path for path in PACKAGE_DIR.rglob("*.py") if UI_DIR not in path.parents)


def _imported_modules(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        # `from station_app import ui` imports station_app.ui too
        return [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
    return []


def _is_within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def _top_level_imports(tree: ast.Module) -> list[str]:
    """Imports that run when the module is imported (not those inside functions)."""
    found: list[str] = []
    pending: list[ast.AST] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        found.extend(_imported_modules(node))
        pending.extend(ast.iter_child_nodes(node))
    return found


def test_no_module_outside_ui_imports_qt() -> None:
    offenders = []
    for path in _python_files_outside_ui():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            for module in _imported_modules(node):
                if module.split(".")[0] in QT_MODULES:
                    offenders.append(f"{path.relative_to(PACKAGE_DIR)}: {module}")
    assert offenders == []


def test_the_city_server_uses_neither_qt_nor_the_station_app() -> None:
    """The server runs where no Qt is installed, and shares nothing with a station's code."""
    server_dir = Path(city_server.__file__).resolve().parent
    offenders = []
    for path in sorted(server_dir.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            for module in _imported_modules(node):
                if module.split(".")[0] in (*QT_MODULES, "station_app"):
                    offenders.append(f"{path.relative_to(server_dir)}: {module}")
    assert offenders == []


def test_the_ui_is_imported_only_inside_functions() -> None:
    offenders = []
    for path in _python_files_outside_ui():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for module in _top_level_imports(tree):
            if _is_within(module, "station_app.ui"):
                offenders.append(f"{path.relative_to(PACKAGE_DIR)}: {module}")
    assert offenders == []


def test_services_do_not_import_the_demo_data() -> None:
    # The demo station is built on the use cases, never the other way round.
    services = sorted((PACKAGE_DIR / "services").rglob("*.py"))
    assert PACKAGE_DIR / "services" / "station.py" in services
    offenders = []
    for path in services:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            for module in _imported_modules(node):
                if _is_within(module, "station_app.demo"):
                    offenders.append(f"{path.relative_to(PACKAGE_DIR)}: {module}")
    assert offenders == []


def _migration_files() -> list[Path]:
    return sorted(path for path in MIGRATIONS_DIR.rglob("*.py") if "__pycache__" not in path.parts)


# A revision script is frozen: it must do the same in ten years as today, so it may not use the
# program's code, which changes. It carries its own copies and imports only these.
MIGRATION_IMPORTS_ALLOWED = (
    "__future__",
    "alembic",
    "sqlalchemy",
    "pypinyin",
    "station_app.migrations",
    *sorted(sys.stdlib_module_names),
)


def test_no_migration_imports_services_demo_or_ui() -> None:
    offenders = []
    for path in _migration_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            for module in _imported_modules(node):
                if any(
                    _is_within(module, f"station_app.{package}")
                    for package in ("services", "demo", "ui")
                ):
                    offenders.append(f"{path.relative_to(PACKAGE_DIR)}: {module}")
    assert offenders == []


def test_revision_scripts_import_only_what_is_allowed() -> None:
    scripts = [path for path in _migration_files() if path.parent.name == "versions"]
    assert MIGRATIONS_DIR / "versions" / "0002_resident_search_keys.py" in scripts
    offenders = []
    for path in scripts:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level > 0:
                offenders.append(f"{path.name}: relative import")
            if isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module]  # `from x import name` names attributes, not modules
            else:
                modules = _imported_modules(node)
            for module in modules:
                if not any(_is_within(module, allowed) for allowed in MIGRATION_IMPORTS_ALLOWED):
                    offenders.append(f"{path.name}: {module}")
    assert offenders == []


def test_the_checks_see_the_composition_root() -> None:
    files = {path.relative_to(PACKAGE_DIR).as_posix() for path in _python_files_outside_ui()}
    assert {"app.py", "cli.py", "services/station.py", "migrations/env.py"} <= files
    assert "migrations/versions/0001_baseline.py" in files
    app = ast.parse((PACKAGE_DIR / "app.py").read_text(encoding="utf-8"))
    nested = [m for node in ast.walk(app) for m in _imported_modules(node)]
    assert any(m.startswith("station_app.ui.") for m in nested)  # it does use the UI, lazily


def test_the_core_and_the_models_do_not_import_the_use_cases() -> None:
    """core → models/database, never back up to services (or the demo, or a front end)."""
    offenders = []
    for package in ("core", "models"):
        for path in sorted((PACKAGE_DIR / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                for module in _imported_modules(node):
                    if module.startswith(("station_app.services", "station_app.demo")):
                        offenders.append(f"{path.relative_to(PACKAGE_DIR)}: {module}")
    assert offenders == []
