"""Bush Mosteller: reinforcement learning of move propensities against an aspiration level.

Bush, R. R. and Mosteller, F. (1955). Stochastic Models for Learning. Wiley;
Izquierdo, S. S. and Izquierdo, L. R. (2008). "Reinforcement learning dynamics in
social dilemmas". Journal of Artificial Societies and Social Simulation 11(2).

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/bush_mosteller.py``) in distribution (it draws exactly when
axelrod draws), including its quirks, because that library is the reference the tests
check against (``tests/strategies/test_bush_mosteller.py``).
"""

import math

from cooptourney.strategy_api import (
    INFO_P,
    INFO_R,
    INFO_S,
    INFO_T,
    Param,
    payoff,
    random_choice,
    strategy,
)

# state: 0 c_prob, 1 d_prob (set from the parameters on the first move)


@strategy(
    "Bush Mosteller",
    oracle="statistics",
    reciprocity="other",
    stochastic=True,
    uses_game=True,
    params={
        "c_prob": Param(float, 0.5, 0.0, 1.0, "initial propensity to play C"),
        "d_prob": Param(float, 0.5, 0.0, 1.0, "initial propensity to play D"),
        "aspiration_level_divider": Param(float, 3.0, 1e-9, math.inf, "aspiration level = 5 / divider"),
        "learning_rate": Param(float, 0.5, 0.0, 1.0, "speed of the propensity updates"),
    },
    state=(0.0, 0.0),
)
def bush_mosteller(my, opp, t, state, params, info, rng):
    """Reinforcement learner: the propensity of the move just played grows when its payoff beat the aspiration level and shrinks when not; plays C with probability c/(c + d). (Bush & Mosteller 1955; Izquierdo & Izquierdo 2008; as in axelrod 4.13.1, bush_mosteller.py)

    other: a learner of its own payoffs; it rewards or punishes nobody.

    With payoff x of the last round (perceived payoffs, moves actually played),
    aspiration a = 5 / divider and top payoff M = max(R, P, S, T), the stimulus is
    s = max(-1, (x - a) / |M - a|); the propensity of the move it played last
    becomes p + rate s (1 - p) if s >= 0, else p + rate s p; the other stays.

    As in axelrod, the aspiration level comes from the standard game's top
    payoff, 5, whatever the match's game (axelrod computes it in the
    constructor, before the game is known), while M is the match's. In a game
    whose top payoff equals the aspiration level (axelrod divides by zero) the
    propensities stay as they are. One draw per turn while c/(c + d) is strictly
    between 0 and 1.
    """
    if t == 0:
        state[0] = params[0]
        state[1] = params[1]
        return random_choice(rng, state[0] / (state[0] + state[1]))
    aspiration = abs(5.0 / params[2])
    top = max(max(info[INFO_R], info[INFO_P]), max(info[INFO_S], info[INFO_T]))
    scale = abs(top - aspiration)
    if scale == 0.0:  # axelrod divides by zero here; no stimulus, no learning
        return random_choice(rng, state[0] / (state[0] + state[1]))
    stimulus = (payoff(info, my[t - 1], opp[t - 1]) - aspiration) / scale
    if stimulus < -1:
        stimulus = -1.0
    k = my[t - 1]  # state slot of the move played last: 0 c_prob, 1 d_prob
    if stimulus >= 0:
        state[k] += params[3] * stimulus * (1 - state[k])
    else:
        state[k] += params[3] * stimulus * state[k]
    return random_choice(rng, state[0] / (state[0] + state[1]))
