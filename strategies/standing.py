"""Standing: who is entitled to defect (Sugden 1986; Boyd 1989).

A player is in *good standing* unless it defected without justification. Defecting is
justified only as punishment: when the defector was itself in good standing and its
partner in bad standing. Standing is updated after every turn from the moves actually
played, using both players' standings before the turn.

References
----------
Sugden, R. (1986). The Economics of Rights, Co-operation and Welfare. Blackwell.
Boyd, R. (1989). "Mistakes allow evolutionary stability in the repeated prisoner's
dilemma game". Journal of Theoretical Biology 136, 47-56.
"""

from cooptourney.strategy_api import C, D, strategy

_ME = 0
_PARTNER = 1
GOOD = 1.0
BAD = 0.0


@strategy(
    "Contrite Tit For Tat (standing)",
    aliases=["Standing CTFT", "Sugden CTFT", "Boyd CTFT"],
    reciprocity="specific",
    memory_depth=float("inf"),
    state=(GOOD, GOOD),
)
def contrite_tft_standing(my, opp, t, state, params, info, rng):
    """Cooperates unless it is in good standing and its partner in bad standing. (Sugden 1986; Boyd 1989)

    specific: punishes each unjustified defection exactly once, and accepts one
    punishment for its own, so the account is settled move for move.

    Standing update after each turn, from the standings before it: a player that
    cooperated is in good standing; one that defected stays in good standing only if it
    was in good standing and its partner in bad standing (justified punishment), else it
    falls into bad standing. Both start in good standing. After a single noise flip
    against itself it recovers mutual cooperation in two turns (the contrite player
    accepts the punishment instead of answering it), unlike Tit For Tat's echo. This is
    the standing formulation; ``axelrod``'s "Contrite Tit For Tat" is a different,
    noise-tracking variant.
    """
    if t > 0:
        me, partner = state[_ME], state[_PARTNER]
        x, y = my[t - 1], opp[t - 1]
        state[_ME] = GOOD if x == C or (me == GOOD and partner == BAD) else BAD
        state[_PARTNER] = GOOD if y == C or (partner == GOOD and me == BAD) else BAD
    if state[_ME] == GOOD and state[_PARTNER] == BAD:
        return D
    return C
