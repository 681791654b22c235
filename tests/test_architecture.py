"""The layers of the package (docs/architecture.md), checked on the source with ``ast``.

Every ``import`` and ``from ... import`` of every module of ``src/cooptourney/`` and
``strategies/`` (installed as ``cooptourney.strategies``) is read, at module level and
inside functions alike, and checked against the table of what each part may import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "cooptourney"

#: Every part of the package, top layer first. A part is a subpackage or a top-level
#: module (``cooptourney.<part>``); the strategy library is ``strategies``.
#: ``ALLOWED[part]`` is what it may import from the package; a part may always import
#: its own modules.
BASE = {"atomic", "settings", "game"}
CORE = {"core"}
ENGINE = BASE | CORE | {"registry", "strategy_api", "composite", "players", "results", "progress"}
ALLOWED: dict[str, set[str]] = {
    "__main__": {"cli"},
    "cli": {
        "demos",
        "output",
        "sweeps",
        "evolution",
        "politics",
        "tournament",
        "match",
        "multilateral",
        "markov",
        "interop",
        "coverage",
        "config",
        "reciprocity",
        "reproduce",
        "precompile",
        "__init__",
    }
    | ENGINE,
    "reproduce": {"output", "sweeps", "tournament", "match", "multilateral"} | ENGINE,
    "demos": {"output", "evolution", "reciprocity", "politics", "tournament", "match", "multilateral", "markov"}
    | ENGINE,
    "output": {"evolution", "politics", "tournament", "match", "multilateral", "__init__"} | ENGINE,
    "reciprocity": {"evolution", "tournament", "match", "multilateral"} | ENGINE,
    "sweeps": {"config", "politics", "tournament", "multilateral", "__init__"} | ENGINE,
    "evolution": {"politics", "tournament", "match", "strategies"} | ENGINE,
    "coverage": {"strategies"} | ENGINE,
    "precompile": {"tournament", "match", "multilateral"} | ENGINE,
    "config": {"politics", "tournament", "multilateral", "match"} | ENGINE,
    "markov": ENGINE,
    "politics": BASE,
    "tournament": {"interop"} | ENGINE,
    "match": {"interop"} | ENGINE,
    "multilateral": {"interop"} | ENGINE,
    "interop": {"politics"} | ENGINE,
    "results": BASE | CORE | {"__init__"},
    "players": BASE | CORE | {"registry"},
    "strategy_api": BASE | CORE | {"registry"},
    "registry": BASE | CORE | {"strategies"},  # finds the bundled library to register it
    "progress": set(),
    "composite": BASE | CORE | {"strategy_api", "registry"},
    "strategies": BASE | CORE | {"strategy_api", "registry", "composite"},
    # dispatch raises the registry's StrategyDefinitionError for a step that does not compile
    "core": CORE | {"atomic", "settings", "game", "registry"},
    "atomic": set(),
    "settings": set(),
    "game": set(),
    "__init__": {
        "game",
        "markov",
        "match",
        "players",
        "registry",
        "results",
        "settings",
        "tournament",
        "politics",
        "precompile",
        # MoranProcess and Plot, imported on first use (axelrod's top-level names)
        "evolution",
        "output",
    },
}
#: Imported by nobody but these (``cooptourney.cli`` is the program, not a library).
ONLY_IMPORTED_BY = {"cli": {"__main__", "cli"}}
#: Imports that break a rule today, each with what removes it. The test fails when one of
#: them is gone, so that its entry is removed with it.
KNOWN: set[str] = set()


def _modules() -> list[tuple[str, Path]]:
    """(dotted name, path) of every module of the package and of the strategy library."""
    found = []
    for path in sorted((ROOT / "src" / PACKAGE).rglob("*.py")):
        parts = path.relative_to(ROOT / "src").with_suffix("").parts
        found.append((".".join(parts), path))
    for path in sorted((ROOT / "strategies").rglob("*.py")):
        parts = ("cooptourney", "strategies") + path.relative_to(ROOT / "strategies").with_suffix("").parts
        found.append((".".join(parts), path))
    return found


MODULES = _modules()


def _part(dotted: str) -> str:
    """``cooptourney.evolution.moran`` -> ``evolution``; ``cooptourney`` -> ``__init__``."""
    parts = dotted.split(".")
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return parts[1] if len(parts) > 1 else "__init__"


def imports(dotted: str, path: Path) -> list[tuple[str, str | None, int]]:
    """(imported module, imported name or None, line) for every import of the package."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = dotted.rsplit(".", 1)[0]  # "a.b.__init__" -> "a.b"; "a.b.c" -> "a.b"
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(alias.name, None, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            out += [(base, alias.name, node.lineno) for alias in node.names]
    return [(m, n, line) for m, n, line in out if m == PACKAGE or m.startswith(PACKAGE + ".")]


def _target(module: str, name: str | None) -> str:
    """The module an import reaches: ``from cooptourney import plots`` reaches ``cooptourney.plots``."""
    known = {d.removesuffix(".__init__") for d, _ in MODULES}
    if name is not None and f"{module}.{name}" in known:
        return f"{module}.{name}"
    return module


def violations(dotted: str, path: Path) -> list[str]:
    """Every broken rule of one module, as ``file: what``."""
    here = _part(dotted)
    allowed = ALLOWED[here] | {here}
    where = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name
    bad = []
    for module, name, _ in imports(dotted, path):
        target = _target(module, name)
        there = _part(target)
        what = f"{module}.{name}" if name else module
        if there not in allowed:
            bad.append(f"{where}: {here} may not import {there} ({what})")
        for part, importers in ONLY_IMPORTED_BY.items():
            if there == part and here not in importers:
                bad.append(f"{where}: {part} is imported only by {', '.join(sorted(importers))} ({what})")
        private_module = any(p.startswith("_") and p not in ("__init__", "__main__") for p in target.split("."))
        private_name = name is not None and name.startswith("_") and not name.endswith("__") and target == module
        if private_module or private_name:
            bad.append(f"{where}: private name {what}")
    return bad


def _all_violations() -> set[str]:
    return {v for dotted, path in MODULES for v in violations(dotted, path)}


def test_every_part_is_in_the_table():
    parts = {_part(d) for d, _ in MODULES}
    assert parts <= set(ALLOWED), f"add to ALLOWED (and docs/architecture.md): {sorted(parts - set(ALLOWED))}"


def test_no_module_imports_a_layer_it_may_not_or_a_private_name():
    assert sorted(_all_violations() - KNOWN) == []


def test_the_known_exceptions_are_still_there():
    assert sorted(KNOWN - _all_violations()) == []


def test_core_imports_nothing_above_the_engine():
    above = {
        "cli",
        "evolution",
        "sweeps",
        "politics",
        "output",
        "demos",
        "strategies",
        "players",
        "results",
        "tournament",
        "match",
        "multilateral",
        "config",
        "interop",
        "markov",
        "coverage",
        "progress",
    }
    bad = {
        f"{path.relative_to(ROOT)}: core may not import {there} ({m}.{n})"
        for dotted, path in MODULES
        if _part(dotted) == "core"
        for m, n, _ in imports(dotted, path)
        if (there := _part(_target(m, n))) in above
    }
    assert sorted(bad - KNOWN) == []


def test_cli_is_imported_only_by_the_entry_points():
    importers = {_part(d) for d, p in MODULES for m, n, _ in imports(d, p) if _part(_target(m, n)) == "cli"}
    assert importers <= {"__main__", "cli"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("from cooptourney.cli import main\n", "core may not import cli (cooptourney.cli.main)"),
        ("from cooptourney.cli import main\n", "cli is imported only by __main__, cli (cooptourney.cli.main)"),
        ("from cooptourney.evolution import ecological\n", "core may not import evolution"),
        ("from cooptourney import sweeps\n", "core may not import sweeps (cooptourney.sweeps)"),
        ("from cooptourney.results import _ratio\n", "private name cooptourney.results._ratio"),
        ("def f():\n    from cooptourney.output import plots\n", "core may not import output"),
    ],
)
def test_a_wrong_way_import_is_caught(tmp_path, text, expected):
    path = tmp_path / "fake.py"
    path.write_text(text)
    found = violations("cooptourney.core.fake", path)
    assert any(expected in v for v in found), found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("from . import moran\n", [("cooptourney.evolution", "moran")]),
        ("from .graphs import csr_arrays\n", [("cooptourney.evolution.graphs", "csr_arrays")]),
        ("import cooptourney.cli\n", [("cooptourney.cli", None)]),
    ],
)
def test_relative_and_plain_imports_are_resolved(tmp_path, text, expected):
    path = tmp_path / "spatial.py"
    path.write_text(text)
    assert [(m, n) for m, n, _ in imports("cooptourney.evolution.spatial", path)] == expected


def test_every_package_is_installed():
    # setuptools installs the packages pyproject.toml lists, and nothing else: a new
    # subpackage missing there works in an editable install and is absent from a wheel.
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT / "src").parts) for p in (ROOT / "src" / PACKAGE).rglob("__init__.py")}
    assert listed == found | {"cooptourney.strategies"}
