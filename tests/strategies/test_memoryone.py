"""Tests of ``strategies/memoryone.py`` (the memory-one strategies) against axelrod (the
oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds axelrod's parameters and
classifiers, the exact Markov-chain payoffs of axelrod's own four-vectors, the generic
and reactive players, Generous Tit For Tat against axelrod's in several games, and the
generosity of Game Generous Tit For Tat computed from the game.
"""

import inspect
import math

import axelrod as axl
import numpy as np
import pytest
from oracle import (
    OUTCOMES,
    assert_same_moves,
    assert_same_payoffs_as_markov_chain,
    assert_same_statistics,
    axl_play,
    axl_player,
    oracle_claims_test,
    panel,
)

from cooptourney import get_strategy
from cooptourney.game import Game
from cooptourney.markov import expected_payoffs
from cooptourney.match import Match
from cooptourney.players import Player
from cooptourney.tournament import Tournament

DETERMINISTIC = [
    "Win-Stay Lose-Shift",
    "Win-Shift Lose-Stay",
]
STOCHASTIC = [
    ("Generous Tit For Tat", "GTFT"),
    "Firm But Fair",
    "Stochastic Cooperator",
    "Stochastic WSLS",
    "Soft Joss",
    "ALLCorALLD",
]

C, D = axl.Action.C, axl.Action.D


def test_gtft_generosity_param_agrees_with_axelrod():
    assert_same_statistics(
        ("GTFT", "GTFT"), params={"generosity": 0.6}, axl_kwargs={"p": 0.6}, opponents=("Defector", "Alternator")
    )


def test_gtft_is_an_alias_of_generous_tit_for_tat():
    assert get_strategy("GTFT").name == "Generous Tit For Tat"


@pytest.mark.parametrize("game, g", [(Game(), 1 / 3), (Game(4, 0, 5, 1), 0.75), (Game(3, 0, 4, 2), 0.5)])
def test_game_gtft_generosity_is_computed_from_the_game(game, g):
    r = Tournament(["Game GTFT", "Defector"], turns=3000, repetitions=4, seed=9, game=game).play()
    rate = r.coop_matrix[0, 1].sum() / (r.turns_matrix[0, 1].sum())
    assert abs(rate - g) < 5 * np.sqrt(g * (1 - g) / 12000)


GAMES = [Game(4, -1, 6, 0), Game(4, 0, 5, 1), Game(3, 0, 4, 2), Game(3.2, 0, 4.5, 0.5), Game(2, 1, 3, 0)]


@pytest.mark.parametrize("game", GAMES, ids=str)
def test_gtft_plays_as_axelrods_in_any_game(game):
    """axelrod's GTFT computes its generosity from the default game when it is made and
    keeps it, 1/3, in every game; so does ours (against a D, D, C cycler at 4, -1, 6, 0
    it cooperates about 0.55 of the time, where the game's own generosity, 0.6, gives 0.73)."""
    turns, matches = 60, 300
    for opp in ("Cycler DDC", "Alternator", "Defector"):
        ax_coop, ax_score = [], []
        for s in range(matches):
            mt = axl.Match(
                (axl.GTFT(), axl_player(opp)),
                turns=turns,
                seed=s,
                game=axl.Game(r=game.R, s=game.S, t=game.T, p=game.P),
            )
            ax_coop.append(sum(1 for a, _ in mt.play() if a == C) / turns)
            ax_score.append(mt.final_score()[0] / turns)
        r = Tournament(["GTFT", opp], turns=turns, repetitions=matches, seed=4, game=game).play()
        for a, b in ((ax_coop, r.coop_matrix[0, 1] / turns), (ax_score, r.score_matrix[0, 1] / turns)):
            a = np.array(a)
            se = math.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b)) + 1e-3
            assert abs(a.mean() - b.mean()) / se < 4.5, (opp, a.mean(), b.mean())


def test_gtft_and_game_gtft_differ_outside_the_default_game():
    """The two are one player at 3, 0, 5, 1 (the same generosity, to the last bit) and
    differ strongly where the game's generosity is not 1/3."""
    from cooptourney.game import game_generosity
    from cooptourney.strategies.memoryone import GTFT_GENEROSITY

    assert GTFT_GENEROSITY == game_generosity(3.0, 0.0, 5.0, 1.0) == axl.GTFT().p
    game = Game(4, -1, 6, 0)  # generosity from the game: min(1 - 2/5, 4/6) = 0.6
    rates = {}
    for name in ("GTFT", "Game GTFT"):
        r = Tournament([name, "Defector"], turns=2001, repetitions=4, seed=2, game=game).play()
        rates[name] = (r.coop_matrix[0, 1].sum() - 4) / (4 * 2000)  # the first move is C
    assert abs(rates["GTFT"] - 1 / 3) < 5 * math.sqrt(2 / 9 / 8000)
    assert abs(rates["Game GTFT"] - 0.6) < 5 * math.sqrt(0.24 / 8000)


@pytest.mark.parametrize(
    "name", ["Firm But Fair", "Stochastic Cooperator", "Stochastic WSLS", "Soft Joss", "ALLCorALLD"]
)
def test_simulation_agrees_with_the_markov_chain_of_axelrods_vector(name):
    """Our simulated mean payoffs against the exact expectation from axelrod's vector
    (``oracle.assert_same_payoffs_as_markov_chain``): a wrong entry of the vector, a
    wrong first move or a vector computed from the wrong payoffs would show."""
    assert_same_payoffs_as_markov_chain(name)


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


def _same_statistics_with(
    make_axl, ours, opponents=("Cooperator", "Defector", "Tit For Tat", "Alternator"), turns=40, matches=300, z_max=4.5
):
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
        Player("Generic Memory One Player").param_values
    )
    _same_moves_with(axl.MemoryOnePlayer, Player("Generic Memory One Player"), noise_levels=(0.0,), seeds=(0,))


def test_generic_memory_one_agrees_with_axelrod_given_the_same_vector():
    # axelrod's default vector, given explicitly: identical moves
    _same_moves_with(lambda: axl.MemoryOnePlayer((1, 0, 0, 1), C), Player("Generic Memory One Player", p_dd=1.0))
    _same_moves_with(
        lambda: axl.MemoryOnePlayer((0, 1, 1, 0), D),
        Player("Generic Memory One Player", p_cc=0.0, p_cd=1.0, p_dc=1.0, p_dd=0.0, initial=0.0),
        noise_levels=(0.1,),
        seeds=(2,),
    )
    vec = (0.9, 0.2, 0.7, 0.3)
    _same_statistics_with(
        lambda: axl.MemoryOnePlayer(vec, C), Player("Generic Memory One Player", p_cc=0.9, p_cd=0.2, p_dc=0.7, p_dd=0.3)
    )


def test_reactive_player_agrees_with_axelrod():
    # (1, 0) is tit for tat: deterministic, identical moves
    _same_moves_with(lambda: axl.ReactivePlayer((1, 0)), Player("Reactive Player"))
    pq = (0.9, 0.3)
    _same_statistics_with(lambda: axl.ReactivePlayer(pq), Player("Reactive Player", p=0.9, q=0.3))
    a = axl.ReactivePlayer(pq)
    vec = tuple(a._four_vector[o] for o in OUTCOMES)
    assert vec == (0.9, 0.3, 0.9, 0.3)
    ex = expected_payoffs(vec, (1, 0, 1, 0), 1, 1, turns=40)
    r = Tournament([Player("Reactive Player", p=0.9, q=0.3), "Tit For Tat"], turns=40, repetitions=3000, seed=3).play()
    sim = r.score_matrix[0, 1]
    assert abs(sim.mean() - ex.total[0]) < 4.5 * sim.std(ddof=1) / math.sqrt(3000)


# Our parameter name -> axelrod's keyword, where they differ.
RENAMED = {"cooperate_first": "initial"}


@pytest.mark.parametrize(
    "name",
    [
        "Win-Shift Lose-Stay",
        "Firm But Fair",
        "Stochastic Cooperator",
        "Stochastic WSLS",
        "Soft Joss",
        "ALLCorALLD",
    ],
)
def test_parameters_and_defaults_are_axelrods(name):
    """We expose exactly axelrod's constructor arguments, with axelrod's defaults."""
    spec = get_strategy(name)
    sig = inspect.signature(type(axl_player(name)).__init__)
    axl_args = {k: v.default for k, v in sig.parameters.items() if k != "self"}
    ours = {RENAMED.get(k, k): p.default for k, p in spec.params.items()}
    if "initial" in axl_args:
        axl_args["initial"] = axl_args["initial"] == C
    assert ours == axl_args


def test_degenerate_parameters_are_deterministic_and_match_axelrod():
    # Stochastic WSLS at ep = 0 is Win-Stay Lose-Shift, Soft Joss at q = 1 tit for tat:
    # no draws, so the moves must be identical to axelrod's
    assert_same_moves("Stochastic WSLS", params={"ep": 0.0}, axl_kwargs={"ep": 0.0}, noise_levels=(0.0, 0.1))
    assert_same_moves("Soft Joss", params={"q": 1.0}, axl_kwargs={"q": 1.0}, noise_levels=(0.0, 0.1))


@pytest.mark.parametrize(
    "name, bad",
    [
        ("Soft Joss", {"q": 1.1}),
        ("Stochastic WSLS", {"ep": -0.1}),
        ("Reactive Player", {"p": 2}),
    ],
)
def test_out_of_range_parameters_are_rejected(name, bad):
    with pytest.raises(ValueError):
        Player(name, **bad)


@pytest.mark.parametrize(
    "name",
    [
        "Win-Shift Lose-Stay",
        "Firm But Fair",
        "Stochastic Cooperator",
        "Stochastic WSLS",
        "Soft Joss",
        "ALLCorALLD",
    ],
)
def test_classifiers_agree_with_axelrod(name):
    spec = get_strategy(name)
    p = axl_player(name)
    assert spec.memory_depth == axl.Classifiers["memory_depth"](p)
    assert spec.stochastic == axl.Classifiers["stochastic"](p)
    uses = axl.Classifiers["makes_use_of"](p)
    assert spec.uses_game == ("game" in uses)
    assert spec.uses_length == ("length" in uses)
    assert spec.reason, f"{name}: the docstring needs a '{spec.reciprocity}: <reason>' line"


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
