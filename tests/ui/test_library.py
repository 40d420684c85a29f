"""The Clinic menu's screens driven as a clinic would: ingredients, recipes, lots and recall."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from mesodesk.domain.drafts import LotUse, PatientDraft, RecipeItemDraft, SessionDraft, ZoneEntry
from mesodesk.domain.enums import ConcentrationUnit, ScalpZone, Sex, Technique
from mesodesk.ui.library import (
    AdjustLotDialog,
    IngredientDialog,
    IngredientLibraryDialog,
    LotLibraryDialog,
    ReceiveLotDialog,
    RecipeLibraryDialog,
)

LEFT = Qt.MouseButton.LeftButton
SAVE = QDialogButtonBox.StandardButton.Save
CLOSE = QDialogButtonBox.StandardButton.Close
MG_ML = ConcentrationUnit.MG_PER_ML


def _dialog(qtbot, kind):
    found: list = []

    def visible() -> bool:
        found[:] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(visible, timeout=5000)
    return found[0]


def _idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.runner.pending == 0, timeout=5000)


def _close(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.ui.buttonBox.button(CLOSE), LEFT)
    assert not dialog.isVisible()


def _open(qtbot, window, action, kind):
    action.trigger()
    dialog = _dialog(qtbot, kind)
    _idle(qtbot, window)
    return dialog


def _patient(window, family: str = "Keller", given: str = "Tom") -> int:
    draft = PatientDraft(
        family_name=family,
        given_names=given,
        birth_date=date(1980, 3, 9),
        sex=Sex.MALE,
        phone="+49 30 555 0101",
        consent_treatment=True,
    )
    return window.services.patients.register(draft).id


def _session(window, clinic, patient_id: int) -> None:
    draft = SessionDraft(
        patient_id=patient_id,
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
    )
    window.services.sessions.record(draft, acknowledge_warnings=True)


def _names(table) -> list[str]:
    return [record.name for record in table.records]


# -- opening from the Clinic menu -----------------------------------------------------------
def test_clinic_menu_opens_each_screen_once(qtbot, window) -> None:
    ui = window.ui
    ingredients = _open(qtbot, window, ui.actionIngredients, IngredientLibraryDialog)
    assert _names(ingredients.table) == ["Biotin", "Organic silicon"]
    assert ingredients.ui.countLabel.text() == "2 ingredients"
    ui.actionIngredients.trigger()  # asked again: the same window, not a second one
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, IngredientLibraryDialog)]
    assert len(window.findChildren(IngredientLibraryDialog)) == 1
    _close(qtbot, ingredients)

    recipes = _open(qtbot, window, ui.actionRecipes, RecipeLibraryDialog)
    assert _names(recipes.list) == ["AGA standard"]
    qtbot.waitUntil(lambda: recipes.shown is not None, timeout=5000)
    assert recipes.ui.nameEdit.text() == "AGA standard"
    assert [row.ingredient.currentText() for row in recipes.items.rows] == [
        "Biotin",
        "Organic silicon",
    ]
    _close(qtbot, recipes)

    lots = _open(qtbot, window, ui.actionLots, LotLibraryDialog)
    assert [lot.lot_number for lot in lots.table.records] == ["BT-1180", "BT-2291"]
    assert lots.table.item(0, 5).text() == "Expired"
    assert "1 expired" in lots.ui.countLabel.text()
    lots.ui.showExpiredCheck.click()
    qtbot.waitUntil(lambda: len(lots.table.records) == 1, timeout=5000)
    _close(qtbot, lots)


# -- ingredients ----------------------------------------------------------------------------
def test_add_an_ingredient_and_a_duplicate_name_is_refused(qtbot, window) -> None:
    library = _open(qtbot, window, window.ui.actionIngredients, IngredientLibraryDialog)
    qtbot.mouseClick(library.ui.newButton, LEFT)
    form = _dialog(qtbot, IngredientDialog)
    qtbot.keyClicks(form.ui.nameEdit, "biotin")
    assert not form.ui.buttonBox.button(SAVE).isEnabled()
    assert "already has" in form.ui.problemsLabel.text()
    form.ui.nameEdit.clear()
    qtbot.keyClicks(form.ui.nameEdit, "Dutasteride")
    form.ui.classCombo.setCurrentIndex(form.ui.classCombo.findText("Drug"))
    qtbot.keyClicks(form.ui.concentrationEdit, "0,02")
    form.ui.unitCombo.setCurrentIndex(form.ui.unitCombo.findText("%"))
    qtbot.mouseClick(form.ui.pregnancyCheck, LEFT)
    qtbot.mouseClick(form.ui.buttonBox.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: "Dutasteride" in _names(library.table), timeout=5000)
    assert not form.isVisible()
    stored = {i.name: i for i in window.services.mixtures.ingredients()}["Dutasteride"]
    assert (stored.default_concentration, stored.unit.value) == (0.02, "%")
    assert stored.pregnancy_contraindicated
    assert library.table.current_record().name == "Dutasteride"
    assert library.table.item(library.table.currentRow(), 3).text() == "Not in pregnancy"

    library.table.setCurrentCell(_names(library.table).index("Biotin"), 0)
    qtbot.keyClick(library.table, Qt.Key.Key_Return)  # Enter opens the ingredient
    form = _dialog(qtbot, IngredientDialog)
    assert (form.ui.nameEdit.text(), form.ui.concentrationEdit.text()) == ("Biotin", "0.5")
    assert form.ui.unitCombo.currentText() == "mg/mL"
    form.reject()
    assert not form.isVisible()
    _close(qtbot, library)


# -- recipes --------------------------------------------------------------------------------
def test_create_a_recipe_by_clicks_and_keystrokes(qtbot, window) -> None:
    dialog = _open(qtbot, window, window.ui.actionRecipes, RecipeLibraryDialog)
    ui = dialog.ui
    qtbot.mouseClick(ui.newButton, LEFT)
    assert ui.editorTitleLabel.text() == "New template"
    qtbot.keyClicks(ui.nameEdit, "Inflammatory scalp")
    qtbot.keyClicks(ui.volumeEdit, "3,5")
    qtbot.mouseClick(ui.addRowButton, LEFT)
    qtbot.mouseClick(ui.addRowButton, LEFT)
    first, second = dialog.items.rows
    assert (first.ingredient.currentText(), first.concentration.text()) == ("Biotin", "0.5")
    assert (second.ingredient.currentText(), second.unit.currentText()) == (
        "Organic silicon",
        "mg/mL",
    )
    second.concentration.selectAll()
    qtbot.keyClicks(second.concentration, "12.5")
    qtbot.keyClicks(ui.notesEdit, "Zinc-free; for seborrhoeic scalps.")
    assert ui.saveButton.isEnabled()
    qtbot.mouseClick(ui.saveButton, LEFT)

    qtbot.waitUntil(lambda: "Inflammatory scalp" in _names(dialog.list), timeout=5000)
    _idle(qtbot, window)
    assert dialog.list.current_record().name == "Inflammatory scalp"
    assert ui.editorTitleLabel.text() == "Inflammatory scalp"
    assert "Saved" in ui.statusLabel.text()
    assert not dialog.dirty and not ui.saveButton.isEnabled()
    mixtures = window.services.mixtures
    saved = next(t for t in mixtures.templates() if t.name == "Inflammatory scalp")
    view = mixtures.get_recipe(saved.id)
    assert view.is_template and view.total_volume_ml == 3.5
    assert [(i.ingredient_name, i.concentration, i.unit) for i in view.items] == [
        ("Biotin", 0.5, MG_ML),
        ("Organic silicon", 12.5, MG_ML),
    ]
    assert view.notes == "Zinc-free; for seborrhoeic scalps."
    _close(qtbot, dialog)


def test_recipe_without_ingredients_or_volume_is_refused(qtbot, window, questions) -> None:
    dialog = _open(qtbot, window, window.ui.actionRecipes, RecipeLibraryDialog)
    ui = dialog.ui
    qtbot.mouseClick(ui.newButton, LEFT)
    qtbot.keyClicks(ui.nameEdit, "Empty")
    qtbot.keyClicks(ui.volumeEdit, "0")
    text = ui.problemsLabel.text()
    assert "A recipe needs at least one ingredient." in text
    assert "Total volume 0 mL is refused" in text
    assert ui.volumeEdit.property("problem") == "error"
    assert ui.itemsTable.property("problem") == "error"
    assert not ui.saveButton.isEnabled()
    qtbot.mouseClick(ui.saveButton, LEFT)
    dialog.save()  # even asked directly, a refused recipe is not sent to the database
    qtbot.mouseClick(ui.addRowButton, LEFT)
    assert "at least one ingredient" not in ui.problemsLabel.text()
    assert not ui.saveButton.isEnabled()  # the volume is still 0
    _idle(qtbot, window)
    assert [t.name for t in window.services.mixtures.templates()] == ["AGA standard"]

    questions.answer(QMessageBox.StandardButton.Discard)
    _close(qtbot, dialog)
    assert questions and "not saved" in questions[-1]


def test_a_used_recipe_keeps_its_composition_and_saves_as_new(qtbot, window, clinic, questions):
    _session(window, clinic, _patient(window))
    dialog = _open(qtbot, window, window.ui.actionRecipes, RecipeLibraryDialog)
    qtbot.waitUntil(lambda: dialog.shown is not None, timeout=5000)
    ui = dialog.ui
    ui.volumeEdit.selectAll()
    qtbot.keyClicks(ui.volumeEdit, "5")
    qtbot.mouseClick(ui.saveButton, LEFT)
    qtbot.waitUntil(lambda: bool(questions), timeout=5000)
    assert "used in 1 session" in questions[-1]
    assert dialog.dirty and ui.saveButton.isEnabled()
    ui.nameEdit.selectAll()
    qtbot.keyClicks(ui.nameEdit, "AGA standard 5 mL")
    qtbot.mouseClick(ui.saveAsNewButton, LEFT)
    qtbot.waitUntil(lambda: len(dialog.list.records) == 2, timeout=5000)
    _idle(qtbot, window)
    volumes = {t.name: t.total_volume_ml for t in window.services.mixtures.templates()}
    assert volumes == {"AGA standard": 4.0, "AGA standard 5 mL": 5.0}
    assert dialog.list.current_record().name == "AGA standard 5 mL"
    _close(qtbot, dialog)


def test_a_patients_variant_shows_its_differences(qtbot, window, clinic) -> None:
    patient_id = _patient(window, "Ødegaard", "Ines")

    def open_for_patient() -> RecipeLibraryDialog:
        dialog = RecipeLibraryDialog(
            window.services, window.runner, window, patient_id=patient_id, patient_name="Ødegaard"
        )
        dialog.open()
        qtbot.waitUntil(lambda: dialog.shown is not None, timeout=5000)
        return dialog

    dialog = open_for_patient()
    assert dialog.ui.variantButton.isVisible() and dialog.ui.variantButton.isEnabled()
    qtbot.mouseClick(dialog.ui.variantButton, LEFT)
    qtbot.waitUntil(lambda: not dialog.shown.is_template, timeout=5000)
    _idle(qtbot, window)
    variant = dialog.shown
    assert dialog.list.current_record().id == variant.id
    assert dialog.ui.editorTitleLabel.text() == "AGA standard (variant)"
    assert "Same composition" in dialog.ui.differencesLabel.text()
    dialog.reject()

    biotin = variant.items[0]
    changed = (RecipeItemDraft(biotin.ingredient_id, 1.0, MG_ML),)
    draft = replace(variant.as_draft(), items=changed, total_volume_ml=3.0)
    window.services.mixtures.update_recipe(variant.id, draft)
    dialog = open_for_patient()  # the patient's own variants are listed first
    assert dialog.shown.id == variant.id
    label = dialog.ui.differencesLabel
    assert label.isVisible()
    for line in (
        "Differences from the template “AGA standard”",
        "Biotin: 0.5 mg/mL → 1 mg/mL",
        "Removed Organic silicon (template: 10 mg/mL)",
        "Total volume: 4 mL → 3 mL",
    ):
        assert line in label.text()
    _idle(qtbot, window)
    dialog.reject()
    assert not dialog.isVisible()


def test_a_save_that_fails_half_way_stores_nothing_and_saves_once_when_retried(
    qtbot, window, clinic, questions, monkeypatch
) -> None:
    from mesodesk.services import mixtures

    patient_id = _patient(window, "Aalto", "Sini")
    variant = window.services.mixtures.make_variant(clinic.recipe_id, patient_id)
    dialog = RecipeLibraryDialog(
        window.services, window.runner, window, patient_id=patient_id, patient_name="Aalto"
    )
    dialog.open()
    qtbot.waitUntil(lambda: dialog.shown is not None, timeout=5000)
    _idle(qtbot, window)
    assert dialog.shown.id == variant.id
    failures = ["disk I/O error"]  # reading the differences back fails once, then works
    compare = mixtures.differences

    def flaky(*args):
        if failures:
            raise OSError(failures.pop())
        return compare(*args)

    monkeypatch.setattr(mixtures, "differences", flaky)
    ui = dialog.ui
    ui.nameEdit.selectAll()
    qtbot.keyClicks(ui.nameEdit, "Aalto 3 mL")
    ui.volumeEdit.selectAll()
    qtbot.keyClicks(ui.volumeEdit, "3")
    qtbot.mouseClick(ui.saveAsNewButton, LEFT)
    qtbot.waitUntil(lambda: bool(questions), timeout=5000)
    _idle(qtbot, window)
    assert questions == ["Recipe not saved: disk I/O error"]
    service = window.services.mixtures
    assert [r.name for r in service.recipes_for_patient(patient_id) if not r.is_template] == [
        variant.name
    ]  # nothing of the failed save was stored
    assert dialog.dirty and dialog.shown.id == variant.id and ui.saveAsNewButton.isEnabled()

    qtbot.mouseClick(ui.saveAsNewButton, LEFT)  # trying again stores it once
    qtbot.waitUntil(lambda: "Aalto 3 mL" in _names(dialog.list), timeout=5000)
    _idle(qtbot, window)
    assert questions == ["Recipe not saved: disk I/O error"]
    own = [r.name for r in service.recipes_for_patient(patient_id) if not r.is_template]
    assert sorted(own) == sorted([variant.name, "Aalto 3 mL"])
    assert dialog.shown.name == "Aalto 3 mL" and not dialog.dirty
    assert "Total volume: 4 mL → 3 mL" in ui.differencesLabel.text()
    _close(qtbot, dialog)


# -- lots -----------------------------------------------------------------------------------
def test_receive_a_lot_and_correct_its_quantity(qtbot, window) -> None:
    lots = _open(qtbot, window, window.ui.actionLots, LotLibraryDialog)
    qtbot.mouseClick(lots.ui.receiveButton, LEFT)
    form = _dialog(qtbot, ReceiveLotDialog)
    ui = form.ui
    expiry = date.today() + timedelta(days=400)
    qtbot.keyClicks(ui.productEdit, "Organic silicon 0.5 % 5 mL vial")
    qtbot.keyClicks(ui.lotNumberEdit, "SI-7781")
    qtbot.keyClicks(ui.expiryEdit, f"{expiry:%d.%m.%Y}")
    qtbot.keyClicks(ui.quantityEdit, "25")
    ui.unitEdit.selectAll()
    qtbot.keyClicks(ui.unitEdit, "ampoules")
    qtbot.keyClicks(ui.supplierEdit, "Silicea")
    ui.ingredientCombo.setCurrentIndex(ui.ingredientCombo.findText("Organic silicon"))
    assert ui.buttonBox.button(SAVE).isEnabled(), ui.problemsLabel.text()
    qtbot.mouseClick(ui.buttonBox.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: len(lots.table.records) == 3, timeout=5000)
    _idle(qtbot, window)
    received = lots.table.current_record()
    assert (received.lot_number, received.quantity_left, received.unit) == (
        "SI-7781",
        25,
        "ampoules",
    )
    stored = {lot.lot_number: lot for lot in window.services.mixtures.lots()}["SI-7781"]
    assert (stored.expiry_date, stored.ingredient_name, stored.supplier) == (
        expiry,
        "Organic silicon",
        "Silicea",
    )

    qtbot.mouseClick(lots.ui.adjustButton, LEFT)
    adjust = _dialog(qtbot, AdjustLotDialog)
    qtbot.keyClicks(adjust.ui.newQuantityEdit, "30")
    assert "between 0 and the 25 ampoules" in adjust.ui.problemsLabel.text()
    adjust.ui.newQuantityEdit.clear()
    qtbot.keyClicks(adjust.ui.newQuantityEdit, "23")
    assert not adjust.ui.buttonBox.button(SAVE).isEnabled()  # no reason yet
    qtbot.keyClicks(adjust.ui.reasonEdit, "Two ampoules broken in transit")
    qtbot.mouseClick(adjust.ui.buttonBox.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: lots.table.current_record().quantity_left == 23, timeout=5000)
    assert lots.table.item(lots.table.currentRow(), 3).text() == "23 / 25"
    _close(qtbot, lots)


def test_recall_lists_every_patient_who_received_the_lot(qtbot, window, clinic) -> None:
    patient_id = _patient(window, "Brennan", "Siobhán")
    _session(window, clinic, patient_id)
    record_number = window.services.patients.get(patient_id).record_number
    lots = _open(qtbot, window, window.ui.actionLots, LotLibraryDialog)
    row = [lot.id for lot in lots.table.records].index(clinic.good_lot_id)
    lots.table.setCurrentCell(row, 0)
    qtbot.mouseClick(lots.ui.recallButton, LEFT)
    qtbot.waitUntil(lambda: len(lots.recall_table.records) == 1, timeout=5000)
    table = lots.recall_table
    cells = [table.item(0, column).text() for column in range(table.columnCount())]
    assert cells[:3] == [record_number, "Brennan, Siobhán", "+49 30 555 0101"]
    assert cells[4] == "Dr Lena Vogel" and cells[5] == "2" and cells[6] == "current"
    assert "1 session of 1 patient" in lots.ui.recallLabel.text()
    assert "BT-2291" in lots.ui.recallBox.title()

    expired = [lot.id for lot in lots.table.records].index(clinic.expired_lot_id)
    lots.table.setCurrentCell(expired, 0)
    qtbot.keyClick(lots.table, Qt.Key.Key_Return)  # Enter on a lot recalls it too
    qtbot.waitUntil(lambda: "no session has used" in lots.ui.recallLabel.text(), timeout=5000)
    assert lots.recall_table.rowCount() == 0
    _close(qtbot, lots)


def test_the_chart_opens_the_patients_mixtures(qtbot, window) -> None:
    from datetime import date

    from PySide6.QtWidgets import QApplication

    from mesodesk.domain.drafts import PatientDraft
    from mesodesk.ui.library.recipes import RecipeLibraryDialog

    patient = window.services.patients.register(
        PatientDraft(family_name="Dubois", given_names="Sam", birth_date=date(1990, 1, 1))
    )
    chart = window.open_chart(patient.id)
    qtbot.waitUntil(lambda: chart.data is not None, timeout=5000)
    chart.patient_mixtures()
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, RecipeLibraryDialog) and w.isVisible()
            for w in QApplication.topLevelWidgets()
        ),
        timeout=5000,
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RecipeLibraryDialog))
    assert dialog.patient_id == patient.id
    qtbot.waitUntil(lambda: window.runner.pending == 0, timeout=5000)
    dialog.reject()
