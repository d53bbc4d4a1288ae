"""``ws.spreadsheets``: import the roster from Excel/CSV files and export it (DESIGN.md layers).

Import in two steps, the core of the import wizard: :meth:`SpreadsheetService.preview_import`
reads the file and says, row by row, what would happen; :meth:`SpreadsheetService.apply_import`
writes the accepted rows in one transaction. A file that cannot be read raises
:class:`ImportFileError` and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import closing
from datetime import date
from pathlib import Path

from ...context import WorkspaceContext
from ...errors import ImportFileError
from ...storage.bulk import paused_gc
from ...xlsx.workbook import SheetRows, read_sheets, sheet_names
from ...youth.service import YouthFilter
from ..service import MemberFilter, MemberService
from .apply import ImportResult, apply_preview
from .headers import IMPORT_FIELDS, HeaderGuess, guess_header
from .preview import REJECTED, ImportPreview, Matcher, decide, mark_duplicates
from .rejected import source_rows, write_rejected
from .rows import RowParser


class SpreadsheetService:
    """Roster import and export for one workspace."""

    def __init__(self, ctx: WorkspaceContext, members: MemberService,
                 today: Callable[[], date] = date.today) -> None:  # fmt: skip
        self._ctx = ctx
        self._members = members
        self.today = today

    def sheets(self, path: Path) -> list[str]:
        """Sheet names of a workbook, for the wizard's sheet chooser."""
        return sheet_names(Path(path))

    def preview_import(
        self, path: Path, sheet: str | None = None, mapping: Mapping[str, int] | None = None
    ) -> ImportPreview:
        """Read ``path`` and say what importing it would do; nothing is written.

        Without ``sheet`` the first sheet with a recognisable header is used. ``mapping`` (field
        name of :data:`IMPORT_FIELDS` -> 0-based column) replaces the guessed columns.
        """
        with paused_gc():
            return self._preview(Path(path), sheet, mapping)

    def _preview(
        self, path: Path, sheet: str | None, mapping: Mapping[str, int] | None
    ) -> ImportPreview:
        if mapping is not None:
            unknown = sorted(set(mapping) - set(IMPORT_FIELDS))
            if unknown or any(not isinstance(c, int) or c < 0 for c in mapping.values()):
                raise ValueError(f"bad column mapping: {dict(mapping)!r}")
        found: tuple[SheetRows, HeaderGuess] | None = None
        first_with_rows: SheetRows | None = None
        with closing(read_sheets(path, sheet)) as sheets:
            for rows in sheets:
                if rows.rows and first_with_rows is None:
                    first_with_rows = rows
                guess = guess_header(rows.rows)
                if guess is not None:
                    found = (rows, guess)
                    break
        if found is None:
            if first_with_rows is None:
                where = f"Trang tính “{sheet}”" if sheet else f"Tệp {path.name}"
                raise ImportFileError(f"{where} không có dữ liệu (trang tính trống).", "no rows")
            raise ImportFileError(
                f"Không tìm thấy dòng tiêu đề trong trang tính “{first_with_rows.name}”: cần "
                "các cột như “Họ và tên” và “Ngày sinh” trong 25 dòng đầu.",
                "no header row",
            )
        sheet_rows, guess = found
        columns = dict(mapping) if mapping is not None else dict(guess.mapping)
        parser = RowParser(columns, guess.headers, self.today())
        parser.learn_encoding(sheet_rows.rows[guess.data_start :])
        parsed = []
        skipped: list[tuple[int, str]] = []
        legacy: dict[str, int] = {}
        for number, values in sheet_rows.rows[guess.data_start :]:
            cells = parser.cells(values)
            if not cells:
                continue
            reason = parser.footer_reason(values, cells)
            if reason is not None:
                skipped.append((number, reason))
                continue
            row = parser.parse(number, cells)
            for encoding in row.legacy:
                legacy[encoding.value] = legacy.get(encoding.value, 0) + 1
            parsed.append(row)
        mark_duplicates(parsed)
        generation = self._ctx.roster_generation
        decided, new_branches = decide(
            parsed, Matcher(self._ctx), parser.today, self._ctx.coming_of_age()
        )
        rejected = [item.row for item in decided if item.action == REJECTED]
        source = None
        if rejected:  # kept to write them back (save_rejected)
            header_rows = (guess.first_row, guess.row)
            source = source_rows(sheet_rows.rows, header_rows, rejected, bool(legacy),
                                 parser.prefer)  # fmt: skip
        return ImportPreview(
            path=path,
            sheet=sheet_rows.name,
            sheets=sheet_rows.book_sheets,
            header_row=guess.row,
            headers=guess.headers,
            mapping=columns,
            rows=decided,
            skipped=skipped,
            legacy_cells=legacy,
            generation=generation,
            # what the reader changed (an encoding converted...), then the layout's warnings: a
            # chosen mapping that takes the column in silences its warning
            warnings=sheet_rows.notes
            + [text for col, text in guess.warnings if col not in columns.values()],
            new_branches=new_branches,
            source=source,
        )

    def apply_import(self, preview: ImportPreview) -> ImportResult:
        """Write the new and changed rows of ``preview`` in one transaction (all or nothing),
        after a checked backup of the data ("truoc-nhap")."""
        return apply_preview(self._ctx, preview)

    def save_rejected(self, preview: ImportPreview, path: Path, *, imported: bool = False) -> int:
        """Write the rejected rows of ``preview`` with their reasons to the .xlsx ``path``, in
        the file's own columns, to be fixed and imported again; ``imported``: ``preview`` has
        been imported (the reasons say so of the rows it repeats). Returns how many rows (see
        :mod:`.rejected`)."""
        return write_rejected(preview, Path(path), imported=imported)

    def write_sample(self, path: Path) -> None:
        """Write an example roster to the .xlsx ``path``: the export's layout, which the import
        reads best, with two made-up members (see :mod:`.sample`)."""
        from .sample import write_sample

        write_sample(self._ctx, Path(path), self.today())

    def export_members(
        self, path: Path, flt: MemberFilter | None = None, layout: str = "danh-sach"
    ) -> int:
        """Write the members shown by ``flt`` (default order) to .xlsx or .csv; returns how many.
        ``layout`` "mau-dsdv": the union's member template (.xlsx only; see
        :mod:`.member_template`), which the import reads back unchanged."""
        from .export import export_members

        return export_members(self._ctx, self._members, Path(path), flt, layout)

    def export_youth(self, path: Path, flt: YouthFilter | None = None) -> int:
        """Write the youth register shown by ``flt`` (name order) to .xlsx or .csv; returns how
        many young people were written (see :mod:`doancoso.core.youth.export`)."""
        from ...youth.export import export_youth

        return export_youth(self._ctx, self._members, Path(path), flt)

    def export_statistics(self, path: Path, today: date | None = None) -> None:
        """Write the roster's statistics on ``today`` to the .xlsx ``path`` (see
        :mod:`doancoso.core.statistics.export`)."""
        from ...statistics.export import export_statistics

        export_statistics(self._ctx, Path(path), today or self.today())
