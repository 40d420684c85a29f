"""The floors of start-up: a bare Qt window, and the same plus one SQLAlchemy ORM query.

    python benchmarks/startup_bare.py DB LAUNCHED shown|ready

Prints `shown <epoch>` at the window's first paint; in `ready` mode it then imports
SQLAlchemy, maps a patient class, runs one query of 100 patients in an ORM session, fills
the table and prints `ready <epoch>` when the table is painted with them; last `rss <kB>`.
"""

from __future__ import annotations

import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QTableView, QVBoxLayout, QWidget


class FirstPaint(QObject):
    """`shown` at the first paint, then `done`; with `list_view`, `ready` at the first paint
    of that view after `filled` is set (the app's `ready` is also a painted list)."""

    def __init__(self, done, finish) -> None:
        super().__init__()
        self.done, self.finish, self.seen = done, finish, False
        self.list_view: QWidget | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint:
            return False
        if not self.seen:
            self.seen = True
            print(f"shown {time.time():.6f}", flush=True)
            QTimer.singleShot(0, self.done)
        elif self.list_view is not None and watched is self.list_view:
            self.list_view = None
            print(f"ready {time.time():.6f}", flush=True)
            QTimer.singleShot(0, self.finish)
        return False


def peak_rss_kb() -> int:
    """This process's peak resident memory in kB: VmHWM where there is /proc (ru_maxrss keeps
    the high-water mark of the forked parent across exec, i.e. of the benchmark process)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def fill(db: str, model: QStandardItemModel, edit: QLineEdit) -> None:
    from sqlalchemy import Integer, String, create_engine, select
    from sqlalchemy.orm import DeclarativeBase, Session, mapped_column

    class Base(DeclarativeBase):
        pass

    class Patient(Base):  # unannotated columns: annotations are strings in this module
        __tablename__ = "patients"
        id = mapped_column(Integer, primary_key=True)
        family_name = mapped_column(String)
        given_names = mapped_column(String)

    engine = create_engine(f"sqlite:///{db}")
    with Session(engine) as session:
        rows = session.scalars(select(Patient).order_by(Patient.id).limit(100)).all()
        for p in rows:
            model.appendRow([QStandardItem(p.family_name), QStandardItem(p.given_names)])
    edit.setFocus()


def main() -> None:
    db, mode = sys.argv[1], sys.argv[3]
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    body = QWidget()
    layout = QVBoxLayout(body)
    edit, view, model = QLineEdit(), QTableView(), QStandardItemModel(0, 2)
    view.setModel(model)
    layout.addWidget(edit)
    layout.addWidget(view)
    window.setCentralWidget(body)

    def finish() -> None:
        print(f"rss {peak_rss_kb()}", flush=True)
        app.quit()

    def after_paint() -> None:
        try:
            if mode == "ready":
                fill(db, model, edit)
                painted.list_view = view.viewport()  # `ready` when it shows the rows
                return
        except BaseException:
            app.quit()  # an error must end the run, not leave it waiting
            raise
        finish()

    painted = FirstPaint(after_paint, finish)
    app.installEventFilter(painted)
    window.resize(1366, 768)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
