"""The patient list: rows fetched page by page in the background, never the whole table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from mesodesk.domain.patient_row import age_on
from mesodesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from mesodesk.domain.patient_row import PatientRow

    FindFn = Callable[[str, int, int], list[PatientRow]]
    CountFn = Callable[[str], int]
    Page = list[tuple[PatientRow, tuple[str, str, str, str]]]

PAGE_SIZE = 100
Index = QModelIndex | QPersistentModelIndex


def cells(rows: list[PatientRow], today: date) -> Page:
    """Each row with the four texts it shows, made on the worker thread (not in `data()`,
    which the view calls for every cell and role at each repaint)."""
    page = []
    for row in rows:
        born = row.birth_date
        age = age_on(born, today)
        texts = (row.record_number, row.display_name, f"{born:%d.%m.%Y} ({age})", row.phone)
        page.append((row, texts))
    return page


class PatientTableModel(QAbstractTableModel):
    """Shows search results; a new query replaces the rows when its first page arrives.

    Only the latest query matters: while one runs, newer keystrokes are coalesced into one
    follow-up query, and results of a superseded query are dropped.
    """

    HEADERS = ("Record no.", "Name", "Born", "Phone")
    results_changed = Signal(int)  # total matches of the current query, once counted
    failed = Signal(str)  # a readable message when the database could not be read

    def __init__(
        self,
        runner: TaskRunner,
        find: FindFn | None = None,
        count: CountFn | None = None,
        parent=None,
    ) -> None:
        """Without `find` and `count` the model waits for `bind`: it may show a first page
        read at start-up (`show_early_page`), and searches asked for meanwhile wait."""
        super().__init__(parent)
        self._runner, self._find, self._count = runner, find, count
        self._rows: list[PatientRow] = []
        self._texts: list[tuple[str, str, str, str]] = []
        self._total = -1  # not counted yet
        self._exhausted = False
        self._query = ""
        self._generation = 0
        self._in_flight = False
        self._queued: str | None = None
        self._fetching = False
        self.today = date.today()

    # -- querying --------------------------------------------------------------------------
    def search(self, query: str) -> None:
        if self._in_flight or self._find is None:
            self._queued = query
            return
        self._start(query)

    def show_early_page(self, page: Page) -> None:
        """Show everyone's first page, read before the model is bound."""
        self._install(page, "")

    def bind(self, find: FindFn, count: CountFn, query: str) -> bool:
        """Read through `find` and `count` from now on and show `query` (what the search field
        holds): searched afresh, unless its first page is already shown (then only counted).
        True when a search was started."""
        self._find, self._count, self._queued = find, count, None
        if self._generation == 0 and self._rows and query == self._query:
            if not self._exhausted:
                self._count_later(self._generation, query)
            return False
        self._start(query)
        return True

    def refresh(self) -> None:
        self.search(self._query)

    @property
    def query(self) -> str:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    def is_loading(self) -> bool:
        return self.searching() or self._fetching

    def searching(self) -> bool:
        """A query's first page is still to come (the rows shown are about to be replaced)."""
        return self._in_flight or self._queued is not None

    def _start(self, query: str) -> None:
        self._in_flight = True
        self._generation += 1
        generation = self._generation
        find, today = self._find, self.today

        self._runner.lookup(
            lambda: cells(find(query, PAGE_SIZE, 0), today),
            lambda page: self._on_results(generation, query, page),
            lambda error: self._on_error(generation, error),
        )

    def _on_results(self, generation: int, query: str, page: Page) -> None:
        self._in_flight = False
        if self._queued is not None and self._queued != query:
            generation = -1  # typed on meanwhile: these rows are already out of date
        if generation == self._generation:
            self._install(page, query)
        if self._queued is not None:
            queued, self._queued = self._queued, None
            self._start(queued)
        elif generation == self._generation and not self._exhausted:
            self._count_later(generation, query)

    def _install(self, page: Page, query: str) -> None:
        self.beginResetModel()
        self._rows = [row for row, _texts in page]
        self._texts = [texts for _row, texts in page]
        self._query, self._fetching = query, False
        self._exhausted = len(page) < PAGE_SIZE
        self._total = len(page) if self._exhausted else -1
        self.endResetModel()
        if self._exhausted:
            self.results_changed.emit(self._total)

    def _count_later(self, generation: int, query: str) -> None:
        """The caption's number, after the rows are on screen."""
        count = self._count

        def counted() -> int | None:  # skipped when the user has typed on meanwhile
            return count(query) if generation == self._generation else None

        self._runner.lookup(
            counted,
            lambda n: self._on_counted(generation, n),
            lambda error: self._on_error(generation, error),
        )

    def _on_counted(self, generation: int, total: int | None) -> None:
        if generation == self._generation and total is not None:
            self._total = total
            self.results_changed.emit(total)

    def _on_error(self, generation: int, error: BaseException) -> None:
        """A lookup of the current query failed: say so, and forget what was typed meanwhile.

        The query queued behind the failed one is dropped with it (it would only be read on
        top of a failure); the next keystroke or refresh searches afresh and its rows show.
        A superseded query's failure changes nothing: a newer one is already on its way.
        """
        if generation != self._generation:
            return
        self._in_flight = False
        self._fetching = False
        self._queued = None
        self.failed.emit(f"The patient list could not be read: {error}")

    # -- lazy paging -----------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """Not while a query's first page is on its way: its rows replace these anyway (the
        empty list at start-up had the view ask for the same first page a second time)."""
        busy = self._fetching or self._in_flight or self._find is None
        return not parent.isValid() and not self._exhausted and not busy

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetching or self._find is None:
            return
        self._fetching = True
        generation, query, offset = self._generation, self._query, len(self._rows)
        find, today = self._find, self.today
        self._runner.lookup(
            lambda: cells(find(query, PAGE_SIZE, offset), today),
            lambda page: self._on_page(generation, offset, page),
            lambda error: self._on_error(generation, error),
        )

    def _on_page(self, generation: int, offset: int, page: Page) -> None:
        self._fetching = False
        if generation != self._generation or offset != len(self._rows):
            return
        self._exhausted = len(page) < PAGE_SIZE
        if not page:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(row for row, _texts in page)
        self._texts.extend(texts for _row, texts in page)
        self.endInsertRows()

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][index.column()] if index.isValid() else None
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self._rows[index.row()].id
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self._rows[index.row()]
            return f"{row.display_name} — {row.sex.label}"
        return None

    def patient_at(self, row: int) -> PatientRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None
