"""Tests of ``strategies/mutual.py`` (Desperate, Hopeless and Willing) against axelrod (the
oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds draw-for-draw replays and their
moves after the first.
"""

import pytest
from oracle import oracle_claims_test, play_moves, replay_axelrod_draws

DETERMINISTIC = []
STOCHASTIC = [
    "Desperate",
    "Hopeless",
    "Willing",
]


@pytest.mark.parametrize("name", ["Desperate", "Hopeless", "Willing"])
def test_same_draws_give_axelrods_moves(monkeypatch, name):
    total = 0
    for opponent in ("Cooperator", "Defector", "Random", "Tit For Tat", "Alternator", "First by Joss"):
        for seed in (0, 1):
            expected, got, n_draws = replay_axelrod_draws(monkeypatch, name, opponent, 70, seed)
            assert got == expected, f"{name} vs {opponent}, seed {seed}"
            total += n_draws
    assert total > 0


def test_desperate_hopeless_willing_after_their_first_move():
    # against a defector Desperate alternates: after (C, D) it defects, after (D, D) it cooperates
    assert play_moves(("Desperate", "Defector"), 20)[1:] in ("DC" * 9 + "D", "CD" * 9 + "C")
    assert play_moves(("Willing", "Cooperator"), 20)[1:] == "C" * 19


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
