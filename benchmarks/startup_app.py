"""Start MesoDesk and print when its main window is painted and when it is ready for input.

    python benchmarks/startup_app.py DB LAUNCHED [CHART_PATIENT]

The app starts through its command line (`mesodesk --db DB`), as a clinic starts it; this
script only adds the probes, before anything of MesoDesk is imported.

Prints `shown <epoch>` at the main window's first paint, `ready <epoch>` once the patient
list has rows and the search field has focus, then (with a patient id) opens that chart,
waits for its data and prints `rss <kB>` (peak resident memory) before quitting.
"""

from __future__ import annotations

import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

marks: dict[str, float] = {}


def mark(name: str) -> None:
    if name not in marks:
        marks[name] = time.time()
        print(f"{name} {marks[name]:.6f}", flush=True)


class FirstPaint(QObject):
    """Notes the first paint of any widget inside the main window (not the splash)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and type(watched.window()).__name__ == "MainWindow"
        ):
            mark("shown")
        return False


def main() -> None:
    db, chart = sys.argv[1], int(sys.argv[3]) if len(sys.argv) > 3 else None
    app = QApplication(sys.argv[:1])
    painted = FirstPaint()
    app.installEventFilter(painted)
    poll = QTimer()
    poll.setInterval(1)

    def check() -> None:
        window = next((w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow"), None)
        if window is None:
            return
        if "ready" not in marks:
            model, edit = getattr(window, "patient_model", None), window.ui.searchEdit
            if model is not None and model.rowCount() > 0 and window.focusWidget() is edit:
                mark("ready")
                if chart is None:
                    app.quit()
                else:
                    window.open_chart(chart)
        elif window.current_chart() is not None and window.current_chart().data is not None:
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            print(f"rss {rss}", flush=True)
            app.quit()

    poll.timeout.connect(check)
    poll.start()
    QTimer.singleShot(60_000, app.quit)  # never hang the suite

    from mesodesk.cli import main as mesodesk

    mesodesk(["--db", db])


if __name__ == "__main__":
    main()
