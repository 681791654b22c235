"""Sweep specs: a base tournament plus the settings to vary, turned into seeded tasks.

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
tournament a pure function of its settings and seed (docs/model.md, "Game"), whatever runs
it.
"""

from __future__ import annotations

import difflib
import hashlib
import itertools
import json
import math
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from cooptourney.config import SCHEMA, ConfigError, load_config, load_plugins, read_toml, unknown_key_message
from cooptourney.settings import check_positive_int, check_seed

__all__ = [
    "DISTRIBUTIONS",
    "SAMPLE",
    "SWEEPABLE",
    "SweepError",
    "SweepSpec",
    "Task",
    "canonical_json",
    "column_value",
    "derive_seed",
    "ensure_plugins",
    "load_spec",
    "spec_from_dict",
    "task_id",
]

#: The setting column that numbers the random draws (present when [sweep.random] is used).
SAMPLE = "sample"
PROFILE_FIELDS = ("k", "sensitivity", "term", "reelection", "memory", "ratification_failure")

#: Every setting a sweep can vary: path -> (kind of value, what one value is).
#: Kinds: "float" and "int" (numbers; random ranges allowed), "value" (anything else).
SWEEPABLE: dict[str, tuple[str, str]] = {
    "tournament.players": ("value", 'a player list, e.g. ["TFT", "Grudger"]'),
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
    **{
        f"politics.profile.{name}": ("int" if name == "term" else "float", f"{name} of every actor profile")
        for name in PROFILE_FIELDS
    },
}
#: Random ranges of [sweep.random]: ``{ uniform = [lo, hi] }`` and so on.
DISTRIBUTIONS = ("uniform", "loguniform", "randint", "choice")
_SPEC_SECTIONS = ("tournament", "politics", "plugins", "sweep")
#: The most tasks a sweep may have: every task is checked, written as a file and listed in
#: the manifest before and after it runs, so a mistyped ``samples`` is refused at once.
MAX_TASKS = 100_000
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
    return json.dumps(_canonical(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


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
        ensure_plugins(self.plugins)
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
            raise SweepError(
                where
                + f"unknown section [{section}]{hint} (allowed sections: "
                + ", ".join(f"[{s}]" for s in _SPEC_SECTIONS)
                + ")"
            )
        if not isinstance(table, dict):
            raise SweepError(where + f"[{section}] must be a section (a table)")
    base: dict[str, Any] = {}
    for section in ("tournament", "politics"):
        for key, value in raw.get(section, {}).items():
            if section == "tournament" and key == "seed":
                raise SweepError(
                    where + "[tournament] seed does not apply to a sweep: every task's seed is "
                    "derived from [sweep] seed and the task's settings"
                )
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
    ensure_plugins(paths, origin=origin)
    plugins = tuple((p, hashlib.sha256(Path(p).read_bytes()).hexdigest()) for p in paths)

    sweep = raw.get("sweep")
    if sweep is None:
        raise SweepError(
            where + "a sweep spec needs a [sweep] section with seed = <whole number> "
            "and a [sweep.grid] and/or [sweep.random] table"
        )
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
        raise SweepError(
            where + "sweep either 'politics.profile' (one for all players) or 'politics.profiles' "
            "(one per player), not both"
        )

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
    n_tasks = math.prod(len(v) for v in grid.values()) * (samples if rand else 1)
    if n_tasks > MAX_TASKS:
        raise SweepError(
            where + f"the sweep has {n_tasks:,} tasks, more than the {MAX_TASKS:,} a sweep may have (each task "
            "is a file and a line of the manifest); sweep fewer values or draw fewer samples"
        )
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
    return SweepSpec(
        raw=raw,
        origin=origin,
        base_dir=str(base_dir),
        seed=seed,
        base=base,
        grid=grid,
        random=rand,
        samples=samples if rand else 0,
        plugins=plugins,
        tasks=tuple(tasks),
        columns=columns,
    )


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
        raise SweepError(
            where + f"{section} 'tournament.seed' cannot be swept: each task's seed is derived from "
            "[sweep] seed and its settings (use [tournament] repetitions for more matches per pair)"
        )
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
            raise SweepError(
                where + f"[sweep.grid] {path!r} must be a non-empty list of values, each {what}; "
                f"got {canonical_json(values)}"
            )
        seen: set[str] = set()
        for v in values:
            key = canonical_json(v)
            if kind in ("int", "float") and (isinstance(v, bool) or not isinstance(v, (int, float))):
                raise SweepError(where + f"[sweep.grid] {path!r}: every value must be a number ({what}), got {key}")
            if path == "tournament.players" and not isinstance(v, list):
                raise SweepError(
                    where + f"[sweep.grid] 'tournament.players' is a list of player lists, "
                    f'e.g. [["TFT", "Grudger"], ["TFT", "Defector"]]; got the value {key}'
                )
            if key in seen:
                raise SweepError(where + f"[sweep.grid] {path!r} lists the value {key} twice")
            seen.add(key)
        grid[path] = values
    return grid


def _parse_random(table: Any, where: str) -> tuple[dict[str, tuple[str, list]], int]:
    if not isinstance(table, dict):
        raise SweepError(
            where + "[sweep.random] must be a table: samples = N and setting path = { uniform = [lo, hi] }"
        )
    table = dict(table)
    samples = table.pop("samples", None)
    # a table is a range when it is not just more nesting ({ uniform = [0, 1] }, or a misspelt one)
    ranges = dict(_flatten(table, "", lambda v: not v or any(not isinstance(x, dict) for x in v.values())))
    if not ranges:
        if samples is not None:
            raise SweepError(
                where + "[sweep.random] has samples but no setting to draw: add e.g. "
                '"politics.s" = { uniform = [0, 1] }'
            )
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
            raise SweepError(
                here + "give one range: { uniform = [lo, hi] }, { loguniform = [lo, hi] }, "
                "{ randint = [lo, hi] } or { choice = [v1, v2, ...] }"
                f"; got {canonical_json(dist)}"
            )
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


def column_value(value: Any, kind: str) -> Any:
    """A setting's value as stored in its column of kind ``kind`` (see ``SweepSpec.columns``)."""
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
        _, key, *rest = path.split(".")
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


def _make_task(
    base: Mapping[str, Any], sweep_seed: int, settings: dict[str, Any], index: int, plugins: tuple[str, ...]
) -> Task:
    seed = derive_seed(sweep_seed, settings)
    config = {**_apply(base, settings), "seed": seed}
    return Task(index=index, id=task_id(settings), settings=settings, seed=seed, config=config, plugins=plugins)


def _check(base: Mapping[str, Any], settings: Mapping[str, Any], where: str) -> None:
    try:
        # the tournament's own checks too (work and memory limits, payoff sums)
        load_config(None, {**_apply(base, settings), "seed": 0}).tournament()
    except (ValueError, LookupError, TypeError) as exc:
        raise SweepError(where + " ".join(str(exc).split())) from None


# -- plugins, imported once per process (a worker may run many tasks) --------------------------
_LOADED_PLUGINS: set[str] = set()
_PLUGIN_LOCK = threading.Lock()


def ensure_plugins(paths: Iterable[str], origin: str = "") -> None:
    """Import each plugin once per process (a worker may run many tasks)."""
    with _PLUGIN_LOCK:
        new = [p for p in paths if p not in _LOADED_PLUGINS]
        if new:
            load_plugins(new, origin=origin)
            _LOADED_PLUGINS.update(new)
