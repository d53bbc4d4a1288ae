"""The parts of the recognition dossier and what it would lack, read from the workspace.

The check names each gap with the part it concerns; the dossier is built anyway, the gaps
named rather than hidden (issue #16).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import ValidationError
from ..lang.dates import check_year, format_vn_date
from ..lang.text import nfc
from ..plans.rules import APPROVED

if TYPE_CHECKING:
    from ..recognition.service import ChecklistView
    from ..workspace import Workspace

PARTS: dict[str, str] = {
    "to-trinh": "Tờ trình đề nghị công nhận",
    "bao-cao": "Báo cáo tự đánh giá",
    "bang": "Bảng tự đánh giá",
    "ke-hoach": "Kế hoạch và báo cáo kết quả",
    "hoat-dong": "Hoạt động trong năm",
    "bien-ban": "Biên bản sinh hoạt chi đoàn",
    "tham-muu-phoi-hop": "Sổ tham mưu, phối hợp",
    "xep-loai": "Kết quả đánh giá, xếp loại đoàn viên",
    "gioi-thieu-dang": "Danh sách đoàn viên ưu tú được giới thiệu cho Đảng",
    "doan-vien": "Danh sách đoàn viên",
    "thanh-nien": "Danh sách thanh niên có hoàn cảnh khó khăn",
    "thanh-nien-dan-toc": "Danh sách thanh niên dân tộc thiểu số",
    "thanh-nien-ton-giao": "Danh sách thanh niên có tôn giáo",
    "chi-doan": "Danh sách chi đoàn",
    "doan-vien-chi-doan": "Danh sách đoàn viên theo chi đoàn",
    "so-thanh-nien": "Danh sách thanh niên địa phương",
    "thong-ke": "Thống kê tình hình đoàn viên",
    "minh-chung": "Phụ lục minh chứng",
}
"""Every part in its order (DOMAIN.md §2, §7): code → Vietnamese name. Criterion 3's register
follows the other records of the year's work (plan, activities, minutes); the members introduced
to the Party open the lists, after the rating whose results they come from (DOMAIN.md §3)."""

OPTIONAL_PARTS = frozenset({"bien-ban", "thanh-nien-dan-toc", "thanh-nien-ton-giao", "chi-doan",
                            "doan-vien-chi-doan", "so-thanh-nien", "thong-ke"})  # fmt: skip
"""The parts left out unless chosen: the minutes of the chi đoàn meetings, and the lists the
secretary may add (issue #16): the ethnic-minority and religious youth among them, whom many
communes have none of."""

DEFAULT_PARTS: tuple[str, ...] = tuple(p for p in PARTS if p not in OPTIONAL_PARTS)
"""The parts of a dossier when none are chosen, in order."""

MINUTES_KIND = "sinh-hoat"  # the minutes of these meetings make the "bien-ban" part


@dataclass(frozen=True)
class Gap:
    """One thing the dossier would lack: the part's code and the reason in Vietnamese (which
    says where in the window to mend it); ``command``, the command line's way to, when the
    reason names the window's; ``item``, the checklist item to open when the gap is mended
    there ("1.7"); ``target``, the id of the plan's target it is about; ``record``, the id of
    the advice or coordination record it is about (whose file to caption); ``contradiction``, when
    the dossier would print two different figures for one thing, that thing and its figures
    (asked about before building); ``lost``, the SHA-256 of an evidence file the annex would
    print that is lost from the store (:mod:`.lost`): the build refuses until it is back;
    ``brief``, for such a file, the short line a list of them gives it (its record and name),
    the way back said once above them (:func:`.lost.lost_way_back`)."""

    part: str
    reason: str
    command: str | None = None
    item: str | None = None
    target: str | None = None
    contradiction: str | None = None
    record: str | None = None
    lost: str | None = None
    brief: str | None = field(default=None, compare=False)


def parse_parts(text: str | None) -> list[str]:
    """The parts chosen by a comma-separated list of codes (None or empty: the default ones,
    :data:`DEFAULT_PARTS`, in order)."""
    if not text or not text.strip():
        return list(DEFAULT_PARTS)
    chosen = [p.strip() for p in text.split(",") if p.strip()]
    unknown = [p for p in chosen if p not in PARTS]
    if unknown:
        raise ValidationError({"parts": "Phần không có: " + ", ".join(unknown)
                               + ". Các phần: " + ", ".join(PARTS) + "."})  # fmt: skip
    return list(dict.fromkeys(chosen))


def check(ws: Workspace, year: int, parts: Sequence[str] = DEFAULT_PARTS,
          number: str | None = None, as_of: dt.date | None = None,
          issued_on: dt.date | None = None) -> list[Gap]:  # fmt: skip
    """What the dossier of ``year`` with ``parts`` would lack, part by part, in order: the
    checklist's figures counted on ``as_of`` (else today), the lists on the day of issue
    ``issued_on`` (else ``as_of``, else today). A year no record can have ("--year 25") is
    refused, before a build writes anything."""
    check_year(year)
    gaps: list[Gap] = []
    org = ws.organization.get()
    if "to-trinh" in parts:
        if not number:
            gaps.append(Gap("to-trinh", "Chưa có số tờ trình."))
        if org is None or not org.secretary_name:
            gaps.append(Gap("to-trinh", "Chưa có họ tên Bí thư (phần Thiết lập)."))
        if ws.recognition.opened(year) is not None:
            met, counted = ws.recognition.view(year, as_of).readiness()
            if met < counted:
                gaps.append(Gap("to-trinh", NOT_ALL_MET.format(met=met, counted=counted)))
    if "ke-hoach" in parts:
        # Here: the module reads the plans' service (SQLAlchemy), which the CLI's parser,
        # importing this module, must not load (tests/cli/test_cli_startup.py).
        from ..plans.crosscheck import hand_figure_conflicts

        plan = ws.plans.get(year, as_of)
        if plan is None:
            gaps.append(Gap("ke-hoach", f"Chưa có kế hoạch năm {year}."))
        else:
            if plan.registration_state != APPROVED:
                gaps.append(Gap("ke-hoach", f"Kế hoạch năm {year} chưa được cấp trên duyệt."))
            gaps += [
                Gap("ke-hoach", c.message, target=c.target.id, contradiction=c.subject)
                for c in hand_figure_conflicts(ws.plans, year, as_of)
            ]
    if "xep-loai" in parts:
        rating = ws.rating.round(year)
        if rating is None:
            gaps.append(Gap("xep-loai", f"Chưa có đợt đánh giá, xếp loại năm {year}."))
        elif not rating.closed:
            gaps.append(Gap("xep-loai", f"Đợt đánh giá, xếp loại năm {year} chưa khóa sổ."))
            gaps.append(Gap("xep-loai", NO_DECISION.format(year=year)))
        elif not any(r.eligible and r.decided_level is not None for r in ws.rating.rows(year)):
            gaps.append(Gap("xep-loai", NO_DECISION.format(year=year)))
        elif ws.rating.decision(year) is None:
            gaps.append(Gap("xep-loai", NO_DECISION_NUMBER.format(year=year),
                            DECISION_COMMAND.format(year=year)))  # fmt: skip
    if "bien-ban" in parts and not minutes_of_year(ws, year):
        gaps.append(Gap("bien-ban", no_minutes(year)))
    if "tham-muu-phoi-hop" in parts:
        if not ws.registers.advice(year):
            gaps.append(Gap("tham-muu-phoi-hop", NO_ADVICE.format(year=year), ADVICE_COMMAND))
        if not ws.registers.coordination(year):
            gaps.append(Gap("tham-muu-phoi-hop", NO_COORDINATION.format(year=year),
                            COORDINATION_COMMAND))  # fmt: skip
    if "gioi-thieu-dang" in parts and not ws.events.party_introductions(year, as_of):
        gaps.append(Gap("gioi-thieu-dang", NO_INTRODUCTIONS.format(year=year)))
    gaps += left_out_lists(ws, year, parts, issued_on or as_of)
    checklist_parts = [p for p in ("bao-cao", "bang", "minh-chung") if p in parts]
    view: ChecklistView | None = None
    if checklist_parts:
        part = checklist_parts[0]
        if ws.recognition.opened(year) is None:
            gaps.append(Gap(part, f"Chưa lập bảng tự đánh giá năm {year}."))
        else:
            view = ws.recognition.view(year, as_of)
            from ..recognition.service import LOST  # SQLAlchemy: see above

            # A lost file is named by lost_files below, which tells the build's refusal by it.
            gaps += [Gap(part, m.message, item=m.code) for m in view.missing() if m.kind != LOST]
    from .lost import lost_files  # it imports this module

    gaps += lost_files(ws, year, view, parts)
    if view is not None:
        gaps += uncaptioned(view, parts)
    gaps += uncaptioned_register(ws, year, view, parts)
    return gaps


LACKS = {
    "hoat-dong": "danh sách hoạt động trong năm",
    "doan-vien": "danh sách đoàn viên",
    "thanh-nien": "danh sách thanh niên có hoàn cảnh khó khăn",
    "thanh-nien-dan-toc": "danh sách thanh niên dân tộc thiểu số",
    "thanh-nien-ton-giao": "danh sách thanh niên có tôn giáo",
    "chi-doan": "danh sách chi đoàn",
    "doan-vien-chi-doan": "danh sách đoàn viên theo chi đoàn",
    "so-thanh-nien": "danh sách thanh niên địa phương",
    "thong-ke": "phần thống kê tình hình đoàn viên",
    "minh-chung": "phụ lục minh chứng",
}
"""A list part (or the evidence annex) → what the dossier lacks when it is left out, as the
check says it."""


def left_out_lists(ws: Workspace, year: int, parts: Sequence[str],
                   issued_on: dt.date | None = None) -> list[Gap]:  # fmt: skip
    """The lists (activities, members, young people, chi đoàn, statistics) and the evidence
    annex that the dossier issued on ``issued_on`` (else today) leaves out because they would
    be empty, each a gap
    saying why and that the dossier will not have it: the build leaves out exactly these
    (:func:`~doancoso.core.dossier.lists.empty_lists`, which both read)."""
    from .lists import empty_lists  # SQLAlchemy: see above

    reasons = empty_lists(ws, year, parts, issued_on or dt.date.today())
    return [Gap(part, f"{reason.removesuffix('.')}: hồ sơ sẽ không có {LACKS[part]}.")
            for part, reason in reasons.items()]  # fmt: skip


NO_CAPTION = ("Mục {code}: tệp minh chứng “{name}” chưa có chú thích; hồ sơ in nội dung của mục "
              "thay cho tên tệp. Ghi chú thích (ví dụ “Biên bản ra quân ngày 26/3”) ở trang "
              "“3 chủ động”.")  # fmt: skip


def uncaptioned(view: ChecklistView, parts: Sequence[str]) -> list[Gap]:
    """The evidence files without a caption, each a gap of the annex (else of the table) that
    opens its item: the table of contents, the table and the annex name a file by its caption,
    and a file's name is no name for the superior body's reader."""
    part = next((p for p in ("minh-chung", "bang") if p in parts), None)
    if part is None:
        return []
    return [Gap(part, NO_CAPTION.format(code=v.item.code, name=a.original_name),
                item=v.item.code)
            for v in view.items for a in v.files if not nfc(a.caption)]  # fmt: skip


ITEM_CITES = {"advice": "advice-count", "coordination": "coordination-count"}
"""A register's record key (template.RECORDS) → the indicator that counts it: the item that
cites the one, else the item with the other, receives the register's files."""


def register_item(view: ChecklistView | None, record: str) -> str | None:
    """The code of the item whose evidence the register ``record`` ("advice", "coordination")
    is: the first citing it, else the first counting it; None when no item does."""
    items = view.items if view is not None else ()
    for v in items:
        if record in v.item.records:
            return v.item.code
    for v in items:
        if v.item.indicator == ITEM_CITES[record]:
            return v.item.code
    return None


REGISTER_TAB_CAPTION = "ở trang “3 chủ động”, tab “Sổ tham mưu, phối hợp”."
NO_ADVICE_CAPTION = ("Văn bản tham mưu ngày {day} “{title}”: tệp minh chứng “{name}” chưa có chú "
                     "thích; hồ sơ in trích yếu của văn bản thay cho tên tệp. Ghi chú thích (ví "
                     "dụ “Công văn trả lời của Đảng ủy”) " + REGISTER_TAB_CAPTION)  # fmt: skip
NO_COORDINATION_CAPTION = ("Chương trình phối hợp với {partner} “{title}”: tệp minh chứng "
                           "“{name}” chưa có chú thích; hồ sơ in tên chương trình thay cho tên "
                           "tệp. Ghi chú thích (ví dụ “Buổi tuyên truyền tại ấp Bà Điều”) "
                           + REGISTER_TAB_CAPTION)  # fmt: skip


def uncaptioned_register(ws: Workspace, year: int, view: ChecklistView | None,
                         parts: Sequence[str]) -> list[Gap]:  # fmt: skip
    """The files of the year's advice and coordination records the dossier prints without a
    caption, as :func:`uncaptioned` names the items' (the dossier numbers them as
    ``reports.dossier.register.with_register`` does): under the item citing the register (in
    the annex, else the table), else by the register itself ("TM.1.1", in the annex, when the
    register is in the dossier). A file the annex already holds (attached to an item, or to an
    earlier record) is not printed again, nor named again."""
    from ..recognition.registers import ADVICE_TABLE, COORDINATION_TABLE  # SQLAlchemy: see above

    cited = next((p for p in ("minh-chung", "bang") if p in parts), None)
    own = "minh-chung" if "minh-chung" in parts and "tham-muu-phoi-hop" in parts else None
    seen = {a.sha256 for v in (view.items if view is not None else ()) for a in v.files}
    advice = ws.registers.advice(year)
    coordination = ws.registers.coordination(year)
    records = [("advice", a.id, NO_ADVICE_CAPTION, {"day": format_vn_date(a.day),
                                                    "title": nfc(a.title)})
               for a in advice]  # fmt: skip
    records += [("coordination", c.id, NO_COORDINATION_CAPTION, {"partner": nfc(c.partner),
                                                                  "title": nfc(c.title)})
                for c in coordination]  # fmt: skip
    files = ws.evidence.attachments_of(ADVICE_TABLE, [a.id for a in advice])
    files.update(ws.evidence.attachments_of(COORDINATION_TABLE, [c.id for c in coordination]))
    gaps = []
    for record, record_id, reason, fields in records:
        part = cited if register_item(view, record) is not None else own
        for attachment in files.get(record_id, ()):
            if attachment.sha256 in seen:
                continue
            seen.add(attachment.sha256)
            if part is not None and not nfc(attachment.caption):
                reason_text = reason.format(name=attachment.original_name, **fields)
                gaps.append(Gap(part, reason_text, record=record_id))
    return gaps


NOT_ALL_MET_LEAD = "Tự đánh giá mới đạt "
NOT_ALL_MET = (NOT_ALL_MET_LEAD + "{met}/{counted} nội dung, mà tờ trình đề nghị công nhận "
               "đạt tiêu chuẩn: theo Hướng dẫn 18-HD/TWĐTN-BTC phải đạt đủ cả ba tiêu chí. Xem "
               "các nội dung chưa đạt ở trang “3 chủ động”.")  # fmt: skip


NO_DECISION = ("Chưa có quyết định công nhận kết quả xếp loại năm {year} (cần khóa sổ đợt đánh "
               "giá và có đoàn viên được Ban Chấp hành xếp loại).")  # fmt: skip


NO_DECISION_NUMBER = ("Quyết định công nhận kết quả xếp loại năm {year} chưa có số: in quyết "
                      "định ở trang Xếp loại (nút “In…”) với số văn bản để ghi lại số và ngày "
                      "ban hành.")  # fmt: skip
DECISION_COMMAND = ("doancoso rating print --year {year} --document quyet-dinh --number SỐ "
                    "-o quyet-dinh.pdf")  # fmt: skip


REGISTER_TAB = "ghi ở trang “3 chủ động”, tab “Sổ tham mưu, phối hợp”."
NO_ADVICE = "Chưa có văn bản tham mưu cấp ủy nào trong năm {year}: " + REGISTER_TAB
NO_COORDINATION = "Chưa có chương trình phối hợp nào trong năm {year}: " + REGISTER_TAB
ADVICE_COMMAND = "doancoso advice add --date dd/mm/yyyy --title TÊN --number SỐ"
COORDINATION_COMMAND = "doancoso coordination add --date dd/mm/yyyy --partner ĐƠN_VỊ --title TÊN"
NO_INTRODUCTIONS = ("Chưa có đoàn viên nào được giới thiệu cho Đảng trong năm {year}: ở trang "
                    "Đoàn viên, chọn đoàn viên → “Ghi sự kiện…” → “Giới thiệu đoàn viên ưu tú "
                    "cho Đảng”.")  # fmt: skip


def no_minutes(year: int) -> str:
    return f"Chưa có biên bản sinh hoạt chi đoàn nào trong năm {year}."


def minutes_of_year(ws: Workspace, year: int) -> list[str]:
    """The dates of chi đoàn meetings held in ``year`` that have minutes, in date order."""
    rows = ws.activities.occurrences(dt.date(year, 1, 1), dt.date(year, 12, 31))
    found = []
    for row in rows:
        if row.kind != MINUTES_KIND or row.status in ("hoan", "huy"):
            continue
        if ws.activities.occurrence(row.id).has_minutes:
            found.append(row.id)
    return found
