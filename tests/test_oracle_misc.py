"""Assorted axelrod strategies (strategies/misc_a.py, misc_b.py, dbs.py, qlearner.py) against axelrod.

Every oracle claim is checked as the library test checks it: identical moves for
the deterministic strategies (default panel, with and without noise), the same
statistics for the stochastic ones. On top:

* longer matches and non-default parameters for the strategies whose rules
  trigger late or are parametrised (DBS, the probers, Bush Mosteller, ...);
* **draw-for-draw replays** of every stochastic strategy: the uniform draws of
  axelrod's player are recorded and fed to our step function (run as plain
  Python), which must then play axelrod's moves exactly. This holds because
  each port draws exactly when axelrod draws;
* the premise that lets the Q-learners keep one table entry instead of a table,
  checked on axelrod's own table;
* hand-derived sequences, and Darwin's first match.
"""

import importlib

import axelrod as axl
import numpy as np
import pytest
from numba.core.registry import CPUDispatcher
from oracle import assert_same_moves, assert_same_statistics, assert_same_tournament, axl_player

from cooptourney import REGISTRY, Game, get_strategy
from cooptourney.match import Match
from cooptourney.players import Player
from cooptourney.strategy_api import INFO_LENGTH, INFO_MY_COOPS, INFO_MY_SCORE, INFO_OPP_COOPS, INFO_OPP_SCORE, INFO_SIZE

MODULES = ("misc_a", "misc_b", "dbs", "qlearner")

DETERMINISTIC = [
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

STOCHASTIC = [
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

LONG_PANEL = ["Random", "Alternator", "Tit For Tat", "Suspicious Tit For Tat", "Grudger", "Win-Stay Lose-Shift",
              "GTFT", "Bully", "First by Joss", "First by Davis"]


def _ours():
    return [s for s in REGISTRY.all(include_hidden=True) if s.module.rsplit(".", 1)[-1] in MODULES]


def test_every_claim_is_tested_here_and_flags_follow_axelrod():
    ours = {s.name: s for s in _ours()}
    assert {n for n, s in ours.items() if s.oracle == "moves"} == set(DETERMINISTIC) | {"Darwin"}
    assert {n for n, s in ours.items() if s.oracle == "statistics"} == set(STOCHASTIC)
    assert set(ours) == set(DETERMINISTIC) | set(STOCHASTIC) | {"Darwin"}
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


def test_gtft_is_an_alias_of_generous_tit_for_tat():
    assert get_strategy("GTFT").name == "Generous Tit For Tat"


def test_once_bitten_is_new_not_fool_me_once():
    assert get_strategy("Once Bitten").name == "Once Bitten"
    assert get_strategy("Fool Me Once").module != get_strategy("Once Bitten").module


# -- the claims --------------------------------------------------------------------------------------------

# -- longer matches and parameters -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "Adaptive Pavlov 2006", "Adaptive Pavlov 2011", "Once Bitten", "Adaptive", "Doubler", "Revised Downing",
    "ShortMem", "Tricky Level Punisher", "VeryBad", "CollectiveStrategy", "Tricky Defector",
])
def test_same_moves_in_long_matches(name):
    # Tricky Level Punisher changes rule at move 101; the Pavlovs reclassify every 6 moves
    assert_same_moves(name, opponents=LONG_PANEL, turns=200, noise_levels=(0.0, 0.05), seeds=(0,))


def test_dbs_long_matches_with_noise():
    # the rule sets are promoted, violated, demoted and rejected many times in 150 noisy moves
    assert_same_moves("DBS", opponents=["Random", "Tit For Tat", "Win-Stay Lose-Shift", "Bully"], turns=150,
                      noise_levels=(0.1,), seeds=(0,))


@pytest.mark.parametrize("kw", [
    {"discount_factor": 0.5, "promotion_threshold": 2, "violation_threshold": 2, "reject_threshold": 1,
     "tree_depth": 3},
    {"discount_factor": 0.9, "promotion_threshold": 5, "violation_threshold": 6, "reject_threshold": 5,
     "tree_depth": 1},
], ids=str)
def test_dbs_parameters_agree_with_axelrod(kw):
    assert_same_moves("DBS", params=kw, axl_kwargs=kw, opponents=["Random", "Alternator", "Tit For Tat", "Bully"],
                      noise_levels=(0.0, 0.1))


@pytest.mark.parametrize("discount", [0.75, 0.5, 1.0])
def test_dbs_moves_do_not_depend_on_the_state_after_its_rules(discount):
    # The slots after DBS's rules, where it records which moves hold the terms of its
    # discounted frequencies, start over at move 0 whatever they hold: moves depend only on
    # the rule slots (declared, or all zero) and the history.
    from cooptourney.strategies import dbs

    spec = get_strategy("DBS")
    player = Player("DBS", discount_factor=discount)
    info = np.zeros(INFO_SIZE)
    info[:4] = (3.0, 0.0, 5.0, 1.0)
    rng = np.zeros(2, dtype=np.uint64)
    garbage = np.random.default_rng(0).uniform(-3.0, 3.0, len(dbs._INITIAL_STATE) - dbs._LAST)
    for opponent in ("Random", "Random(p=0.3)", "Tit For Tat", "DBS"):
        moves = Match((player, opponent), turns=300, noise=0.1, seed=3).play()
        my = np.array([0 if a == "C" else 1 for a, _ in moves], dtype=np.int8)
        opp = np.array([0 if b == "C" else 1 for _, b in moves], dtype=np.int8)
        for rules in (player.initial_state[: dbs._LAST], np.zeros(dbs._LAST)):  # declared, a team's
            played = []
            for records in (player.initial_state[dbs._LAST:], np.zeros_like(garbage), garbage):
                state = np.concatenate([rules, records])
                played.append([int(spec.function(my, opp, t, state, player.param_values, info, rng))
                               for t in range(len(moves))])
            assert played[1] == played[0] and played[2] == played[0], opponent


@pytest.mark.parametrize("name", ["Naive Prober", "Remorseful Prober"])
@pytest.mark.parametrize("p", [0.0, 1.0])
def test_probers_without_randomness_play_axelrods_moves(name, p):
    assert_same_moves(name, params={"p": p}, axl_kwargs={"p": p}, noise_levels=(0.0, 0.1))


@pytest.mark.parametrize("name", ["Naive Prober", "Remorseful Prober"])
def test_probers_probe_rate_agrees_with_axelrod(name):
    assert_same_statistics(name, params={"p": 0.35}, axl_kwargs={"p": 0.35},
                           opponents=("Cooperator", "Tit For Tat", "Grudger"))


# -- draw-for-draw replays ---------------------------------------------------------------------------------------

_PAYOFF = {(0, 0): (3.0, 3.0), (0, 1): (0.0, 5.0), (1, 0): (5.0, 0.0), (1, 1): (1.0, 1.0)}


def _replay(monkeypatch, name, opponent, turns, seed, params=None):
    """axelrod's moves, and ours when our step function gets axelrod's uniform draws in order."""
    spec = get_strategy(name)
    player = axl_player(name, **(params or {}))
    draws = []

    def record(generator):
        draw = generator.random

        def recorded(*args, **kwargs):
            x = draw(*args, **kwargs)
            draws.append(float(x))
            return x

        generator.random = recorded  # RandomGenerator.random_choice draws through this too

    set_seed = player.set_seed

    def set_seed_and_record(s):
        set_seed(s)
        record(player._random)
        if hasattr(player, "joss_instance"):  # Calculator's opening is played by its own Joss
            record(player.joss_instance._random)

    player.set_seed = set_seed_and_record
    played = axl.Match((player, axl_player(opponent)), turns=turns, seed=seed).play()
    mine = [0 if a == axl.Action.C else 1 for a, _ in played]
    theirs = [0 if b == axl.Action.C else 1 for _, b in played]

    stream = iter(draws)

    def rand(rng):
        return next(stream)

    def random_choice(rng, p):
        if p <= 0.0:
            return 1
        if p >= 1.0:
            return 0
        return 0 if rand(rng) < p else 1

    module = importlib.import_module(spec.module)
    for attr, value in list(vars(module).items()):
        if isinstance(value, CPUDispatcher):  # helpers run as Python, so that they see the patched draws
            monkeypatch.setattr(module, attr, value.py_func)
    monkeypatch.setattr(module, "rand", rand)
    monkeypatch.setattr(module, "random_choice", random_choice)

    my = np.zeros(turns, dtype=np.int8)
    opp = np.zeros(turns, dtype=np.int8)
    state = np.array(spec.state, dtype=np.float64)
    values = {**{k: p.default for k, p in spec.params.items()}, **(params or {})}
    param_values = np.array([values[k] for k in spec.params], dtype=np.float64)
    info = np.zeros(INFO_SIZE)
    info[:4] = (3.0, 0.0, 5.0, 1.0)
    info[INFO_LENGTH] = turns
    ours = []
    for t in range(turns):
        ours.append(int(spec.py_function(my, opp, t, state, param_values, info, None)))
        my[t], opp[t] = mine[t], theirs[t]
        info[INFO_MY_SCORE] += _PAYOFF[mine[t], theirs[t]][0]
        info[INFO_OPP_SCORE] += _PAYOFF[mine[t], theirs[t]][1]
        info[INFO_MY_COOPS] += mine[t] == 0
        info[INFO_OPP_COOPS] += theirs[t] == 0
    return mine, ours, len(draws)


@pytest.mark.parametrize("name", STOCHASTIC)
def test_same_draws_give_axelrods_moves(monkeypatch, name):
    total = 0
    for opponent in ("Cooperator", "Defector", "Random", "Tit For Tat", "Alternator", "First by Joss"):
        for seed in (0, 1):
            expected, got, n_draws = _replay(monkeypatch, name, opponent, 70, seed)
            assert got == expected, f"{name} vs {opponent}, seed {seed}"
            total += n_draws
    assert total > 0


@pytest.mark.parametrize("name,params", [
    ("Forgetful Fool Me Once", {"forget_probability": 0.3}),
    ("Bush Mosteller", {"c_prob": 0.8, "d_prob": 0.3, "aspiration_level_divider": 2.0, "learning_rate": 0.2}),
    ("Naive Prober", {"p": 0.4}),
    ("Remorseful Prober", {"p": 0.4}),
], ids=lambda x: str(x))
def test_same_draws_give_axelrods_moves_with_parameters(monkeypatch, name, params):
    for opponent in ("Random", "Tit For Tat", "Grudger"):
        expected, got, _ = _replay(monkeypatch, name, opponent, 80, 3, params)
        assert got == expected, f"{name} vs {opponent}"


@pytest.mark.parametrize("name", ["Risky QLearner", "Cautious QLearner", "Worse and Worse 2", "Calculator"])
def test_same_draws_in_long_matches(monkeypatch, name):
    # the Q-learners' table entry recurs only after 13 partner Ds in a row
    for opponent in ("Defector", "Random", "Grudger", "Bully"):
        expected, got, _ = _replay(monkeypatch, name, opponent, 200, 5)
        assert got == expected, f"{name} vs {opponent}"


def test_qlearner_states_recur_only_on_the_next_turn():
    """The premise of the one-entry table (qlearner.py): a state already in axelrod's
    table is always the state of the turn just before."""
    recurred = 0
    for opponent in ("Defector", "Random", "Alternator", "Grudger", "Bully", "Tit For Tat", "Cooperator"):
        for seed in range(4):
            player = axl_player("Risky QLearner")
            find_state = player.find_state
            log = []

            def watched(opp_player, _find=find_state, _player=player, _log=log):
                s = _find(opp_player)
                if s in _player.Qs:
                    _log.append(s == _player.prev_state)
                return s

            player.find_state = watched
            axl.Match((player, axl_player(opponent)), turns=120, seed=seed).play()
            assert all(log)
            recurred += len(log)
    assert recurred > 0  # against Defector the all-D state recurs


# -- hand-derived sequences ------------------------------------------------------------------------------------------

def _moves(players, turns):
    return "".join(a for a, _ in Match(players, turns=turns, seed=0).play())


def test_once_bitten_spell_is_eleven_defections():
    assert _moves(("Once Bitten", Player.sequence("DD" + "C" * 30)), 16) == "CC" + "D" * 11 + "CCC"
    assert _moves(("Once Bitten", "Defector"), 30) == "CC" + "D" * 28


def test_tricky_level_punisher_forgives_everything_from_move_101():
    assert _moves(("Tricky Level Punisher", "Defector"), 150) == "C" + "D" * 99 + "C" * 50


def test_gradual_killer_judges_moves_6_and_7():
    assert _moves(("Gradual Killer", "Grudger"), 12) == "DDDDDCC" + "DDDDD"
    # Tit For Tat answers the fifth D on move 6 and the first C on move 7: D, C
    assert _moves(("Gradual Killer", "Tit For Tat"), 12) == "DDDDDCC" + "CCCCC"


def test_adaptive_keeps_the_move_with_the_larger_total():
    # C earns 6 x 3 = 18 in the opening, D 5 x 5 = 25: it defects on
    assert _moves(("Adaptive", "Cooperator"), 20) == "C" * 6 + "D" * 14


def test_calculator_defects_against_a_cyclic_partner_after_move_20():
    for partner in ("Cooperator", "Alternator", "Defector"):
        assert _moves(("Calculator", partner), 40)[20:] == "D" * 20


def test_stalker_defects_on_the_last_move_only_against_a_cooperator():
    # its average stays R = 3, which is above 2: C, except on the known last move
    assert _moves(("Stalker", "Cooperator"), 10) == "C" * 9 + "D"


def test_selfsteem_mood_cycle():
    moves = _moves(("SelfSteem", "Cooperator"), 100)
    for t, move in enumerate(moves):
        if t % 10 in (2, 3):
            assert move == "D"
        elif t % 10 not in (0, 5):  # tit for tat or rock bottom: C against a cooperator
            assert move == "C"


def test_desperate_hopeless_willing_after_their_first_move():
    # against a defector Desperate alternates: after (C, D) it defects, after (D, D) it cooperates
    assert _moves(("Desperate", "Defector"), 20)[1:] in ("DC" * 9 + "D", "CD" * 9 + "C")
    assert _moves(("Willing", "Cooperator"), 20)[1:] == "C" * 19


# -- Darwin ------------------------------------------------------------------------------------------------------------

def test_darwin_is_axelrods_darwin_in_its_first_match():
    try:
        for opponent in ("Random", "Alternator", "Grudger", "Bully", "Suspicious Tit For Tat"):
            for noise in (0.0, 0.2):
                axl.Darwin.reset_genome()
                assert_same_moves("Darwin", opponents=[opponent], noise_levels=(noise,), seeds=(0,))
        # ... and why the claim is from a fresh genome: axelrod's second match reads the
        # genome of the first (axl.Darwin() here: axl_player resets the genome)
        axl.Darwin.reset_genome()
        first = axl.Match((axl.Darwin(), axl_player("Defector")), turns=10)
        second = axl.Match((axl.Darwin(), axl_player("Defector")), turns=10)
        assert [a for a, _ in first.play()] != [a for a, _ in second.play()]
    finally:
        axl.Darwin.reset_genome()


# -- tournament --------------------------------------------------------------------------------------------------------

def test_tournament_scores_equal_axelrod():
    assert_same_tournament([n for n in DETERMINISTIC if n != "DBS"] + ["Tit For Tat", "Defector"],
                           turns=60, repetitions=1)


# -- where axelrod divides by zero -------------------------------------------------------------------------------------

def test_no_division_by_zero_where_axelrod_has_one():
    # DBS with no discount: the discounted frequency of an unseen outcome is 0/0 in axelrod
    Match((Player("DBS", discount_factor=0.0), "Random"), turns=60, seed=0).play()
    # Bush Mosteller in a game whose top payoff equals its aspiration level 5/3
    m = Match(("Bush Mosteller", "Random"), turns=60, seed=0, game=Game(5 / 3, 0, 5 / 3, 1))
    m.play()
    assert np.isfinite(m.scores()).all()


# The default oracle check of every claim runs once, in tests/test_oracle_library.py;
# here: every strategy of this family carries the claim it should.
@pytest.mark.parametrize("name,claim", [*[(n, "moves") for n in DETERMINISTIC], *[(n, "statistics") for n in STOCHASTIC]])
def test_every_strategy_here_carries_its_oracle_claim(name, claim):
    from cooptourney import REGISTRY

    ours = name if isinstance(name, str) else name[0]
    assert REGISTRY.get(ours).oracle == claim
