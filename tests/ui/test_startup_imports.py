"""What the window loads before its first paint stays light (see the start-up figures).

The database library, the models, the domain rules, Alembic, the password hasher and the
logging handlers module each cost 10-300 ms; the window paints first and loads them after.
So does the patient list's model (it imports the patient rows and the domain's enums).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

HEAVY = (
    "sqlalchemy",
    "alembic",
    "argon2",
    "logging.handlers",
    "mesodesk.db.models",
    "mesodesk.domain.rules",
    "mesodesk.services",
    "mesodesk.ui.models",
    "reportlab",
)

SCRIPT = """
import json, sys
from mesodesk.cli import _window_only
from mesodesk.logging_setup import configure_logging
from mesodesk.ui.app import create_application, Workstation
from mesodesk.ui.main_window import MainWindow
from mesodesk.ui.tasks import TaskRunner
_window_only(["--db", "x.db"])
configure_logging()
app = create_application()
window = MainWindow(None, TaskRunner(), "")
window.show()
app.processEvents()
print(json.dumps(sorted(sys.modules)))
"""


def test_nothing_heavy_is_loaded_before_the_first_paint(tmp_path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MESODESK_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, cwd=tmp_path, capture_output=True, text=True,
        timeout=120, check=True,
    )  # fmt: skip
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    early = sorted(m for m in loaded if any(m == h or m.startswith(h + ".") for h in HEAVY))
    assert early == []
