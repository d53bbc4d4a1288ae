"""Evidence files: stored once by their SHA-256, attached to records (activities, checklist)."""
