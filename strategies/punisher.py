"""Punishers: defection answered by a spell of defection whose length depends on the
partner's record.

Punisher and Inverse Punisher were written by Geraint Palmer for the Python
library ``axelrod``; Level Punisher and Tricky Level Punisher come from Eckhart's
Coopsim (Eckhart, A. (2015). "Coopsim v0.9.9 beta 6").

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/punisher.py``) move for move, including its quirks, because that
library is the reference the tests check against
(``tests/strategies/test_punisher.py``).

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t``; the partner's defections so far are
``t - info[INFO_OPP_COOPS]``. All histories are the moves actually played (after noise).
"""

from numba import njit

from cooptourney.strategy_api import INFO_OPP_COOPS, C, D, strategy


@njit(cache=True, inline="always")
def _punish(opp, t, state, info, inverse):
    """The shared Punisher machine; state 0: spell length, 1: punishing, 2: spell turns served."""
    if state[2] >= state[0]:
        state[2] = 0.0
        state[1] = 0.0
    if state[1] > 0.5:
        state[2] += 1.0
        return D
    if t > 0 and opp[t - 1] == D:
        coops = int(info[INFO_OPP_COOPS])
        if inverse:
            length = (coops * 20) // t
            if length == 0:
                length = 1
        else:
            length = ((t - coops) * 20) // t
        state[0] = float(length)
        state[1] = 1.0
        return D
    return C


# state: 0 spell length (axelrod's mem_length), 1 punishing (grudged), 2 spell turns served
# (grudge_memory); the initial values 1, 0, 1 are axelrod's.


@strategy(
    "Punisher",
    oracle="moves",
    reciprocity="specific",
    state=(1.0, 0.0, 1.0),
)
def punisher(my, opp, t, state, params, info, rng):
    """Answers a defection with 1 + floor(20 * partner's defection rate) defections. (Geraint Palmer, in axelrod 4.13.1)

    specific: the punishment is measured against the partner's record of defections, an explicit account.

    Cooperates first. When not punishing and the partner's last move was D, it
    defects and sets the spell length L = floor(20 d / t) (d the partner's
    defections among the t moves so far); it then defects L more turns, ignoring
    the partner, and afterwards looks at the partner's last move again.

    As in axelrod: L can be 0 (a rare defector, d / t < 1/20), and then the
    response is a single D, as tit for tat. The partner's moves during a spell
    are ignored except the one in its last round, which is checked when the
    spell ends: a partner D there (a tit-for-tat echo, say) starts the next
    spell at once.
    """
    return _punish(opp, t, state, info, False)


@strategy(
    "Inverse Punisher",
    oracle="moves",
    reciprocity="negative",
    state=(1.0, 0.0, 1.0),
)
def inverse_punisher(my, opp, t, state, params, info, rng):
    """Answers a defection with 1 + max(1, floor(20 * partner's cooperation rate)) defections. (Geraint Palmer, in axelrod 4.13.1)

    negative: punishes a cooperative partner's lapse hardest (about 20 defections for one), and the partner's echo of that spell starts the next: ill for more ill, spiralling.

    Punisher (see there) with the spell length L = floor(20 c / t) computed from
    the partner's cooperations c, and at least 1, as in axelrod.
    """
    return _punish(opp, t, state, info, True)


@strategy(
    "Level Punisher",
    oracle="moves",
    reciprocity="negative",
)
def level_punisher(my, opp, t, state, params, info, rng):
    """Cooperates for 10 moves, then defects while the partner has defected on more than 20% of all moves. (Eckhart 2015, Coopsim; as in axelrod 4.13.1)

    negative: measured: against a run of six defections it defects until the partner's overall rate falls to 20%, 2.4 times the harm (docs/reference/reciprocity.md).

    The rate is the partner's defections over all t moves so far (a float ratio
    compared with 0.2, as in axelrod); it cooperates again as soon as the rate
    falls back to 20% or below.
    """
    if t < 10:
        return C
    if (t - info[INFO_OPP_COOPS]) / t > 0.2:
        return D
    return C


@strategy("Tricky Level Punisher", oracle="moves", reciprocity="negative")
def tricky_level_punisher(my, opp, t, state, params, info, rng):
    """Cooperates, but before move 101 defects while more than 5% of the partner's moves so far were defections. (Eckhart 2015, Coopsim; as in axelrod 4.13.1, punisher.py)

    negative: measured: one defection in twenty keeps it defecting for the rest of the first 100 moves, far more than the harm (docs/reference/reciprocity.md).

    axelrod's docstring and code name three thresholds: a rate above 20% before
    move 11, 10% before move 51, 5% before move 101. Its tests are cumulative
    (before move 11 all three apply), so the 5% test alone decides, as here.
    Cooperates on the first move.
    """
    if t == 0 or t >= 100:
        return C
    if (t - info[INFO_OPP_COOPS]) / t > 0.05:
        return D
    return C
