"""A longer fuzz run than the test suite's, run by hand:  python scripts/fuzz_long.py [examples]

Runs the properties of tests/engine/test_fuzz.py with FUZZ_EXAMPLES examples each (default 3000)."""
import os
import sys

import pytest

os.environ["FUZZ_EXAMPLES"] = sys.argv[1] if len(sys.argv) > 1 else "3000"
here = os.path.dirname(os.path.abspath(__file__))
sys.exit(pytest.main(["-q", "-p", "no:cacheprovider", os.path.join(here, "..", "tests", "engine", "test_fuzz.py")]))
