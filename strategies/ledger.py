"""Accounting strategies: a balance of the exchange in payoff units (new in cooptourney).

Both strategies keep a balance B of what the exchange has given the player minus what
it has given the partner, valued in the player's own *perceived* payoffs (the plain
game unless a politics transformer is active, docs/model.md, "Politics and policy")::

    B <- lam * B + (u(x, y) - u(y, x))

where x is the player's move on the last turn, y the partner's, and u the player's
perceived payoff of an outcome (own move first). Without a transformer this is the
running material payoff gap, the same quantity as the ``max_imbalance`` metric
(docs/reference/metrics.md): mutual moves add 0, being exploited adds S - T, exploiting adds
T - S. Under a transformer with relative weight k the increments become
(1 + k)(pi_i - pi_j): a politicised player feels every imbalance more sharply, which is
Keohane's "biased equivalence" pitfall of specific reciprocity.

References
----------
Keohane, R. (1986). "Reciprocity in international relations". International
Organization 40(1), 1-27 (specific and diffuse reciprocity). McKenzie's transmission
analogy of reciprocity "gears" (docs/model.md, "Reciprocity").
"""

from numba import njit

from cooptourney.strategy_api import INFO_S, INFO_T, C, D, Param, payoff, strategy

# Gears state slots
_GEAR = 0
_RUN = 1
_BALANCE = 2
_STRIKES = 3
REVERSE = -1.0
SPECIFIC = 1.0
TOP_GEAR = 3.0


@njit(cache=True, inline="always")
def _exchange(my, opp, t, info):
    """Last turn's increment of the balance: u(x, y) - u(y, x) in perceived payoffs."""
    return payoff(info, my[t - 1], opp[t - 1]) - payoff(info, opp[t - 1], my[t - 1])


@njit(cache=True, inline="always")
def _ledger(my, opp, t, state, tau, lam, info):
    if t > 0:
        state[0] = lam * state[0] + _exchange(my, opp, t, info)
    # a tolerance absorbs rounding in fading balances; payoffs are compared, not summed exactly
    return C if state[0] >= -tau - 1e-9 else D


_LEDGER_PARAMS = {
    "tau": Param(float, 0.0, 0.0, float("inf"), "credit line: the debt (in payoff units) it tolerates"),
    "lam": Param(float, 1.0, 0.0, 1.0, "fading: the balance is multiplied by lam every turn (1 = never forget)"),
}


@strategy(
    "Ledger",
    aliases=["Accountant"],
    reciprocity="specific",
    memory_depth=float("inf"),
    uses_game=True,
    state=(0.0,),
    trace=(0, "balance"),
    params=_LEDGER_PARAMS,
)
def ledger(my, opp, t, state, params, info, rng):
    """Keeps a balance B <- lam*B + (u(x,y) - u(y,x)) and cooperates while B >= -tau. (cooptourney; Keohane 1986)

    specific: with the defaults tau = 0, lam = 1 it is a strict accountant that
    cooperates only while the exchange is balanced, demanding equivalent value back.

    With tau > 0 (a credit line) and lam < 1 (debts fade) it becomes diffuse; see
    "Diffuse Ledger". The balance is traced per turn (``Match.trace``). Cooperates on
    the first move (B = 0).
    """
    return _ledger(my, opp, t, state, params[0], params[1], info)


@strategy(
    "Diffuse Ledger",
    reciprocity="diffuse",
    memory_depth=float("inf"),
    uses_game=True,
    state=(0.0,),
    trace=(0, "balance"),
    params={
        "tau": Param(float, 5.0, 0.0, float("inf"), "credit line (default T - S at 3,0,5,1: one exploitation)"),
        "lam": Param(float, 0.9, 0.0, 1.0, "fading of the balance per turn"),
    },
)
def diffuse_ledger(my, opp, t, state, params, info, rng):
    """Ledger with a credit line tau = 5 and fading debts lam = 0.9. (cooptourney; Keohane 1986)

    diffuse: tolerates a debt of one exploitation and lets old debts fade, so the
    exchange never has to balance.
    """
    return _ledger(my, opp, t, state, params[0], params[1], info)


@njit(cache=True, inline="always")
def _credit(gear, unit):
    """Credit line of a gear: 0 in the specific gear, one more exploitation per gear above."""
    return (gear - 1.0) * unit if gear > 1.0 else 0.0


@njit(cache=True, inline="always")
def _fading(gear):
    """Balance kept per turn: nothing fades in the specific gear; debts fade in higher gears."""
    if gear >= 3.0:
        return 0.9
    if gear >= 2.0:
        return 0.95
    return 1.0


@strategy(
    "Gears",
    aliases=["Reciprocity Gears"],
    reciprocity="diffuse",
    memory_depth=float("inf"),
    uses_game=True,
    state=(SPECIFIC, 0.0, 0.0, 0.0),
    trace=(_GEAR, "gear"),
    params={
        "shift_up": Param(int, 5, 1, 10**9, "consecutive mutual cooperations needed to shift up a gear"),
    },
)
def gears(my, opp, t, state, params, info, rng):
    """Shifts between reverse, specific and diffuse gears with the partner's record. (cooptourney; after McKenzie)

    diffuse: its resting state after sustained cooperation is a high gear with a credit
    line and fading debts; it only falls back to specific accounting when exploited.

    Gears are -1 (reverse: negative reciprocity), 1 (specific, low), 2 and 3 (diffuse,
    high). It keeps the balance B of the accounting strategies (module docstring) with
    a gear-dependent credit line c(g) = (g - 1)(T - S) and fading lam(g) = 1, 0.95, 0.9
    for gears 1, 2, 3. Each turn, after seeing the last outcome:

    1. B <- lam(g) B + (u(x, y) - u(y, x)).
    2. In reverse: if the partner cooperated (amends), go to gear 1 with B = 0 and no
       strikes; else stay in reverse.
    3. Otherwise, count consecutive mutual cooperations; after ``shift_up`` of them shift
       up one gear (at most 3) and restart the count. Any other outcome resets the count.
    4. If the partner defected and B < -c(g) (an exploitation beyond the credit line):
       in gear 2 or 3 shift down one gear; in gear 1 add a strike, and at the second
       strike go to reverse. A balance back at >= 0 clears the strikes.

    Move: reverse defects; any other gear cooperates iff B >= -c(g). It starts in gear 1
    with B = 0, so it opens with C. The gear is traced per turn (``Match.trace``).
    """
    unit = info[INFO_T] - info[INFO_S]
    if t == 0:
        return C
    gear = state[_GEAR]
    state[_BALANCE] = _fading(gear) * state[_BALANCE] + _exchange(my, opp, t, info)
    partner_defected = opp[t - 1] == D
    if gear == REVERSE:
        if not partner_defected:
            state[_GEAR] = SPECIFIC
            state[_BALANCE] = 0.0
            state[_STRIKES] = 0.0
            state[_RUN] = 0.0
    else:
        if my[t - 1] == C and not partner_defected:
            state[_RUN] += 1.0
            if state[_RUN] >= params[0] and gear < TOP_GEAR:
                state[_GEAR] = gear + 1.0
                state[_RUN] = 0.0
        else:
            state[_RUN] = 0.0
        if state[_BALANCE] >= 0.0:
            state[_STRIKES] = 0.0
        if partner_defected and state[_BALANCE] < -_credit(gear, unit) - 1e-9:
            if gear > SPECIFIC:
                state[_GEAR] = gear - 1.0
            else:
                state[_STRIKES] += 1.0
                if state[_STRIKES] >= 2.0:
                    state[_GEAR] = REVERSE
                    state[_RUN] = 0.0
    gear = state[_GEAR]
    if gear == REVERSE:
        return D
    return C if state[_BALANCE] >= -_credit(gear, unit) - 1e-9 else D
