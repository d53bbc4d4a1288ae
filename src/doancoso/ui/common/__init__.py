"""Pieces shared by the areas of the desktop app: lazy table rows, cells, fields, list pages."""
