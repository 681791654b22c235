"""Meta players: a team of registered strategies consulted every move, whose proposals are combined.

Follows the Python library ``axelrod`` 4.13.1 (``axelrod/strategies/meta.py``, by
Karol Langner and Marc Harper). Every move a meta player asks each member of its team
what it would play, then plays by a rule over the proposals: the majority (Meta
Majority), or the proposal of the member that would have scored best so far (Meta
Winner), or one of the best few at random (Meta Winner Ensemble).

What each member sees, as in axelrod's ``MetaPlayer``: the partner's moves as
actually played, and as its own history *its own proposals*, which are not the moves
the meta player made. Its score (for the Winner rules) is what its proposals would
have earned against the partner's actual moves, in the payoffs the meta player
perceives. The members are the registered step functions themselves, called with
a private slice of the meta player's ``state`` and ``params``, so each behaves
exactly as it does on its own; their random draws come from the meta player's stream
(axelrod seeds each member from the meta player's generator), so the metas with
stochastic members agree with axelrod in distribution and are checked statistically
(``tests/test_oracle_meta.py``).

Only the teams whose members read at most their own *last* proposal are here: the
``state`` vector has a fixed length, so a member that reads deeper into its own
history (or its own cooperation count or score) could not be given it exactly. The
team of memory-one strategies qualifies: each reads its own last move, the partner's
moves and the payoffs, nothing else (``tests/test_oracle_meta.py`` checks this by
running every member on a history that is wrong everywhere but in its last entry).
So each turn the member gets the meta player's own history with its last entry set,
for the call, to the member's last proposal (and restored afterwards). The teams of axelrod's other metas (all 217 ordinary strategies,
the long-memory or the deterministic ones, ...) have members that read their whole
own history; they are not ported (see the report in ``tests/test_oracle_meta.py``).

A meta's step function calls its members by name, so numba compiles them into it.
numba's on-disk cache knows only the file of the function it caches, not the files of
the functions it calls, so each meta's step is generated (like the Joss-Ann probes
of :mod:`cooptourney.strategies.probes`) into ``<cache>/metas/`` under a name that
hashes the template, this file and the source files of its members: a change to a
member gives a fresh compile. With a cold cache the first 37-member step compiles in
about 18 s (with the members' calls), each further one in 5-6 s; then they load from
the cache. The state holds 37 numbers (74 for the Winner rules), so a tournament with
a meta player pads every player's state to that length.

Turn counting: ``t`` is the number of moves already played, axelrod's
``len(self.history)``; all histories are as actually played (after noise), except the
members' own, which are their proposals.
"""

from __future__ import annotations

import hashlib
import math
import re
import sys
from pathlib import Path

from numba import njit

from cooptourney.strategies import (
    axelrod_first,
    basic,
    cycler,
    gambler,
    memoryone,
    memoryone_named,
    misc_b,
    tft_more,
    titfortat,
    zero_determinant,
)
from cooptourney.strategy_api import INFO_OPP_COOPS, C, D, payoff, rand, strategy

#: axelrod's team of "Memory One" metas: its ordinary strategies (``obey_axelrod``) of
#: memory depth at most 1, in axelrod's order (the order breaks ties in the Ensemble).
MEMORY_ONE_TEAM = (
    ("ALLCorALLD", memoryone_named.allc_or_alld),
    ("Alternator", basic.alternator),
    ("Anti Tit For Tat", titfortat.anti_tit_for_tat),
    ("Bully", titfortat.bully),
    ("Burn Both Ends", tft_more.burn_both_ends),
    ("Cooperator", basic.cooperator),
    ("Cycler DC", cycler.cycler_dc),
    ("Defector", basic.defector),
    ("Desperate", misc_b.desperate),
    ("Firm But Fair", memoryone_named.firm_but_fair),
    ("First by Anonymous", axelrod_first.anonymous),
    ("First by Grofman", axelrod_first.grofman),
    ("First by Joss", axelrod_first.joss),
    ("GTFT", memoryone.generous_tit_for_tat),
    ("Hopeless", misc_b.hopeless),
    ("Naive Prober", misc_b.naive_prober),
    ("Negation", misc_b.negation),
    ("PSO Gambler Mem1", gambler.pso_gambler_mem1),
    ("Random", basic.random_player),
    ("Random Tit for Tat", tft_more.random_tit_for_tat),
    ("Soft Joss", memoryone_named.soft_joss),
    ("Stochastic Cooperator", memoryone_named.stochastic_cooperator),
    ("Stochastic WSLS", memoryone_named.stochastic_wsls),
    ("Suspicious Tit For Tat", titfortat.suspicious_tit_for_tat),
    ("Tit For Tat", titfortat.tit_for_tat),
    ("Willing", misc_b.willing),
    ("Win-Shift Lose-Stay", memoryone_named.win_shift_lose_stay),
    ("Win-Stay Lose-Shift", memoryone.win_stay_lose_shift),
    ("ZD-Extort-2", zero_determinant.zd_extort_2),
    ("ZD-Extort-2 v2", zero_determinant.zd_extort_2_v2),
    ("ZD-Extort3", zero_determinant.zd_extort3),
    ("ZD-Extort-4", zero_determinant.zd_extort_4),
    ("ZD-Extortion", zero_determinant.zd_extortion),
    ("ZD-GTFT-2", zero_determinant.zd_gtft_2),
    ("ZD-GEN-2", zero_determinant.zd_gen_2),
    ("ZD-Mischief", zero_determinant.zd_mischief),
    ("ZD-SET-2", zero_determinant.zd_set_2),
)

# Layout of a meta player with a team of n members.
#   state:  [0, n)    each member's last proposal (its own last move)
#           [n, 2n)   each member's running score (Winner rules only)
#           then each member's own state, in team order
#   params: first the declared parameters: all the parameters of the members that have
#           one whose default is derived from the game (None, passed as NaN, which a
#           table cannot hold), named "<member>_<parameter>"; then the table: for each
#           member where its parameters start and end in ``params`` (2n entries), then
#           the parameter values (defaults) and tables of the other members, in team order.


# --- the rules, called by the generated step functions --------------------------------


@njit(cache=True)
def update_scores(state, n, theirs, info):
    """Add to each member's score what its last proposal earned against ``theirs``."""
    for k in range(n):
        state[n + k] += payoff(info, int(state[k]), theirs)


@njit(cache=True)
def majority(state, n):
    """D iff more members propose D than C (a tie cooperates)."""
    defections = 0
    for k in range(n):
        defections += int(state[k])
    return D if defections > n - defections else C


@njit(cache=True)
def winner(state, n):
    """The proposal of the best-scoring members: C if any of them proposes C."""
    best = state[n]
    for k in range(1, n):
        best = max(best, state[n + k])
    for k in range(n):
        if state[n + k] == best and state[k] == C:
            return C
    return D


@njit(cache=True)
def ensemble(state, n, rng):
    """The proposal of one of the best ``max(1, int(0.08 n))`` members, picked uniformly.

    axelrod ranks the members by (score, team index), both descending, so among equal
    scores the later member ranks first. The pick's rank is drawn first, then that
    member is found by repeated search for the next pair down: no allocation.
    """
    prop = max(1, int(n * 0.08))
    rank = int(rand(rng) * prop)
    chosen = -1
    for _ in range(rank + 1):
        found = -1
        for k in range(n):
            if chosen >= 0 and not (state[n + k] < state[n + chosen]
                                    or (state[n + k] == state[n + chosen] and k < chosen)):
                continue  # ranks at or above the member already passed
            if found < 0 or state[n + k] >= state[n + found]:
                found = k  # ties: the later index ranks higher
        chosen = found
    return int(state[chosen])


@njit(cache=True, inline="always")
def nice(move, t, info):
    """axelrod's NiceTransformer: never defect while the partner has not defected."""
    if move == D and t - info[INFO_OPP_COOPS] == 0.0:
        return C
    return move


# --- generating the step functions --------------------------------------------------------

_TEMPLATE = '''\
# GENERATED by cooptourney.strategies.meta: {name!r}; do not edit.
from cooptourney.strategies.meta import ensemble, majority, nice, update_scores, winner  # noqa: F401
{imports}


def step(my, opp, t, state, params, info, rng):
    """{doc}"""
    n = {n}
{score_update}    # Each member's own history is the meta player's, with its last entry set to the
    # member's last proposal for the call and restored afterwards: the members of this
    # team read nothing older, and the step allocates nothing. (``my`` is the engine's
    # buffer; nothing else reads it while this step runs.) The members' parameters are a
    # strided view, so each call compiles on its own, never the overload the engine uses.
    played = my[t - 1] if t > 0 else 0
{calls}
    if t > 0:
        my[t - 1] = played
    return {rule}
'''

_CALL = '''\
    if t > 0:
        my[t - 1] = int(state[{k}])
    state[{k}] = _m{k}(my, opp, t, state[{s0}:{s1}], params[int(params[{p0}]):int(params[{p1}]):1], info, rng)
'''

_SCORE_UPDATE = '''\
    if t > 0:
        update_scores(state, n, opp[t - 1], info)
'''

_RULES = {
    "majority": ("majority(state, n)", False),
    "winner": ("winner(state, n)", True),
    "nice ensemble": ("nice(ensemble(state, n, rng), t, info)", True),
}


def _declares(fn):
    """Whether a member's parameters go into the meta player's declared parameters."""
    return any(p.default is None for p in fn.spec.params.values())


def _member_params(team):
    """The meta player's declared parameters: those of the members with a game-derived default."""
    params = {}
    for name, fn in team:
        if _declares(fn):
            if fn.spec.table is not None:
                raise ValueError(f"{name}: a member with declared parameters and a table is not supported")
            key = re.sub(r"\W+", "_", name.lower()).strip("_")
            params.update({f"{key}_{pname}": p for pname, p in fn.spec.params.items()})
    return params


def _member_table(team):
    """The meta player's table: where each member's parameters start and end, then values."""
    n = len(team)
    declared = 0  # position among the declared parameters
    start = len(_member_params(team)) + 2 * n  # the first value, after the bounds
    values, bounds = [], []
    for _, fn in team:
        spec = fn.spec
        if _declares(fn):
            bounds += [declared, declared + len(spec.params)]
            declared += len(spec.params)
            continue
        first = start + len(values)
        values += [p.coerce(pname, spec.name, None) for pname, p in spec.params.items()]
        values += [float(x) for x in spec.table_values()]
        bounds += [first, start + len(values)]
    return [float(x) for x in bounds] + values


def _generate(name, team, rule, doc):
    """The step function of the meta player ``name`` (generated, see the module docstring)."""
    from cooptourney.core.codegen import load_generated

    n = len(team)
    expr, scored = _RULES[rule]
    state0 = 2 * n if scored else n
    n_declared = len(_member_params(team))
    imports, calls = [], []
    for k, (_, fn) in enumerate(team):
        imports.append(f"from {fn.spec.module} import {fn.spec.py_function.__name__} as _m{k}")
        s1 = state0 + len(fn.spec.state)
        p0 = n_declared + 2 * k
        calls.append(_CALL.format(k=k, s0=state0, s1=s1, p0=p0, p1=p0 + 1))
        state0 = s1
    score_update = _SCORE_UPDATE if scored else ""
    text = _TEMPLATE.format(name=name, imports="\n".join(imports), doc=doc, n=n, score_update=score_update,
                            calls="".join(calls), rule=expr)
    h = hashlib.blake2b(text.encode(), digest_size=10)
    h.update(Path(__file__).read_bytes())
    for module in sorted({fn.spec.module for _, fn in team}):
        h.update(Path(sys.modules[module].__file__).read_bytes())
    return load_generated("metas", h.hexdigest(), text).step


def _initial_state(team, scored):
    n = len(team)
    state = [0.0] * (2 * n if scored else n)
    for _, fn in team:
        state += list(fn.spec.state)
    return tuple(state)


def team_meta(name, team, rule, doc, reciprocity, **flags):
    """Register the meta player ``name`` with ``team`` and ``rule`` (a key of ``_RULES``).

    ``team`` is a sequence of (axelrod name, step function) of registered strategies
    that read at most their own last move, and not their own cooperation count or
    score (the module docstring says why); ``flags`` go to :func:`strategy` (a test
    passes its own ``registry``).
    """
    step = _generate(name, team, rule, doc)
    return strategy(
        name,
        reciprocity=reciprocity,
        params=_member_params(team),
        state=_initial_state(team, _RULES[rule][1]),
        table=lambda: _member_table(team),
        **flags,
    )(step)


_MEMORY_ONE = dict(
    memory_depth=math.inf,
    stochastic=True,
    uses_game=True,  # members read the payoffs (GTFT, WSLS, the ZD players); Winners score with them
    oracle="statistics",
)

meta_majority_memory_one = team_meta(
    "Meta Majority Memory One",
    MEMORY_ONE_TEAM,
    "majority",
    """Plays the majority of the proposals of axelrod's 37 memory-one strategies (a tie cooperates). (Marc Harper, as in axelrod 4.13.1)

    other: a vote of reciprocal, unconditional, random and extortionate rules; no rule of its own about the partner.

    The team (``MEMORY_ONE_TEAM`` in strategies/meta.py) is axelrod's ordinary
    strategies of memory depth at most 1. Each member sees its own proposals as its
    history.
    """,
    "other",
    **_MEMORY_ONE,
)

meta_winner_memory_one = team_meta(
    "Meta Winner Memory One",
    MEMORY_ONE_TEAM,
    "winner",
    """Plays the proposal of the member of axelrod's 37 memory-one strategies whose proposals would have scored best so far. (Marc Harper, as in axelrod 4.13.1)

    other: follows whichever rule of the team pays best against this partner, reciprocal or not.

    A member's score is what its own proposals would have earned against the
    partner's actual moves, in the payoffs the player perceives; when several members
    share the best score it cooperates if any of them proposes C. The team is
    ``MEMORY_ONE_TEAM`` (strategies/meta.py).
    """,
    "other",
    **_MEMORY_ONE,
)

nmwe_memory_one = team_meta(
    "NMWE Memory One",
    MEMORY_ONE_TEAM,
    "nice ensemble",
    """Plays the proposal of one of the 2 best-scoring members of axelrod's 37 memory-one strategies, picked at random, but never defects first. (Marc Harper, as in axelrod 4.13.1, Nice Meta Winner Ensemble)

    other: follows the rules of the team that pay best against this partner, behind a guarantee of never defecting first.

    Members are scored as in Meta Winner Memory One and ranked by score, ties by
    team order (the later first, as in axelrod); the best max(1, int(0.08 x 37)) = 2
    are candidates and one is picked uniformly every move. A proposed D becomes C
    while the partner has not defected (axelrod's ``NiceTransformer``).
    """,
    "other",
    **_MEMORY_ONE,
)
