"""Adaptive: a learner that plays the move that has paid it more.

Li, J., Hingston, P. and Kendall, G. (2011). "Engineering design of strategies
for winning iterated prisoner's dilemma competitions". IEEE Trans. Comput.
Intell. AI Games 3(4), 348-360.

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/adaptive.py``) move for move, including its quirks, because that
library is the reference the tests check against
(``tests/strategies/test_adaptive.py``).

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t``; the partner's defections so far are
``t - info[INFO_OPP_COOPS]``. All histories are the moves actually played (after noise).
"""

from cooptourney.strategy_api import C, D, payoff, strategy

# state: 0 total payoff earned with C, 1 total payoff earned with D


@strategy("Adaptive", oracle="moves", reciprocity="other", uses_game=True, state=(0.0, 0.0))
def adaptive(my, opp, t, state, params, info, rng):
    """Opens with C six times and D five times, then plays the move that has earned it the larger total payoff so far. (Li, Hingston & Kendall 2011, IEEE TCIAIG 3(4); as in axelrod 4.13.1, adaptive.py)

    other: a learner of its own payoffs; it rewards or punishes nobody.

    The totals are sums, not averages (axelrod's comment says "highest average
    score"); on a tie, and while neither total exceeds the other, it plays D.
    Payoffs are this player's perceived payoffs of the moves actually played.
    """
    if t > 0:
        state[my[t - 1]] += payoff(info, my[t - 1], opp[t - 1])
    if t < 11:
        return C if t < 6 else D
    return C if state[0] > state[1] else D
