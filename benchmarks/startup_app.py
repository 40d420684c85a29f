"""Start MesoDesk and print when its main window is painted and when it is ready for input.

    python benchmarks/startup_app.py DB LAUNCHED [CHART_PATIENT]

The app starts through its command line (`mesodesk --db DB`), as a clinic starts it; this
script only adds the probes, before anything of MesoDesk is imported. The probes are one
application event filter, as in `startup_bare.py` (no polling timer competing for the GIL).

Prints `shown <epoch>` at the main window's first paint, `ready <epoch>` at the first paint
of the patient list with rows in it while the search field has focus, `attached <epoch>` at
the first paint once the window has its services (a search typed earlier runs then), then
(with a patient id) opens that chart and, once it is painted with its data, prints
`rss <kB>` (peak resident memory) and quits.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from benchmarks.startup_bare import peak_rss_kb

marks: dict[str, float] = {}


def mark(name: str) -> None:
    if name not in marks:
        marks[name] = time.time()
        print(f"{name} {marks[name]:.6f}", flush=True)


class Probe(QObject):
    """Watches paints inside the main window (not the splash) for each mark in turn."""

    def __init__(self, app: QApplication, chart: int | None) -> None:
        super().__init__()
        self.app, self.chart = app, chart
        self.asked = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
            return False
        window = watched.window()
        if type(window).__name__ != "MainWindow":
            return False
        mark("shown")
        if "ready" not in marks:
            model = window.patient_model
            if (
                model is not None
                and model.rowCount() > 0
                and watched is window.ui.patientTable.viewport()
                and window.focusWidget() is window.ui.searchEdit
            ):
                mark("ready")
        if "attached" not in marks and window.services is not None:
            mark("attached")  # searches, charts and writes work from here
        if "ready" in marks and "attached" in marks and not self.asked:
            self.asked = True  # the chart is asked for once both are marked
            if self.chart is None:
                self.app.quit()
            else:
                QTimer.singleShot(0, lambda: window.open_chart(self.chart))
        elif self.asked:
            chart = window.current_chart()
            if chart is not None and chart.data is not None and watched is chart:
                print(f"rss {peak_rss_kb()}", flush=True)
                self.app.quit()
        return False


def main() -> None:
    db, chart = sys.argv[1], int(sys.argv[3]) if len(sys.argv) > 3 else None
    app = QApplication(sys.argv[:1])
    probe = Probe(app, chart)
    app.installEventFilter(probe)
    QTimer.singleShot(60_000, app.quit)  # never hang the suite

    from mesodesk.cli import main as mesodesk

    mesodesk(["--db", db])


if __name__ == "__main__":
    main()
