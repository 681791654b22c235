"""Glynatsi, Knight & Harper (2024): thousands of random tournaments, ranked by median normalised rank.

Their design: tournaments whose field is a random subset of the library (3 to all
strategies), whose length (1 to 200 turns), repetitions (10 to 100), noise and ending
probability (0 to 1) are drawn at random, of four types: standard, noisy,
probabilistic-ending and noisy probabilistic-ending; 45,600 tournaments in all. Each
strategy's normalised rank in a tournament of N players is (rank - 1) / (N - 1) (0:
first, 1: last); their analysis is each strategy's median normalised rank per type.

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
from cooptourney.reproduce.catalogue import Reproduction, Setting

__all__ = [
    "GLYNATSI_2024",
    "PROB_END_LOW",
    "TOURNAMENTS",
    "TYPES",
    "glynatsi_field",
    "glynatsi_spec",
    "median_normalised_ranks",
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

GLYNATSI_2024 = Reproduction(
    name="glynatsi-2024",
    title="Glynatsi, Knight & Harper (2024): properties of winning strategies",
    citation="Glynatsi N.E., Knight V., Harper M. (2024) PLoS Comput Biol 20(12): e1012644",
    summary="45,600 random tournaments of four types; each strategy's median normalised rank per type",
    settings=tuple(Setting(t, repetitions=n) for t, n in TOURNAMENTS.items()),
    claims=(),
    reduced_scale=0.0001,
    notes=(
        "The design is shipped as a sweep spec (glynatsi_spec); the field is every native two-player strategy of "
        "this library but the five meta players built on large teams, rather than their 195. Their top-performers table is not transcribed here, so the run "
        "reports our table and judges no published value."
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


def glynatsi_spec(kind: str, tournaments: int, seed: int = 2024, pool: int = POOL) -> dict[str, Any]:
    """The sweep spec of ``tournaments`` tournaments of one type (a dict in the TOML's shape).

    Every tournament draws its field from a pool of ``min(pool, tournaments)`` random
    fields and its turns (1..200), repetitions (10..100), noise (0..1) and ending
    probability (``PROB_END_LOW``..1) as its type asks; a task's draws and seed depend
    on the sweep seed and its sample number only (docs/reference/sweeps.md), and the
    sweep seed of the k-th type of :data:`TYPES` is ``4 * seed + k``.
    """
    if kind not in TYPES:
        raise ValueError(f"unknown tournament type {kind!r}; choose one of {', '.join(TYPES)}")
    if int(tournaments) < 1:
        raise ValueError(f"tournaments must be >= 1, got {tournaments}")
    fields = _pool(kind, min(int(pool), int(tournaments)), seed, glynatsi_field())
    noisy, probend = kind.startswith("noisy"), kind.endswith("probend")
    random: dict[str, Any] = {"samples": int(tournaments), "tournament.players": {"choice": fields}}
    base: dict[str, Any] = {"players": fields[0], "repetitions": 10}
    random["tournament.repetitions"] = {"randint": [10, 100]}
    if probend:
        base["prob_end"] = 0.5
        random["tournament.prob_end"] = {"uniform": [PROB_END_LOW, 1.0]}
    else:
        base["turns"] = 200
        random["tournament.turns"] = {"randint": [1, 200]}
    if noisy:
        random["tournament.noise"] = {"uniform": [0.0, 1.0]}
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
        spec = spec_from_dict(glynatsi_spec(kind, n, seed=2024 + int(seed)), origin=f"glynatsi-2024 {kind}")
        for task in spec.tasks:
            # what `cooptourney sweep` stores for a task (sweeps.run_task), with the turns counted
            t = task.tournament()
            df = t.play(progress=progress).to_dataframe()
            simulated += t.turns_simulated
            accounted += t.turns_accounted
            df.insert(0, "task", task.id)
            df.insert(0, "type", kind)
            frames.append(df)
    ranks = median_normalised_ranks(pd.concat(frames, ignore_index=True))
    elapsed = time.perf_counter() - started
    field = glynatsi_field()
    return ReproductionResult(
        reproduction=GLYNATSI_2024,
        field=Field(tuple(field), {p: p for p in field}, ()),
        scale=scale,
        seed=seed,
        repetitions=counts,
        claims=[],
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
