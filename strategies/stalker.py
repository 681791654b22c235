"""Stalker: steered by its own average payoff.

Andre, C., Coquio, M., Lamiraux, P. and Vinet, A. (2013). "Strategies for the
iterated prisoner's dilemma" (student report, the source axelrod cites).

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/stalker.py``) in distribution (it draws exactly when axelrod
draws), including its quirks, because that library is the reference the tests check
against (``tests/strategies/test_stalker.py``).
"""

from cooptourney.strategy_api import (
    INFO_LENGTH,
    INFO_MY_SCORE,
    INFO_P,
    INFO_R,
    C,
    D,
    random_choice,
    strategy,
)


@strategy(
    "Stalker",
    oracle="statistics",
    reciprocity="other",
    stochastic=True,
    uses_game=True,
    uses_length=True,
)
def stalker(my, opp, t, state, params, info, rng):
    """Steers by its own average payoff a: D if a > R, C if (R + P)/2 < a < R or a > 2, D if 1 < a < 2, else random; D on the last move. (Andre et al. 2013; as in axelrod 4.13.1, stalker.py)

    other: steered by its own score, not by what the partner did.

    Cooperates first. a is its total (perceived) payoff over the moves played
    so far divided by their number. The constants 2 and 1 are axelrod's, not
    derived from the game; a = 2 exactly and a <= 1 meet no test and draw (with
    the standard game a = R = 3 cooperates, by the test a > 2). Defects on
    the last move when the match length is known (axelrod's FinalTransformer).
    One draw per turn in the random case.
    """
    length = info[INFO_LENGTH]
    if length >= 0 and t < length and length - t <= 1:
        return D
    if t == 0:
        return C
    average = info[INFO_MY_SCORE] / t
    r = info[INFO_R]
    if average > r:
        return D
    if average > (r + info[INFO_P]) / 2 and average < r:
        return C
    if average > 2:
        return C
    if average < 2 and average > 1:
        return D
    return random_choice(rng, 0.5)
