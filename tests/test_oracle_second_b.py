"""Axelrod's second tournament, second half (Kluepfel .. Yamachi), against axelrod (the oracle).

Deterministic entries must play axelrod's moves exactly (default panel, noise,
long matches, another game); stochastic ones must agree statistically. On top
of that, every stochastic entry is checked move for move by feeding our step
function the very uniform numbers axelrod's player drew (``replay_draws``):
that pins the deterministic part of the rule *and* that we draw exactly when
axelrod draws. Hand-derived sequences pin a few rules independently of axelrod.
"""

import axelrod as axl
import numpy as np
import pytest
from oracle import assert_same_moves, assert_same_statistics, axl_player, panel

import cooptourney.strategies.axelrod_second_b as second_b
from cooptourney import get_strategy
from cooptourney.game import Game
from cooptourney.match import Match
from cooptourney.players import Player
from cooptourney.strategy_api import (
    INFO_LENGTH,
    INFO_MY_COOPS,
    INFO_MY_SCORE,
    INFO_OPP_COOPS,
    INFO_OPP_SCORE,
    INFO_P,
    INFO_R,
    INFO_S,
    INFO_SIZE,
    INFO_T,
)

DETERMINISTIC = [
    "Second by Mikkelson",
    "Second by RichardHufford",
    "Second by Rowsam",
    "Second by Tester",
    "Second by Tideman and Chieruzzi",
    "Second by Weiner",
    "Second by White",
    "Second by Yamachi",
]

STOCHASTIC = [
    "Second by Kluepfel",
    "Second by Leyvraz",
    "Second by Tranquilizer",
    "Second by WmAdams",
]

# Partners that keep the counters busy over long matches (several defect now and then).
LONG_PANEL = ["Random", "Alternator", "Cooperator", "Defector", "Tit For Tat", "Suspicious Tit For Tat", "Grudger",
              "Win-Stay Lose-Shift", "GTFT", "Bully", "First by Joss", "First by Davis",
              "First by Tideman and Chieruzzi", "First by Feld", "Second by Tester", "Second by WmAdams"]

OTHER_GAME = Game(R=4.0, S=-1.0, T=6.0, P=0.5)


def test_names_and_classifiers_follow_axelrod():
    axl_names = {s.name for s in axl.all_strategies}
    for name in DETERMINISTIC + STOCHASTIC:
        assert name in axl_names
        spec = get_strategy(name)
        assert spec.name == name and spec.module == second_b.__name__
        player = axl_player(name)
        assert spec.stochastic == axl.Classifiers["stochastic"](player), name
        assert spec.memory_depth == axl.Classifiers["memory_depth"](player), name
        # Tranquilizer scores in Axelrod's 3, 0, 5, 1 whatever the game, as axelrod does
        assert spec.uses_game == ("game" in axl.Classifiers["makes_use_of"](player)), name
        assert not spec.uses_length
        assert spec.oracle == ("statistics" if spec.stochastic else "moves")
        assert "Axelrod 1980b, JCR 24(3)" in spec.summary
        assert spec.reason, name


@pytest.mark.parametrize("name", DETERMINISTIC)
def test_same_moves_in_long_matches(name):
    # Hufford's aberrations, Weiner's grudge (20 moves), Rowsam's 18-move cooling,
    # White's log(n) and Yamachi's move-41 override only show late.
    assert_same_moves(name, opponents=LONG_PANEL, turns=250, noise_levels=(0.0, 0.05), seeds=(0, 1, 2))


@pytest.mark.parametrize("name", ["Second by Rowsam", "Second by Tideman and Chieruzzi"])
def test_same_moves_in_another_game(name):
    # both keep scores in the match's payoffs (axelrod's match_attributes["game"])
    assert_same_moves(name, opponents=LONG_PANEL, turns=120, noise_levels=(0.0, 0.1), game=OTHER_GAME)


@pytest.mark.parametrize("name", STOCHASTIC)
def test_statistics_in_long_matches(name):
    # Kluepfel's random-partner test starts at move 28, WmAdams' draws after 10
    # partner defections, Tranquilizer's running means need time.
    assert_same_statistics(name, opponents=("Cooperator", "Random", "Alternator", "Tit For 2 Tats", "Bully"),
                           turns=100, matches=150)


# --------------------------------------------------------------------------------------
# Replaying axelrod's own random draws


def _axelrod_with_draws(name, opp_name, turns, flips, seed, game):
    """Play like ``oracle.axl_play``, recording the uniform numbers drawn by ``name``'s player.

    Returns (its moves, partner's moves, draws per turn), moves as played (0 = C).
    """
    player, opponent = axl_player(name), axl_player(opp_name)
    rng = np.random.default_rng(seed)
    attrs = {"length": turns, "game": axl.Game(r=game.R, s=game.S, t=game.T, p=game.P), "noise": 0}
    for p in (player, opponent):
        p.reset()
        p.set_match_attributes(**attrs)
        if axl.Classifiers["stochastic"](p):
            p.set_seed(int(rng.integers(0, 2**32 - 1)))
    draws = []
    generator = player._random
    draw = generator.random

    def recording_random(*args, **kwargs):
        assert not args and not kwargs
        x = draw()
        draws[-1].append(float(x))
        return x

    generator.random = recording_random  # random_choice() draws through self.random()
    mine, theirs = [], []
    for t in range(turns):
        draws.append([])
        s1, s2 = player.strategy(opponent), opponent.strategy(player)
        if flips is not None:
            s1 = s1.flip() if flips[0, t] else s1
            s2 = s2.flip() if flips[1, t] else s2
        player.update_history(s1, s2)
        opponent.update_history(s2, s1)
        mine.append(0 if s1 == axl.Action.C else 1)
        theirs.append(0 if s2 == axl.Action.C else 1)
    return mine, theirs, draws


def _play_python(name, opp_moves, flips, game, monkeypatch, draws=None):
    """Run our step function in plain Python against fixed partner moves.

    ``draws`` (per turn) replaces ``rand``/``random_choice`` in the module by
    axelrod's numbers; every draw of a turn must be used on that turn. Also the
    reference for ``info``: filled as the engine fills it (checked below).
    """
    spec = get_strategy(name)
    turns = len(opp_moves)
    queue = []
    used = []

    def fake_rand(rng):
        assert queue, f"{name} draws at turn {len(used) - 1} where axelrod does not"
        used[-1] += 1
        return queue.pop(0)

    def fake_random_choice(rng, p):
        if p <= 0.0:
            return 1
        if p >= 1.0:
            return 0
        return 0 if fake_rand(rng) < p else 1

    monkeypatch.setattr(second_b, "rand", fake_rand)
    monkeypatch.setattr(second_b, "random_choice", fake_random_choice)
    my = np.zeros(turns, dtype=np.int8)
    opp = np.zeros(turns, dtype=np.int8)
    state = np.array(spec.state, dtype=np.float64)
    params = np.zeros(0)
    info = np.zeros(INFO_SIZE)
    info[INFO_R], info[INFO_S], info[INFO_T], info[INFO_P] = game.R, game.S, game.T, game.P
    info[INFO_LENGTH] = turns
    pay = {(0, 0): game.R, (0, 1): game.S, (1, 0): game.T, (1, 1): game.P}
    for t in range(turns):
        used.append(0)
        if draws is not None:
            queue[:] = draws[t]
        move = int(spec.py_function(my, opp, t, state, params, info, None))
        assert not queue, f"{name} makes {used[-1]} draws at turn {t}, axelrod {len(draws[t])}"
        move ^= int(flips[0, t]) if flips is not None else 0
        my[t], opp[t] = move, opp_moves[t]
        info[INFO_MY_SCORE] += pay[(move, opp_moves[t])]
        info[INFO_OPP_SCORE] += pay[(opp_moves[t], move)]
        info[INFO_MY_COOPS] += move == 0
        info[INFO_OPP_COOPS] += opp_moves[t] == 0
    monkeypatch.undo()
    return my.tolist()


def _fmt(moves):
    return "".join("CD"[m] for m in moves)


@pytest.mark.parametrize("name", STOCHASTIC)
def test_same_moves_given_axelrods_draws(name, monkeypatch):
    turns = 120
    drew = 0
    for opp_name in panel(["Second by Tester", "Second by WmAdams", "Bully"]):
        for noise in (0.0, 0.1):
            for seed in (0, 1, 2, 3):
                rng = np.random.default_rng([seed, 7])
                flips = (rng.random((2, turns)) < noise).astype(np.int8) if noise > 0 else None
                a_moves, o_moves, draws = _axelrod_with_draws(name, opp_name, turns, flips, seed, Game())
                got = _play_python(name, o_moves, flips, Game(), monkeypatch, draws)
                assert got == a_moves, (
                    f"{name} vs {opp_name} (noise {noise}, seed {seed})\n"
                    f"  axelrod    : {_fmt(a_moves)}\n  cooptourney: {_fmt(got)}\n  opponent   : {_fmt(o_moves)}")
                drew += sum(len(d) for d in draws)
    assert drew > 1000  # the replay did exercise the random branches


def test_tranquilizer_ignores_the_game_as_axelrod_does(monkeypatch):
    # axelrod's Tranquilizer scores with compute_final_score's default game
    name = "Second by Tranquilizer"
    for opp_name in ("Cooperator", "Tit For Tat", "Alternator", "Random", "Tit For 2 Tats"):
        a_moves, o_moves, draws = _axelrod_with_draws(name, opp_name, 150, None, 3, OTHER_GAME)
        assert _play_python(name, o_moves, None, OTHER_GAME, monkeypatch, draws) == a_moves, opp_name


@pytest.mark.parametrize("name", ["Second by Tideman and Chieruzzi", "Second by Rowsam", "Second by Yamachi",
                                  "Second by Mikkelson"])
def test_python_replay_matches_the_engine(name, monkeypatch):
    # the harness above fills `info` as the engine does: same moves as the compiled kernel
    for opp_name in ("Random", "Alternator", "First by Joss", "Bully"):
        mt = axl.Match((axl_player("Cooperator"), axl_player(opp_name)), turns=150, seed=4)
        o_moves = [0 if b == axl.Action.C else 1 for _, b in mt.play()]
        m = Match((Player(name), Player.sequence(o_moves)), turns=150, game=OTHER_GAME, seed=0)
        m.play()
        assert _play_python(name, o_moves, None, OTHER_GAME, monkeypatch) == m.moves[:, 0].tolist()


# --------------------------------------------------------------------------------------
# Hand-derived sequences (from the rules, not from either engine)


def _moves(name, opponent, turns):
    m = Match((name, opponent), turns=turns, seed=0)
    m.play()
    return _fmt(m.moves[:, 0].tolist())


def test_tester_sequences():
    # probes D, then C, C, and alternates D, C against a partner that never defects
    assert _moves("Second by Tester", "Cooperator", 9) == "DCCDCDCDC"
    # TFT answers the opening D on move 2; Tester apologises on move 3, then tit for tat
    assert _moves("Second by Tester", "Tit For Tat", 8) == "DCCCCCCC"


def test_mikkelson_against_defector():
    # credit 7 -> 5, 3, 1 (C), -1 (D, reset to 4), 2 (C), 0 (D, 4), 2, 0 (D), 2, 0:
    # from move 11 on the partner's 100% defections exceed 15%
    assert _moves("Second by Mikkelson", "Defector", 16) == "CCCCDCDCDCD" + "DDDDD"


def test_rowsam_against_defector():
    # score 0: move 6 costs 5 points (D, then C, D), move 12 five more -> D for good
    assert _moves("Second by Rowsam", "Defector", 20) == "CCCCCDCDCCCD" + "D" * 8


def test_white_against_alternator():
    # the partner defects on even moves, half the time: floor(ln n) * n/2 >= n needs ln n >= 3
    assert _moves("Second by White", "Alternator", 30) == "C" * 20 + "DC" * 5
    assert _moves("Second by White", "Defector", 14) == "C" * 10 + "DDDD"


def test_wm_adams_against_defector():
    # the partner's 4th, 7th and 9th defections after its first move are answered;
    # the 10th (move 12) brings the first random draw
    assert _moves("Second by WmAdams", "Defector", 11) == "CCCCCDCCDCD"


def test_tranquilizer_deterministic_cases():
    # against Defector its score stays below 1.75 per move: C, then tit for tat, no draws
    assert _moves("Second by Tranquilizer", "Defector", 100) == "C" + "D" * 99
    # against Cooperator: tit for tat at 1.5 per move, p > 1 at 2.0, p = 1.0125 at 2.25
    assert _moves("Second by Tranquilizer", "Cooperator", 4) == "CCCC"


def test_yamachi_against_defector():
    # (D, C, D) and (D, D, D) are counted one move late; then D for good
    assert _moves("Second by Yamachi", "Defector", 50) == "CCCDCD" + "D" * 44


def test_second_tideman_and_chieruzzi_against_defector():
    # behind by 5, it defects; the 3-sigma test (all 9 partner moves D on move 10)
    # gives fresh starts C, C every 11 moves: moves 10-11, 21-22, 32-33, 43-44
    expected = "C" + "D" * 8 + ("CC" + "D" * 9) * 4
    assert _moves("Second by Tideman and Chieruzzi", "Defector", len(expected)) == expected


def test_richard_hufford_aberrations_against_cooperator():
    # the C streak starts at 2 and must reach 21: aberration on move 20; each answered
    # with C makes streak_needed = floor(20 * 2 / c) + 1 for c = 3, 4, ...: 14, 11, 9, 7, 6, 6, 5, 5
    aberrations = [19, 35, 48, 59, 68, 76, 84, 91, 98]
    expected = "".join("D" if t in aberrations else "C" for t in range(100))
    assert _moves("Second by RichardHufford", "Cooperator", 100) == expected


def test_weiner_forgives_an_odd_run_once_per_grudge():
    # partner defects on moves 2, 4, 8, 10, 20, 22 (t = 1, 3, 7, 9, 19, 21), never 5 in 12
    seq = [1 if t in (1, 3, 7, 9, 19, 21) else 0 for t in range(24)]
    m = Match(("Second by Weiner", Player.sequence(seq)), turns=len(seq), seed=0)
    m.play()
    # t2: D (tit for tat), run of 1. t3: the partner's C ends an odd run: flag, C.
    # t4: flagged, partner D, grudge 0 < 5: pardoned (C), grudge 20.
    # t8: D. t9: flag. t10: flagged, partner D, but grudge 20 >= 11: tit for tat, D.
    # t20: D. t21: flag. t22: flagged, partner D, grudge 20 < 23: pardoned again.
    expected = ["C"] * 24
    for t in (2, 8, 10, 20):
        expected[t] = "D"
    assert _fmt(m.moves[:, 0].tolist()) == "".join(expected)


def test_leyvraz_without_draws():
    # Alternator plays C, D, C, D, ...: after (C, D, C) Leyvraz defects and after
    # (D, C, D) it cooperates, without a draw; move 3 sees (C, C, D): a coin flip
    moves = _moves("Second by Leyvraz", "Alternator", 40)
    assert moves[:2] == "CC" and moves[3:] == ("DC" * 19)[:37]


# The default oracle check of every claim runs once, in tests/test_oracle_library.py;
# here: every strategy of this family carries the claim it should.
@pytest.mark.parametrize("name,claim", [*[(n, "moves") for n in DETERMINISTIC], *[(n, "statistics") for n in STOCHASTIC]])
def test_every_strategy_here_carries_its_oracle_claim(name, claim):
    from cooptourney import REGISTRY

    ours = name if isinstance(name, str) else name[0]
    assert REGISTRY.get(ours).oracle == claim
