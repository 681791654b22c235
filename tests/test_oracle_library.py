"""Every oracle claim in the strategy library, checked against axelrod.

A strategy that says ``oracle="moves"`` must play its axelrod twin's moves exactly
against the panel, with and without pre-drawn noise flips; one that says
``oracle="statistics"`` must agree in cooperation rate and score within sampling
error. The claims are what ``cooptourney list --coverage`` and docs/reference/coverage.md
report, so this module is what makes that report true. Family test modules add
longer matches, parameters and hand-derived sequences on top.
"""

from pathlib import Path

import pytest
from oracle import PANEL_NAMES, assert_same_moves, assert_same_statistics

from cooptourney import REGISTRY, coverage
from cooptourney.strategies.meta import LARGE_METAS

AXL = dict(coverage.axelrod_strategies())


def _claims():
    REGISTRY.ensure_loaded()
    out = []
    for spec in REGISTRY.all(include_hidden=True):
        for axl_name in coverage.twins(spec, AXL):
            out.append(pytest.param(spec.name, axl_name, spec.oracle, id=f"{spec.name}|{axl_name}"))
    return out


CLAIMS = _claims()


#: axelrod's twins that take about a second a match (Meta Winner Deterministic runs a team
#: of 149 strategies every turn, DBS a depth-5 tree search): their moves claim is checked
#: against the foundation panel only (not Axelrod's first tournament as well) and with one
#: noise seed, about a quarter of the full check. On top, each member of the team is
#: checked move for move inside it (tests/strategies/test_meta.py), and DBS in long noisy
#: matches and with other parameters (tests/strategies/test_dbs.py).
EXPENSIVE_MOVES_IN_AXELROD = {"Meta Winner Deterministic", "DBS"}


@pytest.mark.parametrize("ours,theirs,claim", [c for c in CLAIMS if c.values[2] == "moves"])
def test_moves_claim(ours, theirs, claim):
    assert not AXL[theirs], f"{theirs} is stochastic in axelrod: claim 'statistics', not 'moves'"
    if theirs in EXPENSIVE_MOVES_IN_AXELROD:
        assert_same_moves((ours, theirs), opponents=PANEL_NAMES, seeds=(0,))
    else:
        assert_same_moves((ours, theirs))


#: axelrod's twins that run a whole team every turn (37 strategies for the Memory One
#: metas, 149 for NMWE Deterministic): checked with fewer and shorter matches, so the
#: suite stays within minutes.
#: Their native code is also checked move for move against axelrod's own Meta players
#: on a deterministic team (tests/test_oracle_meta.py).
EXPENSIVE_IN_AXELROD = {"Meta Majority Memory One", "Meta Winner Memory One", "NMWE Memory One", "NMWE Deterministic"}


#: axelrod's metas of 68 to 217 members take about a second a match in axelrod: their
#: statistics claim is checked against axelrod's outcomes precomputed by
#: tools/axelrod_meta_stats.py (tests/strategies/test_meta.py).
PRECOMPUTED_IN_AXELROD = set(LARGE_METAS)


@pytest.mark.parametrize(
    "ours,theirs,claim",
    [c for c in CLAIMS if c.values[2] == "statistics" and c.values[1] not in PRECOMPUTED_IN_AXELROD],
)
def test_statistics_claim(ours, theirs, claim):
    if theirs in EXPENSIVE_IN_AXELROD:
        assert_same_statistics(
            (ours, theirs), opponents=("Cooperator", "Defector", "Tit For Tat"), turns=20, matches=50
        )
    else:
        assert_same_statistics((ours, theirs))


def test_every_claim_has_an_axelrod_twin():
    claimed = {s.name for s in REGISTRY.all(include_hidden=True) if s.oracle}
    with_twin = {c.values[0] for c in CLAIMS}
    assert claimed <= with_twin, f"claims without an axelrod twin: {sorted(claimed - with_twin)}"


def test_unverified_twins_say_why():
    silent = [c.values[0] for c in CLAIMS if c.values[2] is None and not REGISTRY.get(c.values[0]).oracle_note]
    assert not silent, f"native twins with neither an oracle claim nor an oracle_note: {sorted(set(silent))}"


def test_docs_coverage_table_is_current():
    path = Path(__file__).resolve().parents[1] / "docs" / "reference" / "coverage.md"
    expected = coverage.markdown(coverage.coverage())
    assert path.read_text(encoding="utf-8") == expected, (
        "docs/reference/coverage.md is stale: run `python -m cooptourney.coverage docs/reference/coverage.md`"
    )


def test_coverage_counts_add_up():
    rows = coverage.coverage()
    assert len(rows) == len(AXL)
    for r in rows:
        if r.status == coverage.VERIFIED:
            assert r.how in ("moves", "statistics") and r.native_name
            assert REGISTRY.get(r.axelrod_name).name == r.native_name
        elif r.status == coverage.DIFFERS:
            assert r.how == coverage.KNOWN_DIFFERENCES[r.axelrod_name] and r.native_name
        elif r.status == coverage.PYTHON:
            assert r.axelrod_name not in REGISTRY
            assert r.how, f"{r.axelrod_name} runs on the Python path only: say why in PYTHON_PATH_REASONS"


def test_axelrods_darwin_learns_across_matches_and_ours_does_not():
    """What the coverage report says of Darwin: after a match against Alternator,
    axelrod's Darwin (its genome a class attribute) meets Cooperator with defections,
    while ours, starting every match afresh, is Tit For Tat and cooperates."""
    import axelrod as axl

    from cooptourney import Tournament

    assert coverage.coverage()[[r.axelrod_name for r in coverage.coverage()].index("Darwin")].status == coverage.DIFFERS
    axl.Darwin.reset_genome()
    try:
        axl.Match((axl.Darwin(), axl.Alternator()), turns=10).play()
        second = axl.Match((axl.Darwin(), axl.Cooperator()), turns=10).play()
    finally:
        axl.Darwin.reset_genome()
    assert sum(a == axl.Action.D for a, _ in second) > 0
    r = Tournament(["Darwin", "Alternator", "Cooperator"], turns=10, repetitions=1, seed=0).play()
    assert r.coop_matrix[0, 2].sum() == 10


def test_list_coverage_prints_every_axelrod_strategy_and_the_summary(capsys):
    from cooptourney.cli import main

    assert main(["list", "--coverage"]) == 0
    out = capsys.readouterr().out
    rows = coverage.coverage()
    assert coverage.summary(rows) in out
    for r in rows:
        line = next(ln for ln in out.splitlines() if ln.startswith(r.axelrod_name + " "))
        assert r.status in line
        assert ("Python path" in line) == (r.status == coverage.PYTHON)
