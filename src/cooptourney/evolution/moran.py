"""The birth-death Moran process in a finite population, and its compiled kernel.

* :class:`MoranProcess` -- the birth-death Moran process (Moran 1958; Nowak 2006, ch. 6
  and 8), with mutation and interaction/reproduction graphs; fixation probabilities over
  many runs, in parallel, bit-identical for any thread count.
* :func:`match_pool` -- the matches the process draws its payoffs from, played once by
  the tournament kernel.
* :func:`fixation_probability` -- the exact value for two types on the complete graph.

docs/reference/evolution.md gives the formulas, the conventions and the measurements.

References
----------
Moran, P. A. P. (1958), "Random processes in genetics", Proc. Cambridge Phil. Soc. 54.
Nowak, M. A. (2006), Evolutionary Dynamics, Harvard University Press.
Lieberman, E., Hauert, C. & Nowak, M. A. (2005), "Evolutionary dynamics on graphs", Nature 433.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from numbers import Integral, Real

import numba
import numpy as np
import pandas as pd
from numba import njit, prange

from cooptourney.core.rng import derive_key, mix64, text_key, uniform_at
from cooptourney.evolution.ecological import FITNESS
from cooptourney.evolution.graphs import csr_arrays, reproduction_adjacency, require_connected, undirected_adjacency
from cooptourney.evolution.spatial import SpatialTournament
from cooptourney.game import Game
from cooptourney.players import Player, as_player
from cooptourney.politics import ActorProfile, Transformer
from cooptourney.progress import ProgressBar
from cooptourney.settings import (
    SettingsError,
    check_memory,
    check_non_negative_int,
    check_positive_int,
    check_probability,
    check_seed,
    check_work,
)
from cooptourney.tournament import Tournament

__all__ = [
    "AGGREGATES",
    "SELECTIONS",
    "MatchPool",
    "MoranProcess",
    "MoranResult",
    "fixation_probability",
    "match_pool",
    "pool_from_matrix",
]

AGGREGATES = ("total", "mean")
SELECTIONS = ("linear", "exponential")

#: Moran runs are played in blocks whose trajectories fit in this many int32 cells; each
#: block is summed into exact integer totals, so the block size cannot change a bit.
_BLOCK_CELLS = 4_000_000


@dataclass(frozen=True)
class MatchPool:
    """Per-turn payoffs of R actual matches per pair of types: what Moran interactions draw from.

    ``payoffs[a, b, r, 0]`` is type a's per-turn payoff in match r of a against b, and
    ``payoffs[a, b, r, 1]`` its partner's in the same match (so ``payoffs[b, a, r]`` is the
    same match seen from b). For a == b the two slots are the two copies.
    """

    types: tuple[str, ...]
    payoffs: np.ndarray  # float64[K, K, R, 2]
    fitness: str  # "material", "perceived" or "matrix"
    deterministic: bool  # every match of a pair is the same: one sample is exact
    settings: dict = field(default_factory=dict)

    @property
    def repetitions(self) -> int:
        return self.payoffs.shape[2]

    @property
    def mean_matrix(self) -> np.ndarray:
        """float64[K, K]: mean per-turn payoff of a against b (diagonal: over both copies)."""
        m = self.payoffs[:, :, :, 0].mean(axis=2)
        d = np.arange(len(self.types))
        m[d, d] = self.payoffs[d, d].mean(axis=(1, 2))
        return m

    def as_mean(self) -> MatchPool:
        """The pool of one 'match' per pair paying the mean payoffs."""
        m = self.mean_matrix
        return MatchPool(self.types, _pool_from_matrix(m), self.fitness, True, {**self.settings, "mean_payoffs": True})


def _pool_from_matrix(m: np.ndarray) -> np.ndarray:
    pay = np.empty(m.shape + (1, 2))
    pay[:, :, 0, 0] = m
    pay[:, :, 0, 1] = m.T
    return pay


def pool_from_matrix(matrix, types: Sequence[str] | None = None) -> MatchPool:
    """A :class:`MatchPool` from a payoff (fitness) matrix: ``matrix[a, b]`` is what an a
    earns from each interaction with a b. The entry point for theory checks, e.g. constant
    relative fitness r: ``[[r, r], [1, 1]]``."""
    m = np.asarray(matrix, dtype=np.float64)
    if m.ndim != 2 or m.shape[0] != m.shape[1] or m.shape[0] < 1:
        raise SettingsError(f"the fitness matrix must be square (K x K), got shape {m.shape}")
    if not np.isfinite(m).all():
        raise SettingsError("the fitness matrix must have finite entries")
    names = tuple(str(t) for t in types) if types is not None else tuple(f"type {k}" for k in range(m.shape[0]))
    if len(names) != m.shape[0] or len(set(names)) != len(names):
        raise SettingsError(f"give {m.shape[0]} distinct type names for a {m.shape[0]} x {m.shape[0]} matrix")
    return MatchPool(names, _pool_from_matrix(m), "matrix", True, {"matrix": m.tolist()})


def _is_deterministic(t: Tournament) -> bool:
    """True when every match of a pair plays out the same: no strategy, noise, length or
    transformer draws anything."""
    # a player without a registry spec (e.g. a Python player) counts as stochastic
    if t.noise > 0 or t.prob_end > 0 or any(getattr(getattr(p, "spec", None), "stochastic", True) for p in t.players):
        return False
    if t.transformer is not None:
        arrays = t.transformer.kernel_arrays(t.game, len(t.players))
        if (arrays["fail"] > 0).any() or ((arrays["term"] > 0) & (arrays["reelection"] < 1)).any():
            return False
    return True


def match_pool(
    types: Sequence[Player | str],
    turns: int | None = None,
    prob_end: float | None = None,
    noise: float = 0.0,
    repetitions: int = 100,
    seed: int | None = None,
    game: Game | None = None,
    transformer=None,
    fitness: str = "material",
    progress: bool = False,
) -> MatchPool:
    """Play ``repetitions`` matches of every pair of types (self-play included) and keep
    each match's per-turn payoffs (material or perceived) as a :class:`MatchPool`.

    The matches are a :class:`SpatialTournament` of the types and a second copy of each:
    edges a-b for a < b, and each type against its copy, so that in a self-pair each copy
    keeps its own payoff (a round robin's ResultSet averages the two). When no match can
    differ from another (deterministic strategies, no noise, fixed length, no random
    transformer mechanics) one match per pair is played: it is exact.
    """
    if fitness not in FITNESS:
        raise SettingsError(f"fitness must be one of {', '.join(FITNESS)}, got {fitness!r}")
    t = Tournament(
        list(types),
        turns=turns,
        prob_end=prob_end,
        noise=noise,
        repetitions=repetitions,
        seed=seed,
        game=game,
        transformer=transformer,
    )
    names = [p.name for p in t.players]
    if len(set(names)) != len(names):
        dup = next(n for n in names if names.count(n) > 1)
        raise SettingsError(f"type {dup!r} is given twice; each type once")
    deterministic = _is_deterministic(t)
    K, R = len(names), 1 if deterministic else t.repetitions
    # Every pair of types a < b, and every type against a second copy of itself (player
    # K + a): a self-pair is then an ordinary match in which each copy keeps its own payoff.
    transformer2 = t.transformer
    if transformer2 is not None and not isinstance(transformer2.profiles, ActorProfile):
        transformer2 = Transformer(tuple(transformer2.profiles) * 2, transformer2.politicization)
    edges = [(a, b) for a in range(K) for b in range(a + 1, K)] + [(a, K + a) for a in range(K)]
    res = SpatialTournament(
        t.players * 2,
        edges,
        turns=t.turns or None,
        prob_end=t.prob_end or None,
        noise=t.noise,
        repetitions=R,
        seed=t.seed,
        game=t.game,
        transformer=transformer2,
    ).play(progress=progress)
    totals = res.score_matrix if fitness == "material" else res.utility_matrix
    per_turn = np.divide(totals, res.turns_matrix, out=np.zeros_like(totals), where=res.turns_matrix > 0)
    pay = np.empty((K, K, R, 2))
    for a, b in edges:
        if b >= K:  # a against its copy
            pay[a, a, :, 0], pay[a, a, :, 1] = per_turn[a, b], per_turn[b, a]
        else:
            pay[a, b, :, 0], pay[a, b, :, 1] = per_turn[a, b], per_turn[b, a]
            pay[b, a, :, 0], pay[b, a, :, 1] = per_turn[b, a], per_turn[a, b]
    settings = {
        "turns": t.turns or None,
        "prob_end": t.prob_end or None,
        "noise": t.noise,
        "repetitions": R,
        "seed": t.seed,
        "game": [t.game.R, t.game.S, t.game.T, t.game.P],
        "transformer": None if t.transformer is None else t.transformer.as_dict(),
    }
    return MatchPool(tuple(names), pay, fitness, deterministic, settings)


@dataclass
class MoranResult:
    """Outcome of ``runs`` independent Moran runs from the same initial population.

    Attributes
    ----------
    types : list of str
    initial_counts : ndarray(int64, ndim=1)
        Individuals of each type at generation 0 (population size N = their sum).
    fixed : ndarray(int64, ndim=1)
        Per run, the type that took over the whole population, or -1.
    fixation_time : ndarray(int64, ndim=1)
        Per run, the generation (birth-death step) at which it stopped: fixation, or the
        generation limit.
    final_counts : ndarray(int64, ndim=2)
        ``[runs, K]`` individuals of each type when the run stopped.
    checkpoints : ndarray(int64, ndim=1)
        Generations at which the population was recorded.
    mean_shares, share_standard_errors : ndarray(float64, ndim=2)
        ``[checkpoints, K]`` mean over runs of each type's share and its standard error
        (a stopped run keeps its last state).
    settings : dict
        Everything the result depends on, including the fitness kind (material payoff,
        perceived utility or a given matrix) and how match payoffs were sampled.
    """

    types: list[str]
    initial_counts: np.ndarray
    fixed: np.ndarray
    fixation_time: np.ndarray
    final_counts: np.ndarray
    checkpoints: np.ndarray
    mean_shares: np.ndarray
    share_standard_errors: np.ndarray
    settings: dict
    elapsed: float = 0.0

    @property
    def runs(self) -> int:
        return len(self.fixed)

    @property
    def population(self) -> int:
        return int(self.initial_counts.sum())

    @property
    def fixation_counts(self) -> np.ndarray:
        """int64[K]: runs that ended with the whole population of each type."""
        return np.bincount(self.fixed[self.fixed >= 0], minlength=len(self.types)).astype(np.int64)

    @property
    def fixation_probabilities(self) -> np.ndarray:
        """float64[K]: fraction of runs fixed on each type (the estimate of its fixation probability)."""
        return self.fixation_counts / self.runs

    @property
    def fixation_standard_errors(self) -> np.ndarray:
        """float64[K]: binomial standard errors sqrt(p (1 - p) / runs)."""
        p = self.fixation_probabilities
        return np.sqrt(p * (1 - p) / self.runs)

    @property
    def unfixed(self) -> int:
        """Runs stopped by the generation limit before any type took over."""
        return int((self.fixed < 0).sum())

    @property
    def mean_final_shares(self) -> np.ndarray:
        return (self.final_counts / self.population).mean(axis=0)

    @property
    def final_share_standard_errors(self) -> np.ndarray:
        shares = self.final_counts / self.population
        if self.runs < 2:
            return np.full(len(self.types), np.nan)
        return shares.std(axis=0, ddof=1) / math.sqrt(self.runs)

    def summary(self) -> pd.DataFrame:
        """One row per type: initial count, fixations, fixation probability +- SE,
        mean final share +- SE, mean generations to its fixation."""
        times = [
            float(self.fixation_time[self.fixed == k].mean()) if (self.fixed == k).any() else math.nan
            for k in range(len(self.types))
        ]
        return pd.DataFrame(
            {
                "type": self.types,
                "initial": self.initial_counts,
                "fixations": self.fixation_counts,
                "fixation_probability": self.fixation_probabilities,
                "fixation_se": self.fixation_standard_errors,
                "final_share": self.mean_final_shares,
                "final_share_se": self.final_share_standard_errors,
                "mean_fixation_time": times,
            }
        )


class MoranProcess:
    """The birth-death Moran process of a finite population playing the iterated game.

    Each generation every individual interacts with its neighbours in the interaction
    graph; its fitness is the total (or mean) per-turn payoff of those interactions.
    One individual is chosen to reproduce with probability proportional to fitness; its
    offspring (of the parent's type, or with probability ``mutation_rate`` a mutant)
    replaces an individual chosen uniformly among the parent's neighbours in the
    reproduction graph. The names and defaults follow ``axelrod.MoranProcess``.

    Parameters
    ----------
    population : sequence of Player/str, or mapping type -> count
        The individuals, in graph-node order (``["Tit For Tat"] * 9 + ["Defector"]``), or
        counts per type (``{"Tit For Tat": 9, "Defector": 1}``, placed in that order; a
        count may be 0 to make a type available to mutation only). N >= 2.
    turns, prob_end, noise, game, transformer
        Match settings, as in :class:`Tournament` (default 200 turns).
    repetitions : int, default 100
        Matches played per pair of types for the payoff pool (see Notes); 1 when the
        matches are deterministic.
    deterministic_payoffs : bool, optional
        True: every interaction pays the pool's mean per-turn payoff. False: every
        interaction draws one actual match from the pool. Default: the mean exactly when
        matches are deterministic (then it equals every match).
    fitness : {"material", "perceived"}
        Material payoff or perceived utility under ``transformer`` (docs/model.md, "Politics and policy").
    aggregate : {"total", "mean"}
        Fitness from the sum of the interaction payoffs (``axelrod``'s choice) or their
        mean over neighbours (they differ only on irregular graphs).
    selection, intensity : {"linear", "exponential"}, float
        Map payoff x to fitness: ``1 - w + w x`` (w = 1, the default, is the payoff
        itself, as in ``axelrod``) or ``exp(w x)``; needs fitness >= 0 (perceived
        utilities can be negative: use a small w or the exponential map).
    mutation_rate : float in [0, 1]
        Probability that an offspring mutates.
    mutation_method : "uniform" or array-like (K, K)
        On mutation: a type chosen uniformly among the *other* types (``axelrod``'s
        "transition", also accepted by that name), or a row-stochastic transition matrix
        ``M[parent, child]``.
    interaction_graph : networkx graph, optional
        Who interacts with whom (edge direction ignored; self-loops ignored). Default:
        the complete graph.
    reproduction_graph : networkx graph, optional
        Where an offspring may go (directed edges followed). Default: the interaction
        graph plus self-loops, as in ``axelrod`` (so on the complete graph the parent may
        be replaced: the standard Moran process).
    stop_on_fixation : bool, optional
        Stop a run when one type is left; default True without mutation, else False.
    seed : int, optional
        Seeds the payoff pool and the runs: run r uses its own counter-based stream
        keyed by (seed, r), so results are bit-identical for any thread count.
    pool : MatchPool, optional
        Reuse payoffs (e.g. :func:`pool_from_matrix`); its types replace the match settings.
    mode : "bd"
        ``axelrod``'s name for the update rule: birth-death, the only one played here.

    Notes
    -----
    ``axelrod.MoranProcess`` plays every interaction's match anew each generation. Here
    R matches per pair of types are played once, in parallel, by the tournament kernel,
    and each interaction of each generation draws one of them uniformly (both partners
    get that match's payoffs). A drawn match has the distribution of the pool's R
    matches, which are independent actual matches: exact when matches are deterministic
    (R = 1), and otherwise conditional on the pool (increase ``repetitions`` to shrink
    that error, O(1 / sqrt(R))). The Moran loop itself never plays a turn, which is what
    makes it fast; see docs/reference/evolution.md for the measurements.
    """

    def __init__(
        self,
        population: Sequence[Player | str] | Mapping[str, int],
        turns: int | None = None,
        prob_end: float | None = None,
        noise: float = 0.0,
        game: Game | None = None,
        transformer=None,
        repetitions: int = 100,
        deterministic_payoffs: bool | None = None,
        fitness: str = "material",
        aggregate: str = "total",
        selection: str = "linear",
        intensity: float = 1.0,
        mutation_rate: float = 0.0,
        mutation_method: str | Sequence[Sequence[float]] = "uniform",
        interaction_graph=None,
        reproduction_graph=None,
        stop_on_fixation: bool | None = None,
        seed: int | None = None,
        pool: MatchPool | None = None,
        mode: str = "bd",
    ) -> None:
        if mode != "bd":
            raise SettingsError(
                f"mode must be 'bd' (birth-death, the process played here), got {mode!r}; "
                "death-birth ('db') is not available"
            )
        self.seed = check_seed(seed)
        self._trajectory: list[Counter] | None = None  # the recorded run of play()
        self._shown = 1  # generations of it shown in populations (next() steps through it)
        if pool is not None and not isinstance(pool, MatchPool):
            raise SettingsError(f"pool must be a MatchPool, got {type(pool).__name__}")
        type_names, players, initial = self._population(population, pool)
        self.types = type_names
        self._type_players = players
        self.initial_types = initial  # int64[N]: type of each individual, in node order
        N = len(initial)
        if N < 2:
            raise SettingsError(f"the population needs at least 2 individuals, got {N}")
        K = len(type_names)
        self.mutation_rate = check_probability("mutation_rate", mutation_rate)
        self._mut_cdf, self.mutation_method = self._mutation(mutation_method, K, self.mutation_rate)
        for name, value, allowed in (
            ("fitness", fitness, FITNESS),
            ("aggregate", aggregate, AGGREGATES),
            ("selection", selection, SELECTIONS),
        ):
            if value not in allowed:
                raise SettingsError(f"{name} must be one of {', '.join(allowed)}, got {value!r}")
        self.fitness, self.aggregate, self.selection = fitness, aggregate, selection
        if (
            isinstance(intensity, bool)
            or not isinstance(intensity, Real)
            or not (math.isfinite(intensity) and intensity > 0)
        ):
            raise SettingsError(f"intensity must be a number > 0, got {intensity!r}")
        self.intensity = float(intensity)
        if stop_on_fixation is None:
            stop_on_fixation = self.mutation_rate == 0.0
        self.stop_on_fixation = bool(stop_on_fixation)
        if deterministic_payoffs not in (None, True, False):
            raise SettingsError(f"deterministic_payoffs must be True, False or None, got {deterministic_payoffs!r}")
        self.deterministic_payoffs = deterministic_payoffs
        # graphs
        self.interaction_graph = interaction_graph
        self.reproduction_graph = reproduction_graph
        if interaction_graph is None:
            adj = None
        else:
            adj = undirected_adjacency(interaction_graph, N, "interaction graph")
            lonely = [k for k, a in enumerate(adj) if not a]
            if lonely:
                raise SettingsError(
                    f"the interaction graph is not connected: individual {lonely[0]} has no neighbour to interact with"
                )
            if reproduction_graph is None:  # offspring follow the interaction graph
                require_connected(adj, "interaction graph", False)
        if reproduction_graph is None:
            rep = [sorted(set(a) | {k}) for k, a in enumerate(adj)] if adj is not None else None
            directed = False
        else:
            rep = reproduction_adjacency(reproduction_graph, N, "reproduction graph")
            directed = reproduction_graph.is_directed()
        if rep is not None:
            require_connected(rep, "reproduction graph", directed)
        self._adj, self._rep = adj, rep
        # the match pool
        self.pool = pool
        if pool is None:
            # validate the match settings now (the matches are played in play())
            self._tournament_kwargs = {
                "turns": turns,
                "prob_end": prob_end,
                "noise": noise,
                "repetitions": repetitions,
                "seed": self.seed,
                "game": game,
                "transformer": transformer,
                "fitness": fitness,
            }
            Tournament(
                players,
                turns=turns,
                prob_end=prob_end,
                noise=noise,
                repetitions=repetitions,
                seed=self.seed,
                game=game,
                transformer=transformer,
            )
        elif fitness != "material" and pool.fitness not in (fitness, "matrix"):
            raise SettingsError(f"the pool holds {pool.fitness} payoffs, not {fitness}")

    # -- construction helpers --------------------------------------------------------------
    @staticmethod
    def _population(population, pool):
        """(type names, one Player per type or None with a pool, int64[N] type of each individual)."""
        if isinstance(population, (str, Player)):
            raise SettingsError("population must be a list of individuals or a mapping type -> count")
        if isinstance(population, Mapping):
            counts = [c for c in population.values() if isinstance(c, Integral) and not isinstance(c, bool)]
            # the individuals' lists, adjacency and fitness arrays (play() checks the rest)
            check_memory(f"a population of {sum(counts):,} individuals", sum(counts) * 200)
            declared, individuals = [], []
            for key, c in population.items():
                if isinstance(c, bool) or not isinstance(c, Integral) or c < 0:
                    raise SettingsError(f"the count of {key!r} must be a whole number >= 0, got {c!r}")
                declared.append(key)
                individuals += [key] * int(c)
        else:
            individuals = list(population)
            declared = individuals
        resolved: dict = {}  # each distinct entry is parsed once
        for key in declared:
            if key not in resolved:
                resolved[key] = key if pool is not None else as_player(key)
        if pool is not None:
            names = list(pool.types)
            for key in resolved:
                name = key.name if isinstance(key, Player) else str(key)
                if name not in names:
                    raise SettingsError(f"{name!r} is not a type of the pool ({', '.join(names)})")
                resolved[key] = name
            index = {n: k for k, n in enumerate(names)}
            return names, None, np.array([index[resolved[key]] for key in individuals], dtype=np.int64)
        names, players = [], []
        for p in resolved.values():
            if p.name not in names:
                names.append(p.name)
                players.append(p)
        index = {n: k for k, n in enumerate(names)}
        return names, players, np.array([index[resolved[key].name] for key in individuals], dtype=np.int64)

    @staticmethod
    def _mutation(method, K: int, mu: float) -> tuple[np.ndarray, str]:
        if isinstance(method, str):
            if method not in ("uniform", "transition"):  # "transition" is axelrod's name for it
                raise SettingsError(f"mutation_method must be 'uniform' or a K x K transition matrix, got {method!r}")
            if mu > 0 and K < 2:
                raise SettingsError("mutation needs at least two types (a mutant changes type)")
            m = np.full((K, K), 1.0 / max(K - 1, 1))
            np.fill_diagonal(m, 0.0)
            if K == 1:
                m[0, 0] = 1.0
            label = "uniform over the other types"
        else:
            m = np.asarray(method, dtype=np.float64)
            if m.shape != (K, K):
                raise SettingsError(
                    f"the mutation matrix must be {K} x {K} (one row and column per type), got {m.shape}"
                )
            if not np.isfinite(m).all() or (m < 0).any() or not np.allclose(m.sum(axis=1), 1.0, atol=1e-9):
                raise SettingsError("every row of the mutation matrix must be probabilities summing to 1")
            label = "transition matrix"
        cdf = np.cumsum(m, axis=1)
        cdf[:, -1] = 1.0
        return np.ascontiguousarray(cdf), label

    # -- playing -----------------------------------------------------------------------------
    def match_pool(self, progress: bool = False) -> MatchPool:
        """The payoff pool the runs draw from (played once, then kept)."""
        if self.pool is None:
            self.pool = match_pool(self._type_players, progress=progress, **self._tournament_kwargs)
        return self.pool

    def check_size(self, runs: int, generations: int | None = None, record_every: int | None = None) -> None:
        """Refuse a :meth:`play` beyond the work or memory limit (:mod:`cooptourney.settings`),
        before anything is played."""
        N, K = len(self.initial_types), len(self.types)
        if generations is None:
            generations = max(1000, 10 * N * N) if self.stop_on_fixation else max(1000, 100 * N)
        record_every = record_every or max(1, math.ceil(generations / 1000))
        # runs stop at fixation after some N**2 generations at most (neutral drift), far
        # sooner under selection; each generation updates every individual's fitness
        expected = min(generations, N * N) if self.stop_on_fixation else generations
        what = f"this Moran process ({runs:,} runs of up to {generations:,} generations, {N:,} individuals)"
        check_work(what, runs * expected * N)
        links = N * N if self._adj is None else sum(len(a) for a in self._adj)
        check_memory(what, links * 100 + runs * (24 + 8 * K) + (generations // record_every + 1) * K * 40)

    def play(
        self,
        runs: int | None = None,
        generations: int | None = None,
        record_every: int | None = None,
        progress: bool = False,
    ) -> MoranResult | list[Counter]:
        """Run the process ``runs`` times from the initial population, in parallel, or,
        without ``runs``, once, recording every generation (as ``axelrod`` does).

        ``play()`` returns :attr:`populations`, one ``Counter`` type name -> count per
        generation from the initial population to the fixated one, and sets
        :attr:`fixated` and :attr:`winning_strategy_name`. That trajectory is run 0 of
        ``play(runs=...)`` with the same seed. It stops at fixation, or at the generation
        limit (with mutation or ``stop_on_fixation=False``, where ``axelrod`` would run
        forever).

        ``play(runs=k)`` returns a :class:`MoranResult`: fixation frequencies and the mean
        shares over the k runs.

        Parameters
        ----------
        runs : int, optional
            Independent runs (fixation probabilities are the fractions of runs); ``None``:
            one recorded trajectory.
        generations : int, optional
            Birth-death steps per run at most. Default max(1000, 10 N^2) when stopping at
            fixation (neutral absorption takes about N^2 ln 2 from a half-half start), else
            max(1000, 100 N).
        record_every : int, optional
            Record the population every so many generations (default: about 1000
            checkpoints). Only the sums over runs are kept, as exact integers.
        progress : bool
            Show a progress bar (stderr) once a run has taken more than a second.
        """
        started = time.perf_counter()
        single = runs is None
        if single:
            if record_every not in (None, 1):
                raise SettingsError("a single trajectory records every generation: leave record_every out")
            runs, record_every = 1, 1
        runs = check_positive_int("runs", runs)
        N, K = len(self.initial_types), len(self.types)
        if generations is None:
            generations = max(1000, 10 * N * N) if self.stop_on_fixation else max(1000, 100 * N)
        generations = check_non_negative_int("generations", generations)
        if record_every is None:
            record_every = max(1, math.ceil(generations / 1000))
        record_every = check_positive_int("record_every", record_every)
        self.check_size(runs, generations, record_every)
        pool = self.match_pool(progress=progress)
        deterministic = pool.deterministic if self.deterministic_payoffs is None else self.deterministic_payoffs
        used = pool.as_mean() if deterministic and pool.repetitions > 1 else pool
        pay = np.ascontiguousarray(used.payoffs)
        self._check_fitness_sign(pay, N)
        adj = self._adj if self._adj is not None else [[j for j in range(N) if j != i] for i in range(N)]
        rep = self._rep if self._rep is not None else [list(range(N)) for _ in range(N)]
        nbr_ptr, nbr_idx = csr_arrays(adj)
        rep_ptr, rep_idx = csr_arrays(rep)
        edges = [(i, j) for i in range(N) for j in adj[i] if i < j]
        edge_a = np.array([e[0] for e in edges], dtype=np.int64)
        edge_b = np.array([e[1] for e in edges], dtype=np.int64)
        n_ck = generations // record_every + 1
        block = max(1, min(runs, _BLOCK_CELLS // (n_ck * K)))
        if progress:
            block = min(block, max(1, math.ceil(runs / 50)))
        traj = np.zeros((block, n_ck, K), dtype=np.int32)
        recorded = np.zeros(block, dtype=np.int64)
        fixed = np.full(runs, -1, dtype=np.int64)
        stopped = np.zeros(runs, dtype=np.int64)
        final = np.zeros((runs, K), dtype=np.int64)
        base = np.uint64(derive_key(self.seed, text_key("moran process")))
        args = (
            base,
            self.initial_types,
            np.int64(K),
            nbr_ptr,
            nbr_idx,
            edge_a,
            edge_b,
            rep_ptr,
            rep_idx,
            pay,
            self.aggregate == "mean",
            self.selection == "exponential",
            self.intensity,
            self.mutation_rate,
            self._mut_cdf,
            self.stop_on_fixation,
            np.int64(generations),
            np.int64(record_every),
            traj,
            recorded,
            fixed,
            stopped,
            final,
        )
        # exact integer sums of the counts (and their squares) at every checkpoint
        total = np.zeros((n_ck, K), dtype=np.int64)
        total_sq = np.zeros((n_ck, K), dtype=np.int64)
        tail = np.zeros((n_ck, K), dtype=np.int64)
        tail_sq = np.zeros((n_ck, K), dtype=np.int64)
        if single:
            # run 0 of the parallel kernel, called directly: one run gains nothing from threads
            key = np.uint64(_run_key(base, np.uint64(0)))
            _, _, written = _moran_run(key, *args[1:18], traj[0], final[0])
            counts = traj[0, :written]
            self._trajectory = [Counter({self.types[k]: int(c) for k, c in enumerate(row) if c}) for row in counts]
            self._shown = len(self._trajectory)
            return self.populations
        with ProgressBar(runs, "run", progress) as bar:
            for r0 in range(0, runs, block):
                r1 = min(runs, r0 + block)
                _moran_runs(*args, np.int64(r0), np.int64(r1))
                _accumulate(traj, recorded, final[r0:r1], total, total_sq, tail, tail_sq)
                bar.update(r1 - r0)
        total += np.cumsum(tail, axis=0)
        total_sq += np.cumsum(tail_sq, axis=0)
        last = int(stopped.max()) if runs else 0
        keep = min(n_ck, last // record_every + 1 + (1 if last % record_every else 0))
        S, Q = total[:keep].astype(np.float64), total_sq[:keep].astype(np.float64)
        mean = S / (runs * N)
        if runs > 1:
            var = np.maximum(Q - S * S / runs, 0.0) / (runs - 1)
            se = np.sqrt(var) / N / math.sqrt(runs)
        else:
            se = np.full(mean.shape, np.nan)
        settings = {
            "population": N,
            "types": list(self.types),
            "initial_counts": np.bincount(self.initial_types, minlength=K).tolist(),
            "runs": runs,
            "generations": generations,
            "record_every": record_every,
            "seed": self.seed,
            "fitness": {
                "material": "material payoff",
                "perceived": "perceived utility",
                "matrix": "given fitness matrix",
            }[pool.fitness if pool.fitness == "matrix" else self.fitness],
            "aggregate": self.aggregate,
            "selection": self.selection,
            "intensity": self.intensity,
            "mutation_rate": self.mutation_rate,
            "mutation_method": self.mutation_method,
            "stop_on_fixation": self.stop_on_fixation,
            "interaction_graph": "complete" if self._adj is None else f"{len(edges)} edges",
            "reproduction_graph": (
                "complete with self-loops"
                if self._rep is None
                else f"{sum(len(r) for r in self._rep)} directed edges (self-loops included)"
            ),
            "payoffs": (
                "the given fitness matrix"
                if pool.fitness == "matrix"
                else "each pair's one match (the matches are deterministic)"
                if pool.deterministic
                else f"mean per-turn payoff of {pool.repetitions} matches per pair"
                if deterministic
                else f"one of {used.repetitions} actual matches per pair, drawn for every interaction"
            ),
            "pool": used.settings,
            "threads": numba.get_num_threads(),
        }
        return MoranResult(
            types=list(self.types),
            initial_counts=np.bincount(self.initial_types, minlength=K).astype(np.int64),
            fixed=fixed,
            fixation_time=stopped,
            final_counts=final,
            checkpoints=np.arange(keep, dtype=np.int64) * record_every,
            mean_shares=mean,
            share_standard_errors=se,
            settings=settings,
            elapsed=time.perf_counter() - started,
        )

    # -- one trajectory, with axelrod's names -------------------------------------------------
    def population_distribution(self) -> Counter:
        """The current population: a ``Counter`` type name -> count (types with none left out)."""
        return self.populations[-1].copy()

    @property
    def populations(self) -> list[Counter]:
        """The trajectory so far: one ``Counter`` per generation, the initial population first
        (only that before :meth:`play` or ``next()``)."""
        if self._trajectory is None:
            counts = np.bincount(self.initial_types, minlength=len(self.types))
            return [Counter({t: int(c) for t, c in zip(self.types, counts) if c})]
        return self._trajectory[: self._shown]

    @property
    def fixated(self) -> bool:
        """Whether the current population is all of one type."""
        return len(self.populations[-1]) == 1

    @property
    def winning_strategy_name(self) -> str | None:
        """The type that took over the population, ``None`` while none has."""
        last = self.populations[-1]
        return next(iter(last)) if len(last) == 1 else None

    def __iter__(self) -> MoranProcess:
        return self

    def __next__(self) -> MoranProcess:
        """One more generation of the trajectory :meth:`play` records (played at the first
        call); ``StopIteration`` once it has fixated or reached the generation limit."""
        if self._trajectory is None:
            self.play()
            self._shown = 1
        if self._shown >= len(self._trajectory):
            raise StopIteration
        self._shown += 1
        return self

    def __len__(self) -> int:
        """Generations in :attr:`populations` (the initial population included)."""
        return len(self.populations)

    def reset(self) -> None:
        """Back to the initial population; the next trajectory is the same one (it is seeded)."""
        self._trajectory, self._shown = None, 1

    def __repr__(self) -> str:
        counts = np.bincount(self.initial_types, minlength=len(self.types))
        shown = ", ".join(f"{t}: {int(c)}" for t, c in zip(self.types, counts))
        return f"<MoranProcess: N = {len(self.initial_types)} ({shown}), seed {self.seed}>"

    def _check_fitness_sign(self, pay: np.ndarray, N: int) -> None:
        if self.selection == "exponential":
            return
        lo = float(pay.min())
        if self.aggregate == "mean":
            low_payoff = lo
        else:
            degrees = [len(a) for a in self._adj] if self._adj is not None else [N - 1]
            low_payoff = lo * (max(degrees) if lo < 0 else min(degrees))
        w = self.intensity
        if 1 - w + w * low_payoff < 0:
            raise SettingsError(
                f"fitness 1 - w + w * payoff can be negative (payoff down to {low_payoff:g}, w = {w:g}); "
                "use selection='exponential' or a smaller intensity"
            )


# -- the Moran kernels ----------------------------------------------------------------------
# cache=True: numba keys the cache by this file only, and uniform_at/mix64 from core/rng.py
# are inlined; a change to rng.py (which would break every seed anyway) needs a cache clear.
@njit(cache=True, parallel=True)
def _moran_runs(
    base,
    pop0,
    K,
    nbr_ptr,
    nbr_idx,
    edge_a,
    edge_b,
    rep_ptr,
    rep_idx,
    pay,
    mean_fitness,
    exponential,
    intensity,
    mu,
    mut_cdf,
    stop_on_fixation,
    generations,
    record_every,
    traj,
    recorded,
    fixed,
    stopped,
    final,
    r0,
    r1,
):
    """Runs ``r0 <= r < r1`` in parallel; run r writes only row r of ``fixed``, ``stopped``,
    ``final`` and row ``r - r0`` of the block's ``traj`` and ``recorded``."""
    for rr in prange(r1 - r0):
        run = r0 + rr
        key = mix64(base ^ mix64(np.uint64(run)))
        f, g, ck = _moran_run(
            key,
            pop0,
            K,
            nbr_ptr,
            nbr_idx,
            edge_a,
            edge_b,
            rep_ptr,
            rep_idx,
            pay,
            mean_fitness,
            exponential,
            intensity,
            mu,
            mut_cdf,
            stop_on_fixation,
            generations,
            record_every,
            traj[rr],
            final[run],
        )
        fixed[run] = f
        stopped[run] = g
        recorded[rr] = ck


@njit(cache=True)
def _run_key(base, run):
    """The stream key of run ``run`` (as :func:`_moran_runs` derives it), for a call from Python."""
    return mix64(base ^ mix64(np.uint64(run)))


@njit(cache=True)
def _accumulate(traj, recorded, final, total, total_sq, tail, tail_sq):
    """Add a block of runs to the exact integer sums at every checkpoint (in place).

    Checkpoint c of run r is ``traj[r, c]`` while the run was going (c < ``recorded[r]``)
    and its final counts from then on; those go into the difference arrays ``tail`` and
    ``tail_sq`` at ``recorded[r]`` (the caller takes their cumulative sums). Integer sums:
    the same for any block size or thread count.
    """
    K = total.shape[1]
    for r in range(final.shape[0]):
        for c in range(recorded[r]):
            for k in range(K):
                x = np.int64(traj[r, c, k])
                total[c, k] += x
                total_sq[c, k] += x * x
        if recorded[r] < tail.shape[0]:
            for k in range(K):
                tail[recorded[r], k] += final[r, k]
                tail_sq[recorded[r], k] += final[r, k] * final[r, k]


@njit(cache=True)
def _moran_run(
    key,
    pop0,
    K,
    nbr_ptr,
    nbr_idx,
    edge_a,
    edge_b,
    rep_ptr,
    rep_idx,
    pay,
    mean_fitness,
    exponential,
    intensity,
    mu,
    mut_cdf,
    stop_on_fixation,
    generations,
    record_every,
    traj,
    counts,
):
    """One birth-death run from ``pop0`` on the stream ``key``.

    Parameters
    ----------
    pay : ndarray(float64, ndim=4)
        ``[K, K, R, 2]`` match pool; R == 1 means every interaction pays ``pay[a, b, 0]``
        and fitness is kept from neighbour-type counts (no draws).
    traj : ndarray(int32, ndim=2)
        ``[checkpoints, K]`` counts every ``record_every`` generations while the run goes,
        modified in place (later checkpoints are left as they are: the run has stopped).
    counts : ndarray(int64, ndim=1)
        ``[K]`` final counts, modified in place.

    Returns
    -------
    (fixed type or -1, generation at which the run stopped, checkpoints written)

    Draw order per generation (stream counter): one draw per interaction edge when
    R > 1, then the parent, the dead individual, and, when mu > 0, whether the offspring
    mutates and (if so) into what.
    """
    N = pop0.shape[0]
    R = pay.shape[2]
    E = edge_a.shape[0]
    types = pop0.copy()
    for k in range(K):
        counts[k] = 0
    for i in range(N):
        counts[types[i]] += 1
    deg = np.empty(N)
    for i in range(N):
        deg[i] = nbr_ptr[i + 1] - nbr_ptr[i]
    # neighbour-type counts, for the draw-free path
    nc = np.zeros((N, K), dtype=np.int64)
    if R == 1:
        for i in range(N):
            for q in range(nbr_ptr[i], nbr_ptr[i + 1]):
                nc[i, types[nbr_idx[q]]] += 1
    payoff = np.zeros(N)
    fit = np.empty(N)
    ctr = np.uint64(0)
    one = np.uint64(1)
    n_ck = traj.shape[0]
    ck = 0
    fixed = -1
    g = 0
    while True:
        if g % record_every == 0 and ck < n_ck:
            for k in range(K):
                traj[ck, k] = counts[k]
            ck += 1
        if stop_on_fixation:
            for k in range(K):
                if counts[k] == N:
                    fixed = k
            if fixed >= 0:
                break
        if g >= generations:
            break
        # fitness of every individual
        if R == 1:
            for i in range(N):
                s = 0.0
                ti = types[i]
                for b in range(K):
                    if nc[i, b] > 0:
                        s += nc[i, b] * pay[ti, b, 0, 0]
                payoff[i] = s
        else:
            for i in range(N):
                payoff[i] = 0.0
            for e in range(E):
                a = edge_a[e]
                b = edge_b[e]
                r = int(uniform_at(key, ctr) * R)
                ctr += one
                if r >= R:
                    r = R - 1
                payoff[a] += pay[types[a], types[b], r, 0]
                payoff[b] += pay[types[a], types[b], r, 1]
        xmax = -np.inf
        for i in range(N):
            x = payoff[i] / deg[i] if mean_fitness else payoff[i]
            payoff[i] = x
            if x > xmax:
                xmax = x
        total = 0.0
        for i in range(N):
            if exponential:
                # proportional selection is scale-free: exp(w (x - max)) cannot overflow
                f = np.exp(intensity * (payoff[i] - xmax))
            else:
                f = 1.0 - intensity + intensity * payoff[i]
            fit[i] = f
            total += f
        # birth: proportional to fitness (uniform if every fitness is zero)
        u = uniform_at(key, ctr)
        ctr += one
        parent = N - 1
        if total > 0.0:
            target = u * total
            acc = 0.0
            for i in range(N):
                acc += fit[i]
                if acc > target:
                    parent = i
                    break
            while fit[parent] <= 0.0 and parent > 0:  # rounding at the top end
                parent -= 1
        else:
            parent = min(int(u * N), N - 1)
        # death: uniform among the parent's out-neighbours in the reproduction graph
        lo = rep_ptr[parent]
        d = rep_ptr[parent + 1] - lo
        u = uniform_at(key, ctr)
        ctr += one
        dead = rep_idx[lo + min(int(u * d), d - 1)]
        child = types[parent]
        if mu > 0.0:
            u = uniform_at(key, ctr)
            ctr += one
            if u < mu:
                v = uniform_at(key, ctr)
                ctr += one
                c = 0
                while c < K - 1 and v >= mut_cdf[child, c]:
                    c += 1
                child = c
        old = types[dead]
        if child != old:
            types[dead] = child
            counts[old] -= 1
            counts[child] += 1
            if R == 1:
                for q in range(nbr_ptr[dead], nbr_ptr[dead + 1]):
                    j = nbr_idx[q]
                    nc[j, old] -= 1
                    nc[j, child] += 1
        g += 1
    return fixed, g, ck


# -- theory -----------------------------------------------------------------------------------
def fixation_probability(
    matrix,
    population: int,
    mutants: int = 1,
    aggregate: str = "total",
    selection: str = "linear",
    intensity: float = 1.0,
) -> float:
    """Exact fixation probability of ``mutants`` individuals of type 0 among type-1 residents.

    Birth-death Moran process on the complete graph, fitness from interactions with the
    N - 1 others (``matrix[a, b]``: what an a earns from one interaction with a b),
    mapped as in :class:`MoranProcess`. With i mutants the process moves up with
    probability T+_i and down with T-_i, and T-_i / T+_i = g_i / f_i (resident over
    mutant fitness), so (Nowak 2006, ch. 6)::

        phi_i = (1 + sum_{k=1}^{i-1} prod_{j=1}^{k} g_j/f_j) / (1 + sum_{k=1}^{N-1} prod_{j=1}^{k} g_j/f_j).

    Constant fitness r for the mutant (``[[r, r], [1, 1]]``) gives (1 - 1/r) / (1 - 1/r^N)
    for one mutant, and 1/N when r = 1.

    Computed by solving the birth-death chain (valid also when some fitness is zero).
    """
    m = np.asarray(matrix, dtype=np.float64)
    if m.shape != (2, 2):
        raise SettingsError(f"fixation_probability needs a 2 x 2 matrix (mutant first), got shape {m.shape}")
    N = check_positive_int("population", population)
    if N < 2:
        raise SettingsError("the population needs at least 2 individuals")
    i0 = check_positive_int("mutants", mutants)
    if i0 >= N:
        return 1.0
    # T+_i = (i f_i / F)(N - i)/N, T-_i = ((N - i) g_i / F) i/N (death uniform among all N,
    # the parent included); solve phi_i (T+ + T-) = T+ phi_{i+1} + T- phi_{i-1}, phi_0 = 0, phi_N = 1.
    up, down = np.zeros(N + 1), np.zeros(N + 1)
    for i in range(1, N):
        pm = (i - 1) * m[0, 0] + (N - i) * m[0, 1]
        pr = i * m[1, 0] + (N - i - 1) * m[1, 1]
        if aggregate == "mean":
            pm, pr = pm / (N - 1), pr / (N - 1)
        if selection == "exponential":
            top = max(pm, pr)
            f, g = math.exp(intensity * (pm - top)), math.exp(intensity * (pr - top))
        else:
            f, g = 1 - intensity + intensity * pm, 1 - intensity + intensity * pr
        total = i * f + (N - i) * g
        birth_m, birth_r = (i * f / total, (N - i) * g / total) if total > 0 else (i / N, (N - i) / N)
        up[i], down[i] = birth_m * (N - i) / N, birth_r * i / N
    from scipy.linalg import solve_banded

    n = N - 1  # unknowns phi_1 .. phi_{N-1}
    ab = np.zeros((3, n))
    rhs = np.zeros(n)
    for k in range(n):
        i = k + 1
        stay = up[i] + down[i]
        if stay <= 0:  # cannot move: never fixes
            ab[1, k] = 1.0
            continue
        ab[1, k] = stay
        if k + 1 < n:
            ab[0, k + 1] = -up[i]
        else:
            rhs[k] += up[i]  # phi_N = 1
        if k > 0:
            ab[2, k - 1] = -down[i]
    phi = solve_banded((1, 1), ab, rhs)
    return float(phi[i0 - 1])
