"""axelrod's own outcomes for the meta players of large teams, written as compact test data.

axelrod's Meta players over 68 to 217 members consult every member every move and
build the whole team again at the start of every match, so a statistics check against
axelrod itself takes minutes per meta and opponent. This script plays those matches
once, offline, and writes the distribution of the meta player's cooperation count per
match to ``tests/data/axelrod_meta/cooperation_counts.json``, which
``tests/strategies/test_meta.py`` compares with cooptourney's own distribution.

Run it (needs ``axelrod`` 4.13.1, a test dependency) with::

    nice python tools/axelrod_meta_stats.py [--matches 24] [--minutes 38]

It uses one core. Matches are played in rounds, one per meta and opponent, and the
file is rewritten atomically after every round, so stopping it early (or the
``--minutes`` budget running out) leaves every cell with the same number of matches.
On the 2-core development machine, shared with other work, a round of the 15 metas
against the 5 opponents (75 matches of 12 turns) took 25 to 100 s, 80 s on average:
the file in the repository, 24 rounds, took 32 minutes (1943 s).

Match k of every cell has seed ``SEED + k``; the turns and seeds are in the file.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "axelrod_meta" / "cooperation_counts.json"
TURNS = 12
SEED = 20261206
METAS = (
    "Meta Majority",
    "Meta Minority",
    "Meta Winner",
    "Meta Mixer",
    "Meta Winner Ensemble",
    "Nice Meta Winner",
    "Nice Meta Winner Ensemble",
    "Meta Majority Long Memory",
    "Meta Winner Long Memory",
    "NMWE Long Memory",
    "Meta Majority Finite Memory",
    "Meta Winner Finite Memory",
    "NMWE Finite Memory",
    "Meta Winner Stochastic",
    "NMWE Stochastic",
)
OPPONENTS = ("Cooperator", "Defector", "Tit For Tat", "Alternator", "Random")  # Random: p = 0.5


def _write(data: dict) -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=OUT.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    os.chmod(tmp, 0o644)  # mkstemp makes it private
    os.replace(tmp, OUT)


def main() -> int:
    import axelrod as axl

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--matches", type=int, default=24, help="matches per meta and opponent")
    parser.add_argument("--minutes", type=float, default=38.0, help="stop after the round running at this time")
    args = parser.parse_args()
    classes = {cls.name: cls for cls in axl.all_strategies}
    metas = {name: classes[name]() for name in METAS}
    opponents = {name: classes[name]() for name in OPPONENTS}
    counts = {m: {o: [] for o in OPPONENTS} for m in METAS}
    data = {
        "source": f"axelrod {axl.__version__}, axl.Match((meta, opponent), turns, seed=seed + k).play()",
        "generated_by": "tools/axelrod_meta_stats.py",
        "turns": TURNS,
        "seed": SEED,
        "opponents": {"Random": "Random (p = 0.5)"},
        "cooperation_counts": counts,
    }
    start = time.monotonic()
    for k in range(args.matches):
        for m, meta in metas.items():
            for o, opponent in opponents.items():
                match = axl.Match((meta, opponent), turns=TURNS, seed=SEED + k)
                counts[m][o].append(sum(a == axl.Action.C for a, _ in match.play()))
        data["matches"] = k + 1
        data["seconds"] = round(time.monotonic() - start)
        _write(data)
        print(f"round {k + 1}: {data['seconds']} s", flush=True)
        if time.monotonic() - start > 60 * args.minutes:
            break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
