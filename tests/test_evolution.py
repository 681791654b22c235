"""Evolution and space: ecological dynamics, the Moran process, spatial tournaments, fingerprints.

Expected values come from theory (the Moran fixation probabilities, replicator rest points)
or from ``axelrod`` (MoranProcess, Ecosystem, AshlockFingerprint, the Dual/Joss-Ann
transformers). Statistical checks use 4 standard errors, so a correct implementation fails
about once in 16 000 runs of a check, and every seed is fixed.
"""

import math
import os
import subprocess
import sys
import textwrap
import warnings

import axelrod as axl
import networkx as nx
import numpy as np
import pytest

from cooptourney import Game, Match, Player, Tournament
from cooptourney.cli import main
from cooptourney.evolution import (
    MoranProcess,
    SpatialTournament,
    ashlock_fingerprint,
    ecological,
    fixation_probability,
    graph_from_spec,
    match_pool,
    pool_from_matrix,
    transitive_fingerprint,
)
from cooptourney.output.plots import plot_shares
from cooptourney.politics import ActorProfile, Transformer
from cooptourney.registry import UnknownStrategyError
from cooptourney.settings import SettingsError

Z = 4.0  # standard errors allowed in statistical checks


def moran_formula(r: float, n: int) -> float:
    """Fixation probability of one mutant of constant relative fitness r (Nowak 2006, ch. 6)."""
    return 1 / n if r == 1 else (1 - 1 / r) / (1 - 1 / r**n)


def assert_close(p, se, expected, what=""):
    assert abs(p - expected) <= Z * se, f"{what}: {p:.4f} +- {se:.4f}, expected {expected:.4f}"


# -- Moran process: theory --------------------------------------------------------------------


def test_fixation_probability_formula():
    for r in (0.5, 1.0, 1.5, 3.0):
        for n in (2, 5, 20):
            assert fixation_probability([[r, r], [1, 1]], n) == pytest.approx(moran_formula(r, n), rel=1e-12)
    # several mutants, neutral: i/N
    assert fixation_probability([[1, 1], [1, 1]], 10, mutants=3) == pytest.approx(0.3)


def test_neutral_moran_fixes_a_single_mutant_with_probability_1_over_n():
    # Cooperator and Tit For Tat earn R = 3 per turn from everybody: identical fitness
    N, runs = 10, 20_000
    mp = MoranProcess({"Tit For Tat": 1, "Cooperator": N - 1}, turns=20, seed=1)
    assert mp.match_pool().deterministic and np.all(mp.match_pool().mean_matrix == 3.0)
    res = mp.play(runs=runs)
    assert res.unfixed == 0
    assert_close(res.fixation_probabilities[0], math.sqrt(0.1 * 0.9 / runs), 1 / N, "neutral, complete graph")


@pytest.mark.parametrize("graph", [None, nx.cycle_graph(8)], ids=["complete", "cycle"])
@pytest.mark.parametrize("r", [0.8, 2.0])
def test_constant_relative_fitness_r_fixes_with_the_moran_probability(r, graph):
    # a mutant earning r from every interaction, residents 1: relative fitness r. On the cycle
    # (regular, so isothermal: Lieberman et al. 2005) the probability is the same.
    N, runs = 8, 20_000
    pool = pool_from_matrix([[r, r], [1, 1]], ["mutant", "resident"])
    res = MoranProcess({"mutant": 1, "resident": N - 1}, pool=pool, interaction_graph=graph, seed=2).play(runs=runs)
    expected = moran_formula(r, N)
    assert res.unfixed == 0
    assert_close(res.fixation_probabilities[0], math.sqrt(expected * (1 - expected) / runs), expected, f"r={r}")
    assert res.settings["fitness"] == "given fitness matrix"


def test_defector_takes_over_from_cooperator():
    # from half and half, the Defector fixes with probability 0.98 (exact birth-death value)
    half = MoranProcess({"Defector": 5, "Cooperator": 5}, turns=10, seed=3).play(runs=20_000)
    exact = fixation_probability([[1, 5], [0, 3]], 10, mutants=5)
    assert exact > 0.98
    assert_close(half.fixation_probabilities[0], math.sqrt(exact * (1 - exact) / 20_000), exact, "half ALLD")
    # a lone cooperator earns S = 0 against defectors: zero fitness, it never reproduces
    lone = MoranProcess({"Cooperator": 1, "Defector": 9}, turns=10, seed=3).play(runs=2000)
    assert lone.fixation_counts[0] == 0 and lone.fixation_counts[1] == 2000
    # a lone defector among cooperators: exact birth-death probability
    one = MoranProcess({"Defector": 1, "Cooperator": 9}, turns=10, seed=3).play(runs=20_000)
    exact = fixation_probability([[1, 5], [0, 3]], 10)
    assert_close(one.fixation_probabilities[0], math.sqrt(exact * (1 - exact) / 20_000), exact, "ALLD in ALLC")
    assert exact > 0.1  # it does invade


@pytest.mark.parametrize(
    "length,invades",
    [({"turns": 1}, True), ({"turns": 20}, False), ({"prob_end": 0.8}, True), ({"prob_end": 0.1}, False)],
)
def test_tit_for_tat_resists_defector_only_when_matches_are_long(length, invades):
    # One Defector among 9 TFT. One-shot (or w = 0.2) matches: the Defector earns T against
    # everyone and invades (fixation probability above the neutral 1/N); 20 turns (or
    # w = 0.9, above TFT's threshold 2/3): TFT retaliates and the Defector is selected against.
    N, runs = 10, 20_000
    mp = MoranProcess({"Defector": 1, "Tit For Tat": N - 1}, repetitions=200, seed=4, **length)
    res = mp.play(runs=runs)
    p, se = res.fixation_probabilities[0], res.fixation_standard_errors[0]
    if invades:
        assert p - Z * se > 1 / N
    else:
        assert p + Z * se < 1 / N
    if "turns" in length:  # deterministic matches: the exact value applies
        exact = fixation_probability(mp.match_pool().mean_matrix, N)
        assert_close(p, math.sqrt(exact * (1 - exact) / runs), exact, str(length))


def _axelrod_fixations(players, runs, **kwargs):
    wins = {}
    for seed in range(runs):
        mp = axl.MoranProcess([p() for p in players], seed=seed, **kwargs)
        mp.play()
        wins[mp.winning_strategy_name] = wins.get(mp.winning_strategy_name, 0) + 1
    return wins


@pytest.mark.parametrize(
    "ours,theirs,kwargs,axl_runs",
    [
        (["Cooperator"] * 3 + ["Defector"], [axl.Cooperator] * 3 + [axl.Defector], {"turns": 200}, 150),
        (["Tit For Tat"] * 3 + ["Defector"], [axl.TitForTat] * 3 + [axl.Defector], {"turns": 20, "noise": 0.1}, 200),
    ],
    ids=["deterministic", "noisy"],
)
def test_fixation_frequencies_agree_with_axelrod_moran_process(ours, theirs, kwargs, axl_runs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wins = _axelrod_fixations(theirs, axl_runs, **kwargs)
    q = wins.get("Defector", 0) / axl_runs
    res = MoranProcess(ours, repetitions=500, seed=5, **kwargs).play(runs=20_000)
    p = res.fixation_probabilities[res.types.index("Defector")]
    se = math.sqrt(p * (1 - p) / 20_000 + q * (1 - q) / axl_runs)
    assert abs(p - q) <= Z * se, f"cooptourney {p:.3f}, axelrod {q:.3f}"
    if "noise" not in kwargs:
        assert p == pytest.approx(fixation_probability([[1, 5], [0, 3]], 4), abs=Z * 0.0034)


def test_mutation_uniform_over_other_types_and_transition_matrix():
    pool = pool_from_matrix(np.ones((3, 3)), ["A", "B", "C"])
    # one generation with mu = 1: the newborn is B or C with probability 1/2 each
    res = MoranProcess({"A": 10, "B": 0, "C": 0}, pool=pool, mutation_rate=1.0, seed=6).play(runs=20_000, generations=1)
    assert res.final_counts.sum(axis=1).tolist() == [10] * 20_000
    b = res.final_counts[:, 1].mean()
    assert_close(b, math.sqrt(0.25 / 20_000), 0.5, "uniform mutation")
    assert (res.final_counts[:, 0] == 9).all()
    # a transition matrix that sends every mutant to C
    m = [[0, 0, 1], [0, 0, 1], [0, 0, 1]]
    res = MoranProcess({"A": 5, "B": 5, "C": 0}, pool=pool, mutation_rate=1.0, mutation_method=m, seed=6).play(
        runs=50, generations=3000
    )
    assert (res.final_counts[:, 2] == 10).all() and res.settings["mutation_method"] == "transition matrix"
    # without mutation a monomorphic start is fixed at generation 0
    res = MoranProcess({"A": 4, "B": 0}, pool=pool_from_matrix(np.ones((2, 2)), ["A", "B"]), seed=6).play(runs=3)
    assert res.fixed.tolist() == [0, 0, 0] and res.fixation_time.tolist() == [0, 0, 0]


def test_perceived_fitness_uses_the_transformed_utilities():
    players = ["Tit For Tat", "Defector", "Cooperator"]
    tr = Transformer(ActorProfile(k=0.5))
    mat = MoranProcess({p: 2 for p in players}, turns=10, transformer=tr, seed=7)
    per = MoranProcess(
        {p: 2 for p in players}, turns=10, transformer=tr, fitness="perceived", seed=7, selection="exponential"
    )
    res = Tournament(players, turns=10, transformer=tr, seed=7, repetitions=1).play()
    np.testing.assert_allclose(mat.match_pool().mean_matrix, res.payoff_matrix)
    np.testing.assert_allclose(per.match_pool().mean_matrix, res.utility_matrix_per_turn)
    assert per.play(runs=10).settings["fitness"] == "perceived utility"
    assert mat.play(runs=10).settings["fitness"] == "material payoff"
    # perceived utilities are negative here (S' = -2.5): linear fitness is refused
    with pytest.raises(SettingsError, match="exponential"):
        MoranProcess({p: 2 for p in players}, turns=10, transformer=tr, fitness="perceived", seed=7).play(runs=1)


def test_moran_results_are_bit_identical_for_any_thread_count_and_chunking(tmp_path):
    script = tmp_path / "moran_hash.py"
    script.write_text(
        textwrap.dedent("""
        import hashlib, sys
        import networkx as nx, numba, numpy as np
        from cooptourney.evolution import MoranProcess
        mp = MoranProcess({"Tit For Tat": 6, "Defector": 3, "Random": 3}, turns=20, noise=0.05, repetitions=50,
                          mutation_rate=0.01, interaction_graph=nx.cycle_graph(12), seed=11)
        res = mp.play(runs=300, generations=400, progress=len(sys.argv) > 1)
        h = hashlib.sha256()
        for a in (res.fixed, res.fixation_time, res.final_counts, res.mean_shares):
            h.update(np.ascontiguousarray(a).tobytes())
        print(numba.get_num_threads(), h.hexdigest())
    """)
    )
    hashes = {}
    for threads, extra in (("1", []), ("2", []), ("2", ["progress"])):
        env = {**os.environ, "NUMBA_NUM_THREADS": threads}
        proc = subprocess.run(
            [sys.executable, str(script), *extra], env=env, capture_output=True, text=True, timeout=300
        )
        assert proc.returncode == 0, proc.stderr
        n, digest = proc.stdout.split()
        assert n == threads
        hashes[(threads, bool(extra))] = digest
    assert len(set(hashes.values())) == 1, hashes


def test_moran_bad_input():
    with pytest.raises(SettingsError, match="at least 2 individuals"):
        MoranProcess(["Tit For Tat"])
    with pytest.raises(SettingsError, match="mutation_rate"):
        MoranProcess({"Tit For Tat": 2, "Defector": 2}, mutation_rate=1.5)
    with pytest.raises(UnknownStrategyError):
        MoranProcess({"Tit For Tatt": 2, "Defector": 2})
    g = nx.Graph([(0, 1), (2, 3)])
    with pytest.raises(SettingsError, match="not connected"):
        MoranProcess({"Tit For Tat": 2, "Defector": 2}, interaction_graph=g)
    with pytest.raises(SettingsError, match="not strongly connected"):
        MoranProcess({"Tit For Tat": 2, "Defector": 2}, reproduction_graph=nx.DiGraph([(0, 1), (1, 2), (2, 3)]))
    with pytest.raises(SettingsError, match="5 nodes but there are 4"):
        MoranProcess({"Tit For Tat": 2, "Defector": 2}, interaction_graph=nx.cycle_graph(5))
    with pytest.raises(SettingsError, match="every row of the mutation matrix"):
        MoranProcess({"Tit For Tat": 2, "Defector": 2}, mutation_rate=0.1, mutation_method=[[0.5, 0.4], [0, 1]])


# -- ecological dynamics --------------------------------------------------------------------------


def test_ecological_hawk_dove_has_the_interior_rest_point():
    # Chicken (T > R > S > P): with x the share of C, the rest point is (P - S) / (R - S - T + P)
    game = Game(3, 1, 5, 0)
    res = Tournament(["Cooperator", "Defector"], turns=10, repetitions=1, game=game, seed=0).play()
    eco = ecological(res, initial_shares=[0.9, 0.1], generations=2000)
    x_star = (0 - 1) / (3 - 1 - 5 + 0)
    assert eco.converged and eco.final_shares[0] == pytest.approx(x_star, abs=1e-9)
    assert eco.shares.shape == (2001, 2)
    # from the other side too
    assert ecological(res, initial_shares=[0.05, 0.95]).final_shares[0] == pytest.approx(x_star, abs=1e-9)


def test_ecological_tft_alld_allc_matches_axelrod_ecosystem():
    names = ["Tit For Tat", "Defector", "Cooperator"]
    ours = ecological(Tournament(names, turns=200, repetitions=1, seed=0).play(), generations=100)
    theirs = axl.Ecosystem(
        axl.Tournament([axl.TitForTat(), axl.Defector(), axl.Cooperator()], turns=200, repetitions=1, seed=0).play(
            progress_bar=False
        )
    )
    theirs.reproduce(100)
    np.testing.assert_allclose(ours.shares, np.array(theirs.population_sizes), rtol=1e-9, atol=1e-12)
    tft, alld, allc = ours.shares.T
    assert alld[1] > alld[0]  # the defector first feeds on the cooperators
    assert alld[-1] < 1e-6 and tft[-1] > allc[-1] > 0.1  # then TFT takes over; ALLC survives beside it


def test_ecological_needs_non_negative_payoffs_or_a_shift():
    with pytest.raises(SettingsError, match=r"shift=2\.5"):
        ecological([[1.5, -2.5], [5.0, 0.5]])
    a = ecological([[1.5, -2.5], [5.0, 0.5]], shift=2.5)
    assert a.shift == 2.5 and a.final_shares[1] == pytest.approx(1.0, abs=1e-6)
    with pytest.raises(SettingsError, match="square"):
        ecological([[1, 2, 3]])


# -- spatial tournaments ------------------------------------------------------------------------------


def test_spatial_tournament_on_a_cycle_plays_only_edges_and_matches_the_round_robin():
    players = ["Tit For Tat", "Defector", "Grudger", "Random", "Cooperator", "Alternator"]
    g = nx.cycle_graph(6)
    settings = dict(turns=30, noise=0.05, repetitions=4, seed=8)
    spatial = SpatialTournament(players, g, **settings).play()
    full = Tournament(players, **settings).play()
    edges = {tuple(sorted(e)) for e in g.edges}
    for i in range(6):
        for j in range(6):
            if (min(i, j), max(i, j)) in edges:
                np.testing.assert_array_equal(spatial.score_matrix[i, j], full.score_matrix[i, j])
                np.testing.assert_array_equal(spatial.coop_matrix[i, j], full.coop_matrix[i, j])
            else:
                assert (spatial.turns_matrix[i, j] == 0).all() and np.isnan(spatial.payoff_matrix[i, j])
    # per-player aggregates run over the two neighbours only
    for i in range(6):
        nb = [(i - 1) % 6, (i + 1) % 6]
        per_turn = full.score_matrix[i, nb] / full.turns_matrix[i, nb]
        np.testing.assert_allclose(spatial.normalised_scores[i], per_turn.mean(axis=0))
        np.testing.assert_allclose(spatial.scores[i], full.score_matrix[i, nb].sum(axis=0))
    assert len(spatial.ranked_names()) == 6
    # an edge list works the same way, and self-play adds the diagonal
    with_self = SpatialTournament(players, list(g.edges), self_play=True, **settings).play()
    np.testing.assert_array_equal(with_self.score_matrix[2, 2], full.score_matrix[2, 2])


# -- fingerprints -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "probe_kwargs,axl_probe",
    [
        (
            {"dual": True},
            lambda s: axl.strategy_transformers.DualTransformer()(
                axl.strategy_transformers.JossAnnTransformer((0, 0))(s)
            )(),
        ),
        ({"x": 1.0}, lambda s: axl.strategy_transformers.JossAnnTransformer((1, 0))(s)()),
    ],
)
@pytest.mark.parametrize(
    "name,axl_cls",
    [("Tit For Tat", axl.TitForTat), ("Win-Stay Lose-Shift", axl.WinStayLoseShift), ("Grudger", axl.Grudger)],
)
def test_joss_ann_probes_play_like_axelrods_transformers(name, axl_cls, probe_kwargs, axl_probe):
    from cooptourney.strategies.joss_ann import joss_ann

    probe = Player(joss_ann(name), **probe_kwargs)
    for opp, axl_opp in (
        ("Alternator", axl.Alternator),
        ("Tit For Tat", axl.TitForTat),
        ("Defector", axl.Defector),
        ("Suspicious Tit For Tat", axl.SuspiciousTitForTat),
    ):
        ours = Match([probe, opp], turns=12, seed=0).play()
        theirs = axl.Match([axl_probe(axl_cls), axl_opp()], turns=12).play()
        assert [(str(a), str(b)) for a, b in theirs] == ours, (name, probe_kwargs, opp)


PROBE_PLUGIN = '''
from cooptourney.strategy_api import C, strategy


@strategy("Evolution Test Copycat", reciprocity="specific", memory_depth=1)
def evolution_test_copycat(my, opp, t, state, params, info, rng):
    """Tit For Tat again, in a module of its own (returns an int literal or an int8).

    specific: copies the last move.
    """
    if t == 0:
        return C
    return opp[t - 1]
'''


def test_a_probe_compiled_first_does_not_break_its_strategy(tmp_path, monkeypatch):
    # The probe calls the strategy's step function; had that call created the overload the
    # engine uses (inferred return type int64, not int8), the strategy could not play alone.
    from cooptourney.registry import load_plugin
    from cooptourney.strategies.joss_ann import joss_ann

    path = tmp_path / "copycat.py"
    path.write_text(PROBE_PLUGIN)
    (spec,) = load_plugin(path)
    with monkeypatch.context() as m:  # the generated probe module goes to tmp_path, the kernel stays
        m.setenv("COOPTOURNEY_CACHE_DIR", str(tmp_path / "cache"))
        probe = Player(joss_ann(spec), x=0.5)
    assert list((tmp_path / "cache" / "probes").glob("p_*.py"))
    assert Tournament(["Defector", probe], turns=5, repetitions=2, seed=0).play().n_players == 2
    res = Tournament([spec.name, "Alternator"], turns=4, repetitions=1, seed=0).play()
    assert res.score_matrix[0, 1, 0] == 3 + 0 + 5 + 0  # C, C, D, C against C, D, C, D


def test_ashlock_fingerprint_agrees_with_axelrod():
    fp = ashlock_fingerprint("Win-Stay Lose-Shift", step=0.5, turns=50, repetitions=400, seed=9)
    axl_fp = axl.AshlockFingerprint(axl.WinStayLoseShift, axl.TitForTat)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        axl_fp.fingerprint(turns=50, repetitions=100, step=0.5, progress_bar=False, seed=9)
    for (x, y), ours in fp.data.items():
        interactions = axl_fp.interactions[(0, 1 + [tuple(p) for p in axl_fp.points].index((x, y)))]
        theirs = np.array([axl.interaction_utils.compute_final_score_per_turn(m)[0] for m in interactions])
        se_ours = fp.standard_errors[list(fp.y).index(y), list(fp.x).index(x)]
        se = math.sqrt(se_ours**2 + theirs.var(ddof=1) / len(theirs))
        if se == 0:  # the deterministic corners and the always-cooperative row y = 0
            assert ours == pytest.approx(theirs.mean(), abs=1e-12), (x, y)
        else:
            assert abs(ours - theirs.mean()) <= Z * se, (x, y, ours, theirs.mean())
    assert fp.scores.shape == (3, 3) and fp.scores[2, 0] == 0.5  # (x, y) = (0, 1): dual TFT plays D, C, D, ...


def test_transitive_fingerprint_of_tit_for_tat_copies_the_random_opponent():
    tf = transitive_fingerprint("Tit For Tat", number_of_opponents=5, turns=20, repetitions=2000, seed=10)
    assert tf.cooperation.shape == (5, 20)
    assert (tf.cooperation[:, 0] == 1).all()  # TFT opens with C
    for k, p in enumerate(np.linspace(0, 1, 5)):
        later = tf.cooperation[k, 1:].mean()
        assert abs(later - p) <= Z * math.sqrt(p * (1 - p) / (2000 * 19)) + 1e-12, (p, later)


# -- the command line -----------------------------------------------------------------------------------


def cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_evolve_moran_prints_the_table_and_writes_the_plot(capsys, tmp_path):
    plot = tmp_path / "shares.png"
    code, out, err = cli(
        capsys,
        "evolve",
        "-p",
        "Tit For Tat",
        "Defector",
        "--initial",
        "9,1",
        "--turns",
        "20",
        "--runs",
        "500",
        "--seed",
        "1",
        "--plot",
        str(plot),
        "--no-progress",
    )
    assert code == 0, err
    assert "N = 10 (Tit For Tat 9, Defector 1)" in out and "Fitness: material payoff" in out
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.startswith(("Tit", "Defector"))}
    assert rows["Defector"][1] == "1" and float(rows["Defector"][3]) < 0.1  # TFT resists
    assert "500 of 500 runs fixed" in out
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_evolve_ecological_and_config_file(capsys, tmp_path):
    cfg = tmp_path / "evolve.toml"
    cfg.write_text(
        '[evolve]\nplayers = ["Tit For Tat", "Defector", "Cooperator"]\nmethod = "ecological"\n'
        'generations = 200\nturns = 50\nplot = "eco.png"\n'
    )
    code, out, err = cli(capsys, "evolve", str(cfg), "--no-progress")
    assert code == 0, err
    assert "Ecological dynamics: 3 players" in out and (tmp_path / "eco.png").exists()
    first = next(line for line in out.splitlines() if line.strip().startswith("1 "))
    assert "Tit For Tat" in first
    # perceived utilities can be negative: the CLI shifts them and says so
    code, out, err = cli(
        capsys,
        "evolve",
        "-p",
        "TFT",
        "ALLD",
        "--method",
        "ecological",
        "--fitness",
        "perceived",
        "--profile",
        "politician",
        "--turns",
        "1",
        "--no-progress",
    )
    assert code == 0, err
    assert "perceived utility" in out and "shifted by +" in out


def test_cli_evolve_on_graphs(capsys):
    code, out, err = cli(
        capsys,
        "evolve",
        "-p",
        "TFT",
        "ALLD",
        "--graph",
        "grid:3x3",
        "--initial",
        "8,1",
        "--turns",
        "10",
        "--runs",
        "200",
        "--no-progress",
    )
    assert code == 0, err
    assert "graph grid:3x3" in out
    code, out, err = cli(
        capsys,
        "evolve",
        "-p",
        "TFT",
        "ALLD",
        "--graph",
        "cycle",
        "--population",
        "6",
        "--mutation",
        "0.05",
        "--generations",
        "200",
        "--runs",
        "50",
        "--turns",
        "10",
        "--no-progress",
    )
    assert code == 0, err
    assert "graph cycle" in out and "mutation 0.05" in out
    assert "Every run lasted 200 generations (with mutation no type stays fixed" in out
    tft = next(line for line in out.splitlines() if line.startswith("Tit For Tat"))
    assert tft.split()[4:7] == ["n/a", "n/a", "n/a"]  # no fixation statistics with mutation


def test_cli_fingerprints(capsys, tmp_path):
    code, out, err = cli(capsys, "fingerprint", "WSLS", "--step", "0.5", "--plot", str(tmp_path / "fp.png"))
    assert code == 0, err
    assert "Ashlock fingerprint of Win-Stay Lose-Shift with probe Tit For Tat" in out
    assert "y \\ x" in out and (tmp_path / "fp.png").exists()
    code, out, err = cli(
        capsys,
        "fingerprint",
        "TFT",
        "--transitive",
        "--repetitions",
        "50",
        "--turns",
        "10",
        "--plot",
        str(tmp_path / "tf.png"),
        "--no-progress",
    )
    assert code == 0, err
    assert "Transitive fingerprint of Tit For Tat" in out and (tmp_path / "tf.png").exists()
    code, out, err = cli(capsys, "fingerprint", "Grudger", "--probe", "WSLS", "--step", "1", "--turns", "5")
    assert code == 0, err
    assert "Ashlock fingerprint of Grudger with probe Win-Stay Lose-Shift" in out


@pytest.mark.parametrize(
    "argv,message",
    [
        (["evolve", "-p", "TFT", "ALLD", "--population", "1"], "population must be at least 2"),
        (["evolve", "-p", "TFT", "ALLD", "--initial", "1,0"], "population must be at least 2"),
        (["evolve", "-p", "TFT", "ALLD", "--mutation", "1.5"], "mutation must be a rate in [0, 1]"),
        (["evolve", "-p", "TFT", "ALLD", "--mutation", "-0.01"], "mutation must be a rate in [0, 1]"),
        (["evolve", "-p", "TFT", "Tit For Tatt"], "unknown strategy 'Tit For Tatt'"),
        (["fingerprint", "Tit For Tatt"], "unknown strategy 'Tit For Tatt'"),
        (["fingerprint", "TFT", "--probe", "Nobody"], "unknown strategy 'Nobody'"),
        (
            ["evolve", "-p", "TFT", "ALLD", "--graph", "grid:3x3", "--population", "10"],
            "9 nodes but the population is 10",
        ),
        (["evolve", "-p", "TFT", "ALLD", "--graph", "star"], "unknown graph 'star'"),
        (["evolve", "-p", "TFT", "ALLD", "--method", "ecological", "--runs", "5"], "runs applies to --method moran"),
        (["evolve", "-p", "TFT"], "at least 2 players"),
        (["evolve"], "give the players"),
        (["fingerprint", "TFT", "--step", "0"], "step must be a number in (0, 1]"),
        (["fingerprint", "TFT", "--transitive", "--probe", "WSLS"], "--probe applies to the Ashlock fingerprint"),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_code_2(capsys, argv, message):
    code, _out, err = cli(capsys, *argv)
    assert code == 2
    assert err.startswith("cooptourney: error: ") and len(err.strip().splitlines()) == 1
    assert message in err


def test_cli_disconnected_graph_is_rejected(capsys, tmp_path):
    edges = tmp_path / "two_pairs.txt"
    edges.write_text("0 1\n2 3\n")
    code, _out, err = cli(capsys, "evolve", "-p", "TFT", "ALLD", "--population", "4", "--graph", f"edgelist:{edges}")
    assert code == 2 and "the interaction graph is not connected" in err


def test_cli_config_rejects_unknown_keys_and_bad_values(capsys, tmp_path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text('[evolve]\nplayers = ["TFT", "ALLD"]\nmutaton = 0.1\n')
    code, _, err = cli(capsys, "evolve", str(cfg))
    assert code == 2
    assert "unknown key 'mutaton' in [evolve]; did you mean 'mutation'?" in err and "allowed: players, method" in err
    cfg.write_text('[tournament]\nplayers = ["TFT", "ALLD"]\n')
    code, _, err = cli(capsys, "evolve", str(cfg))
    assert code == 2 and "unknown section [tournament]" in err
    cfg.write_text('[evolve]\nplayers = ["TFT", "ALLD"]\nmutation = 2\n')
    code, _out, err = cli(capsys, "evolve", str(cfg))
    assert code == 2 and "mutation must be a rate in [0, 1], got 2" in err


# -- helpers --------------------------------------------------------------------------------------------


def test_graph_specs_and_share_plot(tmp_path):
    assert graph_from_spec("grid:4x3").number_of_nodes() == 12
    assert nx.is_isomorphic(graph_from_spec("cycle", 5), nx.cycle_graph(5))
    with pytest.raises(SettingsError, match="grid:WxH"):
        graph_from_spec("grid:4")
    pool = match_pool(["Tit For Tat", "Defector"], turns=5, seed=0)
    assert pool.deterministic and pool.repetitions == 1
    res = MoranProcess({"Tit For Tat": 3, "Defector": 3}, pool=pool, seed=0).play(runs=20)
    fig = plot_shares(res, path=tmp_path / "moran.png")
    assert (tmp_path / "moran.png").read_bytes()[:4] == b"\x89PNG"
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["Tit For Tat", "Defector"]
