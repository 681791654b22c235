"""Sweeps (cooptourney.sweeps, docs/howto/sweeps.md): spec, seeds, Dask runs, resume, verify, report.

The reference sweep is docs/examples/sweep.toml (8 tiny tournaments). Its tasks are
computed three ways (in this process, a 1-thread local cluster, a 2-process local
cluster) and must agree bit for bit; tests/test_kill.py kills and resumes a sweep.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from cooptourney.cli import main
from cooptourney.results import RENAMED_COLUMNS
from cooptourney.sweeps import (
    SweepError,
    derive_seed,
    load_results,
    load_spec,
    result_hash,
    run_sweep,
    run_task,
    summarise,
    task_id,
    verify,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "sweep.toml"
PLAYERS = 4  # in the example


def manifest_hashes(out: Path) -> dict[str, str]:
    return {t["id"]: t["sha256"] for t in json.loads((out / "manifest.json").read_text())["tasks"]}


@pytest.fixture(scope="module")
def spec():
    return load_spec(EXAMPLE)


@pytest.fixture(scope="module")
def direct(spec):
    """Every task computed in this process, no Dask: id -> result hash."""
    return {t.id: result_hash(run_task(t)) for t in spec.tasks}


@pytest.fixture(scope="module")
def threads_out(tmp_path_factory):
    """The example swept through the CLI on a local cluster of one thread worker."""
    out = tmp_path_factory.mktemp("sweep") / "out"
    code = main(
        [
            "sweep",
            str(EXAMPLE),
            "--out",
            str(out),
            "--threads",
            "--workers",
            "1",
            "--threads-per-worker",
            "1",
            "--numba-threads",
            "2",
            "--no-progress",
        ]
    )
    assert code == 0
    return out


def write_spec(path: Path, body: str, base: str | None = None) -> Path:
    base = (
        base
        if base is not None
        else ('[tournament]\nplayers = ["Tit For Tat", "Grudger"]\nturns = 20\nrepetitions = 1\n\n[sweep]\nseed = 1\n')
    )
    path.write_text(base + body)
    return path


# -- spec ----------------------------------------------------------------------------------------------
def test_example_spec_tasks(spec):
    assert len(spec.tasks) == 8
    assert list(spec.columns) == ["politics.s", "tournament.noise", "politics.profile.k", "sample"]
    assert len({t.id for t in spec.tasks}) == 8
    # grid first key outermost, then the random draws; draws are shared across grid points
    assert [(t.settings["politics.s"], t.settings["tournament.noise"], t.settings["sample"]) for t in spec.tasks] == [
        (0, 0, 0),
        (0, 0, 1),
        (0, 0.02, 0),
        (0, 0.02, 1),
        (0.5, 0, 0),
        (0.5, 0, 1),
        (0.5, 0.02, 0),
        (0.5, 0.02, 1),
    ]
    ks = [t.settings["politics.profile.k"] for t in spec.tasks]
    assert ks[0::2] == [ks[0]] * 4 and ks[1::2] == [ks[1]] * 4 and ks[0] != ks[1]
    assert all(-0.2 <= k < 0.6 for k in ks)
    for t in spec.tasks:
        assert t.seed == derive_seed(2024, t.settings) and t.id == task_id(t.settings)
    # the swept k goes into every profile, the rest of the base preset ("politician") stays
    tr = spec.tasks[1].tournament()
    profile = tr.transformer.profiles
    assert profile.k == ks[1] and profile.term == 50 and profile.memory == 0.0
    assert tr.transformer.politicization.s == 0 and tr.noise == 0 and tr.turns == 40 and tr.seed == spec.tasks[1].seed


def test_nested_and_quoted_paths_are_the_same_spec(tmp_path):
    quoted = load_spec(
        write_spec(tmp_path / "a.toml", '[sweep.grid]\n"politics.s" = [0, 0.5]\n"politics.profile.k" = [0.1]\n')
    )
    nested = load_spec(
        write_spec(tmp_path / "b.toml", "[sweep.grid]\npolitics.s = [0, 0.5]\npolitics.profile.k = [0.1]\n")
    )
    assert [t.id for t in quoted.tasks] == [t.id for t in nested.tasks]
    assert [t.seed for t in quoted.tasks] == [t.seed for t in nested.tasks]


@pytest.mark.parametrize(
    "body, message",
    [
        (
            '[sweep.grid]\n"politics.ss" = [0, 1]\n',
            "unknown setting path 'politics.ss' in [sweep.grid]; did you mean 'politics.s'?",
        ),
        ('[sweep.grid]\n"tournament.seed" = [1, 2]\n', "'tournament.seed' cannot be swept"),
        ('[sweep.grid]\n"politics.s" = [0, 2]\n', "[sweep.grid] 'politics.s' = 2: s (politicization) must be"),
        ('[sweep.grid]\n"politics.s" = 0.5\n', "'politics.s' must be a non-empty list"),
        ('[sweep.grid]\n"politics.s" = [0, 0.0]\n', "lists the value 0 twice"),
        ('[sweep.grid]\n"tournament.players" = ["TFT", "Grudger"]\n', "is a list of player lists"),
        (
            '[sweep.grid]\n"tournament.players" = [["TFT", "Grudgr"]]\n',
            "unknown strategy 'Grudgr'; did you mean 'Grudger'",
        ),
        ('[sweep.grid]\n"politics.profiles" = [["politician"]]\n', "profiles has 1 entries for 2 players"),
        ('[sweep.random]\nsamples = 2\n"politics.s" = { unifrom = [0, 1] }\n', "give one range: { uniform"),
        ('[sweep.random]\nsamples = 2\n"tournament.turns" = { uniform = [10, 20] }\n', "use { randint = [lo, hi] }"),
        ('[sweep.random]\nsamples = 2\n"politics.s" = { uniform = [0, 2] }\n', "range of 'politics.s' = 2"),
        ("[sweep.random]\nsamples = 2\n", "has samples but no setting to draw"),
        ('[sweep.random]\n"politics.s" = { uniform = [0, 1] }\n', "needs samples = N"),
        (
            '[sweep.grid]\n"politics.s" = [0]\n[sweep.random]\nsamples = 1\n"politics.s" = { uniform = [0, 1] }\n',
            "in both [sweep.grid] and [sweep.random]",
        ),
        ('[output]\nfile = "x.csv"\n', "[output] does not apply to a sweep"),
        ("[sweep.grd]\n", "unknown key 'grd' in [sweep]; did you mean 'grid'?"),
    ],
)
def test_spec_errors_name_the_setting(tmp_path, body, message):
    with pytest.raises(SweepError) as err:
        load_spec(write_spec(tmp_path / "s.toml", body))
    assert message in str(err.value)
    assert str(err.value).startswith(str(tmp_path / "s.toml"))


def test_unknown_path_lists_the_allowed_ones(tmp_path):
    with pytest.raises(SweepError) as err:
        load_spec(write_spec(tmp_path / "s.toml", '[sweep.grid]\n"tournament.nosie" = [0]\n'))
    text = str(err.value)
    assert "'tournament.nosie'" in text and "did you mean 'tournament.noise'" in text
    for allowed in ("tournament.players", "tournament.game", "politics.profile.k", "politics.theta"):
        assert allowed in text


@pytest.mark.parametrize(
    "base, message",
    [
        ("[tournament]\nseed = 3\n[sweep]\nseed = 1\n", "[tournament] seed does not apply to a sweep"),
        ("[tournament]\nturns = 3\n", "needs a [sweep] section"),
        ("[tournament]\nturns = 3\n[sweep]\n", "[sweep] needs seed"),
        ("[tournament]\nturns = 3\nnoise = 2\n[sweep]\nseed = 1\n", "noise must be a probability in [0, 1], got 2"),
        ("[tournament]\nturns = 3\n[sweep]\nseed = -1\n", "seed must be in [0, 2**64)"),
    ],
)
def test_base_and_sweep_section_errors(tmp_path, base, message):
    with pytest.raises(SweepError) as err:
        load_spec(write_spec(tmp_path / "s.toml", "", base=base))
    assert message in str(err.value)


def test_bad_spec_is_one_line_exit_2(tmp_path, capsys):
    spec = write_spec(tmp_path / "s.toml", '[sweep.grid]\n"politics.ss" = [0, 1]\n')
    assert main(["sweep", str(spec), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("cooptourney: error:") and "politics.ss" in err and "\n" not in err
    assert not (tmp_path / "o").exists()  # nothing is created for a bad spec
    assert (
        main(
            ["sweep", str(EXAMPLE), "--out", str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:1", "--workers", "2"]
        )
        == 2
    )
    assert "configure the local cluster" in capsys.readouterr().err


# -- seeds -----------------------------------------------------------------------------------------------
def test_seed_derivation_is_pinned_and_canonical():
    # Pinned: changing the derivation would silently change every published sweep's results.
    assert derive_seed(2024, {"politics.s": 0.5}) == 2413127604457640714
    assert task_id({"politics.s": 0.5}) == "b06d109eb92e3c46"
    assert derive_seed(2024, {"politics.s": 0.5, "tournament.noise": 0}) == derive_seed(
        2024, {"tournament.noise": 0.0, "politics.s": 0.5}
    )  # key order, 0 vs 0.0
    assert derive_seed(2024, {"politics.s": 0.5}) != derive_seed(2025, {"politics.s": 0.5})
    assert derive_seed(2024, {"politics.s": 0.5}) != derive_seed(2024, {"politics.s": 0.25})
    assert 0 <= derive_seed(0, {}) < 2**63


def test_adding_grid_values_and_samples_keeps_existing_tasks(tmp_path):
    small = load_spec(
        write_spec(
            tmp_path / "a.toml",
            '[sweep.grid]\n"politics.s" = [0, 1]\n"tournament.noise" = [0]\n'
            '[sweep.random]\nsamples = 2\n"politics.theta" = { uniform = [0, 4] }\n',
        )
    )
    big = load_spec(
        write_spec(
            tmp_path / "b.toml",
            '[sweep.grid]\n"politics.s" = [0, 0.5, 1.0]\n"tournament.noise" = [0, 0.01]\n'
            '[sweep.random]\nsamples = 3\n"politics.theta" = { uniform = [0, 4] }\n',
        )
    )
    assert small.hash != big.hash
    big_tasks = {t.id: t for t in big.tasks}
    assert len(small.tasks) == 4 and len(big.tasks) == 18
    for t in small.tasks:
        assert t.id in big_tasks
        assert big_tasks[t.id].seed == t.seed and big_tasks[t.id].settings == t.settings


# -- reproducibility ----------------------------------------------------------------------------------
def test_one_thread_worker_equals_direct_computation(spec, direct, threads_out):
    assert manifest_hashes(threads_out) == direct
    assert len(set(direct.values())) == len(direct)  # the tasks really differ


def test_process_cluster_equals_direct_computation(spec, direct, tmp_path):
    """A real LocalCluster of two worker processes, 1 numba thread per task."""
    run = run_sweep(
        spec, tmp_path / "out", workers=2, threads_per_worker=1, processes=True, numba_threads=1, progress=False
    )
    assert run.complete and run.computed == 8 and not run.failures
    assert "2 process workers" in run.cluster
    assert run.hashes == direct == manifest_hashes(tmp_path / "out")


def test_worker_with_other_engine_versions_refuses(spec):
    with pytest.raises(RuntimeError, match="numba"):
        run_task(spec.tasks[0], versions={"numba": "0.0.0"})


def test_result_hash_is_bit_exact(spec):
    res = run_task(spec.tasks[2])
    assert result_hash(res) == result_hash(res.copy())
    changed = res.copy()
    changed.loc[0, "score_per_turn_mean"] = np.nextafter(changed.loc[0, "score_per_turn_mean"], np.inf)  # one ulp
    assert result_hash(changed) != result_hash(res)
    # an unobserved metric is NaN; 0/0 gives a NaN with the sign bit set on x86, np.nan without
    positive, negative = res.copy(), res.copy()
    positive["forgiveness"] = np.full(len(res), np.nan)
    negative["forgiveness"] = np.full(len(res), np.copysign(np.nan, -1.0))
    assert (
        negative["forgiveness"].to_numpy().view(np.uint64)[0] != positive["forgiveness"].to_numpy().view(np.uint64)[0]
    )
    assert result_hash(negative) == result_hash(positive) != result_hash(res)


# -- storage ---------------------------------------------------------------------------------------------
def test_dataset_has_setting_columns_and_summaries(spec, threads_out):
    df = pd.read_parquet(threads_out / "tasks")
    assert len(df) == 8 * PLAYERS
    assert sorted(os.listdir(threads_out / "tasks")) == sorted(f"{t.id}.parquet" for t in spec.tasks)
    for column in ("politics.s", "tournament.noise", "politics.profile.k", "sample"):
        assert column in df.columns
    assert df["politics.s"].dtype == np.float64 and df["sample"].dtype == np.int64
    for column in (
        "player",
        "rank",
        "score_per_turn_mean",
        "utility_per_turn",
        "cooperation_rate",
        "contingency",
        "retaliation",
        "forgiveness",
        "max_imbalance",
    ):
        assert column in df.columns
    assert sorted(df.groupby("task_id")["politics.s"].first().tolist()) == [0.0] * 4 + [0.5] * 4
    # each file's rows are the tournament's own summary
    task = spec.tasks[5]
    own = run_task(task)
    rows = load_results(threads_out)
    rows = rows[rows["task_id"] == task.id].reset_index(drop=True)
    pd.testing.assert_frame_equal(rows[own.columns], own, check_dtype=False)
    assert (rows["seed"] == task.seed).all()


def test_manifest_records_versions_spec_and_hashes(spec, threads_out, direct):
    m = json.loads((threads_out / "manifest.json").read_text())
    assert m["status"] == "complete" and m["n_done"] == m["n_tasks"] == 8
    assert {"cooptourney", "numba", "numpy", "python"} <= set(m["versions"])
    assert m["spec_hash"] == spec.hash and m["sweep_seed"] == 2024
    assert m["spec"]["sweep"]["grid"]["politics.s"] == [0, 0.5]
    assert [t["id"] for t in m["tasks"]] == [t.id for t in spec.tasks]
    assert all(len(t["sha256"]) == 64 for t in m["tasks"])
    assert not [p for p in threads_out.rglob("*") if p.name.endswith(".tmp")]


def test_rerun_of_a_finished_sweep_computes_nothing(spec, threads_out):
    before = {p.name: p.stat().st_mtime_ns for p in (threads_out / "tasks").iterdir()}
    run = run_sweep(spec, threads_out, processes=False, workers=1, progress=False)
    assert (run.computed, run.resumed) == (0, 8) and run.complete
    assert {p.name: p.stat().st_mtime_ns for p in (threads_out / "tasks").iterdir()} == before


def test_changed_spec_is_refused(threads_out, tmp_path, capsys):
    changed = tmp_path / "changed.toml"
    changed.write_text(EXAMPLE.read_text().replace('"politics.s" = [0, 0.5]', '"politics.s" = [0, 0.5, 1]'))
    before = sorted(os.listdir(threads_out / "tasks"))
    manifest = (threads_out / "manifest.json").read_text()
    with pytest.raises(SweepError, match=r"different spec \(changed: sweep\.grid\.politics\.s\)"):
        run_sweep(load_spec(changed), threads_out, processes=False, workers=1, progress=False)
    assert main(["sweep", str(changed), "--out", str(threads_out), "--threads", "--no-progress"]) == 2
    assert "refusing to mix results" in capsys.readouterr().err
    assert sorted(os.listdir(threads_out / "tasks")) == before
    assert (threads_out / "manifest.json").read_text() == manifest


def test_foreign_directory_is_refused(spec, tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(SweepError, match=r"not empty and has no manifest\.json"):
        run_sweep(spec, tmp_path, processes=False, workers=1, progress=False)


def test_a_sweep_with_the_old_column_names_is_read_renamed_and_not_resumed(spec, threads_out, tmp_path, capsys):
    out = tmp_path / "old"
    shutil.copytree(threads_out, out)
    for path in (out / "tasks").glob("*.parquet"):  # as written before the mean columns said "mean"
        pd.read_parquet(path).rename(columns={v: k for k, v in RENAMED_COLUMNS.items()}).to_parquet(path, index=False)
    df = load_results(out)
    assert "score_per_turn" not in df.columns
    np.testing.assert_array_equal(df["score_per_turn_mean"], load_results(threads_out)["score_per_turn_mean"])
    with pytest.raises(SweepError, match=r"old column name 'score_per_turn' \(now 'score_per_turn_mean'\)"):
        run_sweep(spec, out, processes=False, workers=1, progress=False)


def test_report_names_the_new_name_of_a_renamed_outcome(threads_out, capsys):
    assert main(["report", str(threads_out), "--outcome", "score_per_turn", "--x", "politics.s"]) == 2
    err = capsys.readouterr().err
    assert "'score_per_turn' is now called 'score_per_turn_mean'" in err and len(err.strip().splitlines()) == 1


# -- verify -------------------------------------------------------------------------------------------------
def test_verify_passes_on_good_results(threads_out, capsys):
    assert main(["verify", str(threads_out), "--sample", "2"]) == 0
    out = capsys.readouterr().out
    assert "all 8 task files match" in out and "2 recomputed tasks are bit-identical" in out


def test_verify_from_the_manifest_alone(threads_out, tmp_path, capsys):
    shutil.copy(threads_out / "manifest.json", tmp_path / "manifest.json")
    assert main(["verify", str(tmp_path / "manifest.json"), "--all"]) == 0
    assert "8 recomputed tasks are bit-identical" in capsys.readouterr().out


def test_verify_fails_on_an_incomplete_sweep_naming_the_missing_tasks(threads_out, tmp_path, capsys):
    """As a sweep whose tasks failed leaves it: one task file and hash, seven with none."""
    out = tmp_path / "copy"
    shutil.copytree(threads_out, out)
    m = json.loads((out / "manifest.json").read_text())
    kept = m["tasks"][2]["id"]
    lost = [t["id"] for t in m["tasks"] if t["id"] != kept]
    for t in m["tasks"]:
        if t["id"] != kept:
            t["sha256"] = None
            (out / "tasks" / f"{t['id']}.parquet").unlink()
    m.update(status="incomplete", n_done=1)
    (out / "manifest.json").write_text(json.dumps(m))
    for where in (out, out / "manifest.json"):  # the directory, and the manifest alone
        assert main(["verify", str(where), "--sample", "1"]) == 1
        captured = capsys.readouterr()
        assert "Verified" not in captured.out
        err = captured.err
        assert "INCOMPLETE: 7 of 8 tasks have no result" in err and "the sweep is incomplete" in err
        assert all(tid in err for tid in lost) and kept not in err
    report = verify(out, sample=0)
    assert not report.ok and report.consistent and report.unfinished == lost


def test_verify_fails_on_a_tampered_task_file(threads_out, tmp_path, capsys):
    out = tmp_path / "copy"
    shutil.copytree(threads_out, out)
    victim = sorted((out / "tasks").glob("*.parquet"))[3]
    df = pd.read_parquet(victim)
    df.loc[0, "cooperation_rate"] += 1e-12
    df.to_parquet(victim, index=False)
    assert main(["verify", str(out), "--sample", "0"]) == 1
    err = capsys.readouterr().err
    assert "MISMATCH" in err and victim.stem in err and "verification failed" in err


def test_verify_recomputation_catches_a_consistent_forgery(threads_out, tmp_path, capsys):
    """File and manifest altered together: only computing the task again can tell."""
    out = tmp_path / "copy"
    shutil.copytree(threads_out, out)
    victim = sorted((out / "tasks").glob("*.parquet"))[0]
    df = pd.read_parquet(victim)
    df.loc[0, "score_per_turn_mean"] += 0.5
    df.to_parquet(victim, index=False)
    m = json.loads((out / "manifest.json").read_text())
    settings = m["setting_columns"]
    for t in m["tasks"]:
        if t["id"] == victim.stem:
            t["sha256"] = result_hash(df, settings)
    (out / "manifest.json").write_text(json.dumps(m))
    assert main(["verify", str(out), "--sample", "0"]) == 0  # files agree with the forged manifest...
    capsys.readouterr()
    assert main(["verify", str(out), "--task", victim.stem]) == 1  # ...the recomputation does not
    err = capsys.readouterr().err
    assert "1 of 1 recomputed tasks give other results" in err and victim.stem in err


# -- report ---------------------------------------------------------------------------------------------------
def test_report_table_and_heatmap(threads_out, tmp_path, capsys):
    png = tmp_path / "coop.png"
    assert (
        main(
            [
                "report",
                str(threads_out),
                "--outcome",
                "cooperation_rate",
                "--x",
                "politics.s",
                "--y",
                "tournament.noise",
                "--plot",
                str(png),
            ]
        )
        == 0
    )
    text = capsys.readouterr().out
    assert "tournament.noise \\ politics.s" in text and f"Wrote the heatmap to {png}" in text
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    import matplotlib.image

    assert matplotlib.image.imread(png).shape[0] > 100
    # the numbers: per task the mean over players, per cell the mean over tasks
    df = load_results(threads_out)
    table = summarise(df, "cooperation_rate", "politics.s", "tournament.noise")
    assert table.shape == (2, 2) and list(table.columns) == [0.0, 0.5] and list(table.index) == [0.0, 0.02]
    cell = df[(df["politics.s"] == 0.5) & (df["tournament.noise"] == 0.02)]
    assert table.loc[0.02, 0.5] == pytest.approx(cell.groupby("task")["cooperation_rate"].mean().mean())
    assert f"{table.loc[0.02, 0.5]:.4g}" in text


def test_report_of_one_player(threads_out, capsys):
    assert (
        main(
            [
                "report",
                str(threads_out),
                "--outcome",
                "score_per_turn_mean",
                "--player",
                "Defector",
                "--x",
                "politics.profile.k",
            ]
        )
        == 0
    )
    df = load_results(threads_out)
    table = summarise(df, "score_per_turn_mean", "politics.profile.k", player="Defector")
    expected = df[df["player"] == "Defector"].groupby("politics.profile.k")["score_per_turn_mean"].mean()
    assert np.allclose(table.iloc[0].to_numpy(), expected.sort_index().to_numpy())
    assert main(["report", str(threads_out), "--outcome", "coop", "--x", "politics.s"]) == 2
    assert "unknown outcome 'coop'" in capsys.readouterr().err
    assert main(["report", str(threads_out), "--outcome", "wins", "--x", "politics.z"]) == 2
    assert "did you mean 'politics.s'" in capsys.readouterr().err
