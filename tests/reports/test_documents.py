"""What a patient or a referring doctor reads on the printed documents."""

from __future__ import annotations

import io
import time
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from mesodesk.domain.enums import PaperSize
from mesodesk.files import write_atomically
from mesodesk.reports.consent import build_consent
from mesodesk.reports.documents import DOCUMENTS, default_file_name
from mesodesk.reports.handout import build_handout
from mesodesk.reports.report_data import ClinicInfo, PatientInfo, ReportData
from mesodesk.reports.summary import build_summary
from tests.reports.conftest import pdf_pages, pdf_text, report, session

BUILDERS = [kind.build for kind in DOCUMENTS.values()]


def test_the_summary_shows_patient_mixture_lots_depths_and_next_visit(data: ReportData) -> None:
    text = pdf_text(build_summary(data))
    for expected in (
        "Müller, Anna",
        "P000007",
        "Ludwig II",
        "Frontal 140/cm² 61 µm",
        "Biotin 0.5 mg/mL",
        "BT-2291",
        "Vertex (crown) 1.5 mm",
        "Frontal 1.25 mm",
        "09.03.2026",
        "Dr Lena Vogel, signature",
        "Printed 02.03.2026",
    ):
        assert expected in text, expected


def test_the_handout_says_what_was_done_and_when_to_come_back(data: ReportData) -> None:
    text = pdf_text(build_handout(data))
    for expected in (
        "Anna Müller",
        "Vertex (crown) 1.5 mm",
        "BT-2291",
        "Monday, 09 March 2026",
        "12 hours",  # aftercare comes from the editable text
        "When to call the clinic",
        "+49 30 1234",
    ):
        assert expected in text, expected
    assert "%" not in text  # no figures, let alone promised results


def test_the_consent_form_is_prefilled_and_asks_every_question(data: ReportData) -> None:
    text = pdf_text(build_consent(data))
    assert "Anna Müller" in text and "P000007" in text and "06.05.1984" in text
    assert "pregnant" in text and "blood thinners" in text
    assert text.count("☐ Yes") >= 10  # eight questions and two photo consents
    assert "Patient's signature" in text


@pytest.mark.parametrize("build", BUILDERS)
@pytest.mark.parametrize("family,given", [("Ørsted", "Łukasz"), ("Nguyễn", "Thị Minh")])
def test_names_in_any_script_print(build, family: str, given: str, data: ReportData) -> None:
    patient = replace(data.patient, family_name=family, given_names=given)
    text = pdf_text(build(replace(data, patient=patient)))
    assert family in text and given in text


HOSTILE = '<img src="{path}"/> & a lone < here'


@pytest.mark.parametrize("build", BUILDERS)
def test_hostile_text_prints_literally_and_reads_no_file(build, tmp_path, data) -> None:
    from PIL import Image

    secret = tmp_path / "secret.png"
    Image.new("RGB", (40, 40), "red").save(secret)
    hostile = HOSTILE.format(path=secret)
    hostile_data = replace(
        data,
        clinic=replace(data.clinic, name=hostile, address=hostile),
        patient=replace(data.patient, family_name=hostile, allergies=hostile),
        sessions=(session(0, reactions=hostile, mixture=hostile, zones=(hostile,)),),
        assessments=(replace(data.assessments[0], notes=hostile, diagnosis=hostile),),
    )
    content = build(hostile_data)
    text = pdf_text(content).replace("\n", " ")
    assert '<img src="' in text and "a lone < here" in text
    reader = PdfReader(io.BytesIO(content))
    for page in reader.pages:
        assert not page.images, "a local file was embedded"


def test_a_patient_with_nothing_recorded_still_gets_sensible_documents() -> None:
    empty = ReportData(
        clinic=ClinicInfo(),
        patient=PatientInfo(1, "P000001", "Ørsted", "Ida", None, "Female"),
        printed_on=date(2026, 3, 2),
    )
    summary = pdf_text(build_summary(empty))
    assert "No session recorded yet." in summary
    assert "No course has been planned." in summary
    assert "No outcome measured yet." in summary
    assert "Page 1 of 1" in summary
    handout = pdf_text(build_handout(empty))
    assert "No treatment has been recorded yet." in handout
    assert "No further session is planned" in handout
    assert "Please call the clinic that treated you." in handout
    assert "Ørsted" in pdf_text(build_consent(empty))


def test_page_x_of_y_is_right_on_a_long_summary() -> None:
    pages = pdf_pages(build_summary(report(sessions=30)))
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
    sessions_seen = sum(text.count("BT-2291") for text in pages)
    assert sessions_seen >= 30  # every row printed (the header repeats, rows do not)


def test_amended_and_draft_sessions_are_marked(data: ReportData) -> None:
    marked = replace(
        data,
        sessions=(
            session(0, amendment="Amended: replaces the version signed 05.01.2026 (typo)"),
            session(1, signed=False),
        ),
    )
    text = " ".join(pdf_text(build_summary(marked)).split())
    assert "Amended: replaces the version signed 05.01.2026 (typo)" in text
    assert "Draft, not signed" in text


@pytest.mark.parametrize("build", BUILDERS)
def test_paper_size_follows_the_settings(build, data: ReportData) -> None:
    letter = replace(data, clinic=replace(data.clinic, paper_size=PaperSize.LETTER))
    a4 = PdfReader(io.BytesIO(build(data))).pages[0].mediabox
    us = PdfReader(io.BytesIO(build(letter))).pages[0].mediabox
    assert (round(a4.width), round(a4.height)) == (595, 842)
    assert (round(us.width), round(us.height)) == (612, 792)


def test_a_logo_prints_and_a_broken_one_is_left_out(data: ReportData) -> None:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (300, 120), "teal").save(buffer, "PNG")
    with_logo = replace(data, clinic=replace(data.clinic, logo_png=buffer.getvalue()))
    assert len(PdfReader(io.BytesIO(build_summary(with_logo))).pages[0].images) == 1
    broken = replace(data, clinic=replace(data.clinic, logo_png=b"not a png"))
    assert "Lindenhof Clinic" in pdf_text(build_summary(broken))


def test_a_ten_session_summary_is_quick_and_small() -> None:
    data = report(sessions=10)
    build_summary(data)  # fonts registered once per process
    started = time.perf_counter()
    content = build_summary(data)
    elapsed = time.perf_counter() - started
    assert elapsed < 2.0, f"{elapsed:.2f} s"
    assert len(content) < 2_000_000


def test_files_are_written_whole_with_a_safe_default_name(tmp_path, data) -> None:
    target = write_atomically(tmp_path / "out.pdf", build_summary(data))
    assert PdfReader(target, strict=True).pages
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]
    name = default_file_name("van der Berg/Ørsted", "Anna", "summary", date(2026, 3, 2))
    assert name == "van_der_Berg_Ørsted_Anna_summary_2026-03-02.pdf"


def test_the_signature_lines_share_a_page_with_the_statement_they_sign(data) -> None:
    for count in (0, 12):  # a short and a long consent text both keep them together
        patient = replace(data.patient, allergies="x" * count)
        pages = pdf_pages(build_consent(replace(data, patient=patient)))
        signing = next(p for p in pages if "Patient's signature" in p)
        assert "I have read this form" in signing
