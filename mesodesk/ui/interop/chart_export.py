"""The chart's "Export…" button: the patient's archive or FHIR bundle."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMenu, QPushButton


def export_button(chart: Any) -> QPushButton:
    """ "Export…" with the archive (right of access) and the FHIR R4 bundle."""
    button = QPushButton("E&xport…")
    button.setObjectName("exportButton")
    button.setToolTip("The patient's records as an archive (ZIP) or as FHIR R4 (JSON)")
    menu = QMenu(button)
    archive = menu.addAction("Patient's records (archive, ZIP)…")
    archive.setObjectName("export_archive")
    archive.setToolTip("Summary PDF, every record as JSON and FHIR, original photos, checksums")
    archive.triggered.connect(lambda _=False: chart.export_archive())
    fhir = menu.addAction("FHIR R4 bundle (JSON)…")
    fhir.setObjectName("export_fhir")
    fhir.triggered.connect(lambda _=False: chart.export_fhir())
    button.setMenu(menu)
    return button
