"""Assorted stochastic strategies of the Python library ``axelrod``: probers, drifting coins, copiers, learners.

Each follows ``axelrod`` 4.13.1, including its quirks, because that library is
the reference the test suite checks against (``tests/test_oracle_misc.py``); the
module each comes from is named in its docstring
(``axelrod/strategies/<module>.py``). Random draws differ from axelrod's (see
the README), so these agree with it in distribution, checked statistically; each
docstring says when the strategy draws. Like axelrod's ``random_choice``, ours
draws nothing when the probability of C is 0 or 1. The deterministic strategies
of the same families are in ``misc_a.py``.

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t`` and its "current round" (``len(self.history) + 1``)
is ``t + 1``; the partner's defections so far are ``t - info[INFO_OPP_COOPS]``.
All histories are the moves actually played (after noise).
"""

import math

from numba import njit

from cooptourney.strategy_api import (
    INFO_LENGTH,
    INFO_MY_SCORE,
    INFO_OPP_COOPS,
    INFO_P,
    INFO_R,
    INFO_S,
    INFO_T,
    C,
    D,
    Param,
    payoff,
    rand,
    random_choice,
    strategy,
)

# --------------------------------------------------------------------------------------
# axelrod/strategies/prober.py

_PROBE = Param(float, 0.1, 0.0, 1.0, "probability of an unprovoked defection after a partner C")


@strategy(
    "Naive Prober", oracle="statistics",
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
    "Remorseful Prober", oracle="statistics",
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


# --------------------------------------------------------------------------------------
# axelrod/strategies/worse_and_worse.py, better_and_better.py


@strategy("Worse and Worse", oracle="statistics", reciprocity="unconditional", stochastic=True)
def worse_and_worse(my, opp, t, state, params, info, rng):
    """Defects with probability n/1000 on move n. (PRISON project, LIFL 1998; as in axelrod 4.13.1, worse_and_worse.py)

    unconditional: a schedule of the move number, independent of the partner.

    Always D from move 1000 on. One draw per turn before that.
    """
    return random_choice(rng, 1.0 - (t + 1) / 1000)


@strategy(
    "Knowledgeable Worse and Worse", oracle="statistics",
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


@strategy("Better and Better", oracle="statistics", reciprocity="unconditional", stochastic=True)
def better_and_better(my, opp, t, state, params, info, rng):
    """Cooperates with probability n/1000 on move n. (PRISON project, LIFL 1998; as in axelrod 4.13.1, better_and_better.py)

    unconditional: a schedule of the move number, independent of the partner.

    axelrod's docstring says "defects with probability (1000 - n)/1000"; the two
    agree. Always C from move 1000 on. One draw per turn before that.
    """
    return random_choice(rng, (t + 1) / 1000)


# --------------------------------------------------------------------------------------
# axelrod/strategies/mutual.py


@strategy("Desperate", oracle="statistics", reciprocity="negative", memory_depth=1, stochastic=True)
def desperate(my, opp, t, state, params, info, rng):
    """Random first move; then cooperates only after a mutual defection. (van den Berg & Weissing 2015, Proc. R. Soc. B 282; as in axelrod 4.13.1, mutual.py)

    negative: meets the partner's cooperation with defection, always.

    The memory-one player (0, 0, 0, 1). One draw, on the first move.
    """
    if t == 0:
        return random_choice(rng, 0.5)
    if my[t - 1] == D and opp[t - 1] == D:
        return C
    return D


@strategy("Hopeless", oracle="statistics", reciprocity="other", memory_depth=1, stochastic=True)
def hopeless(my, opp, t, state, params, info, rng):
    """Random first move; then defects only after a mutual cooperation. (van den Berg & Weissing 2015, Proc. R. Soc. B 282; as in axelrod 4.13.1, mutual.py)

    other: it breaks mutual cooperation and restores it after anything else; it does not answer the partner's move as such.

    The memory-one player (0, 1, 1, 1). One draw, on the first move.
    """
    if t == 0:
        return random_choice(rng, 0.5)
    if my[t - 1] == C and opp[t - 1] == C:
        return D
    return C


@strategy("Willing", oracle="statistics", reciprocity="diffuse", memory_depth=1, stochastic=True)
def willing(my, opp, t, state, params, info, rng):
    """Random first move; then defects only after a mutual defection. (van den Berg & Weissing 2015, Proc. R. Soc. B 282; as in axelrod 4.13.1, mutual.py)

    diffuse: cooperates after any round in which either side cooperated, so a partner's defection against its C goes unanswered.

    The memory-one player (1, 1, 1, 0). One draw, on the first move.
    """
    if t == 0:
        return random_choice(rng, 0.5)
    if my[t - 1] == D and opp[t - 1] == D:
        return D
    return C


# --------------------------------------------------------------------------------------
# axelrod/strategies/adaptor.py

# state: 0 the internal state s


@njit(cache=True, inline="always")
def _adaptor(my, opp, t, state, rng, d_cc, d_cd, d_dc, d_dd):
    """Hauert & Stenull's adaptor: s += delta(last outcome), P(C) = 0.99 if -1 <= s < 1 else 0.01."""
    if t > 0:
        if my[t - 1] == C:
            state[0] += d_cc if opp[t - 1] == C else d_cd
        else:
            state[0] += d_dc if opp[t - 1] == C else d_dd
    perr = 0.01
    s = state[0]
    band = (1.0 if s + 1 >= 0 else 0.0) - (1.0 if s - 1 >= 0 else 0.0)  # heaviside(s+1) - heaviside(s-1)
    return random_choice(rng, perr + (1.0 - 2 * perr) * band)


@strategy("AdaptorBrief", oracle="statistics", reciprocity="specific", stochastic=True, state=(0.0,))
def adaptor_brief(my, opp, t, state, params, info, rng):
    """Adds a fixed amount per outcome to a state s (R 0, S -1.001505, T +0.992107, P -0.638734) and cooperates with probability 0.99 while -1 <= s < 1, else 0.01. (Hauert & Stenull 2002, J. Theor. Biol. 218(3); as in axelrod 4.13.1, adaptor.py)

    specific: a sucker's payoff drives it out of its cooperating band, and the partner's C while it defects (T) brings it back: paid back in kind.

    s starts at 0 (cooperating band). The amounts, trained on short
    interactions, are axelrod's; the outcome is the moves actually played. One
    draw per turn.
    """
    return _adaptor(my, opp, t, state, rng, 0.0, -1.001505, 0.992107, -0.638734)


@strategy("AdaptorLong", oracle="statistics", reciprocity="specific", stochastic=True, state=(0.0,))
def adaptor_long(my, opp, t, state, params, info, rng):
    """Adds a fixed amount per outcome to a state s (R 0, S +1.888159, T +1.858883, P -0.995703) and cooperates with probability 0.99 while -1 <= s < 1, else 0.01. (Hauert & Stenull 2002, J. Theor. Biol. 218(3); as in axelrod 4.13.1, adaptor.py)

    specific: a sucker's payoff drives it out of its cooperating band until a mutual defection brings it back: ill for ill, then peace.

    s starts at 0 (cooperating band). The amounts, trained on long interactions,
    are axelrod's; the outcome is the moves actually played. One draw per turn.
    """
    return _adaptor(my, opp, t, state, rng, 0.0, 1.888159, 1.858883, -0.995703)


# --------------------------------------------------------------------------------------
# axelrod/strategies/averagecopier.py


@strategy("Average Copier", oracle="statistics", reciprocity="diffuse", stochastic=True)
def average_copier(my, opp, t, state, params, info, rng):
    """Random first move; then cooperates with probability the partner's cooperation rate so far. (Geraint Palmer, in axelrod 4.13.1, averagecopier.py)

    diffuse: gives in proportion to the partner's whole record, not move for move.

    One draw per turn unless the partner has only cooperated or only defected.
    """
    if t == 0:
        return random_choice(rng, 0.5)
    return random_choice(rng, info[INFO_OPP_COOPS] / t)


@strategy("Nice Average Copier", oracle="statistics", reciprocity="diffuse", stochastic=True)
def nice_average_copier(my, opp, t, state, params, info, rng):
    """Cooperates first; then cooperates with probability the partner's cooperation rate so far. (Owen Campbell, in axelrod 4.13.1, averagecopier.py)

    diffuse: gives in proportion to the partner's whole record, not move for move.

    One draw per turn unless the partner has only cooperated or only defected.
    """
    if t == 0:
        return C
    return random_choice(rng, info[INFO_OPP_COOPS] / t)


# --------------------------------------------------------------------------------------
# axelrod/strategies/oncebitten.py

# state: 0 the partner's defections counted since the count was last forgotten


@strategy(
    "Forgetful Fool Me Once", oracle="statistics",
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


# --------------------------------------------------------------------------------------
# axelrod/strategies/bush_mosteller.py

# state: 0 c_prob, 1 d_prob (set from the parameters on the first move)


@strategy(
    "Bush Mosteller", oracle="statistics",
    reciprocity="other",
    stochastic=True,
    uses_game=True,
    params={
        "c_prob": Param(float, 0.5, 0.0, 1.0, "initial propensity to play C"),
        "d_prob": Param(float, 0.5, 0.0, 1.0, "initial propensity to play D"),
        "aspiration_level_divider": Param(float, 3.0, 1e-9, math.inf, "aspiration level = 5 / divider"),
        "learning_rate": Param(float, 0.5, 0.0, 1.0, "speed of the propensity updates"),
    },
    state=(0.0, 0.0),
)
def bush_mosteller(my, opp, t, state, params, info, rng):
    """Reinforcement learner: the propensity of the move just played grows when its payoff beat the aspiration level and shrinks when not; plays C with probability c/(c + d). (Bush & Mosteller 1955; Izquierdo & Izquierdo 2008; as in axelrod 4.13.1, bush_mosteller.py)

    other: a learner of its own payoffs; it rewards or punishes nobody.

    With payoff x of the last round (perceived payoffs, moves actually played),
    aspiration a = 5 / divider and top payoff M = max(R, P, S, T), the stimulus is
    s = max(-1, (x - a) / |M - a|); the propensity of the move it played last
    becomes p + rate s (1 - p) if s >= 0, else p + rate s p; the other stays.

    As in axelrod, the aspiration level comes from the standard game's top
    payoff, 5, whatever the match's game (axelrod computes it in the
    constructor, before the game is known), while M is the match's. In a game
    whose top payoff equals the aspiration level (axelrod divides by zero) the
    propensities stay as they are. One draw per turn while c/(c + d) is strictly
    between 0 and 1.
    """
    if t == 0:
        state[0] = params[0]
        state[1] = params[1]
        return random_choice(rng, state[0] / (state[0] + state[1]))
    aspiration = abs(5.0 / params[2])
    top = max(max(info[INFO_R], info[INFO_P]), max(info[INFO_S], info[INFO_T]))
    scale = abs(top - aspiration)
    if scale == 0.0:  # axelrod divides by zero here; no stimulus, no learning
        return random_choice(rng, state[0] / (state[0] + state[1]))
    stimulus = (payoff(info, my[t - 1], opp[t - 1]) - aspiration) / scale
    if stimulus < -1:
        stimulus = -1.0
    k = my[t - 1]  # state slot of the move played last: 0 c_prob, 1 d_prob
    if stimulus >= 0:
        state[k] += params[3] * stimulus * (1 - state[k])
    else:
        state[k] += params[3] * stimulus * state[k]
    return random_choice(rng, state[0] / (state[0] + state[1]))


# --------------------------------------------------------------------------------------
# axelrod/strategies/calculator.py

# state: 0 the partner's first 20 moves repeat a cycle (1.0 = yes; set at t = 20)


@strategy("Calculator", oracle="statistics", reciprocity="negative", stochastic=True, state=(0.0,))
def calculator(my, opp, t, state, params, info, rng):
    """Plays Joss for 20 moves; then defects for ever if the partner's first 20 moves repeat a cycle of length 1-10, else tit for tat. (PRISON project, LIFL 1998; as in axelrod 4.13.1, calculator.py)

    negative: a predictable partner, a cooperator included, is exploited for the rest of the match.

    Joss (First by Joss): C first, then D after a partner D and C with
    probability 0.9 after a partner C (one draw then). A cycle of length k means
    move i of the partner equals move i mod k for all of the first 20 (axelrod's
    ``detect_cycle``), so an unconditional cooperator or defector, or an
    alternator, is cyclic.
    """
    if t < 20:
        if t == 0:
            return C
        return random_choice(rng, 0.9) if opp[t - 1] == C else D
    if t == 20:
        for k in range(1, 11):
            cyclic = True
            for i in range(k, 20):
                if opp[i] != opp[i % k]:
                    cyclic = False
                    break
            if cyclic:
                state[0] = 1.0
                break
    if state[0] > 0.5:
        return D
    return opp[t - 1]


# --------------------------------------------------------------------------------------
# axelrod/strategies/inverse.py, negation.py


@strategy("Inverse", oracle="statistics", reciprocity="specific", stochastic=True, state=(-1.0,))
def inverse(my, opp, t, state, params, info, rng):
    """Cooperates with probability 1 - 1/k, where the partner's last defection was k moves ago; always C if it never defected. (Karol Langner, in axelrod 4.13.1, inverse.py)

    specific: answers a defection at once, and forgives it more and more as it recedes.

    k = 1 (a defection on the last move) gives a certain D. One draw per turn
    from the partner's first defection on, except right after a partner D.
    ``state[0]`` is the turn of the partner's last defection (-1: none yet), so a
    turn costs the same however long ago that was (axelrod searches the history).
    """
    if t > 0 and opp[t - 1] == D:
        state[0] = t - 1
    if state[0] < 0.0:
        return C
    return random_choice(rng, 1.0 - 1.0 / (t - state[0]))


@strategy("Negation", oracle="statistics", reciprocity="negative", memory_depth=1, stochastic=True)
def negation(my, opp, t, state, params, info, rng):
    """Random first move; then the opposite of the partner's last move. (prisoners-dilemma.com competition 2017, PD2017; as in axelrod 4.13.1, negation.py)

    negative: answers cooperation with defection.

    One draw, on the first move; then it is Anti Tit For Tat.
    """
    if t == 0:
        return random_choice(rng, 0.5)
    return D if opp[t - 1] == C else C


# --------------------------------------------------------------------------------------
# axelrod/strategies/selfsteem.py


@strategy("SelfSteem", oracle="statistics", reciprocity="other", stochastic=True)
def self_steem(my, opp, t, state, params, info, rng):
    """Follows f = sin(2 pi t / 10): D if f > 0.95, tit for tat if 0.3 < |f| < 0.95, random if |f| < 0.3, else C. (Andre et al. 2013; as in axelrod 4.13.1, selfsteem.py)

    other: a mood cycle of the move number; reciprocity is only one of its phases.

    t is the number of moves played, so over each ten moves t = 0..9 (mod 10) it
    plays: random, TFT, D, D, TFT, random, TFT, C, C, TFT (f = -0.951 at t = 7, 8
    meets no test and falls through to C, axelrod's "rock bottom"). Its
    "retaliation policy" (a phase shift of the curve) is not implemented, as in
    axelrod. One draw per turn in the random phase.
    """
    f = math.sin(2 * math.pi * t / 10)
    if f > 0.95:
        return D
    if 0.95 > abs(f) > 0.3:
        return opp[t - 1]
    if 0.3 > f > -0.3:
        return random_choice(rng, 0.5)
    return C


# --------------------------------------------------------------------------------------
# axelrod/strategies/stalker.py


@strategy(
    "Stalker", oracle="statistics",
    reciprocity="other",
    stochastic=True,
    uses_game=True,
    uses_length=True,
)
def stalker(my, opp, t, state, params, info, rng):
    """Steers by its own average payoff a: D if a > R, C if (R + P)/2 < a < R or a > 2, D if 1 < a < 2, else random; D on the last move. (Andre et al. 2013; as in axelrod 4.13.1, stalker.py)

    other: steered by its own score, not by what the partner did.

    Cooperates first. a is its total (perceived) payoff over the moves played
    so far divided by their number. The constants 2 and 1 are axelrod's, not
    derived from the game; a = 2 exactly and a <= 1 meet no test and draw (with
    the standard game a = R = 3 cooperates, by the test a > 2). Defects on
    the last move when the match length is known (axelrod's FinalTransformer).
    One draw per turn in the random case.
    """
    length = info[INFO_LENGTH]
    if length >= 0 and t < length and length - t <= 1:
        return D
    if t == 0:
        return C
    average = info[INFO_MY_SCORE] / t
    r = info[INFO_R]
    if average > r:
        return D
    if average > (r + info[INFO_P]) / 2 and average < r:
        return C
    if average > 2:
        return C
    if average < 2 and average > 1:
        return D
    return random_choice(rng, 0.5)
