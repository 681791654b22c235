"""Generated modules are never served stale (src/cooptourney/core/codegen.py).

numba's on-disk cache knows only the file of the function it caches; the generated
modules (kernels, entries, meta players, probes) are named by a hash of their text and
of every source file numba compiles into them, found without a hand-kept list.
"""

import subprocess
import sys
import textwrap
import uuid

from cooptourney.core import codegen

_STRATEGY = '''
from cooptourney.strategy_api import strategy
from {consts} import OPENING
from {helper} import after_opening


@strategy("{name}", reciprocity="other")
def step(my, opp, t, state, params, info, rng):
    """A test strategy whose moves come from two other modules.

    other: a test stub.
    """
    if t == 0:
        return OPENING
    return after_opening(opp, t)
'''

_HELPER = """
from numba import njit


@njit(cache=True)
def after_opening(opp, t):
    return {body}
"""

_PLAY = """
import {strategy}
from cooptourney import Match
print("".join(a for a, _ in Match(("{name}", "Alternator"), turns=6, seed=1).play()))
"""


def _modules(tmp_path):
    tag = uuid.uuid4().hex[:10]
    names = {k: f"codegen_test_{k}_{tag}" for k in ("strategy", "helper", "consts")}
    names["name"] = f"Codegen Test {tag}"
    (tmp_path / f"{names['strategy']}.py").write_text(_STRATEGY.format(**names))
    (tmp_path / f"{names['helper']}.py").write_text(_HELPER.format(body="opp[t - 1]"))
    (tmp_path / f"{names['consts']}.py").write_text("OPENING = 0\n")
    return names


def _play(tmp_path, names):
    out = subprocess.run(
        [sys.executable, "-c", _PLAY.format(**names)],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=tmp_path,
        env={**__import__("os").environ, "PYTHONPATH": str(tmp_path)},
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_an_edited_dependency_is_not_served_from_the_cache(tmp_path):
    # Each run is a fresh process that loads whatever the cache holds. The step's own
    # file never changes; the jitted helper it calls and the constant it reads live in
    # two other modules, and an edit to either must reach the moves.
    names = _modules(tmp_path)
    assert _play(tmp_path, names) == "CCDCDC"  # C, then Tit For Tat against Alternator
    assert _play(tmp_path, names) == "CCDCDC"  # from the cache
    (tmp_path / f"{names['helper']}.py").write_text(_HELPER.format(body="1 - opp[t - 1]"))
    assert _play(tmp_path, names) == "CDCDCD"  # the helper's edit, not the cached entry
    (tmp_path / f"{names['consts']}.py").write_text("OPENING = 1  # defect first\n")
    assert _play(tmp_path, names) == "DDCDCD"  # a constant compiled in, from a third file


def test_dependencies_are_found_from_imports_and_jitted_names(tmp_path, monkeypatch):
    names = _modules(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    files = codegen.dependency_files([names["strategy"]])
    for key in ("strategy", "helper", "consts"):
        assert tmp_path / f"{names[key]}.py" in files
    assert not any("numba" in p.parts or "numpy" in p.parts for p in files)
    text = f"from {names['strategy']} import step\n"
    before, _ = codegen.source_digest(text)
    (tmp_path / f"{names['consts']}.py").write_text("OPENING = 1  # an edit\n")
    after, _ = codegen.source_digest(text)
    assert before != after


def test_a_new_import_of_the_kernel_template_is_hashed_without_a_list_edit(tmp_path, monkeypatch):
    # The kernel's dependencies are what its text imports, transitively: every engine
    # module it uses today, and a module it would start importing tomorrow.
    kernel = codegen._render_kernel()
    _, files = codegen.source_digest(kernel)
    core = {p.name for p in files if p.parent.name == "core"}
    assert {"entry.py", "layout.py", "numba_abi.py", "rng.py", "streams.py"} <= core

    module = f"codegen_test_kernel_helper_{uuid.uuid4().hex[:10]}"
    (tmp_path / f"{module}.py").write_text(
        textwrap.dedent("""
        from numba import njit

        @njit(cache=True)
        def new_helper(x):
            return x + 1
    """)
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    edited = kernel.replace("import numpy as np\n", f"import numpy as np\nfrom {module} import new_helper\n", 1)
    digest, files = codegen.source_digest(edited)
    assert tmp_path / f"{module}.py" in files
    (tmp_path / f"{module}.py").write_text((tmp_path / f"{module}.py").read_text().replace("x + 1", "x + 2"))
    assert codegen.source_digest(edited)[0] != digest
