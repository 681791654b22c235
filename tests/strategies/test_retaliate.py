"""Tests of ``strategies/retaliate.py`` (the Retaliate family) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds parameters and classifiers.
"""

import inspect

import axelrod as axl
import pytest
from oracle import axl_player, oracle_claims_test

from cooptourney import get_strategy
from cooptourney.players import Player

DETERMINISTIC = [
    "Retaliate",
    "Retaliate 2",
    "Retaliate 3",
    "Limited Retaliate",
    "Limited Retaliate 2",
    "Limited Retaliate 3",
]
STOCHASTIC = []


@pytest.mark.parametrize(
    "name",
    [
        "Retaliate",
        "Retaliate 2",
        "Retaliate 3",
        "Limited Retaliate",
        "Limited Retaliate 2",
        "Limited Retaliate 3",
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
        ("Retaliate", {"retaliation_threshold": -1}),
        ("Limited Retaliate", {"retaliation_limit": 2.5}),
    ],
)
def test_out_of_range_parameters_are_rejected(name, bad):
    with pytest.raises(ValueError):
        Player(name, **bad)


@pytest.mark.parametrize(
    "name",
    [
        "Retaliate",
        "Retaliate 2",
        "Retaliate 3",
        "Limited Retaliate",
        "Limited Retaliate 2",
        "Limited Retaliate 3",
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
