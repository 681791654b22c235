"""Parameter sweeps: many tournaments on Dask, stored as a resumable, verifiable dataset.

The path of a sweep, top to bottom (docs/sweeps.md)::

    spec (TOML: a base tournament + [sweep])   load_spec
      -> tasks: settings + a seed derived from them   SweepSpec.tasks
      -> each task's tournament on a Dask cluster     run_task (on a worker)
      -> ResultSet.to_dataframe()                     per-player summary
      -> DIR/tasks/<task id>.parquet, DIR/manifest.json   run_sweep (the client writes)
      -> verify / report                              verify, load_results, summarise

A spec is a ``cooptourney run`` config ([tournament], [politics], [plugins]) plus::

    [sweep]
    seed = 2024
    [sweep.grid]                       # the cartesian product, first key outermost
    "politics.s" = [0, 0.5, 1]
    "tournament.noise" = [0, 0.01]
    [sweep.random]                     # optional: every grid point x `samples` draws
    samples = 4
    "politics.profile.k" = { uniform = [-0.2, 0.6] }

Reproducibility: a task's seed is a hash of the sweep seed and the task's settings
(:func:`derive_seed`), never of its position, so adding values to the grid leaves every
existing task's seed, and therefore its results, unchanged; the engine makes a
tournament a pure function of its settings and seed (MODEL.md section 1), whatever runs
it. Each task's results are hashed bit for bit (:func:`result_hash`) into the manifest,
which is what :func:`verify` checks a recomputation against.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import difflib
import hashlib
import itertools
import json
import math
import os
import platform
import random as _random
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import numpy as np
import pandas as pd

from cooptourney.config import SCHEMA, ConfigError, load_config, load_plugins, read_toml, unknown_key_message
from cooptourney.results import write_atomic
from cooptourney.settings import check_positive_int, check_seed

__all__ = [
    "DISTRIBUTIONS",
    "SWEEPABLE",
    "SweepError",
    "SweepRun",
    "SweepSpec",
    "Task",
    "VerifyReport",
    "canonical_json",
    "derive_seed",
    "engine_versions",
    "load_results",
    "load_spec",
    "plot_heatmap",
    "result_hash",
    "run_sweep",
    "run_task",
    "spec_from_dict",
    "summarise",
    "task_id",
    "verify",
]

#: Versions that decide a task's bits: a directory is only ever resumed with these unchanged.
ENGINE_PACKAGES = ("cooptourney", "numba", "numpy")
FORMAT = "cooptourney-sweep/1"
MANIFEST = "manifest.json"
TASKS_DIR = "tasks"
#: Columns of every task file before the setting columns.
META_COLUMNS = ("task", "task_id", "seed")
#: The setting column that numbers the random draws (present when [sweep.random] is used).
SAMPLE = "sample"
PROFILE_FIELDS = ("k", "sensitivity", "term", "reelection", "memory", "ratification_failure")

#: Every setting a sweep can vary: path -> (kind of value, what one value is).
#: Kinds: "float" and "int" (numbers; random ranges allowed), "value" (anything else).
SWEEPABLE: dict[str, tuple[str, str]] = {
    "tournament.players": ("value", "a player list, e.g. [\"TFT\", \"Grudger\"]"),
    "tournament.turns": ("int", "turns per match (the cap when prob_end is given)"),
    "tournament.prob_end": ("float", "probability that a match ends after each turn"),
    "tournament.noise": ("float", "probability that a move is flipped"),
    "tournament.repetitions": ("int", "matches per pair"),
    "tournament.game": ("value", "payoffs [R, S, T, P]"),
    "politics.s": ("float", "issue politicization in [0, 1]"),
    "politics.theta": ("float", "threat severity (accelerator)"),
    "politics.kappa": ("float", "politicization's effect on k (brake)"),
    "politics.rho": ("float", "politicization's effect on ratification failure (brake)"),
    "politics.profile": ("value", "one actor profile for every player: a preset name or a table"),
    "politics.profiles": ("value", "a list with one actor profile per player"),
    **{f"politics.profile.{name}": ("int" if name == "term" else "float", f"{name} of every actor profile")
       for name in PROFILE_FIELDS},
}
#: Random ranges of [sweep.random]: ``{ uniform = [lo, hi] }`` and so on.
DISTRIBUTIONS = ("uniform", "loguniform", "randint", "choice")
_SPEC_SECTIONS = ("tournament", "politics", "plugins", "sweep")
_SWEEP_KEYS = ("seed", "grid", "random")


class SweepError(ConfigError):
    """A sweep spec or output directory is wrong; the message says where and what is allowed."""


# -- canonical forms, seeds and ids ------------------------------------------------------------
def _canonical(value: Any) -> Any:
    """JSON-native data in one spelling: a whole float becomes an int (0.0 -> 0)."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        x = float(value)
        if not math.isfinite(x):
            raise SweepError(f"setting values must be finite numbers, got {x!r}")
        return int(x) if x.is_integer() and abs(x) < 2**53 else x
    if isinstance(value, Mapping):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    raise SweepError(f"unsupported setting value {value!r} ({type(value).__name__})")


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces, whole numbers as integers, floats as their shortest repr.

    The text every id, seed and spec hash is computed from, so ``0`` and ``0.0``,
    or two key orders, name the same setting.
    """
    return json.dumps(_canonical(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


def _blake(text: str, size: int = 8) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=size, person=b"cooptourney-swp").digest()


def derive_seed(sweep_seed: int, settings: Mapping[str, Any]) -> int:
    """The tournament seed of a task: 63 bits of blake2b(sweep seed, canonical settings).

    A function of the task's own settings only, so adding or removing other tasks (more
    grid values, more samples) never changes it.
    """
    return int.from_bytes(_blake(canonical_json({"seed": int(sweep_seed), "settings": dict(settings)})), "big") >> 1


def task_id(settings: Mapping[str, Any]) -> str:
    """16 hex digits naming a task (its file name) by its settings alone."""
    return _blake(canonical_json(dict(settings))).hex()


def _uniform01(sweep_seed: int, sample: int, path: str) -> float:
    """A draw in [0, 1) keyed by (sweep seed, sample, setting): no RNG state, exact everywhere."""
    key = canonical_json(["random", int(sweep_seed), int(sample), path])
    return (int.from_bytes(_blake(key), "big") >> 11) * 2.0**-53


def _draw(dist: tuple[str, list], u: float) -> Any:
    kind, args = dist
    if kind == "uniform":
        lo, hi = args
        return lo + (hi - lo) * u
    if kind == "loguniform":
        lo, hi = args
        return math.exp(math.log(lo) + (math.log(hi) - math.log(lo)) * u)
    if kind == "randint":
        lo, hi = args
        return int(lo) + int(u * (int(hi) - int(lo) + 1))
    return args[int(u * len(args))]  # choice


def engine_versions() -> dict[str, str]:
    """Versions recorded in the manifest (the first three decide the results' bits)."""
    import numba

    from cooptourney import __version__

    versions = {"cooptourney": __version__, "numba": numba.__version__, "numpy": np.__version__,
                "python": platform.python_version(), "pandas": pd.__version__}
    for name in ("pyarrow", "dask", "distributed"):
        try:
            versions[name] = __import__(name).__version__
        except ImportError:
            pass
    return versions


# -- the spec ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Task:
    """One tournament of a sweep.

    ``settings`` are the swept values (setting path -> value as written in the spec,
    plus ``sample`` for random draws); ``config`` is what :func:`cooptourney.config.load_config`
    takes: the base tournament with those values applied and the derived ``seed``.
    """

    index: int
    id: str
    settings: dict[str, Any]
    seed: int
    config: dict[str, Any]
    plugins: tuple[str, ...] = ()

    def run_config(self):
        """The validated :class:`~cooptourney.config.RunConfig`."""
        _ensure_plugins(self.plugins)
        return load_config(None, self.config)

    def tournament(self):
        """The :class:`~cooptourney.tournament.Tournament` this task plays."""
        return self.run_config().tournament()


@dataclass(frozen=True)
class SweepSpec:
    """A parsed, fully validated sweep (build with :func:`load_spec`)."""

    raw: dict[str, Any]  # the TOML as read: what the manifest records and the hash covers
    origin: str  # the spec file, for messages
    base_dir: str  # where relative plugin paths start
    seed: int
    base: dict[str, Any]  # flat load_config settings of the base tournament
    grid: dict[str, list[Any]]
    random: dict[str, tuple[str, list]]
    samples: int
    plugins: tuple[tuple[str, str], ...]  # (absolute path, sha256 of its contents)
    tasks: tuple[Task, ...]
    columns: dict[str, str]  # setting column -> "int" | "float" | "str"

    @property
    def hash(self) -> str:
        """sha256 of the canonical spec plus the plugin files' contents: what "the same spec" means."""
        text = canonical_json({"spec": self.raw, "plugins": [sha for _, sha in self.plugins]})
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def describe(self) -> str:
        """One line: how the tasks come about."""
        parts = [f"{p} ({len(v)})" for p, v in self.grid.items()]
        text = " x ".join(parts) if parts else "the base tournament"
        if self.random:
            text += f" x {self.samples} random draws of {', '.join(self.random)}"
        return f"{len(self.tasks)} tasks: {text}"

    def task(self, settings: Mapping[str, Any], index: int = -1) -> Task:
        """The task of these settings (as a manifest records them)."""
        return _make_task(self.base, self.seed, dict(settings), index, tuple(p for p, _ in self.plugins))


def load_spec(path: str | Path) -> SweepSpec:
    """Read and validate a sweep spec; every task's settings are checked before anything runs.

    Raises
    ------
    SweepError
        One line naming the file, the section or setting path, and what is allowed.
    """
    path = Path(path)
    raw = read_toml(path, what="sweep spec", error=SweepError)
    return spec_from_dict(raw, origin=str(path), base_dir=path.resolve().parent)


def spec_from_dict(raw: Mapping[str, Any], origin: str = "spec", base_dir: str | Path = ".") -> SweepSpec:
    """:func:`load_spec` on already parsed TOML (e.g. the ``spec`` of a manifest)."""
    where = f"{origin}: "
    try:
        raw = json.loads(json.dumps(raw, allow_nan=False))  # a plain, private copy
    except (TypeError, ValueError) as exc:
        raise SweepError(where + f"a sweep spec holds numbers, text, lists and tables only ({exc})") from None
    for section, table in raw.items():
        if section == "output":
            raise SweepError(where + "[output] does not apply to a sweep: results go to `cooptourney sweep --out DIR`")
        if section not in _SPEC_SECTIONS:
            close = difflib.get_close_matches(section, _SPEC_SECTIONS, n=1, cutoff=0.6)
            hint = f"; did you mean [{close[0]}]?" if close else ""
            raise SweepError(where + f"unknown section [{section}]{hint} (allowed sections: "
                             + ", ".join(f"[{s}]" for s in _SPEC_SECTIONS) + ")")
        if not isinstance(table, dict):
            raise SweepError(where + f"[{section}] must be a section (a table)")
    base: dict[str, Any] = {}
    for section in ("tournament", "politics"):
        for key, value in raw.get(section, {}).items():
            if section == "tournament" and key == "seed":
                raise SweepError(where + "[tournament] seed does not apply to a sweep: every task's seed is "
                                 "derived from [sweep] seed and the task's settings")
            if key not in SCHEMA[section]:
                raise SweepError(where + unknown_key_message(key, SCHEMA[section], f"in [{section}]"))
            base[key] = value
    plugin_files = raw.get("plugins", {})
    for key in plugin_files:
        if key != "files":
            raise SweepError(where + unknown_key_message(key, SCHEMA["plugins"], "in [plugins]"))
    files = plugin_files.get("files", [])
    files = [files] if isinstance(files, str) else files
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        raise SweepError(where + f"[plugins] files must be a list of file names, got {files!r}")
    paths = [str(Path(base_dir, f).resolve()) for f in files]
    _ensure_plugins(paths, origin=origin)
    plugins = tuple((p, hashlib.sha256(Path(p).read_bytes()).hexdigest()) for p in paths)

    sweep = raw.get("sweep")
    if sweep is None:
        raise SweepError(where + "a sweep spec needs a [sweep] section with seed = <whole number> "
                         "and a [sweep.grid] and/or [sweep.random] table")
    for key in sweep:
        if key not in _SWEEP_KEYS:
            raise SweepError(where + unknown_key_message(key, _SWEEP_KEYS, "in [sweep]"))
    if "seed" not in sweep:
        raise SweepError(where + "[sweep] needs seed = <whole number >= 0>: the seed every task's seed is derived from")
    seed = sweep["seed"]
    try:
        seed = check_seed(int(seed) if isinstance(seed, float) and seed.is_integer() else seed)
    except ValueError as exc:
        raise SweepError(where + f"[sweep] {exc}") from None

    grid = _parse_grid(sweep.get("grid", {}), where)
    rand, samples = _parse_random(sweep.get("random", {}), where)
    for p in grid:
        if p in rand:
            raise SweepError(where + f"{p!r} is in both [sweep.grid] and [sweep.random]; give it in one of them")
    swept = set(grid) | set(rand)
    if {"politics.profile", "politics.profiles"} <= swept:
        raise SweepError(where + "sweep either 'politics.profile' (one for all players) or 'politics.profiles' "
                         "(one per player), not both")

    plugin_paths = tuple(paths)
    columns = _column_kinds(grid, rand)
    # First check the base with the first value of every swept setting, then each value on
    # its own, then every task: an error names the smallest thing that causes it.
    first = {p: v[0] for p, v in grid.items()}
    first.update({p: _draw(d, 0.0) for p, d in rand.items()})
    _check(base, first, where)
    for p, values in list(grid.items()) + [(p, _range_ends(d)) for p, d in rand.items()]:
        label = "[sweep.grid]" if p in grid else "[sweep.random] range of"
        for v in values:
            _check(base, {**first, p: v}, where + f"{label} {p!r} = {canonical_json(v)}: ")
    tasks = []
    combos = itertools.product(*grid.values()) if grid else [()]
    for combo in combos:
        for sample in range(samples if rand else 1):
            settings = dict(zip(grid, combo))
            if rand:
                settings.update({p: _draw(d, _uniform01(seed, sample, p)) for p, d in rand.items()})
                settings[SAMPLE] = sample
            task = _make_task(base, seed, settings, len(tasks), plugin_paths)
            _check(base, settings, where + f"task {_describe_settings(settings)}: ")
            tasks.append(task)
    return SweepSpec(raw=raw, origin=origin, base_dir=str(base_dir), seed=seed, base=base, grid=grid,
                     random=rand, samples=samples if rand else 0, plugins=plugins, tasks=tuple(tasks),
                     columns=columns)


def _flatten(table: Mapping[str, Any], prefix: str, leaf: Callable[[Any], bool]) -> Iterator[tuple[str, Any]]:
    """``{"politics": {"s": [..]}}`` and ``{"politics.s": [..]}`` both give ``("politics.s", [..])``."""
    for key, value in table.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and not leaf(value):
            yield from _flatten(value, path + ".", leaf)
        else:
            yield path, value


def _known_path(path: str, where: str, section: str) -> None:
    if path == "tournament.seed":
        raise SweepError(where + f"{section} 'tournament.seed' cannot be swept: each task's seed is derived from "
                         "[sweep] seed and its settings (use [tournament] repetitions for more matches per pair)")
    if path not in SWEEPABLE:
        message = unknown_key_message(path, SWEEPABLE, f"in {section}")
        raise SweepError(where + message.replace("unknown key", "unknown setting path", 1))


def _parse_grid(table: Any, where: str) -> dict[str, list[Any]]:
    if not isinstance(table, dict):
        raise SweepError(where + "[sweep.grid] must be a table of setting path = [values]")
    grid: dict[str, list[Any]] = {}
    for path, values in _flatten(table, "", lambda v: False):
        _known_path(path, where, "[sweep.grid]")
        kind, what = SWEEPABLE[path]
        if not isinstance(values, list) or not values:
            raise SweepError(where + f"[sweep.grid] {path!r} must be a non-empty list of values, each {what}; "
                             f"got {canonical_json(values)}")
        seen: set[str] = set()
        for v in values:
            key = canonical_json(v)
            if kind in ("int", "float") and (isinstance(v, bool) or not isinstance(v, (int, float))):
                raise SweepError(where + f"[sweep.grid] {path!r}: every value must be a number ({what}), got {key}")
            if path == "tournament.players" and not isinstance(v, list):
                raise SweepError(where + f"[sweep.grid] 'tournament.players' is a list of player lists, "
                                 f"e.g. [[\"TFT\", \"Grudger\"], [\"TFT\", \"Defector\"]]; got the value {key}")
            if key in seen:
                raise SweepError(where + f"[sweep.grid] {path!r} lists the value {key} twice")
            seen.add(key)
        grid[path] = values
    return grid


def _parse_random(table: Any, where: str) -> tuple[dict[str, tuple[str, list]], int]:
    if not isinstance(table, dict):
        raise SweepError(where + "[sweep.random] must be a table: samples = N and setting path = { uniform = [lo, hi] }")
    table = dict(table)
    samples = table.pop("samples", None)
    # a table is a range when it is not just more nesting ({ uniform = [0, 1] }, or a misspelt one)
    ranges = dict(_flatten(table, "", lambda v: not v or any(not isinstance(x, dict) for x in v.values())))
    if not ranges:
        if samples is not None:
            raise SweepError(where + "[sweep.random] has samples but no setting to draw: add e.g. "
                             "\"politics.s\" = { uniform = [0, 1] }")
        return {}, 0
    if samples is None:
        raise SweepError(where + "[sweep.random] needs samples = N (random draws for every grid point)")
    try:
        samples = check_positive_int("[sweep.random] samples", samples)
    except ValueError as exc:
        raise SweepError(where + str(exc)) from None
    out: dict[str, tuple[str, list]] = {}
    for path, dist in ranges.items():
        _known_path(path, where, "[sweep.random]")
        kind, what = SWEEPABLE[path]
        here = where + f"[sweep.random] {path!r}: "
        if not isinstance(dist, dict) or len(dist) != 1 or next(iter(dist)) not in DISTRIBUTIONS:
            raise SweepError(here + "give one range: { uniform = [lo, hi] }, { loguniform = [lo, hi] }, "
                             "{ randint = [lo, hi] } or { choice = [v1, v2, ...] }"
                             f"; got {canonical_json(dist)}")
        name, args = next(iter(dist.items()))
        if not isinstance(args, list) or not args:
            raise SweepError(here + f"{name} takes a list, got {canonical_json(args)}")
        if name != "choice":
            if len(args) != 2 or any(isinstance(a, bool) or not isinstance(a, (int, float)) for a in args):
                raise SweepError(here + f"{name} takes two numbers [lo, hi], got {canonical_json(args)}")
            if kind == "value":
                raise SweepError(here + f"{name} needs a numeric setting; {path} is {what}: use {{ choice = [...] }}")
            lo, hi = args
            if not lo <= hi:
                raise SweepError(here + f"{name} needs lo <= hi, got {canonical_json(args)}")
            if name == "loguniform" and lo <= 0:
                raise SweepError(here + f"loguniform needs 0 < lo, got {canonical_json(args)}")
            if name == "randint" and not all(float(a).is_integer() for a in args):
                raise SweepError(here + f"randint takes two whole numbers (both included), got {canonical_json(args)}")
            if kind == "int" and name != "randint":
                raise SweepError(here + f"{path} is a whole number: use {{ randint = [lo, hi] }}")
            args = [float(a) for a in args] if name != "randint" else [int(a) for a in args]
        out[path] = (name, args)
    return out, samples


def _range_ends(dist: tuple[str, list]) -> list[Any]:
    """The values a range can reach at its ends (all of them for a choice): checked up front."""
    return list(dist[1])


def _column_kinds(grid: Mapping[str, list], rand: Mapping[str, tuple[str, list]]) -> dict[str, str]:
    """One Parquet type per setting column, for every task file alike: "int", "float" or "str"."""
    kinds: dict[str, str] = {}
    for path in list(grid) + list(rand):
        if path in grid:
            values = grid[path]
        else:
            name, args = rand[path]
            values = args if name in ("choice", "randint") else [0.5]
        numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
        if numbers and (SWEEPABLE[path][0] == "float" or any(isinstance(v, float) for v in values)):
            kinds[path] = "float"
        elif numbers:
            kinds[path] = "int"
        else:
            kinds[path] = "str"
    if rand:
        kinds[SAMPLE] = "int"
    return kinds


def _column_value(value: Any, kind: str) -> Any:
    if kind == "float":
        return float(value)
    if kind == "int":
        return int(value)
    return value if isinstance(value, str) else canonical_json(value)


def _describe_settings(settings: Mapping[str, Any]) -> str:
    return ", ".join(f"{p}={canonical_json(v)}" for p, v in settings.items()) or "(the base tournament)"


def _apply(base: Mapping[str, Any], settings: Mapping[str, Any]) -> dict[str, Any]:
    """The base's flat settings with the swept values put in (load_config's override keys)."""
    from cooptourney.politics import ActorProfile

    flat = dict(base)
    fields: dict[str, Any] = {}
    for path, value in settings.items():
        if path == SAMPLE:
            continue
        section, key, *rest = path.split(".")
        if rest:
            fields[rest[0]] = value
            continue
        flat[key] = value
        other = {"profile": "profiles", "profiles": "profile"}.get(key)
        if other:
            flat.pop(other, None)
    if fields:
        def with_fields(profile: Any) -> Any:
            if isinstance(profile, str):
                profile = ActorProfile.preset(profile).as_dict()
            if not isinstance(profile, Mapping):
                return profile  # load_config reports it
            return {**profile, **fields}

        if isinstance(flat.get("profiles"), list):
            flat["profiles"] = [with_fields(p) for p in flat["profiles"]]
        else:
            flat["profile"] = with_fields(flat.get("profile", "neutral"))
    return flat


def _make_task(base: Mapping[str, Any], sweep_seed: int, settings: dict[str, Any], index: int,
               plugins: tuple[str, ...]) -> Task:
    seed = derive_seed(sweep_seed, settings)
    config = {**_apply(base, settings), "seed": seed}
    return Task(index=index, id=task_id(settings), settings=settings, seed=seed, config=config, plugins=plugins)


def _check(base: Mapping[str, Any], settings: Mapping[str, Any], where: str) -> None:
    try:
        load_config(None, {**_apply(base, settings), "seed": 0})
    except (ValueError, LookupError, TypeError) as exc:
        raise SweepError(where + " ".join(str(exc).split())) from None


# -- computing one task (on a worker) -------------------------------------------------------------
_LOADED_PLUGINS: set[str] = set()
_PLUGIN_LOCK = threading.Lock()
_KERNEL_LOCK = threading.Lock()


def _ensure_plugins(paths: Iterable[str], origin: str = "") -> None:
    """Import each plugin once per process (a worker may run many tasks)."""
    with _PLUGIN_LOCK:
        new = [p for p in paths if p not in _LOADED_PLUGINS]
        if new:
            load_plugins(new, origin=origin)
            _LOADED_PLUGINS.update(new)


def _kernel_lock() -> contextlib.AbstractContextManager:
    """Serialise kernel launches where numba's threading layer is not thread-safe (workqueue)."""
    import numba

    try:
        layer = numba.threading_layer()
    except ValueError:  # no parallel launch yet in this process: be safe for the first one
        return _KERNEL_LOCK
    return _KERNEL_LOCK if layer == "workqueue" else contextlib.nullcontext()


def run_task(task: Task, numba_threads: int | None = None,
             versions: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Play one task's tournament; its per-player summary (:meth:`ResultSet.to_dataframe`).

    Parameters
    ----------
    task : Task
    numba_threads : int, optional
        numba threads for this task's kernel (thread-local, so concurrent tasks in one
        worker each get their own); capped at ``NUMBA_NUM_THREADS``. The results do not
        depend on it.
    versions : mapping, optional
        The client's :data:`ENGINE_PACKAGES` versions: a worker with others refuses to
        run rather than mix results of two engines.
    """
    import numba

    if versions:
        mine = engine_versions()
        diff = [f"{k} {mine.get(k)} (client {v})" for k, v in versions.items() if mine.get(k) != v]
        if diff:
            raise RuntimeError(f"worker on {platform.node()} has {', '.join(diff)}: install the client's "
                               "versions on every worker")
    if numba_threads:
        numba.set_num_threads(max(1, min(int(numba_threads), numba.config.NUMBA_NUM_THREADS)))
    tournament = task.tournament()
    with _kernel_lock():
        result = tournament.play()
    return result.to_dataframe()


def _hash_columns(frame: pd.DataFrame, columns: Sequence[str]) -> str:
    h = hashlib.sha256(b"cooptourney-sweep task results v1\n")
    h.update(len(frame).to_bytes(8, "little"))
    for name in columns:
        col = frame[name]
        h.update(name.encode("utf-8") + b"\0")
        if pd.api.types.is_bool_dtype(col):
            h.update(b"b1" + col.to_numpy(np.uint8).tobytes())
        elif pd.api.types.is_integer_dtype(col):
            h.update(b"i8" + col.to_numpy(np.int64).astype("<i8").tobytes())
        elif pd.api.types.is_float_dtype(col):
            a = col.to_numpy(np.float64).astype("<f8")  # a copy
            a[np.isnan(a)] = np.nan  # one NaN bit pattern (0/0 gives -nan on x86)
            h.update(b"f8" + a.tobytes())
        else:
            h.update(b"s")
            for v in col.tolist():
                b = str(v).encode("utf-8")
                h.update(len(b).to_bytes(8, "little") + b)
    return h.hexdigest()


def result_hash(results: pd.DataFrame, settings: Iterable[str] = ()) -> str:
    """sha256 of a task's results, bit for bit: every result column's name, type and values.

    ``results`` is :func:`run_task`'s table or a task file read back (then the
    :data:`META_COLUMNS` and the ``settings`` columns are left out). Floats are hashed as
    their little-endian IEEE bytes with one NaN pattern, integers as int64, text as
    UTF-8: the hash does not depend on the file format or its metadata.
    """
    skip = set(META_COLUMNS) | set(settings)
    return _hash_columns(results, [c for c in results.columns if c not in skip])


def task_table(spec: SweepSpec, task: Task, results: pd.DataFrame) -> pd.DataFrame:
    """A task file's rows: task, task_id, seed, one column per setting, then the results."""
    front = {"task": np.full(len(results), task.index, dtype=np.int64),
             "task_id": [task.id] * len(results),
             "seed": np.full(len(results), task.seed, dtype=np.int64)}
    for column, kind in spec.columns.items():
        value = _column_value(task.settings[column], kind)
        dtype = {"int": np.int64, "float": np.float64}.get(kind, object)
        front[column] = np.array([value] * len(results), dtype=dtype) if dtype is not object else [value] * len(results)
    table = pd.concat([pd.DataFrame(front), results.reset_index(drop=True)], axis=1)
    table.attrs = {}
    return table


# -- the output directory ------------------------------------------------------------------------
class _Output:
    """DIR/manifest.json and DIR/tasks/, held by one sweep at a time (an flock on DIR/.lock)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.tasks = self.path / TASKS_DIR
        self.manifest_path = self.path / MANIFEST
        self._lock_fd: int | None = None

    def lock(self) -> None:
        import fcntl

        self.path.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise SweepError(f"another sweep is writing to {str(self.path)!r}; wait for it or stop it first") from None
        self._lock_fd = fd  # released by the OS if this process dies, so a killed run never blocks a rerun

    def unlock(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def read_manifest(self) -> dict[str, Any] | None:
        if not self.manifest_path.exists():
            return None
        try:
            return json.loads(self.manifest_path.read_text())
        except (OSError, ValueError) as exc:
            raise SweepError(f"cannot read {str(self.manifest_path)!r}: {exc}") from None

    def write_manifest(self, manifest: Mapping[str, Any]) -> None:
        text = json.dumps(manifest, indent=1, allow_nan=False)
        write_atomic(self.manifest_path, lambda p: p.write_text(text + "\n"))

    def task_path(self, tid: str) -> Path:
        return self.tasks / f"{tid}.parquet"

    def task_files(self) -> dict[str, Path]:
        if not self.tasks.is_dir():
            return {}
        return {p.stem: p for p in sorted(self.tasks.glob("*.parquet"))}

    def remove_temporaries(self) -> None:
        """Half-written files of a run that was killed (write_atomic's ``.<name>.*.tmp``)."""
        for directory in (self.path, self.tasks):
            if directory.is_dir():
                for p in directory.glob(".*.tmp"):
                    p.unlink(missing_ok=True)


def _read_task_file(path: Path) -> pd.DataFrame:
    return pd.read_parquet(path)


def _file_hash(path: Path, settings: Iterable[str]) -> str:
    return result_hash(_read_task_file(path), settings)


def _new_manifest(spec: SweepSpec) -> dict[str, Any]:
    now = _now()
    return {
        "format": FORMAT,
        "created": now,
        "updated": now,
        "status": "running",
        "versions": engine_versions(),
        "sweep_seed": spec.seed,
        "spec_hash": spec.hash,
        "spec_file": spec.origin,
        "spec_dir": spec.base_dir,
        "spec": spec.raw,
        "plugins": [{"file": p, "sha256": sha} for p, sha in spec.plugins],
        "setting_columns": dict(spec.columns),
        "result_hash": "sha256 of the result columns of each task, see cooptourney.sweep.result_hash",
        "n_tasks": len(spec.tasks),
        "n_done": 0,
        "tasks": [{"index": t.index, "id": t.id, "settings": t.settings, "seed": t.seed, "sha256": None}
                  for t in spec.tasks],
    }


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def _open_output(spec: SweepSpec, out: Path) -> tuple[_Output, dict[str, Any], dict[str, str]]:
    """Lock DIR, check it belongs to this spec (or is new) and find the tasks already done."""
    store = _Output(out)
    if store.path.exists() and not store.path.is_dir():
        raise SweepError(f"--out {str(store.path)!r} is a file, not a directory")
    store.lock()
    try:
        manifest = store.read_manifest()
        if manifest is None:
            leftovers = [p.name for p in store.path.iterdir() if p.name != ".lock"]
            if leftovers:
                raise SweepError(f"{str(store.path)!r} is not empty and has no {MANIFEST}: give a new or "
                                 f"empty directory for a sweep (found {', '.join(sorted(leftovers)[:3])})")
            manifest = _new_manifest(spec)
            store.write_manifest(manifest)
        else:
            _check_same_sweep(manifest, spec, store.path)
        store.remove_temporaries()
        recorded = {t["id"]: t.get("sha256") for t in manifest["tasks"]}
        done: dict[str, str] = {}
        for tid, path in store.task_files().items():
            if tid not in recorded:
                raise SweepError(f"{str(path)!r} is not a task of this sweep: remove it, or use a new --out directory")
            try:
                digest = _file_hash(path, spec.columns)
            except Exception as exc:  # an unreadable file: computed again, never mixed in
                print(f"cooptourney: warning: cannot read {path} ({type(exc).__name__}); computing that task again",
                      file=sys.stderr)
                path.unlink(missing_ok=True)
                continue
            if recorded[tid] is not None and recorded[tid] != digest:
                raise SweepError(f"{str(path)!r} does not match the hash in the manifest (changed after it was "
                                 "written?); run `cooptourney verify` on the directory, or delete the file to "
                                 "compute it again")
            done[tid] = digest
        return store, manifest, done
    except BaseException:
        store.unlock()
        raise


def _check_same_sweep(manifest: Mapping[str, Any], spec: SweepSpec, out: Path) -> None:
    if manifest.get("format") != FORMAT:
        raise SweepError(f"{str(out / MANIFEST)!r} is not a cooptourney sweep manifest ({FORMAT})")
    if manifest.get("spec_hash") != spec.hash:
        changed = _spec_differences(manifest.get("spec", {}), spec.raw)
        raise SweepError(
            f"{str(out)!r} holds a sweep of a different spec (changed: {changed}); refusing to mix results. "
            "Use a new --out directory (there, a task whose settings and sweep seed are unchanged gets the same "
            "seed and results), or restore the spec to resume"
        )
    mine = engine_versions()
    old = manifest.get("versions", {})
    diff = [f"{k} {old.get(k)} -> {mine[k]}" for k in ENGINE_PACKAGES if old.get(k) != mine[k]]
    if diff:
        raise SweepError(f"{str(out)!r} was started with other versions ({', '.join(diff)}); refusing to mix "
                         "results of two engines: finish it with the recorded versions or use a new --out directory")


def _spec_differences(old: Mapping[str, Any], new: Mapping[str, Any], prefix: str = "") -> str:
    diffs = []
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if isinstance(a, dict) and isinstance(b, dict):
            inner = _spec_differences(a, b, f"{prefix}{key}.")
            if inner:
                diffs.append(inner)
        elif a is None or b is None or canonical_json(a) != canonical_json(b):
            diffs.append(f"{prefix}{key}")
    if not diffs and not prefix:
        return "the plugin files"
    return ", ".join(diffs)


# -- running ---------------------------------------------------------------------------------------
@dataclass
class SweepRun:
    """What :func:`run_sweep` did."""

    out: Path
    n_tasks: int
    resumed: int  # tasks found done in DIR
    computed: int  # tasks computed by this run
    failures: list[tuple[Task, str]] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)
    elapsed: float = 0.0
    cluster: str = ""

    @property
    def complete(self) -> bool:
        return len(self.hashes) == self.n_tasks


def default_cluster(workers: int | None, threads_per_worker: int | None, processes: bool,
                    numba_threads: int | None) -> tuple[int, int, int]:
    """(workers, threads per worker, numba threads per task) for a local cluster.

    Processes (default): one worker per core, one thread each. Threads: one worker with a
    thread per core. numba threads per task: the cores left per concurrently running task,
    at least 1, so tasks x numba threads never oversubscribe the machine.
    """
    cores = os.cpu_count() or 1
    if processes:
        workers = workers or cores
        threads_per_worker = threads_per_worker or 1
    else:
        workers = workers or 1
        threads_per_worker = threads_per_worker or max(1, cores // workers)
    numba_threads = numba_threads or max(1, cores // (workers * threads_per_worker))
    return workers, threads_per_worker, numba_threads


@contextlib.contextmanager
def _dask_client(scheduler: str | None, workers: int, threads_per_worker: int, processes: bool) -> Iterator[Any]:
    import logging

    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise SweepError("sweeps need dask.distributed: pip install distributed") from None
    with contextlib.ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler, timeout="20s"))
            except (OSError, TimeoutError) as exc:
                raise SweepError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        else:
            cluster = stack.enter_context(LocalCluster(
                n_workers=workers, threads_per_worker=threads_per_worker, processes=processes,
                dashboard_address=None, silence_logs=logging.ERROR,
            ))
            client = stack.enter_context(Client(cluster))
            if processes:
                with contextlib.suppress(Exception):
                    client.run(_ignore_sigint)
        yield client


def _ignore_sigint() -> None:
    """Local workers leave Ctrl-C to the client, which shuts them down (no traceback per worker)."""
    import signal

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_sweep(spec: SweepSpec, out: str | Path, *, workers: int | None = None,
              threads_per_worker: int | None = None, processes: bool = True, scheduler: str | None = None,
              numba_threads: int | None = None, progress: bool = True, client: Any = None,
              flush_every: float = 5.0) -> SweepRun:
    """Run every task of ``spec`` not yet in ``out`` on a Dask cluster; resumable.

    Parameters
    ----------
    spec : SweepSpec
    out : path
        The output directory: new or empty, or one holding a run of the same spec (resumed:
        tasks whose file exists are not computed again).
    workers, threads_per_worker, processes
        The embedded ``dask.distributed.LocalCluster`` (see :func:`default_cluster`).
    scheduler : str, optional
        ``tcp://HOST:PORT`` of a running Dask scheduler, used instead of a local cluster.
    numba_threads : int, optional
        numba threads per task (default: cores per concurrent task locally, 1 on a
        remote cluster).
    client : dask.distributed.Client, optional
        Use this client (tests, notebooks); the cluster options are then ignored.
    progress : bool
        A tqdm bar on stderr: tasks done, rate, time left.

    Returns
    -------
    SweepRun
        With the tasks that failed (each reported, never written); a rerun retries them.

    Notes
    -----
    Workers only compute; this process writes every file (each atomically: a temporary
    file renamed into place), so a cluster needs no shared file system and a killed run
    leaves only whole task files. The manifest is rewritten (atomically) every
    ``flush_every`` seconds and at the end.
    """
    from tqdm import tqdm

    started = time.perf_counter()
    store, manifest, done = _open_output(spec, Path(out))
    run = SweepRun(out=store.path, n_tasks=len(spec.tasks), resumed=len(done), computed=0, hashes=dict(done))
    versions = {k: engine_versions()[k] for k in ENGINE_PACKAGES}
    last_flush = time.monotonic()

    def flush(status: str) -> None:
        by_id = run.hashes
        for entry in manifest["tasks"]:
            entry["sha256"] = by_id.get(entry["id"])
        manifest.update(status=status, updated=_now(), n_done=len(by_id))
        store.write_manifest(manifest)

    status = "incomplete"
    try:
        todo = [t for t in spec.tasks if t.id not in done]
        if todo:
            if client is not None:
                stack: contextlib.AbstractContextManager = contextlib.nullcontext(client)
                threads = numba_threads or 1
                run.cluster = f"client {getattr(client, 'scheduler', None) and client.scheduler.address}"
            else:
                if scheduler:
                    threads = numba_threads or 1
                    run.cluster = f"scheduler {scheduler}"
                else:
                    workers, threads_per_worker, threads = default_cluster(workers, threads_per_worker, processes,
                                                                           numba_threads)
                    run.cluster = (f"local cluster: {workers} {'process' if processes else 'thread'} worker"
                                   f"{'s' if workers != 1 else ''} x {threads_per_worker} thread"
                                   f"{'s' if threads_per_worker != 1 else ''}, {threads} numba thread"
                                   f"{'s' if threads != 1 else ''} per task")
                stack = _dask_client(scheduler, workers or 1, threads_per_worker or 1, processes)
            with stack as dask_client:
                from dask.distributed import as_completed

                token = uuid.uuid4().hex[:12]  # a rerun on a long-lived scheduler never gets an old future back
                futures = {dask_client.submit(run_task, t, threads, versions, pure=False,
                                              key=f"cooptourney-task-{t.id}-{token}"): t for t in todo}
                bar = tqdm(total=len(spec.tasks), initial=len(done), unit="task", desc="sweep",
                           disable=not progress, dynamic_ncols=True, file=sys.stderr)
                try:
                    for future in as_completed(futures):
                        task = futures.pop(future)
                        if future.status != "finished":
                            try:
                                exc = future.exception()
                            except BaseException as cancelled:  # e.g. CancelledError
                                exc = cancelled
                            run.failures.append((task, f"{type(exc).__name__}: {' '.join(str(exc).split())}"))
                            continue
                        results = future.result()
                        table = task_table(spec, task, results)
                        digest = result_hash(table, spec.columns)
                        write_atomic(store.task_path(task.id), lambda p: table.to_parquet(p, index=False))
                        run.hashes[task.id] = digest
                        run.computed += 1
                        bar.update(1)
                        if time.monotonic() - last_flush > flush_every:
                            flush("running")
                            last_flush = time.monotonic()
                finally:
                    bar.close()
                    for future in futures:
                        future.cancel()
        status = "complete" if run.complete else "incomplete"
    finally:
        try:
            flush(status)
        finally:
            store.unlock()
    run.elapsed = time.perf_counter() - started
    return run


# -- verify ------------------------------------------------------------------------------------------
@dataclass
class VerifyReport:
    """What :func:`verify` found; ``ok`` when nothing disagrees with the manifest."""

    n_tasks: int
    files_checked: int = 0
    missing: list[str] = field(default_factory=list)  # tasks with a hash but no file
    file_mismatches: list[str] = field(default_factory=list)
    recomputed: list[str] = field(default_factory=list)
    recompute_mismatches: list[str] = field(default_factory=list)
    not_done: int = 0
    version_notes: list[str] = field(default_factory=list)
    spec_mismatch: str = ""  # the recorded spec (or its plugins) does not hash to the recorded spec_hash

    @property
    def ok(self) -> bool:
        return not (self.file_mismatches or self.recompute_mismatches or self.missing or self.spec_mismatch)


def read_manifest(path: str | Path) -> tuple[dict[str, Any], Path]:
    """(manifest, sweep directory) from a sweep directory or a manifest file."""
    path = Path(path)
    manifest_path = path / MANIFEST if path.is_dir() else path
    if not manifest_path.is_file():
        raise SweepError(f"no sweep manifest at {str(manifest_path)!r} (give a directory made by "
                         "`cooptourney sweep --out DIR`, or its manifest.json)")
    try:
        manifest = json.loads(manifest_path.read_text())
    except (OSError, ValueError) as exc:
        raise SweepError(f"cannot read {str(manifest_path)!r}: {exc}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise SweepError(f"{str(manifest_path)!r} is not a cooptourney sweep manifest ({FORMAT})")
    return manifest, manifest_path.parent


def verify(path: str | Path, sample: int = 3, all_tasks: bool = False, seed: int | None = None,
           tasks: Sequence[str] = ()) -> VerifyReport:
    """Check a sweep against its manifest.

    Every task file present is hashed and compared with the manifest (integrity); then
    ``sample`` tasks picked at random (or all of them, or the given ids) are computed
    again in this process from the spec recorded in the manifest and compared bit for
    bit (reproducibility). Works from a manifest alone too: then only the recomputation
    is checked.
    """
    manifest, directory = read_manifest(path)
    entries = manifest.get("tasks", [])
    done = [e for e in entries if e.get("sha256")]
    report = VerifyReport(n_tasks=len(entries), not_done=len(entries) - len(done))
    columns = manifest.get("setting_columns", {})
    store = _Output(directory)
    files = store.task_files()
    have_files = store.tasks.is_dir()
    for entry in done:
        p = files.get(entry["id"])
        if p is None:
            if have_files:
                report.missing.append(entry["id"])
            continue
        report.files_checked += 1
        try:
            digest = _file_hash(p, columns)
        except Exception as exc:
            report.file_mismatches.append(f"{entry['id']} (unreadable: {type(exc).__name__})")
            continue
        if digest != entry["sha256"]:
            report.file_mismatches.append(entry["id"])
    mine = engine_versions()
    recorded = manifest.get("versions", {})
    report.version_notes = [f"{k} {recorded.get(k)} (here {mine[k]})" for k in ENGINE_PACKAGES
                            if recorded.get(k) != mine[k]]

    by_id = {e["id"]: e for e in done}
    if tasks:
        unknown = [t for t in tasks if t not in by_id]
        if unknown:
            raise SweepError(f"no finished task {unknown[0]!r} in the manifest")
        chosen = [by_id[t] for t in tasks]
    elif all_tasks or sample >= len(done):
        chosen = done
    else:
        chosen = _random.Random(seed).sample(done, sample)
    # plugins are found beside the spec where it was run, else beside the manifest (a copy)
    spec_dir = manifest.get("spec_dir")
    plugin_files = manifest["spec"].get("plugins", {}).get("files", [])
    plugin_files = [plugin_files] if isinstance(plugin_files, str) else plugin_files
    if not spec_dir or not all(Path(spec_dir, f).is_file() for f in plugin_files):
        spec_dir = directory
    spec = spec_from_dict(manifest["spec"], origin=str(directory / MANIFEST), base_dir=spec_dir)
    if spec.hash != manifest.get("spec_hash"):
        report.spec_mismatch = ("the spec recorded in the manifest does not hash to its spec_hash "
                                "(the manifest was edited, or a plugin file differs)")
    if chosen:
        for entry in sorted(chosen, key=lambda e: e["index"]):
            task = spec.task(entry["settings"], entry["index"])
            if task.id != entry["id"] or task.seed != entry["seed"]:
                report.recompute_mismatches.append(f"{entry['id']} (settings give task {task.id}, seed {task.seed})")
                continue
            digest = result_hash(run_task(task))
            report.recomputed.append(entry["id"])
            if digest != entry["sha256"]:
                report.recompute_mismatches.append(entry["id"])
    return report


# -- results and report ------------------------------------------------------------------------------
def load_results(path: str | Path) -> pd.DataFrame:
    """Every finished task's rows, in task order (``pd.read_parquet(DIR/"tasks")`` reads the same)."""
    manifest, directory = read_manifest(path)
    tasks = directory / TASKS_DIR
    if not tasks.is_dir() or not any(tasks.glob("*.parquet")):
        raise SweepError(f"{str(directory)!r} has no finished tasks yet (no files in {TASKS_DIR}/)")
    df = pd.read_parquet(tasks)
    df = df.sort_values(["task", "rank"], kind="stable").reset_index(drop=True)
    df.attrs["setting_columns"] = list(manifest.get("setting_columns", {}))
    return df


def summarise(df: pd.DataFrame, outcome: str, x: str, y: str | None = None, player: str | None = None,
              settings: Sequence[str] | None = None) -> pd.DataFrame:
    """The mean of ``outcome`` over the (y, x) grid: rows are y values, columns x values.

    Each task's value is ``outcome`` of ``player`` (when given) or its mean over the
    task's players; a cell is the mean over the tasks sharing its (x, y) (the other
    settings and random draws). NaN outcomes (a metric never observed) are left out.
    """
    settings = list(settings if settings is not None else df.attrs.get("setting_columns", []))
    skip = set(META_COLUMNS) | set(settings) | {"rank", "player", "reciprocity"}
    outcomes = [c for c in df.columns if c not in skip and pd.api.types.is_numeric_dtype(df[c])] + ["rank"]
    if outcome not in outcomes:
        raise SweepError(_unknown("outcome", outcome, outcomes))
    for name, value in (("--x", x), ("--y", y)):
        if value is not None and value not in settings:
            raise SweepError(_unknown(f"setting for {name}", value, settings or ["(no swept settings)"]))
    if y is not None and x == y:
        raise SweepError("--x and --y must be two different settings")
    if player is not None:
        names = list(dict.fromkeys(df["player"].tolist()))
        if player not in names:
            raise SweepError(_unknown("player", player, names))
        df = df[df["player"] == player]
    keys = [k for k in (y, x) if k is not None]
    per_task = df.groupby(["task", *keys], sort=False, dropna=False)[outcome].mean().reset_index()
    cells = per_task.groupby(keys, sort=False, dropna=False)[outcome].mean()
    if y is None:
        table = cells.to_frame().T
        table.index = [outcome]
    else:
        table = cells.unstack(x)
    table = table.reindex(index=_order(df[y]) if y is not None else table.index, columns=_order(df[x]))
    table.index.name = y
    table.columns.name = x
    return table


def _order(values: pd.Series) -> list[Any]:
    uniq = list(dict.fromkeys(values.tolist()))
    if pd.api.types.is_numeric_dtype(values):
        return sorted(uniq)
    return uniq  # text settings (players, games) in the spec's order


def _unknown(what: str, value: str, allowed: Sequence[str]) -> str:
    close = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown {what} {value!r}{hint} (allowed: {', '.join(map(str, allowed))})"


def plot_heatmap(table: pd.DataFrame, path: str | Path, title: str = "", label: str = "") -> Path:
    """Write ``table`` (from :func:`summarise`) as a PNG heatmap, atomically."""
    try:
        import matplotlib
    except ImportError:
        raise SweepError("--plot needs matplotlib: pip install matplotlib") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    values = table.to_numpy(dtype=float)
    ny, nx = values.shape
    fig, ax = plt.subplots(figsize=(max(4.5, 1.1 * nx + 2.5), max(3.2, 0.6 * ny + 2)))
    try:
        im = ax.imshow(values, origin="lower", aspect="auto", cmap="viridis")
        slanted = nx > 6
        ax.set_xticks(range(nx), [_tick(v) for v in table.columns], rotation=30 if slanted else 0,
                      ha="right" if slanted else "center")
        ax.set_yticks(range(ny), [_tick(v) for v in table.index])
        ax.set_xlabel(str(table.columns.name))
        ax.set_ylabel(str(table.index.name) if table.index.name else "")
        if nx * ny <= 400:
            finite = values[np.isfinite(values)]
            mid = (finite.min() + finite.max()) / 2 if finite.size else 0.0
            for (i, j), v in np.ndenumerate(values):
                text = "n/a" if not np.isfinite(v) else f"{v:.3g}"
                ax.text(j, i, text, ha="center", va="center", fontsize=8,
                        color="black" if np.isfinite(v) and v > mid else "white")
        fig.colorbar(im, ax=ax, label=label)
        ax.set_title(title, fontsize=10)
        fig.tight_layout()
        return write_atomic(Path(path), lambda p: fig.savefig(p, format="png", dpi=110))
    finally:
        plt.close(fig)


def _tick(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    text = str(value)
    return text if len(text) <= 28 else text[:25] + "..."
