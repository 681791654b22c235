"""Peak memory and wall time of one long match, through the API, ``match`` and ``run``.

    python benchmarks/long_match.py [--turns 10000000] [--players "Tit For Tat" Grudger]

Each measurement is a fresh interpreter with a warm kernel cache, from start to results;
the peak resident set size is the child's own (``getrusage``). Printed:

* ``Match(...).scores()``: the match played for its results only;
* ``cooptourney match``: the command, showing its first 10,000 turns;
* ``cooptourney run`` with one repetition (three matches: the pair and two self-plays);
* a 100-turn ``Match`` for the interpreter's and the compiled kernel's own footprint.

A single match is not timed against axelrod: axelrod keeps every move of a match in a
Python list, and 10 million turns of it take minutes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap
import time

_CHILD = textwrap.dedent(
    """
    import contextlib, io, json, resource, sys
    kind, turns, a, b = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    if kind == "api":
        from cooptourney import Match
        Match((a, b), turns=turns, seed=1).scores()
    else:
        from cooptourney.cli import main
        args = {"match": ["match", a, b, "--turns", str(turns)],
                "run": ["run", "-p", a, b, "--turns", str(turns), "--repetitions", "1"]}[kind]
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(args) == 0
    print(json.dumps(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
    """
)


def measure(kind: str, turns: int, players: list[str]) -> tuple[float, float]:
    """(seconds, peak MB) of one child process."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, kind, str(turns), *players], check=True, capture_output=True, text=True
    )
    return time.perf_counter() - started, json.loads(done.stdout.splitlines()[-1]) / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--turns", type=int, default=10_000_000)
    ap.add_argument("--players", nargs=2, default=["Tit For Tat", "Grudger"])
    args = ap.parse_args(argv)
    measure("api", 100, args.players)  # warm the kernel cache
    rows = [
        ("Match(...).scores()", "api", args.turns),
        ("cooptourney match", "match", args.turns),
        ("cooptourney run (1 repetition)", "run", args.turns),
        ("Match(...).scores(), 100 turns", "api", 100),
    ]
    print(f"{' vs '.join(args.players)}, {args.turns:,} turns")
    for label, kind, turns in rows:
        seconds, mb = measure(kind, turns, args.players)
        print(f"{label:32s} {seconds:7.2f} s  {mb:8.1f} MB peak")
    return 0


if __name__ == "__main__":
    sys.exit(main())
