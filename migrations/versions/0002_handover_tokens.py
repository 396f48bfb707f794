"""Hand-over tokens for opening a draft on another device (the QR code).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 14:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('handover_tokens',
    sa.Column('lookup', sa.String(length=64), nullable=False),
    sa.Column('sealed', sa.LargeBinary(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('lookup')
    )
    with op.batch_alter_table('handover_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_handover_tokens_expires_at'), ['expires_at'], unique=False)


def downgrade():
    with op.batch_alter_table('handover_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_handover_tokens_expires_at'))
    op.drop_table('handover_tokens')
