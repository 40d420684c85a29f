"""Revision 0001, part 2 of 5: patients and their assessments (stages, trichoscopy).

A frozen part of `versions/20261125_0001_initial_schema.py`, which loads it by path and calls
its upgrade() and downgrade(). Never edited: later schema changes are new revisions.
"""

import sqlalchemy as sa
from alembic import op


def upgrade() -> None:
    op.create_table(
        "patients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_number", sa.String(length=32), nullable=False),
        sa.Column("family_name", sa.String(length=100), nullable=False),
        sa.Column("given_names", sa.String(length=100), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("sex", sa.String(length=32), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("search_name", sa.String(length=220), nullable=False),
        sa.Column("search_given", sa.String(length=110), nullable=False),
        sa.Column("phone_digits", sa.String(length=40), nullable=False),
        sa.Column("anticoagulants", sa.Boolean(), nullable=False),
        sa.Column("diabetes", sa.Boolean(), nullable=False),
        sa.Column("immune_disease", sa.Boolean(), nullable=False),
        sa.Column("cancer", sa.Boolean(), nullable=False),
        sa.Column("pregnant", sa.Boolean(), nullable=False),
        sa.Column("breastfeeding", sa.Boolean(), nullable=False),
        sa.Column("planning_conception", sa.Boolean(), nullable=False),
        sa.Column("active_scalp_infection", sa.Boolean(), nullable=False),
        sa.Column("herpes", sa.Boolean(), nullable=False),
        sa.Column("keloid_tendency", sa.Boolean(), nullable=False),
        sa.Column("history_notes", sa.Text(), nullable=False),
        sa.Column("allergies", sa.Text(), nullable=False),
        sa.Column("on_minoxidil", sa.Boolean(), nullable=False),
        sa.Column("on_finasteride", sa.Boolean(), nullable=False),
        sa.Column("on_dutasteride", sa.Boolean(), nullable=False),
        sa.Column("had_prp", sa.Boolean(), nullable=False),
        sa.Column("had_transplant", sa.Boolean(), nullable=False),
        sa.Column("other_treatments", sa.Text(), nullable=False),
        sa.Column("consent_treatment", sa.Boolean(), nullable=False),
        sa.Column("consent_treatment_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("consent_photos", sa.Boolean(), nullable=False),
        sa.Column("consent_photos_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by_id", sa.Integer(), nullable=True),
        sa.Column("delete_reason", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["deleted_by_id"], ["users.id"], name=op.f("fk_patients_deleted_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patients")),
        sa.UniqueConstraint("record_number", name=op.f("uq_patients_record_number")),
    )
    with op.batch_alter_table("patients", schema=None) as batch_op:
        batch_op.create_index("ix_patients_birth_date", ["birth_date"], unique=False)
        batch_op.create_index("ix_patients_phone_digits", ["phone_digits"], unique=False)
        batch_op.create_index("ix_patients_search_given", ["search_given"], unique=False)
        batch_op.create_index("ix_patients_search_name", ["search_name"], unique=False)

    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("practitioner_id", sa.Integer(), nullable=True),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("diagnosis", sa.String(length=32), nullable=False),
        sa.Column("diagnosis_other", sa.String(length=200), nullable=False),
        sa.Column("contributors", sa.JSON(), nullable=False),
        sa.Column("contributors_other", sa.String(length=200), nullable=False),
        sa.Column("salt_vertex", sa.Float(), nullable=True),
        sa.Column("salt_posterior", sa.Float(), nullable=True),
        sa.Column("salt_right", sa.Float(), nullable=True),
        sa.Column("salt_left", sa.Float(), nullable=True),
        sa.Column("salt_score", sa.Float(), nullable=True),
        sa.Column("pull_test_pulled", sa.Integer(), nullable=True),
        sa.Column("pull_test_extracted", sa.Integer(), nullable=True),
        sa.Column("erythema", sa.String(length=32), nullable=False),
        sa.Column("scaling", sa.String(length=32), nullable=False),
        sa.Column("itch", sa.String(length=32), nullable=False),
        sa.Column("pain", sa.String(length=32), nullable=False),
        sa.Column("follicular_inflammation", sa.String(length=32), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by_id", sa.Integer(), nullable=True),
        sa.Column("delete_reason", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["deleted_by_id"], ["users.id"], name=op.f("fk_assessments_deleted_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_assessments_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["practitioner_id"], ["users.id"], name=op.f("fk_assessments_practitioner_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessments")),
    )
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_assessments_patient_date", ["patient_id", "assessed_on"], unique=False
        )

    op.create_table(
        "assessment_stages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("scale", sa.String(length=32), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name=op.f("fk_assessment_stages_assessment_id_assessments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_stages")),
        sa.UniqueConstraint(
            "assessment_id", "scale", name=op.f("uq_assessment_stages_assessment_id")
        ),
    )
    with op.batch_alter_table("assessment_stages", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assessment_stages_assessment_id"), ["assessment_id"], unique=False
        )

    op.create_table(
        "trichoscopy_measurements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("site", sa.String(length=32), nullable=False),
        sa.Column("site_other", sa.String(length=100), nullable=False),
        sa.Column("density_per_cm2", sa.Float(), nullable=True),
        sa.Column("mean_diameter_um", sa.Float(), nullable=True),
        sa.Column("terminal_pct", sa.Float(), nullable=True),
        sa.Column("vellus_pct", sa.Float(), nullable=True),
        sa.Column("single_hair_unit_pct", sa.Float(), nullable=True),
        sa.Column("anagen_pct", sa.Float(), nullable=True),
        sa.Column("telogen_pct", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name=op.f("fk_trichoscopy_measurements_assessment_id_assessments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trichoscopy_measurements")),
        sa.UniqueConstraint(
            "assessment_id", "site", name=op.f("uq_trichoscopy_measurements_assessment_id")
        ),
    )
    with op.batch_alter_table("trichoscopy_measurements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_trichoscopy_measurements_assessment_id"), ["assessment_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("trichoscopy_measurements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trichoscopy_measurements_assessment_id"))

    op.drop_table("trichoscopy_measurements")
    with op.batch_alter_table("assessment_stages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessment_stages_assessment_id"))

    op.drop_table("assessment_stages")
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.drop_index("ix_assessments_patient_date")

    op.drop_table("assessments")
    with op.batch_alter_table("patients", schema=None) as batch_op:
        batch_op.drop_index("ix_patients_search_name")
        batch_op.drop_index("ix_patients_search_given")
        batch_op.drop_index("ix_patients_phone_digits")
        batch_op.drop_index("ix_patients_birth_date")

    op.drop_table("patients")
