"""Axelrod's second tournament, first half (Appold .. Harrington), against axelrod (the oracle).

Deterministic entries must play axelrod's moves exactly (default panel, with and
without noise, and in long matches). Stochastic ones must agree statistically;
besides, each is checked

* move for move against partners where it makes no random draw, or where no draw
  can change its move (the deterministic part), with sequences derived by hand
  from the rules, and
* move for move with *shared random draws*: the axelrod player is fed the very
  uniform numbers our step function draws, in order. This pins the rule and also
  the number and places of the draws (axelrod's ``random_choice`` draws nothing
  when p is 0 or 1, as ours does), so a wrong threshold, a ``<`` for ``<=`` or a
  missing draw fails.
"""

import axelrod as axl
import numpy as np
import pytest
from oracle import assert_same_moves, assert_same_statistics, axl_player, panel

from cooptourney import get_strategy
from cooptourney.core.rng import derive_key, uniform_at
from cooptourney.game import Game
from cooptourney.match import Match
from cooptourney.players import Player
from cooptourney.strategy_api import (
    INFO_LENGTH,
    INFO_MY_COOPS,
    INFO_MY_SCORE,
    INFO_OPP_COOPS,
    INFO_OPP_SCORE,
    INFO_SIZE,
)

DETERMINISTIC = [
    "Second by Borufsen",
    "Second by Colbert",
    "Second by Gladstein",
    "Second by GraaskampKatzen",
    "Second by Grofman",
]

STOCHASTIC = [
    "Second by Appold",
    "Second by Black",
    "Second by Cave",
    "Second by Champion",
    "Second by Eatherley",
    "Second by Getzler",
    "Second by Harrington",
]

# Partners that keep the counters of the long-memory rules busy over long matches.
LONG_PANEL = ["Random", "Alternator", "Tit For Tat", "Suspicious Tit For Tat", "Grudger", "Win-Stay Lose-Shift",
              "GTFT", "Bully", "Cooperator", "Defector", "First by Joss", "First by Davis",
              "First by Tideman and Chieruzzi", "Second by Borufsen", "Second by Cave"]


def test_names_and_classifiers_follow_axelrod():
    for name in DETERMINISTIC + STOCHASTIC:
        spec = get_strategy(name)
        player = axl_player(name)
        assert spec.name == name == player.name
        assert spec.stochastic == axl.Classifiers["stochastic"](player), name
        assert spec.memory_depth == axl.Classifiers["memory_depth"](player), name
        assert spec.uses_game == (name == "Second by GraaskampKatzen")
        assert not spec.uses_length
        assert spec.oracle == ("statistics" if name in STOCHASTIC else "moves")
        assert "Axelrod 1980b" in spec.doc and "JCR 24(3)" in spec.doc


# -- deterministic entries: identical moves ------------------------------------------------------


@pytest.mark.parametrize("name", DETERMINISTIC)
def test_same_moves_in_long_matches(name):
    # Borufsen re-evaluates its mode on moves 27, 52, 77, ...; GraaskampKatzen checks its
    # score up to move 101; Grofman's window and Colbert's chain run all match long
    assert_same_moves(name, opponents=LONG_PANEL, turns=250, noise_levels=(0.0, 0.05, 0.2), seeds=(0,))


def test_graaskamp_katzen_in_another_game():
    # the score thresholds are fixed numbers; in a game with larger payoffs it never defects
    # for its score, in one with smaller payoffs it does sooner
    for game in (Game(R=4, S=0, T=6, P=2), Game(R=2, S=0, T=3, P=1)):
        assert_same_moves("Second by GraaskampKatzen", game=game, opponents=LONG_PANEL, turns=120,
                          noise_levels=(0.0, 0.1), seeds=(0,))


# -- stochastic entries: statistics ---------------------------------------------------------------


@pytest.mark.parametrize("name", STOCHASTIC)
def test_same_statistics_in_long_matches(name):
    # Champion's rule starts at move 26, Cave's thresholds at 20-40, Harrington's random
    # defections at move 38 and its randomness test every 15 moves
    assert_same_statistics(name, opponents=("Cooperator", "Random", "Alternator", "Win-Stay Lose-Shift",
                                            "Tit For 2 Tats"), turns=150, matches=120)


# -- stochastic entries: the deterministic part ----------------------------------------------------

# Partners against which the entry draws nothing, or no draw can change its move, at
# noise 0 (reasons in the comments); their moves must equal axelrod's exactly.
NO_DRAW_PARTNERS = {
    # all-C partners: both ratios are 1, so p = 1
    "Second by Appold": ["Cooperator", "Tit For Tat", "Grudger", "Tit For 2 Tats"],
    # never two partner D in five moves
    "Second by Black": ["Cooperator", "Tit For Tat", "Grudger", "Tit For 2 Tats"],
    # no partner D
    "Second by Cave": ["Cooperator", "Tit For Tat", "Grudger", "Tit For 2 Tats"],
    # an all-D partner has defection rate 1 >= max(0.4, r) whatever r; the others end up all C
    "Second by Champion": ["Cooperator", "Defector", "Tit For Tat", "Grudger", "Suspicious Tit For Tat",
                           "Tit For 2 Tats", "Two Tits For Tat"],
    # an all-D partner gives P(C) = 1 - 1 = 0 exactly: no draw
    "Second by Eatherley": ["Cooperator", "Defector", "Tit For Tat", "Grudger", "Tit For 2 Tats"],
    # flack stays 0
    "Second by Getzler": ["Cooperator", "Tit For Tat", "Grudger", "Tit For 2 Tats"],
    # TFT punishes the probe on move 37, so it is "burned" and plays tit for tat from then on;
    # against Defector the 20-defection streak rule decides every move from move 21 on
    "Second by Harrington": ["Defector", "Tit For Tat", "Grudger", "Two Tits For Tat"],
}


@pytest.mark.parametrize("name", STOCHASTIC)
def test_same_moves_where_no_draw_decides(name):
    assert_same_moves(name, opponents=NO_DRAW_PARTNERS[name], turns=200, noise_levels=(0.0,))


def test_harrington_is_deterministic_for_37_moves():
    # its only random draw is after move 37: the streak and parity rules, the randomness
    # test on move 30 and the probe on move 37 are checked exactly, also under noise
    assert_same_moves("Second by Harrington", turns=37)


def test_champion_is_deterministic_for_25_moves():
    assert_same_moves("Second by Champion", turns=25)


def _moves(players, turns):
    m = Match(players, turns=turns, seed=0)
    return "".join(a for a, _ in m.play())


def test_hand_derived_sequences():
    # Champion: C for 10 moves, tit for tat to move 25, then D against an all-D partner
    assert _moves(("Second by Champion", "Defector"), 40) == "C" * 10 + "D" * 30
    # Eatherley: after a D, P(C) = 1 - (defection rate) = 0 against an all-D partner
    assert _moves(("Second by Eatherley", "Defector"), 10) == "CDDDDDDDDD"
    # Appold vs Defector: C x 4, forgives the first D (move 5), then P(C after my C) = 0
    # (the phantom C before move 1 and moves 1-4 were all met with D)
    assert _moves(("Second by Appold", "Defector"), 7) == "CCCCCDD"
    # Black: C on moves 1-5 whatever the partner does
    assert _moves(("Second by Black", "Defector"), 5) == "CCCCC"
    # Cave: from move 19 the partner has 18 > 17 defections: D for good
    assert set(_moves(("Second by Cave", "Defector"), 100)[18:]) == {"D"}
    # Getzler against an all-D partner: flack = 1 - 2^-k rounds to exactly 1.0 at k = 54
    assert set(_moves(("Second by Getzler", "Defector"), 120)[54:]) == {"D"}
    # Gladstein: D first, then keeps its C rate at or below 1/2 against a patsy
    assert _moves(("Second by Gladstein", "Cooperator"), 8) == "DCCDCDCD"
    # ... and after the first partner D, apologises and plays tit for tat
    assert _moves(("Second by Gladstein", Player.sequence("CCDCCD")), 8) == "DCCCCCDD"
    # Colbert: D on move 6 only, then D, D, C, C for each partner D
    assert _moves(("Second by Colbert", "Cooperator"), 12) == "CCCCCDCCCCCC"
    assert _moves(("Second by Colbert", "Defector"), 16) == "CCCCCDCC" + "DDCC" * 2
    # GraaskampKatzen vs Alternator: tit for tat scores 3 + 5 x 4 = 23 in 10 moves (not < 23,
    # no switch on move 11) and 3 + 5 x 9 = 48 < 53 in 20 moves: D for good from move 21
    assert _moves(("Second by GraaskampKatzen", "Alternator"), 24) == "CC" + "DC" * 9 + "DDDD"
    # Harrington vs Tit For Tat: tit for tat, the probe on move 37, then C for good
    assert _moves(("Second by Harrington", "Tit For Tat"), 60) == "C" * 36 + "D" + "C" * 23


def test_harrington_judges_random_partners_on_move_30():
    # Against 50-50 random sequences its randomness test (move 30) fires for seeds 0-7
    # (axelrod's own mode attribute says so) and it defects from then on: the exit meter
    # falls by 3 per partner C and rises by 1 per D, so it never reaches 11 here, and no
    # draw is made. Seeds 8 and 9 pass the test as non-random: compared up to move 37.
    for s in range(10):
        seq = (np.random.default_rng(s).random(150) < 0.5).astype(int).tolist()
        h = axl_player("Second by Harrington")
        mock = axl.MockPlayer(actions=[axl.Action.D if x else axl.Action.C for x in seq])
        mt = axl.Match((h, mock), turns=30)
        mt.play()
        judged_random = h.mode == "Defect"
        assert judged_random == (s < 8)
        turns = 150 if judged_random else 37
        h = axl_player("Second by Harrington")
        mock = axl.MockPlayer(actions=[axl.Action.D if x else axl.Action.C for x in seq])
        theirs = "".join(str(a) for a, _ in axl.Match((h, mock), turns=turns).play())
        ours = _moves(("Second by Harrington", Player.sequence(seq)), turns)
        assert ours == theirs, s
        if judged_random:
            assert ours[29:] == "D" * (turns - 29)


def test_harrington_fair_weather_mode():
    # A partner that cooperates 36 times and defects unprovoked on move 37 is "fair-weather":
    # Harrington cooperates from move 38 (no draw) until the partner defects again.
    seq = "C" * 36 + "D" + "C" * 31 + "D" * 20
    expected = "C" * 36 + "D" + "C" * 31
    assert _moves(("Second by Harrington", Player.sequence(seq)), 68) == expected
    mock = axl.MockPlayer(actions=[axl.Action.C if c == "C" else axl.Action.D for c in seq])
    h = axl_player("Second by Harrington")
    assert "".join(str(a) for a, _ in axl.Match((h, mock), turns=68).play()) == expected
    assert h.mode == "Fair-weather"


# -- stochastic entries: identical moves with shared random draws --------------------------------


def _play_with_shared_draws(name, opp_name, turns, noise, seed, game=Game()):
    """Play our step function and axelrod's player side by side, feeding axelrod our draws.

    Returns (turn of the first different move or None, our draw count, axelrod's draw count).
    """
    spec = get_strategy(name)
    step = spec.function
    player = Player(name)
    state = player.initial_state.copy()
    params = player.param_values
    key = derive_key(seed, 0x5EC0D)
    rng = np.array([key, 0], dtype=np.uint64)
    info = np.zeros(INFO_SIZE)
    info[:4] = game.as_array()
    info[INFO_LENGTH] = turns
    payoffs = info[:4].copy()  # R, S, T, P indexed by 2 * mine + theirs

    me, opp = axl_player(name), axl_player(opp_name)
    attrs = {"length": turns, "game": axl.Game(r=game.R, s=game.S, t=game.T, p=game.P), "noise": 0}
    for p in (me, opp):
        p.reset()
        p.set_match_attributes(**attrs)
    opp.set_seed(seed)
    me.set_seed(seed)
    n_axl = [0]

    def shared_random(*args, **kwargs):
        u = float(uniform_at(np.uint64(key), np.uint64(n_axl[0])))
        n_axl[0] += 1
        return u

    me._random.random = shared_random

    flips = np.random.default_rng([seed, 99]).random((2, turns)) < noise
    my = np.zeros(turns, dtype=np.int8)
    theirs = np.zeros(turns, dtype=np.int8)
    for t in range(turns):
        ours = int(step(my, theirs, np.int64(t), state, params, info, rng))
        a, b = me.strategy(opp), opp.strategy(me)
        if ours != (0 if a == axl.Action.C else 1):
            return t, int(rng[1]), n_axl[0]
        a = a.flip() if flips[0, t] else a
        b = b.flip() if flips[1, t] else b
        me.update_history(a, b)
        opp.update_history(b, a)
        my[t] = 0 if a == axl.Action.C else 1
        theirs[t] = 0 if b == axl.Action.C else 1
        info[INFO_MY_SCORE] += payoffs[2 * my[t] + theirs[t]]
        info[INFO_OPP_SCORE] += payoffs[2 * theirs[t] + my[t]]
        info[INFO_MY_COOPS] += my[t] == 0
        info[INFO_OPP_COOPS] += theirs[t] == 0
    return None, int(rng[1]), n_axl[0]


@pytest.mark.parametrize("name", STOCHASTIC)
def test_same_moves_with_shared_random_draws(name):
    draws = 0
    for opp_name in panel(["Second by Borufsen", "Second by Harrington", "Second by Cave"]):
        for noise, seed in ((0.0, 0), (0.05, 1), (0.2, 2)):
            first_diff, ours, theirs = _play_with_shared_draws(name, opp_name, 200, noise, seed)
            assert first_diff is None, f"{name} vs {opp_name} (noise {noise}): first difference at turn {first_diff}"
            assert ours == theirs, f"{name} vs {opp_name} (noise {noise}): {ours} draws, axelrod {theirs}"
            draws += ours
    assert draws > 300  # the check is not vacuous


def test_harrington_with_shared_draws_in_long_matches():
    # the generous-defection probability grows by 0.05 per probe; the parity limit drops
    # to 3 after 8 hits; defect mode can be left after the exit meter reaches 11
    for opp_name in ("Cooperator", "Random", "Alternator", "Win-Stay Lose-Shift", "Tit For 2 Tats", "Bully",
                     "Second by Cave", "First by Joss"):
        for noise, seed in ((0.0, 3), (0.1, 4), (0.3, 5)):
            first_diff, ours, theirs = _play_with_shared_draws("Second by Harrington", opp_name, 600, noise, seed)
            assert first_diff is None, f"vs {opp_name} (noise {noise}): first difference at turn {first_diff}"
            assert ours == theirs


# The default oracle check of every claim runs once, in tests/test_oracle_library.py;
# here: every strategy of this family carries the claim it should.
@pytest.mark.parametrize("name,claim", [*[(n, "moves") for n in DETERMINISTIC], *[(n, "statistics") for n in STOCHASTIC]])
def test_every_strategy_here_carries_its_oracle_claim(name, claim):
    from cooptourney import REGISTRY

    ours = name if isinstance(name, str) else name[0]
    assert REGISTRY.get(ours).oracle == claim
