"""Tests of ``strategies/gobymajority.py`` (the Go By Majority family) against axelrod (the
oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds long matches, the memory
parameter and the names of older axelrod versions.
"""

import pytest
from oracle import assert_same_moves, oracle_claims_test, play_moves

from cooptourney import get_strategy

DETERMINISTIC = [
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
STOCHASTIC = []


def test_go_by_majority_names_of_older_axelrod_versions_are_aliases():
    assert get_strategy("Soft Go By Majority").name == "Go By Majority"
    for n in (5, 10, 20, 40):
        assert get_strategy(f"Soft Go By Majority: {n}").name == f"Go By Majority {n}"
        assert get_strategy(f"Hard Go By Majority: {n}").name == f"Hard Go By Majority {n}"


# Partners that keep the counters of the long-memory rules busy over long matches.
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
    "First by Tideman and Chieruzzi",
]


@pytest.mark.parametrize("name", ["Go By Majority", "Hard Go By Majority 40"])
def test_same_moves_in_long_matches(name):
    # Go By Majority 40's window slides
    assert_same_moves(name, opponents=LONG_PANEL, turns=300, noise_levels=(0.0, 0.05), seeds=(0,))


@pytest.mark.parametrize("name", ["Go By Majority", "Hard Go By Majority"])
@pytest.mark.parametrize("memory", [1, 3, 8])
def test_go_by_majority_memory_agrees_with_axelrod(name, memory):
    assert_same_moves(
        name, params={"memory_depth": memory}, axl_kwargs={"memory_depth": memory}, noise_levels=(0.0, 0.1)
    )


@pytest.mark.parametrize("name", ["Go By Majority", "Hard Go By Majority"])
def test_memory_depth_zero_is_the_whole_history(name):
    # axelrod reads memory_depth=0 as "no limit" (history[-0:] is everything)
    assert_same_moves(
        name, params={"memory_depth": 0}, axl_kwargs={"memory_depth": 0}, opponents=LONG_PANEL, noise_levels=(0.1,)
    )


def test_hard_go_by_majority_opens_with_a_defection():
    assert play_moves(("Hard Go By Majority", "Cooperator"), 3) == "DCC"
    assert play_moves(("Hard Go By Majority 5", "Cooperator"), 3) == "DCC"
    assert play_moves(("Go By Majority", "Defector"), 3) == "CDD"


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
