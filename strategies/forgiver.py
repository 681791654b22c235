"""Strategies that judge the partner by its whole record: a tolerated share of defections.

Both rules were written for the ``axelrod`` library by Thomas Campbell and have no
earlier source; they follow ``axelrod`` 4.13.1 (``axelrod/strategies/forgiver.py``)
move for move (checked in ``tests/strategies/test_forgiver.py``).

Turn counting: ``t`` is the number of moves already played; the partner's
defections so far are ``t - info[INFO_OPP_COOPS]`` (axelrod's ``opponent.defections``).
"""

from cooptourney.strategy_api import INFO_OPP_COOPS, C, D, strategy


@strategy("Forgiver", oracle="moves", reciprocity="diffuse")
def forgiver(my, opp, t, state, params, info, rng):
    """Cooperates while the partner has defected in at most 10% of the moves so far, else defects. (Thomas Campbell, in axelrod 4.13.1)

    diffuse: judges the partner by its overall record, tolerating a share of defections instead of answering each one.

    Cooperates first (no moves, no defections). It defects iff defections > t / 10,
    so each defection is forgiven once enough cooperations dilute it.
    """
    if t - info[INFO_OPP_COOPS] > t / 10.0:
        return D
    return C


@strategy("Forgiving Tit For Tat", oracle="moves", reciprocity="diffuse")
def forgiving_tit_for_tat(my, opp, t, state, params, info, rng):
    """Cooperates while the partner has defected in at most 10% of the moves so far, else plays Tit For Tat. (Thomas Campbell, in axelrod 4.13.1)

    diffuse: lets defections pass unanswered while the partner's overall record is good, and reciprocates move by move only when it is not.

    Cooperates first. With defections > t / 10 it copies the partner's last move,
    otherwise it cooperates.
    """
    if t - info[INFO_OPP_COOPS] > t / 10.0:
        return opp[t - 1]
    return C
