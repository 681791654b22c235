"""Retaliate, Punisher, Prober, zero-determinant and named memory-one strategies against axelrod.

One line per strategy for the oracle checks (identical moves with and without
pre-drawn flips for deterministic strategies, statistics for stochastic ones);
then the memory-one strategies against the exact Markov-chain payoffs of
``cooptourney.markov`` with axelrod's own four-vectors, the zero-determinant
vectors bit for bit in several games, parameters and classifiers.
"""

import inspect
import math

import axelrod as axl
import numpy as np
import pytest

from cooptourney.game import Game
from cooptourney.markov import expected_payoffs, memory_one_vector
from cooptourney.match import Match
from cooptourney.players import Player
from cooptourney.registry import get_strategy
from cooptourney.strategies.zero_determinant import admissible, four_vector
from cooptourney.tournament import Tournament
from oracle import (
    axl_play,
    axl_player,
    assert_same_moves,
    assert_same_statistics,
    assert_same_tournament,
    panel,
)

C, D = axl.Action.C, axl.Action.D

DETERMINISTIC = [
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

STOCHASTIC = ZERO_DETERMINANT + MEMORY_ONE_STOCHASTIC

# Games (R, S, T, P) in which every zero-determinant default is admissible in axelrod;
# the second moves R and P away from 3 and 1, which ZD-Extort-2 (l = P) and ZD-GTFT-2
# (l = R) follow and the fixed-l players do not.
GAMES = [Game(), Game(3, 0, 4, 1), Game(3.2, 0, 4.5, 0.5)]
OUTCOMES = [(C, C), (C, D), (D, C), (D, D)]


# -- the oracle, one line per strategy ---------------------------------------------------

def test_deterministic_tournament_scores_equal_axelrod():
    assert_same_tournament([*DETERMINISTIC, "Tit For Tat", "Grudger", "Cooperator"], turns=60, repetitions=1)


def test_every_ported_name_is_axelrods():
    names = {s.name for s in axl.all_strategies}
    for name in DETERMINISTIC + STOCHASTIC:
        assert name in names and get_strategy(name).name == name


# -- exact vectors and the Markov chain ------------------------------------------------

def _axl_vector(name, game=None):
    """axelrod's own (four-vector, P(C) on move 1) for a memory-one strategy in ``game``."""
    game = game or Game()
    if name == "ALLCorALLD":  # not a MemoryOnePlayer: repeats its own move, opens C w.p. 0.6
        return (1.0, 1.0, 0.0, 0.0), 0.6
    p = axl_player(name)
    p.set_match_attributes(length=-1, game=axl.Game(r=game.R, s=game.S, t=game.T, p=game.P), noise=0)
    return tuple(float(p._four_vector[o]) for o in OUTCOMES), (1.0 if p._initial == C else 0.0)


@pytest.mark.parametrize("game", GAMES, ids=str)
@pytest.mark.parametrize("name", ZERO_DETERMINANT)
def test_zd_vector_is_axelrods_bit_for_bit(name, game):
    spec = get_strategy(name)
    phi, s = Player(name).param_values[:2]
    # l: a parameter, or P / R of the game for ZD-Extort-2 / ZD-GTFT-2
    l = {"ZD-Extort-2": game.P, "ZD-GTFT-2": game.R}.get(name)
    if l is None:
        l = Player(name).param_values[2]
    assert spec.uses_game
    assert four_vector(phi, s, l, game.R, game.S, game.T, game.P) == _axl_vector(name, game)[0]


@pytest.mark.parametrize("name", ZERO_DETERMINANT)
def test_admissible_is_exactly_where_axelrod_accepts(name):
    seen = set()
    for game in [*GAMES, Game(4, 0, 6, 2), Game(3, -1, 5, 1), Game(3, 0, 6, 1), Game(3.5, 0, 5, 1)]:
        for kwargs in ({}, {"phi": 0.5}, {"s": -0.5}, {"s": 1.0}, {"phi": 0.05, "s": 0.9}, {"l": 2.5}):
            if "l" in kwargs and name in ("ZD-Extort-2", "ZD-GTFT-2"):
                continue
            # axelrod checks at construction (default game) too, so set the values on a
            # default-built player and let it check them in the game of the match alone
            p = axl_player(name)
            for k, v in kwargs.items():
                setattr(p, k, v)
            try:
                p.set_match_attributes(game=axl.Game(r=game.R, s=game.S, t=game.T, p=game.P))
                accepted = True
            except ValueError:
                accepted = False
            l = {"ZD-Extort-2": game.P, "ZD-GTFT-2": game.R}.get(name, p.l)
            assert admissible(p.phi, p.s, l, game.R, game.S, game.T, game.P) == accepted, (game, kwargs)
            seen.add(accepted)
    assert seen == {True, False}


def test_inadmissible_vectors_are_clipped():
    # ZD-GTFT-2 at 4, 0, 6, 2 has p_DC = 1.25 (axelrod refuses it): it must play C there,
    # and p_CC = 1: never break mutual cooperation. Against Alternator (C, D, C, D, ...)
    # its outcomes after move 1 alternate CD / DC, so every move after a DC must be C.
    game = Game(4, 0, 6, 2)
    assert four_vector(0.25, 0.5, 4.0, 4, 0, 6, 2)[2] == 1.25
    m = Match(("ZD-GTFT-2", "Alternator"), turns=400, seed=3, game=game)
    m.play()
    mv = m.moves
    after_dc = [t for t in range(1, 400) if mv[t - 1, 0] == 1 and mv[t - 1, 1] == 0]
    assert after_dc and all(mv[t, 0] == 0 for t in after_dc)


# (opponent, settings): fixed length; noise with a game; prob_end with noise
MARKOV_SETTINGS = [
    ("Tit For Tat", dict(turns=40)),
    ("GTFT", dict(turns=30, noise=0.05, game=Game(3.2, 0, 4.5, 0.5))),
    ("Random", dict(prob_end=0.05, noise=0.02)),
]


@pytest.mark.parametrize("name", STOCHASTIC)
def test_simulation_agrees_with_the_markov_chain_of_axelrods_vector(name):
    """Our simulated mean payoffs against the exact expectation from axelrod's vector.

    The expectation is exact, and our engine makes thousands of repetitions cheap,
    so this is a tight check: a wrong entry of the vector, a wrong first move or
    a vector computed from the wrong payoffs would show.
    """
    reps = 3000
    for opp, settings in MARKOV_SETTINGS:
        game = settings.get("game", Game())
        p, p0 = _axl_vector(name, game)
        q, q0 = memory_one_vector(opp, game)
        ex = expected_payoffs(p, q, p0, q0, **settings)
        r = Tournament([name, opp], repetitions=reps, seed=7, **settings).play()
        for side, (i, j) in enumerate(((0, 1), (1, 0))):
            sim = r.score_matrix[i, j]
            se = sim.std(ddof=1) / math.sqrt(reps)
            assert abs(sim.mean() - ex.total[side]) < 4.5 * se + 1e-9, (opp, side, sim.mean(), ex.total[side], se)
        coop = r.coop_matrix[0, 1] / r.turns_matrix[0, 1]
        # per-turn cooperation of the strategy: compare the totals (ratio of means)
        sim_c = r.coop_matrix[0, 1].sum() / r.turns_matrix[0, 1].sum()
        assert abs(sim_c - ex.cooperation[0]) < 4.5 * coop.std(ddof=1) / math.sqrt(reps) + 1e-3, (opp, sim_c)


# -- the generic and reactive memory-one players (not in axl.all_strategies) -------------

def _same_moves_with(make_axl, ours, turns=60, noise_levels=(0.0, 0.1), seeds=(0, 1)):
    """assert_same_moves for an axelrod player built by ``make_axl`` (no name lookup)."""
    for opp_name in panel():
        for noise in noise_levels:
            for seed in seeds:
                rng = np.random.default_rng([seed, int(noise * 1000)])
                flips = (rng.random((2, turns)) < noise).astype(np.int8) if noise > 0 else None
                a_moves, o_moves = axl_play(make_axl(), axl_player(opp_name), turns, flips, seed, Game())
                our_flips = np.zeros((2, turns), dtype=np.int8)
                if flips is not None:
                    our_flips[0] = flips[0]
                m = Match((ours, Player.sequence(o_moves)), turns=turns, flips=our_flips, seed=seed)
                m.play()
                assert m.moves[:, 0].tolist() == a_moves, f"{ours} vs {opp_name}, noise {noise}, seed {seed}"


def _same_statistics_with(make_axl, ours, opponents=("Cooperator", "Defector", "Tit For Tat", "Alternator"),
                          turns=40, matches=300, z_max=4.5):
    """assert_same_statistics for an axelrod player built by ``make_axl``."""
    for opp_name in opponents:
        ax_coop, ax_score = [], []
        for s in range(matches):
            mt = axl.Match((make_axl(), axl_player(opp_name)), turns=turns, seed=s)
            res = mt.play()
            ax_coop.append(sum(1 for a, _ in res if a == C) / turns)
            ax_score.append(mt.final_score()[0] / turns)
        r = Tournament([ours, Player(opp_name)], turns=turns, repetitions=matches, seed=12345).play()
        for a, b in ((ax_coop, r.coop_matrix[0, 1] / turns), (ax_score, r.score_matrix[0, 1] / turns)):
            a = np.array(a)
            se = math.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b)) + 1e-3
            assert abs(a.mean() - b.mean()) / se < z_max, (opp_name, a.mean(), b.mean())


@pytest.mark.filterwarnings("ignore:Memory one player is set to default")
def test_generic_memory_one_defaults_agree_with_axelrod():
    default = axl.MemoryOnePlayer()
    assert tuple(default._four_vector[o] for o in OUTCOMES) + (default._initial == C,) == tuple(
        Player("Generic Memory One Player").param_values)
    _same_moves_with(axl.MemoryOnePlayer, Player("Generic Memory One Player"), noise_levels=(0.0,), seeds=(0,))


def test_generic_memory_one_agrees_with_axelrod_given_the_same_vector():
    # axelrod's default vector, given explicitly: identical moves
    _same_moves_with(lambda: axl.MemoryOnePlayer((1, 0, 0, 1), C),
                     Player("Generic Memory One Player", p_dd=1.0))
    _same_moves_with(lambda: axl.MemoryOnePlayer((0, 1, 1, 0), D),
                     Player("Generic Memory One Player", p_cc=0.0, p_cd=1.0, p_dc=1.0, p_dd=0.0, initial=0.0),
                     noise_levels=(0.1,), seeds=(2,))
    vec = (0.9, 0.2, 0.7, 0.3)
    _same_statistics_with(lambda: axl.MemoryOnePlayer(vec, C),
                          Player("Generic Memory One Player", p_cc=0.9, p_cd=0.2, p_dc=0.7, p_dd=0.3))


def test_reactive_player_agrees_with_axelrod():
    # (1, 0) is tit for tat: deterministic, identical moves
    _same_moves_with(lambda: axl.ReactivePlayer((1, 0)), Player("Reactive Player"))
    pq = (0.9, 0.3)
    _same_statistics_with(lambda: axl.ReactivePlayer(pq), Player("Reactive Player", p=0.9, q=0.3))
    a = axl.ReactivePlayer(pq)
    vec = tuple(a._four_vector[o] for o in OUTCOMES)
    assert vec == (0.9, 0.3, 0.9, 0.3)
    ex = expected_payoffs(vec, (1, 0, 1, 0), 1, 1, turns=40)
    r = Tournament([Player("Reactive Player", p=0.9, q=0.3), "Tit For Tat"], turns=40, repetitions=3000,
                   seed=3).play()
    sim = r.score_matrix[0, 1]
    assert abs(sim.mean() - ex.total[0]) < 4.5 * sim.std(ddof=1) / math.sqrt(3000)


# -- parameters ------------------------------------------------------------------------

# Our parameter name -> axelrod's keyword, where they differ.
RENAMED = {"cooperate_first": "initial"}


@pytest.mark.parametrize("name", DETERMINISTIC + STOCHASTIC)
def test_parameters_and_defaults_are_axelrods(name):
    """We expose exactly axelrod's constructor arguments, with axelrod's defaults."""
    spec = get_strategy(name)
    sig = inspect.signature(type(axl_player(name)).__init__)
    axl_args = {k: v.default for k, v in sig.parameters.items() if k != "self"}
    ours = {RENAMED.get(k, k): p.default for k, p in spec.params.items()}
    if "initial" in axl_args:
        axl_args["initial"] = axl_args["initial"] == C
    assert ours == axl_args


def test_parameters_agree_with_axelrod():
    assert_same_moves("Retaliate", params={"retaliation_threshold": 0.3},
                      axl_kwargs={"retaliation_threshold": 0.3}, noise_levels=(0.0, 0.1))
    assert_same_moves("Limited Retaliate", params={"retaliation_threshold": 0.2, "retaliation_limit": 3},
                      axl_kwargs={"retaliation_threshold": 0.2, "retaliation_limit": 3}, noise_levels=(0.0, 0.1))
    assert_same_moves("Win-Shift Lose-Stay", params={"cooperate_first": True}, axl_kwargs={"initial": C},
                      noise_levels=(0.0, 0.1))
    assert_same_statistics("ZD-Extortion", params={"phi": 0.1, "s": 0.2, "l": 1.5},
                           axl_kwargs={"phi": 0.1, "s": 0.2, "l": 1.5}, opponents=("Tit For Tat", "Alternator"))
    assert_same_statistics("ZD-GTFT-2", params={"phi": 0.2, "s": 0.3}, axl_kwargs={"phi": 0.2, "s": 0.3},
                           opponents=("Defector", "Alternator"))
    assert_same_statistics("Stochastic WSLS", params={"ep": 0.2}, axl_kwargs={"ep": 0.2},
                           opponents=("Tit For Tat", "Alternator"))
    assert_same_statistics("Soft Joss", params={"q": 0.5}, axl_kwargs={"q": 0.5}, opponents=("Defector", "Alternator"))


def test_degenerate_parameters_are_deterministic_and_match_axelrod():
    # Stochastic WSLS at ep = 0 is Win-Stay Lose-Shift, Soft Joss at q = 1 tit for tat:
    # no draws, so the moves must be identical to axelrod's
    assert_same_moves("Stochastic WSLS", params={"ep": 0.0}, axl_kwargs={"ep": 0.0}, noise_levels=(0.0, 0.1))
    assert_same_moves("Soft Joss", params={"q": 1.0}, axl_kwargs={"q": 1.0}, noise_levels=(0.0, 0.1))


@pytest.mark.parametrize("name, bad", [
    ("ZD-Extortion", {"phi": -0.1}),
    ("ZD-Extortion", {"s": 1.5}),
    ("ZD-GEN-2", {"s": -2}),
    ("Soft Joss", {"q": 1.1}),
    ("Stochastic WSLS", {"ep": -0.1}),
    ("Reactive Player", {"p": 2}),
    ("Retaliate", {"retaliation_threshold": -1}),
    ("Limited Retaliate", {"retaliation_limit": 2.5}),
])
def test_out_of_range_parameters_are_rejected(name, bad):
    with pytest.raises(ValueError):
        Player(name, **bad)


# -- classifiers and tags ---------------------------------------------------------------

@pytest.mark.parametrize("name", DETERMINISTIC + STOCHASTIC)
def test_classifiers_agree_with_axelrod(name):
    spec = get_strategy(name)
    p = axl_player(name)
    assert spec.memory_depth == axl.Classifiers["memory_depth"](p)
    assert spec.stochastic == axl.Classifiers["stochastic"](p)
    uses = axl.Classifiers["makes_use_of"](p)
    assert spec.uses_game == ("game" in uses)
    assert spec.uses_length == ("length" in uses)
    assert spec.reason, f"{name}: the docstring needs a '{spec.reciprocity}: <reason>' line"


# The default oracle check of every claim runs once, in tests/test_oracle_library.py;
# here: every strategy of this family carries the claim it should.
@pytest.mark.parametrize("name,claim", [*[(n, "moves") for n in DETERMINISTIC], *[(n, "statistics") for n in STOCHASTIC]])
def test_every_strategy_here_carries_its_oracle_claim(name, claim):
    from cooptourney import REGISTRY

    ours = name if isinstance(name, str) else name[0]
    assert REGISTRY.get(ours).oracle == claim
