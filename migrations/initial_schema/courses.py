"""Revision 0001, part 4 of 5: course plans, their planned visits and the outcomes measured.

A frozen part of `versions/20261125_0001_initial_schema.py`, which loads it by path and calls
its upgrade() and downgrade(). Never edited: later schema changes are new revisions.
"""

import sqlalchemy as sa
from alembic import op


def upgrade() -> None:
    op.create_table(
        "course_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("protocol_key", sa.String(length=40), nullable=False),
        sa.Column("protocol_name", sa.String(length=120), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by_id", sa.Integer(), nullable=True),
        sa.Column("delete_reason", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_course_plans_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["deleted_by_id"], ["users.id"], name=op.f("fk_course_plans_deleted_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_course_plans_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_course_plans")),
    )
    with op.batch_alter_table("course_plans", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_course_plans_patient_id"), ["patient_id"], unique=False
        )

    op.create_table(
        "outcomes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("course_id", sa.Integer(), nullable=True),
        sa.Column("measured_on", sa.Date(), nullable=False),
        sa.Column("checkpoint", sa.String(length=32), nullable=False),
        sa.Column("density_change_pct", sa.Float(), nullable=True),
        sa.Column("diameter_change_pct", sa.Float(), nullable=True),
        sa.Column("global_assessment", sa.Integer(), nullable=True),
        sa.Column("satisfaction", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by_id", sa.Integer(), nullable=True),
        sa.Column("delete_reason", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["course_id"], ["course_plans.id"], name=op.f("fk_outcomes_course_id_course_plans")
        ),
        sa.ForeignKeyConstraint(
            ["deleted_by_id"], ["users.id"], name=op.f("fk_outcomes_deleted_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_outcomes_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["users.id"], name=op.f("fk_outcomes_recorded_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcomes")),
    )
    with op.batch_alter_table("outcomes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_outcomes_patient_measured", ["patient_id", "measured_on"], unique=False
        )

    op.create_table(
        "planned_visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("course_id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("phase", sa.String(length=32), nullable=False),
        sa.Column("checkpoint", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["course_id"],
            ["course_plans.id"],
            name=op.f("fk_planned_visits_course_id_course_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planned_visits")),
    )
    with op.batch_alter_table("planned_visits", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_planned_visits_course_id"), ["course_id"], unique=False
        )
        batch_op.create_index("ix_planned_visits_due_date", ["due_date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("planned_visits", schema=None) as batch_op:
        batch_op.drop_index("ix_planned_visits_due_date")
        batch_op.drop_index(batch_op.f("ix_planned_visits_course_id"))

    op.drop_table("planned_visits")
    with op.batch_alter_table("outcomes", schema=None) as batch_op:
        batch_op.drop_index("ix_outcomes_patient_measured")

    op.drop_table("outcomes")
    with op.batch_alter_table("course_plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_course_plans_patient_id"))

    op.drop_table("course_plans")
