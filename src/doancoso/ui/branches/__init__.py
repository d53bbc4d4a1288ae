"""The chi đoàn area: page, table, name dialog."""
