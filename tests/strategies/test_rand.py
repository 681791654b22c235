"""Tests of ``strategies/rand.py`` (Random) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds its parameter.
"""

from oracle import assert_same_statistics, oracle_claims_test

DETERMINISTIC = []
STOCHASTIC = [
    "Random",
]


def test_parameterised_random_agrees_with_axelrod():
    assert_same_statistics("Random", params={"p": 0.8}, axl_kwargs={"p": 0.8}, opponents=("Tit For Tat",))


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
