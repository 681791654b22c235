"""Adaptive actors: imitation by pairwise comparison (the Fermi rule) and Roth-Erev learning.

Expected values come from theory: the fixation probability of the pairwise-comparison
process (Traulsen, Nowak & Pacheco 2006), neutral drift (1/N), dominance in the one-shot
prisoner's dilemma and in the perceived game of docs/model.md. Statistical checks allow 4
standard errors (a correct implementation fails about once in 16 000 runs of a check) and
every seed is fixed.
"""

import math
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from cooptourney import Tournament
from cooptourney.cli import main
from cooptourney.evolution import AdaptivePopulation
from cooptourney.politics import ActorProfile, Transformer
from cooptourney.settings import SettingsError

Z = 4.0


def fermi_fixation(matrix, N: int, beta: float, mutants: int = 1) -> float:
    """Fixation probability of ``mutants`` A-players among B-players under the pairwise
    comparison (Fermi) process, Traulsen, Nowak & Pacheco (2006), Phys. Rev. E 74, 011909:
    T-_j / T+_j = exp(-beta (pi_A(j) - pi_B(j))) with j A-players and the payoffs of
    interactions with the N - 1 others, so
    phi_i = sum_{k=0}^{i-1} prod_{j=1}^{k} gamma_j / sum_{k=0}^{N-1} prod_{j=1}^{k} gamma_j."""
    (a, b), (c, d) = matrix
    terms, log_prod = [1.0], 0.0
    for j in range(1, N):
        pi_a = ((j - 1) * a + (N - j) * b) / (N - 1)
        pi_b = (j * c + (N - j - 1) * d) / (N - 1)
        log_prod += -beta * (pi_a - pi_b)
        terms.append(math.exp(log_prod))
    return sum(terms[:mutants]) / sum(terms)


def assert_close(p, se, expected, what):
    assert abs(p - expected) <= Z * se, f"{what}: {p:.4f} +- {se:.4f}, expected {expected:.4f}"


# -- the Fermi rule against theory ------------------------------------------------------------


@pytest.mark.parametrize(
    ("matrix", "N", "beta"),
    [
        ([[1.0, 3.0], [2.0, 1.5]], 10, 1.0),  # frequency-dependent: the mutant is fitter when rare
        ([[3.0, 0.0], [5.0, 1.0]], 8, 0.3),  # a Cooperator among Defectors: selected against
        ([[2.0, 2.0], [1.0, 1.0]], 12, 0.5),  # constant advantage
    ],
)
def test_fermi_fixation_probability_matches_traulsen_nowak_pacheco(matrix, N, beta):
    runs = 4000
    res = AdaptivePopulation({"A": 1, "B": N - 1}, matrix=matrix, intensity=beta, seed=3).run(
        generations=5000, runs=runs
    )
    assert (res.fixed >= 0).all(), "every run must fix without exploration"
    p, se = res.fixation_probabilities[0], max(res.fixation_standard_errors[0], 1 / runs)
    assert_close(p, se, fermi_fixation(matrix, N, beta), f"Fermi fixation, {matrix}, N={N}, beta={beta}")


def test_neutral_drift_fixes_with_one_over_n():
    N, runs = 10, 6000
    # intensity 0: the Fermi coin is 1/2 whatever the payoffs
    res = AdaptivePopulation({"A": 1, "B": N - 1}, matrix=[[5.0, 0.0], [1.0, 3.0]], intensity=0.0, seed=5).run(
        generations=5000, runs=runs
    )
    assert (res.fixed >= 0).all()
    assert_close(res.fixation_probabilities[0], res.fixation_standard_errors[0], 1 / N, "neutral drift")


def test_defector_takes_over_from_cooperator_in_the_prisoners_dilemma():
    # one-turn matches: the payoff matrix is the stage game 3, 0, 5, 1
    pop = AdaptivePopulation({"Cooperator": 7, "Defector": 3}, turns=1, intensity=1.0, seed=2)
    np.testing.assert_array_equal(pop.payoff_matrix(), [[3.0, 0.0], [5.0, 1.0]])
    res = pop.run(generations=5000, runs=3000)
    expected = fermi_fixation([[1.0, 5.0], [0.0, 3.0]], 10, 1.0, mutants=3)  # Defector as the mutant
    assert expected > 0.95
    assert_close(res.fixation_probabilities[1], max(res.fixation_standard_errors[1], 1 / 3000), expected, "ALLD")
    assert res.fixation_probabilities[1] > 0.5 and res.shares.iloc[-1]["Defector"] > 0.9


def test_perceived_fitness_follows_the_perceived_game():
    # solidarity k = -0.7 < -2/3 turns 3, 0, 5, 1 into Harmony (docs/model.md): cooperation
    # is dominant in the perceived game, defection in the material one
    tr = Transformer(ActorProfile(k=-0.7))
    kwargs = {"turns": 1, "transformer": tr, "seed": 4, "intensity": 2.0}
    material = AdaptivePopulation({"Cooperator": 5, "Defector": 5}, fitness="material", **kwargs).run(3000, runs=400)
    perceived = AdaptivePopulation({"Cooperator": 5, "Defector": 5}, fitness="perceived", **kwargs).run(3000, runs=400)
    np.testing.assert_allclose(
        perceived.payoff_matrix,
        Tournament(["Cooperator", "Defector"], turns=1, transformer=tr, seed=4).play().utility_matrix_per_turn,
    )
    assert material.fitness == "material payoff" and perceived.fitness == "perceived utility"
    assert perceived.shares.attrs["fitness"] == "perceived utility"
    assert material.fixation_probabilities[1] > 0.95
    assert perceived.fixation_probabilities[0] > 0.95


# -- the learning rule ---------------------------------------------------------------------------


def test_learning_concentrates_on_the_dominant_strategy():
    # one-shot PD: Defector is the best response to everything; Tit For Tat plays C once
    res = AdaptivePopulation(
        ["Cooperator", "Defector", "Tit For Tat"], population=60, rule="learning", exploration=0.02, turns=1, seed=8
    ).run(generations=400, runs=20)
    late = res.shares.iloc[-100:]["Defector"]
    per_run = res.final_counts[:, 1] / res.population
    assert late.mean() > 0.9, late.mean()
    assert per_run.mean() - Z * per_run.std(ddof=1) / math.sqrt(res.runs) > 0.85
    assert res.counts[0].tolist() == [20 * 20, 20 * 20, 20 * 20]  # the start is the even split


def test_learning_follows_the_payoffs_not_the_labels():
    # the same repertoire with the dominant strategy moved: Harmony (cooperation dominant)
    res = AdaptivePopulation(
        {"C": 20, "D": 20}, matrix=[[4.0, 3.0], [2.0, 1.0]], rule="learning", exploration=0.02, seed=9
    ).run(generations=400, runs=20)
    assert res.shares.iloc[-100:]["C"].mean() > 0.9
    assert res.fitness == "given payoff matrix"


def test_exploration_keeps_every_type_alive():
    res = AdaptivePopulation({"A": 10, "B": 0}, matrix=[[1.0, 1.0], [1.0, 1.0]], exploration=0.1, seed=1).run(
        generations=200, runs=50
    )
    assert res.shares.iloc[-100:]["B"].mean() > 0.2  # neutral with mutation: B enters and stays
    assert (res.fixed == -1).all()


def test_a_shock_replaces_the_given_number_of_actors():
    res = AdaptivePopulation({"A": 20, "B": 0}, matrix=[[1.0, 0.0], [0.0, 1.0]], intensity=0.0, seed=1).run(
        generations=10, runs=5, shocks={4: {"B": 6}}
    )
    # neutral drift without exploration from an all-A start: nothing moves until the shock;
    # row 4 is the population as generation 4 starts, just after the newcomers entered
    assert (res.counts[:4, 1] == 0).all()
    assert res.counts[4, 1] == 5 * 6
    assert res.settings["shocks"] == [{"generation": 4, "type": "B", "count": 6}]


# -- reproducibility --------------------------------------------------------------------------------


def test_results_are_bit_identical_on_one_and_two_threads(tmp_path):
    script = tmp_path / "adaptive_hash.py"
    script.write_text(
        textwrap.dedent("""
        import hashlib
        import numba, numpy as np
        from cooptourney.evolution import AdaptivePopulation
        h = hashlib.sha256()
        players = ["Tit For Tat", "Defector", "Cooperator", "Random"]
        for rule, extra in (("fermi", {"intensity": 2.0}), ("learning", {})):
            pop = AdaptivePopulation(players, population=24, rule=rule, exploration=0.01, turns=20, noise=0.05,
                                     seed=11, **extra)
            res = pop.run(generations=150, runs=40, shocks={50: {"Defector": 5}})
            for a in (res.counts, res.final_counts, res.fixed):
                h.update(np.ascontiguousarray(a).tobytes())
        print(numba.get_num_threads(), h.hexdigest())
    """)
    )
    hashes = {}
    for threads in ("1", "2"):
        env = {**os.environ, "NUMBA_NUM_THREADS": threads}
        proc = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr
        n, digest = proc.stdout.split()
        assert n == threads
        hashes[threads] = digest
    assert hashes["1"] == hashes["2"], hashes


def test_same_seed_same_result_other_seed_other_result():
    def go(seed):
        return AdaptivePopulation({"A": 5, "B": 5}, matrix=[[1.0, 2.0], [1.5, 1.0]], exploration=0.05, seed=seed).run(
            100, runs=3
        )

    assert np.array_equal(go(1).counts, go(1).counts)
    assert not np.array_equal(go(1).counts, go(2).counts)


# -- bad input --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"rule": "moran"}, "rule must be one of fermi, learning"),
        ({"intensity": -1.0}, "intensity must be a finite number >= 0"),
        ({"intensity": float("nan")}, "intensity must be a finite number"),
        ({"exploration": 1.5}, "exploration must be a finite number >= 0, <= 1"),
        ({"rule": "learning", "intensity": 1.0}, "intensity belongs to rule='fermi'"),
        ({"forgetting": 0.1}, "forgetting and strength belong to rule='learning'"),
        ({"rule": "learning", "forgetting": 1.0}, "forgetting must be a finite number >= 0, < 1"),
        ({"rule": "learning", "strength": 0.0}, "strength must be a number > 0"),
        ({"fitness": "utility"}, "fitness must be one of material, perceived"),
        ({"population": 1}, "population must be a whole number >= the number of types"),
        ({"seed": -3}, "seed"),
        ({"noise": 2.0}, "noise"),
    ],
)
def test_bad_settings_are_refused_with_one_line(kwargs, message):
    with pytest.raises(SettingsError, match=message) as err:
        AdaptivePopulation(["Cooperator", "Defector"], **kwargs)
    assert "\n" not in str(err.value)


def test_bad_population_and_run_arguments_are_refused():
    with pytest.raises(SettingsError, match="single player"):
        AdaptivePopulation("Cooperator")
    with pytest.raises(SettingsError, match="at least 2 actors"):
        AdaptivePopulation({"Cooperator": 1, "Defector": 0})
    with pytest.raises(SettingsError, match="given twice"):
        AdaptivePopulation(["Cooperator", "Cooperator"])
    with pytest.raises(SettingsError, match="matrix must be 2 x 2"):
        AdaptivePopulation({"A": 2, "B": 2}, matrix=[[1, 2, 3]])
    with pytest.raises(SettingsError, match="matrix must be 2 x 2"):
        AdaptivePopulation({"A": 2, "B": 2}, matrix=[[1, float("inf")], [0, 1]])
    pop = AdaptivePopulation({"A": 2, "B": 2}, matrix=[[1, 2], [0, 1]])
    with pytest.raises(SettingsError, match="runs"):
        pop.run(10, runs=0)
    with pytest.raises(SettingsError, match="generations"):
        pop.run(-1)
    with pytest.raises(SettingsError, match="not in the repertoire"):
        pop.run(10, shocks={2: {"C": 1}})
    with pytest.raises(SettingsError, match=r"generation must be a whole number in \[0, 10\)"):
        pop.run(10, shocks={10: {"A": 1}})
    with pytest.raises(SettingsError, match="too long a record"):
        pop.run(10**9)
    with pytest.raises(SettingsError, match="shocks must be a mapping"):
        pop.run(10, shocks=[(2, "A", 1)])
    with pytest.raises(SettingsError, match="stop_on_fixation needs"):
        pop.run(10, shocks={2: {"A": 1}}, stop_on_fixation=True)


# -- command line ----------------------------------------------------------------------------------


def test_cli_evolve_with_a_rule_states_the_fitness(capsys, tmp_path):
    plot = tmp_path / "shares.png"
    code = main(
        [
            "evolve",
            "-p",
            "Cooperator",
            "Defector",
            "--rule",
            "fermi",
            "--turns",
            "1",
            "--generations",
            "100",
            "--runs",
            "20",
            "--plot",
            str(plot),
            "--no-progress",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "fitness: material payoff" in out.lower()
    assert "Defector" in out and plot.stat().st_size > 0


def test_cli_rule_refuses_moran_only_and_bad_values(capsys):
    assert main(["evolve", "-p", "Cooperator", "Defector", "--rule", "fermi", "--graph", "cycle"]) != 0
    assert "graph" in capsys.readouterr().err
    assert main(["evolve", "-p", "Cooperator", "Defector", "--rule", "learning", "--intensity", "2"]) != 0
    assert "intensity" in capsys.readouterr().err


# -- gears at the population level ---------------------------------------------------------------

GEARS = {
    "players": {"Tit For Tat": 90, "Generous Tit For Tat": 10, "Defector": 0},
    "rule": "fermi",
    "intensity": 5.0,
    "exploration": 0.01,
    "turns": 100,
    "noise": 0.05,
    "repetitions": 20,
    "seed": 0,
}
WAVE = {g: {"Defector": 10} for g in range(300, 400)}


def _tag_share(res, tag):
    """float64[runs]: each run's final share of actors playing a strategy with that tag."""
    cols = [k for k, t in enumerate(res.tags) if t == tag]
    return res.final_counts[:, cols].sum(axis=1) / res.population


def test_gears_successful_specific_reciprocity_shifts_up_into_diffuse():
    # under noise Tit For Tat's echoes cost it against Generous Tit For Tat (the payoff
    # matrix's own numbers), so imitation moves a specific population into diffuse reciprocity
    pop = AdaptivePopulation(**GEARS)
    A = pop.payoff_matrix()
    assert A[1, 0] > A[0, 0] + 0.1  # against Tit For Tat, GTFT escapes the echo that TFT suffers
    res = pop.run(60, runs=40)
    diffuse = _tag_share(res, "diffuse")
    assert res.tag_shares()["diffuse"].iloc[0] == pytest.approx(0.1)
    assert diffuse.mean() - Z * diffuse.std(ddof=1) / math.sqrt(res.runs) > 0.7


def test_gears_an_exploitation_shock_shifts_back_down():
    # the same runs (same seed: draws keyed by run and generation) before the wave of
    # Defectors and 30 generations into it: diffuse reciprocity is exploited, the specific
    # share of the population rises
    pop = AdaptivePopulation(**GEARS)
    A = pop.payoff_matrix()
    assert A[0, 2] > A[1, 2]  # Tit For Tat loses less than Generous Tit For Tat to a Defector
    before = pop.run(300, runs=200)
    during = pop.run(330, runs=200, shocks={g: s for g, s in WAVE.items() if g < 330})
    np.testing.assert_array_equal(during.counts[:300], before.counts[:300])
    up = _tag_share(during, "specific") - _tag_share(before, "specific")
    down = _tag_share(during, "diffuse") - _tag_share(before, "diffuse")
    assert up.mean() - Z * up.std(ddof=1) / math.sqrt(200) > 0, (up.mean(), up.std())
    assert down.mean() + Z * down.std(ddof=1) / math.sqrt(200) < -0.2, (down.mean(), down.std())


# -- groups that perceive through their own profiles ----------------------------------------------
# Two strategies a, b; group 0 perceives a one-shot PD in which D dominates, group 1 a
# Harmony game in which C dominates (rows: what a (group, strategy) earns against each
# (group, strategy), group-major). Theory: each group ends on its own dominant strategy.
PD = np.array([[1.0, 5.0], [0.0, 3.0]])  # D, C: D dominates
HARMONY = np.array([[1.0, 2.0], [3.0, 4.0]])  # D, C: C dominates
GROUPED = np.block([[PD, PD], [HARMONY, HARMONY]])


@pytest.mark.parametrize(("rule", "extra"), [("fermi", {"intensity": 3.0}), ("learning", {})])
def test_groups_learn_from_their_own_perception(rule, extra):
    res = AdaptivePopulation(
        ["D", "C"], groups=(10, 10), matrix=GROUPED, rule=rule, exploration=0.01, seed=5, **extra
    ).run(generations=300, runs=40)
    assert res.types == ["D [group 0]", "C [group 0]", "D [group 1]", "C [group 1]"]
    assert res.groups == (10, 10)
    final = res.final_counts
    assert (final[:, :2].sum(axis=1) == 10).all() and (final[:, 2:].sum(axis=1) == 10).all()  # nobody changes group
    d0 = final[:, 0].mean() / 10  # share of D in group 0 (its dominant strategy)
    c1 = final[:, 3].mean() / 10  # share of C in group 1 (its dominant strategy)
    assert d0 > 0.8 and c1 > 0.8, (d0, c1)


def test_one_group_of_a_block_matrix_behaves_like_no_groups():
    """Two groups that perceive alike are one population: the mean share of D agrees with
    the population without groups within 4 standard errors."""
    kw = {"rule": "fermi", "intensity": 2.0, "exploration": 0.05, "seed": 1}
    plain = AdaptivePopulation(["D", "C"], population=20, matrix=PD, **kw).run(generations=150, runs=200)
    grouped = AdaptivePopulation(["D", "C"], groups=(10, 10), matrix=np.block([[PD, PD], [PD, PD]]), **kw).run(
        generations=150, runs=200
    )
    a = plain.final_counts[:, 0] / 20
    b = (grouped.final_counts[:, 0] + grouped.final_counts[:, 2]) / 20
    se = math.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b))
    assert abs(a.mean() - b.mean()) < Z * se


def test_groups_are_bit_identical_on_one_and_two_threads():
    import numba

    before = numba.get_num_threads()
    out = {}
    try:
        for threads in (1, min(2, numba.config.NUMBA_NUM_THREADS)):
            numba.set_num_threads(threads)
            for rule, extra in (("fermi", {"intensity": 2.0}), ("learning", {})):
                res = AdaptivePopulation(
                    ["D", "C"], groups=(6, 6), matrix=GROUPED, rule=rule, exploration=0.05, seed=2, **extra
                ).run(generations=60, runs=30)
                out.setdefault(rule, []).append(res.counts.tobytes() + res.final_counts.tobytes())
    finally:
        numba.set_num_threads(before)
    assert all(a == b for a, b in out.values())


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"players": {"D": 5, "C": 5}, "groups": (5, 5)}, "list of types"),
        ({"players": "DC", "groups": (5, 5)}, "list of types"),
        ({"groups": (6, 4)}, "equal size"),
        ({"groups": (5, 5), "population": 10}, "not both"),
        ({"groups": (0,)}, "whole numbers >= 1"),
        ({"groups": (1, 1)}, "at least one actor per type"),
        ({"groups": (5, 5), "matrix": PD}, "4 x 4"),
    ],
)
def test_bad_groups_are_refused_with_one_line(kwargs, message):
    kw = {"players": ["D", "C"], "matrix": GROUPED} | kwargs
    with pytest.raises(SettingsError, match=message):
        AdaptivePopulation(**kw)


def test_groups_refuse_shocks():
    pop = AdaptivePopulation(["D", "C"], groups=(5, 5), matrix=GROUPED)
    with pytest.raises(SettingsError, match="no shocks"):
        pop.run(generations=10, shocks={2: {"D [group 0]": 1}})


def test_groups_perceive_through_their_own_profiles():
    """One profile per group: the fitness matrix holds each group's perceived game.
    Hand-computed for 10-turn matches, theta = 2 at s = 1 (P' = -1): group 0 (k = 0) gets
    TFT-TFT 3, TFT-Defector (0 - 9)/10, Defector-TFT (5 - 9)/10, Defector-Defector -1;
    group 1 (k = 0.5) gets 1.5, (-2.5 - 4.5)/10, (5 - 4.5)/10 and -0.5."""
    from cooptourney.politics import Politicization

    tr = Transformer((ActorProfile(k=0.0), ActorProfile(k=0.5)), Politicization(s=1.0, theta=2.0, kappa=0.0, rho=0.0))
    pop = AdaptivePopulation(
        ["Tit For Tat", "Defector"], groups=(4, 4), fitness="perceived", transformer=tr, turns=10, repetitions=1
    )
    row0, row1 = [3.0, -0.9, 3.0, -0.9], [-0.4, -1.0, -0.4, -1.0]
    row2, row3 = [1.5, -0.7, 1.5, -0.7], [0.05, -0.5, 0.05, -0.5]
    np.testing.assert_allclose(pop.payoff_matrix(), [row0, row1, row2, row3], atol=1e-12)
    res = pop.run(generations=3, runs=2)
    assert res.fitness == "perceived utility" and res.settings["groups"] == [4, 4]
    with pytest.raises(SettingsError, match="one per group"):
        AdaptivePopulation(
            ["Tit For Tat", "Defector"],
            groups=(4, 4),
            fitness="perceived",
            transformer=Transformer((ActorProfile(),) * 3),
        )


def test_cli_rule_report_states_the_fitness_and_the_command_that_reproduces_it(tmp_path, monkeypatch, capsys):
    import re
    import shlex

    monkeypatch.chdir(tmp_path)
    argv = ["evolve", "-p", "TFT", "ALLD", "--rule", "fermi", "--generations", "20", "--runs", "4", "--turns", "20"]
    argv += ["--profile", "politician", "--s", "0.5", "--fitness", "perceived", "--seed", "3", "--no-progress"]
    assert main([*argv, "--report", "a.html"]) == 0
    page = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert "Fitness: perceived utility" in page and "data:image/png;base64," in page
    command = re.search(r"<h2>Reproduce this page</h2>\s*<pre>(.*?)</pre>", page, re.S).group(1)
    words = shlex.split(command.replace("&#x27;", "'"))
    assert words[:2] == ["cooptourney", "evolve"] and words[words.index("--report") + 1] == "a.html"
    # the printed command, run again, writes the same page (up to the time it was written)
    words[words.index("--report") + 1] = "b.html"
    capsys.readouterr()
    assert main([*words[1:], "--no-progress"]) == 0
    other = (tmp_path / "b.html").read_text(encoding="utf-8")

    def strip(text):
        # the time it was written and the seconds it took
        return re.sub(r"written [^.]*\.|\d+\.\d+ s\.", "", text).replace("b.html", "a.html")

    assert strip(other) == strip(page)
