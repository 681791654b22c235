"""The reciprocity battery (src/cooptourney/reciprocity/, docs/reference/reciprocity.md).

Known values are derived by hand from each strategy's rule against the scripted
partners (offence on turn ``k``; game 3, 0, 5, 1, so one exploitation is T - S = 5):

* Tit For Tat copies the partner's last move: it answers the offence on turn k + 1
  (immediacy 1), returns one defection per defection (proportionality 1), lets no
  imbalance stand (tolerance 0), stops one turn after amends begin (it still copies the
  last defection: horizon 1), and after one flip against its copy the two alternate
  CD/DC for the rest of the match (echo = turns - k - 1).
* Grudger defects forever after the first defection: the amends partner is never
  forgiven (horizon inf).
* Cooperator never retaliates: no immediacy (NaN), proportionality 0, and no partner
  changes its moves (unconditional).
* Tit For 2 Tats answers only a second consecutive defection: against the run partner
  it lets one exploitation (5) stand and answers on turn k + 2.
* The strict Ledger (credit 0) answers a debt at once; Diffuse Ledger (credit 5, fading
  0.9) lets one exploitation stand: tolerance 5, immediacy 2.
* Generous Tit For Tat forgives a defection with probability 1/3 (at 3, 0, 5, 1): the
  echo of one flip ends (it lasts 49 turns with probability < (2/3)^48).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from cooptourney.cli import main
from cooptourney.game import Game
from cooptourney.reciprocity import EXPLOITERS, BatterySettings, group_dependence, run_battery
from cooptourney.reciprocity.continuum import positions
from cooptourney.reciprocity.partners import script
from cooptourney.registry import REGISTRY
from cooptourney.settings import SettingsError

NAMES = [
    "Tit For Tat",
    "Grudger",
    "Cooperator",
    "Tit For 2 Tats",
    "Ledger",
    "Diffuse Ledger",
    "Generous Tit For Tat",
    "Defector",
]
SETTINGS = BatterySettings(repetitions=20, seed=3)
ECHO_FOREVER = SETTINGS.turns - SETTINGS.offence - 1


@pytest.fixture(scope="module")
def battery():
    res = run_battery(NAMES, SETTINGS)
    return res, {n: k for k, n in enumerate(res.names)}


def _value(battery, name, measure):
    res, idx = battery
    return res.mean(measure)[idx[name]]


def test_scripts_are_what_the_docs_say():
    k = SETTINGS.offence
    assert script("single", SETTINGS).sum() == 1 and script("single", SETTINGS)[k] == 1
    run = script("run", SETTINGS)
    assert run[k : k + SETTINGS.run].all() and run.sum() == SETTINGS.run
    alt = script("alternator", SETTINGS)
    assert alt[:k].sum() == 0 and alt[k] == 1 and alt[k + 1] == 0 and alt[k + 2] == 1
    fr = script("free rider", SETTINGS)
    # gives a little less than it takes: one defection every `period` turns
    assert fr[k:].sum() == math.ceil((SETTINGS.turns - k) / SETTINGS.period)


def test_tit_for_tat(battery):
    assert _value(battery, "Tit For Tat", "immediacy") == 1
    assert _value(battery, "Tit For Tat", "proportionality") == 1
    assert _value(battery, "Tit For Tat", "tolerance") == 0
    assert _value(battery, "Tit For Tat", "forgiveness") == 1
    assert _value(battery, "Tit For Tat", "echo") == ECHO_FOREVER


def test_grudger_never_forgives(battery):
    assert math.isinf(_value(battery, "Grudger", "forgiveness"))
    # it answers the single defection with every remaining turn
    assert _value(battery, "Grudger", "proportionality") > 5


def test_cooperator_never_retaliates(battery):
    assert math.isnan(_value(battery, "Cooperator", "immediacy"))
    assert _value(battery, "Cooperator", "proportionality") == 0
    assert _value(battery, "Cooperator", "echo") == 0
    place = {p.name: p for p in positions(battery[0])}
    assert place["Cooperator"].measured == "unconditional"
    assert place["Defector"].measured == "unconditional"


def test_tit_for_two_tats_tolerates_one_defection(battery):
    res, idx = battery
    run = res.per_partner["tolerance"][idx["Tit For 2 Tats"], EXPLOITERS.index("run")]
    assert np.all(run == Game().T - Game().S)
    assert _value(battery, "Tit For 2 Tats", "immediacy") == 2
    assert _value(battery, "Tit For 2 Tats", "echo") == 0


def test_ledgers(battery):
    assert _value(battery, "Ledger", "tolerance") == 0
    assert _value(battery, "Ledger", "immediacy") == 1
    assert _value(battery, "Ledger", "proportionality") == 1
    assert _value(battery, "Diffuse Ledger", "tolerance") == 5
    assert _value(battery, "Diffuse Ledger", "immediacy") == 2


def test_generous_tit_for_tat_echo_ends(battery):
    res, idx = battery
    echoes = res.values["echo"][idx["Generous Tit For Tat"]]
    assert np.all(echoes < ECHO_FOREVER)
    # its mean with the interval excludes Tit For Tat's forever
    assert _value(battery, "Generous Tit For Tat", "echo") + res.interval("echo")[idx["Generous Tit For Tat"]] < 10


def test_ends_of_the_continuum(battery):
    place = {p.name: p for p in positions(battery[0])}
    assert place["Tit For Tat"].position == 0 and place["Tit For Tat"].measured == "specific"
    assert place["Ledger"].measured == "specific"
    for diffuse in ("Diffuse Ledger", "Generous Tit For Tat"):
        assert place[diffuse].measured == "diffuse"
        assert place[diffuse].position > place["Ledger"].position > -1e-12
    assert place["Grudger"].measured == "negative" and place["Grudger"].position < 0


def test_group_dependence():
    # a pairwise rule reads only its own match: the other members cannot move it
    small = BatterySettings(repetitions=2, seed=1)
    assert np.all(group_dependence("Tit For Tat", small) == 0)
    # Unconditional MFN defects on everybody once the group withholds from it
    assert np.all(group_dependence("Unconditional MFN", small) > 0.5)
    # Image Scorer withholds from a partner whose image falls because it defects on the others
    assert np.all(group_dependence("Image Scorer", small) > 0.5)


def test_reproducible():
    a = run_battery(["Generous Tit For Tat", "Tit For Tat"], BatterySettings(repetitions=5, seed=9))
    b = run_battery(["Generous Tit For Tat", "Tit For Tat"], BatterySettings(repetitions=5, seed=9))
    for m in a.values:
        np.testing.assert_array_equal(a.values[m], b.values[m])


def _cliffs_delta(a, b):
    """P(b > a) - P(b < a) over all pairs (Cliff 1993)."""
    a, b = np.asarray(a), np.asarray(b)
    return float((b[:, None] > a[None, :]).mean() - (b[:, None] < a[None, :]).mean())


def test_families_separate_on_the_measured_axis():
    """Every responsive strategy tagged specific or diffuse: the diffuse ones sit higher on
    the measured continuum, as an effect (Cliff's delta) whose bootstrap 95% lower bound is
    clearly above 0 (no separation)."""
    names = [s.name for s in REGISTRY.filter(reciprocity=["specific", "diffuse"]) if not s.group]
    places = [p for p in positions(run_battery(names, BatterySettings(repetitions=5))) if p.measured != "unconditional"]
    spec = np.array([p.diffuseness for p in places if p.tag == "specific"])
    diff = np.array([p.diffuseness for p in places if p.tag == "diffuse"])
    rng = np.random.default_rng(0)
    boot = [_cliffs_delta(rng.choice(spec, spec.size), rng.choice(diff, diff.size)) for _ in range(400)]
    assert np.percentile(boot, 2.5) > 0.4


# -- the command ------------------------------------------------------------------------------
def test_cli_prints_the_table(capsys, tmp_path):
    plot = tmp_path / "map.png"
    code = main(["reciprocity", "Tit For Tat", "Diffuse Ledger", "--repetitions", "3", "--plot", str(plot)])
    out = capsys.readouterr().out
    assert code == 0
    assert "Tolerance" in out and "Immediacy" in out and "Echo" in out
    row = next(line for line in out.splitlines() if line.startswith("Tit For Tat"))
    assert "specific" in row and "+0.000" in row
    assert plot.stat().st_size > 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["reciprocity", "No Such Strategy"], "No Such Strategy"),
        (["reciprocity", "Tit For Tat", "--repetitions", "0"], "repetitions"),
        (["reciprocity", "Tit For Tat", "--plot", "map.txt"], "--plot writes a PNG"),
        (["reciprocity", "Tit For Tat", "--sort", "colour"], "--sort must be one of"),
        (["reciprocity", "Tit For Tat", "--seed", "-1"], "seed"),
    ],
)
def test_cli_bad_input(capsys, argv, message):
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("cooptourney: error:") and message in err and err.count("\n") == 1


def test_settings_are_checked():
    with pytest.raises(SettingsError, match="turns"):
        BatterySettings(turns=15)
    with pytest.raises(SettingsError, match="noise"):
        BatterySettings(noise=1.5)
