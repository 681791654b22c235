"""Hidden Markov model players: stochastic finite state machines.

Source: Harper, M., Knight, V., Jones, M., Koutsovoulos, G., Glynatsis, N. E. and
Campbell, O. (2017). "Reinforcement learning produces dominant strategies for the
iterated prisoner's dilemma". PLoS ONE 12(12), e0188046.

The player is in one of n hidden states. After its opening move, each turn it first
moves to a new state drawn from the row of its current state in one of two
transition matrices (the one for the partner's last move, C or D), then cooperates
with the new state's emission probability. The rules follow the Python library
``axelrod`` 4.13.1 (``axelrod/strategies/hmm.py``); the matrices are in
``data/hmm.json``, written from the installed ``axelrod`` by
``data/generate_tables.py``. Every player is one decorated function over the shared
interpreter :func:`hmm_move`.

Random draws, as in axelrod: a transition row that contains a 1 is followed without
a draw; otherwise one uniform draw u picks the first state whose cumulative
probability exceeds u (times the row's sum); an emission probability of exactly 0
or 1 draws nothing. The streams differ from axelrod's NumPy ones, so the players
agree in distribution, not draw by draw (``oracle="statistics"``).

Turn counting: ``t`` is the number of moves already played (axelrod's
``len(self.history)``); the partner's last move is ``opp[t - 1]``, as actually
played (after noise). The hidden state is kept in ``state[0]`` (traced as "state").

axelrod's base ``HMM Player`` is not in ``axelrod.all_strategies`` and has no
counterpart here: matrices of free size are not scalar parameters.
"""

import functools

from numba import njit

from cooptourney.strategies.fsm import trained_tables
from cooptourney.strategy_api import rand, random_choice, strategy

_MOVE = {"C": 0.0, "D": 1.0}


def hmm_table(name):
    """One model as the flat table :func:`hmm_move` reads.

    Layout: n, initial state, opening move, the n x n matrix after a partner's C
    (row-major, row = current state), the one after a D, the n emission
    probabilities (of playing C).
    """
    model = trained_tables("hmm.json")[name]
    emissions = model["emission_probabilities"]
    n = len(emissions)
    table = [float(n), float(model["initial_state"]), _MOVE[model["initial_action"]]]
    for key in ("transitions_C", "transitions_D"):
        matrix = model[key]
        if len(matrix) != n or any(len(row) != n or abs(sum(row) - 1.0) > 1e-8 for row in matrix):
            raise ValueError(f"{name}: {key} is not a stochastic {n} x {n} matrix")
        table += [float(x) for row in matrix for x in row]
    return table + [float(p) for p in emissions]


# inlined into each step: a call would pass every array as numba's seven-field struct
@njit(cache=True, inline="always")
def hmm_move(opp, t, state, params, k, rng):
    """The move of the model whose table starts at ``params[k]``; updates ``state[0]``."""
    n = int(params[k])
    if t == 0:
        state[0] = params[k + 1]
        return int(params[k + 2])
    row = k + 3 + n * n * opp[t - 1] + n * int(state[0])
    nxt = -1
    for j in range(n):
        if params[row + j] == 1.0:  # a certain transition: no draw
            nxt = j
            break
    if nxt < 0:
        total = 0.0
        for j in range(n):
            total += params[row + j]
        u = rand(rng) * total
        acc = 0.0
        nxt = n - 1
        for j in range(n):
            acc += params[row + j]
            if u < acc:
                nxt = j
                break
    state[0] = nxt
    return random_choice(rng, params[k + 3 + 2 * n * n + nxt])


@strategy(
    "Evolved HMM 5",
    reciprocity="specific",
    stochastic=True,
    state=(-1.0,),
    trace=(0, "state"),
    table=functools.partial(hmm_table, "Evolved HMM 5"),
    oracle="statistics",
)
def evolved_hmm_5(my, opp, t, state, params, info, rng):
    """A five-state hidden Markov model evolved to score well against axelrod's strategies; matrices in data/hmm.json. (Marc Harper, in Harper et al. 2017, PLoS ONE; as in axelrod 4.13.1)

    specific: never defects first against a cooperator and mostly meets defection with defection.

    Opens with C in state 3. States 0 and 3 cooperate, 1 and 2 defect, 4 cooperates
    with probability 0.111. axelrod classifies it as memory 5; its hidden state can
    carry any old move forward (state 0 keeps itself after every C), so here it is
    unbounded.
    """
    return hmm_move(opp, t, state, params, 0, rng)
