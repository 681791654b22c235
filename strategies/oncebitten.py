"""Grudges with a free pass: Once Bitten, Fool Me Once and Forgetful Fool Me Once.

Once Bitten (by Holly Marissa), Fool Me Once and Forgetful Fool Me Once (by Marc
Harper) were written for the Python library ``axelrod``.

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/oncebitten.py``) move for move where they are deterministic and
in distribution where they are not (each draws exactly when axelrod draws; the
docstrings say when), including its quirks, because that library is the reference the
tests check against (``tests/strategies/test_oncebitten.py``).

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t``; the partner's defections so far are
``t - info[INFO_OPP_COOPS]``. All histories are the moves actually played (after noise).
"""

from cooptourney.strategy_api import INFO_OPP_COOPS, C, D, Param, rand, strategy


@strategy("Fool Me Once", oracle="moves", reciprocity="specific")
def fool_me_once(my, opp, t, state, params, info, rng):
    """Forgives the partner's first defection and defects for ever after its second. (Marc Harper, in axelrod 4.13.1)

    specific: a strict account with one default's credit; the second default closes it for good.

    The two defections need not be consecutive; it defects from the turn after the
    second one on.
    """
    if t - info[INFO_OPP_COOPS] > 1.0:
        return D
    return C


# state: 0 grudging (1.0 = yes), 1 grudge turns served


@strategy("Once Bitten", oracle="moves", reciprocity="diffuse", state=(0.0, 0.0))
def once_bitten(my, opp, t, state, params, info, rng):
    """Cooperates until the partner defects twice in a row, then defects for 11 moves and looks again. (Holly Marissa, in axelrod 4.13.1, oncebitten.py)

    diffuse: measured: lets 125 payoff units stand, answers after 2 turns, returns 1.57 of the harm, no echo (docs/reference/reciprocity.md).

    Cooperates on the first two moves. When not grudging and the partner's last
    two moves were D, D, it defects and starts grudging; it then defects 10 more
    turns whatever the partner does, and on the 12th turn looks at the partner's
    last two moves again (so a defector meets C, C, then D for ever, in spells of
    11). axelrod's docstring says "cooperates once when the
    opponent defects"; its code, reproduced here, cooperates after any single D.

    axelrod classifies it as memory 12; the phase of its spells can depend on the
    whole history, so here the memory depth is unbounded.
    """
    if state[1] >= 10.0:
        state[1] = 0.0
        state[0] = 0.0
    if t < 2:
        return C
    if state[0] > 0.5:
        state[1] += 1.0
        return D
    if opp[t - 1] == D and opp[t - 2] == D:
        state[0] = 1.0
        return D
    return C


# state: 0 the partner's defections counted since the count was last forgotten


@strategy(
    "Forgetful Fool Me Once",
    oracle="statistics",
    reciprocity="diffuse",
    stochastic=True,
    params={"forget_probability": Param(float, 0.05, 0.0, 1.0, "probability per move of forgetting the count")},
    state=(0.0,),
)
def forgetful_fool_me_once(my, opp, t, state, params, info, rng):
    """Fool Me Once that forgets its count of the partner's defections with probability 0.05 each move. (Marc Harper, in axelrod 4.13.1, oncebitten.py)

    diffuse: debts fade: the record of defections is wiped at random, and cooperation resumes.

    Cooperates first. Each later move: the count grows by one if the partner's
    last move was D, then is reset to 0 with probability ``forget_probability``;
    D while the count is above 1, else C. The count starts again from zero after
    each reset, so it defects from the second defection since the last reset.
    One draw per turn, unused on the first move (as in axelrod, so that the same
    draws give the same moves).
    """
    r = rand(rng)
    if t == 0:
        return C
    if opp[t - 1] == D:
        state[0] += 1.0
    if r < params[0]:
        state[0] = 0.0
    return D if state[0] > 1.0 else C
