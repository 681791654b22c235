"""Negation: the opposite of the partner's last move, after a random first move.

From the prisoners-dilemma.com competition of 2017 (PD2017).

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/negation.py``) in distribution (it draws on the first move
only), including its quirks, because that library is the reference the tests check
against (``tests/strategies/test_negation.py``).
"""

from cooptourney.strategy_api import C, D, random_choice, strategy


@strategy("Negation", oracle="statistics", reciprocity="negative", memory_depth=1, stochastic=True)
def negation(my, opp, t, state, params, info, rng):
    """Random first move; then the opposite of the partner's last move. (prisoners-dilemma.com competition 2017, PD2017; as in axelrod 4.13.1, negation.py)

    negative: answers cooperation with defection.

    One draw, on the first move; then it is Anti Tit For Tat.
    """
    if t == 0:
        return random_choice(rng, 0.5)
    return D if opp[t - 1] == C else C
