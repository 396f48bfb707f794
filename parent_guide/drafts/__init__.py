"""Parents' drafts: resume codes, encryption at rest, storage and retention.

Nothing here knows about web pages; the preparation journey uses it.
"""
