"""``ws.spreadsheets``: import the roster from Excel/CSV files and export it (DESIGN.md layers).

Import in two steps, the core of the import wizard: :meth:`SpreadsheetService.preview_import`
reads the file and says, row by row, what would happen; :meth:`SpreadsheetService.apply_import`
writes the accepted rows in one transaction. A file that cannot be read raises
:class:`ImportFileError` and changes nothing. The preview reports its progress through an
optional ``report(done, total)`` and stops at whatever that raises (the GUI's "Hủy").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ...context import WorkspaceContext
from ...progress import Report, Stages
from ...storage.bulk import paused_gc
from ...xlsx.workbook import sheet_names
from ...youth.service import YouthFilter
from ..service import MemberFilter, MemberService
from .apply import ImportResult, apply_preview
from .headers import ROSTER_HEADERS
from .preview import ImportPreview, Matcher, decide, mark_duplicates
from .reading import make_preview, read_import_sheet
from .rejected import write_rejected
from .rows import RowParser
from .secretaries import warn_second_secretaries

if TYPE_CHECKING:
    from .member_template import TemplateExport


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
        self, path: Path, sheet: str | None = None, mapping: Mapping[str, int] | None = None,
        report: Report | None = None,
    ) -> ImportPreview:  # fmt: skip
        """Read ``path`` and say what importing it would do; nothing is written.

        Without ``sheet`` the first sheet with a recognisable header is used. ``mapping`` (field
        name of :data:`IMPORT_FIELDS` -> 0-based column) replaces the guessed columns.
        ``report(done, total)``: the progress of reading and checking the rows; what it raises
        (a cancellation) ends the preview, with the file closed and nothing left behind.
        """
        with paused_gc():
            return self._preview(Path(path), sheet, mapping, report)

    def _preview(
        self, path: Path, sheet: str | None, mapping: Mapping[str, int] | None,
        report: Report | None,
    ) -> ImportPreview:  # fmt: skip
        stages = Stages(report)
        read = read_import_sheet(path, sheet, mapping, ROSTER_HEADERS, RowParser, self.today(),
                                 stages.part(800))  # fmt: skip
        mark_duplicates(read.parsed)
        generation = self._ctx.roster_generation
        matcher = Matcher(self._ctx)
        decided, new_branches = decide(
            read.parsed, matcher, read.parser.today, self._ctx.coming_of_age(), stages.part(200)
        )
        warn_second_secretaries(decided, matcher)
        stages.finish()
        return make_preview(read, path, decided, generation, new_branches=new_branches)

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

    def export_template(self, path: Path, flt: MemberFilter | None = None) -> TemplateExport:
        """Write the members shown by ``flt`` in the union's member template (.xlsx); the result
        also counts the cells outside the template's lists (see :mod:`.member_template`)."""
        from .export import export_template

        return export_template(self._ctx, self._members, Path(path), flt)

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
