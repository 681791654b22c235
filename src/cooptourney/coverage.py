"""How much of ``axelrod``'s strategy library runs natively: ``cooptourney list --coverage``.

Every ``axelrod`` strategy is in one of three states here:

``verified``
    A native strategy answers to its ``axelrod`` name (as its name or an alias) and
    carries an oracle claim (``@strategy(..., oracle="moves" | "statistics")``) that
    ``tests/test_oracle_library.py`` checks against ``axelrod`` itself: identical moves
    against the panel with and without pre-drawn noise flips, or the same cooperation
    rate and score within sampling error (the Meta players of the large teams, too slow
    in ``axelrod`` for that, against its precomputed outcomes: ``tests/strategies/test_meta.py``).
``differs``
    Native, and its claim is checked within one match, but it behaves differently from
    ``axelrod``'s in a tournament; :data:`KNOWN_DIFFERENCES` says how.
``unverified``
    Native, but without a claim; ``oracle_note`` says why.
``python``
    No native twin. The strategy still takes part in cooptourney tournaments through
    the Python path (``cooptourney.interop``): those pairs run in ``axelrod``'s own
    Match, all other pairs in the compiled core.

``axelrod`` is needed to build the report (it is the thing being compared against);
it is a test dependency, not a runtime one. ``python -m cooptourney.coverage FILE.md``
regenerates the docs table (``docs/reference/coverage.md``), written atomically.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from cooptourney.registry import REGISTRY, StrategySpec, name_key

VERIFIED, DIFFERS, UNVERIFIED, PYTHON = "verified", "differs", "unverified", "python"

#: axelrod strategies whose native twin passes its check within a match but not in a
#: tournament, and how the two differ.
KNOWN_DIFFERENCES = {
    "Darwin": (
        "moves checked within one match from a fresh genome (where it is Tit For Tat); axelrod's Darwin "
        "keeps its genome in a class attribute shared by all its instances and carried from match to match, "
        "so from its second match in a tournament it plays what earlier matches taught it, while here "
        "every match starts afresh (results must not depend on the order of the matches)"
    ),
}


#: Why a strategy runs only on the Python path. Every axelrod strategy has a native twin
#: (the Meta players included: strategies/meta.py), so none is listed; a strategy axelrod
#: adds later and cooptourney does not yet port is explained here.
PYTHON_PATH_REASONS: dict[str, str] = {}


@dataclass(frozen=True)
class CoverageRow:
    axelrod_name: str
    stochastic: bool  # as axelrod classifies it
    status: str  # VERIFIED, DIFFERS, UNVERIFIED or PYTHON
    native_name: str = ""  # our strategy answering to the axelrod name
    how: str = ""  # "moves", "statistics", or the reason it is unverified


def _axelrod():
    try:
        import axelrod
    except ImportError:  # pragma: no cover - axelrod is a test dependency
        raise RuntimeError(
            "the coverage report compares against axelrod, which is not installed; "
            "install it with: pip install 'axelrod==4.13.1'"
        ) from None
    return axelrod


def axelrod_strategies(progress: bool = False) -> list[tuple[str, bool]]:
    """(name, stochastic) of every strategy in ``axelrod.all_strategies``, sorted by name;
    ``progress`` shows a bar on stderr (some of axelrod's players take seconds to build)."""
    from cooptourney.progress import ProgressBar

    axl = _axelrod()
    rows = {}
    with ProgressBar(len(axl.all_strategies), "strategy", progress, desc="axelrod strategies") as bar:
        for cls in axl.all_strategies:
            player = cls()
            rows[player.name] = bool(axl.Classifiers["stochastic"](player))
            bar.update(1)
    return sorted(rows.items(), key=lambda kv: kv[0].lower())


def twins(spec: StrategySpec, axelrod_names) -> list[str]:
    """The ``axelrod`` names among ``spec``'s name and aliases (spelling as axelrod's)."""
    by_norm = {name_key(n): n for n in axelrod_names}
    return [by_norm[name_key(k)] for k in (spec.name, *spec.aliases) if name_key(k) in by_norm]


def coverage(progress: bool = False) -> list[CoverageRow]:
    """One row per ``axelrod`` strategy (``progress``: a bar on stderr while axelrod's are read)."""
    REGISTRY.ensure_loaded()
    strategies = axelrod_strategies(progress)
    native: dict[str, StrategySpec] = {}
    for spec in REGISTRY.all(include_hidden=True):
        for name in twins(spec, [n for n, _ in strategies]):
            native.setdefault(name, spec)
    rows = []
    for name, stochastic in strategies:
        spec = native.get(name)
        if spec is None:
            rows.append(CoverageRow(name, stochastic, PYTHON, how=PYTHON_PATH_REASONS.get(name, "")))
        elif name in KNOWN_DIFFERENCES:
            rows.append(CoverageRow(name, stochastic, DIFFERS, spec.name, KNOWN_DIFFERENCES[name]))
        elif spec.oracle:
            rows.append(CoverageRow(name, stochastic, VERIFIED, spec.name, spec.oracle))
        else:
            rows.append(CoverageRow(name, stochastic, UNVERIFIED, spec.name, spec.oracle_note or "no oracle claim yet"))
    return rows


def original_program_twins() -> list[tuple[str, str, str]]:
    """(twin, code, how it differs) for each strategy that re-implements a rule of Axelrod's
    second tournament whose original program is native here (``strategies/second_tournament*.py``).

    The difference is "" where the twin plays like the original program against its stored
    moves; ``tests/strategies/test_second_tournament*.py`` checks each entry both ways.
    """
    REGISTRY.ensure_loaded()
    from cooptourney.strategies.second_tournament import ORIGINALS

    return sorted(((o.twin, o.code, o.twin_differs) for o in ORIGINALS.values() if o.twin), key=lambda r: r[1])


def _original_program_section() -> list[str]:
    lines = [
        "",
        "## Twins of the second tournament's original programs",
        "",
        "The rules k31r ... k93r follow the original Fortran programs of Axelrod's second tournament "
        "([second tournament](second-tournament.md)). A strategy of the library that re-implements one "
        "of them (most after `axelrod`) is also run against the original's stored moves: it plays like "
        "the original if it plays the same moves (deterministic rules) or the same cooperation within "
        "sampling error (stochastic ones) against the stored panel. Where they differ, the original is "
        "right and the rule under its code follows it.",
        "",
        "| twin | original | plays like the original | how the twin differs |",
        "|---|---|---|---|",
    ]
    for twin, code, differs in original_program_twins():
        lines.append(f"| {_cell(twin)} | {code} | {'no' if differs else 'yes'} | {_cell(differs)} |")
    return lines


def summary(rows: list[CoverageRow]) -> str:
    total = len(rows)
    count = {s: sum(r.status == s for r in rows) for s in (VERIFIED, DIFFERS, UNVERIFIED, PYTHON)}
    det = [r for r in rows if not r.stochastic]
    det_ok = sum(r.status == VERIFIED for r in det)
    axl = _axelrod()
    return (
        f"axelrod {axl.__version__}: {total} strategies; native and verified {count[VERIFIED]} "
        f"({100 * count[VERIFIED] / total:.0f}%), native but different in a tournament {count[DIFFERS]}, "
        f"native but unverified {count[UNVERIFIED]}, "
        f"Python path only {count[PYTHON]}. Deterministic: {det_ok} of {len(det)} verified."
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("$", "\\$")


def markdown(rows: list[CoverageRow]) -> str:
    """The docs table (``docs/reference/coverage.md``)."""
    lines = [
        "# Coverage of the axelrod strategy library",
        "",
        "Generated by `python -m cooptourney.coverage docs/reference/coverage.md`; a test fails when it is stale.",
        "`cooptourney list --coverage` prints the same table.",
        "",
        summary(rows),
        "",
        "- **verified**: native, and `tests/test_oracle_library.py` checks it against `axelrod`: "
        "identical moves against the panel with and without noise flips (*moves*), or cooperation "
        "rate and score within sampling error (*statistics*). The Meta players of 68 to 217 members "
        "are checked in `tests/strategies/test_meta.py` instead: their cooperation-count distribution "
        "against axelrod's, precomputed by `tools/axelrod_meta_stats.py`, and their rules move for "
        "move on a deterministic team.",
        "- **differs**: native and checked within one match, but it plays differently from `axelrod`'s "
        "in a tournament; how is given.",
        "- **unverified**: native, not (yet) checked; the reason is given.",
        "- **python**: no native twin; it still plays in cooptourney tournaments through the Python "
        "path (`cooptourney.interop`), in `axelrod`'s own Match.",
        "",
        "| axelrod strategy | stochastic | status | native name | check or reason |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {_cell(r.axelrod_name)} | {'yes' if r.stochastic else 'no'} | {r.status} | "
            f"{_cell(r.native_name)} | {_cell(r.how)} |"
        )
    lines += _original_program_section()
    return "\n".join(lines) + "\n"


def table(rows: list[CoverageRow]) -> str:
    """Plain-text table for the terminal."""
    width = max(len(r.axelrod_name) for r in rows)
    out = [f"{'axelrod strategy':<{width}}  {'rand':<4}  {'status':<10}  native name / check"]
    for r in rows:
        detail = f"{r.native_name} ({r.how})" if r.native_name else "Python path" + (f": {r.how}" if r.how else "")
        out.append(f"{r.axelrod_name:<{width}}  {'yes' if r.stochastic else 'no':<4}  {r.status:<10}  {detail}")
    out.append("")
    out.append(summary(rows))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    from cooptourney.atomic import write_atomic

    argv = sys.argv[1:] if argv is None else argv
    text = markdown(coverage())
    if argv:
        write_atomic(argv[0], lambda tmp: tmp.write_text(text, encoding="utf-8"))
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

__all__ = ["KNOWN_DIFFERENCES", "CoverageRow", "coverage", "markdown", "summary", "table", "twins"]
