"""``python -m o365shell``."""
import sys

from .cli import main

sys.exit(main())
