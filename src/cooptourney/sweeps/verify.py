"""Checking a sweep against its manifest: file hashes, then a bit-for-bit recomputation."""

from __future__ import annotations

import random as _random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cooptourney.sweeps.run import run_task
from cooptourney.sweeps.spec import SweepError, spec_from_dict
from cooptourney.sweeps.store import (
    ENGINE_PACKAGES,
    MANIFEST,
    SweepDirectory,
    engine_versions,
    file_hash,
    read_manifest,
    result_hash,
)

__all__ = ["VerifyReport", "verify"]


@dataclass
class VerifyReport:
    """What :func:`verify` found; ``ok`` when every task is finished and nothing
    disagrees with the manifest (an incomplete sweep is not verified)."""

    n_tasks: int
    files_checked: int = 0
    missing: list[str] = field(default_factory=list)  # tasks with a hash but no file
    file_mismatches: list[str] = field(default_factory=list)
    recomputed: list[str] = field(default_factory=list)
    recompute_mismatches: list[str] = field(default_factory=list)
    unfinished: list[str] = field(default_factory=list)  # tasks with no result hash in the manifest, in task order
    version_notes: list[str] = field(default_factory=list)
    spec_mismatch: str = ""  # the recorded spec (or its plugins) does not hash to the recorded spec_hash

    @property
    def not_done(self) -> int:
        """How many tasks the manifest records no result for."""
        return len(self.unfinished)

    @property
    def consistent(self) -> bool:
        """Nothing found disagrees with the manifest (finished or not)."""
        return not (self.file_mismatches or self.recompute_mismatches or self.missing or self.spec_mismatch)

    @property
    def ok(self) -> bool:
        """Every task finished, and nothing disagrees with the manifest."""
        return self.consistent and not self.unfinished


def verify(
    path: str | Path, sample: int = 3, all_tasks: bool = False, seed: int | None = None, tasks: Sequence[str] = ()
) -> VerifyReport:
    """Check a sweep against its manifest.

    Every task the manifest records no result for is listed (``unfinished``: the sweep
    is incomplete, and not verified); every task file present is hashed and compared
    with the manifest (integrity); then ``sample`` finished tasks picked at random (or
    all of them, or the given ids) are computed again in this process from the spec
    recorded in the manifest and compared bit for bit (reproducibility). Works from a
    manifest alone too: then only the recomputation is checked.
    """
    manifest, directory = read_manifest(path)
    entries = manifest.get("tasks", [])
    done = [e for e in entries if e.get("sha256")]
    unfinished = sorted((e for e in entries if not e.get("sha256")), key=lambda e: e.get("index", 0))
    report = VerifyReport(n_tasks=len(entries), unfinished=[str(e.get("id")) for e in unfinished])
    columns = manifest.get("setting_columns", {})
    store = SweepDirectory(directory)
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
            digest = file_hash(p, columns)
        except Exception as exc:
            report.file_mismatches.append(f"{entry['id']} (unreadable: {type(exc).__name__})")
            continue
        if digest != entry["sha256"]:
            report.file_mismatches.append(entry["id"])
    mine = engine_versions()
    recorded = manifest.get("versions", {})
    report.version_notes = [
        f"{k} {recorded.get(k)} (here {mine[k]})" for k in ENGINE_PACKAGES if recorded.get(k) != mine[k]
    ]

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
        report.spec_mismatch = (
            "the spec recorded in the manifest does not hash to its spec_hash "
            "(the manifest was edited, or a plugin file differs)"
        )
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
