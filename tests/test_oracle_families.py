"""Checks that play or inspect strategies of several modules at once, against axelrod (the
oracle).

Exact tournaments of mixed fields, and the names, classifiers and claims of groups of
strategies that span modules. Everything about one module's strategies is in
``tests/strategies/test_<module>.py``; the default check of every claim is in
``tests/test_oracle_library.py``.
"""

import axelrod as axl
import numpy as np
from oracle import assert_same_moves, assert_same_statistics, assert_same_tournament, axl_player, play_moves

from cooptourney import get_strategy
from cooptourney.game import Game
from cooptourney.match import Match
from cooptourney.players import Player

# -- the foundation strategies ----------------------------------------------------------------------

FOUNDATION = [
    "Cooperator",
    "Defector",
    "Alternator",
    "Tit For Tat",
    "Suspicious Tit For Tat",
    "Tit For 2 Tats",
    "Two Tits For Tat",
    "Grudger",
    "Win-Stay Lose-Shift",
    "Anti Tit For Tat",
    "Bully",
]


def test_foundation_tournament_scores_equal_axelrod():
    assert_same_tournament(FOUNDATION, turns=30, repetitions=2)


# -- grudgers, Tit For Tat variants, cyclers, hunters, sequences, memory two ----------------------

SEQUENCE_FAMILIES_DETERMINISTIC = [
    # grudger.py
    "Aggravater",
    "CAPRI",
    "EasyGo",
    "Forgetful Grudger",
    "General Soft Grudger",
    "GrudgerAlternator",
    "Opposite Grudger",
    "Soft Grudger",
    "SpitefulCC",
    # titfortat.py
    "Alexei",
    "EugineNier",
    "N Tit(s) For M Tat(s)",
    "Slow Tit For Two Tats 2",
    "Sneaky Tit For Tat",
    # cycler.py
    "AntiCycler",
    "Cycler CCCCCD",
    "Cycler CCCD",
    "Cycler CCCDCD",
    "Cycler CCD",
    "Cycler DC",
    "Cycler DDC",
    # hunter.py
    "Alternator Hunter",
    "Cooperator Hunter",
    "Cycle Hunter",
    "Defector Hunter",
    "Eventual Cycle Hunter",
    "Math Constant Hunter",
    "Random Hunter",
    # backstabber.py, resurrection.py, sequence_player.py, mathematicalconstants.py
    "BackStabber",
    "DoubleCrosser",
    "DoubleResurrection",
    "Resurrection",
    "ThueMorse",
    "ThueMorseInverse",
    "$\\phi$",
    "$\\pi$",
    "$e$",
    # memorytwo.py
    "AON2",
    "Delayed AON1",
    "MEM2",
]
SEQUENCE_FAMILIES_STOCHASTIC = ["Burn Both Ends", "Dynamic Two Tits For Tat", "Michaelos", "Random Tit for Tat"]
SEQUENCE_FAMILIES_USES_LENGTH = ["Alexei", "EugineNier", "Michaelos", "BackStabber", "DoubleCrosser"]


def test_sequence_families_names_and_classifiers_follow_axelrod():
    axl_names = {s.name for s in axl.all_strategies}
    for name in SEQUENCE_FAMILIES_DETERMINISTIC + SEQUENCE_FAMILIES_STOCHASTIC:
        assert name in axl_names, name
        spec = get_strategy(name)
        p = axl_player(name)
        assert spec.name == name
        assert spec.oracle == ("statistics" if name in SEQUENCE_FAMILIES_STOCHASTIC else "moves"), name
        assert spec.stochastic == axl.Classifiers["stochastic"](p), name
        uses_length = "length" in axl.Classifiers["makes_use_of"](p)
        assert spec.uses_length == uses_length == (name in SEQUENCE_FAMILIES_USES_LENGTH), name
        assert not spec.uses_game
        # axelrod says 10; its spells chain from the first one (see test_forgetful_grudger_memory_is_unbounded)
        expected = float("inf") if name == "Forgetful Grudger" else axl.Classifiers["memory_depth"](p)
        assert spec.memory_depth == expected, name


def test_endgame_defections_with_a_known_length():
    assert play_moves(("BackStabber", "Cooperator"), 10) == "C" * 8 + "DD"
    assert play_moves(("DoubleCrosser", "Cooperator"), 10) == "C" * 8 + "DD"
    assert play_moves(("Alexei", "Cooperator"), 10) == "C" * 9 + "D"
    assert play_moves(("EugineNier", "Cooperator"), 10) == "C" * 9 + "D"
    assert play_moves(("BackStabber", "Cooperator"), 10, prob_end=1e-12) == "C" * 10


def test_sequences_and_cycles():
    assert play_moves(("AntiCycler", "Cooperator"), 20) == "CDD" + "CD" + "CCD" + "CCCD" + "CCCCD" + "CCC"
    assert play_moves(("ThueMorse", "Cooperator"), 16) == "DCCDCDDCCDDCDCCD"
    assert play_moves(("ThueMorseInverse", "Cooperator"), 8) == "CDDCDCCD"
    assert play_moves(("Cycler CCCDCD", "Defector"), 12) == "CCCDCD" * 2
    assert play_moves(("Cycler DDC", "Defector"), 7) == "DDCDDCD"


def test_sequence_families_tournament_scores_equal_axelrod():
    assert_same_tournament(
        [
            "Cycle Hunter",
            "Cycler CCD",
            "AntiCycler",
            "BackStabber",
            "DoubleCrosser",
            "$\\pi$",
            "MEM2",
            "CAPRI",
            "Soft Grudger",
            "Alexei",
            "Tit For Tat",
        ],
        turns=60,
        repetitions=1,
    )


# -- the Tit For Tat variants, Gradual, Forgiver, Fool Me Once, Grumpy, Go By Majority ------------

COUNTING_DETERMINISTIC = [
    "Hard Tit For Tat",
    "Hard Tit For 2 Tats",
    "Contrite Tit For Tat",
    "Omega TFT",
    "Spiteful Tit For Tat",
    "Adaptive Tit For Tat",
    "Gradual",
    "Original Gradual",
    "Forgiver",
    "Forgiving Tit For Tat",
    "Fool Me Once",
    "Go By Majority",
    "Go By Majority 5",
    "Go By Majority 10",
    "Go By Majority 20",
    "Go By Majority 40",
    "Hard Go By Majority",
    "Hard Go By Majority 5",
    "Hard Go By Majority 10",
    "Hard Go By Majority 20",
    "Hard Go By Majority 40",
]


def test_counting_families_names_and_classifiers_follow_axelrod():
    axl_names = {s.name for s in axl.all_strategies}
    for name in COUNTING_DETERMINISTIC + ["Grumpy"]:
        assert name in axl_names
        spec = get_strategy(name)
        assert spec.name == name
        assert not spec.stochastic and not spec.uses_game and not spec.uses_length
        # axelrod calls Contrite Tit For Tat memory-3; its flag can wait any number of turns
        expected = float("inf") if name == "Contrite Tit For Tat" else axl.Classifiers["memory_depth"](axl_player(name))
        assert spec.memory_depth == expected, name


def test_counting_families_tournament_scores_equal_axelrod():
    assert_same_tournament(COUNTING_DETERMINISTIC + ["Tit For Tat", "Grumpy"], turns=60, repetitions=1)


# -- strategies from single-strategy axelrod modules, DBS and the Q-learners ----------------------

SINGLES_DETERMINISTIC = [
    "CollectiveStrategy",
    "Detective",
    "Adaptive Pavlov 2006",
    "Adaptive Pavlov 2011",
    "Once Bitten",
    "Adaptive",
    "Appeaser",
    "Doubler",
    "Gradual Killer",
    "Handshake",
    "Revised Downing",
    "ShortMem",
    "Tricky Cooperator",
    "Tricky Defector",
    "Tricky Level Punisher",
    "VeryBad",
    "DBS",
]
SINGLES_STOCHASTIC = [
    "Naive Prober",
    "Remorseful Prober",
    "Worse and Worse",
    "Knowledgeable Worse and Worse",
    "Worse and Worse 2",
    "Worse and Worse 3",
    "Better and Better",
    "Desperate",
    "Hopeless",
    "Willing",
    "AdaptorBrief",
    "AdaptorLong",
    "Average Copier",
    "Nice Average Copier",
    "Forgetful Fool Me Once",
    "Bush Mosteller",
    "Calculator",
    "Inverse",
    "Negation",
    "SelfSteem",
    "Stalker",
    "Risky QLearner",
    "Arrogant QLearner",
    "Hesitant QLearner",
    "Cautious QLearner",
]


def test_claims_and_flags_of_the_single_strategy_families_follow_axelrod():
    ours = {n: get_strategy(n) for n in [*SINGLES_DETERMINISTIC, *SINGLES_STOCHASTIC, "Darwin"]}
    assert {n for n, s in ours.items() if s.oracle == "moves"} == set(SINGLES_DETERMINISTIC) | {"Darwin"}
    assert {n for n, s in ours.items() if s.oracle == "statistics"} == set(SINGLES_STOCHASTIC)
    assert "reset_genome" in ours["Darwin"].doc  # its claim is from a fresh genome
    # memory depths where axelrod's classifier is loose (see each docstring)
    own_depth = {"Once Bitten": float("inf"), "Appeaser": 1, "ShortMem": 10, "Darwin": 1}
    for name, spec in ours.items():
        player = axl_player(name)
        assert spec.stochastic == axl.Classifiers["stochastic"](player), name
        uses = axl.Classifiers["makes_use_of"](player)
        if name != "Darwin":  # ours is its first match: Tit For Tat, no game needed
            assert spec.uses_game == ("game" in uses), name
        assert spec.uses_length == ("length" in uses), name
        assert spec.memory_depth == own_depth.get(name, axl.Classifiers["memory_depth"](player)), name


def test_singles_tournament_scores_equal_axelrod():
    assert_same_tournament(
        [n for n in SINGLES_DETERMINISTIC if n != "DBS"] + ["Tit For Tat", "Defector"], turns=60, repetitions=1
    )


def test_no_division_by_zero_where_axelrod_has_one():
    # DBS with no discount: the discounted frequency of an unseen outcome is 0/0 in axelrod
    Match((Player("DBS", discount_factor=0.0), "Random"), turns=60, seed=0).play()
    # Bush Mosteller in a game whose top payoff equals its aspiration level 5/3
    m = Match(("Bush Mosteller", "Random"), turns=60, seed=0, game=Game(5 / 3, 0, 5 / 3, 1))
    m.play()
    assert np.isfinite(m.scores()).all()


# -- Retaliate, Punisher, Prober, zero-determinant and memory-one strategies ----------------------

C, D = axl.Action.C, axl.Action.D

VECTOR_DETERMINISTIC = [
    "Retaliate",
    "Retaliate 2",
    "Retaliate 3",
    "Limited Retaliate",
    "Limited Retaliate 2",
    "Limited Retaliate 3",
    "Punisher",
    "Inverse Punisher",
    "Level Punisher",
    "Prober",
    "Prober 2",
    "Prober 3",
    "Prober 4",
    "Hard Prober",
    "Win-Shift Lose-Stay",
]
ZERO_DETERMINANT = [
    "ZD-Extort-2",
    "ZD-Extort-2 v2",
    "ZD-Extort3",
    "ZD-Extort-4",
    "ZD-Extortion",
    "ZD-GTFT-2",
    "ZD-GEN-2",
    "ZD-SET-2",
    "ZD-Mischief",
]
MEMORY_ONE_STOCHASTIC = [
    "Firm But Fair",
    "Stochastic Cooperator",
    "Stochastic WSLS",
    "Soft Joss",
    "ALLCorALLD",
]
VECTOR_STOCHASTIC = ZERO_DETERMINANT + MEMORY_ONE_STOCHASTIC


def test_vector_families_tournament_scores_equal_axelrod():
    assert_same_tournament([*VECTOR_DETERMINISTIC, "Tit For Tat", "Grudger", "Cooperator"], turns=60, repetitions=1)


def test_every_ported_name_is_axelrods():
    names = {s.name for s in axl.all_strategies}
    for name in VECTOR_DETERMINISTIC + VECTOR_STOCHASTIC:
        assert name in names and get_strategy(name).name == name


def test_parameters_agree_with_axelrod():
    assert_same_moves(
        "Retaliate",
        params={"retaliation_threshold": 0.3},
        axl_kwargs={"retaliation_threshold": 0.3},
        noise_levels=(0.0, 0.1),
    )
    assert_same_moves(
        "Limited Retaliate",
        params={"retaliation_threshold": 0.2, "retaliation_limit": 3},
        axl_kwargs={"retaliation_threshold": 0.2, "retaliation_limit": 3},
        noise_levels=(0.0, 0.1),
    )
    assert_same_moves(
        "Win-Shift Lose-Stay", params={"cooperate_first": True}, axl_kwargs={"initial": C}, noise_levels=(0.0, 0.1)
    )
    assert_same_statistics(
        "ZD-Extortion",
        params={"phi": 0.1, "s": 0.2, "l": 1.5},
        axl_kwargs={"phi": 0.1, "s": 0.2, "l": 1.5},
        opponents=("Tit For Tat", "Alternator"),
    )
    assert_same_statistics(
        "ZD-GTFT-2",
        params={"phi": 0.2, "s": 0.3},
        axl_kwargs={"phi": 0.2, "s": 0.3},
        opponents=("Defector", "Alternator"),
    )
    assert_same_statistics(
        "Stochastic WSLS", params={"ep": 0.2}, axl_kwargs={"ep": 0.2}, opponents=("Tit For Tat", "Alternator")
    )
    assert_same_statistics("Soft Joss", params={"q": 0.5}, axl_kwargs={"q": 0.5}, opponents=("Defector", "Alternator"))
