"""Write the trained tables of axelrod's table-driven strategies to the JSON files here.

The finite state machines, lookup tables, gamblers, hidden Markov model and neural
networks of ``strategies/fsm.py``, ``lookerup.py``, ``gambler.py``, ``hmm.py`` and
``ann.py`` play from constants that were trained (or, for Ashlock's machines,
published) elsewhere. This script reads them from the installed ``axelrod`` package
(4.13.1, the oracle of the test suite) by building each player and reading its
public attributes, and writes one JSON file per family. cooptourney itself never
imports ``axelrod``: it reads the JSON files, which ship with the package.

Run it from anywhere, after upgrading axelrod::

    python strategies/data/generate_tables.py          # rewrite the files
    python strategies/data/generate_tables.py --check  # exit 1 if they are stale

``tests/test_oracle_tables.py`` fails when the files differ from what this script
would write, so a change of axelrod's tables cannot pass unnoticed.

Conventions of the files (the strategy modules rely on them):

* moves are the letters ``"C"`` and ``"D"``;
* a lookup ``pattern`` is listed in the order of ``itertools.product`` over the keys
  (own last moves, partner's last moves, partner's first moves), each key oldest move
  first and C before D; so with depths (1, 1, 1) the entries are for
  CCC, CCD, CDC, ..., DDD (own, partner's last, partner's first);
* a gambler's ``pattern`` holds probabilities of cooperating, in the same order;
* an HMM's matrices are row-stochastic, row = current state, column = next state.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

FSM_NAMES = (
    "Evolved FSM 16",
    "Evolved FSM 16 Noise 05",
    "Evolved FSM 4",
    "Evolved FSM 6",
    "Fortress3",
    "Fortress4",
    "Predator",
    "Pun1",
    "Raider",
    "Ripoff",
    "SolutionB1",
    "SolutionB5",
    "TF1",
    "TF2",
    "TF3",
    "Thumper",
    "UsuallyCooperates",
    "UsuallyDefects",
)
LOOKERUP_NAMES = ("EvolvedLookerUp1_1_1", "EvolvedLookerUp2_2_2", "Winner12", "Winner21")
GAMBLER_NAMES = ("PSO Gambler 1_1_1", "PSO Gambler 2_2_2", "PSO Gambler 2_2_2 Noise 05", "PSO Gambler Mem1", "ZD-Mem2")
HMM_NAMES = ("Evolved HMM 5",)
ANN_NAMES = ("Evolved ANN", "Evolved ANN 5", "Evolved ANN 5 Noise 05")


def _players(names):
    import axelrod as axl

    classes = {cls.name: cls for cls in axl.all_strategies}
    return {name: classes[name]() for name in names}


def _letter(action) -> str:
    return str(action)  # axelrod's Action prints as "C" or "D"


def _header(module: str) -> dict:
    import axelrod as axl

    return {
        "source": f"axelrod {axl.__version__}, axelrod/strategies/{module}",
        "generated_by": "strategies/data/generate_tables.py",
    }


def fsm_tables() -> dict:
    out = {}
    for name, p in _players(FSM_NAMES).items():
        rows = sorted(
            ([s, _letter(a), s2, _letter(a2)] for s, a, s2, a2 in p.fsm.transitions()),
            key=lambda r: (r[0], r[1]),
        )
        out[name] = {
            "initial_state": int(p.initial_state),
            "initial_action": _letter(p.initial_action),
            "transitions": rows,
        }
    return {**_header("finite_state_machines.py"), "strategies": out}


def _lookup_entries(p) -> tuple[tuple[int, int, int], list]:
    """Depths and the table in the documented key order, read from the player's lookup dict."""
    import axelrod as axl
    from axelrod.strategies.lookerup import Plays

    own, op, openings = (int(x) for x in p.parameters)
    table = p.lookup_dict
    moves = [axl.Action.C, axl.Action.D]
    entries = []
    for o, q, f in itertools.product(
        itertools.product(moves, repeat=own),
        itertools.product(moves, repeat=op),
        itertools.product(moves, repeat=openings),
    ):
        entries.append(table[Plays(self_plays=o, op_plays=q, op_openings=f)])
    assert len(entries) == len(table)
    return (own, op, openings), entries


def lookerup_tables() -> dict:
    out = {}
    for name, p in _players(LOOKERUP_NAMES).items():
        (own, op, openings), entries = _lookup_entries(p)
        out[name] = {
            "own_depth": own,
            "op_depth": op,
            "op_openings_depth": openings,
            "initial_actions": "".join(_letter(a) for a in p.initial_actions),
            "pattern": "".join(_letter(a) for a in entries),
        }
    return {**_header("lookerup.py"), "strategies": out}


def gambler_tables() -> dict:
    out = {}
    for name, p in _players(GAMBLER_NAMES).items():
        (own, op, openings), entries = _lookup_entries(p)
        out[name] = {
            "own_depth": own,
            "op_depth": op,
            "op_openings_depth": openings,
            "initial_actions": "".join(_letter(a) for a in p.initial_actions),
            "pattern": [float(x) for x in entries],
        }
    return {**_header("gambler.py"), "strategies": out}


def hmm_tables() -> dict:
    out = {}
    for name, p in _players(HMM_NAMES).items():
        out[name] = {
            "initial_state": int(p.initial_state),
            "initial_action": _letter(p.initial_action),
            "transitions_C": [[float(x) for x in row] for row in p.hmm.transitions_C],
            "transitions_D": [[float(x) for x in row] for row in p.hmm.transitions_D],
            "emission_probabilities": [float(x) for x in p.hmm.emission_probabilities],
        }
    return {**_header("hmm.py"), "strategies": out}


def ann_tables() -> dict:
    out = {}
    for name, p in _players(ANN_NAMES).items():
        out[name] = {
            "num_features": int(p.num_features),
            "num_hidden": int(p.num_hidden),
            "input_to_hidden": [[float(x) for x in row] for row in p.input_to_hidden_layer_weights],
            "hidden_to_output": [float(x) for x in p.hidden_to_output_layer_weights],
            "bias": [float(x) for x in p.bias_weights],
        }
    return {**_header("ann.py"), "strategies": out}


#: the meta players whose teams ``strategies/meta.py`` plays natively with whole histories
TEAM_META_NAMES = (
    "Meta Hunter",
    "Meta Hunter Aggressive",
    "Meta Winner Deterministic",
    "NMWE Deterministic",
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


def team_tables() -> dict:
    """Each meta player's team: its members' names, in axelrod's order (which breaks ties)."""
    out = {}
    for name, p in _players(TEAM_META_NAMES).items():
        out[name] = [member.name for member in p.team]
    return {**_header("meta.py"), "strategies": out}


BUILDERS = {
    "fsm.json": fsm_tables,
    "lookerup.json": lookerup_tables,
    "gambler.json": gambler_tables,
    "hmm.json": hmm_tables,
    "ann.json": ann_tables,
    "teams.json": team_tables,
}


def render(content: dict) -> str:
    """The exact text of a file: one strategy per block, floats in their shortest repr."""
    return json.dumps(content, indent=1) + "\n"


def build() -> dict[str, str]:
    """File name -> text, as this script would write it from the installed axelrod."""
    return {filename: render(builder()) for filename, builder in BUILDERS.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether the files are current")
    parser.add_argument("--out", type=Path, default=HERE, help="directory to write (default: next to this script)")
    args = parser.parse_args(argv)
    stale = []
    for filename, text in build().items():
        path = args.out / filename
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(filename)
        if not args.check:
            path.write_text(text, encoding="utf-8")
    if args.check and stale:
        print("stale: " + ", ".join(stale), file=sys.stderr)
        return 1
    print(("stale: " if args.check else "written: ") + (", ".join(stale) or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
