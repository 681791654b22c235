"""Composite steps: generated step functions that call the steps of other strategies.

Two kinds of player are built from registered strategies:

* a **meta player** (axelrod's ``MetaPlayer``): every move each member of a team
  proposes a move and a *rule* over the proposals decides. :func:`proposal_team`
  compiles the members into the meta player's step, each given the meta player's own
  history with its last entry set to the member's last proposal (for members that read
  nothing older); :func:`history_team` calls the members through their kernel entries
  (:mod:`cooptourney.core.entry`) and gives each its whole own history of proposals.
* a **Joss-Ann transform** (:func:`joss_ann_step`): a strategy that cooperates with
  probability x, defects with probability y and otherwise plays what another strategy
  would, or the dual of that player (axelrod's ``JossAnnTransformer`` and
  ``DualTransformer``; Ashlock & Kim 2008).

Each step calls its members by name, or reads their entries from a table, so it is a
module generated from a template and loaded by :func:`cooptourney.core.codegen.load_generated`,
under a name that hashes the text and every source file numba compiles into it. The
functions here return the step and what its registration needs (:class:`Composite`);
registering it (:func:`cooptourney.registry.strategy`) is left to the strategy library.

State of a meta player with a team of n members:

* ``[0, n)``: each member's last proposal;
* ``[n, 2n)``: each member's running score, when the rule reads scores
  (:func:`update_scores`);
* then each member's own state, in team order (from its declared initial state);
* :func:`history_team` only: each member's ``info``, its context block, then per turn
  one byte of own history per member (``turn_state``).

Parameters: first the declared ones (the members' parameters whose default derives
from the game, named ``"<member>_<parameter>"``), then the table: for each member where
its parameters start and end in ``params`` (2n entries), then the other members'
parameter values and tables, in team order.

A rule is a jitted function ``rule(state, n, opp, t, info, rng) -> move`` reachable as a
module-level name; it reads the proposals and scores above.

References
----------
Ashlock, D. & Kim, E.-Y. (2008), "Fingerprinting: visualization and automatic analysis
of prisoner's dilemma strategies", IEEE Transactions on Evolutionary Computation 12(5),
647-659.
"""

from __future__ import annotations

import hashlib
import math
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numba import njit

from cooptourney.core.codegen import load_generated
from cooptourney.core.entry import CTX_SIZE
from cooptourney.core.numba_abi import python_function, register_symbol_table
from cooptourney.registry import Param, StrategySpec
from cooptourney.strategy_api import INFO_MY_COOPS, INFO_SIZE, C, D, payoff, rand


@dataclass(frozen=True)
class Composite:
    """A generated step and the arguments of its registration (:func:`cooptourney.registry.strategy`)."""

    step: Callable
    params: dict[str, Param]
    state: tuple[float, ...]
    table: Callable[[], list[float]] | None = None
    turn_state: int = 0
    prepare: Callable[[], None] | None = None


def _rule_source(rule) -> tuple[str, str]:
    """(module, name) of a rule, checked to be reachable by that name."""
    fn = python_function(rule)
    module = sys.modules.get(fn.__module__)
    if module is None or getattr(module, fn.__name__, None) is not rule:
        raise ValueError(f"the rule {fn.__qualname__} is not the module-level name {fn.__module__}.{fn.__name__}")
    return fn.__module__, fn.__name__


# --- meta players ------------------------------------------------------------------------------


@njit(cache=True)
def update_scores(state, n, theirs, info):
    """Add to each member's score (``state[n:2n]``) what its last proposal (``state[:n]``)
    earned against ``theirs``."""
    for k in range(n):
        state[n + k] += payoff(info, int(state[k]), theirs)


def _declares(spec: StrategySpec) -> bool:
    """Whether a member's parameters go into the meta player's declared parameters."""
    return any(p.default is None for p in spec.params.values())


def member_params(members: Sequence[tuple[str, StrategySpec]]) -> dict[str, Param]:
    """The meta player's declared parameters: those of the members with a game-derived default."""
    params = {}
    for name, spec in members:
        if _declares(spec):
            if spec.table is not None:
                raise ValueError(f"{name}: a member with declared parameters and a table is not supported")
            key = re.sub(r"\W+", "_", name.lower()).strip("_")
            params.update({f"{key}_{pname}": p for pname, p in spec.params.items()})
    return params


def member_table(members: Sequence[tuple[str, StrategySpec]]) -> list[float]:
    """The meta player's table: where each member's parameters start and end, then values."""
    n = len(members)
    declared = 0  # position among the declared parameters
    start = len(member_params(members)) + 2 * n  # the first value, after the bounds
    values, bounds = [], []
    for _, spec in members:
        if _declares(spec):
            bounds += [declared, declared + len(spec.params)]
            declared += len(spec.params)
            continue
        first = start + len(values)
        values += [p.coerce(pname, spec.name, None) for pname, p in spec.params.items()]
        values += [float(x) for x in spec.table_values()]
        bounds += [first, start + len(values)]
    return [float(x) for x in bounds] + values


_PROPOSAL_TEMPLATE = '''\
# GENERATED by cooptourney.composite: {name!r}; do not edit.
from cooptourney.composite import update_scores  # noqa: F401  (called only when the team is scored)
from {rule_module} import {rule_name} as _rule
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
    return _rule(state, n, opp, t, info, rng)
'''

_PROPOSAL_CALL = """\
    if t > 0:
        my[t - 1] = int(state[{k}])
    state[{k}] = _m{k}(my, opp, t, state[{s0}:{s1}], params[int(params[{p0}]):int(params[{p1}]):1], info, rng)
"""

_SCORE_UPDATE = """\
    if t > 0:
        update_scores(state, n, opp[t - 1], info)
"""


def proposal_team(name: str, members: Sequence[tuple[str, StrategySpec]], rule, scored: bool, doc: str) -> Composite:
    """A meta player whose members read, of their own history, only their last move.

    Parameters
    ----------
    name : str
        The meta player's name (for the generated file's header).
    members : sequence of (str, StrategySpec)
        The team, in order: a label (for declared parameter names) and a registered
        strategy whose step is a module-level name.
    rule : numba dispatcher
        ``rule(state, n, opp, t, info, rng) -> move``, a module-level name.
    scored : bool
        Keep each member's score (``state[n:2n]``), for rules that read it.
    doc : str
        The step's docstring (what the registry shows).
    """
    n = len(members)
    rule_module, rule_name = _rule_source(rule)
    state0 = 2 * n if scored else n
    n_declared = len(member_params(members))
    imports, calls = [], []
    for k, (_, spec) in enumerate(members):
        imports.append(f"from {spec.module} import {spec.py_function.__name__} as _m{k}")
        s1 = state0 + len(spec.state)
        p0 = n_declared + 2 * k
        calls.append(_PROPOSAL_CALL.format(k=k, s0=state0, s1=s1, p0=p0, p1=p0 + 1))
        state0 = s1
    text = _PROPOSAL_TEMPLATE.format(
        name=name,
        rule_module=rule_module,
        rule_name=rule_name,
        imports="\n".join(imports),
        doc=doc,
        n=n,
        score_update=_SCORE_UPDATE if scored else "",
        calls="".join(calls),
    )
    step = load_generated("metas", text).step
    state = [0.0] * (2 * n if scored else n)
    for _, spec in members:
        state += list(spec.state)
    return Composite(step=step, params=member_params(members), state=tuple(state), table=lambda: member_table(members))


_HISTORY_TEMPLATE = '''\
# GENERATED by cooptourney.composite: {name!r}; do not edit.
import numpy as np
from numba import carray

from cooptourney.core.entry import CTX_LENGTHS, CTX_MY, CTX_OPP, CTX_PARAMS, CTX_RNG, CTX_SIZE, call_entry, fill_context
from cooptourney.core.numba_abi import address, symbol_table
from cooptourney.strategy_api import INFO_MY_COOPS, INFO_MY_SCORE, INFO_OPP_COOPS, INFO_OPP_SCORE, INFO_SIZE, payoff
from {rule_module} import {rule_name} as _rule

N = {n}
SYMBOL = {symbol!r}
# state layout: proposals [0, N), scores [N, 2N), the members' states, their infos, their
# context blocks, then the per-turn slots: each member's own history, N bytes a turn
STATE_START = np.array({state_start})
STATE_END = np.array({state_end})
INFO0 = {info0}
CTX0 = {ctx0}
HEAD = {head}
P0 = {p0}  # where the members' parameter bounds start in params


def step(my, opp, t, state, params, info, rng):
    """{doc}"""
    turns = ((state.shape[0] - HEAD) * 8) // N  # bytes of history per member
    histories = state[HEAD:].view(np.int8)
    blocks = state[CTX0:CTX0 + N * CTX_SIZE].view(np.int64)
    # The context blocks point at arrays that stay put for the whole match (the members'
    # histories, states and infos inside this state, the partner's history, params and
    # rng): they are filled on the first turn, and again only if one of those arrays is
    # not where the first block points (a state started afresh, or a caller that passes
    # the partner's history as a view of another length each turn). A member's error
    # and fault slots are then counted over the match, as the kernels' own are; nothing
    # reads them (the meta player's calls are counted by its caller).
    if (
        t == 0
        or blocks[CTX_MY] != address(histories)
        or blocks[CTX_OPP] != address(opp)
        or blocks[CTX_LENGTHS + CTX_OPP] != opp.shape[0]
        or blocks[CTX_RNG] != address(rng)
        or blocks[CTX_LENGTHS + CTX_RNG] != rng.shape[0]
        or blocks[CTX_PARAMS] != address(params) + 8 * int(params[P0])
    ):
        entries = carray(symbol_table(SYMBOL), N)
        for k in range(N):
            fill_context(blocks[k * CTX_SIZE:(k + 1) * CTX_SIZE], entries[k], histories[k * turns:(k + 1) * turns],
                         opp, state[STATE_START[k]:STATE_END[k]],
                         params[int(params[P0 + 2 * k]):int(params[P0 + 2 * k + 1])],
                         state[INFO0 + k * INFO_SIZE:INFO0 + (k + 1) * INFO_SIZE], rng)
    infos = state[INFO0:INFO0 + N * INFO_SIZE]
    if t == 0:
        for k in range(N):
            for q in range(INFO_MY_SCORE):  # payoffs, length, noise: as the meta player sees them
                infos[k * INFO_SIZE + q] = info[q]
    else:
        theirs = opp[t - 1]
        for k in range(N):
            mine = histories[k * turns + t - 1]  # the member's last proposal, state[k]
            gained = payoff(info, mine, theirs)
            state[N + k] += gained  # its score, for the rule
            i = k * INFO_SIZE
            infos[i + INFO_MY_SCORE] += gained
            infos[i + INFO_OPP_SCORE] += payoff(info, theirs, mine)
            infos[i + INFO_MY_COOPS] += 1 - mine
            infos[i + INFO_OPP_COOPS] += 1 - theirs
    ctx = address(blocks)
    for k in range(N):
        move = call_entry(ctx + 8 * CTX_SIZE * k, t)
        histories[k * turns + t] = move
        state[k] = move
    return _rule(state, N, opp, t, info, rng)
'''


def history_team(name: str, members: Sequence[StrategySpec], rule, doc: str) -> Composite:
    """A meta player whose members get their whole own history, info, state and parameters.

    Each member is called through its kernel entry, by address: the step is one loop,
    the same for a team of 6 or of 149, and each member compiles once, as for any
    tournament. The entries' addresses differ from process to process, so they are not
    compiled in: the team has a table registered with LLVM under a name
    (:func:`cooptourney.core.numba_abi.register_symbol_table`), filled with the
    addresses by the registration's ``prepare`` before the step is first compiled or
    called; the compiled code, cached or not, reads it through the name. Members'
    scores are always kept. Each member's context block is filled on the match's first
    turn and again only when an array it points at has moved, so a turn costs each
    member its call and four running sums.

    Parameters
    ----------
    name : str
        The meta player's name (the table's symbol hashes it and the members' names).
    members : sequence of StrategySpec
        The team, in order.
    rule : numba dispatcher
        ``rule(state, n, opp, t, info, rng) -> move``, a module-level name.
    doc : str
        The step's docstring.
    """
    team = [(spec.name, spec) for spec in members]
    n = len(team)
    rule_module, rule_name = _rule_source(rule)
    state0 = 2 * n
    starts, ends, member_state = [], [], []
    for spec in members:
        starts.append(state0 + len(member_state))
        member_state += list(spec.state)
        ends.append(state0 + len(member_state))
    info0 = state0 + len(member_state)
    ctx0 = info0 + n * INFO_SIZE
    head = ctx0 + n * CTX_SIZE
    h = hashlib.blake2b(name.encode(), digest_size=8)
    for spec in members:
        h.update(spec.name.encode())
    symbol = f"cooptourney_team_{h.hexdigest()}"
    text = _HISTORY_TEMPLATE.format(
        name=name,
        rule_module=rule_module,
        rule_name=rule_name,
        n=n,
        symbol=symbol,
        state_start=starts,
        state_end=ends,
        info0=info0,
        ctx0=ctx0,
        head=head,
        doc=doc,
        p0=len(member_params(team)),
    )
    table = register_symbol_table(symbol, n)
    step = load_generated("teams", text).step

    def prepare():
        from cooptourney.core.dispatch import entry_address

        for k, spec in enumerate(members):
            table[k] = entry_address(spec)

    return Composite(
        step=step,
        params=member_params(team),
        # proposals and scores zero, each member from its own declared initial state
        state=(0.0,) * state0 + tuple(member_state) + (0.0,) * (head - info0),
        table=lambda: member_table(team),
        turn_state=math.ceil(n / 8),
        prepare=prepare,
    )


# --- the Joss-Ann transform ---------------------------------------------------------------------

#: The parameters a Joss-Ann transform puts before those of the strategy it transforms.
JOSS_ANN_PARAMS = {
    "x": Param(float, 0.0, 0.0, 1.0, "probability of cooperating regardless of the probe"),
    "y": Param(float, 0.0, 0.0, 1.0, "probability of defecting regardless of the probe"),
    "dual": Param(bool, False, 0.0, 1.0, "play the dual: flip every move, the probe sees its own moves flipped"),
}


@njit(cache=True, inline="always")
def joss_ann_move(rng, x, y, proposed):
    """C with probability x, D with probability y, else ``proposed`` (axelrod's ``joss_ann_wrapper``).

    When x + y > 1 the two are rescaled to sum to 1; no random number is drawn when
    x = y = 0, x = 1 or y = 1.
    """
    total = x + y
    if total > 1.0:
        x = x / total
        y = y / total
    if x >= 1.0:
        return C
    if y >= 1.0:
        return D
    if x <= 0.0 and y <= 0.0:
        return proposed
    u = rand(rng)
    if u < x:
        return C
    if u < x + y:
        return D
    return proposed


@njit(cache=True)
def dual_history(my, t):
    """int8[len(my)]: the first ``t`` own moves flipped (what the dual's probe reads)."""
    out = np.zeros(my.shape[0], dtype=np.int8)
    for k in range(t):
        out[k] = 1 - my[k]
    return out


@njit(cache=True)
def dual_info(info, t):
    """A copy of ``info`` with the own cooperation count flipped (C and D swap roles)."""
    out = info.copy()
    out[INFO_MY_COOPS] = t - info[INFO_MY_COOPS]
    return out


_JOSS_ANN_TEMPLATE = '''\
# GENERATED by cooptourney.composite: the Joss-Ann probe of {name!r}; do not edit.
# Probe source: {module}.{attr} (source hash {source_hash}).
import sys

from cooptourney.composite import dual_history, dual_info, joss_ann_move

_probe = getattr(sys.modules[{module!r}], {attr!r})


def step(my, opp, t, state, params, info, rng):
    """Joss-Ann {name}: C with probability x, D with probability y, else {name}; dual flips.

    other: a fingerprint probe, a randomised distortion of another strategy.
    """
    # params[{n}::1] is a strided ("A") view: the probe is compiled here for a signature of
    # its own, so this call never creates the overload the engine compiles for the step
    # signature (that one must return int8; inferred here it could be int64).
    probe_params = params[{n}::1]
    if params[2] > 0.5:
        proposed = _probe(dual_history(my, t), opp, t, state, probe_params, dual_info(info, t), rng)
        return 1 - joss_ann_move(rng, params[0], params[1], proposed)
    proposed = _probe(my, opp, t, state, probe_params, info, rng)
    return joss_ann_move(rng, params[0], params[1], proposed)
'''


def joss_ann_step(probe: StrategySpec) -> Composite:
    """The Joss-Ann transform of ``probe``: parameters x, y, dual (:data:`JOSS_ANN_PARAMS`),
    then the probe's own; the probe's state.

    The probe is consulted every turn (its state evolves as if it had played), then the
    Joss-Ann draw may override its move. The dual flips the probe's own history before
    it decides, the ``info`` cooperation count it sees, and the move it returns (the
    override included), as axelrod's ``DualTransformer``.

    Raises
    ------
    ValueError
        When the probe's step function is not reachable as a module-level name or one of
        its parameters is called x, y or dual.
    """
    clash = sorted(set(probe.params) & set(JOSS_ANN_PARAMS))
    if clash:
        raise ValueError(f"its parameter {clash[0]!r} clashes with the probe's own ({', '.join(JOSS_ANN_PARAMS)})")
    attr = probe.py_function.__name__
    module = sys.modules.get(probe.module)
    if module is None or getattr(module, attr, None) is not probe.function:
        raise ValueError(f"its step function is not the module-level name {probe.module}.{attr}")
    text = _JOSS_ANN_TEMPLATE.format(
        name=probe.name, module=probe.module, attr=attr, source_hash=probe.source_hash, n=len(JOSS_ANN_PARAMS)
    )
    step = load_generated("probes", text, depends_on=[probe.module]).step
    return Composite(step=step, params={**JOSS_ANN_PARAMS, **probe.params}, state=probe.state)


# --- states: a politician and a bureaucrat at one wheel ---------------------------------------

#: The parameters a state puts before those of its two actors' strategies.
STATE_PARAMS = {
    "salience": Param(float, 0.5, 0.0, 1.0, "issue salience: the politician drives with probability driver(s, b)"),
    "pressure": Param(float, 0.0, -1.0, 1.0, "private actors' push from the back seat, added to the salience"),
    "k": Param(float, 0.3, -1.0, 1.0, "the politician's relative weight: it reads U = pi - k pi_partner"),
    "term": Param(int, 50, 0, 2**31 - 1, "turns between the politician's elections (0: none)"),
    "reelection": Param(float, 0.5, 0.0, 1.0, "probability the politician is re-elected at an election"),
    "memory": Param(float, 0.0, 0.0, 1.0, "probability a new politician keeps its predecessor's record"),
}
#: Slots of a state's own state vector before its actors' states: the turn the sitting
#: politician took office, who made the last move (1 politician, 0 bureaucrat: the
#: recorded trace) and how many elections the politicians lost.
STATE_SINCE, STATE_DRIVER, STATE_LOST, STATE_HEAD = 0, 1, 2, 3

_STATE_TEMPLATE = '''\
# GENERATED by cooptourney.composite: the state {name!r}; do not edit.
from cooptourney.strategy_api import INFO_MY_COOPS, INFO_MY_SCORE, INFO_OPP_COOPS, INFO_OPP_SCORE, INFO_SIZE, payoff, rand
from {driver_module} import {driver_name} as _driver
from {pol_module} import {pol_attr} as _politician
from {bur_module} import {bur_attr} as _bureaucrat

# state: since, driver, lost | politician's state | bureaucrat's state | the politician's
# initial state (a successor starts from it) | the politician's own info
P0, P1 = {p0}, {p1}
B0, B1 = {b0}, {b1}
I0 = {i0}
INFO0 = {info0}
# where each actor's parameters start and end in params
PB = {pb}


def step(my, opp, t, state, params, info, rng):
    """{doc}"""
    k = params[2]
    term = int(params[3])
    reelection = params[4]
    pinfo = state[INFO0:INFO0 + INFO_SIZE]
    if t == 0:
        # the politician reads the game in its perceived payoffs, U = pi - k pi_partner
        pinfo[0] = (1.0 - k) * info[0]
        pinfo[1] = info[1] - k * info[2]
        pinfo[2] = info[2] - k * info[1]
        pinfo[3] = (1.0 - k) * info[3]
        for q in range(4, INFO_MY_SCORE):  # the length and the noise, as the state sees them
            pinfo[q] = info[q]
    else:
        mine = my[t - 1]
        theirs = opp[t - 1]
        pinfo[INFO_MY_SCORE] += payoff(pinfo, mine, theirs)
        pinfo[INFO_OPP_SCORE] += payoff(pinfo, theirs, mine)
        pinfo[INFO_MY_COOPS] += 1 - mine
        pinfo[INFO_OPP_COOPS] += 1 - theirs
        # 1. the election (turns term, 2 term, ...): a successor keeps its predecessor's
        # record with probability memory, else starts afresh; the bureaucrat keeps everything
        if term > 0 and t % term == 0 and reelection < 1.0 and rand(rng) >= reelection:
            state[{lost}] += 1.0
            memory = params[5]
            if memory <= 0.0 or (memory < 1.0 and rand(rng) >= memory):
                state[{since}] = t
                for q in range(P1 - P0):
                    state[P0 + q] = state[I0 + q]
                for q in range(INFO_MY_SCORE, INFO_SIZE):
                    pinfo[q] = 0.0
    # 2. who drives: no draw when one of them always does
    p = _driver(params[0], params[1])
    politician_drives = p >= 1.0 or (p > 0.0 and rand(rng) < p)
    # 3. both actors read the state's history (the politician only since it took office)
    # and both move, so each keeps its own state current whoever holds the wheel
    s = int(state[{since}])
    proposed = _politician(my[s:], opp[s:], t - s, state[P0:P1], params[int(params[PB]):int(params[PB + 1]):1], pinfo, rng)
    advised = _bureaucrat(my, opp, t, state[B0:B1], params[int(params[PB + 2]):int(params[PB + 3]):1], info, rng)
    if politician_drives:
        state[{driver}] = 1.0
        return proposed
    state[{driver}] = 0.0
    return advised
'''


def state_step(politician: StrategySpec, bureaucrat: StrategySpec, driver, doc: str) -> Composite:
    """A state whose moves its politician or its bureaucrat makes, one turn at a time.

    Each turn, in order: an election (at turns ``term``, ``2 term``, ...; the politician
    loses it with probability ``1 - reelection``, and a successor keeps the predecessor's
    record with probability ``memory``, else starts the politician's strategy afresh,
    reading the history only from that turn on); the draw of the
    driver, the politician with probability ``driver(salience, pressure)``; both
    strategies move, the politician reading its perceived payoffs ``U = pi - k
    pi_partner``, the bureaucrat the state's payoffs; the driver's move is played. Draws
    come from the state's stream in that order (none when the outcome is certain).

    Parameters: :data:`STATE_PARAMS`, then each actor's declared parameters (those with
    a game-derived default, named ``"politician_<name>"`` and ``"bureaucrat_<name>"``),
    then the table (:func:`member_table`, its bounds shifted past the state's own).
    State: :data:`STATE_HEAD` slots (``STATE_DRIVER`` records who drove), the
    politician's, the bureaucrat's, a copy of the politician's initial state and the
    politician's ``info``.

    Parameters
    ----------
    politician, bureaucrat : StrategySpec
        Registered pairwise strategies whose steps are module-level names.
    driver : numba dispatcher
        ``driver(salience, pressure) -> probability``, a module-level name.
    doc : str
        The step's docstring (what the registry shows).

    Raises
    ------
    ValueError
        When a step is not reachable as a module-level name, or a strategy is a group
        strategy or has a table of its own and declared parameters.
    """
    driver_module, driver_name = _rule_source(driver)
    members = [("politician", politician), ("bureaucrat", bureaucrat)]
    for role, spec in members:
        if spec.group:
            raise ValueError(f"the {role} {spec.name!r} is a group strategy; a state plays pairwise")
        module = sys.modules.get(spec.module)
        if module is None or getattr(module, spec.py_function.__name__, None) is not spec.function:
            raise ValueError(
                f"the {role}'s step is not the module-level name {spec.module}.{spec.py_function.__name__}"
            )
    declared = member_params(members)
    offset = len(STATE_PARAMS)
    p0 = STATE_HEAD
    p1 = p0 + len(politician.state)
    b1 = p1 + len(bureaucrat.state)
    i0 = b1
    info0 = i0 + len(politician.state)
    text = _STATE_TEMPLATE.format(
        name=f"{politician.name} / {bureaucrat.name}",
        driver_module=driver_module,
        driver_name=driver_name,
        pol_module=politician.module,
        pol_attr=politician.py_function.__name__,
        bur_module=bureaucrat.module,
        bur_attr=bureaucrat.py_function.__name__,
        p0=p0,
        p1=p1,
        b0=p1,
        b1=b1,
        i0=i0,
        info0=info0,
        pb=offset + len(declared),
        doc=doc,
        since=STATE_SINCE,
        driver=STATE_DRIVER,
        lost=STATE_LOST,
    )
    step = load_generated("states", text).step

    def table():
        raw = member_table(members)
        return [b + offset for b in raw[:4]] + raw[4:]

    state = (0.0,) * STATE_HEAD + tuple(politician.state) + tuple(bureaucrat.state) + tuple(politician.state)
    state += (0.0,) * INFO_SIZE
    return Composite(step=step, params={**STATE_PARAMS, **declared}, state=state, table=table)
