"""The "Hồ sơ" area: the recognition dossier chosen, checked, built, previewed, printed,
saved."""
