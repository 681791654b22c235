"""Tests of ``strategies/gambler.py`` (the gamblers) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds statistics against other partners
and opening probabilities derived by hand from the tables.
"""

import pytest
from oracle import assert_rate, assert_same_statistics, cooperation_at, oracle_claims_test

DETERMINISTIC = []
STOCHASTIC = [
    "PSO Gambler 1_1_1",
    "PSO Gambler 2_2_2",
    "PSO Gambler 2_2_2 Noise 05",
    "PSO Gambler Mem1",
    "ZD-Mem2",
]


@pytest.mark.parametrize(
    "name",
    [
        "PSO Gambler 1_1_1",
        "PSO Gambler 2_2_2",
        "PSO Gambler 2_2_2 Noise 05",
        "PSO Gambler Mem1",
        "ZD-Mem2",
    ],
)
def test_same_statistics_against_other_partners_in_longer_matches(name):
    # other partners reach other table entries and hidden states than the default five
    assert_same_statistics(
        name, opponents=("Random", "Win-Stay Lose-Shift", "Suspicious Tit For Tat", "Bully"), turns=120, matches=150
    )


def test_gambler_tables_are_read_in_order():
    # PSO Gambler Mem1 after (own C, partner D); ZD-Mem2 after (CC, CC); PSO 1_1_1
    # after (own C, partner D, partner opened D)
    rate, n = cooperation_at("PSO Gambler Mem1", "Defector", 1)
    assert_rate(rate, n, 0.52173487)
    rate, n = cooperation_at("ZD-Mem2", "Cooperator", 2)
    assert_rate(rate, n, 11 / 12)
    rate, n = cooperation_at("PSO Gambler 1_1_1", "Defector", 1)
    assert_rate(rate, n, 0.57740178)
    rate, n = cooperation_at("ZD-Mem2", "Alternator", 2)  # (own C, C; partner C then D)
    assert_rate(rate, n, 4 / 11)


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
