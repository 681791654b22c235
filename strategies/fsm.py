"""Finite state machines: Ashlock's published machines and the evolved ones of axelrod.

Sources: the machines of Ashlock and co-authors (Ashlock, Kim & Leahy 2006, IEEE SMC-C
36(4); Ashlock & Ashlock 2006, CEC; Ashlock & Kim 2008, IEEE TEC 12(5); Ashlock, Kim &
Ashlock 2009, IEEE TCIAIG 1(2); Ashlock, Tsang & Ashlock 2014, FOCI; Ashlock, Brown &
Hingston 2015, IEEE TCIAIG 7(1)), and the machines evolved for Harper, M., Knight, V.,
Jones, M., Koutsovoulos, G., Glynatsis, N. E. and Campbell, O. (2017). "Reinforcement
learning produces dominant strategies for the iterated prisoner's dilemma". PLoS ONE
12(12), e0188046, and Knight et al. (2018), PLoS ONE 13(10).

A machine reads only the partner's last move. It opens with a fixed move; on every
later turn, from its current state s and the partner's last move, it takes the pair
(next state, move) from its transition table. The rules follow the Python library
``axelrod`` 4.13.1 (``axelrod/strategies/finite_state_machines.py``) move for move;
the tables are in ``data/fsm.json``, written from the installed ``axelrod`` by
``data/generate_tables.py`` (cooptourney never imports ``axelrod``). Every machine is
one decorated function over the shared interpreter :func:`fsm_move`.

Transitions are written ``s: C -> s'/m, D -> s''/m'``: in state s, after a partner's
C go to s' and play m, after a D go to s'' and play m'. States carry axelrod's labels,
and the current state is kept in ``state[0]`` (traced as "state").

Turn counting: ``t`` is the number of moves already played (axelrod's
``len(self.history)``); the partner's last move is ``opp[t - 1]``, as actually
played (after noise).

Memory depth: a machine's state depends on the partner's whole history, and once
noise has flipped its own moves its history no longer reveals the state, so every
machine here has unbounded memory. axelrod classifies Fortress3 and SolutionB1 as
memory 2 and Fortress4 and Ripoff as memory 3, which holds only without noise.

This module also holds :func:`trained_tables`, the reader of ``data/*.json`` that
the lookup, gambler, HMM and neural-network families share.
"""

import functools
import json
from importlib import resources

from numba import njit

from cooptourney.strategy_api import strategy

_MOVE = {"C": 0.0, "D": 1.0}


@functools.cache
def trained_tables(filename):
    """The ``"strategies"`` block of ``strategies/data/<filename>``, read once.

    Read through ``importlib.resources`` from the installed package, never from the
    working directory.
    """
    text = resources.files(__package__).joinpath("data", filename).read_text(encoding="utf-8")
    return json.loads(text)["strategies"]


def fsm_table(name):
    """One machine as the flat table :func:`fsm_move` reads.

    Layout: opening move, initial state, then for each state label s = 0 .. max
    (next state, move) after a partner's C followed by (next state, move) after a D.
    Labels axelrod skips get -1 entries; no transition reaches them.
    """
    machine = trained_tables("fsm.json")[name]
    rows = {(s, a): (s2, a2) for s, a, s2, a2 in machine["transitions"]}
    labels = {s for s, _ in rows}
    n = max(labels) + 1
    table = [_MOVE[machine["initial_action"]], float(machine["initial_state"])]
    for s in range(n):
        for a in "CD":
            if s in labels:
                s2, a2 = rows[(s, a)]
                if s2 not in labels:
                    raise ValueError(f"{name}: state {s} leads to state {s2}, which has no transitions")
                table += [float(s2), _MOVE[a2]]
            else:
                table += [-1.0, -1.0]
    if machine["initial_state"] not in labels:
        raise ValueError(f"{name}: initial state {machine['initial_state']} has no transitions")
    return table


def _table(name):
    return functools.partial(fsm_table, name)


# inlined into each step: a call would pass every array as numba's seven-field struct
@njit(cache=True, inline="always")
def fsm_move(opp, t, state, params, k):
    """The move of the machine whose table starts at ``params[k]``; updates ``state[0]``."""
    if t == 0:
        state[0] = params[k + 1]
        return int(params[k])
    row = k + 2 + 4 * int(state[0]) + 2 * opp[t - 1]
    state[0] = params[row]
    return int(params[row + 1])


# Every machine: no declared parameters, so its table starts at params[0]; state[0] is
# the current state, -1 until the first move.
_MACHINE = {"state": (-1.0,), "trace": (0, "state"), "oracle": "moves"}


# -- Ashlock's machines --------------------------------------------------------------------------


@strategy("Fortress3", reciprocity="other", table=_table("Fortress3"), **_MACHINE)
def fortress3(my, opp, t, state, params, info, rng):
    """Defects until the partner defects twice running, then cooperates for as long as the partner cooperates. (Ashlock & Ashlock 2006, CEC; as in axelrod 4.13.1)

    other: cooperation is kept for partners that answer with its D, D password (kin recognition); an unconditional cooperator is exploited for ever.

    Opens with D in state 1. Transitions: 1: C -> 1/D, D -> 2/D; 2: C -> 1/D,
    D -> 3/C; 3: C -> 3/C, D -> 1/D. axelrod notes that the description in Li,
    Hingston & Kendall (2011) is not correct and follows the 2006 paper.
    """
    return fsm_move(opp, t, state, params, 0)


@strategy("Fortress4", reciprocity="other", table=_table("Fortress4"), **_MACHINE)
def fortress4(my, opp, t, state, params, info, rng):
    """Defects until the partner defects three times running, then cooperates for as long as the partner cooperates. (Ashlock & Ashlock 2006, CEC; as in axelrod 4.13.1)

    other: cooperation is kept for partners that answer with its D, D, D password (kin recognition); an unconditional cooperator is exploited for ever.

    Opens with D in state 1. Transitions: 1: C -> 1/D, D -> 2/D; 2: C -> 1/D,
    D -> 3/D; 3: C -> 1/D, D -> 4/C; 4: C -> 4/C, D -> 1/D.
    """
    return fsm_move(opp, t, state, params, 0)


@strategy("Predator", reciprocity="negative", table=_table("Predator"), **_MACHINE)
def predator(my, opp, t, state, params, info, rng):
    """A nine-state machine that opens with C and then defects against almost everyone, cooperating only in short spells of its middle states. (Ashlock & Ashlock 2006, CEC; as in axelrod 4.13.1)

    negative: exploits cooperators and meets defection with defection.

    Opens with C in state 0. Transitions: 0: C -> 0/D, D -> 1/D; 1: C -> 2/D,
    D -> 3/D; 2: C -> 4/C, D -> 3/D; 3: C -> 5/D, D -> 4/C; 4: C -> 2/C, D -> 6/D;
    5: C -> 7/D, D -> 3/D; 6: C -> 7/C, D -> 7/D; 7: C -> 8/D, D -> 7/D;
    8: C -> 8/D, D -> 6/D.
    """
    return fsm_move(opp, t, state, params, 0)


@strategy("Pun1", reciprocity="diffuse", table=_table("Pun1"), **_MACHINE)
def pun1(my, opp, t, state, params, info, rng):
    """Opens with D; then cooperates on every second move and copies the partner's last move on the moves in between. (Ashlock, Kim & Leahy 2006, IEEE SMC-C 36(4); as in axelrod 4.13.1)

    diffuse: measured: lets 120 payoff units stand, answers after 2 turns, returns 0.43 of the harm, no echo (docs/reference/reciprocity.md).

    Opens with D in state 1. Transitions: 1: C -> 2/C, D -> 2/C; 2: C -> 1/C,
    D -> 1/D. So moves 2, 4, 6, ... are C and moves 3, 5, 7, ... repeat the
    partner's previous move.
    """
    return fsm_move(opp, t, state, params, 0)


@strategy("Raider", reciprocity="negative", table=_table("Raider"), **_MACHINE)
def raider(my, opp, t, state, params, info, rng):
    """Defects while the partner keeps cooperating; after two partner defections in a row during a raid it plays Tit For Tat for good. (Ashlock, Tsang & Ashlock 2014, FOCI; as in axelrod 4.13.1)

    negative: exploits a partner that does not hit back and turns reciprocal only once punished.

    Opens with D in state 0. Transitions: 0: C -> 2/D, D -> 2/D; 2: C -> 0/D,
    D -> 3/C; 3: C -> 0/D, D -> 1/C; 1: C -> 1/C, D -> 1/D (Tit For Tat). State 0
    ignores the partner's move, so the two defections must fall on the turns it
    reads (states 2 and 3).
    """
    return fsm_move(opp, t, state, params, 0)


@strategy("Ripoff", reciprocity="negative", table=_table("Ripoff"), **_MACHINE)
def ripoff(my, opp, t, state, params, info, rng):
    """Alternates D and C while the partner cooperates; the partner's first defection turns it into Tit For Tat for good. (Ashlock & Kim 2008, IEEE TEC 12(5); as in axelrod 4.13.1)

    negative: takes every second move from a partner that never hits back.

    Opens with D in state 1. Transitions: 1: C -> 2/C, D -> 3/C; 2: C -> 1/D,
    D -> 3/C; 3: C -> 3/C, D -> 3/D (Tit For Tat). The move that answers the first
    defection is C.
    """
    return fsm_move(opp, t, state, params, 0)


@strategy("UsuallyCooperates", reciprocity="diffuse", table=_table("UsuallyCooperates"), **_MACHINE)
def usually_cooperates(my, opp, t, state, params, info, rng):
    """Cooperates, except for one defection after a partner's D followed by C. (Ashlock, Kim & Ashlock 2009, IEEE TCIAIG 1(2); as in axelrod 4.13.1)

    diffuse: lets defections pass, answering some of them with a single late defection.

    Opens with C in state 1. Transitions: 1: C -> 1/C, D -> 2/C; 2: C -> 1/D,
    D -> 1/C. The pairs it reads do not overlap: after D, D it is back in state 1.
    """
    return fsm_move(opp, t, state, params, 0)


@strategy("UsuallyDefects", reciprocity="other", table=_table("UsuallyDefects"), **_MACHINE)
def usually_defects(my, opp, t, state, params, info, rng):
    """Defects, except for one cooperation after a partner's C followed by D. (Ashlock, Kim & Ashlock 2009, IEEE TCIAIG 1(2); as in axelrod 4.13.1)

    other: nearly always defects; its rare cooperation answers a C-then-D pattern, not like with like.

    Opens with D in state 1. Transitions: 1: C -> 2/D, D -> 1/D; 2: C -> 1/D,
    D -> 1/C.
    """
    return fsm_move(opp, t, state, params, 0)


@strategy("SolutionB1", reciprocity="diffuse", table=_table("SolutionB1"), **_MACHINE)
def solution_b1(my, opp, t, state, params, info, rng):
    """Defects until the partner first cooperates, answers that C with one more D, then cooperates for ever. (Ashlock, Brown & Hingston 2015, IEEE TCIAIG 7(1); as in axelrod 4.13.1)

    diffuse: one sign of good will buys unconditional cooperation for the rest of the match.

    Opens with D in state 1. Transitions: 1: C -> 2/D, D -> 1/D; 2: C -> 2/C,
    D -> 3/C; 3: C -> 3/C, D -> 3/C.
    """
    return fsm_move(opp, t, state, params, 0)


@strategy("SolutionB5", reciprocity="negative", table=_table("SolutionB5"), **_MACHINE)
def solution_b5(my, opp, t, state, params, info, rng):
    """A six-state machine that opens with D, cooperates with steady cooperators and answers retaliation with more defection. (Ashlock, Brown & Hingston 2015, IEEE TCIAIG 7(1); as in axelrod 4.13.1)

    negative: its opening defection, returned by a reciprocator, sets off lasting mutual defection.

    Opens with D in state 1. Transitions: 1: C -> 2/C, D -> 6/D; 2: C -> 2/C,
    D -> 3/D; 3: C -> 6/C, D -> 1/D; 4: C -> 3/C, D -> 6/D; 5: C -> 5/D, D -> 4/D;
    6: C -> 3/C, D -> 5/D.
    """
    return fsm_move(opp, t, state, params, 0)


@strategy("Thumper", reciprocity="specific", table=_table("Thumper"), **_MACHINE)
def thumper(my, opp, t, state, params, info, rng):
    """Tit For Tat that answers a defection with two defections, ignoring the partner's move in between. (Ashlock & Kim 2008, IEEE TEC 12(5); as in axelrod 4.13.1)

    specific: each offence costs a fixed two defections.

    Opens with C in state 1. Transitions: 1: C -> 1/C, D -> 2/D; 2: C -> 1/D,
    D -> 1/D.
    """
    return fsm_move(opp, t, state, params, 0)


# -- evolved machines (Harper et al. 2017, "Reinforcement learning produces dominant
# strategies for the Iterated Prisoner's Dilemma", PLoS ONE; trained with axelrod-dojo)


@strategy("Evolved FSM 4", reciprocity="diffuse", table=_table("Evolved FSM 4"), **_MACHINE)
def evolved_fsm_4(my, opp, t, state, params, info, rng):
    """A four-state machine evolved to score well against axelrod's strategies. (Marc Harper, in Harper et al. 2017, PLoS ONE; as in axelrod 4.13.1)

    diffuse: never defects first and keeps offering cooperation (two moves in three) even to an unconditional defector.

    Opens with C in state 0. Transitions: 0: C -> 0/C, D -> 2/D; 1: C -> 3/D,
    D -> 0/C; 2: C -> 2/D, D -> 1/C; 3: C -> 3/D, D -> 1/D.
    """
    return fsm_move(opp, t, state, params, 0)


@strategy("Evolved FSM 6", reciprocity="diffuse", table=_table("Evolved FSM 6"), **_MACHINE)
def evolved_fsm_6(my, opp, t, state, params, info, rng):
    """A six-state machine evolved over 500 generations against axelrod's short-run-time strategies. (Frederick Vincent & Dashiell Fryer, axelrod-dojo 0.0.8; as in axelrod 4.13.1)

    diffuse: never defects first and keeps offering cooperation to partners that alternate or defect.

    Opens with C in state 4. Transitions: 2: C -> 2/D, D -> 7/D; 3: C -> 6/D,
    D -> 4/C; 4: C -> 4/C, D -> 6/D; 5: C -> 2/D, D -> 7/D; 6: C -> 3/C, D -> 5/D;
    7: C -> 2/C, D -> 3/D. Trained with 10 states; only these 6 are reachable.
    """
    return fsm_move(opp, t, state, params, 0)


@strategy("Evolved FSM 16", reciprocity="diffuse", table=_table("Evolved FSM 16"), **_MACHINE)
def evolved_fsm_16(my, opp, t, state, params, info, rng):
    """A 16-state machine evolved to score well against axelrod's strategies; transitions in data/fsm.json. (Marc Harper, in Harper et al. 2017, PLoS ONE; as in axelrod 4.13.1)

    diffuse: never defects first and keeps offering cooperation (two moves in three) even to an unconditional defector.

    Opens with C in state 0; 14 labels are used (4 and 9 are not).
    """
    return fsm_move(opp, t, state, params, 0)


@strategy("Evolved FSM 16 Noise 05", reciprocity="diffuse", table=_table("Evolved FSM 16 Noise 05"), **_MACHINE)
def evolved_fsm_16_noise_05(my, opp, t, state, params, info, rng):
    """A 16-state machine evolved in noisy matches (noise 0.05); transitions in data/fsm.json. (Marc Harper, in Harper et al. 2017, PLoS ONE; as in axelrod 4.13.1)

    diffuse: measured: lets 50 payoff units stand, answers after 2 turns, returns 0.71 of the harm, no echo (docs/reference/reciprocity.md).

    Opens with C in state 0; 14 labels are used (7 and 9 are not).
    """
    return fsm_move(opp, t, state, params, 0)


# -- machines trained for Moran fixation (Knight et al. 2018, PLoS ONE 13(10))


@strategy("TF1", reciprocity="negative", table=_table("TF1"), **_MACHINE)
def tf1(my, opp, t, state, params, info, rng):
    """A 16-state machine trained to maximise its fixation probability in Moran processes; transitions in data/fsm.json. (Marc Harper, in Knight et al. 2018, PLoS ONE; as in axelrod 4.13.1)

    negative: defects against most partners, exploits an unconditional cooperator half the time, and cooperates mainly with copies of itself.

    Opens with C in state 0.
    """
    return fsm_move(opp, t, state, params, 0)


@strategy("TF2", reciprocity="negative", table=_table("TF2"), **_MACHINE)
def tf2(my, opp, t, state, params, info, rng):
    """A 16-state machine trained to maximise its fixation probability in Moran processes; transitions in data/fsm.json. (Marc Harper, in Knight et al. 2018, PLoS ONE; as in axelrod 4.13.1)

    negative: defects against most partners, exploits an unconditional cooperator, and cooperates mainly with copies of itself.

    Opens with C in state 0; 14 labels are used (5 and 6 are not).
    """
    return fsm_move(opp, t, state, params, 0)


@strategy("TF3", reciprocity="specific", table=_table("TF3"), **_MACHINE)
def tf3(my, opp, t, state, params, info, rng):
    """An eight-state machine trained to maximise its fixation probability in Moran processes. (Marc Harper, in Knight et al. 2018, PLoS ONE; as in axelrod 4.13.1)

    specific: cooperates with cooperators and, after a couple of defections, settles into defection like a grudger.

    Opens with C in state 0. Transitions: 0: C -> 0/C, D -> 3/C; 1: C -> 5/D,
    D -> 0/C; 2: C -> 3/C, D -> 2/D; 3: C -> 4/D, D -> 6/D; 4: C -> 3/C, D -> 1/D;
    5: C -> 6/C, D -> 3/D; 6: C -> 6/D, D -> 6/D; 7: C -> 7/D, D -> 5/C.
    """
    return fsm_move(opp, t, state, params, 0)
