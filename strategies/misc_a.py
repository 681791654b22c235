"""Assorted deterministic strategies of the Python library ``axelrod``: handshakes, probes, classifiers, counters.

Each follows ``axelrod`` 4.13.1 move for move, including its quirks, because that
library is the reference the test suite checks against
(``tests/test_oracle_misc.py``); the module each comes from is named in its
docstring (``axelrod/strategies/<module>.py``). Many were written for ``axelrod``
itself or taken from the PRISON project of the LIFL, Lille (Mathieu, Delahaye et
al. 1998, "[Prison1998]"); the others cite Li & Kendall, Li, Hingston & Kendall,
Robson, Axelrod, Eckhart and Andre et al. The stochastic strategies of the same
families are in ``misc_b.py``; DBS and the Q-learners have files of their own.

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t`` and "move k" (counting from 1) is index ``k - 1``;
the partner's defections so far are ``t - info[INFO_OPP_COOPS]``. All histories
are the moves actually played (after noise).
"""

from numba import njit

from cooptourney.strategy_api import INFO_OPP_COOPS, C, D, payoff, strategy

# --------------------------------------------------------------------------------------
# axelrod/strategies/prober.py


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


# --------------------------------------------------------------------------------------
# axelrod/strategies/apavlov.py

# state: 0 the partner's class (0 none yet, 1 Cooperative, 2 ALLD, 3 STFT, 4 PavlovD, 5 Random)
_COOPERATIVE, _ALLD, _STFT, _PAVLOVD, _RANDOM = 1.0, 2.0, 3.0, 4.0, 5.0


@njit(cache=True, inline="always")
def _window_matches(opp, t, pattern):
    """True when the partner's last six moves equal the bits of ``pattern`` (first move = high bit)."""
    for i in range(6):
        if opp[t - 6 + i] != (pattern >> (5 - i)) & 1:
            return False
    return True


@strategy("Adaptive Pavlov 2006", oracle="moves", reciprocity="specific", state=(0.0,))
def adaptive_pavlov_2006(my, opp, t, state, params, info, rng):
    """Tit for tat for six moves, then every six moves classifies the partner by its last six moves and answers the class. (Li 2007, "How to design a strategy to win an IPD tournament"; as in axelrod 4.13.1, apavlov.py)

    specific: tit for tat towards partners that cooperate or echo it, retaliation against the rest.

    At t = 6, 12, 18, ... the partner's last six moves classify it: CCCCCC
    Cooperative, DDDDDD ALLD, DCDCDC STFT, DDCDDC PavlovD; a window that matches
    none of these keeps the previous class (Random at the first classification).
    Play: Random and ALLD, D; STFT, C on the first two turns of each block of six
    (t % 6 in {0, 1}) and tit for tat otherwise; PavlovD, D on the first turn of a
    block and C otherwise; Cooperative, tit for tat.

    As in axelrod: once classified, an unmatched window does not reset the class
    to Random (axelrod only sets Random when no class is set yet).
    """
    if t < 6:
        return C if t == 0 else opp[t - 1]
    if t % 6 == 0:
        if _window_matches(opp, t, 0b000000):
            state[0] = _COOPERATIVE
        elif _window_matches(opp, t, 0b111111):
            state[0] = _ALLD
        elif _window_matches(opp, t, 0b101010):
            state[0] = _STFT
        elif _window_matches(opp, t, 0b110110):
            state[0] = _PAVLOVD
        elif state[0] == 0.0:
            state[0] = _RANDOM
    kind = state[0]
    if kind == _RANDOM or kind == _ALLD:
        return D
    if kind == _STFT:
        return C if t % 6 < 2 else opp[t - 1]
    if kind == _PAVLOVD:
        return D if t % 6 == 0 else C
    return opp[t - 1]


@strategy("Adaptive Pavlov 2011", oracle="moves", reciprocity="specific", state=(0.0,))
def adaptive_pavlov_2011(my, opp, t, state, params, info, rng):
    """Tit for tat for six moves, then every six moves classifies the partner by its defections among its last six moves and answers the class. (Li, Hingston & Kendall 2011, IEEE TCIAIG 3(4); as in axelrod 4.13.1, apavlov.py)

    specific: tit for tat or tit for two tats towards partners that mostly cooperate, retaliation against the rest.

    At t = 6, 12, 18, ...: no D among the partner's last six moves, Cooperative;
    4 or more, ALLD; exactly 3, STFT; 1 or 2 keeps the previous class (Random at
    the first classification). Play: Random and ALLD, D; STFT, tit for two tats
    (D only after two partner Ds in a row); Cooperative, tit for tat.
    """
    if t < 6:
        return C if t == 0 else opp[t - 1]
    if t % 6 == 0:
        defections = 0
        for i in range(t - 6, t):
            defections += opp[i]
        if defections == 0:
            state[0] = _COOPERATIVE
        elif defections >= 4:
            state[0] = _ALLD
        elif defections == 3:
            state[0] = _STFT
        elif state[0] == 0.0:
            state[0] = _RANDOM
    kind = state[0]
    if kind == _STFT:
        return D if opp[t - 1] == D and opp[t - 2] == D else C
    if kind == _COOPERATIVE:
        return opp[t - 1]
    return D


# --------------------------------------------------------------------------------------
# axelrod/strategies/oncebitten.py

# state: 0 grudging (1.0 = yes), 1 grudge turns served


@strategy("Once Bitten", oracle="moves", reciprocity="specific", state=(0.0, 0.0))
def once_bitten(my, opp, t, state, params, info, rng):
    """Cooperates until the partner defects twice in a row, then defects for 11 moves and looks again. (Holly Marissa, in axelrod 4.13.1, oncebitten.py)

    specific: a single defection is let pass; a repeated one is paid back with a fixed spell of defections.

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


# --------------------------------------------------------------------------------------
# axelrod/strategies/adaptive.py

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


# --------------------------------------------------------------------------------------
# axelrod/strategies/appeaser.py


@strategy("Appeaser", oracle="moves", reciprocity="other", memory_depth=1)
def appeaser(my, opp, t, state, params, info, rng):
    """Cooperates first; switches its own move whenever the partner defects, else repeats it. (Jochen Müller, in axelrod 4.13.1, appeaser.py)

    other: it guesses what the partner wants from each defection; it neither pays back nor forgives.

    axelrod classifies it as long memory; its move depends only on the last round.
    """
    if t == 0:
        return C
    if opp[t - 1] == D:
        return C if my[t - 1] == D else D
    return my[t - 1]


# --------------------------------------------------------------------------------------
# axelrod/strategies/doubler.py


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


# --------------------------------------------------------------------------------------
# axelrod/strategies/gradualkiller.py


@strategy("Gradual Killer", oracle="moves", reciprocity="other")
def gradual_killer(my, opp, t, state, params, info, rng):
    """Plays D five times and C twice, then defects for ever if the partner defected on moves 6 and 7, else cooperates for ever. (PRISON project, LIFL 1998; as in axelrod 4.13.1, gradualkiller.py)

    other: a one-time verdict on two moves of the partner fixes its move for the rest of the match.
    """
    if t < 7:
        return D if t < 5 else C
    if opp[5] == D and opp[6] == D:
        return D
    return C


# --------------------------------------------------------------------------------------
# axelrod/strategies/handshake.py


@strategy("Handshake", oracle="moves", reciprocity="other")
def handshake(my, opp, t, state, params, info, rng):
    """Plays C, D; cooperates for ever if the partner also opened C, D, else defects for ever. (Robson 1990, "the secret handshake", J. Theor. Biol. 144(3); as in axelrod 4.13.1, handshake.py)

    other: a secret handshake: cooperation is reserved for its own kind, whatever the partner does later.
    """
    if t < 2:
        return C if t == 0 else D
    if opp[0] == C and opp[1] == D:
        return C
    return D


# --------------------------------------------------------------------------------------
# axelrod/strategies/revised_downing.py

# state: 0 good = P(partner C | my C two moves back), 1 bad = P(partner C | my D two
# moves back), 2 nice1, 3 nice2 (partner Cs after my C, my D), 4 my Cs, 5 my Ds counted


@strategy(
    "Revised Downing", oracle="moves",
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


# --------------------------------------------------------------------------------------
# axelrod/strategies/shortmem.py


@strategy("ShortMem", oracle="moves", reciprocity="diffuse", memory_depth=10)
def short_mem(my, opp, t, state, params, info, rng):
    """Cooperates for 11 moves; then C if the partner's last ten moves hold at least 3 more Cs than Ds, D if at least 3 more Ds, else tit for tat. (Andre et al. 2013; as in axelrod 4.13.1, shortmem.py)

    diffuse: judges the partner by its recent record, so a single defection amid cooperation passes.

    axelrod's docstring says it starts analysing "from the tenth round on"; its
    code, reproduced here, cooperates while the partner has played at most 10
    moves, i.e. on moves 1-11. axelrod classifies it as long memory; it reads
    only the last ten moves (and the move number).
    """
    if t <= 10:
        return C
    defections = 0
    for i in range(t - 10, t):
        defections += opp[i]
    cooperations = 10 - defections
    if cooperations - defections >= 3:
        return C
    if defections - cooperations >= 3:
        return D
    return opp[t - 1]


# --------------------------------------------------------------------------------------
# axelrod/strategies/cooperator.py, defector.py, punisher.py


@strategy("Tricky Cooperator", oracle="moves", reciprocity="negative", memory_depth=10)
def tricky_cooperator(my, opp, t, state, params, info, rng):
    """Cooperates, but from move 4 on defects whenever the partner has not defected in its last ten moves. (Karol Langner, in axelrod 4.13.1, cooperator.py)

    negative: exploits a partner exactly while it keeps cooperating.
    """
    if t < 3:
        return C
    for i in range(max(0, t - 10), t):
        if opp[i] == D:
            return C
    return D


@strategy("Tricky Defector", oracle="moves", reciprocity="negative")
def tricky_defector(my, opp, t, state, params, info, rng):
    """Defects, but cooperates when the partner has cooperated at least once and defected on its last three moves. (Karol Langner, in axelrod 4.13.1, defector.py)

    negative: defects against cooperation, and cooperates only to coax a partner back out of a run of defections.
    """
    if t >= 3 and info[INFO_OPP_COOPS] > 0.0 and opp[t - 1] == D and opp[t - 2] == D and opp[t - 3] == D:
        return C
    return D


@strategy("Tricky Level Punisher", oracle="moves", reciprocity="diffuse")
def tricky_level_punisher(my, opp, t, state, params, info, rng):
    """Cooperates, but before move 101 defects while more than 5% of the partner's moves so far were defections. (Eckhart 2015, Coopsim; as in axelrod 4.13.1, punisher.py)

    diffuse: judges the partner by its overall defection rate, not single moves, and from move 101 on lets everything pass.

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


# --------------------------------------------------------------------------------------
# axelrod/strategies/verybad.py


@strategy("VeryBad", oracle="moves", reciprocity="diffuse")
def very_bad(my, opp, t, state, params, info, rng):
    """Cooperates for three moves, then C if the partner has cooperated more than half the time, D if less, its last move on a tie. (Andre et al. 2013; as in axelrod 4.13.1, verybad.py)

    diffuse: judges the partner by its overall record, not by single moves.
    """
    if t < 3:
        return C
    rate = info[INFO_OPP_COOPS] / t
    if rate > 0.5:
        return C
    if rate < 0.5:
        return D
    return opp[t - 1]


# --------------------------------------------------------------------------------------
# axelrod/strategies/darwin.py


@strategy(
    "Darwin",
    reciprocity="specific",
    memory_depth=1,
    oracle="moves",
)
def darwin(my, opp, t, state, params, info, rng):
    """Plays its remembered 'genome' of best responses by move number; with a fresh genome, as in every match here, that is Tit For Tat. (Paul Slavin, in axelrod 4.13.1, darwin.py)

    specific: within a match it returns the partner's last move, in strict sequence.

    axelrod's Darwin keeps a genome (one response per move number) shared by all
    its instances and carried from match to match: at move k it plays genome[k]
    when that exists, else the partner's last move (appended to the genome); after
    each move whose own payoff was below 3 it flips its stored response for the
    previous move. Only a later match reads the flipped entries, so in a match
    that starts from the fresh genome [C] it plays exactly Tit For Tat. The state
    of a cooptourney strategy is reset every match, so this port is that first
    match: Tit For Tat, under Darwin's name. It is checked move for move against
    axelrod's Darwin from a fresh genome (``Darwin.reset_genome()`` before each
    match); axelrod's learning across matches is not reproduced, because results here
    must not depend on the order in which matches are played.
    """
    if t == 0:
        return C
    return opp[t - 1]
