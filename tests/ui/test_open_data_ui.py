"""Open data from the window: the chart's exports, CSV tables, the patient import, recall files.

Every file dialog and message box is patched: no test waits on a modal window.
"""

from __future__ import annotations

import json
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from mesodesk.domain.drafts import LotUse, PatientDraft, SessionDraft, ZoneEntry
from mesodesk.domain.enums import ScalpZone, Sex, Technique
from mesodesk.ui.interop.import_dialog import ImportPatientsDialog
from mesodesk.ui.interop.menus import open_import_dialog
from mesodesk.ui.library import LotLibraryDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list:
    urls: list = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url)))
    return urls


def _save_to(monkeypatch, path: Path, offered: list[str] | None = None) -> None:
    def ask(_parent, _title, suggested, _filter):
        if offered is not None:
            offered.append(suggested)
        return str(path), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))


def _patient_with_session(window, clinic) -> int:
    patient = window.services.patients.register(
        PatientDraft(
            "Brennan",
            "Siobhán",
            date(1980, 3, 9),
            sex=Sex.FEMALE,
            phone="+49 30 555 0101",
            consent_treatment=True,
        )
    )
    window.services.sessions.record(
        SessionDraft(
            patient_id=patient.id,
            performed_at=datetime.now().astimezone().replace(microsecond=0) - timedelta(hours=2),
            practitioner_id=clinic.practitioner_id,
            recipe_id=clinic.recipe_id,
            volume_ml=3.0,
            needle_gauge=30,
            needle_length_mm=4.0,
            technique=Technique.NAPPAGE,
            zones=(ZoneEntry(ScalpZone.VERTEX, 1.5, volume_ml=2.0),),
            lots=(LotUse(clinic.good_lot_id, 2.0),),
            no_adverse_events=True,
        ),
        acknowledge_warnings=True,
    )
    return patient.id


def _chart(qtbot, window, clinic):
    chart = window.open_chart(_patient_with_session(window, clinic))
    qtbot.waitUntil(lambda: chart.data is not None, timeout=5000)
    return chart


def _idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.runner.pending == 0, timeout=10_000)


def test_the_chart_exports_the_patients_archive(
    qtbot, window, clinic, questions, monkeypatch, tmp_path: Path
) -> None:
    chart = _chart(qtbot, window, clinic)
    offered: list[str] = []
    _save_to(monkeypatch, tmp_path / "records", offered)  # .zip is added
    button = next(b for b in chart.findChildren(QPushButton) if b.objectName() == "exportButton")
    action = next(a for a in button.menu().actions() if a.objectName() == "export_archive")
    action.trigger()
    qtbot.waitUntil(lambda: any("Patient archive" in q for q in questions), timeout=10_000)
    assert Path(offered[0]).name == f"Brennan_Siobhán_records_{date.today():%Y-%m-%d}.zip"
    with zipfile.ZipFile(tmp_path / "records.zip") as archive:
        record = json.loads(archive.read("record.json"))
    assert record["patient"]["family_name"] == "Brennan"
    assert record["lots"][0]["lot_number"] == "BT-2291"
    assert "Brennan, Siobhán" in questions[-1]


def test_the_patient_menu_exports_fhir_for_the_open_chart(
    qtbot, window, clinic, questions, monkeypatch, tmp_path: Path
) -> None:
    _chart(qtbot, window, clinic)
    _save_to(monkeypatch, tmp_path / "b.json")
    window.actionExportFhir.trigger()
    qtbot.waitUntil(lambda: any("FHIR export" in q for q in questions), timeout=10_000)
    bundle = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    kinds = {e["resource"]["resourceType"] for e in bundle["entry"]}
    assert {"Patient", "Procedure", "Medication", "MedicationAdministration"} <= kinds


def test_cancelling_the_save_dialog_exports_nothing(
    qtbot, window, clinic, questions, monkeypatch, tmp_path: Path
) -> None:
    chart = _chart(qtbot, window, clinic)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    assert chart.export_archive() is None
    assert chart.export_fhir() is None
    _idle(qtbot, window)
    assert not questions


def test_file_menu_exports_a_table_as_csv(
    qtbot, window, clinic, questions, monkeypatch, tmp_path: Path
) -> None:
    _patient_with_session(window, clinic)
    _save_to(monkeypatch, tmp_path / "sessions.csv")
    window.findChild(type(window.actionExportArchive), "actionExport_sessions").trigger()
    qtbot.waitUntil(lambda: any("CSV export" in q for q in questions), timeout=10_000)
    text = (tmp_path / "sessions.csv").read_text(encoding="utf-8-sig")
    assert "Brennan" in text and "BT-2291" in text
    assert "1 sessions written to sessions.csv" in questions[-1]


def _write_import_file(path: Path) -> Path:
    path.write_text(
        "Nachname;Vorname;Geburtsdatum;Telefon\n"
        "Müller;Hans;27.03.1984;+49 30 1\n"
        "Schmidt;;01.01.1990;\n"
        "Brennan;Siobhán;09.03.1980;\n"
        "Weber;Jonas;1970-05-12;\n",
        encoding="utf-8",
    )
    return path


def test_import_dialog_maps_checks_and_imports(
    qtbot, window, clinic, questions, monkeypatch, tmp_path: Path
) -> None:
    _patient_with_session(window, clinic)  # Brennan is already in the clinic
    path = _write_import_file(tmp_path / "old.csv")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(path), "")))
    window.actionImportPatients.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImportPatientsDialog))
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=5000)
    assert [c.currentData() for c in dialog.combos] == [
        "family_name",
        "given_names",
        "birth_date",
        "phone",
    ]
    dialog.set_field(2, None)  # no birth date: the mapping is incomplete
    assert not dialog.import_button.isEnabled()
    assert "date of birth" in dialog.problem_label.text()
    dialog.set_field(2, "birth_date")
    qtbot.mouseClick(dialog.check_button, LEFT)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=5000)
    assert dialog.report.dry_run
    shown = {r.line: dialog._status_text(r) for r in dialog.results.records}
    assert shown == {
        2: "Would be added",
        3: "Error (skipped)",
        4: "Duplicate (skipped)",
        5: "Would be added",
    }
    assert window.services.patients.count() == 1, "a dry run changes nothing"
    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.report.dry_run, timeout=5000)
    assert "2 imported" in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled(), "imported once; the file is done"
    names = {p.display_name for p in window.services.patients.find()}
    assert names == {"Brennan, Siobhán", "Müller, Hans", "Weber, Jonas"}
    qtbot.waitUntil(lambda: window.patient_model.rowCount() == 3, timeout=5000)
    row = next(r for r in dialog.results.records if r.line == 3)
    assert "Given names" in row.messages[0]
    dialog.reject()


def test_an_unreadable_file_is_explained(qtbot, window, questions, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"PK\x03\x04\x00\x00")
    dialog = open_import_dialog(window, path)
    qtbot.waitUntil(lambda: bool(questions), timeout=5000)
    assert "xlsx" in questions[0]
    assert not dialog.check_button.isEnabled()
    dialog.reject()


def test_recall_saves_csv_and_prints_the_report(
    qtbot, window, clinic, opened, monkeypatch, tmp_path: Path
) -> None:
    _patient_with_session(window, clinic)
    window.ui.actionLots.trigger()
    lots = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LotLibraryDialog))
    _idle(qtbot, window)
    assert not lots.print_button.isEnabled()
    row = [lot.id for lot in lots.table.records].index(clinic.good_lot_id)
    lots.table.setCurrentCell(row, 0)
    qtbot.mouseClick(lots.ui.recallButton, LEFT)
    qtbot.waitUntil(lambda: len(lots.recall_table.records) == 1, timeout=5000)
    _save_to(monkeypatch, tmp_path / "recall.csv")
    qtbot.mouseClick(lots.save_csv_button, LEFT)
    _idle(qtbot, window)
    assert "Brennan" in (tmp_path / "recall.csv").read_text(encoding="utf-8-sig")
    offered: list[str] = []
    _save_to(monkeypatch, tmp_path / "recall.pdf", offered)
    qtbot.mouseClick(lots.print_button, LEFT)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10_000)
    assert "BT-2291" in Path(offered[0]).name
    text = PdfReader(tmp_path / "recall.pdf").pages[0].extract_text()
    assert "Brennan, Siobhán" in text and "BT-2291" in text
