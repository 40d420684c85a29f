"""Open data: a patient's records leave MesoDesk in common forms, and patients come in.

- `records`: every stored record of one patient as plain JSON-ready data;
- `archive`: the patient's archive (summary PDF, that JSON, a FHIR bundle, original photos
  and a manifest of SHA-256 checksums), written whole and audited;
- `fhir`: a FHIR R4 Bundle built with plain Python (no FHIR library at run time), its
  resources in `fhir_blocks`, `fhir_patient`, `fhir_observations` and `fhir_procedures`;
- `csv_export` / `patient_import`: spreadsheets out, another system's patients in;
- `recall`: the lot recall report as CSV and PDF.

Nothing here imports Qt: the command line and the window share it.
"""
