"""The youth register area: page, form, table, admission into the union."""
