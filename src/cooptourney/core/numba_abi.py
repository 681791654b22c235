"""Every numba internal the engine relies on, in one place.

numba's public API has no way to call a compiled function by address in its own
calling convention, to read the address of a compiled function, to copy a
dispatcher with other options, or to turn an integer into a typed pointer. The
engine needs each of these (docs/engine.md, "Per-turn cost"), so it uses numba's
internals, and only through this module: a numba release that changes one of them
breaks ``tests/test_numba_abi.py`` (one test per behaviour relied on), not a
tournament. ``pyproject.toml`` bounds numba to the versions those tests pass on.

What is used, and where numba keeps it:

* the private jit option ``_nrt`` (:data:`NO_NRT`): compile without the reference
  counting runtime;
* a dispatcher's ``py_func``, ``targetoptions`` and ``overloads``
  (:func:`python_function`, :func:`jit_options`, :func:`overload`), and an
  intrinsic's ``_defn`` (:func:`defining_module`);
* a compile result's ``library.get_pointer_to_function(fndesc.llvm_func_name)``: the
  address of the compiled function itself, not of its C wrapper
  (:func:`function_address`);
* numba's calling convention for compiled functions, rebuilt in LLVM IR
  (:func:`calling_convention_call`): ``status = f(result*, excinfo**, args...)``;
* LLVM ``inttoptr``, vector loads and an atomic increment through
  :func:`numba.extending.intrinsic` and ``llvmlite`` (:func:`pointer_to`,
  :func:`add_four`, :func:`load_word`, :func:`claim`), and named
  process-wide tables (:func:`symbol_table`, :func:`register_symbol_table`);
* that a read-only array has the data model of its writable twin, and
  ``numba.core.imputils.impl_ret_borrowed`` to return one (:func:`read_only`).
"""

from __future__ import annotations

import llvmlite.binding as llvm
import numpy as np
from llvmlite import ir
from numba import njit, types
from numba.core.imputils import impl_ret_borrowed
from numba.extending import intrinsic

#: jit options that compile a function without numba's reference-counting runtime
#: (NRT): no incref/decref of array arguments, and no allocation (a function that
#: allocates does not compile). ``@njit(cache=True, **NO_NRT)``.
NO_NRT = {"_nrt": False}


# --- dispatchers and intrinsics ---------------------------------------------------------


def is_jitted(value) -> bool:
    """Whether ``value`` is a numba dispatcher (an ``@njit`` function)."""
    return hasattr(value, "py_func") and hasattr(value, "targetoptions")


def is_intrinsic(value) -> bool:
    """Whether ``value`` is an ``@intrinsic``."""
    return hasattr(value, "_defn")


def python_function(dispatcher):
    """The plain Python function a dispatcher compiles."""
    return dispatcher.py_func


def defining_module(value) -> str:
    """The name of the module that defines the code numba compiles for ``value``, a
    dispatcher or an intrinsic."""
    if is_jitted(value):
        return value.py_func.__module__
    return value._defn.__module__


def jit_options(dispatcher) -> dict:
    """The options a dispatcher was made with (``cache``, ``inline``, ``error_model``, ...)."""
    return dict(dispatcher.targetoptions)


def overload(dispatcher, signature):
    """The compile result of ``dispatcher`` for the argument types of ``signature``, or
    None when it has not been compiled for them."""
    return dispatcher.overloads.get(signature.args)


def function_address(dispatcher, signature) -> int:
    """The address of the compiled function ``dispatcher`` for ``signature`` (compiled
    on demand): the function itself, in numba's calling convention
    (:func:`calling_convention_call`), not its C wrapper. Valid while ``dispatcher`` lives."""
    cres = dispatcher.get_compile_result(signature)
    return int(cres.library.get_pointer_to_function(cres.fndesc.llvm_func_name))


# --- numba's calling convention -----------------------------------------------------------


def calling_convention_call(entry_slot: int, result_slot: int, excinfo_slot: int, errors_slot: int):
    """An intrinsic ``call(ctx_address, t) -> int8`` that calls a compiled
    ``f(intp, int64) -> int8`` whose address is in slot ``entry_slot`` of the ``int64``
    block at ``ctx_address``.

    numba compiles ``f`` to ``int32 f(int8* result, i8** excinfo, i64 ctx, i64 t)``: it
    writes its return value through ``result`` and returns a status, 0 when it returned
    normally (nonzero when it raised, with details through ``excinfo``). The call
    passes slots ``result_slot`` and ``excinfo_slot`` of the block; when the status is
    nonzero it adds 1 to slot ``errors_slot`` and returns 0 (C, as numba's C wrapper does).
    """

    @intrinsic
    def call(typingctx, ctx_address, t):
        if not all(isinstance(a, types.Integer) for a in (ctx_address, t)):
            return None
        sig = types.int8(types.intp, types.int64)

        def codegen(context, builder, signature, args):
            ctx, turn = (
                context.cast(builder, v, ty, to) for v, ty, to in zip(args, signature.args, (types.intp, types.int64))
            )
            i8, i64 = ir.IntType(8), ir.IntType(64)

            def slot(k, pointee):
                return builder.inttoptr(builder.add(ctx, ir.Constant(i64, 8 * k)), pointee.as_pointer())

            fnty = ir.FunctionType(ir.IntType(32), [i8.as_pointer(), i8.as_pointer().as_pointer(), i64, i64])
            entry = builder.inttoptr(builder.load(slot(entry_slot, i64)), fnty.as_pointer())
            result = slot(result_slot, i8)
            status = builder.call(entry, [result, slot(excinfo_slot, i8.as_pointer()), ctx, turn])
            with builder.if_then(builder.icmp_signed("!=", status, ir.Constant(ir.IntType(32), 0)), likely=False):
                errors = slot(errors_slot, i64)
                builder.store(builder.add(builder.load(errors), ir.Constant(i64, 1)), errors)
                builder.store(ir.Constant(i8, 0), result)
            return builder.load(result)

        return sig, codegen

    return call


# --- addresses ----------------------------------------------------------------------------


def pointer_to(pointee):
    """An intrinsic ``as_pointer(address) -> CPointer(pointee)``: the integer address as
    a typed pointer (LLVM ``inttoptr``), for :func:`numba.carray`."""

    @intrinsic
    def as_pointer(typingctx, address):
        """The integer ``address`` as a typed pointer (LLVM inttoptr)."""
        if not isinstance(address, types.Integer):
            return None
        sig = types.CPointer(pointee)(address)

        def codegen(context, builder, signature, args):
            return builder.inttoptr(args[0], context.get_value_type(signature.return_type))

        return sig, codegen

    return as_pointer


int8_pointer = pointer_to(types.int8)
float64_pointer = pointer_to(types.float64)
uint64_pointer = pointer_to(types.uint64)
int64_pointer = pointer_to(types.int64)


@njit(cache=True, inline="always")
def address(a):
    """The address of the first element of array ``a``, as an ``intp``."""
    return np.intp(a.ctypes.data)


@intrinsic
def add_four(typingctx, target, source):
    """``target[0:4] += source[0:4]`` for two addresses of float64s: one vector load, add
    and store. Each lane is the same IEEE addition as four scalar ones."""
    if not (isinstance(target, types.Integer) and isinstance(source, types.Integer)):
        return None

    def codegen(context, builder, signature, args):
        vector = ir.VectorType(ir.DoubleType(), 4).as_pointer()
        dst = builder.inttoptr(args[0], vector)
        src = builder.inttoptr(args[1], vector)
        builder.store(builder.fadd(builder.load(dst, align=8), builder.load(src, align=8)), dst, align=8)
        return context.get_dummy_value()

    return types.void(types.intp, types.intp), codegen


@intrinsic
def load_word(typingctx, at):
    """The eight bytes at address ``at`` as one ``uint64`` (little-endian: byte k of
    the word is the byte at ``at + k``), with no alignment assumed."""
    if not isinstance(at, types.Integer):
        return None

    def codegen(context, builder, signature, args):
        pointer = builder.inttoptr(args[0], ir.IntType(64).as_pointer())
        return builder.load(pointer, align=1)

    return types.uint64(types.intp), codegen


@intrinsic
def trailing_zeros(typingctx, word):
    """The number of zero bits below the lowest set bit of the ``uint64`` ``word`` (LLVM
    ``cttz``; 64 for a word of zeros)."""
    if not (isinstance(word, types.Integer) and word.bitwidth == 64):
        return None

    def codegen(context, builder, signature, args):
        return builder.cttz(args[0], ir.Constant(ir.IntType(1), 0))

    return types.uint64(word), codegen


@intrinsic
def claim(typingctx, counter):
    """``counter[0] += 1`` in one atomic operation (LLVM ``atomicrmw add``), returning the
    value before it: threads sharing ``counter`` (int64[1]) each get a number of their
    own, and every number once."""
    if not (isinstance(counter, types.Array) and counter.dtype == types.int64):
        return None

    def codegen(context, builder, signature, args):
        array = context.make_array(signature.args[0])(context, builder, args[0])
        return builder.atomic_rmw("add", array.data, ir.Constant(ir.IntType(64), 1), "monotonic")

    return types.int64(counter), codegen


@intrinsic
def read_only(typingctx, a):
    """The array ``a`` typed read-only: the same array (no copy, no cost), which code
    compiled for it cannot write to (numba refuses ``a[i] = x`` at compile time)."""
    if not isinstance(a, types.Array):
        return None

    def codegen(context, builder, signature, args):
        # a new reference to the argument, as a function's result must be
        return impl_ret_borrowed(context, builder, signature.return_type, args[0])

    return a.copy(readonly=True)(a), codegen


# --- named tables ---------------------------------------------------------------------------


@intrinsic
def symbol_table(typingctx, symbol):
    """A pointer to the ``int64`` table registered under the (literal) name ``symbol``
    (:func:`register_symbol_table`). The compiled code refers to the table by name, so
    it can be cached although the table's address differs in every process."""
    if not isinstance(symbol, types.StringLiteral):
        return None
    name = symbol.literal_value
    sig = types.CPointer(types.int64)(symbol)

    def codegen(context, builder, signature, args):
        module = builder.module
        table = module.globals.get(name)
        if table is None:
            table = ir.GlobalVariable(module, ir.IntType(64), name=name)
            table.linkage = "external"
        return builder.bitcast(table, ir.IntType(64).as_pointer())

    return sig, codegen


_TABLES: dict[str, np.ndarray] = {}  # symbol -> the table (kept alive for the process)


def register_symbol_table(symbol: str, n: int) -> np.ndarray:
    """``int64[n]``, zeros, registered with LLVM under the name ``symbol`` (once per
    process; later calls return the same array): what :func:`symbol_table` reads."""
    if symbol not in _TABLES:
        table = np.zeros(n, dtype=np.int64)
        llvm.add_symbol(symbol, table.ctypes.data)
        _TABLES[symbol] = table
    return _TABLES[symbol]
