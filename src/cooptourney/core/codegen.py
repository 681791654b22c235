"""Generated modules that numba's on-disk cache cannot serve stale.

numba caches a compiled function beside its source file, keyed by that file alone, not
by the files of the functions, intrinsics and constants it compiles in (see
:func:`load_generated`). So every module the engine generates -- the kernels, each
strategy's entry (:mod:`cooptourney.core.dispatch`), the composite steps of meta
players and the Joss-Ann transforms (:mod:`cooptourney.composite`) -- is written
to ``<cache>/<kind>/<k>_<hash>.py`` and imported from there, where the hash covers the
generated text, numba's version and the source of every file numba compiles into it
(:func:`dependency_files`). An edit to any of them gives a new file name and a fresh
compile; nothing lists the files by hand. The cache directory is
``$COOPTOURNEY_CACHE_DIR``, else ``$XDG_CACHE_HOME/cooptourney``, else
``~/.cache/cooptourney``.

The cache heals itself (docs/engine.md, "A cache that heals itself"): a file whose
content is not the text its name hashes is written again, numba's files of generated
modules are checked on every read (:mod:`cooptourney.core.numba_cache`), and the
temporary files of killed writers are removed; each repair is one line on stderr.

A limit this cannot lift: a ``cache=True`` function that generated code calls without
inlining it is loaded from numba's cache beside its own file, which is current for
that file but not for what *it* compiles in from a third file.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib
import importlib.util
import os
import sys
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import numba

from cooptourney.atomic import remove_old_files, remove_stale_temporaries, write_atomic
from cooptourney.core import numba_cache
from cooptourney.core.numba_abi import defining_module, is_intrinsic, is_jitted

_HERE = Path(__file__).resolve().parent
#: top-level packages whose code is not hashed: the standard library and the compiler's
#: own stack (their versions are pinned by numba's version, hashed separately)
_NOT_HASHED = frozenset(sys.stdlib_module_names) | {"numpy", "numba", "llvmlite", "scipy"}
#: Hashed into every name: a new layout of the cache's files gets new names, so that no
#: file is read by a version that expects another layout (layout 2: numba's files end
#: with a checksum, core/numba_cache.py)
_CACHE_LAYOUT = b"cooptourney cache layout 2"


def cache_dir() -> Path:
    """Where generated modules and their compiled code are kept."""
    base = os.environ.get("COOPTOURNEY_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "cooptourney"


# --- what a generated module depends on ----------------------------------------------------


def _top_level_imports(tree: ast.Module, package: str | None) -> list[str]:
    """The modules a module's top-level statements import (not those inside functions,
    which numba never compiles): ``import a.b`` gives ``a.b``; ``from a import b`` gives
    ``a.b`` when that is a module, else ``a``."""
    found = []

    def visit(body):
        for node in body:
            if isinstance(node, ast.Import):
                found.extend(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = "." * node.level + (node.module or "")
                try:
                    base = importlib.util.resolve_name(base, package) if node.level else base
                except (ImportError, ValueError):
                    continue
                if base.split(".")[0] in _NOT_HASHED:
                    found.append(base)
                    continue
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    found.append(sub if _is_module(sub) else base)
            elif isinstance(node, (ast.If, ast.Try, ast.With)):
                for field in ("body", "orelse", "finalbody"):
                    visit(getattr(node, field, []))
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)

    visit(tree.body)
    return found


def _is_module(name: str) -> bool:
    if name in sys.modules:
        return True
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


@functools.cache
def _file_imports(path: Path, package: str | None, mtime_ns: int, size: int) -> tuple[str, ...]:
    """The top-level imports of the source file ``path``, parsed once per version of the file."""
    try:
        tree = ast.parse(path.read_bytes(), filename=str(path))
    except (SyntaxError, ValueError):
        return ()
    return tuple(_top_level_imports(tree, package))


def _source_file(module: ModuleType) -> Path | None:
    path = getattr(module, "__file__", None)
    if path is None or not path.endswith(".py"):
        return None
    return Path(path)


def _direct_dependencies(module: ModuleType, path: Path) -> list[str]:
    """The modules whose code or constants ``module`` can put into compiled code: those
    it imports at top level, and those defining the jitted functions and intrinsics it
    holds (a name re-exported from elsewhere compiles the code of where it is defined)."""
    st = path.stat()
    names = list(_file_imports(path, module.__package__, st.st_mtime_ns, st.st_size))
    for value in list(vars(module).values()):
        if isinstance(value, ModuleType):
            names.append(value.__name__)
        elif is_jitted(value) or is_intrinsic(value):
            names.append(defining_module(value))
    return names


def dependency_files(modules: Iterable[str]) -> tuple[Path, ...]:
    """The source files numba may compile into code of ``modules``: those modules' files
    and, transitively, the files of the modules they import at top level and of the
    jitted functions and intrinsics they refer to, other than the standard library's,
    numpy's and numba's. Sorted. Modules not yet imported are imported.

    The answer for each module is kept while none of its files changes (a stat per
    file per call): every strategy of a module shares it.
    """
    files: set[Path] = set()
    for name in set(modules):
        known = _CLOSURES.get(name)
        if known is None or not all(_stamp(path) == stamp for path, stamp in known):
            known = _CLOSURES[name] = tuple((path, _stamp(path)) for path in _closure(name))
        files.update(path for path, _ in known)
    return tuple(sorted(files))


_CLOSURES: dict[str, tuple[tuple[Path, tuple[int, int]], ...]] = {}


def _stamp(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except OSError:
        return (-1, -1)
    return (st.st_mtime_ns, st.st_size)


def _closure(module_name: str) -> tuple[Path, ...]:
    todo = [module_name]
    seen: set[str] = set()
    files: set[Path] = set()
    while todo:
        name = todo.pop()
        if name in seen or name.split(".")[0] in _NOT_HASHED:
            continue
        seen.add(name)
        module = sys.modules.get(name)
        if module is None:
            try:
                module = importlib.import_module(name)
            except ImportError:
                continue
        path = _source_file(module)
        if path is None:
            continue
        files.add(path)
        todo.extend(_direct_dependencies(module, path))
    return tuple(sorted(files))


def _source_bytes(path: Path) -> bytes:
    """A source file's bytes, read once per version of the file (a stat per call)."""
    st = path.stat()
    return _read_source(path, st.st_mtime_ns, st.st_size)


@functools.cache
def _read_source(path: Path, mtime_ns: int, size: int) -> bytes:
    return path.read_bytes()


def source_digest(text: str, depends_on: Iterable[str] = ()) -> tuple[str, tuple[Path, ...]]:
    """The hash that names the generated module ``text`` and the files it covers: the
    text, numba's version, the cache's layout and :func:`dependency_files` of the modules ``text`` imports at
    top level and of ``depends_on`` (modules whose code it reaches otherwise)."""
    roots = _top_level_imports(ast.parse(text), None) + list(depends_on)
    files = dependency_files(roots)
    h = hashlib.blake2b(digest_size=10)
    h.update(text.encode())
    h.update(numba.__version__.encode())
    h.update(_CACHE_LAYOUT)
    for path in files:
        h.update(_source_bytes(path))
    return h.hexdigest(), files


# --- writing and importing ---------------------------------------------------------------------

_LOCK = threading.RLock()
#: numba's temporary files (``<file>.tmp.<16 hex>``): it holds no lock on them, so one is
#: taken for a dead writer's only when it has not been written for this long (seconds)
_NUMBA_TMP = r".+\.tmp\.[0-9a-f]{16}"
_NUMBA_TMP_AGE = 3600.0
_TIDIED: set[Path] = set()


def load_generated(kind: str, text: str, depends_on: Iterable[str] = ()) -> ModuleType:
    """Import the generated source ``text`` from ``<cache>/<kind>/<kind[0]>_<hash>.py``.

    Parameters
    ----------
    kind : str
        The cache subdirectory: ``"kernels"``, ``"entries"``, ``"metas"``, ``"teams"``,
        ``"probes"``.
    text : str
        The module's source.
    depends_on : iterable of str
        Names of modules whose code the generated module compiles in without importing
        them by name at top level (e.g. a function it is handed at import time).

    Returns
    -------
    module
        The imported module (once per process and hash; threads wait for the one that
        imports it). The file is written atomically when absent, and written again when
        its content is not ``text`` (a damaged file, reported once on stderr); the
        module is compiled from ``text`` itself, never from a cached ``.pyc``. numba
        keeps the compiled code beside the file, checked on every read
        (:mod:`cooptourney.core.numba_cache`). A read-only cache directory falls back
        to a private temporary one.
    """
    digest, _ = source_digest(text, depends_on)
    name = f"_cooptourney_{kind}_{digest}"
    data = text.encode()
    with _LOCK:
        if name in sys.modules:
            return sys.modules[name]
        filename = f"{kind[0]}_{digest}.py"
        path = cache_dir() / kind / filename
        try:
            _write_if_changed(path, data)
        except OSError:
            path = Path(tempfile.gettempdir()) / f"cooptourney-{os.getuid()}" / kind / filename
            _write_if_changed(path, data)
        numba_cache.guard(path.stem)
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        # compiled as the import system would compile the file (the same bytecode, so the
        # same numba cache keys), from the text the file was just checked to hold
        code = compile(data, spec.origin, "exec", dont_inherit=True)
        sys.modules[name] = module
        try:
            exec(code, module.__dict__)
        except BaseException:
            del sys.modules[name]  # a failed import (e.g. a compile error) is not cached
            raise
        return module


def _write_if_changed(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` unless it holds exactly that: the name hashes the
    content, so any other content is damage (reported, and replaced)."""
    _tidy(path.parent)
    try:
        old = path.read_bytes()
    except FileNotFoundError:
        old = None
    if old == data:
        return
    write_atomic(path, lambda tmp: tmp.write_bytes(data))
    if old is not None:
        print(
            f"cooptourney: warning: damaged generated module in the cache ({path}: its content is not the "
            "code it is named after); wrote it again",
            file=sys.stderr,
        )


def _tidy(directory: Path) -> None:
    """Once per process and directory: remove what killed writers left there (their
    temporary files: ours when no process holds them, numba's when an hour old)."""
    if directory in _TIDIED:
        return
    _TIDIED.add(directory)
    remove_stale_temporaries(directory)
    remove_old_files(directory / "__pycache__", _NUMBA_TMP, _NUMBA_TMP_AGE)


# --- the kernels -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kernel:
    """The compiled kernel module."""

    module: ModuleType
    digest: str


_SAME_MODULE = "# generated: same module"


def _render_kernel() -> str:
    """kernel_template.py, then multilateral_template.py, as one module.

    The multilateral kernel calls ``play_match`` directly; its import of it (marked
    ``# generated: same module``, there for linters and readers) is dropped, so it binds
    to the generated copy and never to the template's own, separately cached one.
    """
    multilateral = "\n".join(
        line
        for line in (_HERE / "multilateral_template.py").read_text().splitlines()
        if not line.rstrip().endswith(_SAME_MODULE)
    )
    return (
        "# GENERATED by cooptourney.core.codegen from kernel_template.py and multilateral_template.py;"
        " do not edit.\n"
        + (_HERE / "kernel_template.py").read_text()
        + "\n\n# ---- multilateral_template.py ----\n"
        + multilateral
        + "\n"
    )


_CURRENT: list[Kernel] = []


def kernel_for() -> Kernel:
    """The compiled kernel module (generated into ``<cache>/kernels/``, loaded once per process)."""
    if _CURRENT:  # the engine sources cannot change under a running process
        return _CURRENT[0]
    with _LOCK:
        if not _CURRENT:
            module = load_generated("kernels", _render_kernel())
            _CURRENT[:] = [Kernel(module=module, digest=module.__name__.rsplit("_", 1)[-1])]
        return _CURRENT[0]
