"""The numbers and figures of docs/model.md, "What the model shows".

    python docs/examples/model_results.py [NAME ...] [--figures DIR] [--seed S]

NAME is one of the results below (default: all). Each prints its numbers with their 95%
intervals and writes its figure to DIR/results_NAME.png (default docs/figures). Every
number comes from the public API; tests/test_model_results.py guards each effect with a
reduced run.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import numpy as np
from scipy import stats

from cooptourney.evolution import AdaptivePopulation
from cooptourney.output import plots
from cooptourney.reciprocity import BatterySettings, run_battery
from cooptourney.reciprocity.continuum import DIFFUSE_CUT, positions
from cooptourney.reciprocity.effects import family_separation, position_intervals
from cooptourney.registry import REGISTRY

TFT, GTFT = "Tit For Tat", "Generous Tit For Tat"
#: The pair the adaptive results play: 100-turn matches with noise 0.05, 20 repetitions.
MATCHES = {"turns": 100, "noise": 0.05, "repetitions": 20}


def mean_interval(x, level=0.95):
    """Mean of ``x`` and its t interval."""
    x = np.asarray(x, dtype=float)
    half = stats.t.ppf(0.5 + level / 2, x.size - 1) * x.std(ddof=1) / math.sqrt(x.size)
    return x.mean(), x.mean() - half, x.mean() + half


def show(label, m, lo, hi):
    print(f"  {label}: {m:+.3f} [{lo:+.3f}, {hi:+.3f}]")


def fermi_fixation(A, N, beta):
    """Traulsen, Nowak & Pacheco (2006): fixation probability of one A among N - 1 B."""
    (a, b), (c, d) = A
    total, log_prod = 1.0, 0.0
    for j in range(1, N):
        log_prod -= beta * (((j - 1) * a + (N - j) * b) - (j * c + (N - j - 1) * d)) / (N - 1)
        total += math.exp(log_prod)
    return 1.0 / total


def continuum(seed, figures):
    """The families separate; the named ends."""
    names = [s.name for s in REGISTRY.filter(reciprocity=["specific", "diffuse"]) if not s.group]
    res = run_battery(names, BatterySettings(repetitions=20, seed=seed))
    places = positions(res)
    for measure in ("diffuseness", "credit", "delay", "leniency", "absorption", "no_echo"):
        e = family_separation(places, measure, resamples=2000, seed=seed)
        show(f"Cliff's delta, {measure} (n = {e.n})", e.value, e.low, e.high)
    ends = position_intervals(res, resamples=1000, seed=seed)
    for name in (TFT, "Ledger", "Diffuse Ledger", GTFT):
        e = ends[name]
        show(f"{name} diffuseness (cut {DIFFUSE_CUT})", e.value, e.low, e.high)
    plots.reciprocity_map(places, Path(figures) / "results_continuum.png")


def intensity(seed, figures):
    """Selection intensity raises the share of the better strategy."""
    out = {}
    for beta in (0.0, 1.0, 5.0):
        pop = AdaptivePopulation(
            {TFT: 10, GTFT: 10}, rule="fermi", intensity=beta, exploration=0.01, seed=seed, **MATCHES
        )
        res = pop.run(500, runs=200)
        out[beta] = res.final_counts[:, 1] / res.population
        show(f"GTFT share at generation 500, beta {beta:g}", *mean_interval(out[beta]))
        if beta == 5.0:
            plots.adaptive_shares(res, Path(figures) / "results_intensity.png")
    A = pop.payoff_matrix()
    print(f"  payoffs: TFT-TFT {A[0, 0]:.3f} TFT-GTFT {A[0, 1]:.3f} GTFT-TFT {A[1, 0]:.3f} GTFT-GTFT {A[1, 1]:.3f}")
    show("beta 5 minus beta 0", *mean_interval(out[5.0] - out[0.0]))
    quiet = AdaptivePopulation({TFT: 10, GTFT: 10}, rule="fermi", intensity=5.0, exploration=0.01, seed=seed,
                               turns=100, noise=0.0, repetitions=1)  # fmt: skip
    show("noise 0, beta 5: GTFT share", *mean_interval(quiet.run(500, runs=200).final_counts[:, 1] / 20))


def fixation(seed, figures):
    """A Generous Tit For Tat mutant fixes among Tit For Tats with Traulsen's probability."""
    import matplotlib.pyplot as plt

    N, runs, betas = 20, 4000, (0.0, 0.5, 1.0, 2.0, 5.0)
    sim, err, theory = [], [], []
    for beta in betas:
        pop = AdaptivePopulation({GTFT: 1, TFT: N - 1}, rule="fermi", intensity=beta, seed=seed, **MATCHES)
        res = pop.run(5000, runs=runs)
        sim.append(res.fixation_probabilities[0])
        err.append(1.96 * res.fixation_standard_errors[0])
        theory.append(fermi_fixation(pop.payoff_matrix(), N, beta))
        print(
            f"  beta {beta:g}: simulated {sim[-1]:.4f} +- {err[-1]:.4f} (95%), theory {theory[-1]:.4f}, 1/N = {1 / N:.3f}"
        )
    fig, ax = plt.subplots(figsize=(6, 3.6))
    grid = np.linspace(0, max(betas), 101)
    A = pop.payoff_matrix()
    ax.plot(grid, [fermi_fixation(A, N, b) for b in grid], color=plots.TAG_COLOURS["diffuse"], label="theory")
    ax.errorbar(betas, sim, yerr=err, fmt="o", color="#000000", label=f"simulated, {runs} runs (95%)")
    ax.axhline(1 / N, color="#999999", linestyle=":", label="neutral 1/N")
    ax.set_xlabel("selection intensity beta")
    ax.set_ylabel("fixation probability of one GTFT")
    ax.set_title(f"One Generous Tit For Tat among {N - 1} Tit For Tats (noise 0.05)", fontsize=10)
    ax.legend(frameon=False, fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    plots.save(fig, Path(figures) / "results_fixation.png")


def learning(seed, figures):
    """Roth-Erev learners move towards the strategy that pays more."""
    pop = AdaptivePopulation({TFT: 10, GTFT: 10}, rule="learning", exploration=0.0, seed=seed, **MATCHES)
    for g in (50, 200):
        res = pop.run(g, runs=200)
        show(f"GTFT share at generation {g} (start 0.5)", *mean_interval(res.final_counts[:, 1] / res.population))
    plots.adaptive_shares(res, Path(figures) / "results_learning.png")


def gears(seed, figures):
    """Shift up under noise; shift down under an exploitation shock."""
    pop = AdaptivePopulation(
        {TFT: 90, GTFT: 10, "Defector": 0}, rule="fermi", intensity=5.0, exploration=0.01, seed=seed, **MATCHES
    )
    wave = {g: {"Defector": 10} for g in range(300, 400)}

    def share(res, tag):
        cols = [k for k, t in enumerate(res.tags) if t == tag]
        return res.final_counts[:, cols].sum(axis=1) / res.population

    up = pop.run(60, runs=200)
    show("diffuse share, generation 60 minus 0.1", *mean_interval(share(up, "diffuse") - 0.1))
    before = pop.run(300, runs=200)
    during = pop.run(330, runs=200, shocks={g: s for g, s in wave.items() if g < 330})
    for tag in ("specific", "diffuse", "unconditional"):
        show(f"{tag} share, generation 330 minus 300", *mean_interval(share(during, tag) - share(before, tag)))
    whole = pop.run(600, runs=200, shocks=wave)
    show("diffuse share, generation 600 minus 330", *mean_interval(share(whole, "diffuse") - share(during, "diffuse")))
    plots.adaptive_shares(whole, Path(figures) / "results_gears.png")
    quiet = AdaptivePopulation({TFT: 90, GTFT: 10, "Defector": 0}, rule="fermi", intensity=5.0, exploration=0.01,
                               seed=seed, turns=100, noise=0.0, repetitions=1)  # fmt: skip
    show(
        "noise 0: diffuse share, generation 60 minus 0.1",
        *mean_interval(share(quiet.run(60, runs=200), "diffuse") - 0.1),
    )


RESULTS = {"continuum": continuum, "intensity": intensity, "fixation": fixation, "learning": learning, "gears": gears}

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", choices=[*RESULTS, []], metavar="NAME")
    parser.add_argument("--figures", default="docs/figures")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    Path(args.figures).mkdir(parents=True, exist_ok=True)
    for name in args.names or RESULTS:
        print(f"{name}: {RESULTS[name].__doc__}")
        RESULTS[name](args.seed, args.figures)
