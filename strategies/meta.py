"""Meta players: a team of registered strategies consulted every move, whose proposals are combined.

Follows the Python library ``axelrod`` 4.13.1 (``axelrod/strategies/meta.py``, by
Karol Langner and Marc Harper). Every move a meta player asks each member of its team
what it would play, then plays by a rule over the proposals: the majority (Meta
Majority), or the proposal of the member that would have scored best so far (Meta
Winner), or one of the best few at random (Meta Winner Ensemble), or D when any hunter
proposes D (Meta Hunter).

What each member sees, as in axelrod's ``MetaPlayer``: the partner's moves as
actually played, and as its own history *its own proposals*, which are not the moves
the meta player made. Its score (for the Winner rules) is what its proposals would
have earned against the partner's actual moves, in the payoffs the meta player
perceives. The members are the registered step functions themselves, with a private
slice of the meta player's ``state`` and ``params`` (starting from their own declared
initial state), so each behaves exactly as it does on its own; their random draws come
from the meta player's stream (axelrod seeds each member from the meta player's
generator), so the metas with stochastic members agree with axelrod in distribution and
are checked statistically.

Two ways of giving each member its own history, both built by the engine
(:mod:`cooptourney.composite`, which also documents the state and parameter layout):

* the memory-one team (:func:`team_meta`): each member reads at most its own *last*
  proposal (``tests/strategies/test_meta.py`` checks this by running every member on a
  history that is wrong everywhere but in its last entry), so it is compiled into the
  meta player's step and given the meta player's own history with its last entry set,
  for the call, to the member's last proposal. The state holds 37 numbers (74 for the
  Winner rules).
* every other team (:func:`whole_history_meta`): the hunters, the 149 ordinary
  deterministic strategies, and the large teams of :data:`LARGE_METAS` (all 217
  ordinary strategies, the 136 of unbounded memory, the 81 of finite memory, the 68
  stochastic ones). Members that read all of their own history, and their own score
  and cooperation count, get exactly what an ``axelrod`` team member has: their past
  proposals (kept in per-turn state slots, ``turn_state``), and their own ``info``.
  They are called through their kernel entries, by address, so the meta player's code
  is one loop for any team and each member compiles once. These teams are written to
  ``data/teams.json`` from the installed ``axelrod`` by ``data/generate_tables.py``.

The metas of the large teams are stochastic and, in ``axelrod``, take about a second a
match, so their statistics are compared with ``axelrod``'s outcomes precomputed by
``tools/axelrod_meta_stats.py``; their rules are replayed move for move on a
deterministic team (``tests/strategies/test_meta.py``).

Compile time, cold cache, on the 2-core development machine: the first 37-member step
about 18 s (with the members' calls), each further one 5-6 s; then they load from the
cache.

Turn counting: ``t`` is the number of moves already played, axelrod's
``len(self.history)``; all histories are as actually played (after noise), except the
members' own, which are their proposals.
"""

from __future__ import annotations

import importlib
import math
import pkgutil

from numba import njit

from cooptourney import strategies as _bundled
from cooptourney.composite import history_team, proposal_team
from cooptourney.strategies import (
    alternator,
    axelrod_first,
    cooperator,
    cycler,
    defector,
    gambler,
    memoryone,
    mutual,
    negation,
    prober,
    titfortat,
    zero_determinant,
)
from cooptourney.strategies.fsm import trained_tables
from cooptourney.strategies.rand import random_player
from cooptourney.strategy_api import INFO_OPP_COOPS, C, D, rand, strategy

#: axelrod's team of "Memory One" metas: its ordinary strategies (``obey_axelrod``) of
#: memory depth at most 1, in axelrod's order (the order breaks ties in the Ensemble).
MEMORY_ONE_TEAM = (
    ("ALLCorALLD", memoryone.allc_or_alld),
    ("Alternator", alternator.alternator),
    ("Anti Tit For Tat", titfortat.anti_tit_for_tat),
    ("Bully", titfortat.bully),
    ("Burn Both Ends", titfortat.burn_both_ends),
    ("Cooperator", cooperator.cooperator),
    ("Cycler DC", cycler.cycler_dc),
    ("Defector", defector.defector),
    ("Desperate", mutual.desperate),
    ("Firm But Fair", memoryone.firm_but_fair),
    ("First by Anonymous", axelrod_first.anonymous),
    ("First by Grofman", axelrod_first.grofman),
    ("First by Joss", axelrod_first.joss),
    ("GTFT", memoryone.generous_tit_for_tat),
    ("Hopeless", mutual.hopeless),
    ("Naive Prober", prober.naive_prober),
    ("Negation", negation.negation),
    ("PSO Gambler Mem1", gambler.pso_gambler_mem1),
    ("Random", random_player),
    ("Random Tit for Tat", titfortat.random_tit_for_tat),
    ("Soft Joss", memoryone.soft_joss),
    ("Stochastic Cooperator", memoryone.stochastic_cooperator),
    ("Stochastic WSLS", memoryone.stochastic_wsls),
    ("Suspicious Tit For Tat", titfortat.suspicious_tit_for_tat),
    ("Tit For Tat", titfortat.tit_for_tat),
    ("Willing", mutual.willing),
    ("Win-Shift Lose-Stay", memoryone.win_shift_lose_stay),
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


# --- the rules: rule(state, n, opp, t, info, rng) over the proposals state[:n] and ----------
# --- the scores state[n:2n] (cooptourney.composite) --------------------------------------


@njit(cache=True)
def majority(state, n, opp, t, info, rng):
    """D iff more members propose D than C (a tie cooperates)."""
    defections = 0
    for k in range(n):
        defections += int(state[k])
    return D if defections > n - defections else C


@njit(cache=True)
def minority(state, n, opp, t, info, rng):
    """D iff fewer members propose D than C (a tie cooperates)."""
    defections = 0
    for k in range(n):
        defections += int(state[k])
    return D if defections < n - defections else C


@njit(cache=True)
def mixer(state, n, opp, t, info, rng):
    """The proposal of one member picked uniformly every move (axelrod's Meta Mixer
    without a distribution)."""
    return int(state[min(int(rand(rng) * n), n - 1)])


@njit(cache=True)
def winner(state, n, opp, t, info, rng):
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
            if chosen >= 0 and not (
                state[n + k] < state[n + chosen] or (state[n + k] == state[n + chosen] and k < chosen)
            ):
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


@njit(cache=True)
def winner_ensemble(state, n, opp, t, info, rng):
    """:func:`ensemble` as a rule (axelrod's Meta Winner Ensemble)."""
    return ensemble(state, n, rng)


@njit(cache=True)
def nice_winner(state, n, opp, t, info, rng):
    """:func:`winner` behind :func:`nice` (axelrod's Nice Meta Winner)."""
    return nice(winner(state, n, opp, t, info, rng), t, info)


@njit(cache=True)
def nice_ensemble(state, n, opp, t, info, rng):
    """:func:`ensemble` behind :func:`nice` (axelrod's Nice Meta Winner Ensemble)."""
    return nice(ensemble(state, n, rng), t, info)


@njit(cache=True)
def hunters(state, n, opp, t, info, rng):
    """axelrod's MetaHunter rule: D if any hunter proposes D; else, after 100 moves, the
    partner's last move; else C."""
    for k in range(n):
        if state[k] == D:
            return D
    if t > 100:
        return opp[t - 1]
    return C


#: rule name -> (rule, whether it reads the members' scores)
RULES = {
    "majority": (majority, False),
    "minority": (minority, False),
    "mixer": (mixer, False),
    "winner": (winner, True),
    "winner ensemble": (winner_ensemble, True),
    "nice winner": (nice_winner, True),
    "nice ensemble": (nice_ensemble, True),
    "hunters": (hunters, True),
}


def team_meta(name, team, rule, doc, reciprocity, **flags):
    """Register the meta player ``name`` with ``team`` and ``rule`` (a key of ``RULES``).

    ``team`` is a sequence of (axelrod name, step function) of registered strategies
    that read at most their own last move, and not their own cooperation count or
    score (the module docstring says why); ``flags`` go to :func:`strategy` (a test
    passes its own ``registry``).
    """
    fn, scored = RULES[rule]
    made = proposal_team(name, [(label, step.spec) for label, step in team], fn, scored, doc)
    return strategy(name, reciprocity=reciprocity, params=made.params, state=made.state, table=made.table, **flags)(
        made.step
    )


def whole_history_meta(name, rule, doc, reciprocity, members=None, **flags):
    """Register the meta player ``name``, its members given their whole own history (the
    module docstring says how).

    ``members`` (registered strategies' specs, in team order) defaults to the team of
    ``name`` in ``data/teams.json``; ``rule`` is a key of ``RULES``; ``flags`` go to
    :func:`strategy` (a test passes its own ``registry`` and a team of its own).
    """
    from cooptourney.registry import get_strategy

    if members is None:
        members = [get_strategy(m) for m in trained_tables("teams.json")[name]]
    made = history_team(name, members, RULES[rule][0], doc)
    return strategy(
        name,
        reciprocity=reciprocity,
        params=made.params,
        state=made.state,
        table=made.table,
        turn_state=made.turn_state,
        prepare=made.prepare,
        **flags,
    )(made.step)


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


# The members of the whole-history teams are registered strategies of the other bundled
# modules: import them first.
for _mod in sorted(pkgutil.iter_modules(_bundled.__path__), key=lambda m: m.name):
    if not _mod.name.startswith("_") and _mod.name != __name__.rsplit(".", 1)[-1]:
        importlib.import_module(f"{_bundled.__name__}.{_mod.name}")

_HUNTERS = dict(memory_depth=math.inf, oracle="moves")

meta_hunter = whole_history_meta(
    "Meta Hunter",
    "hunters",
    """Defects when any of six hunters (Defector, Alternator, Random, Math Constant, Cycle and Eventual Cycle Hunter) proposes D; otherwise cooperates, and after 100 moves copies the partner's last move. (Karol Langner, as in axelrod 4.13.1)

    negative: hunts partners that look exploitable (all-D, alternating, random, constant-rate, cyclic) and defects on them.

    The team has no Cooperator Hunter (axelrod: it would defect too readily against
    unforgiving partners). Each hunter sees its own proposals as its history.
    """,
    "negative",
    **_HUNTERS,
)

meta_hunter_aggressive = whole_history_meta(
    "Meta Hunter Aggressive",
    "hunters",
    """Meta Hunter with Cooperator Hunter in the team as well: defects on unconditional cooperators too. (Marc Harper, as in axelrod 4.13.1)

    negative: exploits every partner the seven hunters flag, unconditional cooperators included.

    Otherwise as Meta Hunter.
    """,
    "negative",
    **_HUNTERS,
)

_DETERMINISTIC_TEAM = dict(memory_depth=math.inf, uses_game=True, uses_length=True)

meta_winner_deterministic = whole_history_meta(
    "Meta Winner Deterministic",
    "winner",
    """Plays the proposal of the member of axelrod's 149 ordinary deterministic strategies whose proposals would have scored best so far. (Marc Harper, as in axelrod 4.13.1)

    other: follows whichever deterministic rule of the team pays best against this partner, reciprocal or not.

    A member's score is what its own proposals would have earned against the partner's
    actual moves, in the payoffs the player perceives; when several members share the
    best score it cooperates if any of them proposes C.
    """,
    "other",
    oracle="moves",
    **_DETERMINISTIC_TEAM,
)

nmwe_deterministic = whole_history_meta(
    "NMWE Deterministic",
    "nice ensemble",
    """Plays the proposal of one of the 11 best-scoring members of axelrod's 149 ordinary deterministic strategies, picked at random, but never defects first. (Marc Harper, as in axelrod 4.13.1, Nice Meta Winner Ensemble)

    other: follows the rules of the team that pay best against this partner, behind a guarantee of never defecting first.

    Members are scored as in Meta Winner Deterministic and ranked by score, ties by
    team order (the later first, as in axelrod); the best max(1, int(0.08 x 149)) = 11
    are candidates and one is picked uniformly every move. A proposed D becomes C while
    the partner has not defected (axelrod's ``NiceTransformer``).
    """,
    "other",
    oracle="statistics",
    stochastic=True,
    **_DETERMINISTIC_TEAM,
)


# --- the metas of the large teams: every ordinary strategy, the long-memory, finite-memory
# --- and stochastic ones (teams of 68 to 217 with stochastic members) --------------------------

#: the teams of axelrod's large metas: the name suffix -> how the docs describe the team
_LARGE_TEAMS = {
    "": "axelrod's 217 ordinary strategies",
    "Long Memory": "axelrod's 136 ordinary strategies of unbounded memory",
    "Finite Memory": "axelrod's 81 ordinary strategies of finite memory",
    "Stochastic": "axelrod's 68 ordinary stochastic strategies",
}

#: rule -> (what it plays, given the team, and the reciprocity line)
_LARGE_RULES = {
    "majority": (
        "Plays the majority of the proposals of {team} (a tie cooperates).",
        "a vote of reciprocal, unconditional, random and exploiting rules; no rule of its own about the partner.",
    ),
    "minority": (
        "Plays the minority of the proposals of {team} (a tie cooperates).",
        "goes against the team's vote; no rule of its own about the partner.",
    ),
    "mixer": (
        "Plays the proposal of one member of {team}, picked uniformly at random every move.",
        "a uniform mixture of the team's rules; no rule of its own about the partner.",
    ),
    "winner": (
        "Plays the proposal of the member of {team} whose proposals would have scored best so far.",
        "follows whichever rule of the team pays best against this partner, reciprocal or not.",
    ),
    "winner ensemble": (
        "Plays the proposal of one of the {best} best-scoring members of {team}, picked at random.",
        "follows the rules of the team that pay best against this partner, reciprocal or not.",
    ),
    "nice winner": (
        "Plays the proposal of the member of {team} whose proposals would have scored best so far, "
        "but never defects first.",
        "follows the rule of the team that pays best against this partner, behind a guarantee of never "
        "defecting first.",
    ),
    "nice ensemble": (
        "Plays the proposal of one of the {best} best-scoring members of {team}, picked at random, "
        "but never defects first.",
        "follows the rules of the team that pay best against this partner, behind a guarantee of never "
        "defecting first.",
    ),
}

_RULE_NOTES = {
    "majority": "",
    "minority": "",
    "mixer": "",
    "winner": (
        "A member's score is what its own proposals would have earned against the partner's actual moves, "
        "in the payoffs the player perceives; when several members share the best score it cooperates if "
        "any of them proposes C."
    ),
    "winner ensemble": (
        "Members are scored as in Meta Winner and ranked by score, ties by team order (the later first, "
        "as in axelrod); the best max(1, int(0.08 n)) of the n members are candidates and one is picked "
        "uniformly every move."
    ),
    "nice winner": (
        "Meta Winner behind axelrod's ``NiceTransformer``: a D becomes C while the partner has not defected."
    ),
    "nice ensemble": (
        "Meta Winner Ensemble behind axelrod's ``NiceTransformer``: a D becomes C while the partner has not defected."
    ),
}

#: axelrod name -> (rule, team suffix, author)
LARGE_METAS = {
    "Meta Majority": ("majority", "", "Karol Langner"),
    "Meta Minority": ("minority", "", "Karol Langner"),
    "Meta Winner": ("winner", "", "Karol Langner"),
    "Meta Mixer": ("mixer", "", "Vince Knight"),
    "Meta Winner Ensemble": ("winner ensemble", "", "Marc Harper"),
    "Nice Meta Winner": ("nice winner", "", "Karol Langner"),
    "Nice Meta Winner Ensemble": ("nice ensemble", "", "Marc Harper"),
    "Meta Majority Long Memory": ("majority", "Long Memory", "Marc Harper"),
    "Meta Winner Long Memory": ("winner", "Long Memory", "Marc Harper"),
    "NMWE Long Memory": ("nice ensemble", "Long Memory", "Marc Harper"),
    "Meta Majority Finite Memory": ("majority", "Finite Memory", "Marc Harper"),
    "Meta Winner Finite Memory": ("winner", "Finite Memory", "Marc Harper"),
    "NMWE Finite Memory": ("nice ensemble", "Finite Memory", "Marc Harper"),
    "Meta Winner Stochastic": ("winner", "Stochastic", "Marc Harper"),
    "NMWE Stochastic": ("nice ensemble", "Stochastic", "Marc Harper"),
}


def _large_meta(name):
    """Register the large-team meta ``name`` of :data:`LARGE_METAS`."""
    from cooptourney.registry import get_strategy

    rule, suffix, author = LARGE_METAS[name]
    members = [get_strategy(m) for m in trained_tables("teams.json")[name]]
    n = len(members)
    plays, why = _LARGE_RULES[rule]
    doc = (
        f"{plays.format(team=_LARGE_TEAMS[suffix], best=max(1, int(0.08 * n)))} ({author}, as in axelrod 4.13.1)\n\n"
        f"    other: {why}\n\n"
        "    Each member sees its own proposals as its history, and the partner's actual moves; the team is\n"
        "    read from ``data/teams.json`` in axelrod's order. "
        f"{_RULE_NOTES[rule]}\n"
    )
    return whole_history_meta(
        name,
        rule,
        doc,
        "other",
        members,
        memory_depth=math.inf,
        stochastic=True,
        # the Winner rules score in the payoffs; members read the payoffs and the length
        uses_game=RULES[rule][1] or any(m.uses_game for m in members),
        uses_length=any(m.uses_length for m in members),
        oracle="statistics",
    )


meta_majority = _large_meta("Meta Majority")
meta_minority = _large_meta("Meta Minority")
meta_winner = _large_meta("Meta Winner")
meta_mixer = _large_meta("Meta Mixer")
meta_winner_ensemble = _large_meta("Meta Winner Ensemble")
nice_meta_winner = _large_meta("Nice Meta Winner")
nice_meta_winner_ensemble = _large_meta("Nice Meta Winner Ensemble")
meta_majority_long_memory = _large_meta("Meta Majority Long Memory")
meta_winner_long_memory = _large_meta("Meta Winner Long Memory")
nmwe_long_memory = _large_meta("NMWE Long Memory")
meta_majority_finite_memory = _large_meta("Meta Majority Finite Memory")
meta_winner_finite_memory = _large_meta("Meta Winner Finite Memory")
nmwe_finite_memory = _large_meta("NMWE Finite Memory")
meta_winner_stochastic = _large_meta("Meta Winner Stochastic")
nmwe_stochastic = _large_meta("NMWE Stochastic")
