"""The named results of docs/model.md, "What the model shows": one test per result.

Each test reruns the result with reduced settings and asserts the effect through its
confidence bound, so it fails when the effect disappears (or reverses), never by
comparing with a stored output. The expected values come from theory where there is one:
Traulsen, Nowak & Pacheco's (2006) fixation probability of the pairwise-comparison
process, neutral drift's 1/2 under symmetric exploration, and the direction of the mean
dynamics of Roth-Erev learning (Börgers & Sarin 1997: the replicator dynamics). The full
runs, their numbers and figures are ``python docs/examples/model_results.py``.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from cooptourney.evolution import AdaptivePopulation
from cooptourney.reciprocity import BatterySettings, run_battery
from cooptourney.reciprocity.continuum import DIFFUSE_CUT, positions
from cooptourney.reciprocity.effects import family_separation, position_intervals
from cooptourney.registry import REGISTRY

TFT, GTFT = "Tit For Tat", "Generous Tit For Tat"
MATCHES = {"turns": 100, "noise": 0.05, "repetitions": 20}
#: Statistical bounds: 95% intervals for the effects the docs report, and 4 standard
#: errors for agreement with theory (a correct implementation fails 1 time in 16 000).
Z = 4.0


def mean_interval(x, level=0.95):
    """(mean, low, high): the t interval of the mean of ``x``."""
    x = np.asarray(x, dtype=float)
    half = stats.t.ppf(0.5 + level / 2, x.size - 1) * x.std(ddof=1) / math.sqrt(x.size)
    return x.mean(), x.mean() - half, x.mean() + half


def tag_share(res, tag):
    """float64[runs]: each run's final share of actors playing a strategy with ``tag``."""
    cols = [k for k, t in enumerate(res.tags) if t == tag]
    return res.final_counts[:, cols].sum(axis=1) / res.population


def fermi_fixation(A, N, beta):
    """Traulsen, Nowak & Pacheco (2006): fixation probability of one A among N - 1 B under
    the pairwise comparison process, phi_1 = 1 / sum_k prod_{j <= k} exp(-beta (pi_A(j) -
    pi_B(j))), payoffs averaged over the N - 1 others."""
    (a, b), (c, d) = A
    total, log_prod = 1.0, 0.0
    for j in range(1, N):
        log_prod -= beta * (((j - 1) * a + (N - j) * b) - (j * c + (N - j - 1) * d)) / (N - 1)
        total += math.exp(log_prod)
    return 1.0 / total


# -- reciprocity measured on a continuum --------------------------------------------------------


def test_result_the_specific_and_diffuse_families_separate():
    # every responsive pairwise strategy tagged specific or diffuse; 3 repetitions suffice
    # for the deterministic majority (the full run has 20)
    names = [s.name for s in REGISTRY.filter(reciprocity=["specific", "diffuse"]) if not s.group]
    places = positions(run_battery(names, BatterySettings(repetitions=3, seed=0)))
    overall = family_separation(places, "diffuseness", resamples=500, seed=0)
    assert overall.low > 0.7, overall  # documented: +0.90 [0.83, 0.96]
    for term in ("credit", "delay", "leniency", "absorption", "no_echo"):
        e = family_separation(places, term, resamples=500, seed=0)
        assert e.low > 0.3, (term, e)  # each axis separates on its own


def test_result_tit_for_tat_and_ledger_specific_diffuse_ledger_and_gtft_diffuse():
    ends = position_intervals(
        run_battery([TFT, "Ledger", "Diffuse Ledger", GTFT], BatterySettings(repetitions=20, seed=0)), resamples=300
    )
    for name in (TFT, "Ledger"):
        assert ends[name].high < DIFFUSE_CUT, (name, ends[name])
    for name in ("Diffuse Ledger", GTFT):
        assert ends[name].low > DIFFUSE_CUT, (name, ends[name])
    assert ends[TFT].high == 0.0  # Tit For Tat defines the specific end


# -- actors who adapt -----------------------------------------------------------------------------


def test_result_selection_intensity_raises_the_share_of_the_better_strategy():
    def final_share(beta):
        pop = AdaptivePopulation({TFT: 10, GTFT: 10}, rule="fermi", intensity=beta, exploration=0.01, seed=0, **MATCHES)
        return pop, pop.run(300, runs=100).final_counts[:, 1] / 20

    pop, neutral = final_share(0.0)
    A = pop.payoff_matrix()
    # GTFT is the better strategy while Tit For Tats are common (it escapes their echoes)
    assert A[1, 0] > A[0, 0] + 0.1
    _, strong = final_share(5.0)
    # neutral drift with symmetric exploration: mean share 1/2
    m, se = neutral.mean(), neutral.std(ddof=1) / math.sqrt(neutral.size)
    assert abs(m - 0.5) < Z * se, (m, se)
    _, low, _ = mean_interval(strong - neutral)
    assert low > 0.2  # documented: +0.40 [0.34, 0.45] at generation 500


@pytest.mark.parametrize("beta", [1.0, 5.0])
def test_result_imitation_fixes_a_mutant_as_traulsen_nowak_pacheco_predict(beta):
    N, runs = 20, 2000
    pop = AdaptivePopulation({GTFT: 1, TFT: N - 1}, rule="fermi", intensity=beta, seed=1, **MATCHES)
    res = pop.run(5000, runs=runs)
    assert (res.fixed >= 0).all()  # every run ended with one type
    theory = fermi_fixation(pop.payoff_matrix(), N, beta)
    p = res.fixation_probabilities[0]
    se = math.sqrt(theory * (1 - theory) / runs)
    assert abs(p - theory) < Z * se, (p, theory)
    assert p - Z * se > 1 / N  # selection favours the mutant over neutral drift


def test_result_learners_move_towards_the_strategy_that_pays_more():
    pop = AdaptivePopulation({TFT: 10, GTFT: 10}, rule="learning", seed=0, **MATCHES)
    A = pop.payoff_matrix()
    # at the even start GTFT earns more (the replicator direction of the mean dynamics)
    assert (A[1, 0] + A[1, 1]) / 2 > (A[0, 0] + A[0, 1]) / 2
    _, low, _ = mean_interval(pop.run(50, runs=60).final_counts[:, 1] / 20 - 0.5)
    assert low > 0.1  # documented: +0.25 [0.24, 0.26] at generation 50


# -- gears at the population level ----------------------------------------------------------------

GEARS = {"players": {TFT: 90, GTFT: 10, "Defector": 0}, "rule": "fermi", "intensity": 5.0, "exploration": 0.01}


def test_result_successful_specific_reciprocity_shifts_up_into_diffuse():
    up = tag_share(AdaptivePopulation(**GEARS, seed=0, **MATCHES).run(60, runs=40), "diffuse") - 0.1
    quiet = AdaptivePopulation(**GEARS, seed=0, turns=100, noise=0.0, repetitions=1)
    drift = tag_share(quiet.run(60, runs=40), "diffuse") - 0.1
    assert mean_interval(up)[1] > 0.6  # documented: +0.82 [0.81, 0.83]
    # the shift is the echo's doing: without noise only exploration moves the shares
    assert mean_interval(up - drift)[1] > 0.4


def test_result_an_exploitation_shock_shifts_the_population_back_down():
    pop = AdaptivePopulation(**GEARS, seed=0, **MATCHES)
    wave = {g: {"Defector": 10} for g in range(300, 330)}
    before = pop.run(300, runs=100)
    during = pop.run(330, runs=100, shocks=wave)
    specific = tag_share(during, "specific") - tag_share(before, "specific")
    diffuse = tag_share(during, "diffuse") - tag_share(before, "diffuse")
    assert mean_interval(specific)[1] > 0  # documented: +0.075 [0.056, 0.093]
    assert mean_interval(diffuse)[2] < -0.2  # documented: -0.46 [-0.50, -0.41]
