"""The politicization demo: adaptive actors feel the accelerator and the brake; cooperation rises, then falls."""

from __future__ import annotations

from pathlib import Path

from cooptourney.demos.result import DemoResult, Numbers, finish, wrap
from cooptourney.evolution import politicization as pz
from cooptourney.politics import Politicization


def politicization(quick: bool = False, seed: int = 0, out: str | Path | None = None) -> DemoResult:
    """Cooperation and world welfare of adaptive actors as the issue's politicization s rises:
    each force alone, both together (the interior optimum), and uneven politicization."""
    from cooptourney.output import politicization as figures

    levels = [0.0, 0.1, 0.3, 0.5, 1.0] if quick else [round(0.1 * i, 10) for i in range(11)]
    exp = pz.Experiment(runs=20 if quick else 40, generations=150 if quick else 200, seed=seed)
    pol = Politicization()
    table = pz.curve(levels, pol, exp)
    opt = pz.optimum(table, pol, exp)
    alone = pz.forces(pol, exp)
    spread = pz.uneven(0.2, 0.2, pol, exp)
    n = Numbers()

    def ci(key: str, row, measure: str, fmt: str = ".3f") -> str:
        return (
            f"{n(key, row[measure], fmt)} (95% interval {n(key + '_low', row[measure + '_low'], fmt)} to "
            f"{n(key + '_high', row[measure + '_high'], fmt)})"
        )

    def resolved(row, measure: str) -> int:
        """+1 / -1 when the interval excludes 0 on that side, else 0."""
        return 1 if row[f"{measure}_low"] > 0 else -1 if row[f"{measure}_high"] < 0 else 0

    paragraphs = [
        f"""Politicization with adaptive actors: {exp.population} actors choose among {", ".join(exp.repertoire)}
        by Roth-Erev learning on their perceived utility (politics) for {exp.generations} generations,
        {exp.runs} runs per setting. Cooperation (share of C moves played) and world welfare (material payoff
        per actor and turn) are measured in material terms, never in what the actors perceive. The issue has
        threat severity theta {pol.theta:g}, relative-gains brake kappa {pol.kappa:g} and veto brake rho
        {pol.rho:g}; the accelerator saturates in s and the brake has a threshold at s =
        {exp.shapes.midpoint:g}."""
    ]
    for force, row in alone.iterrows():
        sign = resolved(row, "cooperation_change")
        what = {1: "raises", -1: "lowers", 0: "does not measurably change"}[sign]
        paragraphs.append(
            f"""The {force} alone {what} cooperation from s = 0 to s = 1: the change is
            {ci(f"{force}_change", row, "cooperation_change", "+.3f")}."""
        )
    c, w = opt.loc["cooperation"], opt.loc["welfare"]
    s_star = n("s_star", c["s_star"], ".1f")
    if c["interior"]:
        verdict = "So cooperation first rises and then falls: an interior optimum, the paradox of politicization."
    else:
        verdict = "These runs do not resolve an interior optimum: at least one of the two contrasts includes 0."
    paragraphs.append(
        f"""Both forces together: cooperation is highest at s* = {s_star}. On independent runs it rises from s =
        0 to s* by {ci("rise", c, "rise", "+.3f")} and falls from s* to s = 1 by {ci("fall", c, "fall")}.
        {verdict} World welfare rises by {ci("welfare_rise", w, "rise", "+.3f")} and falls by
        {ci("welfare_fall", w, "fall")}{"" if w["interior"] else " (not both resolved: no interior optimum shown)"}."""
    )
    d = spread.loc["uneven - even"]
    even, odd = spread.loc["even"], spread.loc["uneven"]
    sign = resolved(d, "alignment")
    what = {
        -1: "Uneven politicization makes alignment harder",
        1: "Here uneven politicization makes alignment easier",
        0: "These runs do not resolve a difference in alignment",
    }[sign]
    paragraphs.append(
        f"""Uneven politicization: two equal groups feel {even["felt"]} (even) or {odd["felt"]} (uneven), the
        same mean. A run aligns when it ends with cooperation of at least {spread.attrs["consensus"]:g}. Even:
        {n("align_even", even["alignment"], ".0%")} of runs align; uneven: {n("align_uneven", odd["alignment"], ".0%")};
        difference {ci("align_diff", d, "alignment", "+.2f")}. {what}. The shapes predict the direction: averaged over
        the two groups, a saturating accelerator gives less will and a threshold brake more braking than at
        the mean."""
    )
    paragraphs.append(
        """Ask: what happens to s* when the veto brake rho is weaker (cooptourney politicization --phase veto)?
        And when actors adapt on material payoffs instead (--fitness material)?"""
    )
    text = wrap("\n\n".join(paragraphs))
    settings = {
        "experiment": exp.as_dict(),
        "issue": pol.as_dict(),
        "s": levels,
        "fitness": exp.fitness_text,
        "intervals": "95% Student-t intervals over runs; contrasts paired run by run",
        "uneven": {
            "mean": 0.2,
            "spread": 0.2,
            "consensus": spread.attrs["consensus"],
            "felt": list(spread["felt"]),
        },
    }
    return finish(
        "politicization",
        "politicization: accelerator and brake with adaptive actors",
        text,
        n,
        out,
        tables={
            "cooperation and welfare by s": table,
            "interior optimum (independent runs)": opt.reset_index(),
            "each force alone, s = 0 to 1": alone.reset_index(),
            "even and uneven politicization": spread.reset_index(),
        },
        figures={"curve": figures.curve_plot(table, opt), "uneven": figures.uneven_plot(spread)},
        settings=settings,
        data={"table": table, "optimum": opt, "forces": alone, "uneven": spread},
    )
