"""Revision 0001, part 5 of 5: treatment sessions and what hangs off them (adverse events,
photos, the lots used, the zones treated). Last: a session points at every earlier part.

A frozen part of `versions/20261125_0001_initial_schema.py`, which loads it by path and calls
its upgrade() and downgrade(). Never edited: later schema changes are new revisions.
"""

import sqlalchemy as sa
from alembic import op


def upgrade() -> None:
    op.create_table(
        "treatment_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("course_id", sa.Integer(), nullable=True),
        sa.Column("planned_visit_id", sa.Integer(), nullable=True),
        sa.Column("performed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("practitioner_id", sa.Integer(), nullable=False),
        sa.Column("recipe_id", sa.Integer(), nullable=True),
        sa.Column("volume_ml", sa.Float(), nullable=False),
        sa.Column("needle_gauge", sa.Integer(), nullable=False),
        sa.Column("needle_length_mm", sa.Float(), nullable=False),
        sa.Column("technique", sa.String(length=32), nullable=False),
        sa.Column("technique_other", sa.String(length=120), nullable=False),
        sa.Column("anaesthesia", sa.String(length=32), nullable=False),
        sa.Column("pain_score", sa.Integer(), nullable=True),
        sa.Column("immediate_reactions", sa.Text(), nullable=False),
        sa.Column("no_adverse_events", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("signed_by_id", sa.Integer(), nullable=True),
        sa.Column("amends_id", sa.Integer(), nullable=True),
        sa.Column("amendment_reason", sa.Text(), nullable=False),
        sa.Column("override_reason", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by_id", sa.Integer(), nullable=True),
        sa.Column("delete_reason", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["amends_id"],
            ["treatment_sessions.id"],
            name=op.f("fk_treatment_sessions_amends_id_treatment_sessions"),
        ),
        sa.ForeignKeyConstraint(
            ["course_id"],
            ["course_plans.id"],
            name=op.f("fk_treatment_sessions_course_id_course_plans"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_treatment_sessions_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["deleted_by_id"], ["users.id"], name=op.f("fk_treatment_sessions_deleted_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_treatment_sessions_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["planned_visit_id"],
            ["planned_visits.id"],
            name=op.f("fk_treatment_sessions_planned_visit_id_planned_visits"),
        ),
        sa.ForeignKeyConstraint(
            ["practitioner_id"],
            ["users.id"],
            name=op.f("fk_treatment_sessions_practitioner_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["recipe_id"], ["recipes.id"], name=op.f("fk_treatment_sessions_recipe_id_recipes")
        ),
        sa.ForeignKeyConstraint(
            ["signed_by_id"], ["users.id"], name=op.f("fk_treatment_sessions_signed_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_treatment_sessions")),
    )
    with op.batch_alter_table("treatment_sessions", schema=None) as batch_op:
        batch_op.create_index("ix_treatment_sessions_amends_id", ["amends_id"], unique=False)
        batch_op.create_index(
            "ix_treatment_sessions_patient_performed", ["patient_id", "performed_at"], unique=False
        )
        batch_op.create_index(
            "ix_treatment_sessions_planned_visit_id", ["planned_visit_id"], unique=False
        )

    op.create_table(
        "adverse_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("event_type", sa.String(length=32), nullable=False),
        sa.Column("grade", sa.String(length=32), nullable=False),
        sa.Column("onset_on", sa.Date(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("action_taken", sa.Text(), nullable=False),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by_id", sa.Integer(), nullable=True),
        sa.Column("delete_reason", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["deleted_by_id"], ["users.id"], name=op.f("fk_adverse_events_deleted_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_adverse_events_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["users.id"], name=op.f("fk_adverse_events_recorded_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["treatment_sessions.id"],
            name=op.f("fk_adverse_events_session_id_treatment_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adverse_events")),
    )
    with op.batch_alter_table("adverse_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_adverse_events_patient_id"), ["patient_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_adverse_events_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("view", sa.String(length=32), nullable=False),
        sa.Column("trichoscopy_site", sa.String(length=60), nullable=False),
        sa.Column("magnification", sa.Integer(), nullable=True),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("byte_size", sa.Integer(), nullable=False),
        sa.Column("mime_type", sa.String(length=40), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("imported_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by_id", sa.Integer(), nullable=True),
        sa.Column("delete_reason", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["deleted_by_id"], ["users.id"], name=op.f("fk_photos_deleted_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["imported_by_id"], ["users.id"], name=op.f("fk_photos_imported_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_photos_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["treatment_sessions.id"],
            name=op.f("fk_photos_session_id_treatment_sessions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photos")),
    )
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.create_index("ix_photos_patient_view", ["patient_id", "view"], unique=False)
        batch_op.create_index("ix_photos_session_id", ["session_id"], unique=False)
        batch_op.create_index("ix_photos_sha256", ["sha256"], unique=False)

    op.create_table(
        "session_lots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["lot_id"], ["lots.id"], name=op.f("fk_session_lots_lot_id_lots")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["treatment_sessions.id"],
            name=op.f("fk_session_lots_session_id_treatment_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_lots")),
        sa.UniqueConstraint("session_id", "lot_id", name=op.f("uq_session_lots_session_id")),
    )
    with op.batch_alter_table("session_lots", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_session_lots_lot_id"), ["lot_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_session_lots_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "session_zones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("zone", sa.String(length=32), nullable=False),
        sa.Column("depth_mm", sa.Float(), nullable=False),
        sa.Column("volume_ml", sa.Float(), nullable=True),
        sa.Column("points", sa.Integer(), nullable=True),
        sa.Column("spacing_cm", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["treatment_sessions.id"],
            name=op.f("fk_session_zones_session_id_treatment_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_zones")),
        sa.UniqueConstraint("session_id", "zone", name=op.f("uq_session_zones_session_id")),
    )
    with op.batch_alter_table("session_zones", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_session_zones_session_id"), ["session_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("session_zones", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_session_zones_session_id"))

    op.drop_table("session_zones")
    with op.batch_alter_table("session_lots", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_session_lots_session_id"))
        batch_op.drop_index(batch_op.f("ix_session_lots_lot_id"))

    op.drop_table("session_lots")
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.drop_index("ix_photos_sha256")
        batch_op.drop_index("ix_photos_session_id")
        batch_op.drop_index("ix_photos_patient_view")

    op.drop_table("photos")
    with op.batch_alter_table("adverse_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_adverse_events_session_id"))
        batch_op.drop_index(batch_op.f("ix_adverse_events_patient_id"))

    op.drop_table("adverse_events")
    with op.batch_alter_table("treatment_sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_treatment_sessions_planned_visit_id")
        batch_op.drop_index("ix_treatment_sessions_patient_performed")
        batch_op.drop_index("ix_treatment_sessions_amends_id")

    op.drop_table("treatment_sessions")
