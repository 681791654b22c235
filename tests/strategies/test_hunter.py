"""Tests of ``strategies/hunter.py`` (the hunters) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds long matches with running counts
and hand-derived sequences.
"""

import pytest
from oracle import assert_same_moves, oracle_claims_test, play_moves

DETERMINISTIC = [
    "Alternator Hunter",
    "Cooperator Hunter",
    "Cycle Hunter",
    "Defector Hunter",
    "Eventual Cycle Hunter",
    "Math Constant Hunter",
    "Random Hunter",
]
STOCHASTIC = []

# Partners with patterns for the hunters to find, and with enough defections to keep counters busy.
LONG_PANEL = [
    "Random",
    "Alternator",
    "Tit For Tat",
    "Grudger",
    "Win-Stay Lose-Shift",
    "Cooperator",
    "Defector",
    "Cycler CCD",
    "Cycler DDC",
    "Cycler CCCCCD",
    "AntiCycler",
    "ThueMorse",
    "$\\pi$",
    "First by Joss",
    "Sneaky Tit For Tat",
]


@pytest.mark.parametrize(
    "name",
    [
        "Cycle Hunter",
        "Eventual Cycle Hunter",
        "Math Constant Hunter",
        "Random Hunter",
        "Alternator Hunter",
    ],
)
def test_same_moves_in_long_matches(name):
    # the hunters' windows and cycle checks (every 10 moves for Eventual Cycle Hunter) keep moving
    assert_same_moves(name, opponents=LONG_PANEL, turns=250, noise_levels=(0.0, 0.05), seeds=(0,))


@pytest.mark.parametrize("name", ["Cycle Hunter", "Eventual Cycle Hunter", "Math Constant Hunter", "Random Hunter"])
def test_hunters_with_running_counts_in_a_1000_move_match(name):
    assert_same_moves(
        name,
        opponents=["Cycler CCCDCD", "Random", "ThueMorse", "$e$"],
        turns=1000,
        noise_levels=(0.0, 0.02),
        seeds=(3,),
    )


def test_hunters_find_their_prey():
    assert play_moves(("Defector Hunter", "Defector"), 6) == "CCCCDD"
    assert play_moves(("Cooperator Hunter", "Cooperator"), 6) == "CCCCDD"
    assert play_moves(("Alternator Hunter", "Alternator"), 8) == "CCCCCCDD"
    # CCD has period 3; it shows twice after 6 moves
    assert play_moves(("Cycle Hunter", "Cycler CCD"), 8) == "CCCCCCDD"
    assert play_moves(("Cycle Hunter", "Cooperator"), 20) == "C" * 20
    assert play_moves(("Cycle Hunter", "AntiCycler"), 40) == "C" * 40
    # moves 11-20 of CCD repeat with period 3: hunted from move 21 on, not before
    assert play_moves(("Eventual Cycle Hunter", "Cycler CCD"), 22) == "C" * 20 + "DD"


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
