"""A sweep's output directory: task files, their hashes and the manifest.

``DIR/tasks/<task id>.parquet`` holds each finished task's per-player rows;
``DIR/manifest.json`` records the spec, the engine's versions and every task's settings,
seed and result hash (:func:`result_hash`), which is what a recomputation is checked
against (:mod:`cooptourney.sweeps.verify`). Every file is written atomically.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
import platform
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cooptourney.atomic import remove_stale_temporaries, write_atomic
from cooptourney.results import RENAMED_COLUMNS
from cooptourney.sweeps.spec import SweepError, SweepSpec, Task, canonical_json, column_value

__all__ = [
    "ENGINE_PACKAGES",
    "FORMAT",
    "MANIFEST",
    "META_COLUMNS",
    "TASKS_DIR",
    "SweepDirectory",
    "engine_versions",
    "file_hash",
    "load_results",
    "now_utc",
    "open_output",
    "read_manifest",
    "result_hash",
    "task_table",
]

#: Versions that decide a task's bits: a directory is only ever resumed with these unchanged.
ENGINE_PACKAGES = ("cooptourney", "numba", "numpy")
FORMAT = "cooptourney-sweep/1"
MANIFEST = "manifest.json"
TASKS_DIR = "tasks"
#: Columns of every task file before the setting columns.
META_COLUMNS = ("task", "task_id", "seed")


def engine_versions() -> dict[str, str]:
    """Versions recorded in the manifest (the first three decide the results' bits)."""
    import numba

    from cooptourney import __version__

    versions = {
        "cooptourney": __version__,
        "numba": numba.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "pandas": pd.__version__,
    }
    for name in ("pyarrow", "dask", "distributed"):
        with contextlib.suppress(ImportError):
            versions[name] = __import__(name).__version__
    return versions


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
    front = {
        "task": np.full(len(results), task.index, dtype=np.int64),
        "task_id": [task.id] * len(results),
        "seed": np.full(len(results), task.seed, dtype=np.int64),
    }
    for column, kind in spec.columns.items():
        value = column_value(task.settings[column], kind)
        dtype = {"int": np.int64, "float": np.float64}.get(kind, object)
        front[column] = np.array([value] * len(results), dtype=dtype) if dtype is not object else [value] * len(results)
    table = pd.concat([pd.DataFrame(front), results.reset_index(drop=True)], axis=1)
    table.attrs = {}
    return table


# -- the output directory ------------------------------------------------------------------------
class SweepDirectory:
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

    def remove_temporaries(self) -> list[Path]:
        """Half-written files of runs that were killed (write_atomic's ``.<name>.<random>.tmp``
        that no process holds); the files removed."""
        return [p for directory in (self.path, self.tasks) for p in remove_stale_temporaries(directory)]


def _read_task_file(path: Path) -> pd.DataFrame:
    return pd.read_parquet(path)


def file_hash(path: Path, settings: Iterable[str]) -> str:
    """:func:`result_hash` of a task file."""
    return result_hash(_read_task_file(path), settings)


def _new_manifest(spec: SweepSpec) -> dict[str, Any]:
    now = now_utc()
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
        "result_hash": "sha256 of the result columns of each task, see cooptourney.sweeps.result_hash",
        "n_tasks": len(spec.tasks),
        "n_done": 0,
        "tasks": [
            {"index": t.index, "id": t.id, "settings": t.settings, "seed": t.seed, "sha256": None} for t in spec.tasks
        ],
    }


def now_utc() -> str:
    """The time in UTC, ISO 8601 to the second, for the manifest."""
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def open_output(spec: SweepSpec, out: Path) -> tuple[SweepDirectory, dict[str, Any], dict[str, str]]:
    """Lock DIR, check it belongs to this spec (or is new) and find the tasks already done."""
    store = SweepDirectory(out)
    if store.path.exists() and not store.path.is_dir():
        raise SweepError(f"--out {str(store.path)!r} is a file, not a directory")
    store.lock()
    try:
        manifest = store.read_manifest()
        if manifest is None:
            leftovers = [p.name for p in store.path.iterdir() if p.name != ".lock"]
            if leftovers:
                raise SweepError(
                    f"{str(store.path)!r} is not empty and has no {MANIFEST}: give a new or "
                    f"empty directory for a sweep (found {', '.join(sorted(leftovers)[:3])})"
                )
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
                table = _read_task_file(path)
            except Exception as exc:  # an unreadable file: computed again, never mixed in
                print(
                    f"cooptourney: warning: cannot read {path} ({type(exc).__name__}); computing that task again",
                    file=sys.stderr,
                )
                path.unlink(missing_ok=True)
                continue
            renamed = [c for c in RENAMED_COLUMNS if c in table.columns]
            if renamed:  # one directory, one set of column names: never a table of two
                raise SweepError(
                    f"{str(store.path)!r} was written with the old column name {renamed[0]!r} (now "
                    f"{RENAMED_COLUMNS[renamed[0]]!r}); finish it with the version that started it, "
                    "or use a new --out directory"
                )
            digest = result_hash(table, spec.columns)
            if recorded[tid] is not None and recorded[tid] != digest:
                raise SweepError(
                    f"{str(path)!r} does not match the hash in the manifest (changed after it was "
                    "written?); run `cooptourney verify` on the directory, or delete the file to "
                    "compute it again"
                )
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
        raise SweepError(
            f"{str(out)!r} was started with other versions ({', '.join(diff)}); refusing to mix "
            "results of two engines: finish it with the recorded versions or use a new --out directory"
        )


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


def read_manifest(path: str | Path) -> tuple[dict[str, Any], Path]:
    """(manifest, sweep directory) from a sweep directory or a manifest file."""
    path = Path(path)
    manifest_path = path / MANIFEST if path.is_dir() else path
    if not manifest_path.is_file():
        raise SweepError(
            f"no sweep manifest at {str(manifest_path)!r} (give a directory made by "
            "`cooptourney sweep --out DIR`, or its manifest.json)"
        )
    try:
        manifest = json.loads(manifest_path.read_text())
    except (OSError, ValueError) as exc:
        raise SweepError(f"cannot read {str(manifest_path)!r}: {exc}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise SweepError(f"{str(manifest_path)!r} is not a cooptourney sweep manifest ({FORMAT})")
    return manifest, manifest_path.parent


def load_results(path: str | Path) -> pd.DataFrame:
    """Every finished task's rows, in task order (``pd.read_parquet(DIR/"tasks")`` reads the same).

    A sweep written before the columns of :data:`cooptourney.results.RENAMED_COLUMNS` were
    renamed is read with the new names, so one report works on old and new directories.
    """
    manifest, directory = read_manifest(path)
    tasks = directory / TASKS_DIR
    if not tasks.is_dir() or not any(tasks.glob("*.parquet")):
        raise SweepError(f"{str(directory)!r} has no finished tasks yet (no files in {TASKS_DIR}/)")
    df = pd.read_parquet(tasks).rename(columns=RENAMED_COLUMNS)
    df = df.sort_values(["task", "rank"], kind="stable").reset_index(drop=True)
    df.attrs["setting_columns"] = list(manifest.get("setting_columns", {}))
    return df
