"""Whether a kernel or a strategy's entry is compiled already: numba's cache files, looked for.

:mod:`cooptourney.core.codegen` names every generated module by the hash of its text and of
the files it compiles in; numba keeps its compiled code beside it, in ``__pycache__``, with an
index file per function. So the file names tell, before anything is compiled, what a run will
load and what it will compile (a one-off that takes seconds per strategy and about half a
minute for the kernels). ``cooptourney run`` announces that compile phase from here, and
``cooptourney warmup`` skips what is done.

This module reads the text :mod:`~cooptourney.core.dispatch` and
:mod:`~cooptourney.core.codegen` would generate; it lives apart from them because their own
source is hashed into every entry and kernel (an edit there recompiles everything).
"""

from __future__ import annotations

from cooptourney.core import codegen, dispatch

__all__ = ["KERNEL_FUNCTIONS", "entry_cached", "kernel_cached"]


def _numba_cached(kind: str, digest: str, function: str) -> bool:
    """Whether numba's index of ``function`` in the generated module ``<kind[0]>_<digest>`` exists."""
    folder = codegen.cache_dir() / kind / "__pycache__"
    return any(folder.glob(f"{kind[0]}_{digest}.{function}-*.nbi"))


#: The kernels' entry points: a round robin, one match, a multilateral tournament.
KERNEL_FUNCTIONS = ("play_tournament", "play_match", "play_multilateral")


def kernel_cached(function: str = "play_tournament") -> bool:
    """Whether the kernel ``function`` (one of :data:`KERNEL_FUNCTIONS`) is in numba's cache
    or compiled in this process."""
    if codegen._CURRENT:
        dispatcher = getattr(codegen._CURRENT[0].module, function)
        if dispatcher.signatures:
            return True
    digest, _ = codegen.source_digest(codegen._render_kernel())
    return _numba_cached("kernels", digest, function)


def entry_cached(spec, prepare: bool = False) -> bool | None:
    """Whether ``spec``'s kernel entry is loaded in this process or in numba's cache.

    A strategy with a ``prepare`` hook (a meta player builds its team there, compiling
    what the cache lacks) is told only once the hook has run: with ``prepare`` it is run
    here (as the first run of the strategy would), else the answer is None.
    """
    if id(spec.function) in dispatch._ENTRIES:
        return True
    if spec.prepare is not None and id(spec) not in dispatch._PREPARED:
        if not prepare:
            return None
        dispatch._prepare(spec)
    fn = spec.py_function
    # the text dispatch.entry generates for this spec (tests/test_cli_conventions.py checks
    # that the two agree)
    fields = dict(
        name=spec.name, module=fn.__module__, qualname=fn.__qualname__, key=f"{fn.__module__}.{fn.__qualname__}"
    )
    if spec.checked:
        own = len(spec.params) + (spec.table_values().shape[0] if spec.table is not None else 0)
        text = dispatch._CHECKED_ENTRY_TEMPLATE.format(params=own, **fields)
    else:
        text = dispatch._ENTRY_TEMPLATE.format(**fields)
    digest, _ = codegen.source_digest(text, [fn.__module__])
    return _numba_cached("entries", digest, "entry")
