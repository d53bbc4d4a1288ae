"""The recognition dossier (issue #16): its own parts, the evidence annex and the assembly."""
