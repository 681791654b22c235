"""Play a reproduction and judge every published value by its criterion.

:func:`run_reproduction` plays each tournament of a :class:`~cooptourney.reproduce.catalogue.Reproduction`
at a fraction of the published repetitions, in batches of repetitions (each its own
tournament with a seed derived from the run's seed and the batch's position, so the
numbers are the same for any thread count), and returns a :class:`ReproductionResult`:
the published and measured values side by side, 95% confidence intervals, a verdict per
value and the time it took.

Repetitions of a round robin are independent, so a player's per-repetition score per
turn is an i.i.d. sample: its mean gets a Student-t interval (Student 1908).
"""

from __future__ import annotations

import hashlib
import itertools
import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cooptourney.registry import REGISTRY, UnknownStrategyError
from cooptourney.reproduce.catalogue import Claim, Reproduction, ReproductionError, Setting

__all__ = [
    "MAX_MATCHES_PER_BATCH",
    "Field",
    "ReproductionResult",
    "check_scale",
    "derive_seed",
    "resolve_field",
    "run_reproduction",
]

#: Matches per tournament a reproduction plays at once: its repetitions are split into
#: batches of at most this many matches (about 130 MB of results each).
MAX_MATCHES_PER_BATCH = 200_000
#: Verdicts.
AGREE, DISAGREE, INCONCLUSIVE, NOT_RUN = "agree", "disagree", "inconclusive", "not run"


@dataclass(frozen=True)
class Field:
    """The players a reproduction can field: registered names, their labels, what is missing."""

    players: tuple[str, ...]
    labels: dict[str, str]  # registered name -> published name
    missing: tuple[str, ...]
    notes: tuple[str, ...] = ()
    codes: dict[str, str] = field(default_factory=dict)  # published code -> registered name


def _registered(name: str) -> bool:
    from cooptourney.players import as_player

    try:
        as_player(name)
    except (UnknownStrategyError, ValueError):
        return False
    return True


def resolve_field(rep: Reproduction) -> Field:
    """The registered strategies that play ``rep``'s field, and the published entries missing."""
    players: list[str] = []
    labels: dict[str, str] = {}
    missing: list[str] = []
    notes: list[str] = []
    codes: dict[str, str] = {}
    if rep.family:
        family = sorted(
            (s for s in REGISTRY.all() if s.module.rsplit(".", 1)[-1].startswith(rep.family) and not s.hidden),
            key=lambda s: s.name,
        )
        for s in family:
            players.append(s.name)
            labels[s.name] = s.name
        for code in rep.codes:
            hit = [s.name for s in family if code.lower() in (s.name + " " + " ".join(s.aliases)).lower()]
            if hit:
                codes[code] = hit[0]
        if rep.family_size:
            absent = max(0, rep.family_size - len(family))
            if absent:
                named = [f"{c} ({who})" for c, who in rep.codes.items() if c not in codes]
                missing.append(
                    f"{absent} of the {rep.family_size} rules of module {rep.family}*"
                    + (f", among them {', '.join(named)}" if named else "")
                )
        reads_length = [s.name for s in family if s.uses_length]
        if reads_length:
            notes.append("rules that read the match length: " + ", ".join(reads_length))
    for published, ours in rep.field or ():
        if ours is None or not _registered(ours):
            missing.append(published)
        elif ours not in labels:
            players.append(ours)
            labels[ours] = published
    return Field(tuple(players), labels, tuple(missing), tuple(notes), codes)


def check_scale(scale: Any) -> float:
    """A scale is a number in (0, 1]: the fraction of the published repetitions to play."""
    try:
        value = float(scale)
    except (TypeError, ValueError):
        raise ReproductionError(f"--scale must be a number in (0, 1], got {scale!r}") from None
    if not (math.isfinite(value) and 0.0 < value <= 1.0):
        raise ReproductionError(f"--scale must be a number in (0, 1], got {scale!r}")
    return value


def derive_seed(*parts: Any) -> int:
    """A 63-bit seed derived from ``parts`` (their text, hashed): the same parts, the same seed."""
    text = "\x1f".join(str(p) for p in parts)
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8, person=b"cooptourney-rep").digest(), "big") >> 1


def _t95(n: int) -> float:
    from scipy import stats

    return float(stats.t.ppf(0.975, n - 1)) if n > 1 else math.nan


@dataclass
class _Measured:
    """Per-player samples of one setting, pooled over its lengths."""

    names: list[str]
    scores: np.ndarray  # float64[n, reps]: score per turn in each repetition
    wins: np.ndarray  # float64[n, reps]
    cooperation: float
    turns_simulated: int = 0
    turns_accounted: int = 0
    matches: int = 0


def _play_batches(setting: Setting, players: list[str], length: int, reps: int, seed: int, progress: bool):
    """Per-repetition scores, wins and the cooperation rate of one length, in batches.

    Each batch is a tournament of its own, with a seed derived from its position
    (:func:`derive_seed`). With more than one numba thread two batches are in play at
    once: while one batch's results are summed (work that holds Python's lock), the
    next one's kernel keeps the other cores busy. The numbers are the same either way.
    """
    from concurrent.futures import ThreadPoolExecutor

    import numba

    from cooptourney.players import as_player
    from cooptourney.progress import ProgressBar

    counts = dict(setting.counts)
    names = [p for p in players for _ in range(counts.get(p, 1))]
    parsed = [as_player(p) for p in (names if setting.group else players)]  # parsed once, not per batch
    n = len(names)
    per_rep = n * (n + 1) // 2
    batch = max(1, MAX_MATCHES_PER_BATCH // per_rep)
    n_batches = -(-reps // batch)
    threads = numba.get_num_threads()

    def play(b: int):
        numba.set_num_threads(threads)  # numba's setting is per thread; this one's is the caller's
        r = min(batch, reps - b * batch)
        return r, _play_batch(setting, parsed, length, r, derive_seed(seed, setting.key, length, b))

    scores, wins, coop, simulated, accounted = [], [], 0.0, 0, 0
    with ProgressBar(per_rep * reps, "match", progress) as bar, ThreadPoolExecutor(2 if threads > 1 else 1) as pool:
        first = play(0)  # alone: it loads the strategies and compiles what is not cached
        for r, (_, s, w, c, sim, acc) in itertools.chain([first], pool.map(play, range(1, n_batches))):
            scores.append(s)
            wins.append(w)
            coop += c * r
            simulated += sim
            accounted += acc
            bar.update(per_rep * r)
    _, (played, *_) = first
    return (
        played,
        np.concatenate(scores, axis=1),
        np.concatenate(wins, axis=1),
        coop / reps,
        simulated,
        accounted,
    )


def _play_batch(setting: Setting, players: list, length: int, reps: int, seed: int):
    """One batch of :func:`_play_batches`: the players' names, their normalised scores
    and wins, the mean cooperation rate, and the turns simulated and accounted for."""
    from cooptourney.multilateral import MultilateralTournament
    from cooptourney.tournament import Tournament

    if setting.group:
        t = MultilateralTournament(players, turns=length, noise=setting.noise, repetitions=reps, seed=seed)
        res = t.play().results
        simulated = accounted = int(np.triu(res.turns_matrix.sum(axis=2)).sum())  # each pair once
    else:
        t = Tournament(players, turns=length, noise=setting.noise, repetitions=reps, seed=seed)
        res = t.standings()  # the per-player arrays, no [n, n, reps] matrices
        simulated, accounted = t.turns_simulated, t.turns_accounted
    s = res.normalised_scores_with_self_play if setting.self_play else res.normalised_scores
    return res.players, s, res.wins.astype(np.float64), float(np.mean(res.cooperation_rate)), simulated, accounted


def _measure(setting: Setting, players: list[str], reps: int, seed: int, progress: bool) -> _Measured:
    total = float(sum(setting.lengths))
    pooled = None
    for length in setting.lengths:
        names, s, w, c, sim, acc = _play_batches(setting, players, length, reps, seed, progress)
        weight = length / total  # per-turn scores of several lengths pool by their turns
        if pooled is None:
            pooled = _Measured(list(names), s * weight, w, c * weight, sim, acc)
        else:
            pooled.scores += s * weight
            pooled.wins += w
            pooled.cooperation += c * weight
            pooled.turns_simulated += sim
            pooled.turns_accounted += acc
    if setting.counts:  # several copies of a strategy: one sample per repetition, their mean
        unique = list(dict.fromkeys(pooled.names))
        idx = [[k for k, nm in enumerate(pooled.names) if nm == u] for u in unique]
        pooled.scores = np.stack([pooled.scores[i].mean(axis=0) for i in idx])
        pooled.wins = np.stack([pooled.wins[i].mean(axis=0) for i in idx])
        pooled.names = unique
    return pooled


def _standings(m: _Measured, labels: dict[str, str]) -> pd.DataFrame:
    n_reps = m.scores.shape[1]
    mean = m.scores.mean(axis=1)
    sd = m.scores.std(axis=1, ddof=1) if n_reps > 1 else np.full(len(mean), np.nan)
    half = _t95(n_reps) * sd / math.sqrt(n_reps)
    df = pd.DataFrame(
        {
            "player": m.names,
            "published name": [labels.get(p, p) for p in m.names],
            "score per turn": mean,
            "sd": sd,
            "ci low": mean - half,
            "ci high": mean + half,
            "wins": m.wins.mean(axis=1),
        }
    )
    df = df.sort_values("score per turn", ascending=False, kind="stable").reset_index(drop=True)
    df.insert(0, "rank", np.arange(1, len(df) + 1))
    df["wins rank"] = df["wins"].rank(ascending=False, method="min").astype(int)
    return df


@dataclass
class ClaimResult:
    """One published value beside ours, with the verdict of its criterion."""

    claim: Claim
    player: str  # the registered name the claim is about
    measured: float
    low: float
    high: float
    verdict: str
    note: str = ""


def _judge_match(claim: Claim, who: str, other: str | None, length: int) -> ClaimResult:
    """A ``match`` claim: one match of ``length`` moves between two deterministic strategies."""
    from cooptourney.match import Match
    from cooptourney.players import as_player

    nan = math.nan
    if who not in REGISTRY or other is None or other not in REGISTRY:
        return ClaimResult(claim, who, nan, nan, nan, NOT_RUN, "not in the library")
    if as_player(who).spec.stochastic or as_player(other).spec.stochastic:
        raise ReproductionError(f"{claim.what}: a match claim needs two deterministic strategies")
    total = Match([who, other], turns=length).scores()[0]
    lo, hi = claim.rounding
    return ClaimResult(claim, who, total, nan, nan, AGREE if lo <= total <= hi else DISAGREE)


def _judge(
    claim: Claim, who: str | None, other: str | None, m: _Measured, table: pd.DataFrame, length: int = 0
) -> ClaimResult:
    nan = math.nan
    if claim.kind == "cooperation":
        ok = abs(m.cooperation - claim.published) <= claim.within
        return ClaimResult(claim, "", m.cooperation, nan, nan, AGREE if ok else DISAGREE)
    if claim.kind == "match" and who is not None:  # a match of its own, in the field or not
        return _judge_match(claim, who, other, length)
    if who is None or who not in m.names:
        return ClaimResult(claim, who or claim.player, nan, nan, nan, NOT_RUN, "not in the library's field")
    row = table[table.player == who].iloc[0]
    if claim.kind == "score":
        # a printed value stands for its rounding interval: agree when it meets our CI
        lo, hi = claim.rounding
        ok = row["ci low"] <= hi and lo <= row["ci high"]
        return ClaimResult(claim, who, row["score per turn"], row["ci low"], row["ci high"], AGREE if ok else DISAGREE)
    if claim.kind in ("rank", "wins_rank"):
        rank = row["rank"] if claim.kind == "rank" else row["wins rank"]
        ok = abs(rank - claim.published) <= claim.within
        return ClaimResult(claim, who, float(rank), nan, nan, AGREE if ok else DISAGREE)
    # order: the mean of the paired per-repetition differences
    if other is None or other not in m.names:
        return ClaimResult(claim, who, nan, nan, nan, NOT_RUN, f"{claim.other} not in the library's field")
    d = m.scores[m.names.index(who)] - m.scores[m.names.index(other)]
    half = _t95(len(d)) * d.std(ddof=1) / math.sqrt(len(d)) if len(d) > 1 else nan
    lo, hi = d.mean() - half, d.mean() + half
    verdict = AGREE if lo > 0 else DISAGREE if hi < 0 else INCONCLUSIVE
    return ClaimResult(claim, who, float(d.mean()), lo, hi, verdict)


@dataclass
class ReproductionResult:
    """What :func:`run_reproduction` measured."""

    reproduction: Reproduction
    field: Field
    scale: float
    seed: int
    repetitions: dict[str, int]
    claims: list[ClaimResult]
    standings: dict[str, pd.DataFrame]
    elapsed: float
    turns_simulated: int
    turns_accounted: int
    extra: dict[str, Any] = field(default_factory=dict)
    unit: str = "repetitions"  # what ``repetitions`` counts (a sweep design counts tournaments)

    def claims_table(self) -> pd.DataFrame:
        """One row per published value: published, measured, 95% CI, criterion, verdict."""
        rows = []
        for c in self.claims:
            rows.append(
                {
                    "published value": c.claim.what,
                    "published": c.claim.published,
                    "measured": c.measured,
                    "95% CI": "" if math.isnan(c.low) else f"[{c.low:.4f}, {c.high:.4f}]",
                    "criterion (fixed before the run)": c.claim.criterion,
                    "verdict": c.verdict + (f" ({c.note})" if c.note else ""),
                }
            )
        return pd.DataFrame(rows)

    @property
    def verdicts(self) -> dict[str, str]:
        """Claim description -> verdict."""
        return {c.claim.what: c.verdict for c in self.claims}

    def text(self) -> str:
        """Published and measured side by side, for the terminal."""
        from cooptourney.output.tables import format_table

        rep = self.reproduction
        df = self.claims_table()
        rows = [
            [
                r["published value"],
                f"{r['published']:g}",
                "n/a" if math.isnan(r["measured"]) else f"{r['measured']:.4g}",
                r["95% CI"],
                r["criterion (fixed before the run)"],
                r["verdict"],
            ]
            for _, r in df.iterrows()
        ]
        reps = ", ".join(f"{k} {v:,}" for k, v in self.repetitions.items())
        lines = [
            f"{rep.title}",
            f"{rep.citation}",
            f"Field: {len(self.field.players)} strategies; missing: {', '.join(self.field.missing) or 'none'}.",
            *(f"Note: {n}." for n in self.field.notes),
            f"Scale {self.scale:g}: {self.unit} {reps}; seed {self.seed}.",
            "",
        ]
        if rows:
            lines += [
                format_table(["Published value", "Published", "Measured", "95% CI", "Criterion", "Verdict"], rows)
            ]
        if not rows or self.unit != "repetitions":  # nothing published to judge, or a design's summary: our table
            key, table = next(iter(self.standings.items()))
            lines += ([""] if rows else []) + [f"{key}:", table.to_string(index=False)]
        lines += [
            "",
            f"Runtime here: {self.elapsed:.2f} s; turns simulated {self.turns_simulated:,} of "
            f"{self.turns_accounted:,} accounted for (identical matches are played once).",
        ]
        if rep.notes:
            lines += ["", rep.notes]
        return "\n".join(lines)

    def report(self, path: str | Path) -> Path:
        """Write the self-contained HTML report (:func:`cooptourney.output.report.html_report`)."""
        from cooptourney.output.report import Section, html_report

        rep = self.reproduction
        sections = [
            Section(
                "Source and field",
                text=f"{rep.citation}.\n\n{rep.summary}.\n\n{rep.notes}\n\n"
                f"Field: {len(self.field.players)} strategies. Missing from this library: "
                f"{', '.join(self.field.missing) or 'none'}." + "".join(f"\n\nNote: {n}." for n in self.field.notes),
            ),
            Section(
                "Published and measured",
                tables=[(self.claims_table(), "verdicts by the criteria fixed before the run")],
            ),
            Section(
                "Standings",
                tables=[
                    (df, key if self.unit != "repetitions" else f"{key}: mean score per turn with 95% CI")
                    for key, df in self.standings.items()
                ],
            ),
            Section(
                "Work",
                text=f"Runtime {self.elapsed:.2f} s; turns simulated {self.turns_simulated:,}; turns accounted "
                f"for {self.turns_accounted:,}.",
            ),
        ]
        settings = {
            "reproduction": rep.name,
            "scale": self.scale,
            "seed": self.seed,
            "repetitions": self.repetitions,
            "settings": [s.__dict__ for s in rep.settings],
            **self.extra,
        }
        return html_report(f"cooptourney reproduce: {rep.title}", sections, settings, path)


def run_reproduction(
    rep: Reproduction, scale: float = 1.0, seed: int = 0, progress: bool = False
) -> ReproductionResult:
    """Play ``rep`` at ``scale`` times its published repetitions (at least 2) and judge its claims.

    Parameters
    ----------
    rep : Reproduction
    scale : float
        In (0, 1]: the fraction of the published repetitions to play.
    seed : int
        Every batch's seed derives from it; the same seed and scale give the same bits.
    progress : bool
        Show a progress bar for each tournament and length (on stderr, after a second).
    """
    if rep.name == "glynatsi-2024":
        from cooptourney.reproduce.glynatsi import run_glynatsi

        return run_glynatsi(scale=scale, seed=seed, progress=progress)
    scale = check_scale(scale)
    fld = resolve_field(rep)
    if len(fld.players) < 2:
        raise ReproductionError(
            f"{rep.name}: the library has {len(fld.players)} of its field's strategies, too few to play "
            f"(missing: {', '.join(fld.missing)})"
        )
    started = time.perf_counter()
    measured: dict[str, _Measured] = {}
    tables: dict[str, pd.DataFrame] = {}
    reps: dict[str, int] = {}
    for setting in rep.settings:
        reps[setting.key] = max(2, round(setting.repetitions * scale))
        measured[setting.key] = _measure(
            setting, list(fld.players), reps[setting.key], derive_seed(seed, rep.name), progress
        )
        tables[setting.key] = _standings(measured[setting.key], fld.labels)
    results = []
    for claim in rep.claims:
        who = fld.codes.get(claim.player, claim.player if not rep.codes else None)
        if claim.kind == "cooperation":
            who = ""
        other = claim.other
        length = next(st.lengths[0] for st in rep.settings if st.key == claim.setting)
        results.append(_judge(claim, who, other, measured[claim.setting], tables[claim.setting], length))
    return ReproductionResult(
        reproduction=rep,
        field=fld,
        scale=scale,
        seed=seed,
        repetitions=reps,
        claims=results,
        standings=tables,
        elapsed=time.perf_counter() - started,
        turns_simulated=sum(m.turns_simulated for m in measured.values()),
        turns_accounted=sum(m.turns_accounted for m in measured.values()),
    )
