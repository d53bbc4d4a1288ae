"""Evidence files the dossier's annex would print that are lost from the evidence store: gone
(a backup restored without the folder of evidence beside it, a file deleted by hand) or no
longer the size they were attached with (cut short by a disk or a stick that failed).

The check runs after every change of the dossier's page, so it only reads each stored file's
size (a ``stat``, as :meth:`~..evidence.service.EvidenceService.missing` reads its presence),
never its bytes: hashing the files of a year (up to 50 MB each by default, 500 MB at most)
at each change would take seconds. The build, which reads every file of the annex anyway,
verifies each one by its SHA-256 before anything is written and names every file that fails
(``reports.dossier.annex.lost_files``), with the same way back (:data:`WAY_BACK`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..evidence.store import holds_at
from ..lang.dates import format_vn_date
from ..lang.text import nfc, vn_number
from .check import REGISTER_TAB_CAPTION, Gap, register_item

if TYPE_CHECKING:
    from ..evidence.service import Attachment
    from ..recognition.service import ChecklistView
    from ..workspace import Workspace

WAY_BACK = ("Hãy lấy lại từ một bản sao lưu ra USB có {them} (“Lấy lại tệp minh chứng bị mất "
            "từ USB…” trong “Sao lưu và khôi phục…”, lệnh doancoso restore-evidence) hoặc đính "
            "kèm lại tệp gốc {where}")  # fmt: skip
"""How a lost file is got back: from a backup on a stick, else attached again (``where``)."""
LOST_FILE = ("{record}: tệp minh chứng “{name}” không còn trong thư mục dữ liệu hoặc đã bị "
             "hỏng, nên chưa lập được hồ sơ. " + WAY_BACK + ".")  # fmt: skip
ITEM_PAGE = "ở mục {code}, trang “3 chủ động”"
REGISTER_PAGE = REGISTER_TAB_CAPTION.removesuffix(".")
LOST_BRIEF = "{record}: “{name}”"
"""A lost file's line in a list of them (:func:`lost_way_back` said once above)."""
LOST_WHERE = ("ở mục ghi trên dòng của tệp, trang “3 chủ động” (tệp của văn bản tham mưu, "
              "chương trình phối hợp: tab “Sổ tham mưu, phối hợp”)")  # fmt: skip
LOST_COUNT = "chưa lập được khi còn {count} tệp minh chứng bị mất hoặc hỏng"
"""What the check's summary adds when files are lost: the build refuses until they are back."""


def lost_count_text(gaps: Sequence[Gap]) -> str:
    """:data:`LOST_COUNT` for the files ``gaps`` name lost; "" when none is."""
    count = sum(1 for g in gaps if g.lost is not None)
    return LOST_COUNT.format(count=vn_number(count)) if count else ""


def lost_way_back(count: int) -> str:
    """The way back of ``count`` lost files listed each by its :data:`LOST_BRIEF` line."""
    them = "tệp đó" if count == 1 else "các tệp đó"
    return WAY_BACK.format(them=them, where=LOST_WHERE) + "."


def intact(attachment: Attachment) -> bool:
    """Whether the store holds ``attachment``'s file at the size it was attached with (its
    bytes are not read: see the module's docstring)."""
    return holds_at(attachment.path, attachment.size)


def lost_files(ws: Workspace, year: int, view: ChecklistView | None,
               parts: Sequence[str]) -> list[Gap]:  # fmt: skip
    """The files the annex of ``parts`` would print that are lost, each a gap of the annex
    naming where it is attached: its item ("Mục 1.1"), or the advice or coordination record
    whose file it is, under the item citing the register ("Mục 3.1, văn bản tham mưu ngày …"),
    as ``reports.dossier.register.with_register`` numbers them. A register file the annex
    already holds (attached to an item, or to an earlier record) is named once."""
    if "minh-chung" not in parts:
        return []
    from ..recognition.registers import ADVICE_TABLE, COORDINATION_TABLE  # SQLAlchemy: lazily
    from ..recognition.service import lost_file_text

    gaps: list[Gap] = []
    known: dict[str, bool] = {}

    def lost(attachment: Attachment) -> bool:
        if attachment.sha256 not in known:
            known[attachment.sha256] = intact(attachment)
        return not known[attachment.sha256]

    items = view.items if view is not None else ()
    for v in items:
        code = v.item.code
        for a in v.files:
            if lost(a):
                reason = lost_file_text(code, a.original_name)
                brief = LOST_BRIEF.format(record=f"Mục {code}", name=a.original_name)
                gaps.append(Gap("minh-chung", reason, item=code, lost=a.sha256, brief=brief))
    seen = {a.sha256 for v in items for a in v.files}
    own = "tham-muu-phoi-hop" in parts  # the register numbers the files no item takes
    advice = ws.registers.advice(year)
    coordination = ws.registers.coordination(year)
    records = [("advice", a.id, f"văn bản tham mưu ngày {format_vn_date(a.day)} "
                f"“{nfc(a.title)}”") for a in advice]  # fmt: skip
    records += [("coordination", c.id, f"chương trình phối hợp với {nfc(c.partner)} "
                 f"“{nfc(c.title)}”") for c in coordination]  # fmt: skip
    files = ws.evidence.attachments_of(ADVICE_TABLE, [a.id for a in advice])
    files.update(ws.evidence.attachments_of(COORDINATION_TABLE, [c.id for c in coordination]))
    for kind, record_id, named in records:
        cited = register_item(view, kind)
        if cited is None and not own:
            continue  # not printed: nothing cites it
        record = f"Mục {cited}, {named}" if cited is not None else named[0].upper() + named[1:]
        for a in files.get(record_id, ()):
            if a.sha256 in seen:
                continue
            seen.add(a.sha256)
            if lost(a):
                reason = LOST_FILE.format(record=record, name=a.original_name, them="tệp đó",
                                          where=REGISTER_PAGE)  # fmt: skip
                brief = LOST_BRIEF.format(record=record, name=a.original_name)
                gaps.append(Gap("minh-chung", reason, item=cited, record=record_id,
                                lost=a.sha256, brief=brief))  # fmt: skip
    return gaps


BUILD_REFUSED = ("Chưa lập được hồ sơ: {count} tệp minh chứng không còn trong thư mục dữ liệu "
                 "hoặc đã bị hỏng:\n{files}\n" + WAY_BACK + "; chưa ghi gì.")  # fmt: skip


def build_refused_text(files: Sequence[tuple[str, str]]) -> str:
    """Why the build refuses: every lost file of the annex, ``files`` (its name as attached, its
    label in the dossier: "Minh chứng 1.1.1"), each on its line, then the way back."""
    lines = "\n".join(f"• “{name}” ({label})" for name, label in files)
    them = "tệp đó" if len(files) == 1 else "các tệp đó"
    return BUILD_REFUSED.format(count=vn_number(len(files)), files=lines, them=them,
                                where="ở trang “3 chủ động”")  # fmt: skip
