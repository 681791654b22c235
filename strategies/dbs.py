"""DBS, the Derived Belief Strategy: learn the partner's rules, tell noise from intent, plan by tree search.

Au & Nau (2006), "Accident or intention: that is the question (in the noisy
iterated prisoner's dilemma)", AAMAS '06. The rules follow the Python library
``axelrod`` 4.13.1 (``axelrod/strategies/dbs.py``) move for move, because that
library is the reference the test suite checks against
(``tests/strategies/test_dbs.py``).

The partner is modelled by rules "after outcome o (my move, its move) it plays C
with probability p", one per outcome o in CC, CD, DC, DD, drawn from three sets:
the default rules Rd (Tit For Tat at the start), the deterministic rules Rc
learned from play, and the probabilistic rules Rp, discounted frequencies of
its answers. Here the rule sets are vectors indexed by outcome (2 * mine +
partner's), with -1 marking an outcome the set has no rule for.

Turn counting: ``t`` is the number of moves already played (axelrod's
``len(self.history)``). On move t + 1 the newest observation is the partner's
answer ``opp[t - 1]`` to the outcome ``(my[t - 2], opp[t - 2])``; all moves are
the moves actually played (after noise).
"""

from numba import njit

from cooptourney.strategy_api import C, D, Param, strategy

# state slots (each block has one entry per outcome CC, CD, DC, DD)
_RC = 0  # deterministic rules: 1.0 = answers C, 0.0 = answers D, -1.0 = no rule
_RD = 4  # default rules, same encoding; Tit For Tat at the start
_VIOLATIONS = 8  # consecutive violations of each Rc rule
_RUN_MOVE = 12  # the partner's answer to the outcome the last time it occurred (-1: never)
_RUN_LENGTH = 16  # how many of the latest occurrences in a row got that same answer
_V = 20  # violations of Rd rules since Rd was last cleaned
# where each outcome's terms in the discounted frequencies are (see _policy). Move u
# (the outcome (my[u], opp[u]), answered by opp[u + 1]) is recorded at t = u + 2.
_LAST = 21  # the newest move u at which the outcome occurred (-1: never)
_LAST_WEIGHT = 25  # that move's weight alpha^(t - 2 - u), built by repeated multiplication
_FIRST = 29  # the oldest move at which it occurred (_NEVER: not yet)
_FIRST_C = 33  # the oldest move at which it occurred and the partner answered C (_NEVER: not yet)
_END_WEIGHT = 37  # the prior's weight alpha^(t - 1), built by t - 1 multiplications

_NEVER = 2.0**62
_INITIAL_STATE = (
    (-1.0,) * 4
    + (1.0, 1.0, 0.0, 0.0)
    + (0.0,) * 4
    + (-1.0,) * 4
    + (0.0,) * 4
    + (0.0,)
    + (-1.0,) * 4
    + (0.0,) * 4
    + (_NEVER,) * 4
    + (_NEVER,) * 4
    + (1.0,)
)

# DBS scores the tree with the standard payoffs, whatever the game (as axelrod does)
_VALUE = (3.0, 0.0, 5.0, 1.0)

# a weight w with w * _NEGLIGIBLE < x cannot change a sum x >= 0 (see _still_open)
_NEGLIGIBLE = 2.0**54
# the pass considers stopping or skipping at the moves u with u & _CHECK_MASK == 0
_CHECK_MASK = 7


@njit(cache=True, inline="always")
def _given_rule(state, outcome):
    """Rd's rule for ``outcome``, else Rc's, else -1.0 (none): axelrod's priority Rd > Rc."""
    if state[_RD + outcome] >= 0.0:
        return state[_RD + outcome]
    return state[_RC + outcome]


@njit(cache=True, inline="always")
def _still_open(outcome, open_, u, weight, f, g, first, first_c):
    """``1 << outcome`` if a term at a move u, u - 1, ..., 0 could still change the outcome's f or g, else 0.

    ``weight`` is move u's. Each of f and g is done when its terms are all in (the
    outcome's oldest occurrence ``first``, for g its oldest one answered with C
    ``first_c``, is newer than u) or when every remaining term is negligible against
    it. Older moves have no larger weights (0 <= alpha <= 1, the parameter's declared
    range, and the rounded alpha * w cannot exceed w) and the sums never shrink, so
    what is done stays done, the prior's term included. Negligible: with
    2^e <= x < 2^(e+1), a w < x * 2^-54 < 2^(e-53), less than half an ulp of x, leaves
    x + w == x in round-to-nearest (for a subnormal x it takes w < 2^-1076, that is
    w == 0.0); w * 2^54 is exact (a power of two, w <= 1), so the test is exact too.
    It never holds for x == 0.0 (0.0 + w == w) unless w is 0.0, when every remaining
    term is 0.0 and changes nothing.
    """
    if (open_ >> outcome) & 1 == 0 or weight == 0.0:
        return 0
    if (first > u or weight * _NEGLIGIBLE < f) and (first_c > u or weight * _NEGLIGIBLE < g):
        return 0
    return 1 << outcome


@njit(cache=True, inline="always")
def _frequency(rule, f, g, outcome, end_weight):
    """The rule if there is one, else axelrod's ``compute_prob_rule`` from the sums of the observed terms."""
    if rule >= 0.0:
        return rule
    f += end_weight
    if outcome < 2:  # prior: Tit For Tat cooperates after CC and CD
        g += end_weight
    if f == 0.0:
        # every weight has underflowed (thousands of moves without the outcome) or the
        # discount is 0: axelrod divides by zero; fall back on the prior
        return 1.0 if outcome < 2 else 0.0
    return g / f


@njit(cache=True)
def _policy(my, opp, t, state, alpha):
    """The partner's probability of C after each outcome: Rd's rule, else Rc's, else Rp's.

    Rp's rule is axelrod's ``compute_prob_rule``, the discounted share of partner Cs
    after the outcome: f sums the weights of the moves u at which the outcome occurred,
    g those of them the partner answered (at u + 1) with C; move u has weight
    alpha^(t - 2 - u), built by repeated multiplication, and the oldest term is the Tit
    For Tat prior (one observation of weight alpha^(t - 1)). axelrod sums each outcome's
    terms in its own pass from the newest move. Here one pass serves all the outcomes
    that need a rule (no rule in Rd or Rc, and occurred), each with its own f and g,
    which get the same terms in the same order, with the same weights. So every
    result is bit-identical, and the pass leaves out only what cannot change a sum:

    * an outcome that never occurred is not in the pass: f and g are the prior alone,
      as in axelrod;
    * the moves at which none of the outcomes still open occurred are skipped: the pass
      goes on from the newest occurrence of one of them, with the weight the state keeps
      for it (aged by the same multiplications, one per turn);
    * an outcome is closed once no term still to come can change its f or g
      (``_still_open``); the pass ends when all are, at the latest after move 0. The
      prior is added at the end with the weight the state keeps for it.
    """
    r0 = _given_rule(state, 0)
    r1 = _given_rule(state, 1)
    r2 = _given_rule(state, 2)
    r3 = _given_rule(state, 3)
    # the outcomes in the pass (no rule, and occurred), one bit each; the sums of the
    # others stay 0.0, which leaves a never-seen outcome its prior, as in axelrod
    open_ = (
        (r0 < 0.0 and state[_LAST + 0] >= 0.0)
        | (r1 < 0.0 and state[_LAST + 1] >= 0.0) << 1
        | (r2 < 0.0 and state[_LAST + 2] >= 0.0) << 2
        | (r3 < 0.0 and state[_LAST + 3] >= 0.0) << 3
    )
    f0 = f1 = f2 = f3 = 0.0
    g0 = g1 = g2 = g3 = 0.0
    if open_ != 0:
        first0, first1, first2, first3 = state[_FIRST], state[_FIRST + 1], state[_FIRST + 2], state[_FIRST + 3]
        first_c0, first_c1 = state[_FIRST_C], state[_FIRST_C + 1]
        first_c2, first_c3 = state[_FIRST_C + 2], state[_FIRST_C + 3]
        u = t - 2  # the next move to read
        weight = 1.0  # its weight
        closed = True  # whether an outcome has been closed since the last skip
        while open_ != 0 and u >= 0:
            if closed:
                # skip to the newest occurrence of an open outcome if it is older than u:
                # the moves in between add nothing to the open sums
                newest = -1.0
                newest_weight = 0.0
                for k in range(4):
                    if (open_ >> k) & 1 and state[_LAST + k] > newest:
                        newest = state[_LAST + k]
                        newest_weight = state[_LAST_WEIGHT + k]
                if newest < u:
                    u = int(newest)
                    weight = newest_weight
            # moves u, u - 1, ... down to the next multiple of 8, where the pass checks
            # what is still open (the loop is written so that the compiler sees v >= 0
            # and leaves out negative-index handling)
            top = u
            for back in range(top + 1):
                v = top - back
                # the outcome at v and its answer at v + 1 go into the outcome's sums
                # (with the same weight and in the same order as in axelrod's pass)
                o = 2 * my[v] + opp[v]
                if (open_ >> o) & 1:
                    if opp[v + 1] == C:
                        if o == 0:
                            f0 += weight
                            g0 += weight
                        elif o == 1:
                            f1 += weight
                            g1 += weight
                        elif o == 2:
                            f2 += weight
                            g2 += weight
                        else:
                            f3 += weight
                            g3 += weight
                    else:
                        if o == 0:
                            f0 += weight
                        elif o == 1:
                            f1 += weight
                        elif o == 2:
                            f2 += weight
                        else:
                            f3 += weight
                weight = alpha * weight
                u = v - 1
                if v & _CHECK_MASK == 0:
                    break
            still = (
                _still_open(0, open_, u, weight, f0, g0, first0, first_c0)
                | _still_open(1, open_, u, weight, f1, g1, first1, first_c1)
                | _still_open(2, open_, u, weight, f2, g2, first2, first_c2)
                | _still_open(3, open_, u, weight, f3, g3, first3, first_c3)
            )
            closed = still != open_
            open_ = still
    end_weight = state[_END_WEIGHT]
    return (
        _frequency(r0, f0, g0, 0, end_weight),
        _frequency(r1, f1, g1, 1, end_weight),
        _frequency(r2, f2, g2, 2, end_weight),
        _frequency(r3, f3, g3, 3, end_weight),
    )


@njit(cache=True, inline="always")
def _best(p, v0, v1, v2, v3):
    """The better of C and D at a deterministic node whose partner plays C with probability p."""
    if_c = p * v0 + (1 - p) * v1
    if_d = p * v2 + (1 - p) * v3
    return max(if_c, if_d)


@njit(cache=True)
def _tree_search(outcome, policy, depth):
    """(value of C, value of D) after ``outcome`` by axelrod's minimax over ``depth`` moves.

    Deterministic nodes take the better move, stochastic nodes average over the
    partner's answer with the policy's probability of C. Computed bottom-up, one
    value per outcome and depth, with the same operations as axelrod's recursion.
    """
    v0, v1, v2, v3 = _VALUE
    for _ in range(depth - 1):
        v0, v1, v2, v3 = (
            _best(policy[0], v0, v1, v2, v3) + _VALUE[0],
            _best(policy[1], v0, v1, v2, v3) + _VALUE[1],
            _best(policy[2], v0, v1, v2, v3) + _VALUE[2],
            _best(policy[3], v0, v1, v2, v3) + _VALUE[3],
        )
    p = policy[outcome]
    return p * v0 + (1 - p) * v1 + _VALUE[outcome], p * v2 + (1 - p) * v3 + _VALUE[outcome]


@strategy(
    "DBS",
    oracle="moves",
    aliases=["Derived Belief Strategy"],
    reciprocity="other",
    params={
        "discount_factor": Param(float, 0.75, 0.0, 1.0, "discount of older answers in the probabilistic rules"),
        "promotion_threshold": Param(int, 3, 0, 10**9, "same answers in a row that make a deterministic rule"),
        "violation_threshold": Param(int, 4, 1, 10**9, "violations in a row that drop the deterministic rules"),
        "reject_threshold": Param(int, 3, 0, 10**9, "violations of default rules that drop them (when exceeded)"),
        "tree_depth": Param(int, 5, 1, 64, "moves looked ahead by the tree search"),
    },
    state=_INITIAL_STATE,
)
def dbs(my, opp, t, state, params, info, rng):
    """Learns rules for the partner's answer to each outcome, keeps a rule until violated several times in a row, and plays the move of highest expected payoff over the next moves. (Au & Nau 2006, AAMAS; as in axelrod 4.13.1)

    other: best-responds to a learned model of the partner by tree search, aiming at mutual cooperation through noise.

    Cooperates first. From move 3 on it reads the partner's latest answer a to the
    outcome o two moves back and updates its rules:

    * Promotion: if Rc has no rule for o and the partner's last
      ``promotion_threshold`` answers to o were all a, Rc gets "o -> a".
    * Violation: if Rc has a rule for o, a matching answer resets its violation
      count, a contrary one increments it; at ``violation_threshold`` all of Rc
      moves into Rd (overwriting) and Rc is emptied.
    * Default rules: an answer contrary to Rd's rule for o adds one to a count v;
      when v exceeds ``reject_threshold``, or the answer confirms a rule in Rc
      and contradicts the one in Rd, Rd is emptied.
    * Outcomes with no rule in Rc or Rd get the discounted frequency of C in the
      partner's answers to them (discount ``discount_factor`` per move, a Tit For
      Tat prior as the oldest observation).

    The resulting policy (Rd before Rc before Rp, as axelrod aggregates them)
    feeds a minimax tree of depth ``tree_depth`` from the last outcome, scored
    with the standard payoffs 3, 0, 5, 1 whatever the game (as in axelrod); it
    plays C when C is worth at least as much as D.

    Where axelrod's discounted frequency divides by zero (an outcome absent for
    so long that every discount weight underflows, about 2,600 moves at 0.75,
    or a discount of 0) the Tit For Tat prior is used instead.
    """
    if t == 0:
        # the records of where the terms are start here, whatever the state the step is
        # given holds (tests/strategies/test_dbs.py: moves do not depend on those slots)
        for k in range(4):
            state[_LAST + k] = -1.0
            state[_FIRST + k] = _NEVER
            state[_FIRST_C + k] = _NEVER
        state[_END_WEIGHT] = 1.0
        return C
    if t >= 2:
        o = 2 * my[t - 2] + opp[t - 2]
        a = 1.0 if opp[t - 1] == C else 0.0  # axelrod's encoding: 1 = C
        # where the discounted frequencies' terms are (see _policy): every recorded
        # weight ages by one factor alpha, as in axelrod's loop; move t - 2 has weight 1
        for k in range(4):
            state[_LAST_WEIGHT + k] = params[0] * state[_LAST_WEIGHT + k]
        state[_END_WEIGHT] = params[0] * state[_END_WEIGHT]
        state[_LAST + o] = t - 2
        state[_LAST_WEIGHT + o] = 1.0
        state[_FIRST + o] = min(state[_FIRST + o], t - 2)
        if a == 1.0:
            state[_FIRST_C + o] = min(state[_FIRST_C + o], t - 2)
        # the run of identical answers to o (axelrod's should_promote scan)
        if state[_RUN_MOVE + o] == a:
            state[_RUN_LENGTH + o] += 1.0
        else:
            state[_RUN_MOVE + o] = a
            state[_RUN_LENGTH + o] = 1.0
        if state[_RC + o] < 0.0 and state[_RUN_LENGTH + o] >= params[1]:
            state[_RC + o] = a
            state[_VIOLATIONS + o] = 0.0
        if state[_RC + o] >= 0.0:
            if state[_RC + o] == a:
                state[_VIOLATIONS + o] = 0.0
            else:
                state[_VIOLATIONS + o] += 1.0
                if state[_VIOLATIONS + o] >= params[2]:
                    for k in range(4):
                        if state[_RC + k] >= 0.0:
                            state[_RD + k] = state[_RC + k]
                        state[_RC + k] = -1.0
                        state[_VIOLATIONS + k] = 0.0
                    state[_V] = 0.0
        confirms_rc = state[_RC + o] == a
        contradicts_rd = state[_RD + o] == 1.0 - a
        if contradicts_rd:
            state[_V] += 1.0
        if state[_V] > params[3] or (confirms_rc and contradicts_rd):
            for k in range(4):
                state[_RD + k] = -1.0
            state[_V] = 0.0
    policy = _policy(my, opp, t, state, params[0])
    value_c, value_d = _tree_search(2 * my[t - 1] + opp[t - 1], policy, int(params[4]))
    return C if value_c >= value_d else D
