"""The parts of the recognition dossier and what it would lack, read from the workspace.

The check names each gap with the part it concerns; the dossier is built anyway, the gaps
named rather than hidden (issue #16).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ValidationError
from ..plans.rules import APPROVED

if TYPE_CHECKING:
    from ..workspace import Workspace

PARTS: dict[str, str] = {
    "to-trinh": "Tờ trình đề nghị công nhận",
    "bao-cao": "Báo cáo tự đánh giá",
    "bang": "Bảng tự đánh giá",
    "ke-hoach": "Kế hoạch và báo cáo kết quả",
    "hoat-dong": "Hoạt động trong năm",
    "xep-loai": "Kết quả đánh giá, xếp loại đoàn viên",
    "doan-vien": "Danh sách đoàn viên",
    "thanh-nien": "Danh sách thanh niên có hoàn cảnh khó khăn",
    "minh-chung": "Phụ lục minh chứng",
}
"""The parts in their default order (DOMAIN.md §2, §7): code → Vietnamese name."""


@dataclass(frozen=True)
class Gap:
    """One thing the dossier would lack: the part's code and the reason in Vietnamese."""

    part: str
    reason: str


def parse_parts(text: str | None) -> list[str]:
    """The parts chosen by a comma-separated list of codes (None or empty: all, in order)."""
    if not text or not text.strip():
        return list(PARTS)
    chosen = [p.strip() for p in text.split(",") if p.strip()]
    unknown = [p for p in chosen if p not in PARTS]
    if unknown:
        raise ValidationError({"parts": "Phần không có: " + ", ".join(unknown)
                               + ". Các phần: " + ", ".join(PARTS) + "."})  # fmt: skip
    return list(dict.fromkeys(chosen))


def check(ws: Workspace, year: int, parts: Sequence[str] = tuple(PARTS),
          number: str | None = None, as_of: dt.date | None = None) -> list[Gap]:  # fmt: skip
    """What the dossier of ``year`` with ``parts`` would lack, part by part, in order."""
    gaps: list[Gap] = []
    org = ws.organization.get()
    if "to-trinh" in parts:
        if not number:
            gaps.append(Gap("to-trinh", "Chưa có số tờ trình."))
        if org is None or not org.secretary_name:
            gaps.append(Gap("to-trinh", "Chưa có họ tên Bí thư (phần Cài đặt)."))
    if "ke-hoach" in parts:
        plan = ws.plans.get(year, as_of)
        if plan is None:
            gaps.append(Gap("ke-hoach", f"Chưa có kế hoạch năm {year}."))
        elif plan.registration_state != APPROVED:
            gaps.append(Gap("ke-hoach", f"Kế hoạch năm {year} chưa được cấp trên duyệt."))
    if "xep-loai" in parts:
        rating = ws.rating.round(year)
        if rating is None:
            gaps.append(Gap("xep-loai", f"Chưa có đợt đánh giá, xếp loại năm {year}."))
        elif not rating.closed:
            gaps.append(Gap("xep-loai", f"Đợt đánh giá, xếp loại năm {year} chưa khóa sổ."))
    checklist_parts = [p for p in ("bao-cao", "bang", "minh-chung") if p in parts]
    if checklist_parts:
        part = checklist_parts[0]
        if ws.recognition.opened(year) is None:
            gaps.append(Gap(part, f"Chưa lập bảng tự đánh giá năm {year}."))
        else:
            view = ws.recognition.view(year, as_of)
            gaps += [Gap(part, missing.message) for missing in view.missing()]
    return gaps
