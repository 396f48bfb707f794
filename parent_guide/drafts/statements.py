"""The SQL statements of every open and save of a draft, built once.

On the tables, not the ORM classes, so a request spends its time in the
database rather than in building expressions and ORM objects (about half a
save's CPU before). Each takes its values as bound parameters.
"""

from __future__ import annotations

from sqlalchemy import and_, bindparam, insert, select, update

from parent_guide.drafts.models import Draft, DraftSection

DRAFTS = Draft.__table__
SECTIONS = DraftSection.__table__
FIND_DRAFT = select(DRAFTS.c.id, DRAFTS.c.updated_at).where(
    DRAFTS.c.lookup == bindparam("lookup"), DRAFTS.c.format == bindparam("format")
)
# A save's one read: the draft and, if it has one, the section being saved.
DRAFT_AND_SECTION = (
    select(DRAFTS.c.id, DRAFTS.c.updated_at, SECTIONS.c.version, SECTIONS.c.ciphertext)
    .select_from(
        DRAFTS.outerjoin(SECTIONS, and_(SECTIONS.c.draft_id == DRAFTS.c.id, SECTIONS.c.slug == bindparam("section_id")))
    )
    .where(DRAFTS.c.lookup == bindparam("lookup"), DRAFTS.c.format == bindparam("format"))
)
TOUCH_DRAFT = update(DRAFTS).where(DRAFTS.c.id == bindparam("the_draft")).values(updated_at=bindparam("now"))
ALL_SECTIONS = select(SECTIONS.c.slug, SECTIONS.c.version, SECTIONS.c.ciphertext).where(
    SECTIONS.c.draft_id == bindparam("draft_id")
)
ONE_SECTION = select(SECTIONS.c.version, SECTIONS.c.ciphertext).where(
    SECTIONS.c.draft_id == bindparam("draft_id"), SECTIONS.c.slug == bindparam("section_id")
)
ADD_SECTION = insert(SECTIONS).values(
    draft_id=bindparam("the_draft"), slug=bindparam("section_id"), version=1, ciphertext=bindparam("sealed"), updated_at=bindparam("now")
)
REPLACE_SECTION = (
    update(SECTIONS)
    .where(
        SECTIONS.c.draft_id == bindparam("the_draft"),
        SECTIONS.c.slug == bindparam("section_id"),
        SECTIONS.c.version == bindparam("base_version"),
    )
    .values(version=bindparam("new_version"), ciphertext=bindparam("sealed"), updated_at=bindparam("now"))
)
