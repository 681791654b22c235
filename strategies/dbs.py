"""DBS, the Derived Belief Strategy: learn the partner's rules, tell noise from intent, plan by tree search.

Au & Nau (2006), "Accident or intention: that is the question (in the noisy
iterated prisoner's dilemma)", AAMAS '06. The rules follow the Python library
``axelrod`` 4.13.1 (``axelrod/strategies/dbs.py``) move for move, because that
library is the reference the test suite checks against
(``tests/test_oracle_misc.py``).

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

_INITIAL_STATE = (-1.0,) * 4 + (1.0, 1.0, 0.0, 0.0) + (0.0,) * 4 + (-1.0,) * 4 + (0.0,) * 4 + (0.0,)

# DBS scores the tree with the standard payoffs, whatever the game (as axelrod does)
_VALUE = (3.0, 0.0, 5.0, 1.0)


@njit(cache=True)
def _discounted_frequency(my, opp, t, outcome, alpha):
    """Discounted share of partner Cs after ``outcome``, as axelrod's ``compute_prob_rule``.

    Every turn since the start is one step of discount, whether or not the outcome
    occurred; the oldest term is the Tit For Tat prior (one observation). The sum
    runs from the newest term, with alpha^k built by repeated multiplication, in
    axelrod's order, so the result is bit-identical.
    """
    g = 0.0
    f = 0.0
    weight = 1.0
    for u in range(t - 2, -1, -1):
        if 2 * my[u] + opp[u] == outcome:
            f += weight
            if opp[u + 1] == C:
                g += weight
        weight = alpha * weight
    f += weight
    if outcome < 2:  # prior: Tit For Tat cooperates after CC and CD
        g += weight
    if f == 0.0:
        # every weight has underflowed (thousands of moves without the outcome) or the
        # discount is 0: axelrod divides by zero; fall back on the prior
        return 1.0 if outcome < 2 else 0.0
    return g / f


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


@njit(cache=True, inline="always")
def _rule(my, opp, t, state, outcome, alpha):
    """The policy's probability of a partner C after ``outcome``: Rd's rule, else Rc's, else Rp's."""
    if state[_RD + outcome] >= 0.0:
        return state[_RD + outcome]
    if state[_RC + outcome] >= 0.0:
        return state[_RC + outcome]
    return _discounted_frequency(my, opp, t, outcome, alpha)


@strategy(
    "DBS", oracle="moves",
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
        return C
    if t >= 2:
        o = 2 * my[t - 2] + opp[t - 2]
        a = 1.0 if opp[t - 1] == C else 0.0  # axelrod's encoding: 1 = C
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
    policy = (
        _rule(my, opp, t, state, 0, params[0]),
        _rule(my, opp, t, state, 1, params[0]),
        _rule(my, opp, t, state, 2, params[0]),
        _rule(my, opp, t, state, 3, params[0]),
    )
    value_c, value_d = _tree_search(2 * my[t - 1] + opp[t - 1], policy, int(params[4]))
    return C if value_c >= value_d else D
