"""Adaptors: a running state moved by each outcome sets a high or low cooperation
probability.

Hauert, C. and Stenull, O. (2002). "Simple adaptive strategy wins the prisoner's
dilemma". J. Theor. Biol. 218(3), 261-272.

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/adaptor.py``) in distribution (each draws exactly when axelrod
draws), including its quirks, because that library is the reference the tests check
against (``tests/strategies/test_adaptor.py``).
"""

from numba import njit

from cooptourney.strategy_api import C, random_choice, strategy

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
