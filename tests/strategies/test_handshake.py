"""Tests of ``strategies/handshake.py`` (Handshake) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds nothing more.
"""

import pytest

from cooptourney import REGISTRY

DETERMINISTIC = [
    "Handshake",
]
STOCHASTIC = []


# The default oracle check of every claim runs once, in tests/test_oracle_library.py;
# here: every strategy of this module carries the claim it should.
@pytest.mark.parametrize(
    "name,claim", [*[(n, "moves") for n in DETERMINISTIC], *[(n, "statistics") for n in STOCHASTIC]]
)
def test_every_strategy_here_carries_its_oracle_claim(name, claim):
    ours = name if isinstance(name, str) else name[0]
    assert REGISTRY.get(ours).oracle == claim
