"""Adaptive actors: a population whose members change strategy by what they perceive.

Each actor holds one strategy of a repertoire (the types) and is paid, every generation,
its mean per-turn payoff against the other N - 1 actors, read from the round-robin
payoff matrix of the repertoire played by the tournament engine (material payoff) or
from the perceived utilities under a politics transformer. Two rules turn payoffs into
changes of strategy:

* ``"fermi"`` -- imitation by pairwise comparison (Traulsen, Nowak & Pacheco 2006): a
  focal actor compares its payoff with that of a random other actor and adopts the
  other's strategy with probability ``1 / (1 + exp(-beta (pi_model - pi_focal)))``;
  with probability ``exploration`` it tries a strategy at random instead (Traulsen et
  al. 2009).
* ``"learning"`` -- reinforcement learning over the repertoire (Roth & Erev 1995, in the
  three-parameter form of Erev & Roth 1998): every actor keeps a propensity for each
  strategy, reinforces the one it played by the payoff it experienced, forgets a
  fraction ``forgetting`` of all propensities, spreads a fraction ``exploration`` of
  each reinforcement over the other strategies (experimentation), and picks its next
  strategy with probability proportional to its propensities.

docs/reference/evolution.md gives the exact conventions; docs/model.md, "Evolution",
the reasons.

References
----------
Traulsen, A., Nowak, M. A. & Pacheco, J. M. (2006), "Stochastic dynamics of invasion and
fixation", Physical Review E 74, 011909.
Traulsen, A., Hauert, C., De Silva, H., Nowak, M. A. & Sigmund, K. (2009), "Exploration
dynamics in evolutionary games", PNAS 106(3), 709-712.
Roth, A. E. & Erev, I. (1995), "Learning in extensive-form games: experimental data and
simple dynamic models in the intermediate term", Games and Economic Behavior 8, 164-212.
Erev, I. & Roth, A. E. (1998), "Predicting how people play games: reinforcement learning
in experimental games with unique, mixed strategy equilibria", American Economic Review
88(4), 848-881.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from numbers import Integral, Real

import numba
import numpy as np
import pandas as pd
from numba import njit, prange

from cooptourney.core.rng import derive_key, mix64, text_key, uniform_at
from cooptourney.evolution.ecological import FITNESS
from cooptourney.game import Game
from cooptourney.players import Player, as_player
from cooptourney.settings import SettingsError, check_non_negative_int, check_positive_int, check_seed
from cooptourney.tournament import Tournament

__all__ = ["RULES", "AdaptivePopulation", "AdaptiveResult"]

RULES = ("fermi", "learning")
FITNESS_TEXT = {"material": "material payoff", "perceived": "perceived utility", "matrix": "given payoff matrix"}
#: Erev & Roth (1998) fitted their three-parameter model to 12 experimental games with
#: forgetting 0.1, experimentation 0.2 and initial strength 9. Forgetting and strength
#: take their values; experimentation is ``exploration``, default 0, because 0.2 keeps a
#: fifth of every reinforcement away from the strategy that earned it and no population
#: could settle.
ROTH_EREV_FORGETTING = 0.1
ROTH_EREV_STRENGTH = 9.0
#: Runs are played in blocks whose trajectories fit in this many int32 cells; each block
#: is summed into exact integer totals, so the block size cannot change a bit.
_BLOCK_CELLS = 4_000_000
#: One run's trajectory may hold at most this many int32 cells (400 MB).
_MAX_RUN_CELLS = 100_000_000


@dataclass
class AdaptiveResult:
    """Strategy shares over generations of ``runs`` independent runs of an adaptive population.

    Attributes
    ----------
    types : list of str
        The repertoire, in the order of every array's last axis.
    tags : list of str
        Each type's reciprocity tag (docs/model.md, "Reciprocity").
    rule : str
        ``"fermi"`` or ``"learning"``.
    fitness : str
        What the actors perceive and act on: ``"material payoff"``, ``"perceived
        utility"`` or ``"given payoff matrix"``.
    counts : ndarray(int64, ndim=2)
        ``[generations + 1, K]`` actors playing each type, summed over runs (row 0 the
        initial population).
    final_counts : ndarray(int64, ndim=2)
        ``[runs, K]`` actors playing each type after the last generation.
    fixed : ndarray(int64, ndim=1)
        Per run, the type every actor plays once imitation without exploration has
        removed every other type (an absorbing state), else -1.
    fixation_generation : ndarray(int64, ndim=1)
        Per run, the generation at which it fixed (-1 if it did not).
    payoff_matrix : ndarray(float64, ndim=2)
        ``[K, K]`` per-turn payoff of a type against another, the actors' fitness source.
    settings : dict
        Everything the result depends on, the fitness kind included.
    groups : tuple of int, optional
        Actors per group when the population has groups (``AdaptivePopulation(groups=...)``);
        then the type axis runs over (group, strategy), group-major, and ``types`` reads
        ``"<strategy> [group g]"``.
    """

    types: list[str]
    tags: list[str]
    rule: str
    fitness: str
    population: int
    counts: np.ndarray
    final_counts: np.ndarray
    fixed: np.ndarray
    fixation_generation: np.ndarray
    payoff_matrix: np.ndarray
    settings: dict
    elapsed: float = 0.0
    groups: tuple[int, ...] | None = None

    @property
    def runs(self) -> int:
        return len(self.fixed)

    @property
    def generations(self) -> int:
        return self.counts.shape[0] - 1

    @property
    def shares(self) -> pd.DataFrame:
        """Mean share of each type over runs, one row per generation (0 = the start).

        ``DataFrame.attrs`` carries the rule and the fitness kind.
        """
        df = pd.DataFrame(
            self.counts / (self.runs * self.population),
            columns=list(self.types),
            index=pd.RangeIndex(self.counts.shape[0], name="generation"),
        )
        df.attrs.update(rule=self.rule, fitness=self.fitness)
        return df

    def tag_shares(self) -> pd.DataFrame:
        """Mean share of each reciprocity tag over runs, one row per generation (tags in
        the order of docs/model.md, only those present)."""
        shares = self.shares
        order = [t for t in ("negative", "specific", "diffuse", "unconditional", "other") if t in self.tags]
        df = pd.DataFrame(
            {t: shares.loc[:, [n for n, g in zip(self.types, self.tags) if g == t]].sum(axis=1) for t in order},
            index=shares.index,
        )
        df.attrs.update(shares.attrs)
        return df

    @property
    def fixation_probabilities(self) -> np.ndarray:
        """float64[K]: fraction of runs fixed on each type."""
        return np.bincount(self.fixed[self.fixed >= 0], minlength=len(self.types)) / self.runs

    @property
    def fixation_standard_errors(self) -> np.ndarray:
        """float64[K]: binomial standard errors sqrt(p (1 - p) / runs)."""
        p = self.fixation_probabilities
        return np.sqrt(p * (1 - p) / self.runs)

    def summary(self) -> pd.DataFrame:
        """One row per type: tag, initial and final mean share (+- SE over runs), fixations."""
        shares = self.final_counts / self.population
        se = shares.std(axis=0, ddof=1) / math.sqrt(self.runs) if self.runs > 1 else np.full(len(self.types), np.nan)
        df = pd.DataFrame(
            {
                "type": self.types,
                "reciprocity": self.tags,
                "initial_share": self.counts[0] / (self.runs * self.population),
                "final_share": shares.mean(axis=0),
                "final_share_se": se,
                "fixation_probability": self.fixation_probabilities,
            }
        )
        df.attrs.update(rule=self.rule, fitness=self.fitness)
        return df


class AdaptivePopulation:
    """A well-mixed population of N actors who change strategy by imitation or learning.

    Parameters
    ----------
    players : sequence of Player/str, or mapping type -> count
        The repertoire. A sequence of distinct types is spread evenly over
        ``population`` actors (the first types get the remainder); a mapping gives the
        initial number of actors of each type (0 makes a type available to exploration
        only).
    population : int, optional
        Number of actors N >= 2 with a sequence of types (default 10 per type).
    rule : {"fermi", "learning"}
        Imitation by pairwise comparison (Traulsen, Nowak & Pacheco 2006) or Roth-Erev
        reinforcement learning (Erev & Roth 1998).
    intensity : float, optional
        Fermi rule: selection intensity beta >= 0 on per-turn payoff differences
        (default 1; 0 is neutral drift). Not used by the learning rule.
    exploration : float in [0, 1]
        Fermi rule: probability that an update is a random trial of another type instead
        of an imitation (Traulsen et al. 2009). Learning rule: Erev & Roth's
        experimentation epsilon, the fraction of each reinforcement spread evenly over
        the other types. Default 0.
    forgetting : float in [0, 1), optional
        Learning rule: the fraction phi of every propensity lost each generation
        (default 0.1, Erev & Roth 1998). Not used by the Fermi rule.
    strength : float > 0, optional
        Learning rule: initial strength s(1); each propensity starts at s(1) times the
        mean reinforcement over the payoff matrix divided by K (Erev & Roth 1998;
        default 9).
    fitness : {"material", "perceived"}
        What actors act on: the material payoff or the perceived utility under
        ``transformer`` (docs/model.md, "Politics and policy"). Every output says which.
    transformer : cooptourney.politics.Transformer, optional
        Profiles (one for all, or one per type in repertoire order) and politicization.
    turns, prob_end, noise, repetitions, game
        Match settings of the round robin of the repertoire that gives the payoff matrix
        (as :class:`~cooptourney.Tournament`; default 200 turns, 10 repetitions).
    matrix : array-like (K, K), optional
        A given payoff matrix ``matrix[a, b]`` (what an a earns from a b) instead of a
        tournament: the entry point for theory checks; its types are named by
        ``players`` (and tagged ``"other"``). With ``groups``, ``(G K, G K)``, indexed by
        ``g K + a`` (group-major): what an a of group g earns from a b of group h.
    seed : int, optional
        Seeds the tournament and the runs. Every draw of run r in generation g comes from
        a counter-based stream keyed by (seed, r, g), so results are bit-identical on
        any thread count.
    groups : sequence of int, optional
        Actors per group, G >= 1 groups of equal size. An actor never leaves its group
        but changes strategy within the repertoire; each group perceives through its own
        profile (``transformer`` with one profile per group, or one profile for all).
        Each group's actors start spread evenly over the repertoire (the first types get
        the remainder); ``population`` must be left out. Under the learning rule an
        actor reinforces by its own perceived payoff, measured from the smallest payoff
        its group can perceive; under the Fermi rule a focal actor judges a model
        through its own eyes: the payoff the model's strategy earns in the model's
        position, valued with the focal's group's payoffs. With one group both rules are
        the rules without groups. No shocks and no stopping on fixation with groups.

    Notes
    -----
    Payoffs depend on the types only: an actor of type a among counts n earns
    ``pi_a = (sum_b n_b A[a, b] - A[a, a]) / (N - 1)``, its mean per-turn payoff against
    every other actor (no self-interaction). A **generation** gives every actor one
    chance to change on average: N asynchronous pairwise-comparison events for the Fermi
    rule, one synchronous round of reinforcement and choice for the learning rule.
    """

    def __init__(
        self,
        players: Sequence[Player | str] | Mapping[str, int],
        population: int | None = None,
        rule: str = "fermi",
        intensity: float | None = None,
        exploration: float = 0.0,
        forgetting: float | None = None,
        strength: float | None = None,
        fitness: str = "material",
        transformer=None,
        turns: int | None = None,
        prob_end: float | None = None,
        noise: float = 0.0,
        repetitions: int = 10,
        game: Game | None = None,
        matrix=None,
        seed: int | None = None,
        groups: Sequence[int] | None = None,
    ) -> None:
        self.seed = check_seed(seed)
        if rule not in RULES:
            raise SettingsError(f"rule must be one of {', '.join(RULES)}, got {rule!r}")
        self.rule = rule
        if fitness not in FITNESS:
            raise SettingsError(f"fitness must be one of {', '.join(FITNESS)}, got {fitness!r}")
        self.fitness = fitness
        self.groups = self._groups(groups, players, population)
        if self.groups is not None:
            population = self.groups[0]
            if len(players) > population:
                raise SettingsError(f"each group needs at least one actor per type ({len(players)}), got {population}")
        keys, counts = self._repertoire(players, population)
        if self.groups is not None:
            n_types = len(keys)
            counts = np.concatenate(
                [[g // n_types + (1 if k < g % n_types else 0) for k in range(n_types)] for g in self.groups]
            ).astype(np.int64)
        self.initial_counts = counts
        self.population = int(counts.sum())
        if rule == "fermi":
            if forgetting is not None or strength is not None:
                raise SettingsError("forgetting and strength belong to rule='learning' (Roth-Erev), not 'fermi'")
            self.intensity = _number("intensity", 1.0 if intensity is None else intensity, 0.0, math.inf, True)
            self.forgetting = self.strength = None
        else:
            if intensity is not None:
                raise SettingsError("intensity belongs to rule='fermi' (selection intensity beta), not 'learning'")
            self.intensity = None
            self.forgetting = _number(
                "forgetting", ROTH_EREV_FORGETTING if forgetting is None else forgetting, 0.0, 1.0, False
            )
            self.strength = _number("strength", ROTH_EREV_STRENGTH if strength is None else strength, 0.0, math.inf)
            if self.strength == 0.0:
                raise SettingsError("strength must be a number > 0 (the initial propensities' weight)")
        self.exploration = _number("exploration", exploration, 0.0, 1.0, True)
        if len(keys) < 2 and (rule == "learning" or self.exploration > 0):
            raise SettingsError("learning and exploration need at least two types in the repertoire")
        if matrix is not None:
            if transformer is not None or fitness != "material":
                raise SettingsError("a given matrix is the fitness itself: leave out transformer and fitness")
            m = np.asarray(matrix, dtype=np.float64) if _numeric(matrix) else None
            size = len(keys) * (1 if self.groups is None else len(self.groups))
            if m is None or m.shape != (size, size) or not np.isfinite(m).all():
                per = "one row per type" if self.groups is None else "one row per (group, type), group-major"
                raise SettingsError(f"matrix must be {size} x {size} finite numbers, {per}")
            self.types = [p.name if isinstance(p, Player) else str(p) for p in keys]
            if len(set(self.types)) != len(self.types):
                raise SettingsError("each type once: the type names must be distinct")
            self.tags = ["other"] * len(keys)
            self.strategies = list(self.types)
            self.types, self.tags = self._grouped_names(self.types, self.tags)
            self._matrix, self._tournament, self._fitness_kind = m, None, "matrix"
        else:
            parsed = [as_player(p) for p in keys]
            self.types = [p.name for p in parsed]
            dup = next((n for n in self.types if self.types.count(n) > 1), None)
            if dup is not None:
                raise SettingsError(f"type {dup!r} is given twice; each type once")
            self.tags = [p.reciprocity for p in parsed]
            self.strategies = list(self.types)
            self.types, self.tags = self._grouped_names(self.types, self.tags)
            if self.groups is not None:
                transformer = self._group_transformer(transformer, len(parsed))
                parsed = parsed * len(self.groups)
            self._tournament = Tournament(
                parsed,
                turns=turns,
                prob_end=prob_end,
                noise=noise,
                repetitions=repetitions,
                seed=self.seed,
                game=game,
                transformer=transformer,
            )
            if transformer is not None:
                transformer.profile_list(len(parsed))  # one profile for all, or one per type
            self._matrix, self._fitness_kind = None, fitness

    # -- construction helpers --------------------------------------------------------------
    @staticmethod
    def _groups(groups, players, population) -> tuple[int, ...] | None:
        if groups is None:
            return None
        if isinstance(players, (Mapping, str, Player)) or not isinstance(players, Sequence):
            raise SettingsError("with groups give the repertoire as a list of types (each group starts spread evenly)")
        if population is not None:
            raise SettingsError("give either groups (actors per group) or a population size, not both")
        try:
            sizes = list(groups)
        except TypeError:
            raise SettingsError(f"groups must be a sequence of actor counts, got {groups!r}") from None
        if not sizes or any(isinstance(g, bool) or not isinstance(g, Integral) or g < 1 for g in sizes):
            raise SettingsError(f"groups must be one or more whole numbers >= 1 (actors per group), got {groups!r}")
        if len(set(sizes)) != 1:
            raise SettingsError(f"groups must be of equal size (actors per group), got {list(sizes)}")
        if sum(sizes) < 2:
            raise SettingsError("the population needs at least 2 actors")
        return tuple(int(g) for g in sizes)

    def _grouped_names(self, names: list[str], tags: list[str]) -> tuple[list[str], list[str]]:
        if self.groups is None:
            return names, tags
        return (
            [f"{n} [group {g}]" for g in range(len(self.groups)) for n in names],
            tags * len(self.groups),
        )

    def _group_transformer(self, transformer, n_types: int):
        """The tournament's transformer: each group's profile for all its types."""
        if transformer is None:
            return None
        from cooptourney.politics.transformer import ActorProfile, Transformer

        profiles = transformer.profiles
        if isinstance(profiles, ActorProfile):
            return transformer
        if len(profiles) != len(self.groups):
            raise SettingsError(
                f"with groups give one profile for all or one per group: got {len(profiles)} profiles "
                f"for {len(self.groups)} groups"
            )
        return Transformer(tuple(p for p in profiles for _ in range(n_types)), transformer.politicization)

    @staticmethod
    def _repertoire(players, population) -> tuple[list, np.ndarray]:
        if isinstance(players, (str, Player)):
            raise SettingsError("players must be a list of types or a mapping type -> count, not a single player")
        if isinstance(players, Mapping):
            if population is not None:
                raise SettingsError("give either counts per type or a population size, not both")
            keys, counts = [], []
            for key, c in players.items():
                if isinstance(c, bool) or not isinstance(c, Integral) or c < 0:
                    raise SettingsError(f"the count of {key!r} must be a whole number >= 0, got {c!r}")
                keys.append(key)
                counts.append(int(c))
            counts = np.array(counts, dtype=np.int64)
        else:
            try:
                keys = list(players)
            except TypeError:
                raise SettingsError(f"players must be a list of types, got {players!r}") from None
            if not keys:
                raise SettingsError("the repertoire is empty: give at least one type")
            size = 10 * len(keys) if population is None else population
            if isinstance(size, bool) or not isinstance(size, Integral) or size < len(keys):
                raise SettingsError(
                    f"population must be a whole number >= the number of types ({len(keys)}), got {size!r}"
                )
            base, extra = divmod(int(size), len(keys))
            counts = np.array([base + (1 if k < extra else 0) for k in range(len(keys))], dtype=np.int64)
        if not keys:
            raise SettingsError("the repertoire is empty: give at least one type")
        if counts.sum() < 2:
            raise SettingsError(f"the population needs at least 2 actors, got {int(counts.sum())}")
        return keys, counts

    def payoff_matrix(self, progress: bool = False) -> np.ndarray:
        """float64[K, K]: per-turn payoff of a type against another (the fitness source).

        Played once by the tournament engine (material ``payoff_matrix`` or perceived
        ``utility_matrix_per_turn``), then kept.
        """
        if self._matrix is None:
            res = self._tournament.play(progress=progress)
            m = res.payoff_matrix if self.fitness == "material" else res.utility_matrix_per_turn
            self._matrix = np.ascontiguousarray(m, dtype=np.float64)
        return self._matrix

    # -- running ---------------------------------------------------------------------------
    def run(
        self,
        generations: int = 1000,
        runs: int = 1,
        shocks: Mapping[int, Mapping[str, int]] | None = None,
        stop_on_fixation: bool | None = None,
        progress: bool = False,
    ) -> AdaptiveResult:
        """Run the population ``runs`` times for ``generations`` generations, in parallel.

        Parameters
        ----------
        generations : int
            Generations per run (each actor gets one chance to change per generation on
            average).
        runs : int
            Independent runs from the same initial population.
        shocks : mapping generation -> {type: count}, optional
            At the start of generation g, ``count`` actors not of that type, chosen at
            random, are replaced by newcomers of that type (an invasion, e.g. an
            exploitation shock). Under the learning rule a newcomer's propensities are
            all on its type.
        stop_on_fixation : bool, optional
            Fermi rule: stop a run once one type is left (absorbing without
            exploration); default True without exploration. The learning rule has no
            absorbing state.
        progress : bool
            Show a progress bar while the payoff matrix is played.
        """
        started = time.perf_counter()
        generations = check_non_negative_int("generations", generations)
        runs = check_positive_int("runs", runs)
        if (generations + 1) * len(self.types) > _MAX_RUN_CELLS:
            raise SettingsError(
                f"{generations} generations of {len(self.types)} types is too long a record for one run "
                f"(limit {_MAX_RUN_CELLS // len(self.types) - 1} generations); run fewer generations"
            )
        shock_list = self._shocks(shocks, generations)
        if self.groups is not None:
            if shock_list or stop_on_fixation:
                raise SettingsError("a population with groups takes no shocks and does not stop on fixation")
            return self._run_grouped(generations, runs, progress, started)
        if stop_on_fixation is None:
            stop_on_fixation = self.rule == "fermi" and self.exploration == 0.0 and not shock_list
        if not isinstance(stop_on_fixation, bool):
            raise SettingsError(f"stop_on_fixation must be True or False, got {stop_on_fixation!r}")
        if stop_on_fixation and (self.rule != "fermi" or self.exploration > 0 or shock_list):
            raise SettingsError("stop_on_fixation needs rule='fermi' without exploration and without shocks")
        A = self.payoff_matrix(progress=progress)
        N, K = self.population, len(self.types)
        base = np.uint64(derive_key(self.seed, text_key("adaptive population"), RULES.index(self.rule)))
        # Roth-Erev reinforcements must be >= 0: payoffs are measured from the smallest
        # entry of the matrix, as Erev & Roth (1998) measure them from the minimal payoff.
        xmin = float(A.min())
        mean_reinforcement = float((A - xmin).mean())
        q0 = (self.strength or 0.0) * (mean_reinforcement if mean_reinforcement > 0 else 1.0) / K
        initial = np.repeat(np.arange(K, dtype=np.int64), self.initial_counts)
        # bounded memory: the trajectories (and the learners' propensities) of one block of runs
        per_run = max((generations + 1) * K, N * K if self.rule == "learning" else 0)
        block = max(1, min(runs, _BLOCK_CELLS // per_run))
        total = np.zeros((generations + 1, K), dtype=np.int64)
        final = np.zeros((runs, K), dtype=np.int64)
        fixed = np.full(runs, -1, dtype=np.int64)
        fixed_at = np.full(runs, -1, dtype=np.int64)
        params = np.array(
            [
                self.intensity or 0.0,
                self.exploration,
                self.forgetting or 0.0,
                xmin,
                q0,
            ]
        )
        bounds = [g for g, _, _ in shock_list] + [generations]
        for r0 in range(0, runs, block):
            r1 = min(runs, r0 + block)
            n = r1 - r0
            types = np.tile(initial, (n, 1))
            props = np.full((n, N, K) if self.rule == "learning" else (n, 1, 1), q0)
            traj = np.zeros((n, generations + 1, K), dtype=np.int32)
            done = np.full(n, -1, dtype=np.int64)
            g0 = 0
            shock_at = 0
            for g1 in bounds:
                _adaptive_runs(
                    base,
                    self.rule == "learning",
                    A,
                    params,
                    stop_on_fixation,
                    np.int64(r0),
                    np.int64(g0),
                    np.int64(g1),
                    types,
                    props,
                    traj,
                    done,
                )
                if shock_at < len(shock_list):
                    g, target, count = shock_list[shock_at]
                    _shock(base, np.int64(r0), np.int64(g), np.int64(target), np.int64(count), q0 * K, types, props)
                    shock_at += 1
                g0 = g1
            total += traj.sum(axis=0, dtype=np.int64)
            final[r0:r1] = traj[:, generations]
            fixed_at[r0:r1] = done
            fixed[r0:r1] = np.where(done >= 0, traj[:, generations].argmax(axis=1), -1)
        fitness_text = FITNESS_TEXT[self._fitness_kind]
        settings = self._settings(generations, runs, stop_on_fixation, shock_list)
        return AdaptiveResult(
            types=list(self.types),
            tags=list(self.tags),
            rule=self.rule,
            fitness=fitness_text,
            population=N,
            counts=total,
            final_counts=final,
            fixed=fixed,
            fixation_generation=fixed_at,
            payoff_matrix=A.copy(),
            settings=settings,
            elapsed=time.perf_counter() - started,
        )

    def _settings(self, generations, runs, stop_on_fixation, shock_list) -> dict:
        """Everything a result depends on."""
        t = self._tournament
        settings = {
            "rule": self.rule,
            "fitness": FITNESS_TEXT[self._fitness_kind],
            "population": self.population,
            "types": list(self.types),
            "initial_counts": self.initial_counts.tolist(),
            "generations": generations,
            "runs": runs,
            "seed": self.seed,
            "intensity": self.intensity,
            "exploration": self.exploration,
            "forgetting": self.forgetting,
            "strength": self.strength,
            "stop_on_fixation": stop_on_fixation,
            "shocks": [{"generation": g, "type": self.types[k], "count": c} for g, k, c in shock_list],
            "payoffs": "given matrix"
            if t is None
            else {
                "turns": t.turns or None,
                "prob_end": t.prob_end or None,
                "noise": t.noise,
                "repetitions": t.repetitions,
                "game": [t.game.R, t.game.S, t.game.T, t.game.P],
                "transformer": None if t.transformer is None else t.transformer.as_dict(),
            },
            "threads": numba.get_num_threads(),
        }
        if self.groups is not None:
            settings["groups"] = list(self.groups)
        return settings

    def _run_grouped(self, generations: int, runs: int, progress: bool, started: float) -> AdaptiveResult:
        """:meth:`run` for a population with groups (see the class's ``groups``)."""
        A = self.payoff_matrix(progress=progress)
        N, M, G = self.population, len(self.types), len(self.groups)
        K = M // G
        base = np.uint64(derive_key(self.seed, text_key("adaptive population with groups"), RULES.index(self.rule)))
        group_of = np.repeat(np.arange(G, dtype=np.int64), self.groups)
        # each group's reinforcements are measured from the smallest payoff it can perceive
        xmins = np.array([A[g * K : (g + 1) * K].min() for g in range(G)])
        q0 = np.empty(G)
        for g in range(G):
            mean_reinforcement = float((A[g * K : (g + 1) * K] - xmins[g]).mean())
            q0[g] = (self.strength or 0.0) * (mean_reinforcement if mean_reinforcement > 0 else 1.0) / K
        initial = np.repeat(np.arange(M, dtype=np.int64), self.initial_counts)
        per_run = max((generations + 1) * M, N * K if self.rule == "learning" else 0)
        block = max(1, min(runs, _BLOCK_CELLS // per_run))
        total = np.zeros((generations + 1, M), dtype=np.int64)
        final = np.zeros((runs, M), dtype=np.int64)
        params = np.array([self.intensity or 0.0, self.exploration, self.forgetting or 0.0])
        for r0 in range(0, runs, block):
            r1 = min(runs, r0 + block)
            n = r1 - r0
            types = np.tile(initial, (n, 1))
            if self.rule == "learning":
                props = np.repeat(q0[group_of][None, :, None], K, axis=2).repeat(n, axis=0)
            else:
                props = np.zeros((n, 1, 1))
            traj = np.zeros((n, generations + 1, M), dtype=np.int32)
            _grouped_runs(
                base,
                self.rule == "learning",
                A,
                params,
                xmins,
                np.int64(K),
                group_of,
                np.int64(r0),
                np.int64(0),
                np.int64(generations),
                types,
                np.ascontiguousarray(props),
                traj,
            )
            total += traj.sum(axis=0, dtype=np.int64)
            final[r0:r1] = traj[:, generations]
        return AdaptiveResult(
            types=list(self.types),
            tags=list(self.tags),
            rule=self.rule,
            fitness=FITNESS_TEXT[self._fitness_kind],
            population=N,
            counts=total,
            final_counts=final,
            fixed=np.full(runs, -1, dtype=np.int64),
            fixation_generation=np.full(runs, -1, dtype=np.int64),
            payoff_matrix=A.copy(),
            settings=self._settings(generations, runs, False, []),
            elapsed=time.perf_counter() - started,
            groups=self.groups,
        )

    def _shocks(self, shocks, generations: int) -> list[tuple[int, int, int]]:
        """Sorted (generation, type index, count) from the ``shocks`` mapping."""
        if shocks is None:
            return []
        if not isinstance(shocks, Mapping):
            raise SettingsError("shocks must be a mapping generation -> {type: count}")
        out = []
        for g, spec in shocks.items():
            if isinstance(g, bool) or not isinstance(g, Integral) or not 0 <= g < generations:
                raise SettingsError(f"a shock's generation must be a whole number in [0, {generations}), got {g!r}")
            if not isinstance(spec, Mapping) or len(spec) != 1:
                raise SettingsError(f"the shock at generation {g} must be one {{type: count}}, got {spec!r}")
            ((name, count),) = spec.items()
            name = name.name if isinstance(name, Player) else str(name)
            if name not in self.types:
                raise SettingsError(f"shock type {name!r} is not in the repertoire ({', '.join(self.types)})")
            if isinstance(count, bool) or not isinstance(count, Integral) or not 1 <= count <= self.population:
                raise SettingsError(f"a shock's count must be a whole number in [1, {self.population}], got {count!r}")
            out.append((int(g), self.types.index(name), int(count)))
        out.sort()
        if len({g for g, _, _ in out}) != len(out):
            raise SettingsError("one shock per generation")
        return out


def _number(name: str, value: object, lo: float, hi: float, hi_inclusive: bool = True) -> float:
    """A finite float in [lo, hi] (or [lo, hi)), else a one-line SettingsError."""
    ok = not isinstance(value, bool) and isinstance(value, Real) and math.isfinite(float(value))
    if ok:
        x = float(value)
        ok = lo <= x and (x <= hi if hi_inclusive else x < hi)
    if not ok:
        upper = "" if hi == math.inf else (f", <= {hi:g}" if hi_inclusive else f", < {hi:g}")
        raise SettingsError(f"{name} must be a finite number >= {lo:g}{upper}, got {value!r}")
    return x


def _numeric(matrix) -> bool:
    try:
        np.asarray(matrix, dtype=np.float64)
    except (TypeError, ValueError):
        return False
    return True


# -- the kernels --------------------------------------------------------------------------------
# cache=True: numba keys the cache by this file only, and uniform_at/mix64 from core/rng.py are
# inlined; a change to rng.py (which would break every seed anyway) needs a cache clear.
@njit(cache=True, parallel=True)
def _adaptive_runs(base, learning, A, params, stop_on_fixation, r0, g0, g1, types, props, traj, done):
    """Generations ``g0 <= g < g1`` of runs ``r0 .. r0 + len(types) - 1``, in parallel.

    Parameters
    ----------
    A : ndarray(float64, ndim=2)
        ``[K, K]`` per-turn payoffs.
    params : ndarray(float64, ndim=1)
        (intensity, exploration, forgetting, smallest payoff, initial propensity).
    types : ndarray(int64, ndim=2)
        ``[runs, N]`` each actor's type, modified in place.
    props : ndarray(float64, ndim=3)
        ``[runs, N, K]`` Roth-Erev propensities (learning only), modified in place.
    traj : ndarray(int32, ndim=3)
        ``[runs, generations + 1, K]`` counts; rows ``g0`` .. ``g1`` written.
    done : ndarray(int64, ndim=1)
        Per run, the generation at which it fixed, or -1; modified in place.
    """
    for rr in prange(types.shape[0]):
        key = mix64(base ^ mix64(np.uint64(r0 + rr)))
        if learning:
            _learning_run(key, A, params, g0, g1, types[rr], props[rr], traj[rr])
        else:
            done[rr] = _fermi_run(key, A, params, stop_on_fixation, g0, g1, types[rr], traj[rr], done[rr])


@njit(cache=True)
def _type_payoffs(A, counts, out):
    """``out[a]`` = total per-turn payoff of an a-actor against the N - 1 others."""
    K = A.shape[0]
    for a in range(K):
        s = 0.0
        for b in range(K):
            s += counts[b] * A[a, b]
        out[a] = s - A[a, a]


@njit(cache=True)
def _fermi_run(key, A, params, stop_on_fixation, g0, g1, types, traj, done):
    """Pairwise-comparison imitation (Traulsen, Nowak & Pacheco 2006) for one run.

    Each generation is N events. Event e of generation g draws from the stream keyed by
    (run, g), counters 4e .. 4e + 3: the focal actor, its model, whether the event is
    an exploration, and then either the explored type or the imitation coin. Returns the
    generation of fixation (or ``done`` unchanged).
    """
    N = types.shape[0]
    K = A.shape[0]
    beta, mu = params[0], params[1]
    counts = np.zeros(K, dtype=np.int64)
    for i in range(N):
        counts[types[i]] += 1
    pay = np.empty(K)
    _type_payoffs(A, counts, pay)
    scale = 1.0 / (N - 1)
    for k in range(K):
        traj[g0, k] = counts[k]
    for g in range(g0, g1):
        if stop_on_fixation and done >= 0:
            for k in range(K):
                traj[g + 1, k] = counts[k]
            continue
        gkey = mix64(key ^ mix64(np.uint64(g)))
        for e in range(N):
            c = np.uint64(4 * e)
            i = min(int(uniform_at(gkey, c) * N), N - 1)
            j = min(int(uniform_at(gkey, c + np.uint64(1)) * (N - 1)), N - 2)
            if j >= i:
                j += 1
            old = types[i]
            new = old
            if mu > 0.0 and uniform_at(gkey, c + np.uint64(2)) < mu:
                # a trial of another type, uniform over the other K - 1
                m = min(int(uniform_at(gkey, c + np.uint64(3)) * (K - 1)), K - 2)
                new = m + 1 if m >= old else m
            elif types[j] != old:
                diff = (pay[types[j]] - pay[old]) * scale
                if uniform_at(gkey, c + np.uint64(3)) < 1.0 / (1.0 + np.exp(-beta * diff)):
                    new = types[j]
            if new != old:
                types[i] = new
                counts[old] -= 1
                counts[new] += 1
                # recomputed from the counts (not updated by differences) so that the
                # payoffs are exact functions of the state, free of accumulated rounding
                _type_payoffs(A, counts, pay)
        for k in range(K):
            traj[g + 1, k] = counts[k]
        if stop_on_fixation and done < 0:
            for k in range(K):
                if counts[k] == N:
                    done = g + 1
    return done


@njit(cache=True)
def _learning_run(key, A, params, g0, g1, types, props, traj):
    """Roth-Erev reinforcement learning (Erev & Roth 1998) for one run.

    Every generation all actors are paid against the population at the start of the
    generation (synchronous), then each updates its propensities
    ``q_m <- (1 - phi) q_m + x (1 - eps)`` for the type it played and
    ``+ x eps / (K - 1)`` for the others, with ``x`` its payoff minus the matrix's
    smallest entry, and draws its next type with probability ``q_m / sum(q)`` (uniform
    if every propensity is 0) from the stream keyed by (run, g), counter = actor.
    """
    N = types.shape[0]
    K = A.shape[0]
    eps, phi, xmin = params[1], params[2], params[3]
    counts = np.zeros(K, dtype=np.int64)
    for i in range(N):
        counts[types[i]] += 1
    pay = np.empty(K)
    scale = 1.0 / (N - 1)
    spread = eps / (K - 1)
    for k in range(K):
        traj[g0, k] = counts[k]
    for g in range(g0, g1):
        _type_payoffs(A, counts, pay)
        gkey = mix64(key ^ mix64(np.uint64(g)))
        for i in range(N):
            played = types[i]
            x = pay[played] * scale - xmin
            if x < 0.0:  # rounding below the smallest entry
                x = 0.0
            total = 0.0
            for m in range(K):
                q = (1.0 - phi) * props[i, m] + (x * (1.0 - eps) if m == played else x * spread)
                props[i, m] = q
                total += q
            u = uniform_at(gkey, np.uint64(i))
            if total > 0.0:
                target = u * total
                acc = 0.0
                choice = K - 1
                for m in range(K):
                    acc += props[i, m]
                    if acc > target:
                        choice = m
                        break
                while props[i, choice] <= 0.0 and choice > 0:  # rounding at the top end
                    choice -= 1
            else:
                choice = min(int(u * K), K - 1)
            types[i] = choice
        for k in range(K):
            counts[k] = 0
        for i in range(N):
            counts[types[i]] += 1
        for k in range(K):
            traj[g + 1, k] = counts[k]


@njit(cache=True)
def _shock(base, r0, g, target, count, q_total, types, props):
    """Replace ``count`` random actors not of type ``target`` by newcomers of that type in
    every run (in place); the draws come from the stream keyed by (run, g, shock). A
    newcomer's propensities (learning) are all on its type."""
    N = types.shape[1]
    learning = props.shape[1] == N  # Fermi runs pass a [runs, 1, 1] placeholder
    K = props.shape[2]
    idx = np.empty(N, dtype=np.int64)
    for rr in range(types.shape[0]):
        key = mix64(mix64(base ^ mix64(np.uint64(r0 + rr))) ^ mix64(np.uint64(g) + np.uint64(0x5BD1E995)))
        n = 0
        for i in range(N):
            if types[rr, i] != target:
                idx[n] = i
                n += 1
        # a partial Fisher-Yates shuffle picks min(count, n) of them
        for s in range(min(count, n)):
            t = s + min(int(uniform_at(key, np.uint64(s)) * (n - s)), n - s - 1)
            a = idx[s]
            idx[s] = idx[t]
            idx[t] = a
            i = idx[s]
            types[rr, i] = target
            if learning:
                for m in range(K):
                    props[rr, i, m] = q_total if m == target else 0.0


# -- populations with groups ---------------------------------------------------------------------
@njit(cache=True, parallel=True)
def _grouped_runs(base, learning, A, params, xmins, K, group_of, r0, g0, g1, types, props, traj):
    """Generations ``g0 <= g < g1`` of runs of a population with groups, in parallel.

    Parameters
    ----------
    A : ndarray(float64, ndim=2)
        ``[G K, G K]`` per-turn payoffs, group-major: row ``g K + a`` is what an a-actor of
        group g perceives against each (group, strategy).
    params : ndarray(float64, ndim=1)
        (intensity, exploration, forgetting).
    xmins : ndarray(float64, ndim=1)
        ``[G]`` each group's smallest perceivable payoff (Roth-Erev reference point).
    K : int
        Strategies in the repertoire.
    group_of : ndarray(int64, ndim=1)
        ``[N]`` each actor's group (fixed).
    types : ndarray(int64, ndim=2)
        ``[runs, N]`` each actor's (group, strategy) index ``g K + a``, modified in place.
    props : ndarray(float64, ndim=3)
        ``[runs, N, K]`` Roth-Erev propensities (learning only), modified in place.
    traj : ndarray(int32, ndim=3)
        ``[runs, generations + 1, G K]`` counts; rows ``g0`` .. ``g1`` written.
    """
    for rr in prange(types.shape[0]):
        key = mix64(base ^ mix64(np.uint64(r0 + rr)))
        if learning:
            _grouped_learning_run(key, A, params, xmins, K, group_of, g0, g1, types[rr], props[rr], traj[rr])
        else:
            _grouped_fermi_run(key, A, params, K, group_of, g0, g1, types[rr], traj[rr])


@njit(cache=True)
def _row_payoff(A, counts, row, absent):
    """Total per-turn payoff of row ``row`` against the population ``counts`` without one
    actor of column ``absent`` (the actor itself)."""
    s = 0.0
    for v in range(A.shape[1]):
        s += counts[v] * A[row, v]
    return s - A[row, absent]


@njit(cache=True)
def _grouped_fermi_run(key, A, params, K, group_of, g0, g1, types, traj):
    """Pairwise-comparison imitation with groups: the draws of :func:`_fermi_run`; the focal
    compares its own payoff with the payoff the model's strategy earns in the model's
    position, both valued with the focal's group's row of ``A``, and adopts (or explores)
    strategies only within its group."""
    N = types.shape[0]
    M = A.shape[0]
    beta, mu = params[0], params[1]
    counts = np.zeros(M, dtype=np.int64)
    for i in range(N):
        counts[types[i]] += 1
    scale = 1.0 / (N - 1)
    for k in range(M):
        traj[g0, k] = counts[k]
    for g in range(g0, g1):
        gkey = mix64(key ^ mix64(np.uint64(g)))
        for e in range(N):
            c = np.uint64(4 * e)
            i = min(int(uniform_at(gkey, c) * N), N - 1)
            j = min(int(uniform_at(gkey, c + np.uint64(1)) * (N - 1)), N - 2)
            if j >= i:
                j += 1
            old = types[i]
            offset = group_of[i] * K
            a = old - offset
            new = old
            if mu > 0.0 and uniform_at(gkey, c + np.uint64(2)) < mu:
                m = min(int(uniform_at(gkey, c + np.uint64(3)) * (K - 1)), K - 2)
                new = offset + (m + 1 if m >= a else m)
            else:
                b = types[j] - group_of[j] * K
                if b != a:
                    candidate = offset + b
                    diff = (_row_payoff(A, counts, candidate, types[j]) - _row_payoff(A, counts, old, old)) * scale
                    if uniform_at(gkey, c + np.uint64(3)) < 1.0 / (1.0 + np.exp(-beta * diff)):
                        new = candidate
            if new != old:
                types[i] = new
                counts[old] -= 1
                counts[new] += 1
        for k in range(M):
            traj[g + 1, k] = counts[k]


@njit(cache=True)
def _grouped_learning_run(key, A, params, xmins, K, group_of, g0, g1, types, props, traj):
    """Roth-Erev learning with groups: :func:`_learning_run` with each actor reinforced by
    its group's perceived payoff, measured from its group's smallest payoff, and choosing
    among the strategies of its group."""
    N = types.shape[0]
    M = A.shape[0]
    eps, phi = params[1], params[2]
    counts = np.zeros(M, dtype=np.int64)
    for i in range(N):
        counts[types[i]] += 1
    pay = np.empty(M)
    scale = 1.0 / (N - 1)
    spread = eps / (K - 1)
    for k in range(M):
        traj[g0, k] = counts[k]
    for g in range(g0, g1):
        _type_payoffs(A, counts, pay)
        gkey = mix64(key ^ mix64(np.uint64(g)))
        for i in range(N):
            played = types[i]
            offset = group_of[i] * K
            a = played - offset
            x = pay[played] * scale - xmins[group_of[i]]
            if x < 0.0:
                x = 0.0
            total = 0.0
            for m in range(K):
                q = (1.0 - phi) * props[i, m] + (x * (1.0 - eps) if m == a else x * spread)
                props[i, m] = q
                total += q
            u = uniform_at(gkey, np.uint64(i))
            if total > 0.0:
                target = u * total
                acc = 0.0
                choice = K - 1
                for m in range(K):
                    acc += props[i, m]
                    if acc > target:
                        choice = m
                        break
                while props[i, choice] <= 0.0 and choice > 0:
                    choice -= 1
            else:
                choice = min(int(u * K), K - 1)
            types[i] = offset + choice
        for k in range(M):
            counts[k] = 0
        for i in range(N):
            counts[types[i]] += 1
        for k in range(M):
            traj[g + 1, k] = counts[k]
