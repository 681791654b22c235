"""examples/ runs as written: every settings file and plugin, the README's quick start, and
every notebook (executed with nbclient). Each runs in a copy of the folder, so nothing is
written into the repository."""

from __future__ import annotations

import io
import json
import re
import shlex
import shutil
from pathlib import Path

import pandas as pd
import pytest

from cooptourney.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))


@pytest.fixture
def examples(tmp_path, monkeypatch):
    """A copy of examples/, as the working directory's ``examples`` folder."""
    shutil.copytree(EXAMPLES, tmp_path / "examples", ignore=shutil.ignore_patterns("*.ipynb", "out", "__pycache__"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "examples"


def run(capsys, command: str) -> str:
    """Run one documented command line (without the program name); its stdout."""
    code = main(shlex.split(command, comments=True)[1:])
    out, err = capsys.readouterr()
    assert code == 0, f"{command}: {err}"
    return out


def test_experiment_toml(capsys, examples):
    out = run(capsys, "cooptourney run examples/experiment.toml --no-progress")
    table = pd.read_csv(examples / "out" / "noisy.csv")
    assert sorted(table["player"]) == sorted(
        ["Tit For Tat", "Grudger", "Generous Tit For Tat(generosity=0.1)", "Win-Stay Lose-Shift", "Defector"]
    )
    assert (examples / "out" / "noisy.matches.csv").exists()
    assert "noise 0.05, 20 repetitions, seed 1" in out
    run(capsys, "cooptourney run examples/experiment.toml --seed 2 -o seed2.json --no-progress")
    assert json.loads(Path("seed2.json").read_text())["settings"]["seed"] == 2


def test_config_toml_with_its_plugin(capsys, examples, clean_registry):
    out = run(capsys, "cooptourney run examples/config.toml --no-progress")
    table = pd.read_csv(examples / "out" / "results.csv")
    assert "Patient Tit For Tat" in set(table["player"]) and len(table) == 5
    assert "Politics transformer" in out  # the [politics] section is on
    out = run(capsys, "cooptourney list --plugin examples/my_strategies.py --reciprocity diffuse --names")
    assert "Patient Tit For Tat" in out.splitlines()


def test_plugin_strategies_play_as_documented(clean_registry):
    from cooptourney import Match
    from cooptourney.registry import load_plugin

    load_plugin(EXAMPLES / "my_strategies.py")
    # Patient Tit For Tat lets one defection pass and answers the second in a row
    moves = Match(["Patient Tit For Tat", "Defector"], turns=4).play()
    assert [a for a, _ in moves] == ["C", "C", "D", "D"]
    moves = Match(["Cautious Starter", "Cooperator"], turns=3).play()
    assert [a for a, _ in moves] == ["D", "C", "C"]


def test_players_file(capsys, examples):
    out = run(capsys, 'cooptourney run -p @examples/players.txt "GTFT(generosity=0.2)" --format csv')
    names = [line for line in (examples / "players.txt").read_text().splitlines() if line and line[0] != "#"]
    assert len(pd.read_csv(io.StringIO(out))) == len(names) + 1


def _quick_start() -> list[str]:
    text = (ROOT / "README.md").read_text()
    block = text[text.index("## Quick start") :]
    shell = block[block.index("```\n") + 4 :]
    shell = shell[: shell.index("```")]
    return [line.strip() for line in shell.splitlines() if line.strip().startswith("cooptourney ")]


@pytest.mark.parametrize("command", _quick_start())
def test_readme_quick_start_command(capsys, monkeypatch, command):
    monkeypatch.chdir(ROOT)  # the README's commands run from a clone's top folder
    if re.match(r"cooptourney run\s*(#|$)", command):
        command = command.split("#")[0] + " --no-progress"
    assert run(capsys, command)


def test_readme_python_example():
    text = (ROOT / "README.md").read_text()
    code = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    exec(compile(code.replace("print(", "str("), "README.md", "exec"), {})


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(notebook, tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    nb = nbformat.read(notebook, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors


def test_the_sdist_ships_examples(tmp_path, monkeypatch):
    """A source distribution carries examples/ (MANIFEST.in), so the files the docs show exist
    for someone who downloaded it rather than cloned."""
    import tarfile

    build_meta = pytest.importorskip("setuptools.build_meta")
    monkeypatch.chdir(ROOT)
    name = build_meta.build_sdist(str(tmp_path))
    with tarfile.open(tmp_path / name) as sdist:
        shipped = {Path(n).name for n in sdist.getnames() if "/examples/" in n}
    expected = {p.name for p in EXAMPLES.iterdir() if p.is_file()}
    assert expected and expected <= shipped


def test_the_config_reference_shows_the_shipped_example():
    """docs/reference/config.md shows examples/config.toml verbatim, so the page's example
    is the one the test above runs."""
    page = (ROOT / "docs" / "reference" / "config.md").read_text()
    block = page.split("## run\n", 1)[1].split("```toml\n", 1)[1].split("```\n", 1)[0]
    assert block == (EXAMPLES / "config.toml").read_text()
