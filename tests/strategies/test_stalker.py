"""Tests of ``strategies/stalker.py`` (Stalker) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds draw-for-draw replays and its
last move.
"""

import pytest
from oracle import oracle_claims_test, play_moves, replay_axelrod_draws

DETERMINISTIC = []
STOCHASTIC = [
    "Stalker",
]


@pytest.mark.parametrize("name", ["Stalker"])
def test_same_draws_give_axelrods_moves(monkeypatch, name):
    total = 0
    for opponent in ("Cooperator", "Defector", "Random", "Tit For Tat", "Alternator", "First by Joss"):
        for seed in (0, 1):
            expected, got, n_draws = replay_axelrod_draws(monkeypatch, name, opponent, 70, seed)
            assert got == expected, f"{name} vs {opponent}, seed {seed}"
            total += n_draws
    assert total > 0


def test_stalker_defects_on_the_last_move_only_against_a_cooperator():
    # its average stays R = 3, which is above 2: C, except on the known last move
    assert play_moves(("Stalker", "Cooperator"), 10) == "C" * 9 + "D"


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
