"""Revision 0001, part 3 of 5: ingredients, stock lots, mixtures (recipes and their items)
and the patients' ingredient allergies. After patients: a recipe may belong to a patient.

A frozen part of `versions/20261125_0001_initial_schema.py`, which loads it by path and calls
its upgrade() and downgrade(). Never edited: later schema changes are new revisions.
"""

import sqlalchemy as sa
from alembic import op


def upgrade() -> None:
    op.create_table(
        "ingredients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("ingredient_class", sa.String(length=32), nullable=False),
        sa.Column("default_concentration", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(length=32), nullable=False),
        sa.Column("pregnancy_contraindicated", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingredients")),
        sa.UniqueConstraint("name", name=op.f("uq_ingredients_name")),
    )

    op.create_table(
        "lots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_name", sa.String(length=120), nullable=False),
        sa.Column("lot_number", sa.String(length=60), nullable=False),
        sa.Column("ingredient_id", sa.Integer(), nullable=True),
        sa.Column("expiry_date", sa.Date(), nullable=False),
        sa.Column("quantity_received", sa.Float(), nullable=False),
        sa.Column("quantity_left", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("supplier", sa.String(length=120), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ingredient_id"], ["ingredients.id"], name=op.f("fk_lots_ingredient_id_ingredients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lots")),
        sa.UniqueConstraint("product_name", "lot_number", name=op.f("uq_lots_product_name")),
    )
    with op.batch_alter_table("lots", schema=None) as batch_op:
        batch_op.create_index("ix_lots_expiry_date", ["expiry_date"], unique=False)

    op.create_table(
        "patient_allergies",
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("ingredient_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ingredient_id"],
            ["ingredients.id"],
            name=op.f("fk_patient_allergies_ingredient_id_ingredients"),
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_patient_allergies_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("patient_id", "ingredient_id", name=op.f("pk_patient_allergies")),
    )

    op.create_table(
        "recipes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("is_template", sa.Boolean(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=True),
        sa.Column("based_on_id", sa.Integer(), nullable=True),
        sa.Column("total_volume_ml", sa.Float(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by_id", sa.Integer(), nullable=True),
        sa.Column("delete_reason", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["based_on_id"], ["recipes.id"], name=op.f("fk_recipes_based_on_id_recipes")
        ),
        sa.ForeignKeyConstraint(
            ["deleted_by_id"], ["users.id"], name=op.f("fk_recipes_deleted_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_recipes_patient_id_patients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recipes")),
    )
    with op.batch_alter_table("recipes", schema=None) as batch_op:
        batch_op.create_index("ix_recipes_patient_id", ["patient_id"], unique=False)

    op.create_table(
        "recipe_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recipe_id", sa.Integer(), nullable=False),
        sa.Column("ingredient_id", sa.Integer(), nullable=False),
        sa.Column("concentration", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ingredient_id"],
            ["ingredients.id"],
            name=op.f("fk_recipe_items_ingredient_id_ingredients"),
        ),
        sa.ForeignKeyConstraint(
            ["recipe_id"],
            ["recipes.id"],
            name=op.f("fk_recipe_items_recipe_id_recipes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recipe_items")),
        sa.UniqueConstraint("recipe_id", "ingredient_id", name=op.f("uq_recipe_items_recipe_id")),
    )
    with op.batch_alter_table("recipe_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recipe_items_recipe_id"), ["recipe_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("recipe_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recipe_items_recipe_id"))

    op.drop_table("recipe_items")
    with op.batch_alter_table("recipes", schema=None) as batch_op:
        batch_op.drop_index("ix_recipes_patient_id")

    op.drop_table("recipes")
    op.drop_table("patient_allergies")
    with op.batch_alter_table("lots", schema=None) as batch_op:
        batch_op.drop_index("ix_lots_expiry_date")

    op.drop_table("lots")
    op.drop_table("ingredients")
