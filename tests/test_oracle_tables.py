"""Table-driven strategies (finite state machines, lookup tables, gamblers, HMM, neural networks) against axelrod.

The deterministic ones (machines, lookup tables, networks) must play axelrod's moves
exactly, with and without noise; the stochastic ones (gamblers, the HMM) must agree
statistically. Plus: long matches (the networks read the round number and running
counts), the opening probabilities derived by hand from the published tables, move
sequences derived by hand from Ashlock's transition tables, axelrod's relu quirk,
that the data files equal what the generator makes from the installed axelrod, and
that a non-editable install finds them without axelrod.
"""

import importlib.util
import math
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import axelrod as axl
import numpy as np
import pytest
from oracle import assert_same_moves, assert_same_statistics, axl_player

from cooptourney import get_strategy
from cooptourney.match import Match
from cooptourney.players import Player
from cooptourney.tournament import Tournament

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "strategies" / "data"

FSM = [
    "Evolved FSM 16", "Evolved FSM 16 Noise 05", "Evolved FSM 4", "Evolved FSM 6", "Fortress3", "Fortress4",
    "Predator", "Pun1", "Raider", "Ripoff", "SolutionB1", "SolutionB5", "TF1", "TF2", "TF3", "Thumper",
    "UsuallyCooperates", "UsuallyDefects",
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

LONG_PANEL = ["Cooperator", "Random", "Alternator", "Tit For Tat", "Suspicious Tit For Tat", "Grudger",
              "Win-Stay Lose-Shift", "GTFT", "Bully", "First by Joss", "First by Tideman and Chieruzzi"]


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


# -- the oracle claims ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ANN + ["Evolved FSM 16", "TF1", "Predator", "SolutionB5", "EvolvedLookerUp2_2_2"])
def test_same_moves_in_long_matches(name):
    # the networks read the round number and running counts, which only grow late
    assert_same_moves(name, opponents=LONG_PANEL, turns=300, noise_levels=(0.0, 0.05, 0.3), seeds=(0,))


@pytest.mark.parametrize("name", STOCHASTIC)
def test_same_statistics_against_other_partners_in_longer_matches(name):
    # other partners reach other table entries and hidden states than the default five
    assert_same_statistics(name, opponents=("Random", "Win-Stay Lose-Shift", "Suspicious Tit For Tat", "Bully"),
                           turns=120, matches=150)


# -- hand-derived sequences from Ashlock's transition tables -----------------------------------------


def _moves(a, b, turns, flips=None):
    return "".join(x for x, _ in Match((a, b), turns=turns, seed=0, flips=flips).play())


def test_fortress3_opens_for_the_dd_password_only():
    # 1 -D-> 2 -D-> 3 plays C; 3 -D-> 1: the cycle D, D, C against a defector
    assert _moves("Fortress3", "Defector", 9) == "DDC" * 3
    assert _moves("Fortress3", "Cooperator", 6) == "DDDDDD"
    # after the password, it cooperates while the partner does
    assert _moves("Fortress3", Player.sequence("DDCCCD"), 8) == "DDCCCCDD"


def test_pun1_cooperates_on_alternate_moves_and_copies_in_between():
    assert _moves("Pun1", "Alternator", 8) == "DCDCDCDC"  # copies the partner's D on moves 3, 5, 7
    assert _moves("Pun1", "Defector", 6) == "DCDCDC"
    assert _moves("Pun1", "Cooperator", 5) == "DCCCC"


def test_thumper_answers_one_defection_with_two():
    assert _moves("Thumper", Player.sequence("CDCCCC"), 6) == "CCDDCC"
    # a defection seen in state 2 is not counted
    assert _moves("Thumper", Player.sequence("CDDCCC"), 6) == "CCDDCC"


def test_ripoff_alternates_until_it_is_punished():
    assert _moves("Ripoff", "Cooperator", 6) == "DCDCDC"
    # first defection (move 3): C, then Tit For Tat for good
    assert _moves("Ripoff", Player.sequence("CCDCDC"), 7) == "DCDCCDC"


def test_raider_settles_into_tit_for_tat_after_two_defections_in_a_raid():
    assert _moves("Raider", "Cooperator", 5) == "DDDDD"
    # state 0 reads nothing; the D, D of moves 2 and 3 (read in states 2 and 3) give
    # C, C, and from then on Tit For Tat (C, C, D after the partner's C, C, D)
    assert _moves("Raider", Player.sequence("DDDCCD"), 7) == "DDCCCCD"


def test_solution_b1_cooperates_for_ever_after_the_first_cooperation():
    assert _moves("SolutionB1", Player.sequence("DDCDDD"), 7) == "DDDDCCC"


def test_usually_cooperates_and_usually_defects():
    assert _moves("UsuallyCooperates", Player.sequence("DCDDCC"), 7) == "CCDCCCC"
    assert _moves("UsuallyDefects", Player.sequence("CDCCCC"), 7) == "DDCDDDD"


def test_winner21_opens_d_c_and_winner12_plays_tft_after_its_c():
    assert _moves("Winner21", "Cooperator", 5) == "DCCCC"
    assert _moves("Winner21", "Defector", 5) == "DCDDD"
    # after its own D, Winner12 cooperates only after the partner's C, D (move 7)
    assert _moves("Winner12", Player.sequence("CCDCCD"), 8) == "CCCDDDCD"


def test_evolved_lookerup_1_1_1_is_a_grudger_against_a_c_opener():
    assert _moves("EvolvedLookerUp1_1_1", Player.sequence("CCDC"), 8) == "CCCDDDDD"


_TRANSITION = re.compile(r"(\d+): C -> (\d+)/([CD]), D -> (\d+)/([CD])")


@pytest.mark.parametrize("name", FSM)
def test_docstring_transitions_are_the_table(name):
    from cooptourney.strategies.fsm import trained_tables

    machine = trained_tables("fsm.json")[name]
    doc = " ".join(get_strategy(name).doc.split())
    listed = _TRANSITION.findall(doc)
    if not listed:
        assert "data/fsm.json" in doc  # the 16-state machines are not spelt out
        return
    rows = sorted([s, a, s2, m] for s, s2c, ac, s2d, ad in listed
                  for a, s2, m in (("C", s2c, ac), ("D", s2d, ad)))
    assert [[int(s), a, int(s2), m] for s, a, s2, m in rows] == machine["transitions"]
    opening = re.search(r"Opens with ([CD]) in state (\d+)", doc)
    assert opening.groups() == (machine["initial_action"], str(machine["initial_state"]))


# -- stochastic tables: opening probabilities derived by hand ------------------------------------------


def _cooperation_at(a, b, turn, repetitions=4000, seed=11):
    r = Tournament([Player(a), Player(b)], turns=turn + 1, repetitions=repetitions, seed=seed,
                   record_moves=True).play()
    moves = np.array([r.match_moves(0, 1, k)[turn, 0] for k in range(repetitions)])
    return float(np.mean(moves == 0)), repetitions


def _assert_rate(observed, n, p):
    se = math.sqrt(p * (1 - p) / n)
    assert abs(observed - p) < 4.5 * se + 1e-12, (observed, p)


def test_hmm_5_against_a_defector():
    # state 3 -D-> 0 (C), 0 -D-> 1 (D), 1 -D-> 1 or 2 (both D), so C, C, D for sure;
    # then from 1: 1 or 2 (D); from 2 (p .513): 3 (p .59, C) or 4 (p .41, C w.p. .111)
    assert _moves("Evolved HMM 5", "Defector", 4) == "CCDD"
    rate, n = _cooperation_at("Evolved HMM 5", "Defector", 4)
    _assert_rate(rate, n, 0.513 * (0.59 + 0.41 * 0.111))


def test_gambler_tables_are_read_in_order():
    # PSO Gambler Mem1 after (own C, partner D); ZD-Mem2 after (CC, CC); PSO 1_1_1
    # after (own C, partner D, partner opened D)
    rate, n = _cooperation_at("PSO Gambler Mem1", "Defector", 1)
    _assert_rate(rate, n, 0.52173487)
    rate, n = _cooperation_at("ZD-Mem2", "Cooperator", 2)
    _assert_rate(rate, n, 11 / 12)
    rate, n = _cooperation_at("PSO Gambler 1_1_1", "Defector", 1)
    _assert_rate(rate, n, 0.57740178)
    rate, n = _cooperation_at("ZD-Mem2", "Alternator", 2)  # (own C, C; partner C then D)
    _assert_rate(rate, n, 4 / 11)


# -- the neural networks ----------------------------------------------------------------------------------


def test_ann_reproduces_axelrods_integer_relu():
    """axelrod's relu takes its dtype from the first hidden unit: when it is negative, all units are truncated."""
    from cooptourney.strategies.ann import ann_move

    mine = "CDCCCCCCCCCCDDCCDD"
    theirs = "CCDCDCCDCCCCCCCCDC"
    my = np.array([m == "D" for m in mine], dtype=np.int8)
    opp = np.array([m == "D" for m in theirs], dtype=np.int8)
    t = len(mine)
    params = get_strategy("Evolved ANN").table_values()
    info = np.zeros(10)
    info[8], info[9] = mine.count("C"), theirs.count("C")
    # the same features by hand, and the textbook network (real-valued relu)
    x = np.array([1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 14, 4, 13, 5, 18], dtype=float)
    m = int(params[0])
    w = params[1:1 + 17 * m].reshape(m, 17)
    w_out = params[1 + 17 * m:1 + 18 * m]
    bias = params[1 + 18 * m:]
    h = bias + w @ x
    assert h[0] < 0
    assert np.maximum(h, 0) @ w_out < 0  # a real relu would defect
    assert np.trunc(np.maximum(h, 0)) @ w_out > 0  # axelrod's cooperates
    assert ann_move(my, opp, t, params, 0, info, int(params[0])) == 0
    p = axl_player("Evolved ANN")
    q = axl_player("Cooperator")
    for a, b in zip(mine, theirs):
        p.history.append(axl.Action.C if a == "C" else axl.Action.D, axl.Action.C if b == "C" else axl.Action.D)
        q.history.append(axl.Action.C if b == "C" else axl.Action.D, axl.Action.C if a == "C" else axl.Action.D)
    assert p.strategy(q) == axl.Action.C


@pytest.mark.parametrize("name", ["Evolved ANN", "Evolved ANN 5", "Evolved ANN 5 Noise 05"])
def test_ann_move_equals_axelrods_network_on_random_histories(name):
    """Every move from random histories of random lengths (0 to 80 moves, any mix of C
    and D) is axelrod's: the opening turns, the one-hot shortcut from move 3 on and the
    integer-relu quirk all agree with ``compute_features`` and ``activate``."""
    from cooptourney.strategies.ann import ann_move

    params = get_strategy(name).table_values()
    rng = np.random.default_rng(20261123)
    both = 0
    for _ in range(600):
        t = int(rng.integers(0, 81))
        my = (rng.random(t) < rng.random()).astype(np.int8)
        opp = (rng.random(t) < rng.random()).astype(np.int8)
        info = np.zeros(10)
        info[8], info[9] = t - int(my.sum()), t - int(opp.sum())
        p = axl_player(name)
        q = axl_player("Cooperator")
        for a, b in zip(my, opp):
            p.history.append(axl.Action.D if a else axl.Action.C, axl.Action.D if b else axl.Action.C)
            q.history.append(axl.Action.D if b else axl.Action.C, axl.Action.D if a else axl.Action.C)
        expected = 1 if p.strategy(q) == axl.Action.D else 0
        ours = ann_move(np.append(my, 0).astype(np.int8), np.append(opp, 0).astype(np.int8), t, params, 0, info,
                       int(params[0]))
        assert ours == expected, (name, t, my.tolist(), opp.tolist())
        both += expected
    assert 0 < both < 600  # the histories reach both moves


def test_evolved_ann_5_noise_05_turns_on_a_cooperator_late():
    ours = _moves("Evolved ANN 5 Noise 05", "Cooperator", 120)
    am = axl.Match((axl_player("Evolved ANN 5 Noise 05"), axl_player("Cooperator")), turns=120)
    theirs = "".join(str(a) for a, _ in am.play())
    assert ours == theirs
    first_d = ours.index("D")
    assert first_d > 30 and ours[:first_d] == "C" * first_d


# -- the data files --------------------------------------------------------------------------------------


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
    shutil.copytree(ROOT / "cooptourney", src / "cooptourney", ignore=ignore)
    shutil.copytree(ROOT / "strategies", src / "strategies", ignore=ignore)
    lib = tmp_path / "lib"
    subprocess.run([sys.executable, "-c", "import setuptools; setuptools.setup()", "-q", "build_py",
                    "--build-lib", str(lib)], cwd=src, check=True, capture_output=True)
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
    out = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                         check=False)
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.strip() == "DDCDDC"


# The default oracle check of every claim runs once, in tests/test_oracle_library.py;
# here: every strategy of this family carries the claim it should.
@pytest.mark.parametrize("name,claim", [*[(n, "moves") for n in DETERMINISTIC], *[(n, "statistics") for n in STOCHASTIC]])
def test_every_strategy_here_carries_its_oracle_claim(name, claim):
    from cooptourney import REGISTRY

    ours = name if isinstance(name, str) else name[0]
    assert REGISTRY.get(ours).oracle == claim
