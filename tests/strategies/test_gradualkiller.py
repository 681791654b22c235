"""Tests of ``strategies/gradualkiller.py`` (Gradual Killer) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds a hand-derived sequence.
"""

from oracle import oracle_claims_test, play_moves

DETERMINISTIC = [
    "Gradual Killer",
]
STOCHASTIC = []


def test_gradual_killer_judges_moves_6_and_7():
    assert play_moves(("Gradual Killer", "Grudger"), 12) == "DDDDDCC" + "DDDDD"
    # Tit For Tat answers the fifth D on move 6 and the first C on move 7: D, C
    assert play_moves(("Gradual Killer", "Tit For Tat"), 12) == "DDDDDCC" + "CCCCC"


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
