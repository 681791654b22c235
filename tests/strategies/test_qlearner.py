"""Tests of ``strategies/qlearner.py`` (the Q-learners) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds draw-for-draw replays, in long
matches too, and the premise of the one-entry table.
"""

import axelrod as axl
import pytest
from oracle import axl_player, oracle_claims_test, replay_axelrod_draws

DETERMINISTIC = []
STOCHASTIC = [
    "Risky QLearner",
    "Arrogant QLearner",
    "Hesitant QLearner",
    "Cautious QLearner",
]


@pytest.mark.parametrize(
    "name",
    [
        "Risky QLearner",
        "Arrogant QLearner",
        "Hesitant QLearner",
        "Cautious QLearner",
    ],
)
def test_same_draws_give_axelrods_moves(monkeypatch, name):
    total = 0
    for opponent in ("Cooperator", "Defector", "Random", "Tit For Tat", "Alternator", "First by Joss"):
        for seed in (0, 1):
            expected, got, n_draws = replay_axelrod_draws(monkeypatch, name, opponent, 70, seed)
            assert got == expected, f"{name} vs {opponent}, seed {seed}"
            total += n_draws
    assert total > 0


@pytest.mark.parametrize("name", ["Risky QLearner", "Cautious QLearner"])
def test_same_draws_in_long_matches(monkeypatch, name):
    # the Q-learners' table entry recurs only after 13 partner Ds in a row
    for opponent in ("Defector", "Random", "Grudger", "Bully"):
        expected, got, _ = replay_axelrod_draws(monkeypatch, name, opponent, 200, 5)
        assert got == expected, f"{name} vs {opponent}"


def test_qlearner_states_recur_only_on_the_next_turn():
    """The premise of the one-entry table (qlearner.py): a state already in axelrod's
    table is always the state of the turn just before."""
    recurred = 0
    for opponent in ("Defector", "Random", "Alternator", "Grudger", "Bully", "Tit For Tat", "Cooperator"):
        for seed in range(4):
            player = axl_player("Risky QLearner")
            find_state = player.find_state
            log = []

            def watched(opp_player, _find=find_state, _player=player, _log=log):
                s = _find(opp_player)
                if s in _player.Qs:
                    _log.append(s == _player.prev_state)
                return s

            player.find_state = watched
            axl.Match((player, axl_player(opponent)), turns=120, seed=seed).play()
            assert all(log)
            recurred += len(log)
    assert recurred > 0  # against Defector the all-D state recurs


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
