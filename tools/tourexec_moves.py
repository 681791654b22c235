"""Record the moves of the original second-tournament programs as test data.

Axelrod's second tournament (1980) was played by 63 rules written in Fortran.
The original programs are kept, under the MIT licence, as the TourExec
repository of the Axelrod-Python project
(https://github.com/Axelrod-Python/TourExec). This script compiles them,
plays them through ``ctypes`` and writes the moves they make to
``tests/data/tourexec/<code>.json.gz``; the tests of the native rules replay
that data, so neither the script nor a Fortran compiler is needed to run the
test suite.

Requirements: Python 3.9+ (standard library only), GNU make and gfortran
(Debian: ``apt-get install gfortran``), and a checkout of TourExec::

    git clone https://github.com/Axelrod-Python/TourExec.git /some/dir/TourExec
    export TOUREXEC=/some/dir/TourExec          # or pass --tourexec each time
    python3 tools/tourexec_moves.py build        # runs make in the checkout
    python3 tools/tourexec_moves.py play k31r k92r --length 63
    python3 tools/tourexec_moves.py generate k31r k32r     # writes the data
    python3 tools/tourexec_moves.py check                  # compares with it

How a match is played
---------------------
Each rule is a Fortran function ``KnnR(J, M, K, L, R, JA)`` returning 0
(cooperate) or 1 (defect), where ``J`` is the opponent's previous move (0 on
the first move), ``M`` the move number counted from 1, ``K`` and ``L`` its own
and the opponent's score so far (payoffs 3, 5, 0, 1), ``R`` a uniform random
number in single precision and ``JA`` its own previous move. This is the
calling convention of the tournament program in TourExec
(``src/tournament/AxTest.f``). The rules are never told the length of the
match.

The rules keep their state in static (``SAVE``) variables. Every match is
played in a freshly forked process, so each match starts from the state the
library has when it is loaded; the two players use two separate copies of the
library, so a rule can meet itself. (The tournament program played the five
games of a pair one after the other in one process; a rule that forgot to
reset a variable at move 1 then carried it into the next game. The native
rules follow the fresh-start behaviour, which is what the rules intend.)

Each player draws its random numbers from its own stream,
``random.Random(2 * seed)`` for the row player and
``random.Random(2 * seed + 1)`` for the column player, one draw per move
whether or not the rule uses it.

Data format
-----------
One gzip-compressed JSON file per rule (written with a zero timestamp, so the
same moves give the same bytes)::

    {"format": 1, "rule": "k31r", "stochastic": false,
     "length": 308, "seed": 0,
     "matches": [{"partner": "k32r", "own": "CCDC...", "partner_moves": "CC..."},
                 ...]}

For a deterministic rule, ``matches`` has one match of 308 moves against
every partner of the panel: the 63 rules, the tournament program's reactive
column rules (``ktitfortatc``, ``ktf2tc``, ``kpavlovc``) and the scripted
partners of :data:`SCRIPTS`. The tournament's other lengths (63, 77, 151,
156) are prefixes of the 308-move match, because a rule is not told the
length and starts fresh; ``generate`` plays them too and stops if a prefix
differs. A native rule is checked by playing it against the stored
``partner_moves`` as a fixed script: it is right exactly when it reproduces
``own``.

For a stochastic rule, ``runs`` replaces ``matches``: for every scripted
partner, ``own`` is a list of ``--runs`` matches of 308 moves with seeds
0, 1, ...; the tests compare statistics of those runs with runs of the native
rule.

A rule counts as stochastic if changing its own random stream (the partner's
stream fixed) changes any of its moves against the panel.
"""

from __future__ import annotations

import argparse
import ctypes
import gzip
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

#: The 63 rules of the second tournament, by their original codes.
CODES = tuple(f"k{n}r" for n in range(31, 94))

#: Reactive column rules of the tournament program, used as partners.
COLUMN_RULES = ("ktitfortatc", "ktf2tc", "kpavlovc")

#: The tournament's match lengths.
LENGTHS = (63, 77, 151, 156, 308)

_LONGEST = max(LENGTHS)


def _random_script(p_cooperate: float, seed: int) -> str:
    rng = random.Random(seed)
    return "".join("C" if rng.random() < p_cooperate else "D" for _ in range(_LONGEST))


#: Scripted partners: a fixed move sequence, whatever the rule does.
SCRIPTS = {
    "cooperator": "C" * _LONGEST,
    "defector": "D" * _LONGEST,
    "alternator": "CD" * (_LONGEST // 2),
    "random": _random_script(0.5, 1979),
    "random90": _random_script(0.9, 1980),
}

#: Every partner a deterministic rule meets.
PANEL = CODES + COLUMN_RULES + tuple(SCRIPTS)

DATA_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "tourexec"

_LIBRARY = "bin/libstrategies.so"


class UsageError(Exception):
    """A one-line error for the command line."""


def _checkout(path: str | None) -> Path:
    path = path or os.environ.get("TOUREXEC")
    if not path:
        raise UsageError("give the TourExec checkout with --tourexec DIR or TOUREXEC=DIR")
    root = Path(path)
    if not (root / "src" / "strategies").is_dir():
        raise UsageError(f"{root} is not a TourExec checkout (no src/strategies)")
    return root


def build(root: Path) -> Path:
    """Compile the checkout with its Makefile; return the shared library."""
    if shutil.which("gfortran") is None:
        raise UsageError("gfortran not found (Debian: apt-get install gfortran)")
    subprocess.run(["make", "-s", "bin/libstrategies.so"], cwd=root, check=True)
    return root / _LIBRARY


class Library:
    """Two loaded copies of the compiled rules, one per side of a match."""

    def __init__(self, root: Path):
        library = root / _LIBRARY
        if not library.is_file():
            raise UsageError(f"{library} missing: run `build` first")
        self._dir = tempfile.TemporaryDirectory(prefix="tourexec-")
        self.sides = []
        for side in ("row", "col"):
            copy = Path(self._dir.name) / f"lib{side}.so"
            shutil.copyfile(library, copy)
            self.sides.append(ctypes.CDLL(str(copy)))

    def function(self, side: int, name: str):
        try:
            function = getattr(self.sides[side], name.lower() + "_")
        except AttributeError:
            raise UsageError(f"no rule {name!r} in the library") from None
        ptr = ctypes.POINTER
        function.argtypes = (
            ptr(ctypes.c_int),
            ptr(ctypes.c_int),
            ptr(ctypes.c_int),
            ptr(ctypes.c_int),
            ptr(ctypes.c_float),
            ptr(ctypes.c_int),
        )
        function.restype = ctypes.c_int
        return function


_PAYOFF = {(0, 0): (3, 3), (0, 1): (0, 5), (1, 0): (5, 0), (1, 1): (1, 1)}


def _is_script(player: str) -> bool:
    return bool(player) and set(player) <= {"C", "D"}


def _resolve(player: str) -> str:
    return SCRIPTS.get(player, player)


def _play_here(library: Library, players, length: int, seeds) -> tuple[str, str, list]:
    """Play one match in this process (the library's state changes)."""
    movers = []
    for side, player in enumerate(players):
        if _is_script(player):
            if len(player) < length:
                raise UsageError(f"script of {len(player)} moves for {length} moves")
            movers.append(player)
        else:
            movers.append(library.function(side, player))
    streams = [random.Random(seed) for seed in seeds]
    moves = ([], [])
    scores = [0, 0]
    last = [0, 0]
    changed = set()
    for turn in range(1, length + 1):
        chosen = []
        for side, mover in enumerate(movers):
            draw = streams[side].random()
            if isinstance(mover, str):
                chosen.append(0 if mover[turn - 1] == "C" else 1)
                continue
            args = [
                ctypes.c_int(last[1 - side]),
                ctypes.c_int(turn),
                ctypes.c_int(scores[side]),
                ctypes.c_int(scores[1 - side]),
                ctypes.c_float(draw),
                ctypes.c_int(last[side]),
            ]
            before = [a.value for a in args]
            move = mover(*[ctypes.byref(a) for a in args])
            if move not in (0, 1):
                raise RuntimeError(f"{players[side]} returned {move} at move {turn}")
            after = [a.value for a in args]
            changed.update(f"{players[side]}:{'JMKLRA'[i]}" for i, (b, a) in enumerate(zip(before, after)) if b != a)
            chosen.append(move)
        gain = _PAYOFF[tuple(chosen)]
        for side in (0, 1):
            scores[side] += gain[side]
            moves[side].append("CD"[chosen[side]])
        last = chosen
    return "".join(moves[0]), "".join(moves[1]), sorted(changed)


_REPORTED: set = set()


def play(library: Library, row: str, col: str, length: int, seed=0) -> tuple[str, str]:
    """Play ``row`` against ``col`` for ``length`` moves from a fresh start.

    Parameters
    ----------
    library : Library
    row, col : str
        A rule's function name (``"k31r"``, ``"ktitfortatc"``), a name of
        :data:`SCRIPTS`, or a script of ``"C"``/``"D"`` characters.
    length : int
    seed : int or (int, int)
        An int gives the streams ``2 * seed`` and ``2 * seed + 1``; a pair
        gives the row and column streams' seeds directly.

    Returns
    -------
    (str, str)
        The row's and the column's moves, ``"C"``/``"D"`` strings.
    """
    seeds = (2 * seed, 2 * seed + 1) if isinstance(seed, int) else tuple(seed)
    players = (_resolve(row), _resolve(col))
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child plays, so the parent's copies stay fresh
        os.close(read)
        status = 0
        try:
            result = _play_here(library, players, length, seeds)
            payload = json.dumps(result).encode()
        except Exception as error:  # reported by the parent
            payload = json.dumps({"error": str(error)}).encode()
            status = 1
        with os.fdopen(write, "wb") as out:
            out.write(payload)
        os._exit(status)
    os.close(write)
    with os.fdopen(read, "rb") as inp:
        payload = inp.read()
    os.waitpid(pid, 0)
    result = json.loads(payload) if payload else {"error": "the match crashed"}
    if isinstance(result, dict):
        raise UsageError(f"{row} v {col}: {result['error']}")
    row_moves, col_moves, changed = result
    # k77r writes to J; harmless, since every call gets fresh copies (as in AxTest.f).
    for note in changed:
        if note not in _REPORTED:
            _REPORTED.add(note)
            print(f"note: {note.replace(':', ' writes to its argument ')}", file=sys.stderr)
    return row_moves, col_moves


def is_stochastic(library: Library, code: str) -> bool:
    """Whether ``code``'s moves against the panel depend on its own draws."""
    for partner in PANEL:
        reference = play(library, code, partner, _LONGEST, (0, 1))[0]
        for own_seed in (2, 4, 6):
            if play(library, code, partner, _LONGEST, (own_seed, 1))[0] != reference:
                return True
    return False


def record(library: Library, code: str, runs: int) -> dict:
    """All the data stored for one rule."""
    data = {"format": 1, "rule": code, "length": _LONGEST, "seed": 0}
    data["stochastic"] = is_stochastic(library, code)
    if not data["stochastic"]:
        matches = []
        for partner in PANEL:
            own, theirs = play(library, code, partner, _LONGEST, 0)
            for length in LENGTHS[:-1]:
                short = play(library, code, partner, length, 0)
                if short != (own[:length], theirs[:length]):
                    raise RuntimeError(f"{code} v {partner}: {length} moves not a prefix")
            matches.append({"partner": partner, "own": own, "partner_moves": theirs})
        data["matches"] = matches
    else:
        data["runs"] = [
            {
                "partner": partner,
                "partner_moves": SCRIPTS[partner],
                "own": [play(library, code, partner, _LONGEST, s)[0] for s in range(runs)],
            }
            for partner in SCRIPTS
        ]
    return data


def _encode(data: dict) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, filename="") as out:
        out.write(json.dumps(data, separators=(",", ":")).encode())
    return buffer.getvalue()


def load(code: str, directory: Path = DATA_DIR) -> dict:
    """Read the stored data of one rule."""
    with gzip.open(directory / f"{code}.json.gz", "rt") as inp:
        return json.load(inp)


def _codes(names: list[str]) -> list[str]:
    for name in names:
        if name not in CODES:
            raise UsageError(f"unknown rule {name!r}: codes are k31r ... k93r")
    return names or list(CODES)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tourexec", help="TourExec checkout (default: $TOUREXEC)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build", help="compile the checkout")
    p = commands.add_parser("play", help="play one match, print both players' moves")
    p.add_argument("row")
    p.add_argument("col")
    p.add_argument("--length", type=int, default=_LONGEST)
    p.add_argument("--seed", type=int, default=0)
    for name, text in (("generate", "write data files"), ("check", "compare with them")):
        g = commands.add_parser(name, help=text)
        g.add_argument("codes", nargs="*", help="rule codes (default: all 63)")
        g.add_argument("--runs", type=int, default=200, help="runs per stochastic partner")
        g.add_argument("--out", type=Path, default=DATA_DIR)
    args = parser.parse_args(argv)
    try:
        root = _checkout(args.tourexec)
        if args.command == "build":
            print(build(root))
            return 0
        library = Library(root)
        if args.command == "play":
            if args.length < 1:
                raise UsageError("--length must be at least 1")
            for moves in play(library, args.row, args.col, args.length, args.seed):
                print(moves)
            return 0
        codes = _codes(args.codes)
        if args.runs < 1:
            raise UsageError("--runs must be at least 1")
        differ = 0
        for code in codes:
            payload = _encode(record(library, code, args.runs))
            target = args.out / f"{code}.json.gz"
            if args.command == "generate":
                args.out.mkdir(parents=True, exist_ok=True)
                partial = target.with_suffix(".part")
                partial.write_bytes(payload)
                partial.replace(target)
                print(f"{target} ({len(payload)} bytes)")
            else:
                same = target.is_file() and target.read_bytes() == payload
                differ += not same
                print(f"{code}: {'same' if same else 'DIFFERS'}")
        return 1 if differ else 0
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into a reader that stopped early (head)
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
