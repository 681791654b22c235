"""Helper for tests/test_properties.py: play a fixed tournament and print
``<numba threads> <sha256 of the result arrays>``. Run with NUMBA_NUM_THREADS set."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numba
from test_properties import THREAD_SETTINGS, result_hash

from cooptourney import Tournament

if __name__ == "__main__":
    res = Tournament(**THREAD_SETTINGS).play()
    print(numba.get_num_threads(), result_hash(res))
