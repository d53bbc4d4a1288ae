"""The command line starts light: building the parser loads no GUI, database, spreadsheet or PDF
library (they load when a command that needs them runs)."""

from __future__ import annotations

import json
import subprocess
import sys

_PROBE = """
import json, sys
from doancoso.__main__ import main  # what the `doancoso` script imports
from doancoso.cli.main import build_parser

build_parser()
heavy = ("sqlalchemy", "alembic", "PySide6", "reportlab", "openpyxl", "python_calamine", "xlrd")
print(json.dumps(sorted(name for name in heavy if name in sys.modules)))
"""


def test_building_the_parser_loads_nothing_heavy() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(done.stdout) == []
