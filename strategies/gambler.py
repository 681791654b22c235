"""Gamblers: lookup tables whose entries are probabilities of cooperating.

Sources: Harper, M., Knight, V., Jones, M., Koutsovoulos, G., Glynatsis, N. E. and
Campbell, O. (2017). "Reinforcement learning produces dominant strategies for the
iterated prisoner's dilemma". PLoS ONE 12(12), e0188046; Li (2014), "Strategies in the
Stochastic Iterated Prisoner's Dilemma", UChicago REU (ZD-Mem2).

A Gambler is a LookerUp (``lookerup.py``) whose table holds, for each key of own
last moves, partner's last moves and partner's first moves, the probability of
playing C; it cooperates on its opening moves. The rules follow the Python library
``axelrod`` 4.13.1 (``axelrod/strategies/gambler.py``); the tables, trained with a
particle swarm (Koutsovoulos, Harper), are in ``data/gambler.json``, written from the
installed ``axelrod`` by ``data/generate_tables.py``. Every gambler is one decorated
function over the lookup interpreter :func:`~cooptourney.strategies.lookerup.lookup_position`
(through :func:`~cooptourney.strategies.lookerup.lookup_entry`, with the table's depths as constants).

An entry of exactly 0 or 1 draws nothing (as in axelrod), so the PSO gamblers,
whose tables are mostly 0s and 1s, use few draws. They agree with axelrod in
distribution, not draw by draw (``oracle="statistics"``).

Turn counting and table order: as in ``lookerup.py``; keys are the moves actually
played (after noise).
"""

import functools

from cooptourney.strategies.lookerup import lookup_entry, lookup_table
from cooptourney.strategy_api import random_choice, strategy


def _table(name, depths):
    return functools.partial(lookup_table, "gambler.json", name, probabilities=True, depths=depths)


# No declared parameters: every table starts at params[0]. Its entries, the opening
# moves included, are probabilities of C (an opening C is 1: no draw).


@strategy(
    "PSO Gambler Mem1",
    reciprocity="diffuse",
    memory_depth=1,
    stochastic=True,
    table=_table("PSO Gambler Mem1", (1, 1, 0)),
    oracle="statistics",
)
def pso_gambler_mem1(my, opp, t, state, params, info, rng):
    """A memory-one Gambler trained by particle swarm against axelrod's short-run-time strategies. (Marc Harper, in Harper et al. 2017, PLoS ONE; as in axelrod 4.13.1)

    diffuse: forgives a partner's defection after its own cooperation about half the time.

    Opens with C. Then P(C) keyed (own last, partner's last): CC 1, CD 0.52173487,
    DC 0, DD 0.12050939.
    """
    return random_choice(rng, lookup_entry(my, opp, t, params, 1, 1, 0))


@strategy(
    "PSO Gambler 1_1_1",
    reciprocity="diffuse",
    stochastic=True,
    table=_table("PSO Gambler 1_1_1", (1, 1, 1)),
    oracle="statistics",
)
def pso_gambler_1_1_1(my, opp, t, state, params, info, rng):
    """A Gambler on its own last move, the partner's last move and the partner's first move, trained by particle swarm. (Marc Harper, in Harper et al. 2017, PLoS ONE; as in axelrod 4.13.1)

    diffuse: never defects first against a cooperator and keeps cooperating now and then with a partner that defects.

    Opens with C. Then P(C) keyed (own last, partner's last, partner's first): CCC 1,
    CCD 1, CDC 0.12304797, CDD 0.57740178, DCC 0, DCD 0, DDC 0.13581423,
    DDD 0.11886807.
    """
    return random_choice(rng, lookup_entry(my, opp, t, params, 1, 1, 1))


@strategy(
    "PSO Gambler 2_2_2",
    reciprocity="specific",
    stochastic=True,
    table=_table("PSO Gambler 2_2_2", (2, 2, 2)),
    oracle="statistics",
)
def pso_gambler_2_2_2(my, opp, t, state, params, info, rng):
    """A Gambler on its own last two moves, the partner's last two and the partner's first two, trained by particle swarm; table in data/gambler.json. (Georgios Koutsovoulos and Marc Harper, in Harper et al. 2017, PLoS ONE; as in axelrod 4.13.1)

    specific: never defects first against a cooperator and meets persistent defection with defection.

    Opens with C, C; the 64 probabilities are in the order of ``lookerup.py``.
    """
    return random_choice(rng, lookup_entry(my, opp, t, params, 2, 2, 2))


@strategy(
    "PSO Gambler 2_2_2 Noise 05",
    reciprocity="specific",
    stochastic=True,
    table=_table("PSO Gambler 2_2_2 Noise 05", (2, 2, 2)),
    oracle="statistics",
)
def pso_gambler_2_2_2_noise_05(my, opp, t, state, params, info, rng):
    """A 2, 2, 2 Gambler trained by particle swarm in noisy matches (noise 0.05); table in data/gambler.json. (Marc Harper, in Harper et al. 2017, PLoS ONE; as in axelrod 4.13.1)

    specific: never defects first against a cooperator and meets persistent defection with defection.

    Opens with C, C; the 64 probabilities are in the order of ``lookerup.py``.
    """
    return random_choice(rng, lookup_entry(my, opp, t, params, 2, 2, 2))


@strategy(
    "ZD-Mem2",
    reciprocity="negative",
    memory_depth=2,
    stochastic=True,
    table=_table("ZD-Mem2", (2, 2, 0)),
    oracle="statistics",
)
def zd_mem2(my, opp, t, state, params, info, rng):
    """A memory-two generalisation of a zero-determinant strategy: P(C) depends on both players' last two moves. (Li 2014, "Strategies in the Stochastic Iterated Prisoner's Dilemma", UChicago REU; as in axelrod 4.13.1)

    negative: defects now and then even against steady cooperation, so it takes a little more than an unconditional or generous cooperator gets.

    Opens with C, C. Then P(C) keyed (own last two, partner's last two), C before D:
    11/12, 4/11, 7/9, 1/10, 5/6, 3/11, 7/9, 1/10, 2/3, 1/11, 7/9, 1/10, 3/4, 2/11,
    7/9, 1/10.
    """
    return random_choice(rng, lookup_entry(my, opp, t, params, 2, 2, 0))
