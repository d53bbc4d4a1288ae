"""The member roster: members, chi đoàn, validation, the search index, Excel import/export."""
