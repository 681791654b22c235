"""The table-driven strategy families (finite state machines, lookup tables, gamblers, HMM,
neural networks) as a whole.

Their names, claims and classifiers against axelrod's, that the data files equal what
the generator makes from the installed axelrod, and that a non-editable install ships
and finds them without axelrod. Each family's own checks are in
``tests/strategies/test_<module>.py`` (fsm, lookerup, gambler, hmm, ann).
"""

import importlib.util
import math
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import axelrod as axl
from oracle import axl_player

from cooptourney import get_strategy

ROOT = Path(__file__).resolve().parents[1]

DATA = ROOT / "strategies" / "data"

FSM = [
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
]

LOOKERUP = ["EvolvedLookerUp1_1_1", "EvolvedLookerUp2_2_2", "Winner12", "Winner21"]

ANN = ["Evolved ANN", "Evolved ANN 5", "Evolved ANN 5 Noise 05"]

GAMBLER = ["PSO Gambler 1_1_1", "PSO Gambler 2_2_2", "PSO Gambler 2_2_2 Noise 05", "PSO Gambler Mem1", "ZD-Mem2"]

HMM = ["Evolved HMM 5"]

DETERMINISTIC = FSM + LOOKERUP + ANN

STOCHASTIC = GAMBLER + HMM

# Our memory depths. Where they differ from axelrod's: a machine's state (and the HMM's
# hidden state) cannot be read back from histories once noise has flipped its moves.
MEMORY = {name: math.inf for name in DETERMINISTIC + STOCHASTIC}

MEMORY.update({"Winner12": 2, "Winner21": 2, "PSO Gambler Mem1": 1, "ZD-Mem2": 2})

AXL_MEMORY_DIFFERS = {"Fortress3": 2, "Fortress4": 3, "Ripoff": 3, "SolutionB1": 2, "Evolved HMM 5": 5}


def _axl_names():
    return {s.name for s in axl.all_strategies}


def test_names_claims_and_classifiers_follow_axelrod():
    axl_names = _axl_names()
    for name in DETERMINISTIC + STOCHASTIC:
        assert name in axl_names
        spec = get_strategy(name)
        assert spec.name == name
        assert spec.oracle == ("statistics" if name in STOCHASTIC else "moves")
        assert spec.stochastic == axl.Classifiers["stochastic"](axl_player(name))
        assert not spec.uses_game and not spec.uses_length
        assert spec.memory_depth == MEMORY[name], name
        axl_depth = axl.Classifiers["memory_depth"](axl_player(name))
        assert axl_depth == AXL_MEMORY_DIFFERS.get(name, MEMORY[name]), name


def test_the_abstract_bases_are_not_axelrod_strategies():
    # the generic LookerUp, Gambler, FSM, HMM and ANN players are not in all_strategies
    names = _axl_names()
    for base in ("LookerUp", "Gambler", "FSM Player", "HMM Player", "ANN"):
        assert base not in names


def _generator():
    spec = importlib.util.spec_from_file_location("generate_tables", DATA / "generate_tables.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_data_files_equal_what_the_generator_makes_from_installed_axelrod():
    expected = _generator().build()
    assert set(expected) == {p.name for p in DATA.glob("*.json")}
    for filename, text in expected.items():
        assert (DATA / filename).read_text(encoding="utf-8") == text, (
            f"strategies/data/{filename} is stale: run `python strategies/data/generate_tables.py`"
        )


def test_generator_covers_every_strategy_here():
    gen = _generator()
    listed = set(gen.FSM_NAMES + gen.LOOKERUP_NAMES + gen.GAMBLER_NAMES + gen.HMM_NAMES + gen.ANN_NAMES)
    assert listed == set(DETERMINISTIC + STOCHASTIC)


def test_tables_are_read_relative_to_the_package_not_the_working_directory(tmp_path, monkeypatch):
    from cooptourney.strategies import fsm

    monkeypatch.chdir(tmp_path)
    fsm.trained_tables.cache_clear()
    assert set(fsm.trained_tables("ann.json")) == set(ANN)


def test_a_non_editable_install_ships_and_finds_the_tables(tmp_path):
    """Build the package as `pip install .` would (setuptools build_py) and play from there, without axelrod."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "src" / "cooptourney", src / "src" / "cooptourney", ignore=ignore)
    shutil.copytree(ROOT / "strategies", src / "strategies", ignore=ignore)
    lib = tmp_path / "lib"
    subprocess.run(
        [sys.executable, "-c", "import setuptools; setuptools.setup()", "-q", "build_py", "--build-lib", str(lib)],
        cwd=src,
        check=True,
        capture_output=True,
    )
    shipped = sorted(p.name for p in (lib / "cooptourney" / "strategies" / "data").iterdir())
    assert shipped == ["ann.json", "fsm.json", "gambler.json", "hmm.json", "lookerup.json", "teams.json"]
    names = DETERMINISTIC + STOCHASTIC
    script = textwrap.dedent(f"""
        import sys
        sys.modules["axelrod"] = None  # cooptourney must not need it
        import cooptourney.strategies.fsm as fsm
        assert fsm.__file__.startswith({str(lib)!r}), fsm.__file__
        from cooptourney.players import Player
        for name in {names!r}:
            assert len(Player(name).param_values) > 0, name
        from cooptourney.match import Match
        print("".join(a for a, _ in Match(("Fortress3", "Defector"), turns=6, seed=0).play()))
    """)
    env = {**os.environ, "PYTHONPATH": str(lib), "NUMBA_CACHE_DIR": str(tmp_path / "numba")}
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.strip() == "DDCDDC"
