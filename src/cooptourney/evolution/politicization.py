"""Politicization with adaptive actors: cooperation and world welfare as politicization grows.

Fixed strategies never read payoffs, so the accelerator of politicization (political
will: the unsolved shared problem is *felt* to cost more) cannot change their play. Actors
who adapt on what they perceive can feel it. Each experiment here:

1. turns the issue (``Politicization``: s, theta, kappa, rho) and the shapes of the two
   forces (:class:`~cooptourney.politics.salience.Shapes`) into each group's perceived
   game (:func:`~cooptourney.politics.salience.shaped_profile`);
2. plays the round robin of the repertoire, each (group, strategy) a player, with the
   tournament engine: perceived utility, material payoff and cooperation per pair;
3. lets a population of actors adapt for some generations on the **perceived utility**
   (politics; or on the **material payoff**, policy, with ``fitness="material"``) with
   an :class:`~cooptourney.evolution.adaptive.AdaptivePopulation`;
4. measures, at the last generation of every run, the population's **cooperation** (the
   share of C moves actually played between its actors, after ratification failure) and
   **world welfare** (the mean material payoff per actor and turn, 3 under full mutual
   cooperation and 1 under full mutual defection at 3, 0, 5, 1). Both are material: what
   the world gets, never what the actors perceive.

Confidence intervals are 95% Student-t intervals over independent runs. Contrasts
between settings are paired run by run: run r of every setting draws from the same
random streams (common random numbers), so a difference's interval is the interval of
the per-run differences.

docs/model.md ("Result: politicization accelerates and brakes (interior optimum)",
"Result: uneven politicization makes alignment harder", "Result: phase diagrams") and
docs/reference/politicization.md give the results, their commands and their ranges.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, replace
from numbers import Real

import numpy as np
import pandas as pd
from scipy import stats

from cooptourney.evolution.adaptive import RULES, AdaptivePopulation
from cooptourney.evolution.intervals import mean_interval
from cooptourney.game import Game
from cooptourney.politics.salience import FELT_IN_PROFILE, Shapes, shaped_profile
from cooptourney.politics.transformer import ActorProfile, Politicization, Transformer
from cooptourney.settings import SettingsError, check_positive_int, check_seed
from cooptourney.tournament import Tournament

__all__ = [
    "AXES",
    "REPERTOIRE",
    "Experiment",
    "curve",
    "forces",
    "optimum",
    "outcomes",
    "phase",
    "uneven",
]

#: The default repertoire: unconditional defection, specific reciprocity, unconditional
#: cooperation and the error-correcting Pavlov rule -- the smallest set in which an
#: adaptive population can fall into defection, reach reciprocal cooperation, and be
#: exploited, and in which ratification failure (echoes between Tit For Tat players)
#: costs something.
REPERTOIRE = ("Defector", "Tit For Tat", "Cooperator", "Win-Stay Lose-Shift")
#: What each phase diagram varies against s: the threat's severity, the relative-gains
#: brake, the veto (ratification) brake.
AXES = {"threat": "theta", "brake": "kappa", "veto": "rho"}
FITNESS_TEXT = {"perceived": "perceived utility (politics)", "material": "material payoff (policy)"}
WELFARE_TEXT = "world welfare: mean material payoff per actor and turn"
COOPERATION_TEXT = "cooperation: share of C moves played (material)"


@dataclass(frozen=True)
class Experiment:
    """Everything an adaptive politicization experiment depends on except the issue.

    Parameters
    ----------
    repertoire : tuple of str, default :data:`REPERTOIRE`
        Strategies the actors choose among (at least two).
    shapes : Shapes, default ``Shapes()`` (saturating accelerator, threshold brake)
    fitness : {"perceived", "material"}, default "perceived"
        What the actors adapt on: perceived utility (politics) or material payoff
        (policy). Cooperation and world welfare are always material.
    rule : {"learning", "fermi"}, default "learning"
        Roth-Erev reinforcement learning (each actor learns from its own perceived
        experience, which suits actors who perceive differently) or Fermi imitation.
    population : int, default 20
        Actors; with groups (:func:`uneven`) split into equal groups.
    generations : int, default 200
        Generations of adaptation before the measurement.
    runs : int, default 40
        Independent runs per setting (the unit of the confidence intervals).
    exploration : float, default 0.01
        Experimentation (learning) or exploration (Fermi) of the adaptive rule.
    intensity : float, default 1.0
        Fermi selection intensity (not used by the learning rule).
    turns, repetitions : int, default 100 and 50
        Match length and repetitions of the round robin giving the payoff matrices.
    seed : int, default 0
    """

    repertoire: tuple[str, ...] = REPERTOIRE
    shapes: Shapes = field(default_factory=Shapes)
    fitness: str = "perceived"
    rule: str = "learning"
    population: int = 20
    generations: int = 200
    runs: int = 40
    exploration: float = 0.01
    intensity: float = 1.0
    turns: int = 100
    repetitions: int = 50
    seed: int = 0

    def __post_init__(self) -> None:
        if isinstance(self.repertoire, str) or len(tuple(self.repertoire)) < 2:
            raise SettingsError(f"the repertoire needs at least two strategies, got {self.repertoire!r}")
        object.__setattr__(self, "repertoire", tuple(self.repertoire))
        if not isinstance(self.shapes, Shapes):
            raise SettingsError(f"shapes must be a Shapes, got {self.shapes!r}")
        if self.fitness not in FITNESS_TEXT:
            raise SettingsError(f"fitness must be one of {', '.join(FITNESS_TEXT)}, got {self.fitness!r}")
        if self.rule not in RULES:
            raise SettingsError(f"rule must be one of {', '.join(RULES)}, got {self.rule!r}")
        for name in ("population", "generations", "runs", "turns", "repetitions"):
            object.__setattr__(self, name, check_positive_int(name, getattr(self, name)))
        if self.runs < 2:
            raise SettingsError(f"runs must be >= 2 for a confidence interval, got {self.runs}")
        if self.population < 2 * len(self.repertoire):
            raise SettingsError(
                f"population must be >= {2 * len(self.repertoire)} (two groups with every strategy), "
                f"got {self.population}"
            )
        for name, hi in (("exploration", 1.0), ("intensity", math.inf)):
            x = getattr(self, name)
            if isinstance(x, bool) or not isinstance(x, Real) or not 0.0 <= float(x) <= hi:
                raise SettingsError(
                    f"{name} must be a finite number >= 0{'' if hi == math.inf else ', <= 1'}, got {x!r}"
                )
            object.__setattr__(self, name, float(x))
        object.__setattr__(self, "seed", check_seed(self.seed))

    @property
    def fitness_text(self) -> str:
        """What the actors adapt on, for every output."""
        return FITNESS_TEXT[self.fitness]

    def as_dict(self) -> dict:
        """Plain data for settings and outputs."""
        d = asdict(self)
        d["repertoire"] = list(self.repertoire)
        d["shapes"] = self.shapes.as_dict()
        d["fitness"] = self.fitness_text
        return d


def _issue(politicization) -> Politicization:
    if not isinstance(politicization, Politicization):
        raise SettingsError(f"politicization must be a Politicization, got {politicization!r}")
    return politicization


def outcomes(politicization: Politicization, experiment: Experiment | None = None, felt=None) -> dict[str, np.ndarray]:
    """Cooperation and world welfare of every run at the last generation.

    Parameters
    ----------
    politicization : Politicization
        The issue: ``s``, the threat's severity ``theta`` and the brakes ``kappa``, ``rho``.
    experiment : Experiment, default ``Experiment()``
    felt : sequence of float >= 0, optional
        The politicization each group of actors feels (equal groups); default one group
        feeling ``s``.

    Returns
    -------
    dict
        ``cooperation`` float64[runs] and ``welfare`` float64[runs] (both material),
        ``shares`` float64[runs, K] each strategy's share (over groups).
    """
    pol = _issue(politicization)
    exp = experiment if experiment is not None else Experiment()
    levels = [pol.s] if felt is None else list(felt)
    for x in levels:
        if isinstance(x, bool) or not isinstance(x, Real) or not math.isfinite(float(x)) or x < 0:
            raise SettingsError(f"the politicization a group feels must be a number >= 0, got {x!r}")
    G, K = len(levels), len(exp.repertoire)
    if exp.population % G:
        raise SettingsError(f"population {exp.population} does not split into {G} equal groups")
    profiles = tuple(shaped_profile(ActorProfile(), pol, exp.shapes, felt=float(x)) for x in levels)
    players = list(exp.repertoire) * G
    transformer = Transformer(tuple(p for p in profiles for _ in range(K)), FELT_IN_PROFILE)
    res = Tournament(
        players, turns=exp.turns, repetitions=exp.repetitions, seed=exp.seed, transformer=transformer
    ).play()
    fitness = res.utility_matrix_per_turn if exp.fitness == "perceived" else res.payoff_matrix
    kwargs = {"intensity": exp.intensity} if exp.rule == "fermi" else {}
    pop = AdaptivePopulation(
        list(exp.repertoire),
        rule=exp.rule,
        exploration=exp.exploration,
        matrix=fitness,
        groups=[exp.population // G] * G,
        seed=exp.seed,
        **kwargs,
    )
    counts = pop.run(generations=exp.generations, runs=exp.runs).final_counts.astype(np.float64)
    return {
        "cooperation": _pair_mean(counts, res.cooperation_matrix),
        "welfare": _pair_mean(counts, res.payoff_matrix),
        "shares": counts.reshape(exp.runs, G, K).sum(axis=1) / exp.population,
    }


def _pair_mean(counts: np.ndarray, M: np.ndarray) -> np.ndarray:
    """float64[runs]: mean of ``M[u, v]`` over ordered pairs of distinct actors."""
    N = counts[0].sum()
    total = np.einsum("ru,uv,rv->r", counts, M, counts) - counts @ np.diag(M)
    return total / (N * (N - 1))


#: The values each measure can take, to which its interval is clipped: cooperation is a
#: share; world welfare is a pair's mean material payoff per turn in the default game,
#: between mutual defection P and mutual cooperation R (the PD's S + T lies between 2P and 2R).
_RANGE = {"cooperation": (0.0, 1.0), "welfare": (Game().P, Game().R)}


def _level_interval(out: dict[str, np.ndarray], measure: str) -> tuple[float, float, float]:
    """Mean and 95% interval over runs of a measure's level, within the values it can take."""
    low, high = _RANGE[measure]
    return mean_interval(out[measure], low=low, high=high)


def _row(out: dict[str, np.ndarray]) -> dict[str, float]:
    c, w = _level_interval(out, "cooperation"), _level_interval(out, "welfare")
    return {
        "cooperation": c[0],
        "cooperation_low": c[1],
        "cooperation_high": c[2],
        "welfare": w[0],
        "welfare_low": w[1],
        "welfare_high": w[2],
    }


def _levels(name: str, values, lo: float = 0.0, hi: float = math.inf) -> list[float]:
    try:
        xs = [float(v) for v in values]
    except (TypeError, ValueError):
        raise SettingsError(f"{name} must be a list of numbers, got {values!r}") from None
    if not xs or any(not math.isfinite(x) or not lo <= x <= hi for x in xs):
        upper = "" if hi == math.inf else f" and <= {hi:g}"
        raise SettingsError(f"{name} must be one or more numbers >= {lo:g}{upper}, got {values!r}")
    return xs


def _attrs(df: pd.DataFrame, exp: Experiment, pol: Politicization) -> pd.DataFrame:
    df.attrs.update(fitness=exp.fitness_text, cooperation=COOPERATION_TEXT, welfare=WELFARE_TEXT, issue=pol.as_dict())
    df.attrs["experiment"] = exp.as_dict()
    return df


def curve(levels, politicization: Politicization | None = None, experiment: Experiment | None = None) -> pd.DataFrame:
    """Cooperation and world welfare against politicization ``s``, with 95% intervals.

    Parameters
    ----------
    levels : sequence of float in [0, 1]
        The values of ``s``.
    politicization : Politicization, default ``Politicization()``
        theta, kappa and rho (its ``s`` is replaced by each level).
    experiment : Experiment, default ``Experiment()``

    Returns
    -------
    DataFrame
        One row per level: ``s``, ``acceleration`` a(s), ``braking`` b(s),
        ``cooperation`` and ``welfare`` with ``_low``/``_high`` bounds, ``fitness``.
        ``attrs`` carries the fitness, the measures' definitions and the settings.
    """
    pol = _issue(politicization if politicization is not None else Politicization())
    exp = experiment if experiment is not None else Experiment()
    xs = _levels("s levels", levels, 0.0, 1.0)
    rows = []
    for s in xs:
        a, b = exp.shapes.effects(s)
        rows.append(
            {"s": s, "acceleration": a, "braking": b}
            | _row(outcomes(replace(pol, s=s), exp))
            | {"fitness": exp.fitness_text}
        )
    return _attrs(pd.DataFrame(rows), exp, pol)


def optimum(table: pd.DataFrame, politicization: Politicization | None = None, experiment: Experiment | None = None):
    """The interior optimum of a :func:`curve`, confirmed on independent runs.

    The level ``s*`` of highest mean cooperation in ``table`` is chosen first; then
    ``s = 0``, ``s*`` and ``s = 1`` are run again with a different seed (``seed + 1``),
    so that choosing the best level cannot inflate the contrasts. Contrasts are paired
    run by run.

    Returns
    -------
    DataFrame
        Rows ``cooperation`` and ``welfare``; columns ``s_star``, ``rise`` (value at
        ``s*`` minus value at 0) and ``fall`` (at ``s*`` minus at 1), each with
        ``_low``/``_high`` bounds, and ``interior`` (True when both lower bounds are
        > 0). ``attrs`` carries the fitness.
    """
    pol = _issue(politicization if politicization is not None else Politicization())
    exp = experiment if experiment is not None else Experiment()
    if table.empty or "cooperation" not in table:
        raise SettingsError("optimum needs a table from curve()")
    s_star = float(table.loc[table["cooperation"].idxmax(), "s"])
    fresh = replace(exp, seed=(exp.seed + 1) % 2**63)
    at = {s: outcomes(replace(pol, s=s), fresh) for s in (0.0, s_star, 1.0)}
    rows = []
    for measure in ("cooperation", "welfare"):
        rise = mean_interval(at[s_star][measure] - at[0.0][measure])
        fall = mean_interval(at[s_star][measure] - at[1.0][measure])
        rows.append(
            {
                "measure": measure,
                "s_star": s_star,
                "at_0": float(at[0.0][measure].mean()),
                "at_s_star": float(at[s_star][measure].mean()),
                "at_1": float(at[1.0][measure].mean()),
                "rise": rise[0],
                "rise_low": rise[1],
                "rise_high": rise[2],
                "fall": fall[0],
                "fall_low": fall[1],
                "fall_high": fall[2],
                "interior": bool(rise[1] > 0 and fall[1] > 0),
                "fitness": exp.fitness_text,
            }
        )
    return _attrs(pd.DataFrame(rows).set_index("measure"), fresh, pol)


def forces(politicization: Politicization | None = None, experiment: Experiment | None = None) -> pd.DataFrame:
    """Each force alone, from s = 0 to s = 1: the accelerator should raise cooperation, the brake lower it.

    ``accelerator`` keeps theta and sets kappa = rho = 0; ``brake`` keeps kappa and rho
    and sets theta = 0. The change from ``s = 0`` to ``s = 1`` is paired run by run.

    Returns
    -------
    DataFrame
        Rows ``accelerator`` and ``brake``; columns ``cooperation_change`` and
        ``welfare_change`` (value at s = 1 minus value at s = 0), each with
        ``_low``/``_high`` 95% bounds.
    """
    pol = _issue(politicization if politicization is not None else Politicization())
    exp = experiment if experiment is not None else Experiment()
    alone = {"accelerator": replace(pol, kappa=0.0, rho=0.0), "brake": replace(pol, theta=0.0)}
    rows = {}
    for name, issue in alone.items():
        start, end = outcomes(replace(issue, s=0.0), exp), outcomes(replace(issue, s=1.0), exp)
        rows[name] = {"theta": issue.theta, "kappa": issue.kappa, "rho": issue.rho}
        for m in ("cooperation", "welfare"):
            c = mean_interval(end[m] - start[m])
            rows[name] |= {f"{m}_change": c[0], f"{m}_change_low": c[1], f"{m}_change_high": c[2]}
        rows[name]["fitness"] = exp.fitness_text
    df = pd.DataFrame.from_dict(rows, orient="index")
    df.index.name = "force"
    return _attrs(df, exp, pol)


def phase(
    axis: str,
    levels,
    values,
    politicization: Politicization | None = None,
    experiment: Experiment | None = None,
) -> pd.DataFrame:
    """A phase diagram: cooperation and world welfare over ``s`` and one strength.

    Parameters
    ----------
    axis : {"threat", "brake", "veto"}
        The strength varied against ``s``: the threat's severity theta, the
        relative-gains brake kappa, or the veto brake rho (:data:`AXES`).
    levels : sequence of float in [0, 1]
        Values of ``s``.
    values : sequence of float >= 0
        Values of the strength.
    politicization : Politicization, default ``Politicization()``
        The strengths held fixed.
    experiment : Experiment, default ``Experiment()``

    Returns
    -------
    DataFrame
        One row per (s, strength): ``s``, the strength's name, ``cooperation`` and
        ``welfare`` with bounds, ``fitness``.
    """
    if axis not in AXES:
        raise SettingsError(f"the phase axis must be one of {', '.join(AXES)}, got {axis!r}")
    pol = _issue(politicization if politicization is not None else Politicization())
    exp = experiment if experiment is not None else Experiment()
    name = AXES[axis]
    xs = _levels("s levels", levels, 0.0, 1.0)
    ys = _levels(f"{name} values", values, 0.0)
    rows = []
    for y in ys:
        for s in xs:
            rows.append(
                {"s": s, name: y} | _row(outcomes(replace(pol, s=s, **{name: y}), exp)) | {"fitness": exp.fitness_text}
            )
    return _attrs(pd.DataFrame(rows), exp, pol)


def uneven(
    mean: float,
    spread: float,
    politicization: Politicization | None = None,
    experiment: Experiment | None = None,
    consensus: float = 0.75,
) -> pd.DataFrame:
    """Even against uneven politicization at the same mean: which aligns more often?

    Two equal groups of actors either both feel ``mean`` (even) or feel ``mean - spread``
    and ``mean + spread`` (uneven). **Alignment** is a run ending in a cooperative
    consensus: a population cooperation rate of at least ``consensus`` at the last
    generation. Run r of both settings shares its random streams, so the differences are
    paired run by run.

    Parameters
    ----------
    mean : float in [0, 1]
    spread : float, ``0 < spread <= mean``
    politicization : Politicization, default ``Politicization()`` (its ``s`` is unused)
    experiment : Experiment, default ``Experiment()``
    consensus : float in (0, 1], default 0.75
        Cooperation rate that counts as a cooperative consensus.

    Returns
    -------
    DataFrame
        Rows ``even``, ``uneven`` and ``uneven - even``; columns ``alignment`` (share of
        runs aligned), ``cooperation`` and ``welfare``, each with ``_low``/``_high``
        95% bounds, and the groups' ``felt`` levels.
    """
    pol = _issue(politicization if politicization is not None else Politicization())
    exp = experiment if experiment is not None else Experiment()
    ok = all(not isinstance(x, bool) and isinstance(x, Real) and math.isfinite(float(x)) for x in (mean, spread))
    if not ok or not 0.0 <= mean <= 1.0 or not 0.0 < spread <= mean:
        raise SettingsError(
            f"uneven politicization needs a mean in [0, 1] and a spread with 0 < spread <= mean, got {mean!r}, {spread!r}"
        )
    if isinstance(consensus, bool) or not isinstance(consensus, Real) or not 0.0 < consensus <= 1.0:
        raise SettingsError(f"consensus must be a cooperation rate in (0, 1], got {consensus!r}")
    if exp.population % 2:
        raise SettingsError(f"population must be even (two equal groups), got {exp.population}")
    felt = {"even": (mean, mean), "uneven": (mean - spread, mean + spread)}
    out = {k: outcomes(pol, exp, felt=v) for k, v in felt.items()}
    for o in out.values():
        o["alignment"] = (o["cooperation"] >= consensus).astype(np.float64)
    measures = ("alignment", "cooperation", "welfare")
    rows = {}
    for k in ("even", "uneven"):
        rows[k] = {"felt": ", ".join(f"{x:g}" for x in felt[k])}
        for m in measures:
            c = _level_interval(out[k], m) if m != "alignment" else _binomial(out[k][m])
            rows[k] |= {m: c[0], f"{m}_low": c[1], f"{m}_high": c[2]}
    rows["uneven - even"] = {"felt": ""}
    for m in measures:
        c = mean_interval(out["uneven"][m] - out["even"][m])
        rows["uneven - even"] |= {m: c[0], f"{m}_low": c[1], f"{m}_high": c[2]}
    df = pd.DataFrame.from_dict(rows, orient="index")
    df.index.name = "politicization"
    df["fitness"] = exp.fitness_text
    df = _attrs(df, exp, pol)
    df.attrs["consensus"] = consensus
    return df


def _binomial(x: np.ndarray) -> tuple[float, float, float]:
    """Share of successes and its 95% Wilson interval."""
    n = len(x)
    p = float(x.mean())
    z = float(stats.norm.ppf(0.975))
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return p, centre - half, centre + half
