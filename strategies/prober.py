"""Probers: open with a test defection, then exploit partners that do not retaliate.

Prober is from Li, Hingston & Kendall (2011), "Engineering design of strategies
for winning iterated prisoner's dilemma competitions", IEEE Trans. Comput. Intell.
AI Games 3(4); Prober 2, Prober 3, Prober 4 and Hard Prober from the PRISON
project of the LIFL, Lille (Mathieu, Delahaye et al., 1998). The rules here follow
the Python library ``axelrod`` 4.13.1 (``axelrod/strategies/prober.py``) move for
move, because that library is the reference the test suite checks against
(``tests/test_oracle_retaliate_zd.py``).

Turn counting: ``t`` is the number of moves already played (axelrod's
``len(self.history)``); "move k" in the docstrings counts from 1, so move k is
``opp[k - 1]``. The tests read the moves actually played (after noise).
"""

from cooptourney.strategy_api import C, D, strategy


@strategy("Prober", oracle="moves", reciprocity="negative")
def prober(my, opp, t, state, params, info, rng):
    """Plays D, C, C; defects for ever if the partner cooperated on moves 2 and 3, else tit for tat. (Li, Hingston & Kendall 2011; as in axelrod 4.13.1)

    negative: its opening defection is a probe, and a partner that does not retaliate is exploited for the rest of the match.
    """
    if t == 0:
        return D
    if t < 3:
        return C
    if opp[1] == C and opp[2] == C:
        return D
    return opp[t - 1]


@strategy("Prober 2", oracle="moves", reciprocity="specific")
def prober_2(my, opp, t, state, params, info, rng):
    """Plays D, C, C; cooperates for ever if the partner played D then C on moves 2 and 3, else tit for tat. (PRISON project, LIFL 1998; as in axelrod 4.13.1)

    specific: a partner that pays the probe back exactly once, as tit for tat does, is trusted; everyone else gets tit for tat.
    """
    if t == 0:
        return D
    if t < 3:
        return C
    if opp[1] == D and opp[2] == C:
        return C
    return opp[t - 1]


@strategy("Prober 3", oracle="moves", reciprocity="negative")
def prober_3(my, opp, t, state, params, info, rng):
    """Plays D, C; defects for ever if the partner cooperated on move 2, else tit for tat. (PRISON project, LIFL 1998; as in axelrod 4.13.1)

    negative: a partner that does not answer the opening defection at once is exploited for the rest of the match.
    """
    if t == 0:
        return D
    if t == 1:
        return C
    if opp[1] == C:
        return D
    return opp[t - 1]


@strategy("Hard Prober", oracle="moves", reciprocity="negative")
def hard_prober(my, opp, t, state, params, info, rng):
    """Plays D, D, C, C; defects for ever if the partner cooperated on moves 2 and 3, else tit for tat. (PRISON project, LIFL 1998; as in axelrod 4.13.1)

    negative: probes with two defections and exploits for the rest of the match a partner that did not retaliate.

    Moves 2 and 3 of the partner are its answers to the two opening defections.
    """
    if t < 2:
        return D
    if t < 4:
        return C
    if opp[1] == C and opp[2] == C:
        return D
    return opp[t - 1]


# Prober 4's opening, C C D C D D D C C D C D C C D C D D C D: bit k set = D on move k+1.
_PROBER4_OPENING = 739956
_PROBER4_LENGTH = 20

# state: 0 "just" partner defections, 1 "unjust" partner defections, 2 turned defector


@strategy("Prober 4", oracle="moves", reciprocity="negative", state=(0.0, 0.0, 0.0))
def prober_4(my, opp, t, state, params, info, rng):
    """Plays a fixed 20-move opening, then defects for ever if the partner's just and unjust defections differ by at most 2, else C for 5 moves and tit for tat. (PRISON project, LIFL 1998; as in axelrod 4.13.1)

    negative: the opening is a test of responsiveness; an unresponsive partner (Cooperator, for one) is exploited for the rest of the match.

    The opening is C C D C D D D C C D C D C C D C D D C D. During it a partner
    defection counts as "just" if this player also defected in that round and
    "unjust" if it cooperated.

    As in axelrod: the partner's defection is compared with this player's move
    in the *same* round, not the one before (so a tit-for-tat answer to a
    defection often counts as unjust), and the 20th round is not counted
    (the counts are taken at the start of moves 2 to 20, each adding the round
    before).
    """
    if t == 0:
        return (_PROBER4_OPENING >> 0) & 1
    if t < _PROBER4_LENGTH:
        if opp[t - 1] == D:
            if my[t - 1] == D:
                state[0] += 1.0
            else:
                state[1] += 1.0
        return (_PROBER4_OPENING >> t) & 1
    if t == _PROBER4_LENGTH:
        state[2] = 1.0 if abs(state[0] - state[1]) <= 2.0 else 0.0
    if state[2] > 0.5:
        return D
    if t < _PROBER4_LENGTH + 5:
        return C
    return opp[t - 1]
