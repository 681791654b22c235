"""Tests of ``strategies/zero_determinant.py`` (the zero-determinant strategies) against
axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds their four-vectors bit for bit
against axelrod's in several games, admissibility, clipping, the exact Markov-chain
payoffs, parameters and classifiers.
"""

import inspect

import axelrod as axl
import pytest
from oracle import assert_same_payoffs_as_markov_chain, axl_four_vector, axl_player, oracle_claims_test

from cooptourney import get_strategy
from cooptourney.game import Game
from cooptourney.match import Match
from cooptourney.players import Player
from cooptourney.strategies.zero_determinant import admissible, four_vector

DETERMINISTIC = []
STOCHASTIC = [
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

C, D = axl.Action.C, axl.Action.D

# Games (R, S, T, P) in which every zero-determinant default is admissible in axelrod;
# the second moves R and P away from 3 and 1, which ZD-Extort-2 (l = P) and ZD-GTFT-2
# (l = R) follow and the fixed-l players do not.
GAMES = [Game(), Game(3, 0, 4, 1), Game(3.2, 0, 4.5, 0.5)]


@pytest.mark.parametrize("game", GAMES, ids=str)
@pytest.mark.parametrize("name", STOCHASTIC)
def test_zd_vector_is_axelrods_bit_for_bit(name, game):
    spec = get_strategy(name)
    phi, s = Player(name).param_values[:2]
    # l: a parameter, or P / R of the game for ZD-Extort-2 / ZD-GTFT-2
    l = {"ZD-Extort-2": game.P, "ZD-GTFT-2": game.R}.get(name)
    if l is None:
        l = Player(name).param_values[2]
    assert spec.uses_game
    assert four_vector(phi, s, l, game.R, game.S, game.T, game.P) == axl_four_vector(name, game)[0]


@pytest.mark.parametrize("name", STOCHASTIC)
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


@pytest.mark.parametrize("name", STOCHASTIC)
def test_simulation_agrees_with_the_markov_chain_of_axelrods_vector(name):
    """Our simulated mean payoffs against the exact expectation from axelrod's vector
    (``oracle.assert_same_payoffs_as_markov_chain``): a wrong entry of the vector, a
    wrong first move or a vector computed from the wrong payoffs would show."""
    assert_same_payoffs_as_markov_chain(name)


@pytest.mark.parametrize(
    "name",
    [
        "ZD-Extort-2",
        "ZD-Extort-2 v2",
        "ZD-Extort3",
        "ZD-Extort-4",
        "ZD-Extortion",
        "ZD-GTFT-2",
        "ZD-GEN-2",
        "ZD-SET-2",
        "ZD-Mischief",
    ],
)
def test_parameters_and_defaults_are_axelrods(name):
    """We expose exactly axelrod's constructor arguments, with axelrod's defaults."""
    spec = get_strategy(name)
    sig = inspect.signature(type(axl_player(name)).__init__)
    axl_args = {k: v.default for k, v in sig.parameters.items() if k != "self"}
    ours = {k: p.default for k, p in spec.params.items()}
    assert ours == axl_args


@pytest.mark.parametrize(
    "name, bad",
    [
        ("ZD-Extortion", {"phi": -0.1}),
        ("ZD-Extortion", {"s": 1.5}),
        ("ZD-GEN-2", {"s": -2}),
    ],
)
def test_out_of_range_parameters_are_rejected(name, bad):
    with pytest.raises(ValueError):
        Player(name, **bad)


@pytest.mark.parametrize(
    "name",
    [
        "ZD-Extort-2",
        "ZD-Extort-2 v2",
        "ZD-Extort3",
        "ZD-Extort-4",
        "ZD-Extortion",
        "ZD-GTFT-2",
        "ZD-GEN-2",
        "ZD-SET-2",
        "ZD-Mischief",
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
