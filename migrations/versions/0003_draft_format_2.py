"""Draft storage format 2: a format number on each draft, and times kept to the day.

Existing drafts are marked format 1 and keep opening: the app rewrites each in
format 2 (peppered keys, hidden section names, padded answers) the first time
it is opened, because only the parent's resume code can decrypt it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 14:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def _to_the_day(table: str, name: str) -> None:
    """Drop the time of day from every stored time: the daily purge needs no more."""
    column = sa.table(table, sa.column(name, sa.DateTime())).c[name]
    connection = op.get_bind()
    for (moment,) in connection.execute(sa.select(column).distinct()).all():
        day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
        if day != moment:
            connection.execute(column.table.update().where(column == moment).values({name: day}))


def upgrade():
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('format', sa.Integer(), nullable=False, server_default='1'))
    for table, name in (('drafts', 'created_at'), ('drafts', 'updated_at'), ('draft_sections', 'updated_at')):
        _to_the_day(table, name)


def downgrade():
    # Format 2 drafts cannot be read by the code before this revision: they are removed.
    op.execute("DELETE FROM draft_sections WHERE draft_id IN (SELECT id FROM drafts WHERE format <> 1)")
    op.execute("DELETE FROM drafts WHERE format <> 1")
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.drop_column('format')
