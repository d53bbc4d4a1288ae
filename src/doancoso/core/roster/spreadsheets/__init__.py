"""Roster import from Excel/CSV (with a preview) and export to .xlsx/.csv: ``ws.spreadsheets``.

Modules: :mod:`doancoso.core.xlsx.workbook` reads cells (.xlsx, .xls, .csv),
:mod:`doancoso.core.lang.legacy` converts TCVN3/VNI text, :mod:`.headers` finds the header row and
guesses columns, :mod:`.rows` parses one row, :mod:`.preview` matches rows to the roster,
:mod:`.apply` writes them, :mod:`.rejected` saves the rejected rows with their reasons (to be
fixed and imported again), :mod:`.left_out` says which rows were imported without a value they
gave, :mod:`.sample` writes an example file to fill in;
:mod:`doancoso.core.xlsx.writer` writes the exported lists (:mod:`.export` the roster,
:mod:`doancoso.core.youth.export` the youth register) and shares its print setup and file
handling with :mod:`doancoso.core.statistics.export`.
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
