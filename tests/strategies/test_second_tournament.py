"""Tests of ``strategies/second_tournament.py`` against the original programs (k31r ... k93r).

The oracle is the tournament's own Fortran, compiled from TourExec: its moves are
stored in ``tests/data/tourexec`` (``tools/tourexec_moves.py`` records them and says
how). A rule counts as stochastic there if its own random stream changes its moves;
each rule here must agree with that.

* Deterministic rules: one 308-move match against each of the 63 rules, the tournament
  program's three column rules and five scripted partners. The partner's moves are
  replayed as a script; the rule must play the original's moves exactly, at each of the
  tournament's lengths 63, 77, 151, 156 and 308 (the original is not told the length,
  so its shorter matches are prefixes of the stored one; the generator checks that).
  The deterministic rules also meet each other natively, both sides checked.
* Stochastic rules, move for move: the original got one single-precision number per
  move from ``random.Random(2 * seed)``; fed the same number on each move (the step
  function run as Python with its module's ``rand`` patched), the rule must play the
  original's moves in the first ten stored runs against each scripted partner, drawing
  at most once a move (only where the original compares the number).
* Stochastic rules, statistically, with their own random streams: 200 runs against each
  scripted partner, compared with the original's 200 runs by the per-run number of C in
  each stretch cut at the tournament's lengths and right after a partner D.
  Each comparison fails when the difference of the means exceeds 4.5 standard errors
  (Welch): under the null hypothesis, with the central limit theorem, a false alarm has
  probability 7e-6 per comparison, so about 5e-3 over the 720 comparisons of this
  module; and a difference of 5 percentage points in the cooperation rate of a
  coin-flipping rule is detected (checked below).

The twins from ``strategies/axelrod_second.py`` and elsewhere are run against the same
data, so what :data:`ORIGINALS` says about them is checked too.
"""

import importlib
import random
from pathlib import Path

import numpy as np
import pytest
from numba.core.registry import CPUDispatcher
from tourexec_replay import (
    draw_replay_mismatches,
    load,
    matches_original,
    replay_mismatches,
    statistics_mismatches,
    stored_codes,
    z_score,
)

from cooptourney import REGISTRY, Player, Tournament, get_strategy
from cooptourney.strategies.second_tournament import ORIGINALS
from cooptourney.strategy_api import (
    INFO_LENGTH,
    INFO_MY_COOPS,
    INFO_MY_SCORE,
    INFO_OPP_COOPS,
    INFO_OPP_SCORE,
    INFO_SIZE,
)

CODES = [f"k{n}r" for n in range(31, 94)]
DETERMINISTIC = [code for code in CODES if ORIGINALS[code].check == "moves"]
STOCHASTIC = [code for code in CODES if ORIGINALS[code].check == "statistics"]
TWINS = [code for code in CODES if ORIGINALS[code].twin]
TURNS = 308

_PAYOFF = {(0, 0): (3.0, 3.0), (0, 1): (0.0, 5.0), (1, 0): (5.0, 0.0), (1, 1): (1.0, 1.0)}


def _moves(text: str) -> np.ndarray:
    return np.array([0 if ch == "C" else 1 for ch in text], dtype=np.int8)


def _text(moves) -> str:
    return "".join("CD"[int(m)] for m in moves)


def _first_difference(ours: str, theirs: str) -> str:
    t = next(k for k in range(len(theirs)) if ours[k] != theirs[k])
    lo = max(0, t - 15)
    return (
        f"first difference at move {t + 1}:\n  original: ...{theirs[lo : t + 10]}\n  native  : ...{ours[lo : t + 10]}"
    )


@pytest.mark.parametrize("code", DETERMINISTIC)
def test_plays_the_original_moves(code):
    assert len(load(code)["matches"]) == 71  # the 63 rules, 3 column rules, 5 scripted partners
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


@pytest.mark.parametrize("code", CODES)
def test_declares_what_the_original_is(code):
    spec = get_strategy(code)
    original = ORIGINALS[code]
    assert spec.name == code
    assert spec.stochastic == load(code)["stochastic"] == (original.check == "statistics")
    assert spec.doc.splitlines()[0].endswith(
        f"({original.author}, {code.upper()}, rank {original.rank}; original program)"
    )
    assert not spec.uses_length, "the original rules were not told the length of the match"
    assert "INFO_LENGTH" not in spec.py_function.__code__.co_names


def test_ranks_are_the_tournament_programs_rows():
    # TourExec's table of rows 1..63: every rank once
    assert sorted(o.rank for o in ORIGINALS.values()) == list(range(1, 64))
    assert ORIGINALS["k92r"].rank == 1 and ORIGINALS["k93r"].rank == 62 and ORIGINALS["k36r"].rank == 63


def test_the_reference_page_lists_every_rule():
    page = (Path(__file__).resolve().parents[2] / "docs" / "reference" / "second-tournament.md").read_text()
    rows = {line.split(" | ")[0].strip("| "): line for line in page.splitlines() if line.startswith("| k")}
    assert sorted(rows) == CODES
    for code in CODES:
        original = ORIGINALS[code]
        assert f"| {code} | {original.author} | {original.rank} |" in rows[code]
        differs = "differs" if original.twin_differs else "same"
        assert rows[code].endswith(f"| {original.twin} | {differs} |" if original.twin else "|  |  |")


def test_every_rule_is_here_and_registered_once():
    assert sorted(ORIGINALS) == CODES
    assert set(CODES) <= set(stored_codes())
    module = importlib.import_module("cooptourney.strategies.second_tournament")
    names = [s.name for s in REGISTRY.all(include_hidden=True) if s.module == module.__name__]
    assert sorted(names) == CODES


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


def test_the_statistical_comparison_detects_five_points_of_cooperation():
    runs = load("k93r")["runs"][0]
    counts = np.array([(_moves(r) == 0).sum() for r in runs["own"]])
    assert abs(counts.mean() / TURNS - 0.5) < 0.01
    rng = np.random.default_rng(0)
    shifted = (rng.random((len(counts), TURNS)) < 0.55).sum(axis=1)
    assert abs(z_score(counts, shifted)) > 4.5
    fair = (rng.random((len(counts), TURNS)) < 0.5).sum(axis=1)
    assert abs(z_score(counts, fair)) < 4.5


def test_deterministic_rules_play_the_original_matches_with_each_other():
    # each rule replays its partner's stored moves; here both sides are native at once
    result = Tournament(DETERMINISTIC, turns=TURNS, repetitions=1, seed=0, record_moves=True).play()
    wrong = []
    for i, row in enumerate(DETERMINISTIC):
        stored = {m["partner"]: m for m in load(row)["matches"]}
        for j, col in enumerate(DETERMINISTIC):
            moves = result.match_moves(i, j)
            if (_text(moves[:, 0]), _text(moves[:, 1])) != (stored[col]["own"], stored[col]["partner_moves"]):
                wrong.append(f"{row} v {col}")
    assert not wrong, wrong


# -- branches the stored panel does not reach ---------------------------------------------
# The original's moves below were printed by
#   python3 tools/tourexec_moves.py play <code> <script> --length 308 --seed <seed>
# (first line: the rule's moves).


def original_draws(seed: int, turns: int = TURNS) -> list[float]:
    """The draws the original row player got in run ``seed``, in single precision."""
    stream = random.Random(2 * seed)
    return [float(np.float32(stream.random())) for _ in range(turns)]


def replay(monkeypatch, code: str, partner: str, draws: list[float]) -> str:
    """The rule's moves against a scripted partner, given the original's draws.

    The original drew ``draws[t]`` on move ``t + 1`` and compared it where it needed
    one; the rule's step function runs as Python with its module's ``rand`` patched to
    return that move's draw, and must draw at most once per move.
    """
    spec = get_strategy(code)
    module = importlib.import_module(spec.module)
    for attr, value in list(vars(module).items()):
        if isinstance(value, CPUDispatcher):  # helpers run as Python too
            monkeypatch.setattr(module, attr, value.py_func)
    current = {"draw": 0.0, "used": 0}

    def rand(rng):
        current["used"] += 1
        return current["draw"]

    monkeypatch.setattr(module, "rand", rand)
    opp = _moves(partner)
    my = np.zeros(len(opp), dtype=np.int8)
    state = np.array(spec.state, dtype=np.float64)
    info = np.zeros(INFO_SIZE)
    info[:4] = (3.0, 0.0, 5.0, 1.0)
    info[INFO_LENGTH] = -1.0
    for t in range(len(opp)):
        current["draw"], current["used"] = draws[t], 0
        my[t] = spec.py_function(my, opp, t, state, np.zeros(0), info, None)
        assert current["used"] <= 1, f"{code} drew {current['used']} numbers on move {t + 1}"
        gain = _PAYOFF[int(my[t]), int(opp[t])]
        info[INFO_MY_SCORE] += gain[0]
        info[INFO_OPP_SCORE] += gain[1]
        info[INFO_MY_COOPS] += my[t] == 0
        info[INFO_OPP_COOPS] += opp[t] == 0
    return _text(my)


#: K81R meets a partner that defected on move 1 and has 237 points, as many as K81R, at
#: move 81 with a fixed schedule (D on moves 81-139, C on 140-180, ...) until it defects.
K81R_EVEN_AT_81 = "DCCCDCCCCCCCCCCD" + "C" * 194 + "D" + "C" * 97
K81R_ORIGINAL = (
    "CDCCCDCCDCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDDDDD"
    "DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDDDDD"
    "DDDDDDDDDDDCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC"
    "CCCCCCCC"
)

#: K75R meets a partner that cooperates on moves 1-36 and defects on move 37, as K75R
#: itself does (its "twin"), with C until that partner's next D; seed 3.
K75R_TWIN = "C" * 36 + "D" + "C" * 100 + "D" + "CD" * 85
K75R_ORIGINAL = (
    "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCDCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC"
    "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCDCDCCCDCCCDCCCDCDCCCDCDCCCDCDCCCDCDCCCDCDCCCDCDCCCDCCCDCCCDCCC"
    "DCCCDCCCDCCCDCCCDCCCDCCCDCCCDCCCDCCCDCCCDCCCDCCCDCCCDCCCDCCCDCCCDCCCDCCCDCCCDCCCDCCCDCCCDCCCDCCCDCCC"
    "DCCCDCCC"
)


def test_k81r_schedule_for_an_even_partner():
    result = Tournament(
        [Player("k81r"), Player.sequence(K81R_EVEN_AT_81)], turns=TURNS, repetitions=1, record_moves=True
    )
    ours = _text(result.play().match_moves(0, 1)[:, 0])
    assert ours == K81R_ORIGINAL, _first_difference(ours, K81R_ORIGINAL)


def test_k75r_meets_its_twin(monkeypatch):
    ours = replay(monkeypatch, "k75r", K75R_TWIN, original_draws(3))
    assert ours == K75R_ORIGINAL, _first_difference(ours, K75R_ORIGINAL)
