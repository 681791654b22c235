"""Probers: open with a test defection, then exploit partners that do not retaliate.

Prober, Naive Prober and Remorseful Prober are from Li, J., Hingston, P. and Kendall,
G. (2011). "Engineering design of strategies for winning iterated prisoner's dilemma
competitions". IEEE Trans. Comput. Intell. AI Games 3(4), 348-360; Prober 2, Prober 3,
Prober 4 and Hard Prober from the PRISON project of the LIFL, Lille (Mathieu, Delahaye
et al. 1998, "[Prison1998]"); CollectiveStrategy from Li, J. and Kendall, G. (2009).
"A strategy with novel evolutionary features for the iterated prisoner's dilemma".
Evolutionary Computation 17(2), 257-274; Detective from Nicky Case (2019), "The
Evolution of Trust".

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/prober.py``) move for move where they are deterministic and in
distribution where they are not (each draws exactly when axelrod draws; the docstrings
say when), including its quirks, because that library is the reference the tests check
against (``tests/strategies/test_prober.py``).

Turn counting: ``t`` is the number of moves already played (axelrod's
``len(self.history)``); "move k" in the docstrings counts from 1, so move k is
``opp[k - 1]``. All histories are the moves actually played (after noise).
"""

from cooptourney.strategy_api import INFO_OPP_COOPS, C, D, Param, rand, random_choice, strategy


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


@strategy("CollectiveStrategy", oracle="moves", reciprocity="other")
def collective_strategy(my, opp, t, state, params, info, rng):
    """Plays C, D; then cooperates with a partner that opened C, D until it defects again, and defects against anyone else. (Li & Kendall 2009, Evolutionary Computation 17(2); as in axelrod 4.13.1, prober.py)

    other: cooperation is reserved for partners that show its own opening signature, a kin test rather than a return of favours.

    From move 3 on: D if the partner has defected more than once in all (its
    handshake D counts as one), else C if the partner opened C, D, else D.
    """
    if t == 0:
        return C
    if t == 1:
        return D
    if t - info[INFO_OPP_COOPS] > 1.0:
        return D
    if opp[0] == C and opp[1] == D:
        return C
    return D


@strategy("Detective", oracle="moves", reciprocity="negative")
def detective(my, opp, t, state, params, info, rng):
    """Opens C, D, C, C; then defects for ever if the partner never defected in those four moves, else tit for tat. (Nicky Case 2019, "The Evolution of Trust"; as in axelrod 4.13.1, prober.py)

    negative: a partner that does not answer its probe is exploited for the rest of the match.
    """
    if t < 4:
        return D if t == 1 else C
    for i in range(4):
        if opp[i] == D:
            return opp[t - 1]
    return D


_PROBE = Param(float, 0.1, 0.0, 1.0, "probability of an unprovoked defection after a partner C")


@strategy(
    "Naive Prober",
    oracle="statistics",
    reciprocity="specific",
    memory_depth=1,
    stochastic=True,
    params={"p": _PROBE},
)
def naive_prober(my, opp, t, state, params, info, rng):
    """Tit for tat that also defects with probability p after a partner cooperation. (Li, Hingston & Kendall 2011, IEEE TCIAIG 3(4); as in axelrod 4.13.1, prober.py)

    specific: returns each defection, and now and then probes with one of its own.

    Cooperates first. One draw per turn after a partner C (none when p is 0 or 1).
    """
    if t == 0:
        return C
    if opp[t - 1] == D:
        return D
    return random_choice(rng, 1.0 - params[0])


# state: 0 its last move was a probe, an unprovoked D (1.0 = yes)


@strategy(
    "Remorseful Prober",
    oracle="statistics",
    reciprocity="specific",
    memory_depth=2,
    stochastic=True,
    params={"p": _PROBE},
    state=(0.0,),
)
def remorseful_prober(my, opp, t, state, params, info, rng):
    """Naive Prober that takes the partner's retaliation for its own probe without answering it. (Li, Hingston & Kendall 2011, IEEE TCIAIG 3(4); Dawkins, The Selfish Gene; as in axelrod 4.13.1, prober.py)

    specific: tit for tat with probes, owning up to the defection it started.

    Cooperates first. After a partner D: C if its own last move was a probe
    (and it stops counting it as one), else D. After a partner C: D with
    probability p, a probe, else C. "Its last move was a probe" refers to the move
    it intended, before any noise. One draw per turn after a partner C (none when
    p is 0 or 1).
    """
    if t == 0:
        return C
    if opp[t - 1] == D:
        if state[0] > 0.5:
            state[0] = 0.0
            return C
        return D
    p = params[0]
    if p < 1.0 and (p == 0.0 or rand(rng) < 1.0 - p):
        state[0] = 0.0
        return C
    state[0] = 1.0
    return D
