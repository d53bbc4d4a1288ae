"""Roster import from Excel/CSV (with a preview) and export to .xlsx/.csv: ``ws.spreadsheets``.

Modules: :mod:`.workbook` reads cells (.xlsx, .xls, .csv), :mod:`.legacy` converts TCVN3/VNI
text, :mod:`.headers` finds the header row and guesses columns, :mod:`.rows` parses one row,
:mod:`.preview` matches rows to the roster, :mod:`.apply` writes them; :mod:`.writer` writes the
exported lists (:mod:`.export` the roster, :mod:`.youth_export` the youth register) and shares
its print setup and file handling with :mod:`.stats_export`.
"""

from .apply import ImportResult
from .headers import IMPORT_FIELDS, column_letter
from .preview import NEW, REJECTED, UNCHANGED, UPDATE, ImportPreview, ImportRow
from .rows import ERROR, WARNING, Problem
from .service import SpreadsheetService

__all__ = [
    "ERROR",
    "IMPORT_FIELDS",
    "NEW",
    "REJECTED",
    "UNCHANGED",
    "UPDATE",
    "WARNING",
    "ImportPreview",
    "ImportResult",
    "ImportRow",
    "Problem",
    "SpreadsheetService",
    "column_letter",
]
