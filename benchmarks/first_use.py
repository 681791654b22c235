"""First use: how long a new user waits before the first results, from a fresh cache.

Three figures, each in new processes with a cache directory of their own
(``COOPTOURNEY_CACHE_DIR``), so nothing compiled earlier is reused:

1. ``cooptourney run`` (the default tournament) from a fresh cache to printed results:
   on a terminal (stderr a pseudo-terminal: the compile is announced and runs in worker
   processes, one per core) and in a pipe (compiled as the run goes, in one process);
2. ``cooptourney warmup --all``: the whole library and the kernels, from a fresh cache;
3. a new process with a warm cache starting its first match: ``import cooptourney`` and a
   one-turn ``Match``, timed inside the process from before the import, and the whole
   ``cooptourney match`` command.

and the floor under 3: what numba itself costs before any of this package runs, in a
new process: ``import numpy, numba`` alone, and numpy and numba plus the first call of
a trivial ``@njit(cache=True)`` function whose cache is warm (written beforehand to a
temporary directory).

Targets (docs/performance-log.md): 1. under 10 s; 2. under 45 s; 3. under 0.4 s.
``axelrod`` compiles nothing, so there is no ratio to it here.

    python benchmarks/first_use.py            # all three (several minutes on 2 cores)
    python benchmarks/first_use.py --quick    # 3 only (needs a warm cache: run any command first)
"""

from __future__ import annotations

import argparse
import os
import pty
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
COOPTOURNEY = str(BIN / "cooptourney")

FIRST_MATCH = """
import time
t0 = time.perf_counter()
import cooptourney
t1 = time.perf_counter()
cooptourney.Match(["Tit For Tat", "Grudger"], turns=1).play()
t2 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {time.process_time():.3f}")
"""

#: The floor: numba's own start, and its first call of a cached function (``{path}`` is
#: a module of the temporary directory holding one trivial kernel and its cache).
FLOOR = """
import time
t0 = time.perf_counter()
import numpy, numba
t1 = time.perf_counter()
import sys
sys.path.insert(0, {path!r})
import trivial_kernel
trivial_kernel.add_one(1)
t2 = time.perf_counter()
print(f"{{t1 - t0:.3f}} {{t2 - t0:.3f}} {{time.process_time():.3f}}")
"""

TRIVIAL_KERNEL = """
from numba import njit


@njit(cache=True)
def add_one(x):
    return x + 1
"""


def cpu_of_children() -> float:
    """CPU seconds (user + system) of every finished child process so far, and theirs."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(argv: list[str], cache: str | None, terminal: bool = False) -> float:
    """Wall time of ``argv`` (stdout discarded); stderr a pseudo-terminal when ``terminal``.
    The CPU seconds it used (with its worker processes) are in ``timed.cpu``: on a shared
    machine the wall time grows with the load, the CPU time much less."""
    env = dict(os.environ)
    if cache is not None:
        env["COOPTOURNEY_CACHE_DIR"] = cache
    master = slave = None
    if terminal:
        master, slave = pty.openpty()
    cpu = cpu_of_children()
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=slave if terminal else subprocess.DEVNULL, env=env)
    if terminal:
        os.close(slave)
        while True:  # drain the terminal so the bar never blocks the writer
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break
    code = proc.wait()
    elapsed = time.perf_counter() - started
    timed.cpu = cpu_of_children() - cpu
    if master is not None:
        os.close(master)
    if code != 0:
        raise SystemExit(f"{' '.join(argv)} exited with {code}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only the warm-cache start (3)")
    parser.add_argument("--repeats", type=int, default=5, help="warm starts to time (median)")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; python {sys.version.split()[0]}")
    if not args.quick:
        with tempfile.TemporaryDirectory() as cache:
            t = timed([COOPTOURNEY, "run"], cache, terminal=True)
            print(
                f"1. default tournament, fresh cache, on a terminal (parallel compile): {t:.1f} s "
                f"(CPU {timed.cpu:.1f} s; target < 10 s)"
            )
        with tempfile.TemporaryDirectory() as cache:
            t = timed([COOPTOURNEY, "run"], cache)
            print(
                f"1. default tournament, fresh cache, in a pipe (compiled as it goes): {t:.1f} s (CPU {timed.cpu:.1f} s)"
            )
        with tempfile.TemporaryDirectory() as cache:
            t = timed([COOPTOURNEY, "warmup", "--all"], cache)
            print(
                f"2. whole library + kernels, fresh cache (warmup --all, one process per core): {t:.1f} s (target < 45 s)"
            )
    imports, firsts, first_cpu, commands = [], [], [], []
    for _ in range(args.repeats):
        out = subprocess.run([sys.executable, "-c", FIRST_MATCH], capture_output=True, text=True, check=True)
        a, b, cpu = (float(x) for x in out.stdout.split())
        imports.append(a)
        firsts.append(a + b)
        first_cpu.append(cpu)
        commands.append(timed([COOPTOURNEY, "match", "TFT", "Grudger", "--turns", "1"], None))
    with tempfile.TemporaryDirectory() as directory:
        (Path(directory) / "trivial_kernel.py").write_text(TRIVIAL_KERNEL)
        code = FLOOR.format(path=directory)
        subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)  # writes the cache
        alone, called, floor_cpu = [], [], []
        for _ in range(args.repeats):
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
            a, b, cpu = (float(x) for x in out.stdout.split())
            alone.append(a)
            called.append(b)
            floor_cpu.append(cpu)
    print(
        f"floor, new process: import numpy, numba {statistics.median(alone):.2f} s; with the first call of a "
        f"cached trivial @njit function {statistics.median(called):.2f} s (CPU {statistics.median(floor_cpu):.2f} s of "
        f"the process, from its start; medians of {args.repeats})"
    )
    print(
        f"3. warm cache, new process: import {statistics.median(imports):.2f} s, first match played "
        f"{statistics.median(firsts):.2f} s after the import began (CPU {statistics.median(first_cpu):.2f} s of the "
        "process, from its start; target < 0.4 s); "
        f"`cooptourney match` command {statistics.median(commands):.2f} s (medians of {args.repeats})"
    )


if __name__ == "__main__":
    main()
