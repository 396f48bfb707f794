"""The parent's views as documents for the conference chair: one model, rendered to PDF and Word."""
