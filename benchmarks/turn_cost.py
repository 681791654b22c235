"""Cost per turn of one pair of strategies: one long match through the match kernel.

    python benchmarks/turn_cost.py "Win-Stay Lose-Shift" Cooperator [--turns 200000] [--noise 0]

prints the best wall time per turn of several runs. Wall time is noisy on a shared
machine; instruction counts are not. Under callgrind, ``--callgrind`` counts only the
kernel call (a tiny C helper, compiled with ``cc``, switches collection on and off
around it):

    NUMBA_NUM_THREADS=1 valgrind --tool=callgrind --instr-atstart=no \\
        python benchmarks/turn_cost.py "Win-Stay Lose-Shift" Cooperator --callgrind

and the ``totals:`` line of the callgrind output file, minus that of a run with
``--turns 0``, divided by the number of turns, is the instructions per turn
(docs/engine.md, "Per-turn cost"). ``--plugin FILE.py`` loads a plugin first, to
measure a strategy in checked mode (docs/howto/add-a-strategy.md). Run it once without valgrind first so that
numba's caches are warm (compiling under valgrind takes minutes).
"""

from __future__ import annotations

import argparse
import ctypes
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from cooptourney.core.layout import OUT_SIZE, MatchRecord, MatchSettings
from cooptourney.core.pack import pack
from cooptourney.core.streams import player_streams
from cooptourney.game import Game
from cooptourney.players import as_player
from cooptourney.registry import load_plugin

_HELPER = """#include <valgrind/callgrind.h>
void cg_start(void) { CALLGRIND_ZERO_STATS; CALLGRIND_START_INSTRUMENTATION; }
void cg_stop(void) { CALLGRIND_STOP_INSTRUMENTATION; CALLGRIND_DUMP_STATS_AT("kernel"); }
"""


def _callgrind_helper():
    tmp = Path(tempfile.mkdtemp())
    (tmp / "cg.c").write_text(_HELPER)
    subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", str(tmp / "cg.so"), str(tmp / "cg.c")], check=True)
    return ctypes.CDLL(str(tmp / "cg.so"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--turns", type=int, default=200_000)
    ap.add_argument("--noise", type=float, default=0.0)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--callgrind", action="store_true", help="count the kernel call only (run under callgrind)")
    ap.add_argument("--plugin", action="append", default=[], help="a plugin file to load first (repeatable)")
    args = ap.parse_args(argv)
    for path in args.plugin:
        load_plugin(path)  # its strategies play in checked mode

    players = [as_player(args.a), as_player(args.b)]
    game = Game().as_array()
    packed = pack(players, game)
    ka, kb = packed.keys
    seed = np.uint64(1)
    n = args.turns
    hist = np.zeros((2, max(n, 1)), dtype=np.int8)
    out = np.zeros(OUT_SIZE)
    empty = np.zeros(0, dtype=np.int8)
    no_trace = np.zeros(0)
    call_args = (
        packed.side(0, player_streams(seed, ka, kb, 0, ka, 0)),
        packed.side(1, player_streams(seed, ka, kb, 0, kb, 0)),
        MatchSettings(game=game, turns=np.int64(n), known_length=float(n), noise=args.noise),
        MatchRecord(
            flip_a=empty, flip_b=empty, hist_a=hist[0], hist_b=hist[1], trace_a=no_trace, trace_b=no_trace, out=out
        ),
    )
    kernel = packed.kernel.module.play_match
    kernel(*call_args)  # warm
    if args.callgrind:
        cg = _callgrind_helper()
        cg.cg_start()
        kernel(*call_args)
        cg.cg_stop()
        return 0
    best = float("inf")
    for _ in range(args.runs):
        started = time.perf_counter()
        kernel(*call_args)
        best = min(best, time.perf_counter() - started)
    print(f"{args.a} vs {args.b}: {best / max(n, 1) * 1e9:.1f} ns per turn ({n:,} turns, best of {args.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
