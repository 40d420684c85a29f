"""Where generated rows go: straight into SQLite, through SQLAlchemy Core, or into memory.

Demo data for 100,000 patients is millions of rows, so it is not written through the ORM or
the services (per-row validation, flushes and audit rows would take minutes). Rows are plain
tuples in the column order of `COLUMNS`; a `Codec` turns days and times into what the target
stores. For SQLite that is exactly the text SQLAlchemy itself writes ('YYYY-MM-DD' and
'YYYY-MM-DD HH:MM:SS.ffffff' in UTC, JSON as text), inserted with the driver's own
`executemany` on the connection that holds the transaction: as fast as SQLite allows.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, update

from mesodesk.db.base import Base

Row = tuple[Any, ...]


def _columns(names: str) -> tuple[str, ...]:
    return tuple(names.split())


# Insertion order respects foreign keys; columns not listed take their defaults (NULL).
COLUMNS: dict[str, tuple[str, ...]] = {
    "clinic": _columns(
        "id name address phone email website paper_size require_login idle_lock_minutes "
        "record_number_prefix login_chosen_at created_at updated_at"
    ),
    "users": _columns("id username display_name role credentials active created_at"),
    "ingredients": _columns(
        "id name ingredient_class default_concentration unit pregnancy_contraindicated notes "
        "active created_at updated_at"
    ),
    "lots": _columns(
        "id product_name lot_number ingredient_id expiry_date quantity_received quantity_left "
        "unit supplier received_on notes created_at updated_at"
    ),
    "patients": _columns(
        "id record_number family_name given_names birth_date sex phone email address notes "
        "search_name search_given phone_digits anticoagulants diabetes immune_disease cancer "
        "pregnant breastfeeding planning_conception active_scalp_infection herpes "
        "keloid_tendency history_notes allergies on_minoxidil on_finasteride on_dutasteride "
        "had_prp had_transplant other_treatments consent_treatment consent_treatment_at "
        "consent_photos consent_photos_at version created_at updated_at"
    ),
    "patient_allergies": _columns("patient_id ingredient_id"),
    "recipes": _columns(
        "id name is_template patient_id based_on_id total_volume_ml notes created_at updated_at"
    ),
    "recipe_items": _columns("id recipe_id ingredient_id concentration unit position"),
    "course_plans": _columns(
        "id patient_id protocol_key protocol_name start_date status notes created_by_id "
        "created_at updated_at"
    ),
    "planned_visits": _columns("id course_id sequence due_date phase checkpoint"),
    "assessments": _columns(
        "id patient_id practitioner_id assessed_on diagnosis diagnosis_other contributors "
        "contributors_other salt_vertex salt_posterior salt_right salt_left salt_score "
        "pull_test_pulled pull_test_extracted erythema scaling itch pain "
        "follicular_inflammation notes created_at updated_at"
    ),
    "assessment_stages": _columns("id assessment_id scale stage"),
    "trichoscopy_measurements": _columns(
        "id assessment_id site site_other density_per_cm2 mean_diameter_um terminal_pct "
        "vellus_pct single_hair_unit_pct anagen_pct telogen_pct"
    ),
    "treatment_sessions": _columns(
        "id patient_id course_id planned_visit_id performed_at practitioner_id recipe_id "
        "volume_ml needle_gauge needle_length_mm technique technique_other anaesthesia "
        "pain_score immediate_reactions no_adverse_events notes status signed_at signed_by_id "
        "amends_id amendment_reason override_reason created_by_id created_at updated_at"
    ),
    "session_zones": _columns("id session_id zone depth_mm volume_ml points spacing_cm"),
    "session_lots": _columns("id session_id lot_id quantity"),
    "adverse_events": _columns(
        "id session_id patient_id event_type grade onset_on description action_taken "
        "resolved_on recorded_by_id created_at updated_at"
    ),
    "outcomes": _columns(
        "id patient_id course_id measured_on checkpoint density_change_pct "
        "diameter_change_pct global_assessment satisfaction notes recorded_by_id created_at "
        "updated_at"
    ),
}


class Codec:
    """Days are ordinals; moments are (local day ordinal, minute of the local day)."""

    def __init__(self) -> None:
        self._offsets: dict[int, int] = {}

    def offset_minutes(self, day: int) -> int:
        """The local UTC offset at noon of `day`, so clinic hours read right in the app."""
        found = self._offsets.get(day)
        if found is None:
            noon = datetime.fromordinal(day).replace(hour=12).astimezone()
            found = int(noon.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
            self._offsets[day] = found
        return found

    def utc_minutes(self, day: int, minute: int) -> int:
        return day * 1440 + minute - self.offset_minutes(day)

    def day(self, ordinal: int) -> Any:
        return date.fromordinal(ordinal)

    def moment(self, day: int, minute: int) -> Any:
        total = self.utc_minutes(day, minute)
        return datetime.fromordinal(total // 1440).replace(tzinfo=UTC) + timedelta(
            minutes=total % 1440
        )

    def json(self, value: Any) -> Any:
        return value


class SqliteCodec(Codec):
    """SQLAlchemy's own SQLite storage formats, produced without per-value type processing."""

    def __init__(self) -> None:
        super().__init__()
        self._days: dict[int, str] = {}

    def day(self, ordinal: int) -> str:
        text = self._days.get(ordinal)
        if text is None:
            text = self._days[ordinal] = date.fromordinal(ordinal).isoformat()
        return text

    def moment(self, day: int, minute: int) -> str:
        total = self.utc_minutes(day, minute)
        rest = total % 1440
        return f"{self.day(total // 1440)} {rest // 60:02d}:{rest % 60:02d}:00.000000"

    def json(self, value: Any) -> str:
        return json.dumps(value)


class Sink:
    """Receives batches of rows per table; subclasses decide how they are stored."""

    codec: Codec

    def write(self, table: str, rows: list[Row]) -> None:
        raise NotImplementedError

    def set_column(self, table: str, column: str, values: list[tuple[Any, int]]) -> None:
        """UPDATE `table` SET `column` = value WHERE id = id, for (value, id) pairs."""
        raise NotImplementedError


class SqliteSink(Sink):
    """The driver's executemany on the connection holding the transaction."""

    def __init__(self, connection: Connection) -> None:
        self.codec = SqliteCodec()
        self._raw = connection.connection.driver_connection
        self._sql: dict[str, str] = {}

    def write(self, table: str, rows: list[Row]) -> None:
        if not rows:
            return
        sql = self._sql.get(table)
        if sql is None:
            columns = COLUMNS[table]
            names = ", ".join(f'"{name}"' for name in columns)
            marks = ", ".join("?" * len(columns))
            sql = self._sql[table] = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
        self._raw.executemany(sql, rows)

    def set_column(self, table: str, column: str, values: list[tuple[Any, int]]) -> None:
        self._raw.executemany(f'UPDATE "{table}" SET "{column}" = ? WHERE id = ?', values)


class CoreSink(Sink):
    """SQLAlchemy Core executemany: any database the models run on (e.g. PostgreSQL)."""

    def __init__(self, connection: Connection) -> None:
        self.codec = Codec()
        self._connection = connection

    def write(self, table: str, rows: list[Row]) -> None:
        if not rows:
            return
        target = Base.metadata.tables[table]
        columns = COLUMNS[table]
        for start in range(0, len(rows), 10_000):
            batch = [dict(zip(columns, row, strict=True)) for row in rows[start : start + 10_000]]
            self._connection.execute(target.insert(), batch)

    def set_column(self, table: str, column: str, values: list[tuple[Any, int]]) -> None:
        target = Base.metadata.tables[table]
        assignments: dict[str, Any] = {column: bindparam("new_value")}
        if "updated_at" in target.c:  # keep the timestamp: no `onupdate` for generated rows
            assignments["updated_at"] = target.c.updated_at
        statement = update(target).where(target.c.id == bindparam("row_id")).values(assignments)
        self._connection.execute(
            statement, [{"new_value": value, "row_id": row_id} for value, row_id in values]
        )


class MemorySink(Sink):
    """Keeps every row, in SQLite's storage form: for benchmarks and inspection."""

    def __init__(self) -> None:
        self.codec = SqliteCodec()
        self.rows: dict[str, list[Row]] = {name: [] for name in COLUMNS}
        self.updates: list[tuple[str, str, list[tuple[Any, int]]]] = []

    def write(self, table: str, rows: list[Row]) -> None:
        self.rows[table].extend(rows)

    def set_column(self, table: str, column: str, values: list[tuple[Any, int]]) -> None:
        self.updates.append((table, column, values))
