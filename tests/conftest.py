import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))  # tests/oracle.py is a helper module, not a package


@pytest.fixture
def clean_registry():
    """Plugins register strategies globally; put the registry back as it was after the test."""
    from cooptourney.registry import REGISTRY

    REGISTRY.ensure_loaded()
    specs, index = dict(REGISTRY._specs), dict(REGISTRY._index)
    yield
    REGISTRY._specs.clear()
    REGISTRY._specs.update(specs)
    REGISTRY._index.clear()
    REGISTRY._index.update(index)
