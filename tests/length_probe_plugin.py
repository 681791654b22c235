"""A test-only strategy plugin (loaded with ``load_plugin`` by tests/test_engine.py).

"Length Probe" reports what it is told about the match length: it cooperates on a turn
iff ``info[INFO_LENGTH]`` equals its parameter ``expect``. Hidden, so it never shows up
in listings; the tests remove it from the registry again afterwards.
"""

from cooptourney.strategy_api import (
    INFO_LENGTH,
    INFO_MY_COOPS,
    INFO_MY_SCORE,
    INFO_OPP_COOPS,
    INFO_OPP_SCORE,
    C,
    D,
    Param,
    payoff,
    strategy,
)


@strategy(
    "Length Probe",
    reciprocity="other",
    memory_depth=0,
    uses_length=True,
    hidden=True,
    params={"expect": Param(float, -1.0, doc="the length it expects to be told")},
)
def length_probe(my, opp, t, state, params, info, rng):
    """Cooperates iff the engine tells it the expected match length (a test probe).

    other: a measuring instrument, not a rule of exchange.
    """
    if info[INFO_LENGTH] == params[0]:
        return C
    return D


@strategy(
    "Turn Memory Probe",
    reciprocity="other",
    memory_depth=0,
    hidden=True,
    state=(7.0,),
    turn_state=2,
)
def turn_memory_probe(my, opp, t, state, params, info, rng):
    """Cooperates iff its per-turn state slots are as the engine promises (a test probe).

    other: a measuring instrument, not a rule of exchange.

    ``state`` must be its declared slot (7.0) and then 2 slots per turn of the match,
    zero until written; every turn it writes (t + 1, partner's last move + 1) into its
    slots for turn t and checks that everything it wrote before is still there.
    """
    ok = state[0] == 7.0 and (state.shape[0] - 1) % 2 == 0 and (state.shape[0] - 1) // 2 >= t + 1
    if ok:
        for s in range(t):
            if state[1 + 2 * s] != s + 1 or state[2 + 2 * s] != (opp[s - 1] + 1.0 if s > 0 else 0.0):
                ok = False
        for q in range(1 + 2 * t, state.shape[0]):
            if state[q] != 0.0:
                ok = False
        state[1 + 2 * t] = t + 1
        state[2 + 2 * t] = opp[t - 1] + 1.0 if t > 0 else 0.0
    return C if ok else D


@strategy(
    "Raising Probe",
    reciprocity="other",
    memory_depth=0,
    hidden=True,
    params={"at": Param(float, 3.0, doc="the turn on which it raises")},
)
def raising_probe(my, opp, t, state, params, info, rng):
    """Defects, except that on turn ``at`` its step raises an exception (a test probe).

    other: a measuring instrument, not a rule of exchange.
    """
    if t == params[0]:
        raise ValueError("the probe raises")
    return D


@strategy(
    "Info Probe",
    reciprocity="other",
    memory_depth=1,
    hidden=True,
)
def info_probe(my, opp, t, state, params, info, rng):
    """Cooperates iff the running sums in ``info`` are what the history says (a test probe).

    other: a measuring instrument, not a rule of exchange.

    Checks its own and its partner's cooperations so far, and the running scores
    recomputed from the moves with the payoffs it is told.
    """
    mine = 0.0
    theirs = 0.0
    my_coops = 0.0
    opp_coops = 0.0
    for s in range(t):
        mine += payoff(info, my[s], opp[s])
        theirs += payoff(info, opp[s], my[s])
        my_coops += 1 - my[s]
        opp_coops += 1 - opp[s]
    ok = (
        info[INFO_MY_SCORE] == mine
        and info[INFO_OPP_SCORE] == theirs
        and info[INFO_MY_COOPS] == my_coops
        and info[INFO_OPP_COOPS] == opp_coops
    )
    return C if ok else D
