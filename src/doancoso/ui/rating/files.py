"""The rating round's files from its page: the round out to Excel for the chi đoàn, their
filled-in sheets back (a preview of what changes, then all or nothing), and the printed forms,
summary and decision (the print dialog every document shares)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton, QWidget

from ...core.documents import DocumentDetails, decision_recipients
from ...core.lang.dates import format_vn_date
from ...core.lang.filenames import offered_name
from ...core.lang.text import slug, vn_number
from ...core.rating.decision import Decision, no_decision
from ...core.rating.service import RoundInfo
from ...core.rating.sheet import SheetPreview, closed_round
from ...core.workspace import Workspace
from ..common.document_dialog import DocumentDialog, DocumentKind, remember_document
from ..common.folders import documents_folder, open_folder
from ..common.opening import OpenAfterRead
from ..shell.operations import Core, CoreOp, QueryOp
from .import_preview import ImportPreviewDialog

SUMMARY = DocumentKind("BC", "In tổng hợp kết quả xếp loại (PDF)")
DECISION = DocumentKind("QĐ", "In quyết định công nhận kết quả xếp loại (PDF)", decision_recipients)
NO_ROUND = (
    "Chưa có đợt xếp loại năm {year}: bấm “Mở đợt xếp loại năm {year}” và xếp loại trước khi in."
)
OPEN_ROUND = (
    "Đợt xếp loại năm {year} đang mở, các mức xếp loại còn thay đổi được: bấm “Kết thúc đợt xếp "
    "loại” trước khi in quyết định công nhận kết quả. Bản tổng hợp thì in được ngay, có ghi "
    "“Kết quả tạm thời”."
)
"""A decision is signed: never printed from a round still open (the summary is, marked)."""
NOBODY_DECIDED_OPEN = (
    "{nobody} Đặt mức ở cột “BCH quyết định” (hoặc bấm “Lấy đề nghị của chi đoàn”, “Lấy mức "
    "gợi ý”), rồi bấm “Kết thúc đợt xếp loại” trước khi in quyết định công nhận kết quả."
)
NOBODY_DECIDED_CLOSED = (
    "{nobody} Bấm “Mở lại”, đặt mức ở cột “BCH quyết định” (hoặc bấm “Lấy đề nghị của chi "
    "đoàn”, “Lấy mức gợi ý”), rồi kết thúc đợt xếp loại trước khi in quyết định công nhận kết "
    "quả."
)
"""A decision recognises the members decided: with none (of the chi đoàn chosen) it is refused
before any question or dialog, as the PDF would refuse it after them; in an open round this is
said before :data:`OPEN_ROUND` (closing first would only lead to this refusal)."""
DOCUMENTS = (
    "Phiếu tự đánh giá (để trống, phát cho đoàn viên)",
    "Phiếu tự đánh giá (điền sẵn phần tự đánh giá)",
    "Tổng hợp kết quả đánh giá, xếp loại",
    "Quyết định công nhận kết quả xếp loại (kèm danh sách)",
)
UNDECIDED_NOTICE = ("Còn {count} đoàn viên thuộc diện xếp loại chưa có mức Ban Chấp hành quyết "
                    "định. {what} chỉ ghi những người đã có mức. Vẫn in?")  # fmt: skip
"""Two sentences: ``what`` ("Bản tổng hợp", "Quyết định") begins the second with a capital."""
XLSX_FILTER = "Bảng tính Excel (*.xlsx)"
OPEN_FILTER = "Bảng tính (*.xlsx *.xls *.csv);;Tất cả các tệp (*)"
"""What a chi đoàn sends back: the .xlsx exported, or saved again as Excel 97-2003 or CSV
by an old Office, all of which the import reads."""
PDF_FILTER = "Tệp PDF (*.pdf)"
BUTTON_TIPS = (
    "Xuất đợt xếp loại (chi đoàn đang chọn) để chi đoàn điền đề nghị",
    "Nhập bảng chi đoàn đã điền: xem trước những thay đổi rồi mới ghi",
    "In phiếu tự đánh giá, bản tổng hợp hoặc quyết định công nhận kết quả",
)
"""The tooltips of "Xuất Excel…", "Nhập đề nghị từ Excel…" and "In…", in that order."""
NO_ROUND_TIP = (
    "Chưa có đợt xếp loại năm {year}: bấm “Mở đợt xếp loại năm {year}” trước khi xuất, nhập "
    "hoặc in."
)
ISSUED_HINT = "Quyết định năm này đã ban hành với số và ngày này (đã ghi lại cho hồ sơ)."


class RatingFiles(QObject):
    """The buttons "Xuất Excel…", "Nhập đề nghị từ Excel…" and "In…" of the rating page."""

    status_message = Signal(str)

    def __init__(
        self, core: Core, parent: QWidget, year: Callable[[], int],
        branch: Callable[[], str | None], undecided: Callable[[], int],
        branch_name: Callable[[], str],
    ) -> None:  # fmt: skip
        """``undecided``: how many members of the round shown (of the chi đoàn chosen) have
        no level decided yet, as the page's grid holds them; ``branch_name``: the name of the
        chi đoàn chosen, which the files of one chi đoàn are named after."""
        super().__init__(parent)
        self._core = core
        self._parent = parent
        self._asking = OpenAfterRead(parent, core)  # the round, before the file chooser
        self._year = year
        self._branch = branch
        self._undecided = undecided
        self._branch_name = branch_name
        self.export_button = QPushButton("Xuất &Excel…")
        self.import_button = QPushButton("N&hập đề nghị từ Excel…")
        self.print_button = QPushButton("&In…")
        self.export_button.clicked.connect(self.export)
        self.import_button.clicked.connect(self.import_sheet)
        self.print_button.clicked.connect(self.print_document)
        for button, tip in zip(self.buttons(), BUTTON_TIPS, strict=True):
            button.setToolTip(tip)
            button.setEnabled(False)  # until the page has read its round

    def buttons(self) -> list[QPushButton]:
        return [self.export_button, self.import_button, self.print_button]

    def show_round(self, year: int, opened: bool) -> None:
        """The buttons for the year the page shows, whose round is ``opened`` or not. Without
        a round they wait, saying to open it: the export would write members the grid does not
        show, the import open the round unasked, the print make forms of a round not opened."""
        waiting = NO_ROUND_TIP.format(year=year)
        for button, tip in zip(self.buttons(), BUTTON_TIPS, strict=True):
            button.setEnabled(opened)
            button.setToolTip(tip if opened else waiting)

    # File dialogs (tests replace these) ----------------------------------------------------

    def ask_save_path(self, caption: str, name: str, filter_text: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self._parent, caption, str(documents_folder() / name), filter_text
        )
        if not chosen:
            return None
        path = Path(chosen)
        suffix = ".xlsx" if filter_text == XLSX_FILTER else ".pdf"
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def ask_open_path(self) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self._parent, "Nhập bảng xếp loại chi đoàn đã điền", str(open_folder()), OPEN_FILTER
        )
        return Path(chosen) if chosen else None

    def _tail(self) -> str:
        """What the name of a file of the chi đoàn chosen ends with ("-chi-doan-ap-1"): the
        secretary exports and prints for each chi đoàn in turn, often onto one stick; nothing
        for the whole organisation."""
        if self._branch() is None:
            return ""
        return "-" + slug(self._branch_name(), empty="chi-doan")

    # Excel ---------------------------------------------------------------------------------

    def export(self) -> None:
        year, branch = self._year(), self._branch()
        path = self.ask_save_path(
            "Xuất đợt xếp loại ra Excel",
            offered_name(f"xep-loai-{year}{self._tail()}.xlsx"),
            XLSX_FILTER,
        )
        if path is None:
            return

        def done(count: int) -> None:
            self.status_message.emit(f"Đã xuất {vn_number(count)} đoàn viên ra tệp {path}.")

        op = QueryOp(
            self._parent,
            lambda ws: ws.rating_sheets.export(path, year, branch),
            self._core,
            label="Đang xuất Excel…",
        )
        op.success(done).failure(self._core.reporter(self._parent, "Không xuất được")).run()

    def import_sheet(self) -> None:
        """A closed round is said to be closed before the file chooser (the round is read on
        the worker: once however often it was pressed before it came); otherwise the file
        chosen is previewed."""
        year = self._year()

        def ready(info: RoundInfo | None) -> None:
            if info is not None and info.closed:
                self._core.prompts.information(self._parent, "Nhập đề nghị của chi đoàn",
                                               closed_round(year))  # fmt: skip
            else:
                self._import_from(year)

        self._asking.run(lambda ws: ws.rating.round(year), ready, label="Đang đọc đợt xếp loại…",
                         failed="Không nhập được")  # fmt: skip

    def _import_from(self, year: int) -> None:
        path = self.ask_open_path()
        if path is None:
            return
        op = QueryOp(
            self._parent,
            lambda ws: ws.rating_sheets.preview(path, year),
            self._core,
            label="Đang đọc tệp…",
        )
        op.success(self._previewed).failure(
            self._core.reporter(self._parent, "Không nhập được")
        ).run()

    def _previewed(self, preview: object) -> None:
        assert isinstance(preview, SheetPreview)
        dialog = ImportPreviewDialog(self._core, preview, self._parent)
        self._core.prompts.run(dialog)
        accepted = dialog.result() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not preview.changes or not accepted:
            return

        def done(count: int) -> None:
            self.status_message.emit(
                f"Đã nhập đề nghị của chi đoàn cho {vn_number(count)} đoàn viên."
            )

        op = CoreOp(
            self._parent, lambda ws: ws.rating_sheets.apply(preview), self._core, label="Đang ghi…"
        )
        op.success(done).failure(self._core.reporter(self._parent, "Không nhập được")).run()

    # Printing ------------------------------------------------------------------------------

    def print_document(self) -> None:
        chosen = self._core.prompts.choose(self._parent, "In", "Văn bản cần in:", DOCUMENTS)
        if chosen is None:
            return
        year, branch, tail = self._year(), self._branch(), self._tail()
        if chosen in (0, 1):
            self._print_forms(year, branch, tail, blank=chosen == 0)
            return
        kind = SUMMARY if chosen == 2 else DECISION
        issued = chosen == 3 and branch is None  # the organisation's decision: its number kept

        def read(ws: Workspace) -> tuple[RoundInfo | None, Decision | None, int]:
            info = ws.rating.round(year)
            decided = 0
            if info is not None and kind is DECISION:  # those the decision would recognise
                rows = ws.rating.rows(year, branch)
                decided = sum(1 for r in rows if r.eligible and r.decided_level is not None)
            return info, ws.rating.decision(year) if issued else None, decided

        def ready(found: tuple[RoundInfo | None, Decision | None, int]) -> None:
            info, known, decided = found
            say = self._core.prompts.information
            if info is None:  # printing opens no round
                say(self._parent, "In", NO_ROUND.format(year=year))
            elif kind is DECISION and not decided:
                nobody = NOBODY_DECIDED_CLOSED if info.closed else NOBODY_DECIDED_OPEN
                say(self._parent, "In", nobody.format(nobody=no_decision(year)))
            elif kind is DECISION and not info.closed:
                say(self._parent, "In", OPEN_ROUND.format(year=year))
            else:
                self._print_results(kind, year, branch, tail, issued, known)

        op = QueryOp(self._parent, read, self._core, label="Đang đọc đợt xếp loại…")
        op.success(ready).failure(self._core.reporter(self._parent, "Không in được")).run()

    def _print_forms(self, year: int, branch: str | None, tail: str, *, blank: bool) -> None:
        """The self-assessment forms, after a read on the worker that there is somebody to
        print one for (else the PDF's own refusal, before the save dialog)."""

        def refusal(ws: Workspace) -> str | None:
            from ...reports.rating_forms import form_members, no_members

            return None if form_members(ws, year, branch) else no_members(year)

        def ready(refused: str | None) -> None:
            if refused is not None:
                self._core.prompts.information(self._parent, "In", refused)
                return
            name = offered_name(f"phieu-tu-danh-gia-{year}{'-trong' if blank else ''}{tail}.pdf")
            path = self.ask_save_path("In phiếu tự đánh giá ra PDF", name, PDF_FILTER)
            if path is None:
                return

            def forms(ws: Workspace) -> Path:
                from ...reports.rating_forms import print_forms

                return print_forms(ws, path, year, branch, blank=blank)

            self._print(forms, None, None, "Đã in phiếu tự đánh giá ra tệp")

        op = QueryOp(self._parent, refusal, self._core, label="Đang đọc đợt xếp loại…")
        op.success(ready).failure(self._core.reporter(self._parent, "Không in được")).run()

    def _print_results(self, kind: DocumentKind, year: int, branch: str | None, tail: str,
                       issued: bool, known: Decision | None) -> None:  # fmt: skip
        """The summary of a round there is or the decision of a closed one, after the warning
        of the members not decided and the print dialog."""
        summary = kind is SUMMARY
        undecided = self._undecided()
        if undecided and not self._core.prompts.confirm(
            self._parent, "In", UNDECIDED_NOTICE.format(
                count=vn_number(undecided),
                what="Bản tổng hợp" if summary else "Quyết định",
            ), yes="Vẫn in", no="Không",
        ):  # fmt: skip
            return
        details = self._details(kind, known)
        if details is None:
            return
        name = offered_name(f"{'tong-hop' if summary else 'quyet-dinh'}-xep-loai-{year}{tail}.pdf")
        path = self.ask_save_path(kind.title, name, PDF_FILTER)
        if path is None:
            return

        def document(ws: Workspace) -> Path:
            from ...reports import rating

            write = rating.print_summary if summary else rating.print_decision
            return write(
                ws,
                path,
                year,
                branch,
                issued_on=details.issued_on,
                number=details.number,
                place=details.place,
                recipients=details.recipients,
            )

        what = "tổng hợp kết quả xếp loại" if summary else "quyết định công nhận kết quả"
        record = None
        if issued and details.number:
            number, day = details.number, details.issued_on

            def record(ws: Workspace) -> Decision:
                return ws.rating.record_decision(year, number, day)

        self._print(document, kind, details, f"Đã in {what} ra tệp", record)

    def _details(self, kind: DocumentKind, known: Decision | None = None) -> DocumentDetails | None:
        dialog = DocumentDialog(self._core, kind, None, self._parent)
        if known is not None:  # the decision printed again: as it was issued
            dialog.show_issued(known.number, known.issued_on, ISSUED_HINT)
        self._core.prompts.run(dialog)
        details = dialog.details if dialog.result() == DocumentDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        return details

    def _print(
        self,
        job: Callable[[Workspace], Path],
        kind: DocumentKind | None,
        details: DocumentDetails | None,
        done_text: str,
        record: Callable[[Workspace], Decision] | None = None,
    ) -> None:
        def done(path: object) -> None:
            if kind is not None and details is not None:
                remember_document(self._core, kind, details)
            if record is None:
                self.status_message.emit(f"{done_text} {path}.")
                return

            def recorded(decision: Decision) -> None:
                self.status_message.emit(
                    f"{done_text} {path}; số {decision.number} ngày "
                    f"{format_vn_date(decision.issued_on)} đã ghi lại cho hồ sơ."
                )

            op = CoreOp(self._parent, record, self._core, label="Đang ghi số quyết định…")
            op.success(recorded).failure(
                self._core.reporter(self._parent, "Không ghi được số quyết định")
            ).run()

        op = QueryOp(self._parent, job, self._core, label="Đang in ra PDF…")
        op.success(done).failure(self._core.reporter(self._parent, "Không in được")).run()
