"""Tests of ``strategies/appeaser.py`` (Appeaser) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds nothing more.
"""

from oracle import oracle_claims_test

DETERMINISTIC = [
    "Appeaser",
]
STOCHASTIC = []


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
