"""Tests of ``strategies/selfsteem.py`` (SelfSteem) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds draw-for-draw replays and its
mood cycle.
"""

import pytest
from oracle import oracle_claims_test, play_moves, replay_axelrod_draws

DETERMINISTIC = []
STOCHASTIC = [
    "SelfSteem",
]


@pytest.mark.parametrize("name", ["SelfSteem"])
def test_same_draws_give_axelrods_moves(monkeypatch, name):
    total = 0
    for opponent in ("Cooperator", "Defector", "Random", "Tit For Tat", "Alternator", "First by Joss"):
        for seed in (0, 1):
            expected, got, n_draws = replay_axelrod_draws(monkeypatch, name, opponent, 70, seed)
            assert got == expected, f"{name} vs {opponent}, seed {seed}"
            total += n_draws
    assert total > 0


def test_selfsteem_mood_cycle():
    moves = play_moves(("SelfSteem", "Cooperator"), 100)
    for t, move in enumerate(moves):
        if t % 10 in (2, 3):
            assert move == "D"
        elif t % 10 not in (0, 5):  # tit for tat or rock bottom: C against a cooperator
            assert move == "C"


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
