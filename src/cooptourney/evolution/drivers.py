"""Who drives decides the reciprocity selected: states of a politician and a bureaucrat.

A **state** (:func:`state_player`) is a player whose moves its politician or its
bureaucrat makes, the politician with probability ``driver_probability(salience,
pressure)`` each turn (:mod:`cooptourney.politics.state`; the step is
:func:`cooptourney.composite.state_step`).

:func:`driver_selection` measures what selection does to reciprocity when one or the
other drives. A population of states adapts its line, a strategy of a repertoire that
spans the continuum from specific to diffuse reciprocity, by imitation (the Fermi rule
of :class:`~cooptourney.evolution.adaptive.AdaptivePopulation`). What is imitated is
what the driver values:

* **politician-led play** (the politician drives): the politician's perceived utility
  ``U = pi - k pi_partner`` under the ``politician`` profile (``k = 0.3``; an election
  every 50 turns, lost with probability 0.5, the successor without memory; 2%
  ratification failure), over the politician's horizon: matches end after each turn
  with probability 1/50, one term on average;
* **bureaucrat-led play**: the material payoff (absolute gains) under the
  ``bureaucrat`` profile (no elections, full memory), over a long horizon: matches end
  with probability 1/500.

At salience ``s`` the politician drives a share ``p = driver_probability(s, b)`` of the
turns, and a state's fitness is the driver-weighted evaluation ``p U_politician + (1 -
p) pi_bureaucrat`` (matrices of per-turn values, one game among states of each line).
Weighting the two evaluations by the share of the wheel each actor holds is a modelling
choice: it treats the line a state keeps as decided by whoever drives on the day it is
reviewed.

The result is read three ways, each with a 95% confidence interval over independent
runs (Student's t): the final share of the population playing a ``specific``-tagged
line, of a ``diffuse``-tagged line, and the population's mean measured position on the
continuum (:mod:`cooptourney.reciprocity.continuum`; 0 specific, towards 1 diffuse).

References
----------
Keohane, R. O. (1986). Reciprocity in international relations. *International
Organization* 40(1), 1-27. Putnam, R. D. (1988). Diplomacy and domestic politics: the
logic of two-level games. *International Organization* 42(3), 427-460. Traulsen, A.,
Nowak, M. A. & Pacheco, J. M. (2006). Stochastic dynamics of invasion and fixation.
*Physical Review E* 74, 011909.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cooptourney.composite import STATE_DRIVER, state_step
from cooptourney.evolution.adaptive import AdaptivePopulation
from cooptourney.evolution.intervals import mean_interval
from cooptourney.politics.state import check_pressure, check_salience, driver_probability, politician_share
from cooptourney.politics.transformer import PRESETS, Transformer
from cooptourney.registry import REGISTRY, StrategyDefinitionError, StrategySpec, get_strategy, strategy
from cooptourney.settings import SettingsError, check_positive_int, check_probability, check_seed

__all__ = [
    "BUREAUCRAT_FITNESS",
    "BUREAUCRAT_PROB_END",
    "DEFAULT_REPERTOIRE",
    "POLITICIAN_FITNESS",
    "POLITICIAN_PROB_END",
    "DriverSelection",
    "driver_matrices",
    "driver_selection",
    "state_name",
    "state_player",
]

#: A repertoire spanning the continuum: specific (Tit For Tat, the strict Ledger,
#: Gradual, Contrite Tit For Tat), diffuse (Generous Tit For Tat, Diffuse Ledger), and
#: the two unconditional lines a population can fall into (Defector, Cooperator).
DEFAULT_REPERTOIRE = (
    "Tit For Tat",
    "Ledger",
    "Gradual",
    "Contrite Tit For Tat (standing)",
    "Generous Tit For Tat",
    "Diffuse Ledger",
    "Defector",
    "Cooperator",
)
#: The politician's horizon: one 50-turn term on average (the ``politician`` preset's term).
POLITICIAN_PROB_END = 1.0 / 50.0
#: The bureaucrat's horizon: 500 turns on average, ten terms.
BUREAUCRAT_PROB_END = 1.0 / 500.0
POLITICIAN_FITNESS = "politician's perceived utility (k = 0.3, elections every 50 turns, horizon 50 turns)"
BUREAUCRAT_FITNESS = "bureaucrat's material payoff (absolute gains, no elections, horizon 500 turns)"

_LOCK = threading.RLock()


# -- states as players ----------------------------------------------------------------------
def state_name(politician: str | StrategySpec, bureaucrat: str | StrategySpec) -> str:
    """The registered name of a state: ``"State: politician <name>, bureaucrat <name>"``."""
    pol = politician if isinstance(politician, StrategySpec) else get_strategy(politician)
    bur = bureaucrat if isinstance(bureaucrat, StrategySpec) else get_strategy(bureaucrat)
    return f"State: politician {pol.name}, bureaucrat {bur.name}"


def state_player(politician: str | StrategySpec, bureaucrat: str | StrategySpec) -> StrategySpec:
    """The hidden strategy of a state with these two actors (registered on first use).

    Its parameters are ``salience``, ``pressure``, the politician's ``k``, ``term``,
    ``reelection`` and ``memory`` (:data:`cooptourney.composite.STATE_PARAMS`; defaults
    0.5, 0, 0.3, 50, 0.5, 0), then the actors' own declared parameters; give them as for any player, e.g.
    ``Player(state_player("Tit For Tat", "Diffuse Ledger"), salience=0.8)``. Its trace
    records who made each move (1 the politician, 0 the bureaucrat).

    Raises
    ------
    StrategyDefinitionError
        When an actor is unknown, a group strategy, or its step cannot be called by name.
    """
    pol = politician if isinstance(politician, StrategySpec) else get_strategy(politician)
    bur = bureaucrat if isinstance(bureaucrat, StrategySpec) else get_strategy(bureaucrat)
    name = state_name(pol, bur)
    with _LOCK:
        if name in REGISTRY:
            return REGISTRY.get(name)
        tag = pol.reciprocity if pol.reciprocity == bur.reciprocity else "other"
        reason = (
            f"both actors' rules are {tag}"
            if tag != "other"
            else f"a mix of the politician's {pol.reciprocity} and the bureaucrat's {bur.reciprocity} rule"
        )
        doc = (
            f"A state: its politician plays {pol.name}, its bureaucrat {bur.name}; "
            f"the politician drives with probability driver(salience, pressure).\n\n    {tag}: {reason}."
        )
        try:
            made = state_step(pol, bur, driver_probability, doc)
        except ValueError as exc:
            raise StrategyDefinitionError(f"cannot make the state {name!r}: {exc}") from None
        return strategy(
            name,
            reciprocity=tag,
            memory_depth=math.inf,
            stochastic=True,
            uses_game=True,
            uses_length=pol.uses_length or bur.uses_length,
            params=made.params,
            state=made.state,
            table=made.table,
            hidden=True,
            trace=(STATE_DRIVER, "driver"),
        )(made.step).spec


# -- selection under each driver --------------------------------------------------------------
def driver_matrices(
    repertoire: Sequence[str] = DEFAULT_REPERTOIRE,
    noise: float = 0.05,
    repetitions: int = 20000,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """The politician's and the bureaucrat's per-turn evaluation of one line against another.

    Returns
    -------
    politician, bureaucrat : ndarray(float64, ndim=2)
        ``[K, K]``: perceived utility per turn under the ``politician`` profile with
        matches of expected length 50 (:data:`POLITICIAN_PROB_END`), and material
        payoff per turn under the ``bureaucrat`` profile with matches of expected length
        500 (:data:`BUREAUCRAT_PROB_END`), both with implementation ``noise``.

    Notes
    -----
    The reciprocating lines earn within a few hundredths of a payoff unit per turn of
    one another, and under the politician's short, election-cut matches each entry is a
    noisy mean: with 2000 repetitions two seeds' matrices differ by up to 0.02, enough
    to change which line selection keeps. The default 20000 repetitions bring that to
    about 0.005, and the selection's result no longer depends on the seed.
    """
    common = dict(noise=noise, repetitions=repetitions, seed=seed)
    pol = AdaptivePopulation(
        list(repertoire),
        fitness="perceived",
        transformer=Transformer(profiles=PRESETS["politician"]),
        prob_end=POLITICIAN_PROB_END,
        **common,
    ).payoff_matrix()
    bur = AdaptivePopulation(
        list(repertoire),
        fitness="material",
        transformer=Transformer(profiles=PRESETS["bureaucrat"]),
        prob_end=BUREAUCRAT_PROB_END,
        **common,
    ).payoff_matrix()
    return pol, bur


@dataclass
class DriverSelection:
    """What selection kept at each salience.

    Attributes
    ----------
    table : DataFrame
        One row per salience: ``salience``, ``effective_salience``, ``politician_share``
        (p), ``fitness`` (named), then for ``specific``, ``diffuse`` (final shares of
        the lines with that tag) and ``position`` (mean measured continuum position of
        the population) the mean over runs and its 95% interval (``_lo``, ``_hi``), and
        ``diffuse_minus_specific`` with its interval.
    trajectories : dict float -> DataFrame
        Per salience, the mean share of specific and diffuse lines per generation.
    types, tags : list of str
        The repertoire and each line's tag.
    positions : ndarray(float64)
        Each line's measured continuum position (NaN where not measured).
    settings : dict
        Everything the result depends on.
    """

    table: pd.DataFrame
    trajectories: dict[float, pd.DataFrame]
    types: list[str]
    tags: list[str]
    positions: np.ndarray
    settings: dict = field(default_factory=dict)
    elapsed: float = 0.0


def fitness_label(p: float) -> str:
    """The fitness a state imitates when the politician drives a share ``p`` of the turns."""
    if p >= 1.0:
        return POLITICIAN_FITNESS
    if p <= 0.0:
        return BUREAUCRAT_FITNESS
    return f"{p:.3f} x {POLITICIAN_FITNESS} + {1 - p:.3f} x {BUREAUCRAT_FITNESS}"


def driver_selection(
    saliences: Sequence[float] = (0.0, 1.0),
    pressure: float = 0.0,
    runs: int = 100,
    repertoire: Sequence[str] = DEFAULT_REPERTOIRE,
    population: int = 40,
    generations: int = 500,
    intensity: float = 5.0,
    exploration: float = 0.01,
    noise: float = 0.05,
    repetitions: int = 20000,
    positions: Mapping[str, float] | None = None,
    seed: int = 0,
    matrices: tuple[np.ndarray, np.ndarray] | None = None,
) -> DriverSelection:
    """Selection among state lines at each salience: what the driver's evaluation keeps.

    Parameters
    ----------
    saliences : sequence of float in [0, 1]
        The issue salience of each experiment (0: the bureaucrat always drives; 1: the
        politician).
    pressure : float in [-1, 1]
        Private actors' pressure, added to every salience.
    runs : int
        Independent runs per salience (the confidence intervals are over runs).
    repertoire : sequence of str
        The lines (registered strategies), at least two.
    population, generations, intensity, exploration
        The adaptive population: N states, generations of N Fermi updates each,
        selection intensity beta on per-turn values, exploration (random trial of a
        line) per update. Defaults: 40, 500, 5, 0.01; beta = 5 makes a difference of
        0.1 per turn an imitation probability of 0.62 against 0.38.
    noise, repetitions
        The matches that give the evaluation matrices (:func:`driver_matrices`; see its
        notes for why the default repetitions are many).
    positions : mapping name -> float, optional
        Each line's measured continuum position (e.g. from
        :func:`cooptourney.reciprocity.continuum.positions`); lines left out count as
        not measured and the ``position`` columns average over the others.
    seed : int
        Seeds the matches and the runs; each salience's runs use the same streams.
    matrices : (ndarray, ndarray), optional
        The politician's and the bureaucrat's matrices, when already computed.

    Raises
    ------
    SettingsError
        For a salience outside [0, 1], pressure outside [-1, 1], a repertoire of fewer
        than two distinct lines, or any other invalid setting, before anything is played.
    """
    started = time.perf_counter()
    try:
        levels = [check_salience(s) for s in saliences]
    except TypeError:
        raise SettingsError(f"saliences must be a list of numbers in [0, 1], got {saliences!r}") from None
    if not levels:
        raise SettingsError("give at least one salience in [0, 1]")
    pressure = check_pressure(pressure)
    runs = check_positive_int("runs", runs)
    seed = check_seed(seed)
    noise = check_probability("noise", noise)
    if isinstance(repertoire, str):
        raise SettingsError("repertoire must be a list of strategy names, not one name")
    types = [get_strategy(n).name for n in repertoire]
    if len(set(types)) != len(types) or len(types) < 2:
        raise SettingsError(f"the repertoire needs at least two distinct strategies, got {list(repertoire)!r}")
    tags = [get_strategy(n).reciprocity for n in types]
    pos = np.full(len(types), np.nan)
    if positions is not None:
        for k, name in enumerate(types):
            if name in positions:
                pos[k] = float(positions[name])
    # validate the population settings once, before any match is played
    AdaptivePopulation(
        types,
        population=population,
        intensity=intensity,
        exploration=exploration,
        matrix=np.zeros((len(types), len(types))),
        seed=seed,
    )
    pol, bur = matrices if matrices is not None else driver_matrices(types, noise, repetitions, seed)
    specific = np.array([t == "specific" for t in tags])
    diffuse = np.array([t == "diffuse" for t in tags])
    measured = ~np.isnan(pos)
    rows, trajectories = [], {}
    for s in levels:
        p = float(politician_share(s, pressure))
        pop = AdaptivePopulation(
            types,
            population=population,
            intensity=intensity,
            exploration=exploration,
            matrix=p * pol + (1.0 - p) * bur,
            seed=seed,
        )
        res = pop.run(generations=generations, runs=runs)
        shares = res.final_counts / res.population
        spec, diff = shares[:, specific].sum(axis=1), shares[:, diffuse].sum(axis=1)
        if measured.any():
            w = shares[:, measured]
            place = (w * pos[measured]).sum(axis=1) / np.maximum(w.sum(axis=1), 1e-300)
        else:
            place = np.full(runs, np.nan)
        row = {
            "salience": s,
            "effective_salience": min(1.0, max(0.0, s + pressure)),
            "politician_share": p,
            "fitness": fitness_label(p),
        }
        for key, values, low in (
            ("specific", spec, 0.0),
            ("diffuse", diff, 0.0),
            ("diffuse_minus_specific", diff - spec, -1.0),
        ):
            row[key], row[f"{key}_lo"], row[f"{key}_hi"] = mean_interval(values, low=low, high=1.0)
        row["position"], row["position_lo"], row["position_hi"] = mean_interval(place, low=-1.0, high=1.0)
        rows.append(row)
        per_gen = res.counts / (res.runs * res.population)
        traj = pd.DataFrame(
            {"specific": per_gen[:, specific].sum(axis=1), "diffuse": per_gen[:, diffuse].sum(axis=1)},
            index=pd.RangeIndex(per_gen.shape[0], name="generation"),
        )
        traj.attrs["fitness"] = row["fitness"]
        trajectories[s] = traj
    table = pd.DataFrame(rows)
    settings = dict(
        saliences=levels,
        pressure=pressure,
        runs=runs,
        repertoire=types,
        population=population,
        generations=generations,
        intensity=intensity,
        exploration=exploration,
        noise=noise,
        repetitions=repetitions,
        seed=seed,
        politician_prob_end=POLITICIAN_PROB_END,
        bureaucrat_prob_end=BUREAUCRAT_PROB_END,
    )
    return DriverSelection(
        table=table,
        trajectories=trajectories,
        types=types,
        tags=tags,
        positions=pos,
        settings=settings,
        elapsed=time.perf_counter() - started,
    )
