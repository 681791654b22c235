"""The numba internals the engine relies on (src/cooptourney/core/numba_abi.py), one test each.

Each test pins a behaviour of numba itself, so a numba release that changes it fails
here, by name, instead of in a tournament. pyproject.toml bounds numba to the versions
these pass on.
"""

import ctypes

import numpy as np
import pytest
from numba import carray, njit, types

from cooptourney.core import numba_abi
from cooptourney.core.numba_abi import (
    NO_NRT,
    add_four,
    address,
    calling_convention_call,
    defining_module,
    float64_pointer,
    function_address,
    int64_pointer,
    is_intrinsic,
    is_jitted,
    jit_options,
    load_word,
    overload,
    python_function,
    read_only,
    register_symbol_table,
    symbol_table,
)

# --- the _nrt option ------------------------------------------------------------------------------


@njit(inline="never")
def _first(a):
    return a[0]


def _sum_of_firsts(a, b):
    return _first(a) + _first(b)


def test_no_nrt_compiles_without_reference_counting():
    # with NRT, passing arrays to a call increfs and decrefs them (atomic updates)
    x = np.ones(3)
    counted, uncounted = njit(_sum_of_firsts), njit(**NO_NRT)(_sum_of_firsts)
    assert counted(x, x) == uncounted(x, x) == 2.0
    with_nrt = "".join(counted.inspect_llvm().values())
    without = "".join(uncounted.inspect_llvm().values())
    assert "NRT_decref" in with_nrt
    assert "NRT_incref" not in without and "NRT_decref" not in without


def test_no_nrt_refuses_to_allocate():
    with pytest.raises(Exception, match="zeros"):
        njit(**NO_NRT)(lambda n: np.zeros(n))(3)


# --- dispatchers and intrinsics -------------------------------------------------------------------


def _plus_one(x):
    return x + 1


def test_a_dispatcher_keeps_its_python_function_and_options():
    d = njit(error_model="numpy", inline="always")(_plus_one)
    assert is_jitted(d) and not is_jitted(_plus_one) and not is_intrinsic(d)
    assert python_function(d) is _plus_one
    options = jit_options(d)
    assert options["error_model"] == "numpy" and options["inline"] == "always"
    # a copy made from them compiles the same function (core/dispatch.py's inlined)
    assert njit(**{k: v for k, v in options.items() if k != "nopython"})(python_function(d))(1) == 2


def test_overload_is_the_compile_result_for_a_signature():
    d = njit(_plus_one)
    sig = types.int64(types.int64)
    assert overload(d, sig) is None
    d.compile(sig)
    cres = overload(d, sig)
    assert cres is not None and cres.signature.return_type == types.int64


def test_defining_module_of_jitted_functions_and_intrinsics():
    assert defining_module(njit(_plus_one)) == __name__
    assert is_intrinsic(add_four) and not is_jitted(add_four)
    assert defining_module(add_four) == numba_abi.__name__
    assert defining_module(int64_pointer) == numba_abi.__name__


# --- the calling convention and function addresses ------------------------------------------------

_SIG = types.int8(types.intp, types.int64)


@njit(_SIG)
def _doubles(ctx, t):
    return np.int8(2 * t)


@njit(_SIG)
def _raises(ctx, t):
    if t >= 0:
        raise ValueError("a step that raises")
    return np.int8(1)


def test_function_address_is_the_compiled_function_in_numbas_convention():
    # status = f(result*, excinfo**, args...): 0 and the result written through the
    # first pointer when it returns; nonzero when it raises
    fnty = ctypes.CFUNCTYPE(
        ctypes.c_int32, ctypes.POINTER(ctypes.c_int8), ctypes.POINTER(ctypes.c_void_p), ctypes.c_int64, ctypes.c_int64
    )
    result, excinfo = ctypes.c_int8(-1), ctypes.c_void_p(0)
    f = fnty(function_address(_doubles, _SIG))
    assert f(ctypes.byref(result), ctypes.byref(excinfo), 0, 21) == 0
    assert result.value == 42
    g = fnty(function_address(_raises, _SIG))
    assert g(ctypes.byref(result), ctypes.byref(excinfo), 0, 3) != 0
    assert function_address(_doubles, _SIG) == function_address(_doubles, _SIG)


_call = calling_convention_call(0, 1, 2, 3)  # entry, result, excinfo, errors slots


@njit
def _call_through(ctx, t):
    return _call(address(ctx), t)


def test_calling_convention_call_returns_the_move_and_counts_errors():
    ctx = np.zeros(4, dtype=np.int64)
    ctx[0] = function_address(_doubles, _SIG)
    assert _call_through(ctx, 5) == 10
    assert ctx[3] == 0
    ctx[0] = function_address(_raises, _SIG)
    assert _call_through(ctx, 5) == 0  # C, as numba's C wrapper gives
    assert _call_through(ctx, 6) == 0
    assert ctx[3] == 2


# --- addresses ---------------------------------------------------------------------------------------


@njit
def _read_through_pointer(a):
    return carray(int64_pointer(address(a)), a.shape[0]).sum()


@njit
def _add_four_at(a, b):
    add_four(address(a), address(b))


@njit
def _load_word_at(x, k):
    return load_word(address(x) + k)


@njit
def _write_through_float_pointer(a):
    carray(float64_pointer(address(a)), 1)[0] = 7.5


def test_pointer_to_views_an_address_as_an_array():
    a = np.arange(5, dtype=np.int64)
    assert _read_through_pointer(a) == 10
    f = np.zeros(2)
    _write_through_float_pointer(f)
    assert f[0] == 7.5


def test_add_four_adds_four_doubles_in_place():
    a = np.array([1.0, 2.0, 3.0, 4.0, 9.0])
    b = np.array([0.5, 0.25, 0.125, 1e300, 1.0])
    expected = a[:4] + b[:4]
    _add_four_at(a, b)
    assert a[:4].tolist() == expected.tolist() and a[4] == 9.0


def test_load_word_reads_eight_unaligned_little_endian_bytes():
    x = np.arange(1, 17, dtype=np.uint8)
    for k in (0, 1, 3):
        assert int(_load_word_at(x, k)) == int.from_bytes(bytes(x[k : k + 8]), "little")


@njit
def _sum_of_table():
    t = carray(symbol_table("cooptourney_test_abi_table"), 3)
    return t[0] + t[1] + t[2]


def test_a_symbol_table_is_read_by_name_at_run_time():
    table = register_symbol_table("cooptourney_test_abi_table", 3)
    assert register_symbol_table("cooptourney_test_abi_table", 3) is table
    table[:] = (1, 2, 3)
    assert _sum_of_table() == 6
    table[2] = 30  # read when called, not when compiled
    assert _sum_of_table() == 33


# --- read-only views --------------------------------------------------------------------------


def _write_first(a):
    a[0] = 1.0
    return a[0]


def test_read_only_is_the_same_array_and_refuses_writes_at_compile_time():
    # the checked entry hands a plugin's step read-only views (core/dispatch.py): the same
    # memory, readable, and a write to it does not compile
    from numba.core.errors import TypingError

    x = np.arange(4.0)
    reads = njit(lambda a: read_only(a)[2] + read_only(a[1:])[0])
    assert reads(x) == 3.0
    writes = njit(_write_first)
    assert writes(x.copy()) == 1.0
    with pytest.raises(TypingError, match="readonly array"):
        njit(lambda a: writes(read_only(a)))(x)
    assert x.tolist() == [0.0, 1.0, 2.0, 3.0]


def test_trailing_zeros_counts_the_zero_bits_below_the_lowest_one():
    from numba import njit

    from cooptourney.core.numba_abi import trailing_zeros

    tz = njit(lambda w: trailing_zeros(w))
    for k in range(64):
        assert tz(np.uint64(1) << np.uint64(k)) == k
        assert tz((np.uint64(0xFFFFFFFFFFFFFFFF) << np.uint64(k)) & np.uint64(0xFFFFFFFFFFFFFFFF)) == k
    assert tz(np.uint64(0)) == 64
