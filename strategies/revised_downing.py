"""Revised Downing: an expected-payoff maximiser from Axelrod's second tournament.

Leslie Downing's entry (K59R) of Axelrod, R. (1980b). "More effective choice in the
prisoner's dilemma". Journal of Conflict Resolution 24(3), 379-403, in axelrod's
revised reading; the first-tournament entry is First by Downing
(:mod:`cooptourney.strategies.axelrod_first`).

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/revised_downing.py``) move for move, including its quirks,
because that library is the reference the tests check against
(``tests/strategies/test_revised_downing.py``).

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t``; the partner's defections so far are
``t - info[INFO_OPP_COOPS]``. All histories are the moves actually played (after noise).
"""

from cooptourney.strategy_api import C, D, strategy

# state: 0 good = P(partner C | my C two moves back), 1 bad = P(partner C | my D two
# moves back), 2 nice1, 3 nice2 (partner Cs after my C, my D), 4 my Cs, 5 my Ds counted


@strategy(
    "Revised Downing",
    oracle="moves",
    reciprocity="other",
    state=(1.0, 0.0, 0.0, 0.0, 0.0, 0.0),
)
def revised_downing(my, opp, t, state, params, info, rng):
    """Estimates how often the partner answers its C and its D with C, and plays the move that pays by Downing's rule. (Leslie Downing, Axelrod's second tournament (K59R), Axelrod 1980b; as in axelrod 4.13.1, revised_downing.py)

    other: an expected-payoff maximiser; it cooperates when it calculates that C pays, not to return a favour.

    Cooperates first. From move 3 on, the partner's last move ``opp[t-1]`` is
    counted as its answer to this player's move before that, ``my[t-2]``:
    ``good`` is the share of partner Cs answering its Cs (1 until one is seen),
    ``bad`` the share answering its Ds (0 until one is seen). With
    c = 6 good - 8 bad - 2 and alt = 4 good - 5 bad - 1 it plays C if c >= 0 and
    c >= alt; else the opposite of its own last move if 0 <= c < alt or alt >= 0;
    else D. So it cooperates on moves 1 and 2 (c = 4 >= alt = 3).
    """
    if t == 0:
        return C
    if t >= 2:
        partner_c = opp[t - 1] == C
        if my[t - 2] == D:
            if partner_c:
                state[3] += 1.0
            state[5] += 1.0
            state[1] = state[3] / state[5]
        else:
            if partner_c:
                state[2] += 1.0
            state[4] += 1.0
            state[0] = state[2] / state[4]
    good, bad = state[0], state[1]
    c = 6.0 * good - 8.0 * bad - 2
    alt = 4.0 * good - 5.0 * bad - 1
    if c >= 0 and c >= alt:
        return C
    if (0 <= c < alt) or alt >= 0:
        return C if my[t - 1] == D else D
    return D
