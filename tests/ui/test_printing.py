"""Printing from the chart: the person picks a file, the PDF appears and opens."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QPushButton

from mesodesk.domain.drafts import PatientDraft
from mesodesk.domain.enums import Sex


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url)))
    return urls


def _chart(qtbot, window):
    patient = window.services.patients.register(
        PatientDraft(
            family_name="Nguyễn",
            given_names="Thị Minh",
            birth_date=date(1990, 2, 3),
            sex=Sex.FEMALE,
        )
    )
    chart = window.open_chart(patient.id)
    qtbot.waitUntil(lambda: chart.data is not None, timeout=5000)
    return chart


def _save_to(monkeypatch, path: Path, offered: list[str]) -> None:
    def ask(_parent, _title, suggested, _filter):
        offered.append(suggested)
        return str(path), "PDF documents (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))


@pytest.mark.parametrize("kind", ["summary", "handout", "consent"])
def test_print_menu_writes_and_opens_the_document(
    qtbot, window, monkeypatch, tmp_path: Path, opened, kind: str
) -> None:
    chart = _chart(qtbot, window)
    offered: list[str] = []
    target = tmp_path / "out.pdf"
    _save_to(monkeypatch, target, offered)
    button = next(b for b in chart.findChildren(QPushButton) if b.text() == "&Print…")
    action = next(a for a in button.menu().actions() if a.objectName() == f"print_{kind}")
    action.trigger()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10_000)
    assert Path(offered[0]).name == f"Nguyễn_Thị_Minh_{kind}_{date.today():%Y-%m-%d}.pdf"
    text = "".join(page.extract_text() for page in PdfReader(target, strict=True).pages)
    assert "Nguyễn" in text
    assert opened[0].toLocalFile() == str(target)


def test_ctrl_p_prints_the_summary_of_the_open_chart(
    qtbot, window, monkeypatch, tmp_path: Path, opened
) -> None:
    chart = _chart(qtbot, window)
    target = tmp_path / "summary"  # no suffix typed: .pdf is added
    _save_to(monkeypatch, target, [])
    chart.tabs.setFocus()
    qtbot.keyClick(chart.tabs, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10_000)
    assert "Treatment summary" in PdfReader(tmp_path / "summary.pdf").pages[0].extract_text()


def test_cancelling_the_file_dialog_writes_nothing(qtbot, window, monkeypatch, opened) -> None:
    chart = _chart(qtbot, window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    chart.print_summary()
    assert window.runner.pending == 0 and not opened


# A database whose audit trail refuses every new row (a full disk, a broken trigger, …).
REFUSE_AUDIT = (
    "CREATE TRIGGER audit_log_refused BEFORE INSERT ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be written'); END"
)


def test_a_print_the_audit_trail_cannot_record_leaves_no_file(
    qtbot, window, monkeypatch, tmp_path: Path, opened, questions
) -> None:
    chart = _chart(qtbot, window)
    folder = tmp_path / "out"
    folder.mkdir()
    _save_to(monkeypatch, folder / "summary.pdf", [])
    with window.services.store.engine.begin() as connection:
        connection.exec_driver_sql(REFUSE_AUDIT)
    chart.print_summary()
    qtbot.waitUntil(lambda: len(questions) == 1, timeout=10_000)
    assert questions[0].startswith("The document could not be made: ")
    assert "the audit trail cannot be written" in questions[0]
    assert list(folder.iterdir()) == []  # neither the document nor a temporary file
    assert not opened


def test_a_print_that_cannot_be_put_in_place_says_so(
    qtbot, window, monkeypatch, tmp_path: Path, opened, questions
) -> None:
    chart = _chart(qtbot, window)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "summary.pdf"
    target.mkdir()  # a folder of that name is in the way: the rename fails
    _save_to(monkeypatch, target, [])
    chart.print_summary()
    qtbot.waitUntil(lambda: len(questions) == 1, timeout=10_000)
    assert questions[0].startswith(
        f"The document could not be made: The treatment summary was not saved as {target} ("
    )
    assert "print it again" in questions[0]
    assert [p.name for p in folder.iterdir()] == ["summary.pdf"] and target.is_dir()
    assert not opened
