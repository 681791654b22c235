"""Tests of ``strategies/calculator.py`` (Calculator) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds draw-for-draw replays, in long
matches too, and its verdict on cyclic partners.
"""

import pytest
from oracle import oracle_claims_test, play_moves, replay_axelrod_draws

DETERMINISTIC = []
STOCHASTIC = [
    "Calculator",
]


@pytest.mark.parametrize("name", ["Calculator"])
def test_same_draws_give_axelrods_moves(monkeypatch, name):
    total = 0
    for opponent in ("Cooperator", "Defector", "Random", "Tit For Tat", "Alternator", "First by Joss"):
        for seed in (0, 1):
            expected, got, n_draws = replay_axelrod_draws(monkeypatch, name, opponent, 70, seed)
            assert got == expected, f"{name} vs {opponent}, seed {seed}"
            total += n_draws
    assert total > 0


@pytest.mark.parametrize("name", ["Calculator"])
def test_same_draws_in_long_matches(monkeypatch, name):
    for opponent in ("Defector", "Random", "Grudger", "Bully"):
        expected, got, _ = replay_axelrod_draws(monkeypatch, name, opponent, 200, 5)
        assert got == expected, f"{name} vs {opponent}"


def test_calculator_defects_against_a_cyclic_partner_after_move_20():
    for partner in ("Cooperator", "Alternator", "Defector"):
        assert play_moves(("Calculator", partner), 40)[20:] == "D" * 20


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
