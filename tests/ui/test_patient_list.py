"""The patient list pages in the background: never the whole table, never on the UI thread."""

from __future__ import annotations

from pathlib import Path

from mesodesk.demo import generate
from mesodesk.services import Services
from mesodesk.services.store import Store
from mesodesk.ui.main_window import MainWindow
from mesodesk.ui.models.patient_table import PAGE_SIZE


def test_rows_arrive_page_by_page_and_the_caption_counts_all(
    qtbot,
    runner,
    tmp_path: Path,
    questions,
) -> None:
    store = Store.open(str(tmp_path / "demo.db"))
    generate(store, patients=250)
    window = MainWindow(Services(store), runner, "demo")
    qtbot.addWidget(window)
    window.show()
    model = window.patient_model
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE and model.total == 250, timeout=5000)
    assert "250 patients" in window.ui.resultCountLabel.text()
    table = window.ui.patientTable
    while model.rowCount() < 250:
        before = model.rowCount()
        table.scrollToBottom()
        qtbot.waitUntil(lambda b=before: model.rowCount() > b, timeout=5000)
    assert not model.canFetchMore()
    ids = [model.patient_at(r).id for r in range(model.rowCount())]
    assert len(set(ids)) == 250
    window.close()
    store.dispose()
