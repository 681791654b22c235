"""The rules K62R-K93R of Axelrod's second tournament against the original programs' moves.

The data in ``tests/data/tourexec/<code>.json.gz`` are the moves of the original FORTRAN
rules, compiled from TourExec and played by ``tools/tourexec_moves.py`` (which says how
to regenerate them). A rule counts as stochastic there if its own random stream changes
its moves; each rule here must agree with that.

* Deterministic rules: one 308-move match against each of the 63 rules, the tournament
  program's three column rules and five scripted partners. The partner's moves are
  replayed as a script; the rule must play the original's moves exactly, at each of the
  tournament's lengths 63, 77, 151, 156 and 308 (the original is not told the length,
  so its shorter matches are prefixes of the stored one; the generator checks that).
  The deterministic rules also meet each other natively, both sides checked.
* Stochastic rules, move for move: the original got one single-precision number per
  move from ``random.Random(2 * seed)``; fed the same number on each move (the step
  function run as Python with its module's ``rand`` patched), the rule must play the
  original's moves, in the first runs of each scripted partner, drawing at most once a
  move (only where the original compares the number).
* Stochastic rules, statistically, with their own random streams: 200 runs against each
  scripted partner, compared with the original's 200 runs by the per-run number of C in
  the whole match, in its first 60 moves and right after a partner D (a conditional
  frequency). Each comparison fails when the difference of the means exceeds 4.5
  standard errors (Welch): under the null hypothesis, with the central limit theorem,
  a false alarm has probability 7e-6 per comparison, so about 1.5e-3 over the 210
  comparisons of this module; and a difference of 5 percentage points in the
  cooperation rate of a coin-flipping rule is detected (checked below).
"""

import gzip
import json
import math
import random
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from numba.core.registry import CPUDispatcher

from cooptourney import REGISTRY, Player, Tournament
from cooptourney.registry import get_strategy
from cooptourney.strategies import second_tournament_late
from cooptourney.strategy_api import (
    INFO_LENGTH,
    INFO_MY_COOPS,
    INFO_MY_SCORE,
    INFO_OPP_COOPS,
    INFO_OPP_SCORE,
    INFO_SIZE,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "tourexec"
CODES = [f"k{n}r" for n in range(62, 94)]
DETERMINISTIC = [c for c in CODES if not get_strategy(c).stochastic]
STOCHASTIC = [c for c in CODES if get_strategy(c).stochastic]

TURNS = 308
#: the match lengths of the second tournament
LENGTHS = (63, 77, 151, 156, 308)
#: runs per scripted partner replayed draw for draw (of the 200 stored)
REPLAYED_RUNS = 6
#: the difference of two means that fails a statistical comparison, in standard errors
Z_MAX = 4.5
EARLY = 60

_PAYOFF = {(0, 0): (3.0, 3.0), (0, 1): (0.0, 5.0), (1, 0): (5.0, 0.0), (1, 1): (1.0, 1.0)}


@cache
def load(code: str) -> dict:
    with gzip.open(DATA / f"{code}.json.gz", "rt") as f:
        return json.load(f)


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


ORIGINALS = {row[0]: row for row in second_tournament_late.LATE_ORIGINALS}
TWINS = [code for code in CODES if ORIGINALS[code][3]]


@pytest.mark.parametrize("code", CODES)
def test_declares_what_the_original_is(code):
    spec = get_strategy(code)
    _, author, rank, _, _, stochastic = ORIGINALS[code]
    first = spec.doc.splitlines()[0]
    assert spec.name == code
    assert first.endswith(f"({author}, {code.upper()}, rank {rank}; original program)")
    assert spec.stochastic == stochastic
    assert (DATA / f"{code}.json.gz").is_file()


def test_ranks_are_the_tournament_programs_rows():
    # TourExec's table of rows 1..63; the ranks of the late rules are all different
    ranks = [row[2] for row in second_tournament_late.LATE_ORIGINALS]
    assert sorted(ORIGINALS) == CODES and len(set(ranks)) == len(ranks)
    assert ORIGINALS["k92r"][2] == 1 and ORIGINALS["k93r"][2] == 62 and ORIGINALS["k74r"][2] == 61


@pytest.mark.parametrize("code", CODES)
def test_stochastic_as_the_original(code):
    # the data's flag is measured: the original's moves change with its random numbers
    assert get_strategy(code).stochastic == load(code)["stochastic"]


def test_no_rule_reads_the_match_length():
    # the originals were not told it, so the tournament's shorter matches are prefixes
    for code in CODES:
        spec = get_strategy(code)
        assert not spec.uses_length and "INFO_LENGTH" not in spec.py_function.__code__.co_names, code


@pytest.mark.parametrize("code", DETERMINISTIC)
def test_deterministic_rule_plays_the_original_moves(code):
    matches = load(code)["matches"]
    assert len(matches) == 71  # the 63 rules, 3 column rules, 5 scripted partners
    players = [Player(code)] + [Player.sequence(m["partner_moves"]) for m in matches]
    for turns in LENGTHS:
        result = Tournament(players, turns=turns, repetitions=1, record_moves=True, seed=0).play()
        for k, match in enumerate(matches):
            ours, theirs = _text(result.match_moves(0, k + 1)[:, 0]), match["own"][:turns]
            assert ours == theirs, f"{code} v {match['partner']}, {turns} moves: {_first_difference(ours, theirs)}"


def test_deterministic_rules_play_the_original_matches_with_each_other():
    # each rule replays its partner's stored moves; here both sides are native at once
    result = Tournament(DETERMINISTIC, turns=TURNS, repetitions=1, seed=0, record_moves=True).play()
    wrong = []
    for i, row in enumerate(DETERMINISTIC):
        stored = {m["partner"]: m for m in load(row)["matches"]}
        for j, col in enumerate(DETERMINISTIC):
            moves = result.match_moves(i, j)
            played = (_text(moves[:, 0]), _text(moves[:, 1]))
            if played != (stored[col]["own"], stored[col]["partner_moves"]):
                wrong.append(f"{row} v {col}")
    assert not wrong, wrong


# -- stochastic rules ------------------------------------------------------------------


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
    for attr, value in list(vars(second_tournament_late).items()):
        if isinstance(value, CPUDispatcher):  # helpers run as Python too
            monkeypatch.setattr(second_tournament_late, attr, value.py_func)
    current = {"draw": 0.0, "used": 0}

    def rand(rng):
        current["used"] += 1
        return current["draw"]

    monkeypatch.setattr(second_tournament_late, "rand", rand)
    spec = get_strategy(code)
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


@pytest.mark.parametrize("code", STOCHASTIC)
def test_stochastic_rule_plays_the_original_moves_given_its_draws(code, monkeypatch):
    for partner in load(code)["runs"]:
        for seed, own in enumerate(partner["own"][:REPLAYED_RUNS]):
            ours = replay(monkeypatch, code, partner["partner_moves"], original_draws(seed))
            assert ours == own, f"{code} v {partner['partner']}, run {seed}: {_first_difference(ours, own)}"


def z_score(a: np.ndarray, b: np.ndarray) -> float:
    """Welch's statistic for the difference of two sample means (inf if both are constant and differ)."""
    se = math.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b))
    gap = abs(a.mean() - b.mean())
    if se == 0.0:
        return 0.0 if gap == 0.0 else math.inf
    return gap / se


def _statistics(runs: list[str], partner: str) -> dict[str, np.ndarray]:
    """Per run: the number of C in the match, in its first moves, and right after a partner D."""
    moves = np.array([_moves(r) for r in runs]) == 0
    after_d = np.concatenate([[False], _moves(partner)[:-1] == 1])
    return {
        "all moves": moves.sum(axis=1),
        f"the first {EARLY} moves": moves[:, :EARLY].sum(axis=1),
        "moves after a partner D": moves[:, after_d].sum(axis=1),
    }


@pytest.mark.parametrize("code", STOCHASTIC)
def test_stochastic_rule_matches_the_original_statistically(code):
    partners = load(code)["runs"]
    runs = len(partners[0]["own"])
    players = [Player(code)] + [Player.sequence(p["partner_moves"]) for p in partners]
    result = Tournament(players, turns=TURNS, repetitions=runs, record_moves=True, seed=62).play()
    for k, partner in enumerate(partners):
        ours = [_text(result.match_moves(0, k + 1, rep)[:, 0]) for rep in range(runs)]
        theirs_stats = _statistics(partner["own"], partner["partner_moves"])
        ours_stats = _statistics(ours, partner["partner_moves"])
        for label, theirs in theirs_stats.items():
            z = z_score(theirs, ours_stats[label])
            assert z <= Z_MAX, (
                f"{code} v {partner['partner']}: C count in {label}: original {theirs.mean():.2f}, "
                f"native {ours_stats[label].mean():.2f} (z = {z:.1f})"
            )


def test_the_statistical_comparison_detects_five_points_of_cooperation():
    runs = load("k93r")["runs"][0]
    original = _statistics(runs["own"], runs["partner_moves"])["all moves"]
    assert abs(original.mean() / TURNS - 0.5) < 0.01
    rng = np.random.default_rng(0)
    shifted = (rng.random((len(original), TURNS)) < 0.55).sum(axis=1)
    assert z_score(original, shifted) > Z_MAX
    fair = (rng.random((len(original), TURNS)) < 0.5).sum(axis=1)
    assert z_score(original, fair) < Z_MAX


def _plays_like_the_original(name: str, code: str) -> bool:
    """Whether ``name`` replays a deterministic original, or matches a stochastic one's statistics."""
    data = load(code)
    if not data["stochastic"]:
        scripts = [m["partner_moves"] for m in data["matches"]]
        players = [Player(name)] + [Player.sequence(p) for p in scripts]
        result = Tournament(players, turns=TURNS, repetitions=1, record_moves=True, seed=0).play()
        return all(_text(result.match_moves(0, k + 1)[:, 0]) == m["own"] for k, m in enumerate(data["matches"]))
    partners = data["runs"]
    runs = len(partners[0]["own"])
    players = [Player(name)] + [Player.sequence(p["partner_moves"]) for p in partners]
    result = Tournament(players, turns=TURNS, repetitions=runs, record_moves=True, seed=62).play()
    for k, partner in enumerate(partners):
        ours = _statistics(
            [_text(result.match_moves(0, k + 1, rep)[:, 0]) for rep in range(runs)], partner["partner_moves"]
        )
        theirs = _statistics(partner["own"], partner["partner_moves"])
        if any(z_score(theirs[label], ours[label]) > Z_MAX for label in theirs):
            return False
    return True


@pytest.mark.parametrize("code", TWINS)
def test_twin_differs_exactly_where_recorded(code):
    _, _, _, twin, differs, _ = ORIGINALS[code]
    assert _plays_like_the_original(twin, code) == (differs == "")


def test_every_late_rule_is_registered_once():
    names = [s.name for s in REGISTRY.all(include_hidden=True) if s.module == second_tournament_late.__name__]
    assert sorted(names) == sorted(CODES)


# -- branches the stored panel does not reach ---------------------------------------------
# The original's moves below were printed by
#   python3 tools/tourexec_moves.py play <code> <script> --length 308 --seed <seed>
# (first line: the rule's moves).

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
