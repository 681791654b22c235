"""Tests of ``strategies/second_tournament.py`` against the original programs (k31r ... k61r).

The oracle is the tournament's own Fortran, compiled from TourExec: its moves are
stored in ``tests/data/tourexec`` (``tools/tourexec_moves.py`` records them and says
how). Every deterministic rule must replay the original's moves against the whole
panel at each of the tournament's five lengths. Every stochastic rule, fed the
original's own random numbers, must play its moves in the first ten stored runs
against each scripted partner (which pins where it draws and what it compares), and
with its own random streams must match the original's cooperation, block by block,
within sampling error (``tourexec_replay.statistics_mismatches`` states the error rate).
The twins from ``strategies/axelrod_second.py`` and elsewhere are run against the same
data, so what :data:`ORIGINALS` says about them is checked too.
"""

from pathlib import Path

import pytest
from tourexec_replay import (
    draw_replay_mismatches,
    load,
    matches_original,
    replay_mismatches,
    statistics_mismatches,
    stored_codes,
)

from cooptourney import Tournament, get_strategy
from cooptourney.strategies.second_tournament import ORIGINALS

#: The rules of this module (the table is shared with ``second_tournament_late``).
HERE = [f"k{n}r" for n in range(31, 62)]
DETERMINISTIC = [code for code in HERE if ORIGINALS[code].check == "moves"]
STOCHASTIC = [code for code in HERE if ORIGINALS[code].check == "statistics"]
TWINS = [code for code in HERE if ORIGINALS[code].twin]


@pytest.mark.parametrize("code", DETERMINISTIC)
def test_plays_the_original_moves(code):
    problems = replay_mismatches(code, code)
    assert not problems, "\n".join(problems[:10])


@pytest.mark.parametrize("code", STOCHASTIC)
def test_matches_the_original_statistics(code):
    problems = statistics_mismatches(code, code)
    assert not problems, "\n".join(problems[:10])


@pytest.mark.parametrize("code", STOCHASTIC)
def test_plays_the_original_moves_given_its_draws(monkeypatch, code):
    problems = draw_replay_mismatches(monkeypatch, code, code)
    assert not problems, "\n".join(problems[:10])


@pytest.mark.parametrize("code", HERE)
def test_declares_what_the_original_is(code):
    spec = get_strategy(code)
    original = ORIGINALS[code]
    assert spec.name == code
    assert spec.stochastic == load(code)["stochastic"] == (original.check == "statistics")
    assert original.author in spec.doc.splitlines()[0]
    assert code.upper() in spec.doc.splitlines()[0]
    assert not spec.uses_length, "the original rules were not told the length of the match"


def test_the_reference_page_lists_every_rule():
    page = (Path(__file__).resolve().parents[2] / "docs" / "reference" / "second-tournament.md").read_text()
    rows = {line.split(" | ")[0].strip("| "): line for line in page.splitlines() if line.startswith("| k")}
    for code in HERE:
        original = ORIGINALS[code]
        assert f"| {code} | {original.author} | {original.rank} |" in rows[code]
        differs = "differs" if original.twin_differs else "same"
        assert rows[code].endswith(f"| {original.twin} | {differs} |" if original.twin else "|  |  |")


def test_every_rule_of_the_range_is_here():
    assert set(HERE) <= set(ORIGINALS)
    assert set(HERE) <= set(stored_codes())


@pytest.mark.parametrize("code", TWINS)
def test_twin_differs_exactly_where_recorded(code):
    original = ORIGINALS[code]
    assert matches_original(original.twin, code) == (original.twin_differs == "")


def test_the_checks_reject_a_different_rule():
    # k56r and k59r share one program; k55r differs from it only in a coefficient or two
    assert not replay_mismatches("k59r", "k56r")
    assert replay_mismatches("k55r", "k56r")
    # k46r is k61r's rule without its first 25 moves
    assert statistics_mismatches("k46r", "k61r")


def test_deterministic_rules_play_the_original_matches_with_each_other():
    # each rule replays its partner's stored moves; here both sides are native at once
    result = Tournament(DETERMINISTIC, turns=308, repetitions=1, seed=0, record_moves=True).play()
    wrong = []
    for i, row in enumerate(DETERMINISTIC):
        stored = {m["partner"]: m for m in load(row)["matches"]}
        for j, col in enumerate(DETERMINISTIC):
            moves = result.match_moves(i, j)
            played = ("".join("CD"[a] for a in moves[:, 0]), "".join("CD"[b] for b in moves[:, 1]))
            if played != (stored[col]["own"], stored[col]["partner_moves"]):
                wrong.append(f"{row} v {col}")
    assert not wrong, wrong
