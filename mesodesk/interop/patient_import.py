"""Patients from another system's CSV: map its columns, check every row, import the good ones.

`guess_mapping` proposes which column holds which field (by header names in several
languages); the person confirms or changes it. `PatientImportService.run` then reads every
row into a patient draft, checks it with the same rules as the patient form, and looks for
duplicates (same name and birth date, in the clinic or earlier in the file) and clashing
record numbers. A dry run stops there and reports what would change. A real run writes all
the good rows in one transaction, each with its audit row: bad rows are reported by line
with the reason and skipped, and a failure or a cancel leaves nothing half-imported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from mesodesk.db.models import Ingredient, Patient
from mesodesk.domain.drafts import HairLossTreatments, MedicalHistory, PatientDraft
from mesodesk.domain.enums import AuditAction, Sex
from mesodesk.domain.rules import validate_patient
from mesodesk.domain.text import fold
from mesodesk.domain.validation import Level
from mesodesk.interop.csv_files import restore_cell
from mesodesk.interop.csv_read import CsvError, CsvTable
from mesodesk.interop.tables import HISTORY, TREATMENTS
from mesodesk.services import audit
from mesodesk.services.errors import ServiceError
from mesodesk.services.patients import PatientService, fill_patient

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

FULL_NAME = "full_name"
FIELDS: dict[str, str] = {
    "record_number": "Record number",
    "family_name": "Family name",
    "given_names": "Given names",
    FULL_NAME: "Full name (“Family, Given” or “Given Family”)",
    "birth_date": "Date of birth",
    "sex": "Sex",
    "phone": "Phone",
    "email": "E-mail",
    "address": "Address",
    "allergies": "Allergies (free text)",
    "allergy_ingredients": "Allergies (ingredient names, separated by ;)",
    **{key: key.replace("_", " ").capitalize() + " (yes/no)" for key in HISTORY},
    "history_notes": "History notes",
    **{key: ("PRP" if key == "prp" else key.capitalize()) + " (yes/no)" for key in TREATMENTS},
    "other_treatments": "Other treatments",
    "consent_treatment": "Consent to treatment (yes/no)",
    "consent_photos": "Consent to photos (yes/no)",
    "notes": "Notes",
}
_BOOLEAN_FIELDS = {*HISTORY, *TREATMENTS, "consent_treatment", "consent_photos"}
_SYNONYMS = {
    "record_number": "recordno recordnumber mrn patientnumber patientno chartnumber chartno "
    "fileno filenumber patientid patientennr patientennummer karteinr aktennr",
    "family_name": "familyname lastname surname name nachname nom apellido apellidos cognome",
    "given_names": "givennames givenname firstname firstnames forename vorname vornamen prenom "
    "nombre",
    FULL_NAME: "fullname patientname patient",
    "birth_date": "birthdate dateofbirth dob born geburtsdatum geboren datedenaissance "
    "fechadenacimiento birthday",
    "sex": "sex gender geschlecht sexe sexo",
    "phone": "phone telephone tel mobile cell phonenumber telefon handy telefono",
    "email": "email mail emailaddress",
    "address": "address adresse anschrift direccion",
    "allergies": "allergies allergy allergien allergie",
    "notes": "notes note comment comments remarks bemerkung notizen",
}
_TRUE = {"yes", "y", "true", "1", "x", "ja", "j", "oui", "si", "sí", "✓", "on"}
_FALSE = {"no", "n", "false", "0", "", "nein", "non", "off", "-"}
_SEX = {
    Sex.FEMALE: {"f", "female", "w", "woman", "weiblich", "frau", "femme", "femenino", "mujer"},
    Sex.MALE: {"m", "male", "man", "mannlich", "männlich", "mann", "h", "homme", "masculino"},
    Sex.OTHER: {"o", "other", "d", "divers", "x", "diverse", "autre", "otro", "non-binary"},
    Sex.UNKNOWN: {"", "u", "unknown", "unbekannt", "?", "n/a", "na", "not known"},
}
_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%Y/%m/%d", "%d-%m-%Y", "%d.%m.%y")
_US_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%Y/%m/%d", "%m-%d-%Y")

Mapping_ = dict[int, str]  # column index → field


class ImportCancelled(ServiceError):
    """The import was cancelled before it finished: nothing was imported."""


def _key(header: str) -> str:
    return fold(header).replace(" ", "")


def guess_mapping(headers: Iterable[str]) -> Mapping_:
    """Which column holds which field, by its header; each field at most once."""
    mapping: Mapping_ = {}
    taken: set[str] = set()
    exact = {_key(f): f for f in FIELDS}
    for index, header in enumerate(headers):
        key = _key(header)
        found = exact.get(key) or next(
            (f for f, words in _SYNONYMS.items() if key in words.split()), None
        )
        if found and found not in taken:
            mapping[index] = found
            taken.add(found)
    if FULL_NAME in taken and {"family_name", "given_names"} <= taken:
        mapping = {i: f for i, f in mapping.items() if f != FULL_NAME}
    return mapping


def mapping_from_options(table: CsvTable, options: Iterable[str]) -> Mapping_:
    """`--map COLUMN=FIELD` options over the guessed mapping (FIELD "-" ignores a column)."""
    mapping = guess_mapping(table.headers)
    for option in options:
        column, sep, wanted = option.partition("=")
        if not sep:
            raise CsvError(f"--map {option!r}: write COLUMN=FIELD, e.g. 'Nachname=family_name'.")
        index = table.column(column)
        wanted = wanted.strip()
        mapping.pop(index, None)
        if wanted in ("", "-"):
            continue
        if wanted not in FIELDS:
            raise CsvError(f"--map {option!r}: no field {wanted!r}; the fields are: "
                           + ", ".join(FIELDS))  # fmt: skip
        mapping = {i: f for i, f in mapping.items() if f != wanted}
        mapping[index] = wanted
    return mapping


def mapping_problems(mapping: Mapping[int, str]) -> list[str]:
    """What is missing or doubled in a mapping (empty when it can be imported)."""
    fields = list(mapping.values())
    problems = [
        f"{FIELDS[f]} is chosen for more than one column."
        for f in set(fields)
        if fields.count(f) > 1
    ]
    has_names = {"family_name", "given_names"} <= set(fields) or FULL_NAME in fields
    if not has_names:
        problems.append("Choose the columns with the family and given names (or a full name).")
    if "birth_date" not in fields:
        problems.append("Choose the column with the date of birth.")
    return problems


@dataclass(frozen=True)
class RowResult:
    line: int
    status: str  # "new", "duplicate" or "error"
    name: str
    birth_date: date | None
    record_number: str  # as given, or the number assigned on import, or ""
    messages: tuple[str, ...] = ()  # the reasons (an error, a duplicate) or warnings

    @property
    def text(self) -> str:
        what = f"line {self.line}: {self.name or '(no name)'}"
        return f"{what}: {'; '.join(self.messages)}" if self.messages else what


@dataclass(frozen=True)
class ImportReport:
    file: str
    dry_run: bool
    rows: tuple[RowResult, ...]
    imported: int = 0
    elapsed: float = 0.0

    def _with(self, status: str) -> list[RowResult]:
        return [r for r in self.rows if r.status == status]

    @property
    def new(self) -> list[RowResult]:
        return self._with("new")

    @property
    def duplicates(self) -> list[RowResult]:
        return self._with("duplicate")

    @property
    def errors(self) -> list[RowResult]:
        return self._with("error")

    def summary(self) -> str:
        verb = "would be imported" if self.dry_run else "imported"
        count = len(self.new) if self.dry_run else self.imported
        return (
            f"{self.file}: {count} {verb}, {len(self.duplicates)} already in the clinic "
            f"(skipped), {len(self.errors)} with errors (skipped)."
        )


@dataclass
class _Parsed:
    line: int
    draft: PatientDraft | None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    ingredients: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        if self.draft is None:
            return ""
        return f"{self.draft.family_name}, {self.draft.given_names}".strip(", ")


def parse_date(text: str, *, us_dates: bool = False) -> date:
    value = text.strip()
    if "T" in value[:11] or " " in value.strip():
        value = value.replace("T", " ").split(" ")[0]
    for fmt in _US_DATE_FORMATS if us_dates else _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"Date of birth “{text}” is not a date (write 1984-03-27 or 27.03.1984).")


def _boolean(text: str, label: str) -> bool:
    value = text.strip().casefold()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{label} “{text}” is neither yes nor no.")


def _sex(text: str) -> Sex:
    value = text.strip().casefold()
    for sex, words in _SEX.items():
        if value in words or value == sex.value:
            return sex
    raise ValueError(f"Sex “{text}” is not one of female, male, other or unknown.")


def _split_full_name(text: str) -> tuple[str, str]:
    text = " ".join(text.split())
    if "," in text:
        family, _, given = text.partition(",")
        return family.strip(), given.strip()
    if " " in text:
        given, _, family = text.rpartition(" ")
        return family, given
    return text, ""


def parse_row(
    row: tuple[str, ...], line: int, mapping: Mapping[int, str], *, today: date, us_dates: bool
) -> _Parsed:
    """One CSV row as a patient draft, or the reasons it cannot be one."""
    values = {f: restore_cell(row[i]).strip() if i < len(row) else "" for i, f in mapping.items()}
    parsed = _Parsed(line, None)
    errors = parsed.errors
    family, given = values.get("family_name", ""), values.get("given_names", "")
    if FULL_NAME in values and not (family and given):
        family, given = _split_full_name(values[FULL_NAME])
    born = None
    if values.get("birth_date"):
        try:
            born = parse_date(values["birth_date"], us_dates=us_dates)
        except ValueError as exc:
            errors.append(str(exc))
    else:
        errors.append("The date of birth is missing.")
    flags: dict[str, bool] = {}
    for key in _BOOLEAN_FIELDS & set(values):
        try:
            flags[key] = _boolean(values[key], FIELDS[key].removesuffix(" (yes/no)"))
        except ValueError as exc:
            errors.append(str(exc))
    sex = Sex.UNKNOWN
    try:
        sex = _sex(values.get("sex", ""))
    except ValueError as exc:
        errors.append(str(exc))
    parsed.ingredients = [
        n.strip() for n in values.get("allergy_ingredients", "").split(";") if n.strip()
    ]
    parsed.draft = PatientDraft(
        family_name=family,
        given_names=given,
        birth_date=born,
        sex=sex,
        record_number=values.get("record_number") or None,
        phone=values.get("phone", ""),
        email=values.get("email", ""),
        address=values.get("address", ""),
        history=MedicalHistory(
            **{key: flags.get(key, False) for key in HISTORY}, notes=values.get("history_notes", "")
        ),
        treatments=HairLossTreatments(
            **{key: flags.get(key, False) for key in TREATMENTS},
            other=values.get("other_treatments", ""),
        ),
        allergies=values.get("allergies", ""),
        consent_treatment=flags.get("consent_treatment", False),
        consent_photos=flags.get("consent_photos", False),
        notes=values.get("notes", ""),
    )
    for problem in validate_patient(parsed.draft, today=today):
        if problem.field == "birth_date" and born is None:
            continue  # already said why
        (errors if problem.level is Level.ERROR else parsed.warnings).append(problem.message)
    return parsed


def _chunks(values: list, size: int = 500) -> Iterable[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class PatientImportService(PatientService):
    """Checks and imports a CSV of patients as the acting user."""

    def run(
        self,
        table: CsvTable,
        mapping: Mapping[int, str],
        *,
        dry_run: bool = False,
        us_dates: bool = False,
        today: date | None = None,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> ImportReport:
        """Check every row; unless `dry_run`, import the good ones in one transaction."""
        import time

        started = time.perf_counter()
        problems = mapping_problems(mapping)
        if problems:
            raise CsvError(" ".join(problems))
        day = today or date.today()
        parsed = [
            parse_row(row, line, mapping, today=day, us_dates=us_dates)
            for row, line in zip(table.rows, table.lines, strict=True)
        ]
        with self.store.writing() if not dry_run else self.store.reading() as session:
            results, good = self._check(session, parsed)
            imported = 0
            if not dry_run:
                results, imported = self._write(session, table, results, good, progress, cancel)
        return ImportReport(
            table.name, dry_run, tuple(results), imported, time.perf_counter() - started
        )

    # -- checking ---------------------------------------------------------------------------
    def _check(
        self, session: Session, parsed: list[_Parsed]
    ) -> tuple[list[RowResult], dict[int, _Parsed]]:
        """Row results in file order, and the rows that can be imported (by index)."""
        drafts = [p.draft for p in parsed if p.draft is not None and p.draft.birth_date]
        known = self._known_people(session, {d.birth_date for d in drafts})
        numbers = self._known_numbers(
            session, [p.draft.record_number for p in parsed if p.draft and p.draft.record_number]
        )
        ingredients = {
            name.casefold(): ingredient_id
            for ingredient_id, name in session.execute(select(Ingredient.id, Ingredient.name))
        }
        seen_people: dict[tuple[str, date], int] = {}
        seen_numbers: dict[str, int] = {}
        results: list[RowResult] = []
        good: dict[int, _Parsed] = {}
        for index, row in enumerate(parsed):
            draft = row.draft
            assert draft is not None
            errors = list(row.errors)
            number = (draft.record_number or "").strip()
            person = (fold(f"{draft.family_name} {draft.given_names}"), draft.birth_date)
            duplicate = ""
            if not errors and person in known:
                duplicate = f"Already in the clinic as {known[person]} (same name and birth date)."
            elif not errors and person in seen_people:
                duplicate = f"Same name and birth date as line {seen_people[person]}."
            elif number and number in numbers:
                errors.append(f"Record number {number} already belongs to {numbers[number]}.")
            elif number and number in seen_numbers:
                errors.append(f"Record number {number} is also on line {seen_numbers[number]}.")
            links, unknown = [], []
            for name in row.ingredients:
                found = ingredients.get(name.casefold())
                (links if found is not None else unknown).append(found if found else name)
            warnings = list(row.warnings)
            if unknown:
                warnings.append(
                    "Not in the ingredient library, kept in the allergy text: " + ", ".join(unknown)
                )
                text = "; ".join(a for a in (draft.allergies, *unknown) if a)
                draft = replace(draft, allergies=text)
            draft = replace(draft, allergy_ingredient_ids=tuple(links))
            name = f"{draft.family_name}, {draft.given_names}".strip(", ")
            if errors:
                results.append(
                    RowResult(row.line, "error", name, draft.birth_date, number, tuple(errors))
                )
                continue
            if duplicate:
                results.append(
                    RowResult(row.line, "duplicate", name, draft.birth_date, number, (duplicate,))
                )
                continue
            seen_people[person] = row.line
            if number:
                seen_numbers[number] = row.line
            row.draft = draft
            good[index] = row
            results.append(
                RowResult(row.line, "new", name, draft.birth_date, number, tuple(warnings))
            )
        return results, good

    @staticmethod
    def _known_people(session: Session, births: set) -> dict[tuple[str, date], str]:
        known: dict[tuple[str, date], str] = {}
        for chunk in _chunks(sorted(births)):
            for search_name, born, number in session.execute(
                select(Patient.search_name, Patient.birth_date, Patient.record_number).where(
                    Patient.birth_date.in_(chunk), Patient.deleted_at.is_(None)
                )
            ):
                known[(search_name, born)] = number
        return known

    @staticmethod
    def _known_numbers(session: Session, numbers: list[str]) -> dict[str, str]:
        known: dict[str, str] = {}
        for chunk in _chunks(sorted({n.strip() for n in numbers})):
            for number, family, given in session.execute(
                select(Patient.record_number, Patient.family_name, Patient.given_names).where(
                    Patient.record_number.in_(chunk)
                )
            ):
                known[number] = f"{family}, {given}"
        return known

    # -- writing ----------------------------------------------------------------------------
    def _write(
        self,
        session: Session,
        table: CsvTable,
        results: list[RowResult],
        good: dict[int, _Parsed],
        progress: Progress | None,
        cancel: Cancel | None,
    ) -> tuple[list[RowResult], int]:
        given = {(p.draft.record_number or "").strip() for p in good.values() if p.draft}
        next_number = self._numbers(session, given)
        ingredients = {i.id: i for i in session.scalars(select(Ingredient))}
        total = len(good)
        for done, (index, row) in enumerate(good.items(), start=1):
            if cancel is not None and cancel():
                raise ImportCancelled("The import was cancelled: no patient was imported.")
            draft = row.draft
            assert draft is not None
            number = (draft.record_number or "").strip() or next(next_number)
            patient = Patient(record_number=number)
            fill_patient(patient, draft)
            patient.allergy_ingredients = [ingredients[i] for i in draft.allergy_ingredient_ids]
            session.add(patient)
            session.flush()
            audit.record(
                session,
                self.actor,
                AuditAction.CREATE,
                "patient",
                patient.id,
                patient_id=patient.id,
                summary=f"Imported {number} from {table.name}, line {row.line}",
                after=audit.snapshot(patient),
            )
            results[index] = replace(results[index], record_number=number)
            if progress is not None:
                progress(done, total)
        audit.record(
            session,
            self.actor,
            AuditAction.CREATE,
            "patients",
            None,
            summary=f"Imported {total} patients from {table.name}",
            after={
                "file": table.name,
                "imported": total,
                "skipped": len(results) - total,
            },
        )
        return results, total

    def _numbers(self, session: Session, taken: set[str]):
        """Record numbers for rows that bring none: the clinic's next ones, skipping `taken`."""
        first = self._next_record_number(session)
        prefix = first.rstrip("0123456789")
        value = int(first[len(prefix) :])
        while True:
            number = f"{prefix}{value:06d}"
            value += 1
            if number not in taken:
                yield number
