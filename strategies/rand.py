"""Random: cooperates with a fixed probability, ignoring the partner.

The RANDOM entry of Axelrod, R. (1980). "Effective choice in the prisoner's
dilemma". Journal of Conflict Resolution 24(1), 3-25.

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/rand.py``) in distribution, including its quirks, because that
library is the reference the tests check against (``tests/strategies/test_rand.py``).
"""

from cooptourney.strategy_api import Param, random_choice, strategy


@strategy(
    "Random",
    oracle="statistics",
    aliases=["Chaos", "Lunatic"],
    reciprocity="unconditional",
    memory_depth=0,
    stochastic=True,
    params={"p": Param(float, 0.5, 0.0, 1.0, "probability of cooperating")},
)
def random_player(my, opp, t, state, params, info, rng):
    """Cooperates with probability p (default 1/2). (Axelrod 1980, the RANDOM entry)

    unconditional: its moves ignore the partner entirely.
    """
    return random_choice(rng, params[0])
