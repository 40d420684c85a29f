"""UI fixtures: a clinic database with a practitioner, a recipe and lots, and the main window.

Every modal question is answered by a patched QMessageBox, so no test waits on a dialog.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from mesodesk.db.models import Ingredient, Lot, Recipe, RecipeItem
from mesodesk.domain.enums import ConcentrationUnit, IngredientClass, Role
from mesodesk.services import Services
from mesodesk.services.clinic import ClinicService
from mesodesk.services.store import SYSTEM, Actor, Store
from mesodesk.ui.app import Workstation
from mesodesk.ui.main_window import MainWindow
from mesodesk.ui.style import apply_style
from mesodesk.ui.tasks import TaskRunner


@dataclass
class Clinic:
    store: Store
    services: Services
    recipe_id: int
    good_lot_id: int
    expired_lot_id: int
    practitioner_id: int


@pytest.fixture
def clinic(tmp_path: Path) -> Iterator[Clinic]:
    store = Store.open(str(tmp_path / "clinic.db"))
    practitioner = ClinicService(store, SYSTEM).add_user(
        "dr.vogel", "Dr Lena Vogel", Role.PRACTITIONER, "MD"
    )
    today = date.today()
    with store.writing() as session:
        biotin = Ingredient(
            name="Biotin",
            ingredient_class=IngredientClass.VITAMIN,
            default_concentration=0.5,
            unit=ConcentrationUnit.MG_PER_ML,
        )
        silicon = Ingredient(
            name="Organic silicon",
            ingredient_class=IngredientClass.MINERAL,
            default_concentration=10,
            unit=ConcentrationUnit.MG_PER_ML,
        )
        session.add_all([biotin, silicon])
        session.flush()
        recipe = Recipe(
            name="AGA standard",
            is_template=True,
            total_volume_ml=4.0,
            items=[
                RecipeItem(
                    ingredient_id=biotin.id,
                    concentration=0.5,
                    unit=ConcentrationUnit.MG_PER_ML,
                    position=0,
                ),
                RecipeItem(
                    ingredient_id=silicon.id,
                    concentration=10,
                    unit=ConcentrationUnit.MG_PER_ML,
                    position=1,
                ),
            ],
        )
        good = Lot(
            product_name="Biotin 5 mL vial",
            lot_number="BT-2291",
            expiry_date=today + timedelta(days=300),
            quantity_received=20,
            quantity_left=20,
            ingredient_id=biotin.id,
        )
        expired = Lot(
            product_name="Biotin 5 mL vial",
            lot_number="BT-1180",
            expiry_date=today - timedelta(days=10),
            quantity_received=10,
            quantity_left=4,
            ingredient_id=biotin.id,
        )
        session.add_all([recipe, good, expired])
        session.flush()
        ids = recipe.id, good.id, expired.id
    actor = Actor(user_id=practitioner.id, username="dr.vogel", role=Role.PRACTITIONER)
    yield Clinic(store, Services(store, actor), *ids, practitioner.id)
    store.dispose()


class Questions(list):
    """Every QMessageBox text shown during a test; `answer` sets what questions get back."""

    def __init__(self) -> None:
        super().__init__()
        self.reply = QMessageBox.StandardButton.Cancel

    def answer(self, button: QMessageBox.StandardButton) -> None:
        self.reply = button


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> Questions:
    asked = Questions()

    def question(_parent, title, text, *_args, **_kwargs):
        asked.append(f"{title}: {text}")
        return asked.reply

    def inform(_parent, title, text, *_args, **_kwargs):
        asked.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(inform))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    assert tasks.wait_idle(10_000), "a background task was still running"
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=5000)


@pytest.fixture
def window(qtbot, qapp, clinic: Clinic, runner: TaskRunner, questions) -> MainWindow:
    apply_style(qapp)
    main = MainWindow(clinic.services, runner, "test clinic")
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=5000)
    return main


@pytest.fixture
def station(qtbot, runner, questions):
    """Start `Workstation`s on database files; their windows and splash close afterwards."""
    opened: list[Workstation] = []

    def start(database: Path) -> Workstation:
        workstation = Workstation(str(database), runner)
        opened.append(workstation)
        workstation.open()
        return workstation

    yield start
    for workstation in opened:
        for window in [*workstation.windows, getattr(workstation, "opening", None)]:
            if window is not None:
                if getattr(window, "idle_lock", None):
                    window.idle_lock.stop()
                window.close()
                window.deleteLater()
        runner.wait_idle()
        workstation.close()
        workstation.splash.close()
