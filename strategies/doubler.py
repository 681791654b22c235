"""Doubler: lets a defection pass while the partner's record is more than two-thirds
cooperative.

From the PRISON project of the LIFL, Lille (Mathieu, Delahaye et al. 1998,
"[Prison1998]").

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/doubler.py``) move for move, including its quirks, because that
library is the reference the tests check against
(``tests/strategies/test_doubler.py``).

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t``; the partner's defections so far are
``t - info[INFO_OPP_COOPS]``. All histories are the moves actually played (after noise).
"""

from cooptourney.strategy_api import INFO_OPP_COOPS, C, D, strategy


@strategy("Doubler", oracle="moves", reciprocity="diffuse")
def doubler(my, opp, t, state, params, info, rng):
    """Cooperates, except after a partner defection when the partner's cooperations are at most twice its defections. (PRISON project, LIFL 1998; as in axelrod 4.13.1, doubler.py)

    diffuse: a defection passes unanswered while the partner's whole record is more than two-thirds cooperative.
    """
    if t == 0:
        return C
    coops = info[INFO_OPP_COOPS]
    if opp[t - 1] == D and coops <= 2.0 * (t - coops):
        return D
    return C
