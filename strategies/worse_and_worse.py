"""Worse and Worse: defection probabilities that grow with the move number.

Worse and Worse, Worse and Worse 2 and 3 are from the PRISON project of the LIFL,
Lille (Mathieu, Delahaye et al. 1998, "[Prison1998]"); Knowledgeable Worse and Worse
was written by Adam Pohl for the Python library ``axelrod``.

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/worse_and_worse.py``) in distribution (each draws exactly when
axelrod draws), including its quirks, because that library is the reference the tests
check against (``tests/strategies/test_worse_and_worse.py``).

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t`` and its move n is ``t + 1``.
"""

from cooptourney.strategy_api import INFO_LENGTH, INFO_OPP_COOPS, C, random_choice, strategy


@strategy("Worse and Worse", oracle="statistics", reciprocity="unconditional", stochastic=True)
def worse_and_worse(my, opp, t, state, params, info, rng):
    """Defects with probability n/1000 on move n. (PRISON project, LIFL 1998; as in axelrod 4.13.1, worse_and_worse.py)

    unconditional: a schedule of the move number, independent of the partner.

    Always D from move 1000 on. One draw per turn before that.
    """
    return random_choice(rng, 1.0 - (t + 1) / 1000)


@strategy(
    "Knowledgeable Worse and Worse",
    oracle="statistics",
    reciprocity="unconditional",
    stochastic=True,
    uses_length=True,
)
def knowledgeable_worse_and_worse(my, opp, t, state, params, info, rng):
    """Defects with probability n/N on move n of a match of known length N. (Adam Pohl, in axelrod 4.13.1, worse_and_worse.py)

    unconditional: a schedule of the move number, independent of the partner.

    Always D on the last move. When the length is unknown (axelrod's -1) the
    probability of C, 1 - n/(-1), is above 1, so it always cooperates, as in
    axelrod. One draw per turn otherwise.
    """
    return random_choice(rng, 1.0 - (t + 1) / info[INFO_LENGTH])


@strategy("Worse and Worse 2", oracle="statistics", reciprocity="unconditional", stochastic=True)
def worse_and_worse_2(my, opp, t, state, params, info, rng):
    """Tit for tat for 20 moves, then cooperates with probability 20/n on move n. (PRISON project, LIFL 1998; as in axelrod 4.13.1, worse_and_worse.py)

    unconditional: after move 20 a schedule of the move number, independent of the partner.

    One draw per turn from move 21 on.
    """
    if t == 0:
        return C
    if t < 20:
        return opp[t - 1]
    return random_choice(rng, 20 / (t + 1))


@strategy("Worse and Worse 3", oracle="statistics", reciprocity="diffuse", stochastic=True)
def worse_and_worse_3(my, opp, t, state, params, info, rng):
    """Cooperates first, then cooperates with probability 1 - (partner's defections so far)/(n - 1) on move n. (PRISON project, LIFL 1998; as in axelrod 4.13.1, worse_and_worse.py)

    diffuse: gives in proportion to the partner's whole record, not move for move.

    The probability is the partner's cooperation rate so far. One draw per turn
    unless the partner has only cooperated or only defected.
    """
    if t == 0:
        return C
    return random_choice(rng, 1.0 - (t - info[INFO_OPP_COOPS]) / t)
