import os
import sys

sys.path.insert(0, os.path.dirname(__file__))  # tests/oracle.py is a helper module, not a package
