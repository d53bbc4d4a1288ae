"""Workbooks in and out (.xlsx, .xls, .csv), with no knowledge of the domain."""
