"""Every benchmark script imports: a renamed function in the program breaks the test, not
the next engineer who runs the benchmark."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import benchmarks

MODULES = sorted(info.name for info in pkgutil.iter_modules(benchmarks.__path__, "benchmarks."))


def test_the_benchmarks_are_found() -> None:
    assert "benchmarks.bench_sync" in MODULES
    assert "benchmarks.bench_ledger_import" in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_a_benchmark_imports(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__doc__, f"{name} has no docstring"
