"""Q-learners: learn the value of C and D in each state by tabular Q-learning with an epsilon-greedy choice.

Written by Geraint Palmer for the Python library ``axelrod``; the rules follow
``axelrod`` 4.13.1 (``axelrod/strategies/qlearner.py``), checked statistically
against it in ``tests/strategies/test_qlearner.py``. The four variants differ only in
the learning rate and the discount rate.

axelrod's state is the partner's last 12 moves together with its number of
cooperations so far, as a string, and it keeps a table of Q values and values V
per state. That table needs no storage here: the cooperation count never
decreases, so a state can only come back while the partner keeps defecting,
and then (a window equal to itself shifted by one D) only when the window is
all D; so a state recurs only as the state of the turn just before, after 13
partner defections in a row. Every other state is met once, with the fresh
entry Q = (0, 0), V = 0, and the update of the state it leaves is never read
again. The state vector therefore holds one table entry, the current state's,
and the action intended last turn; ``tests/strategies/test_qlearner.py`` checks the
premise on axelrod's own table.

Turn counting: ``t`` is the number of moves already played (axelrod's
``len(self.history)``). The reward is the (perceived) payoff of the move it
*intended* last turn against the partner's move as played, as in axelrod.
"""

from numba import njit

from cooptourney.strategy_api import C, D, payoff, rand, random_choice, strategy

_MEMORY = 12  # axelrod's memory_length: moves of the partner in the state
_EXPLORE = 0.1  # axelrod's action_selection_parameter: probability of a random move

# state: 0 action intended last turn, 1 Q(state, C), 2 Q(state, D), 3 V(state)
_STATE = (0.0, 0.0, 0.0, 0.0)


@njit(cache=True, inline="always")
def _qlearn(opp, t, state, info, rng, learning_rate, discount_rate):
    """One turn of axelrod's RiskyQLearner.strategy with the given rates."""
    if t == 0:
        state[0] = random_choice(rng, 0.5)  # axelrod's made-up "previous action"
        partner_last = random_choice(rng, 0.5)  # and the partner's
    else:
        partner_last = opp[t - 1]
    reward = payoff(info, int(state[0]), partner_last)
    same = t > _MEMORY
    if same:
        for i in range(t - _MEMORY - 1, t):
            if opp[i] == C:
                same = False
                break
    if same:
        # update the entry it stays in: Q(s, a) <- (1 - lr) Q(s, a) + lr (reward + dr V(s))
        k = 1 + int(state[0])
        state[k] = (1.0 - learning_rate) * state[k] + learning_rate * (reward + discount_rate * state[3])
        state[3] = max(state[1], state[2])
    else:
        # a new state: a fresh entry (the update of the state left behind is never read)
        state[1] = 0.0
        state[2] = 0.0
        state[3] = 0.0
    if rand(rng) < 1.0 - _EXPLORE:
        action = D if state[2] > state[1] else C
    else:
        action = random_choice(rng, 0.5)
    state[0] = action
    return action


@strategy(
    "Risky QLearner",
    oracle="statistics",
    reciprocity="other",
    stochastic=True,
    uses_game=True,
    state=_STATE,
)
def risky_qlearner(my, opp, t, state, params, info, rng):
    """Tabular Q-learner on states (partner's last 12 moves, its cooperations so far), learning rate 0.9, discount 0.9, a random move 10% of the time. (Geraint Palmer, in axelrod 4.13.1)

    other: a learner of its own payoffs; it rewards or punishes nobody.

    Each turn: reward r = payoff of its last intended move against the partner's
    last move; Q(s', a) <- (1 - lr) Q(s', a) + lr (r + dr V(s)) for the previous
    state s' and action a, V(s') = max Q(s', .); then with probability 0.9 the
    move of larger Q(s, .) (C on a tie), else a random move. On the first move
    the "previous" action and the partner's previous move are drawn at random.
    Since every state but a run of 13 or more partner defections is new (see
    the module docstring), it plays C with probability 0.95 in a new state.
    Two draws per turn (one more on the first move and on a random move).
    """
    return _qlearn(opp, t, state, info, rng, 0.9, 0.9)


@strategy(
    "Arrogant QLearner",
    oracle="statistics",
    reciprocity="other",
    stochastic=True,
    uses_game=True,
    state=_STATE,
)
def arrogant_qlearner(my, opp, t, state, params, info, rng):
    """Risky QLearner with learning rate 0.9 and discount 0.1: jumps to conclusions and cares about the future. (Geraint Palmer, in axelrod 4.13.1)

    other: a learner of its own payoffs; it rewards or punishes nobody.

    See Risky QLearner for the rule.
    """
    return _qlearn(opp, t, state, info, rng, 0.9, 0.1)


@strategy(
    "Hesitant QLearner",
    oracle="statistics",
    reciprocity="other",
    stochastic=True,
    uses_game=True,
    state=_STATE,
)
def hesitant_qlearner(my, opp, t, state, params, info, rng):
    """Risky QLearner with learning rate 0.1 and discount 0.9: slow to conclude, does not look ahead much. (Geraint Palmer, in axelrod 4.13.1)

    other: a learner of its own payoffs; it rewards or punishes nobody.

    See Risky QLearner for the rule. axelrod's description is kept, although a
    discount rate of 0.9 weighs the future more than Cautious QLearner's 0.1.
    """
    return _qlearn(opp, t, state, info, rng, 0.1, 0.9)


@strategy(
    "Cautious QLearner",
    oracle="statistics",
    reciprocity="other",
    stochastic=True,
    uses_game=True,
    state=_STATE,
)
def cautious_qlearner(my, opp, t, state, params, info, rng):
    """Risky QLearner with learning rate 0.1 and discount 0.1: slow to conclude, wants to look ahead. (Geraint Palmer, in axelrod 4.13.1)

    other: a learner of its own payoffs; it rewards or punishes nobody.

    See Risky QLearner for the rule.
    """
    return _qlearn(opp, t, state, info, rng, 0.1, 0.1)
