"""The specific-vs-diffuse demo: the two reciprocity families on the measured axes.

Every strategy of the teaching field plays the reciprocity battery
(:mod:`cooptourney.reciprocity`): scripted partners that defect once, six times, every
other turn, every fifth turn, make amends, or defect by accident, and a copy of itself
after one flipped move. The families are compared measure by measure with Cliff's delta
and its bootstrap interval (:func:`cooptourney.reciprocity.effects.family_separation`),
and every sentence of the narrative is chosen by that interval: a contrast is stated only
when the interval excludes 0; otherwise the text says that this run does not show it.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd

from cooptourney.demos.result import GTFT, TFT, DemoResult, Numbers, finish, wrap
from cooptourney.reciprocity import BatterySettings, run_battery
from cooptourney.reciprocity.continuum import DIFFUSE_CUT, positions
from cooptourney.reciprocity.effects import position_intervals, separation
from cooptourney.registry import REGISTRY

#: The players of the specific-vs-diffuse demo: the reciprocity families of the model,
#: named one by one and split by their registry tag (strategies whose measured position
#: contradicted their tag were re-tagged; docs/reference/reciprocity.md lists them). The
#: ports of whole tournaments (Axelrod's first and second), the trained table-driven
#: players and the group strategies of multilateral mode are left out, so the demo stays
#: readable and under a minute as the library grows.
TEACHING_PLAYERS = (
    "Hard Go By Majority", "Hard Go By Majority 5", "Hard Go By Majority 10", "Hard Go By Majority 20",
    "Hard Go By Majority 40", "Gradual", "Original Gradual", "Grudger", "Ledger", "Tit For Tat",
    "Suspicious Tit For Tat", "Tit For 2 Tats", "Two Tits For Tat", "Stochastic WSLS", "Fool Me Once",
    "Punisher", "Contrite Tit For Tat (standing)", "Hard Tit For Tat", "Hard Tit For 2 Tats",
    "Contrite Tit For Tat", "Omega TFT", "Spiteful Tit For Tat", "Adaptive Tit For Tat",
    "Forgiver", "Forgiving Tit For Tat", "Go By Majority", "Go By Majority 5", "Go By Majority 10",
    "Go By Majority 20", "Go By Majority 40", "Grumpy", "Diffuse Ledger", "Gears", "Firm But Fair",
    "Stochastic Cooperator", "Soft Joss", "Level Punisher", GTFT,
)  # fmt: skip
#: The named ends of the continuum (docs/model.md, "What the model shows").
SPECIFIC_END = (TFT, "Ledger")
DIFFUSE_END = ("Diffuse Ledger", GTFT)
#: The small field of ``--quick``: the named ends and a few of each family.
QUICK_PLAYERS = (
    TFT, "Ledger", "Grudger", "Two Tits For Tat", "Hard Tit For Tat", "Adaptive Tit For Tat",
    "Diffuse Ledger", GTFT, "Tit For 2 Tats", "Forgiving Tit For Tat", "Gears", "Hard Tit For 2 Tats",
)  # fmt: skip

#: The measured axes: (measure, plain words when the diffuse family is higher, when it is
#: lower, the unit shown with the medians). ``immediacy``: never answering counts as the
#: slowest answer.
AXES = (
    ("tolerance", "lets a larger imbalance stand before it answers", "lets a smaller imbalance stand", "payoff units"),
    ("immediacy", "answers later", "answers sooner", "turns"),
    ("proportionality", "answers with more than the harm", "answers with less than the harm", "answers per defection"),
    ("forgiveness", "takes longer to forgive amends", "forgives amends sooner", "turns"),
    ("echo", "stays longer in a feud after one accident", "gets out of a feud after one accident sooner", "turns"),
)


def _family_values(result, places, measure: str, family: str) -> np.ndarray:
    """Each responsive member's mean ``measure`` (immediacy: never = inf; undefined left out)."""
    means = result.mean(measure)
    if measure == "immediacy":
        means = np.where(np.isnan(means), np.inf, means)
    vals = np.array([means[k] for k, p in enumerate(places) if p.tag == family and p.measured != "unconditional"])
    return vals[~np.isnan(vals)]


def _median(values: np.ndarray) -> float:
    return float(np.median(values)) if values.size else math.nan


def specific_vs_diffuse(quick: bool = False, seed: int = 0, out: str | Path | None = None) -> DemoResult:
    """The specific and diffuse families (by registry tag) on the battery's measured axes,
    each contrast stated with Cliff's delta and its bootstrap 95% interval."""
    from cooptourney.output import plots

    names = list(QUICK_PLAYERS if quick else TEACHING_PLAYERS)
    tags = {name: REGISTRY.get(name).reciprocity for name in names}
    names = [name for name in names if tags[name] in ("specific", "diffuse")]
    reps, resamples = (5, 300) if quick else (20, 1000)
    settings_ = BatterySettings(repetitions=reps, seed=seed)
    result = run_battery(names, settings_)
    places = positions(result)
    n = Numbers()
    rows, sentences = [], []
    # the overall position first: the summary of the five axes and the noise answer
    diffuseness = {
        fam: np.array([p.diffuseness for p in places if p.tag == fam and p.measured != "unconditional"])
        for fam in ("specific", "diffuse")
    }
    overall = separation(diffuseness["specific"], diffuseness["diffuse"], resamples, seed)
    n_spec, n_diff = overall.n
    for measure, higher, lower, unit in AXES:
        spec = _family_values(result, places, measure, "specific")
        diff = _family_values(result, places, measure, "diffuse")
        eff = separation(spec, diff, resamples, seed)
        med_s, med_d = _median(spec), _median(diff)
        rows.append(
            {
                "measure": measure,
                "specific median": med_s,
                "diffuse median": med_d,
                "specific n": spec.size,
                "diffuse n": diff.size,
                "Cliff's delta (diffuse > specific)": eff.value,
                "95% low": eff.low,
                "95% high": eff.high,
            }
        )
        delta = n.interval(f"{measure}_delta", eff.value, eff.low, eff.high, "+.2f")
        medians = f"median {n(f'{measure}_diff_median', med_d, '.1f')} against {n(f'{measure}_spec_median', med_s, '.1f')} {unit}"
        if eff.sign > 0:
            sentences.append(f"- The diffuse family {higher} ({measure}): {medians}; Cliff's delta {delta}.")
        elif eff.sign < 0:
            sentences.append(f"- The diffuse family {lower} ({measure}): {medians}; Cliff's delta {delta}.")
        else:
            sentences.append(
                f"- This run does not show the families apart on {measure} ({medians}; Cliff's delta {delta}, "
                "an interval that includes 0)."
            )
    table = pd.DataFrame(rows)
    # the named ends, each with its bootstrap interval over the repetitions
    ends = position_intervals(result, resamples=200 if quick else 500, seed=seed)
    end_text = []
    for name in SPECIFIC_END + DIFFUSE_END:
        if name not in ends:
            continue
        e = ends[name]
        key = name.lower().replace(" ", "_")
        where = (
            "at the specific end"
            if e.high < DIFFUSE_CUT
            else "towards the diffuse end"
            if e.low >= DIFFUSE_CUT
            else "on the cut between the two, so this run does not place it"
        )
        end_text.append(f"{name} {n.interval(key + '_position', e.value, e.low, e.high, '.2f')} is {where}")
    overall_delta = n.interval("diffuseness_delta", overall.value, overall.low, overall.high, "+.2f")
    if overall.sign > 0:
        verdict = (
            f"On the position that sums these up (diffuseness, 0 = specific, 1 = diffuse) the diffuse family "
            f"sits higher: Cliff's delta {overall_delta} (1 would mean every diffuse strategy above every "
            "specific one)."
        )
    else:
        verdict = (
            f"On the position that sums these up (diffuseness) this run does not separate the families: "
            f"Cliff's delta {overall_delta} includes 0 or points the other way."
        )
    text = f"""
Specific vs diffuse reciprocity, measured. {n_spec} strategies tagged specific and {n_diff} tagged diffuse
(responsive ones) each play scripted partners: one defection, a run of six, an alternating exploiter, a
free rider, a partner making amends, a partner who defects by accident, and a copy of itself after
one flipped move ({settings_.turns} turns, {reps} repetitions, seed {seed}). For each measure,
Cliff's delta says how often a diffuse strategy lies above a specific one minus how often below
(0 = no difference), with a bootstrap 95% interval over the strategies.

{chr(10).join(sentences)}

{verdict} On that axis {"; ".join(end_text)} (the cut between the families is {DIFFUSE_CUT:g}).

Ask: the diffuse family lets imbalances stand and escapes echoes; which partner in the battery
takes advantage of that, and what would a secretariat that names free riders change?
(Keohane 1986: diffuse reciprocity rests on norms and a group.)
"""
    text = wrap(text)
    figs = {"axes": _axes_figure(result, places, table), "continuum": plots.reciprocity_map(places)}
    per_player = pd.DataFrame(
        {
            "strategy": [p.name for p in places],
            "tag": [p.tag for p in places],
            "measured": [p.measured for p in places],
            "position": [p.position for p in places],
            **{m: result.mean(m) for m, *_ in AXES},
        }
    )
    settings = {
        "interval": "95%",
        "diffuse_cut": DIFFUSE_CUT,
        "players": names,
        "turns": settings_.turns,
        "offence": settings_.offence,
        "repetitions": reps,
        "bootstrap_resamples": resamples,
        "seed": seed,
        "game": [3, 0, 5, 1],
    }
    return finish(
        "specific-vs-diffuse",
        "specific vs diffuse reciprocity",
        text,
        n,
        out,
        tables={"families on the measured axes": table, "battery measures per strategy": per_player},
        figures=figs,
        settings=settings,
        data={"battery": result, "positions": places, "separation": overall, "ends": ends},
    )


def _axes_figure(result, places, table: pd.DataFrame):
    """One panel per measured axis: every strategy as a dot, in its tag's colour, one row per family."""
    import matplotlib.pyplot as plt

    from cooptourney.output.plots import TAG_COLOURS

    fig, axes = plt.subplots(1, len(AXES), figsize=(12, 3.2))
    for ax, (measure, _, _, unit), (_, row) in zip(axes, AXES, table.iterrows()):
        for y, fam in enumerate(("specific", "diffuse")):
            vals = _family_values(result, places, measure, fam)
            finite = vals[np.isfinite(vals)]
            top = float(finite.max()) if finite.size else 1.0
            shown = np.where(np.isfinite(vals), vals, top * 1.15 + 1)  # never: drawn beyond the largest value
            jitter = (np.arange(vals.size) % 5 - 2) * 0.05
            ax.scatter(shown, y + jitter, s=14, color=TAG_COLOURS[fam], alpha=0.8, label=fam)
        ax.set_yticks([0, 1], ["specific", "diffuse"])
        ax.set_ylim(-0.5, 1.5)
        ax.set_xlabel(f"{measure} ({unit})")
        ax.set_title(
            f"delta {row['Cliff' + chr(39) + 's delta (diffuse > specific)']:+.2f}\n"
            f"[{row['95% low']:+.2f}, {row['95% high']:+.2f}]",
            fontsize=9,
        )
        ax.spines[["top", "right"]].set_visible(False)
    fig.suptitle("Specific vs diffuse reciprocity on the measured axes (Cliff's delta, bootstrap 95% interval)")
    fig.tight_layout()
    return fig
