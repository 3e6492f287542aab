"""A longer fuzz run than the test suite's (by hand): python scripts/fuzz_long.py [examples]

Runs the fuzz properties of tests/engine/test_fuzz.py with many more examples."""
import os
import sys

import pytest

n = sys.argv[1] if len(sys.argv) > 1 else "5000"
os.environ["HYPOTHESIS_PROFILE"] = "long"
sys.exit(pytest.main(["-q", "-p", "no:cacheprovider", os.path.join(os.path.dirname(__file__), "..", "tests",
                                                                 "engine", "test_fuzz.py"),
                      f"--hypothesis-seed=0", "-o", f"hypothesis_max_examples={n}"]))
