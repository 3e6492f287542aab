"""o365shell: a PowerShell-like shell for rehearsing Office 365 MFA and organization admin commands."""
from __future__ import annotations

import os as _os
import sys as _sys

__version__ = "0.1.0"


def _map_source_cmdlets() -> None:
    """In a source checkout (``python -m pytest`` or ``python -m o365shell`` from the project folder)
    ``o365shell`` is this folder, but ``o365shell.cmdlets`` lives in the top-level ``cmdlets/``
    folder that installation puts inside the package. Resolve it there, lazily."""
    here = _os.path.dirname(_os.path.abspath(__file__))
    if _os.path.isdir(_os.path.join(here, "cmdlets")):
        return  # an installed copy
    folder = _os.path.join(_os.path.dirname(here), "cmdlets")
    init = _os.path.join(folder, "__init__.py")
    if not _os.path.isfile(init):
        return

    class SourceCmdletsFinder:
        """Finds ``o365shell.cmdlets`` in the source checkout's ``cmdlets/`` folder."""

        @staticmethod
        def find_spec(name: str, path: object = None, target: object = None) -> object:
            if name != "o365shell.cmdlets":
                return None
            import importlib.util
            return importlib.util.spec_from_file_location(name, init, submodule_search_locations=[folder])

    _sys.meta_path.insert(0, SourceCmdletsFinder())  # type: ignore[arg-type]


_map_source_cmdlets()
