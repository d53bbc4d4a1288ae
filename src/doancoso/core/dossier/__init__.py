"""The recognition dossier's parts and the check of what it would lack (issue #16)."""
