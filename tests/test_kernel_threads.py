"""The kernels' threads (core/threads.py): every chunk played once, on the caller's thread
count, and the same bits on any number of threads."""

from __future__ import annotations

import threading

import numba
import numpy as np
import pytest
from numba import njit

from cooptourney import Tournament
from cooptourney.core import threads
from cooptourney.core.layout import OUT_SCORE_A, OUT_SCORE_B, OUT_TURNS
from cooptourney.core.numba_abi import claim

two_threads = pytest.mark.skipif(numba.config.NUMBA_NUM_THREADS < 2, reason="needs two numba threads")


@njit(nogil=True)
def _claim_all(counter, n, owner, me):
    while True:
        c = claim(counter)
        if c >= n:
            return
        owner[c] += me


def test_claim_hands_every_number_to_exactly_one_thread():
    n = 200_000
    counter = np.zeros(1, dtype=np.int64)
    owner = np.zeros(n, dtype=np.int64)
    _claim_all(np.zeros(1, dtype=np.int64), 1, np.zeros(1, dtype=np.int64), 1)  # compile outside the race
    workers = [threading.Thread(target=_claim_all, args=(counter, n, owner, 1 << t)) for t in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    # a number claimed twice would carry two owners' bits (or one's twice: 2, 4, 6, 8...)
    assert np.isin(owner, [1, 2, 4, 8]).all()
    assert counter[0] == n + 4  # each thread's last claim is the one past the end


class _Recorder:
    """A kernel in Python with the compiled kernels' contract: claim chunks, play their tasks."""

    def __init__(self, fail_at: int | None = None) -> None:
        self.lock = threading.Lock()
        self.calls: list[int] = []
        self.played: list[int] = []
        self.fail_at = fail_at

    def __call__(self, k0, k1, n_chunks, next_chunk):
        with self.lock:
            self.calls.append(threading.get_ident())
        n = k1 - k0
        while True:
            with self.lock:
                c = int(next_chunk[0])
                next_chunk[0] += 1
            if c >= n_chunks:
                return
            for k in range(k0 + n * c // n_chunks, k0 + n * (c + 1) // n_chunks):
                if k == self.fail_at:
                    raise ValueError("task failed")
                with self.lock:
                    self.played.append(int(k))


@pytest.mark.parametrize("k0, k1", [(0, 1), (3, 10), (5, 1000), (0, 12_345)])
@pytest.mark.parametrize("n_threads", [1, 2])
def test_play_chunks_plays_every_task_once_on_the_callers_thread_count(k0, k1, n_threads):
    if n_threads > numba.config.NUMBA_NUM_THREADS:
        pytest.skip("needs two numba threads")
    kernel = _Recorder()
    before = numba.get_num_threads()
    numba.set_num_threads(n_threads)
    try:
        threads.play_chunks(kernel, np.int64(k0), np.int64(k1))
    finally:
        numba.set_num_threads(before)
    assert sorted(kernel.played) == list(range(k0, k1))
    assert len(kernel.calls) == min(n_threads, k1 - k0, threads.MAX_CHUNKS)
    assert kernel.calls[0] == threading.get_ident() or n_threads > 1


def test_play_chunks_with_nothing_to_do_calls_nothing():
    kernel = _Recorder()
    threads.play_chunks(kernel, np.int64(4), np.int64(4))
    assert kernel.calls == []


@two_threads
def test_a_failing_call_raises_and_stops_the_other_threads():
    kernel = _Recorder(fail_at=0)
    before = numba.get_num_threads()
    numba.set_num_threads(2)
    try:
        with pytest.raises(ValueError, match="task failed"):
            threads.play_chunks(kernel, np.int64(0), np.int64(100_000))
    finally:
        numba.set_num_threads(before)
    # chunk 0 failed, so task 0 and every task after it in chunk 0 are missing
    assert 0 not in kernel.played and len(kernel.played) < 100_000


SETTINGS = dict(
    players=["Cooperator", "Defector", "Tit For Tat", "Random", "Grudger", "Win-Stay Lose-Shift"],
    prob_end=0.02,
    turns=400,
    noise=0.05,
    repetitions=60,
    seed=11,
)


@two_threads
def test_a_tournament_is_the_same_bits_on_one_and_two_threads_and_in_slices():
    one = Tournament(**SETTINGS).play(processes=1)
    two = Tournament(**SETTINGS).play(processes=2)
    sliced = Tournament(**SETTINGS).play(progress=True, processes=2)  # run_in_chunks' slices
    for res in (two, sliced):
        for name in ("scores", "match_lengths", "cooperation", "normalised_scores", "wins"):
            assert np.array_equal(np.asarray(getattr(one, name)), np.asarray(getattr(res, name)), equal_nan=True), name


def test_every_match_is_played_whatever_the_chunks():
    # 21 pairs x 60 repetitions: more tasks than chunks, so chunks of several tasks
    t = Tournament(**{**SETTINGS, "noise": 0.0})
    out, _, _, _ = t._run(False, False)
    assert (out[:, OUT_TURNS] >= 1).all()
    # Cooperator (0) against Defector (1), pair 1: S and T on every turn (payoffs 0 and 5)
    rows = out[60:120]
    assert np.array_equal(rows[:, OUT_SCORE_A], 0.0 * rows[:, OUT_TURNS])
    assert np.array_equal(rows[:, OUT_SCORE_B], 5.0 * rows[:, OUT_TURNS])
