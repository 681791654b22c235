"""Tests of ``strategies/hmm.py`` (the hidden Markov model player) against axelrod (the
oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds statistics against other partners
and opening probabilities derived by hand from its tables.
"""

import pytest
from oracle import assert_rate, assert_same_statistics, cooperation_at, oracle_claims_test

from cooptourney.match import Match

DETERMINISTIC = []
STOCHASTIC = [
    "Evolved HMM 5",
]


@pytest.mark.parametrize("name", ["Evolved HMM 5"])
def test_same_statistics_against_other_partners_in_longer_matches(name):
    # other partners reach other table entries and hidden states than the default five
    assert_same_statistics(
        name, opponents=("Random", "Win-Stay Lose-Shift", "Suspicious Tit For Tat", "Bully"), turns=120, matches=150
    )


def _moves(a, b, turns, flips=None):
    return "".join(x for x, _ in Match((a, b), turns=turns, seed=0, flips=flips).play())


def test_hmm_5_against_a_defector():
    # state 3 -D-> 0 (C), 0 -D-> 1 (D), 1 -D-> 1 or 2 (both D), so C, C, D for sure;
    # then from 1: 1 or 2 (D); from 2 (p .513): 3 (p .59, C) or 4 (p .41, C w.p. .111)
    assert _moves("Evolved HMM 5", "Defector", 4) == "CCDD"
    rate, n = cooperation_at("Evolved HMM 5", "Defector", 4)
    assert_rate(rate, n, 0.513 * (0.59 + 0.41 * 0.111))


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
