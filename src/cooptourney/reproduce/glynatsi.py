"""Glynatsi, Knight & Harper (2024): thousands of random tournaments, ranked by median normalised rank.

Their design: tournaments whose field is a random subset of the library (3 to all
strategies), whose length (1 to 200 turns), repetitions (10 to 100), noise and ending
probability (0 to 1) are drawn at random, of four types: standard, noisy,
probabilistic-ending and noisy probabilistic-ending; 45,600 tournaments in all. Each
strategy's normalised rank in a tournament of N players is (rank - 1) / (N - 1) (0:
first, 1: last); their analysis is each strategy's median normalised rank per type.
Their table of top performers (:data:`PUBLISHED_TOP`) takes the noisy and
probabilistic-ending types on the tournaments whose noise and ending probability are
at most 0.1 (:data:`PUBLISHED_RANGES`).

:func:`glynatsi_spec` writes the design as a sweep spec (``cooptourney sweep``, on one
machine or a Dask cluster); :func:`median_normalised_ranks` analyses its output;
:func:`run_glynatsi` plays a scaled-down design in this process.

References
----------
Glynatsi N.E., Knight V., Harper M. (2024) Properties of winning Iterated Prisoner's
Dilemma strategies. PLoS Comput Biol 20(12): e1012644.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cooptourney.registry import REGISTRY
from cooptourney.reproduce.catalogue import Claim, Reproduction, Setting

__all__ = [
    "GLYNATSI_2024",
    "PROB_END_LOW",
    "PUBLISHED_RANGES",
    "PUBLISHED_TOP",
    "TOURNAMENTS",
    "TYPES",
    "glynatsi_field",
    "glynatsi_spec",
    "median_normalised_ranks",
    "median_rank_intervals",
    "run_glynatsi",
    "spec_toml",
    "top_performers",
]

#: The four tournament types and the full design's tournaments of each (45,600 in all).
TYPES = ("standard", "noisy", "probend", "noisy-probend")
TOURNAMENTS = {t: 11_400 for t in TYPES}
#: The lowest ending probability drawn. The paper draws it from [0, 1]; near 0 a match's
#: expected length 1/p grows without bound (its mean over p uniform on (0, 1) is
#: infinite), so the shipped design draws p from [0.005, 1]: matches of up to 200 turns
#: on average, the longest of the fixed-length types.
PROB_END_LOW = 0.005
#: Player lists drawn per type; each tournament picks one of them at random.
POOL = 500

#: Their table of the top 15 strategies of each type by median normalised rank (0: won
#: every tournament it played), printed to three decimals. Noisy: the 1,151 tournaments
#: with noise at most 0.1; probabilistic ending: the 1,139 with ending probability at
#: most 0.1; noisy probabilistic ending: the 117 with both at most 0.1; standard: all
#: 11,420. Transcribed from the submitted manuscript's table of top performances.
PUBLISHED_TOP: dict[str, tuple[tuple[str, float], ...]] = {
    "standard": (
        ("Evolved HMM 5", 0.007),
        ("Evolved FSM 16", 0.010),
        ("EvolvedLookerUp2_2_2", 0.011),
        ("Evolved FSM 16 Noise 05", 0.017),
        ("PSO Gambler 2_2_2", 0.022),
        ("Evolved ANN", 0.029),
        ("Evolved ANN 5", 0.034),
        ("PSO Gambler 1_1_1", 0.037),
        ("Evolved FSM 4", 0.049),
        ("PSO Gambler Mem1", 0.050),
        ("Winner12", 0.060),
        ("Fool Me Once", 0.061),
        ("DBS", 0.071),
        ("DoubleCrosser", 0.072),
        ("BackStabber", 0.075),
    ),
    "noisy": (
        ("DBS", 0.000),
        ("Evolved FSM 16 Noise 05", 0.008),
        ("Evolved ANN 5 Noise 05", 0.013),
        ("BackStabber", 0.024),
        ("DoubleCrosser", 0.025),
        ("Evolved ANN 5", 0.028),
        ("Evolved ANN", 0.038),
        ("Spiteful Tit For Tat", 0.051),
        ("Evolved HMM 5", 0.051),
        ("Level Punisher", 0.052),
        ("Omega TFT", 0.059),
        ("Fool Me Once", 0.059),
        ("PSO Gambler 2_2_2 Noise 05", 0.067),
        ("Evolved FSM 16", 0.078),
        ("EugineNier", 0.080),
    ),
    "probend": (
        ("Evolved FSM 16", 0.000),
        ("Evolved FSM 16 Noise 05", 0.013),
        ("MEM2", 0.027),
        ("Evolved HMM 5", 0.043),
        ("EvolvedLookerUp2_2_2", 0.049),
        ("Spiteful Tit For Tat", 0.059),
        ("Nice Meta Winner", 0.069),
        ("NMWE Finite Memory", 0.069),
        ("NMWE Deterministic", 0.070),
        ("Grudger", 0.070),
        ("NMWE Long Memory", 0.074),
        ("Nice Meta Winner Ensemble", 0.076),
        ("EvolvedLookerUp1_1_1", 0.077),
        ("NMWE Memory One", 0.080),
        ("NMWE Stochastic", 0.085),
    ),
    "noisy-probend": (
        ("Raider", 0.022),
        ("MEM2", 0.037),
        ("Prober 3", 0.039),
        ("Evolved FSM 16 Noise 05", 0.048),
        ("Hard Prober", 0.072),
        ("Spiteful Tit For Tat", 0.078),
        ("Better and Better", 0.089),
        ("Grudger", 0.091),
        ("Fortress4", 0.096),
        ("Meta Winner Memory One", 0.099),
        ("NMWE Long Memory", 0.099),
        ("Nice Meta Winner", 0.104),
        ("NMWE Deterministic", 0.109),
        ("NMWE Memory One", 0.112),
        ("Nice Meta Winner Ensemble", 0.115),
    ),
}
#: The noise and ending-probability ranges of the tournaments their table analyses: the
#: design's draws restricted to at most 0.1 (a uniform draw restricted to [0, 0.1] is
#: uniform on it, so drawing from the restricted range plays the same subset).
PUBLISHED_RANGES = {
    "standard": {},
    "noisy": {"noise_high": 0.1},
    "probend": {"prob_end_high": 0.1},
    "noisy-probend": {"noise_high": 0.1, "prob_end_high": 0.1},
}
#: Distance from a published median normalised rank within which ours agrees: a tenth of
#: the field, for a field of 308 strategies where theirs had 195.
RANK_WITHIN = 0.1
#: Fewest tournaments of a type a strategy must have played for its median to be judged
#: (fewer give a bootstrap interval that says little about sampling error).
MIN_TOURNAMENTS = 5

GLYNATSI_2024 = Reproduction(
    name="glynatsi-2024",
    title="Glynatsi, Knight & Harper (2024): properties of winning strategies",
    citation="Glynatsi N.E., Knight V., Harper M. (2024) PLoS Comput Biol 20(12): e1012644",
    summary="45,600 random tournaments of four types; each strategy's median normalised rank per type",
    settings=tuple(Setting(t, repetitions=n) for t, n in TOURNAMENTS.items()),
    claims=tuple(
        Claim("median_rank", kind, player, value, within=RANK_WITHIN, decimals=3)
        for kind, top in PUBLISHED_TOP.items()
        for player, value in top
    ),
    reduced_scale=0.0001,
    notes=(
        "The design is shipped as a sweep spec (glynatsi_spec, noise and ending probability drawn from 0 to 1 as "
        "in the paper); the run in this process plays the tournaments their table analyses (noise and ending "
        "probability at most 0.1). The field is every native two-player strategy of this library but the five "
        "meta players built on large teams: 308 strategies where theirs had 195, so a strategy's normalised rank "
        "is measured against a different field. Three of their top strategies are among the five left out "
        "(NMWE Deterministic, NMWE Memory One, Meta Winner Memory One). Our medians are over far fewer "
        "tournaments; their 95% intervals are bootstrap intervals over the tournaments."
    ),
)


#: Meta players built on large teams, left out of the field: each costs about as much as a
#: tournament of its team, and ``axelrod`` classifies them as long_run_time.
TEAM_PLAYERS = (
    "Meta Majority Memory One",
    "Meta Winner Deterministic",
    "Meta Winner Memory One",
    "NMWE Deterministic",
    "NMWE Memory One",
)


def glynatsi_field() -> list[str]:
    """Every listed two-player strategy of the registry but :data:`TEAM_PLAYERS` (the group-only
    strategies play in multilateral mode only)."""
    return sorted(s.name for s in REGISTRY.all() if not s.hidden and not s.group and s.name not in TEAM_PLAYERS)


def _pool(kind: str, size: int, seed: int, field: list[str]) -> list[list[str]]:
    """``size`` random fields: a size uniform on 3..len(field), then that many distinct strategies."""
    rng = np.random.default_rng([int(seed), TYPES.index(kind)])
    lists = []
    for _ in range(size):
        k = int(rng.integers(3, len(field) + 1))
        lists.append(sorted(rng.choice(field, size=k, replace=False).tolist()))
    return lists


def glynatsi_spec(
    kind: str,
    tournaments: int,
    seed: int = 2024,
    pool: int = POOL,
    noise_high: float = 1.0,
    prob_end_high: float = 1.0,
) -> dict[str, Any]:
    """The sweep spec of ``tournaments`` tournaments of one type (a dict in the TOML's shape).

    Every tournament draws its field from a pool of ``min(pool, tournaments)`` random
    fields and its turns (1..200), repetitions (10..100), noise (0..``noise_high``) and
    ending probability (``PROB_END_LOW``..``prob_end_high``) as its type asks; a task's
    draws and seed depend on the sweep seed and its sample number only
    (docs/reference/sweeps.md), and the sweep seed of the k-th type of :data:`TYPES` is
    ``4 * seed + k``. The defaults are the paper's design; :data:`PUBLISHED_RANGES` gives
    the ranges of the tournaments its table of top performers analyses.
    """
    if kind not in TYPES:
        raise ValueError(f"unknown tournament type {kind!r}; choose one of {', '.join(TYPES)}")
    if int(tournaments) < 1:
        raise ValueError(f"tournaments must be >= 1, got {tournaments}")
    if not 0.0 < float(noise_high) <= 1.0:
        raise ValueError(f"noise_high must be in (0, 1], got {noise_high}")
    if not PROB_END_LOW < float(prob_end_high) <= 1.0:
        raise ValueError(f"prob_end_high must be in ({PROB_END_LOW}, 1], got {prob_end_high}")
    fields = _pool(kind, min(int(pool), int(tournaments)), seed, glynatsi_field())
    noisy, probend = kind.startswith("noisy"), kind.endswith("probend")
    random: dict[str, Any] = {"samples": int(tournaments), "tournament.players": {"choice": fields}}
    base: dict[str, Any] = {"players": fields[0], "repetitions": 10}
    random["tournament.repetitions"] = {"randint": [10, 100]}
    if probend:
        base["prob_end"] = 0.5
        random["tournament.prob_end"] = {"uniform": [PROB_END_LOW, float(prob_end_high)]}
    else:
        base["turns"] = 200
        random["tournament.turns"] = {"randint": [1, 200]}
    if noisy:
        random["tournament.noise"] = {"uniform": [0.0, float(noise_high)]}
    # each type its own sweep seed, so that the types' random draws are independent
    return {"tournament": base, "sweep": {"seed": 4 * int(seed) + TYPES.index(kind), "random": random}}


def spec_toml(spec: dict[str, Any]) -> str:
    """The spec as TOML text for ``cooptourney sweep`` (strings and lists in JSON spelling, valid TOML)."""

    def value(v: Any) -> str:
        if isinstance(v, dict):
            return "{ " + ", ".join(f"{k} = {value(x)}" for k, x in v.items()) + " }"
        return json.dumps(v, ensure_ascii=False)

    lines = ["# Glynatsi, Knight & Harper (2024): one tournament type of their design.", "", "[tournament]"]
    lines += [f"{k} = {value(v)}" for k, v in spec["tournament"].items()]
    lines += ["", "[sweep]", f"seed = {spec['sweep']['seed']}", "", "[sweep.random]"]
    lines += [f"{json.dumps(k) if '.' in k else k} = {value(v)}" for k, v in spec["sweep"]["random"].items()]
    return "\n".join(lines) + "\n"


def median_normalised_ranks(tables: pd.DataFrame) -> pd.DataFrame:
    """Each strategy's median normalised rank per type.

    ``tables`` has one row per player per tournament: ``type``, ``task``, ``player`` and
    ``rank`` (1 = first), as a sweep writes them. Returns ``type``, ``player``,
    ``median normalised rank``, ``tournaments``, sorted best first within each type.
    """
    df = tables[["type", "task", "player", "rank"]].copy()
    size = df.groupby(["type", "task"])["player"].transform("size")
    df["normalised rank"] = (df["rank"] - 1) / (size - 1)
    out = (
        df.groupby(["type", "player"])["normalised rank"]
        .agg(["median", "size"])
        .rename(columns={"median": "median normalised rank", "size": "tournaments"})
        .reset_index()
    )
    return out.sort_values(["type", "median normalised rank", "player"]).reset_index(drop=True)


def median_rank_intervals(
    tables: pd.DataFrame, confidence: float = 0.95, resamples: int = 2000, seed: int = 0
) -> pd.DataFrame:
    """:func:`median_normalised_ranks` with a bootstrap interval of each median.

    The tournaments are independent draws of the design, so a strategy's normalised
    ranks in the tournaments it played are an i.i.d. sample; the interval is the
    percentile bootstrap (Efron & Tibshirani 1993) of their median, ``resamples``
    resamples from a generator seeded by ``seed``, the type and the player (the same
    numbers on every run). Adds ``low``, ``high`` and ``place`` (1: best median of the
    type) to the columns of :func:`median_normalised_ranks`.
    """
    from scipy import stats

    from cooptourney.reproduce.run import derive_seed

    df = tables[["type", "task", "player", "rank"]].copy()
    size = df.groupby(["type", "task"])["player"].transform("size")
    df["normalised rank"] = (df["rank"] - 1) / (size - 1)
    out = median_normalised_ranks(tables)
    samples = {key: g.to_numpy() for key, g in df.groupby(["type", "player"])["normalised rank"]}
    lows, highs = [], []
    for kind, player in zip(out["type"], out["player"]):
        x = samples[(kind, player)]
        if len(x) < 2 or np.all(x == x[0]):  # no spread to resample: the interval is the point
            lows.append(float(np.median(x)))
            highs.append(float(np.median(x)))
            continue
        rng = np.random.default_rng(derive_seed(seed, "bootstrap", kind, player))
        ci = stats.bootstrap(
            (x,), np.median, confidence_level=confidence, n_resamples=resamples, method="percentile", rng=rng
        ).confidence_interval
        lows.append(float(ci.low))
        highs.append(float(ci.high))
    out["low"], out["high"] = lows, highs
    out["place"] = out.groupby("type")["median normalised rank"].rank(method="min").astype(int)
    return out


def judge_published_top(ranks: pd.DataFrame) -> list:
    """A verdict for each published median normalised rank (:data:`PUBLISHED_TOP`).

    ``ranks`` is :func:`median_rank_intervals`' table. A claim agrees when our interval
    meets the published value +- :data:`RANK_WITHIN` and disagrees when it misses it; a
    strategy outside our field, or in no tournament of the type, is not run, and one in
    fewer than :data:`MIN_TOURNAMENTS` is inconclusive.
    """
    from cooptourney.reproduce.run import AGREE, DISAGREE, INCONCLUSIVE, NOT_RUN, ClaimResult

    nan = float("nan")
    results = []
    for claim in GLYNATSI_2024.claims:
        sub = ranks[(ranks["type"] == claim.setting) & (ranks["player"] == claim.player)]
        if sub.empty:
            why = "not in our field" if claim.player in TEAM_PLAYERS else "in none of our tournaments of the type"
            results.append(ClaimResult(claim, claim.player, nan, nan, nan, NOT_RUN, why))
            continue
        row = sub.iloc[0]
        lo, hi = claim.published - claim.within, claim.published + claim.within
        ok = row["low"] <= hi and lo <= row["high"]
        n_type = int((ranks["type"] == claim.setting).sum())
        note = f"our place {int(row['place'])} of {n_type}, {int(row['tournaments'])} tournaments"
        if row["tournaments"] < MIN_TOURNAMENTS:
            ok = None
        results.append(
            ClaimResult(
                claim,
                claim.player,
                float(row["median normalised rank"]),
                float(row["low"]),
                float(row["high"]),
                INCONCLUSIVE if ok is None else AGREE if ok else DISAGREE,
                note,
            )
        )
    return results


def top_performers(ranks: pd.DataFrame, k: int = 10, min_tournaments: int = 1) -> pd.DataFrame:
    """The ``k`` best strategies of each type (among those in at least ``min_tournaments``), side by side."""
    cols = {}
    for kind in TYPES:
        sub = ranks[(ranks["type"] == kind) & (ranks["tournaments"] >= min_tournaments)].head(k)
        cols[kind] = [f"{p} ({r:.3f})" for p, r in zip(sub["player"], sub["median normalised rank"])]
        cols[kind] += [""] * (k - len(cols[kind]))
    return pd.DataFrame({"place": np.arange(1, k + 1), **cols})


def run_glynatsi(scale: float = 1.0, seed: int = 0, progress: bool = False):
    """Play ``scale`` times the design's tournaments (at least one per type) in this process."""
    from cooptourney.reproduce.run import Field, ReproductionResult, check_scale
    from cooptourney.sweeps import spec_from_dict

    scale = check_scale(scale)
    started = time.perf_counter()
    frames, counts = [], {}
    simulated = accounted = 0
    for kind in TYPES:
        n = max(1, round(TOURNAMENTS[kind] * scale))
        counts[kind] = n
        # the tournaments their table analyses: noise and ending probability at most 0.1
        spec = glynatsi_spec(kind, n, seed=2024 + int(seed), **PUBLISHED_RANGES[kind])
        spec = spec_from_dict(spec, origin=f"glynatsi-2024 {kind}")
        for task in spec.tasks:
            # what `cooptourney sweep` stores for a task (sweeps.run_task), with the turns counted
            t = task.tournament()
            df = t.play(progress=progress).to_dataframe()
            simulated += t.turns_simulated
            accounted += t.turns_accounted
            df.insert(0, "task", task.id)
            df.insert(0, "type", kind)
            frames.append(df)
    ranks = median_rank_intervals(pd.concat(frames, ignore_index=True), seed=seed)
    claims = judge_published_top(ranks)
    elapsed = time.perf_counter() - started
    field = glynatsi_field()
    return ReproductionResult(
        reproduction=GLYNATSI_2024,
        field=Field(tuple(field), {p: p for p in field}, ()),
        scale=scale,
        seed=seed,
        repetitions=counts,
        claims=claims,
        standings={"top performers by median normalised rank (0 first, 1 last)": top_performers(ranks), "all": ranks},
        elapsed=elapsed,
        turns_simulated=simulated,
        turns_accounted=accounted,
        unit="tournaments",
    )


def write_specs(directory: str | Path, seed: int = 2024, scale: float = 1.0) -> list[Path]:
    """Write the four types' sweep specs (``glynatsi-<type>.toml``) into ``directory``."""
    from cooptourney.atomic import write_atomic

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind in TYPES:
        text = spec_toml(glynatsi_spec(kind, max(1, round(TOURNAMENTS[kind] * scale)), seed=seed))
        paths.append(write_atomic(directory / f"glynatsi-{kind}.toml", lambda p, t=text: p.write_text(t)))
    return paths
