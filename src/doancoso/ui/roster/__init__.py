"""The roster area: the page, the member form, the table, import, export and print."""
