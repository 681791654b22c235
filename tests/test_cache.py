"""The cache heals itself (src/cooptourney/core/codegen.py, core/numba_cache.py, atomic.py).

A damaged generated module or compiled file is found, rebuilt and reported once; the
temporary files of killed writers are removed, those of live writers kept; threads and
processes that import one fresh generated module at the same time all succeed.
"""

from __future__ import annotations

import fcntl
import importlib.util
import os
import random
import shutil
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from cooptourney.atomic import remove_stale_temporaries, write_atomic
from cooptourney.core import codegen

# One function compiled when the module is imported (an explicit signature, as the
# entries), one when it is first called (as the kernels).
_MODULE = '''
"""A generated module for the cache tests."""
from numba import njit

TAG = {tag}


@njit("int64(int64)", cache=True)
def eager(x):
    return 2 * x + TAG


@njit(cache=True)
def lazy(x, y):
    return x * y - TAG
'''


def _text() -> str:
    return _MODULE.format(tag=random.Random(uuid.uuid4().int).randrange(1, 10**6))


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A private cache directory for this test."""
    root = tmp_path / "cache"
    monkeypatch.setenv("COOPTOURNEY_CACHE_DIR", str(root))
    return root


def _load(text: str, kind: str = "tests"):
    """A fresh import, as a new process would do (the module is dropped first)."""
    digest, _ = codegen.source_digest(text)
    sys.modules.pop(f"_cooptourney_{kind}_{digest}", None)
    module = codegen.load_generated(kind, text)
    tag = module.TAG
    assert module.eager(5) == 10 + tag and module.lazy(3, 4) == 12 - tag
    return module


def _misses(module) -> int:
    return sum(sum(f.stats.cache_misses.values()) for f in (module.eager, module.lazy))


def _hits(module) -> int:
    return sum(sum(f.stats.cache_hits.values()) for f in (module.eager, module.lazy))


def _files(module) -> dict[str, Path]:
    path = Path(module.__file__)
    found = {"source": path}
    for p in (path.parent / "__pycache__").iterdir():
        if p.name.startswith(path.stem + ".eager-"):
            found["eager index" if p.suffix == ".nbi" else "eager data"] = p
        elif p.name.startswith(path.stem + ".lazy-"):
            found["lazy index" if p.suffix == ".nbi" else "lazy data"] = p
    return found


def _scramble(path: Path) -> None:
    """Bytes overwritten at random places, as a bad disk or a stray write would."""
    data = bytearray(path.read_bytes())
    rng = random.Random(7)
    for _ in range(max(4, len(data) // 50)):
        data[rng.randrange(len(data))] = rng.randrange(128, 256)  # never valid UTF-8 alone
    path.write_bytes(bytes(data))


def _flip_one_byte(path: Path) -> None:
    """One byte in the middle changed: the file still unpickles, with other code in it."""
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


DAMAGE = {
    "scrambled": _scramble,
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 3]),
    "emptied": lambda p: p.write_bytes(b""),
    "one byte flipped": _flip_one_byte,
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
@pytest.mark.parametrize("which", ["source", "eager index", "eager data", "lazy index", "lazy data"])
def test_a_damaged_cache_file_is_rebuilt_and_reported_once(cache, capfd, which, damage):
    text = _text()
    module = _load(text)
    assert _misses(_load(text)) == 0  # the second import is served by numba's cache
    target = _files(module)[which]
    DAMAGE[damage](target)
    capfd.readouterr()

    healed = _load(text)  # computes the right values (checked in _load)
    err = capfd.readouterr().err.splitlines()
    assert len(err) == 1, err
    assert "damaged" in err[0] and "cache" in err[0] and str(target) in err[0]
    assert err[0].startswith("cooptourney: warning: ")
    if which == "source":
        assert target.read_text() == text  # numba stamps its files with the source's hash: they still serve
    else:
        assert _misses(healed) == 1  # compiled again, not loaded from the damaged file

    again = _load(text)  # healed for good: a later import is served by the cache, silently
    assert capfd.readouterr().err == ""
    assert _misses(again) == 0 and _hits(again) == 2


def test_a_bad_bytecode_file_beside_a_generated_module_is_never_read(cache, capfd):
    text = _text()
    module = _load(text)
    path = Path(module.__file__)
    pyc = Path(importlib.util.cache_from_source(str(path)))
    pyc.parent.mkdir(exist_ok=True)
    st = path.stat()
    header = importlib.util.MAGIC_NUMBER + (0).to_bytes(4, "little")
    header += int(st.st_mtime).to_bytes(4, "little") + (st.st_size & 0xFFFFFFFF).to_bytes(4, "little")
    pyc.write_bytes(header + b"\xff" * 64)  # a valid header on garbage: the import system would fail
    _load(text)
    assert capfd.readouterr().err == ""


def test_the_files_of_other_modules_are_left_to_numba(cache):
    # A cache file of a module the engine did not generate keeps numba's format: no checksum.
    from cooptourney.core import numba_cache

    text = _text()
    module = _load(text)
    for path in Path(module.__file__).parent.joinpath("__pycache__").iterdir():
        assert path.read_bytes()[-16 - len(numba_cache._MARKER) : -16] == numba_cache._MARKER
    assert not numba_cache.is_guarded("streams.stream_key-54.py311.nbi")


# -- temporary files ---------------------------------------------------------------------------------


def _leftover(directory: Path, target: str, age: float = 0.0) -> Path:
    """A temporary file as a killed writer leaves it: named as write_atomic names them, unlocked."""
    path = directory / f".{target}.{uuid.uuid4().hex[:8]}.tmp"
    path.write_text("half of a fi")
    if age:
        os.utime(path, (time.time() - age, time.time() - age))
    return path


def test_the_next_write_removes_a_dead_writers_temporary_file_only(tmp_path):
    target = tmp_path / "results.csv"
    dead = _leftover(tmp_path, "results.csv")
    other_target = _leftover(tmp_path, "other.csv")  # another file's: left for its own next write
    mine = tmp_path / "notes.tmp"
    mine.write_text("a user's file")
    live = _leftover(tmp_path, "results.csv")
    holder = os.open(live, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)  # a live writer holds its file until it renames it
    try:
        write_atomic(target, lambda p: p.write_text("a,b\n1,2\n"))
        assert target.read_text() == "a,b\n1,2\n"
        assert not dead.exists()
        assert live.exists() and other_target.exists() and mine.exists()
    finally:
        os.close(holder)  # the writer died: its file is stale now
    assert set(remove_stale_temporaries(tmp_path)) == {live, other_target}
    assert mine.exists()


def test_a_concurrent_write_of_the_same_target_never_removes_the_live_one(tmp_path):
    target = tmp_path / "out.txt"
    inside, release = threading.Event(), threading.Event()
    errors = []

    def slow(p: Path) -> None:
        p.write_text("first ")
        inside.set()
        assert release.wait(30)
        with p.open("a") as f:
            f.write("done")

    def first() -> None:
        try:
            write_atomic(target, slow)
        except BaseException as exc:  # reported below
            errors.append(exc)

    thread = threading.Thread(target=first)
    thread.start()
    assert inside.wait(30)
    write_atomic(target, lambda p: p.write_text("second"))  # cleans stale files of this target
    assert target.read_text() == "second"
    release.set()
    thread.join(30)
    assert not errors, errors
    assert target.read_text() == "first done"  # its temporary file survived the other write
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_cache_directory_is_tidied_of_dead_writers_files(cache):
    text = _text()
    module = _load(text)
    kind_dir = Path(module.__file__).parent
    ours = _leftover(kind_dir, Path(module.__file__).name)
    numba_dir = kind_dir / "__pycache__"
    old = numba_dir / "x.lazy-9.py311.nbi.tmp.0123456789abcdef"
    recent = numba_dir / "x.lazy-9.py311.nbi.tmp.fedcba9876543210"
    for p, age in ((old, 2 * 3600), (recent, 60)):
        p.write_bytes(b"partial")
        os.utime(p, (time.time() - age, time.time() - age))
    codegen._TIDIED.clear()  # as in a new process
    _load(_text())
    assert not ours.exists() and not old.exists()
    assert recent.exists()  # numba holds no lock: a recent one may be a live write


# -- concurrency -------------------------------------------------------------------------------------


def test_threads_importing_one_fresh_generated_module_all_succeed(cache):
    text = _text()
    n = 8
    barrier = threading.Barrier(n)
    results: list = [None] * n

    def work(i: int) -> None:
        try:
            barrier.wait(30)
            module = codegen.load_generated("tests", text)
            results[i] = (module, module.eager(1), module.lazy(2, 3))
        except BaseException as exc:  # every outcome is checked below
            results[i] = exc

    threads = [threading.Thread(target=work, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    failures = [r for r in results if not isinstance(r, tuple)]
    assert not failures, failures
    assert len({id(r[0]) for r in results}) == 1  # one module, imported once
    tag = results[0][0].TAG
    assert {r[1:] for r in results} == {(2 + tag, 6 - tag)}


_WARM = """
import os, sys, time
from pathlib import Path
go = Path(sys.argv[1])
while not go.exists():
    time.sleep(0.005)
from cooptourney.core import codegen
module = codegen.load_generated("tests", sys.argv[2])
print(module.eager(7), module.lazy(6, 7))
"""


def test_processes_warming_one_fresh_cache_directory_all_succeed(cache, tmp_path):
    text = _text()
    go = tmp_path / "go"
    env = {**os.environ, "COOPTOURNEY_CACHE_DIR": str(cache)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WARM, str(go), text], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(3)
    ]
    time.sleep(1.0)  # let them all import numba, then start them together
    go.touch()
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [e.decode() for _, e in outs]
    tag = _load(text).TAG
    assert {o.decode().strip() for o, _ in outs} == {f"{14 + tag} {42 - tag}"}
    assert not [e for _, e in outs if e.strip()], outs  # nothing reported as damaged
    module = _load(text)
    assert _misses(module) == 0  # what they left is whole: served from the cache
    assert not [p for p in cache.rglob("*") if ".tmp" in p.name]


# -- end to end ----------------------------------------------------------------------------------------

_MATCH = ["-m", "cooptourney.cli", "match", "Tit For Tat", "Grudger", "--turns", "8", "--noise", "0.2", "--seed", "3"]


def test_a_scrambled_cache_file_no_longer_breaks_the_command_line(tmp_path):
    """Three processes warm one fresh cache at once (the kernel's compiled code copied in,
    to spare its compile; the strategies' entries and the other generated modules are
    written and compiled by all three). A scrambled generated module once failed every
    later run with a UTF-8 decode error; now the run heals it, says so once and gives
    the usual output."""
    from cooptourney import Match

    Match(("Tit For Tat", "Grudger"), turns=2).play()  # the kernel compiled in this session's cache
    cache = tmp_path / "cache"
    kernel = Path(codegen.kernel_for().module.__file__)
    (cache / "kernels" / "__pycache__").mkdir(parents=True)
    shutil.copy2(kernel, cache / "kernels" / kernel.name)  # the stamp numba checks is kept
    for p in (kernel.parent / "__pycache__").glob(kernel.stem + ".*"):
        shutil.copy2(p, cache / "kernels" / "__pycache__" / p.name)
    env = {**os.environ, "COOPTOURNEY_CACHE_DIR": str(cache)}

    def run():
        out = subprocess.run([sys.executable, *_MATCH], env=env, capture_output=True, text=True, timeout=600)
        return out.returncode, out.stdout, out.stderr

    together = [
        subprocess.Popen([sys.executable, *_MATCH], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    outs = [p.communicate(timeout=600) for p in together]
    assert [p.returncode for p in together] == [0, 0, 0] and [e for _, e in outs] == ["", "", ""], outs
    expected = outs[0][0]
    assert "Tit For Tat" in expected and all(o == expected for o, _ in outs)
    (entry,) = [p for p in (cache / "entries").glob("*.py") if "the kernel entry of 'Grudger'" in p.read_text()]
    scrambled = [cache / "kernels" / kernel.name, entry]
    for path in scrambled:
        _scramble(path)
    code, out, err = run()
    assert code == 0 and out == expected
    lines = err.splitlines()
    assert len(lines) == 2 and all("damaged generated module in the cache" in line for line in lines)
    assert all(str(path) in line for path, line in zip(scrambled, lines, strict=True))
    assert run() == (0, expected, "")


def test_a_cache_that_cannot_be_written_costs_compile_time_not_the_run(cache, capfd):
    # A full disk: numba's files cannot be saved. The run goes on, said once.
    import errno

    from numba.core.caching import IndexDataCacheFile

    from cooptourney.core import numba_cache

    def full(self, path):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)

    text = _text()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(IndexDataCacheFile, "_open_for_write", full)
        mp.setattr(numba_cache, "_UNSAVED", [])
        assert _misses(_load(text)) == 2
        assert _misses(_load(text)) == 2  # nothing was saved: compiled again, and not said again
    err = capfd.readouterr().err.splitlines()
    assert len(err) == 1 and "cannot save compiled code to the cache" in err[0] and "No space left" in err[0]
    module = _load(text)  # space again: compiled and saved
    assert _misses(module) == 2 and _misses(_load(text)) == 0
