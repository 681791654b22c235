"""Killed runs: a sweep killed mid-run resumes to the uninterrupted result, and a process
killed while it writes a file leaves the old file or the whole new one, never part of
one (src/cooptourney/atomic.py), and temporary files the next run removes.

Both kill real processes with SIGKILL: no handler runs, nothing is flushed or removed.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

from cooptourney.atomic import write_atomic
from cooptourney.cli import main
from cooptourney.sweeps import load_spec, result_hash, run_sweep, run_task


def _temporaries(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.name.endswith(".tmp"))


# -- a sweep killed and resumed --------------------------------------------------------------------------

SLOW = """\
# Long enough per task (~0.1-0.5 s) to interrupt a sweep between tasks.
[tournament]
players = ["Tit For Tat", "Generous Tit For Tat", "Grudger", "Defector"]
turns = 20000
repetitions = 30
noise = 0.01

[sweep]
seed = 11

[sweep.grid]
"politics.s" = [0, 0.25, 0.5, 0.75]
"tournament.noise" = [0, 0.01]
"""


def start_sweep(spec: Path, out: Path) -> subprocess.Popen:
    cmd = [
        sys.executable,
        "-m",
        "cooptourney.cli",
        "sweep",
        str(spec),
        "--out",
        str(out),
        "--threads",
        "--workers",
        "1",
        "--threads-per-worker",
        "1",
        "--no-progress",
    ]
    # A new session, so the signal reaches the run and nothing else; SIGINT at its default
    # (a child of a non-interactive shell may inherit it ignored).
    return subprocess.Popen(
        cmd,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def interrupt_after(proc: subprocess.Popen, out: Path, n_files: int, sig: int) -> int:
    deadline = time.monotonic() + 240
    while len(list((out / "tasks").glob("*.parquet"))) < n_files:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the sweep wrote no task file in time"
        time.sleep(0.02)
    os.killpg(proc.pid, sig)
    proc.communicate(timeout=120)
    return proc.returncode


def manifest_hashes(out: Path) -> dict[str, str]:
    return {t["id"]: t["sha256"] for t in json.loads((out / "manifest.json").read_text())["tasks"]}


def test_interrupted_and_killed_sweep_resumes_to_the_uninterrupted_result(tmp_path, capsys):
    spec_path = tmp_path / "slow.toml"
    spec_path.write_text(SLOW)
    spec = load_spec(spec_path)
    out = tmp_path / "out"

    # Ctrl-C: exit 130, finished tasks saved, manifest says incomplete
    code = interrupt_after(start_sweep(spec_path, out), out, 1, signal.SIGINT)
    assert code == 130
    manifest = json.loads((out / "manifest.json").read_text())
    done_after_int = len(list((out / "tasks").glob("*.parquet")))
    assert manifest["status"] == "incomplete" and 1 <= done_after_int < 8
    assert manifest["n_done"] == done_after_int

    # SIGKILL of a resumed run: no chance to clean up or write the manifest
    code = interrupt_after(start_sweep(spec_path, out), out, done_after_int + 1, signal.SIGKILL)
    assert code == -signal.SIGKILL
    done_after_kill = len(list((out / "tasks").glob("*.parquet")))
    assert done_after_int < done_after_kill < 8, "the run finished before it could be killed"

    # verify refuses the killed run's directory, naming every task the manifest has no result for
    capsys.readouterr()
    assert main(["verify", str(out), "--sample", "0"]) == 1
    err = capsys.readouterr().err
    unrecorded = [tid for tid, sha in manifest_hashes(out).items() if sha is None]
    assert len(unrecorded) >= 8 - done_after_kill
    assert f"INCOMPLETE: {len(unrecorded)} of 8 tasks" in err and all(tid in err for tid in unrecorded)

    run = run_sweep(spec, out, processes=False, workers=1, threads_per_worker=2, progress=False)
    assert run.resumed == done_after_kill and run.computed == 8 - done_after_kill and run.complete
    # nothing lost, nothing twice, no half-written file, the same bits as without interruption
    assert sorted(p.name for p in (out / "tasks").iterdir()) == sorted(f"{t.id}.parquet" for t in spec.tasks)
    assert not _temporaries(out)
    assert len(pd.read_parquet(out / "tasks")) == 8 * 4
    uninterrupted = {t.id: result_hash(run_task(t)) for t in spec.tasks}
    assert manifest_hashes(out) == uninterrupted
    assert json.loads((out / "manifest.json").read_text())["status"] == "complete"
    assert main(["verify", str(out), "--sample", "0"]) == 0


# -- a process killed while it writes a file --------------------------------------------------------------

# Writes versions first, first + 1, ... of one file with write_atomic, forever, each in
# 32 KiB pieces with a pause between them, so that most of its time is spent inside a
# write. A version is "version V\n", 1 MiB of bytes derived from V, and the sha256 of
# both as the last line: a reader can tell a whole version from part of one.
_WRITER = r"""
import hashlib, os, sys, time
from pathlib import Path
from cooptourney.atomic import write_atomic

target, marker, version = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
piece = 32 * 1024
while True:
    head = f"version {version}\n".encode()
    body = hashlib.shake_256(head).digest(1024 * 1024)
    data = head + body + hashlib.sha256(head + body).hexdigest().encode() + b"\n"

    def write(tmp, data=data, version=version):
        with open(tmp, "wb") as f:
            for i in range(0, len(data), piece):
                f.write(data[i : i + piece])
                f.flush()
                if i == len(data) // 2 // piece * piece:  # half written: say so (atomically)
                    marker.with_suffix(".new").write_text(f"{version} {tmp.name}")
                    os.replace(marker.with_suffix(".new"), marker)
                time.sleep(0.003)

    write_atomic(target, write)
    print(version, flush=True)
    version += 1
"""


def _version(path: Path) -> int:
    """The version a file holds; fails unless it is one whole version."""
    data = path.read_bytes()
    m = re.fullmatch(rb"(version (\d+)\n)(.*)([0-9a-f]{64})\n", data, re.DOTALL)
    assert m, f"not one whole version: {data[:40]!r}... ({len(data)} bytes)"
    head, body, digest = m.group(1), m.group(3), m.group(4)
    assert len(body) == 1024 * 1024 and hashlib.sha256(head + body).hexdigest().encode() == digest, "a partial file"
    assert body == hashlib.shake_256(head).digest(1024 * 1024)
    return int(m.group(2))


def _start_writer(target: Path, marker: Path, version: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(target), str(marker), str(version)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(condition, proc: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + 120
    while not condition():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, f"the writer never got to {what}"
        time.sleep(0.002)


def test_a_process_killed_while_writing_leaves_the_old_file_or_the_whole_new_one(tmp_path):
    target = tmp_path / "out" / "results.bin"
    marker = tmp_path / "marker"
    rng = random.Random(2024)
    version = 0  # the version the target holds (0: none yet)
    leftovers: list[Path] = []
    left_behind = 0
    for round_ in range(4):
        marker.unlink(missing_ok=True)
        proc = _start_writer(target, marker, version + 1)
        _wait_for(lambda: _marked(marker) is not None, proc, "half of its first write")
        # the new run has removed what the killed ones left before it wrote anything
        assert not any(p.exists() for p in leftovers)
        if round_ == 0:
            # killed when its first version is half written: the target is the old file
            # (none yet), and the half-written temporary file stays behind
            proc.kill()
            proc.communicate(timeout=60)
            assert not target.exists()
            half = target.parent / _marked(marker)[1]
            assert half.exists() and 0 < half.stat().st_size < 1024 * 1024
        else:
            # killed at a random moment of its next few writes: inside one, or between them
            time.sleep(rng.uniform(0.0, 0.5))
            proc.kill()
            out, _ = proc.communicate(timeout=60)
            finished = int(out.split()[-1]) if out.split() else version
            now = _version(target)  # a whole version, or this fails
            # the last write it reported, or the one after if killed between its rename and its report
            assert now in (finished, finished + 1)
            version = now
        leftovers = _temporaries(target.parent)
        left_behind += len(leftovers)
    assert left_behind, "no kill left a temporary file behind: the test proved nothing"

    # the next run of a writer of this file removes every temporary file the killed ones left
    write_atomic(target, lambda p: p.write_bytes(target.read_bytes()))
    assert _version(target) == version and not _temporaries(target.parent)


def _marked(marker: Path) -> tuple[int, str] | None:
    """(version, temporary file name) the writer has half written, once it has."""
    try:
        version, name = marker.read_text().split()
    except (FileNotFoundError, ValueError):
        return None
    return int(version), name
