"""Tests of ``strategies/punisher.py`` (the punishers) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds long matches, parameters,
classifiers and a hand-derived sequence.
"""

import inspect

import axelrod as axl
import pytest
from oracle import assert_same_moves, axl_player, oracle_claims_test, play_moves

from cooptourney import get_strategy

DETERMINISTIC = [
    "Tricky Level Punisher",
    "Punisher",
    "Inverse Punisher",
    "Level Punisher",
]
STOCHASTIC = []

LONG_PANEL = [
    "Random",
    "Alternator",
    "Tit For Tat",
    "Suspicious Tit For Tat",
    "Grudger",
    "Win-Stay Lose-Shift",
    "GTFT",
    "Bully",
    "First by Joss",
    "First by Davis",
]


@pytest.mark.parametrize("name", ["Tricky Level Punisher"])
def test_same_moves_in_long_matches(name):
    # Tricky Level Punisher changes rule at move 101
    assert_same_moves(name, opponents=LONG_PANEL, turns=200, noise_levels=(0.0, 0.05), seeds=(0,))


@pytest.mark.parametrize("name", ["Punisher", "Inverse Punisher", "Level Punisher"])
def test_parameters_and_defaults_are_axelrods(name):
    """We expose exactly axelrod's constructor arguments, with axelrod's defaults."""
    spec = get_strategy(name)
    sig = inspect.signature(type(axl_player(name)).__init__)
    axl_args = {k: v.default for k, v in sig.parameters.items() if k != "self"}
    ours = {k: p.default for k, p in spec.params.items()}
    assert ours == axl_args


@pytest.mark.parametrize("name", ["Punisher", "Inverse Punisher", "Level Punisher"])
def test_classifiers_agree_with_axelrod(name):
    spec = get_strategy(name)
    p = axl_player(name)
    assert spec.memory_depth == axl.Classifiers["memory_depth"](p)
    assert spec.stochastic == axl.Classifiers["stochastic"](p)
    uses = axl.Classifiers["makes_use_of"](p)
    assert spec.uses_game == ("game" in uses)
    assert spec.uses_length == ("length" in uses)
    assert spec.reason, f"{name}: the docstring needs a '{spec.reciprocity}: <reason>' line"


def test_tricky_level_punisher_forgives_everything_from_move_101():
    assert play_moves(("Tricky Level Punisher", "Defector"), 150) == "C" + "D" * 99 + "C" * 50


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
