"""Politicization with adaptive actors: the shapes of the two forces and the named results.

Each named result of docs/model.md is guarded by the confidence bound of its effect: the
test fails when the effect disappears. The shapes' values come from their formulas
(closed forms computed by hand below); the contrasts are paired run by run, 95% Student-t
intervals, with fixed seeds.
"""

import math

import numpy as np
import pytest

from cooptourney.cli import main
from cooptourney.evolution import politicization as pz
from cooptourney.evolution.intervals import mean_interval
from cooptourney.politics import ActorProfile, Politicization, perceived_payoffs
from cooptourney.politics.salience import FELT_IN_PROFILE, LINEAR, Shapes, saturating, shaped_profile, threshold
from cooptourney.settings import SettingsError

#: Smaller than the command's defaults, for a quick suite; the effects are large enough.
QUICK = pz.Experiment(runs=24, generations=150)


# -- shapes ---------------------------------------------------------------------------------------
def test_shapes_have_their_closed_forms():
    # a(s) = (1 - e^(-s/h)) / (1 - e^(-1/h)): at s = h = 1/4, (1 - 1/e) / (1 - e^-4)
    assert math.isclose(saturating(0.25, 0.25), (1 - math.exp(-1)) / (1 - math.exp(-4)), rel_tol=1e-12)
    # the logistic threshold is symmetric about its midpoint and rescaled to [0, 1]
    assert math.isclose(threshold(0.5, 0.5, 0.1), 0.5, rel_tol=1e-12)
    lo, hi = 1 / (1 + math.exp(5)), 1 / (1 + math.exp(-5))
    assert math.isclose(threshold(0.3, 0.5, 0.1), (1 / (1 + math.exp(2)) - lo) / (hi - lo), rel_tol=1e-12)
    s = np.linspace(0, 1, 101)
    for f in (lambda x: saturating(x, 0.25), lambda x: threshold(x, 0.5, 0.1)):
        y = f(s)
        assert y[0] == 0.0 and math.isclose(y[-1], 1.0) and (np.diff(y) > 0).all()
    assert (np.diff(saturating(s, 0.25), 2) < 0).all()  # concave: political will saturates
    below = s[s < 0.5]
    assert (np.diff(threshold(below, 0.5, 0.1), 2) > 0).all()  # convex up to the threshold


def test_uneven_spreading_buys_less_will_and_more_brake():
    """Jensen's inequality for the default shapes: the reason of the uneven result."""
    sh = Shapes()
    assert (sh.acceleration(0.0) + sh.acceleration(0.4)) / 2 < sh.acceleration(0.2)
    assert (sh.braking(0.0) + sh.braking(0.4)) / 2 > sh.braking(0.2)


@pytest.mark.parametrize("preset", ["neutral", "politician", "bureaucrat"])
@pytest.mark.parametrize("s", [0.0, 0.35, 1.0])
def test_linear_shapes_are_the_linear_model_exactly(preset, s):
    pol = Politicization(s=s, theta=2.3, kappa=0.37, rho=0.13)
    profile = ActorProfile.preset(preset)
    shaped = shaped_profile(profile, pol, LINEAR)
    assert np.array_equal(
        perceived_payoffs((3, 0, 5, 1), profile, pol), perceived_payoffs((3, 0, 5, 1), shaped, FELT_IN_PROFILE)
    )
    assert shaped.ratification_failure == min(1.0, profile.ratification_failure + profile.sensitivity * s * pol.rho)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"accelerator": "cubic"}, "accelerator shape"),
        ({"brake": "step"}, "brake shape"),
        ({"saturation": 0}, "saturation"),
        ({"width": -1}, "width"),
        ({"midpoint": 1.5}, "midpoint"),
    ],
)
def test_bad_shapes_are_refused(kwargs, message):
    with pytest.raises(SettingsError, match=message):
        Shapes(**kwargs)


# -- Result: politicization accelerates and brakes (interior optimum) ------------------------------
def test_accelerator_raises_and_brake_lowers_cooperation():
    forces = pz.forces(Politicization(), QUICK)
    assert forces.loc["accelerator", "cooperation_change_low"] > 0
    assert forces.loc["brake", "cooperation_change_high"] < 0
    assert (forces["fitness"] == "perceived utility (politics)").all()


def test_material_fitness_does_not_feel_the_accelerator():
    """Policy actors adapt on material payoffs, which the accelerator leaves alone: with
    no brake, s changes nothing at all (the same matrices, the same bits)."""
    exp = pz.Experiment(runs=8, generations=40, fitness="material")
    a = pz.outcomes(Politicization(s=0.0, kappa=0.0, rho=0.0), exp)
    b = pz.outcomes(Politicization(s=1.0, kappa=0.0, rho=0.0), exp)
    assert np.array_equal(a["cooperation"], b["cooperation"])


def test_interior_optimum_of_cooperation_and_welfare():
    """At the documented s* = 0.1 (default issue), on seed 1, independent of the curve that found it."""
    exp = pz.Experiment(runs=30, generations=150, seed=1)
    at = {s: pz.outcomes(Politicization(s=s), exp) for s in (0.0, 0.1, 1.0)}
    for measure in ("cooperation", "welfare"):
        rise = mean_interval(at[0.1][measure] - at[0.0][measure])
        fall = mean_interval(at[0.1][measure] - at[1.0][measure])
        assert rise[1] > 0, (measure, rise)
        assert fall[1] > 0, (measure, fall)


# -- Result: uneven politicization makes alignment harder -------------------------------------------
def test_uneven_politicization_makes_alignment_harder():
    table = pz.uneven(0.2, 0.2, Politicization(), QUICK)
    d = table.loc["uneven - even"]
    assert d["alignment_high"] < 0
    assert d["cooperation_high"] < 0
    assert table.loc["even", "felt"] == "0.2, 0.2" and table.loc["uneven", "felt"] == "0, 0.4"


# -- Result: phase diagrams ---------------------------------------------------------------------------
def test_phase_threat_more_severe_threat_more_cooperation():
    """Along theta at s = 0.3 the accelerator's gain grows with the threat's severity."""
    table = pz.phase("threat", [0.3], [0.0, 4.0], Politicization(), QUICK).set_index("theta")
    assert table.loc[4.0, "cooperation_low"] > table.loc[0.0, "cooperation_high"]
    assert list(table.columns[:1]) == ["s"] and table.attrs["fitness"] == "perceived utility (politics)"


def test_phase_brake_stronger_relative_gains_less_cooperation_at_full_politicization():
    """Along kappa at s = 1 the relative-gains brake lowers cooperation (documented:
    0.501 at kappa = 0 against 0.029 at kappa = 1)."""
    table = pz.phase("brake", [1.0], [0.0, 1.0], Politicization(), QUICK).set_index("kappa")
    assert table.loc[1.0, "cooperation_high"] < table.loc[0.0, "cooperation_low"]


def test_phase_veto_weaker_veto_more_cooperation_past_the_default_optimum():
    """At s = 0.3, past the default optimum s* = 0.1, a weaker veto keeps more cooperation
    (documented: rho = 0 peaks there at 0.836 [0.793, 0.880]; rho = 0.1 gives 0.610
    [0.574, 0.646])."""
    table = pz.phase("veto", [0.3], [0.0, 0.1], Politicization(), QUICK).set_index("rho")
    assert table.loc[0.0, "cooperation_low"] > table.loc[0.1, "cooperation_high"]


# -- reproducibility and inputs -----------------------------------------------------------------------
def test_outcomes_are_bit_identical_on_one_and_two_threads():
    import numba

    before = numba.get_num_threads()
    got = []
    try:
        for threads in (1, min(2, numba.config.NUMBA_NUM_THREADS)):
            numba.set_num_threads(threads)
            o = pz.outcomes(Politicization(s=0.3), pz.Experiment(runs=6, generations=30), felt=(0.1, 0.5))
            got.append(o["cooperation"].tobytes() + o["welfare"].tobytes())
    finally:
        numba.set_num_threads(before)
    assert got[0] == got[1]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: pz.Experiment(runs=1), "runs must be >= 2"),
        (lambda: pz.Experiment(fitness="happiness"), "fitness must be one of"),
        (lambda: pz.Experiment(population=6), "population must be >= 8"),
        (lambda: pz.curve([0, 1.5]), "s levels"),
        (lambda: pz.phase("mood", [0], [1]), "phase axis"),
        (lambda: pz.uneven(0.2, 0.3), "spread"),
        (lambda: pz.outcomes(Politicization(), pz.Experiment(population=9), felt=(0.1, 0.2)), "equal groups"),
    ],
)
def test_bad_settings_are_refused_with_one_line(call, message):
    with pytest.raises(SettingsError, match=message):
        call()


@pytest.mark.parametrize(
    "argv",
    [
        ["--s", "0,2"],
        ["--s", "a,b"],
        ["-o", "table.txt"],
        ["--phase", "threat", "--uneven"],
        ["--values", "1,2"],
        ["--theta", "-1"],
        ["--runs", "1"],
        ["--uneven", "--mean", "0.2", "--spread", "0.5"],
        ["--saturation", "0"],
        ["--uneven", "--population", "9"],
        ["--phase", "threat", "--values", "1e101"],
        ["--phase", "veto", "--values", "inf"],
        ["--intensity", "2"],
    ],
)
def test_cli_refuses_bad_input_with_one_line(capsys, argv):
    assert main(["politicization", *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cooptourney: error: ") and err.count("\n") == 1, err


def test_cli_writes_table_and_figure_and_states_the_fitness(capsys, tmp_path):
    import pandas as pd

    table, figure = tmp_path / "curve.csv", tmp_path / "curve.png"
    argv = ["politicization", "--s", "0,1", "--runs", "3", "--generations", "5", "--population", "8"]
    assert main([*argv, "--repetitions", "2", "-o", str(table), "--plot", str(figure)]) == 0
    out = capsys.readouterr().out
    assert "perceived utility" in out and "material" in out
    df = pd.read_csv(table)
    assert list(df["s"]) == [0.0, 1.0] and (df["fitness"] == "perceived utility (politics)").all()
    # three runs give wide intervals; they stay within what a share and a welfare can be
    assert (df["cooperation_low"] >= 0).all() and (df["cooperation_high"] <= 1).all(), df
    assert (df["welfare_low"] >= 1).all() and (df["welfare_high"] <= 3).all(), df
    assert figure.stat().st_size > 0
