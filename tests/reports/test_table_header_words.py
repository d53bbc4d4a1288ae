"""The header cells of the printed tables break between words that belong apart, never inside a
word of two syllables ("Hoàn cảnh / khó khăn", never "Hoàn cảnh khó / khăn"): each header
cell's lines as the PDF holds them, a line a cell's line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from doancoso.core.lifecycle.service import PartyIntroduction
from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.register import write_introductions
from doancoso.reports.rating import print_summary
from doancoso.reports.youth import print_youth

ReadPdf = Callable[[Path], Any]


def _headers(text: str) -> list[list[str]]:
    """The header rows of the tables of a page's ``text``: each one's lines, from "STT" to the
    first row's number."""
    lines = [line.strip() for line in text.splitlines()]
    starts = [i for i, line in enumerate(lines) if line == "STT"]
    return [lines[start : lines.index("1", start)] for start in starts]


def test_the_youth_registers_header_keeps_its_words_whole(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    ws.youth.save({"full_name": "Nguyễn Văn Bảy", "birth_date": "05/03/2003",
                   "gender": "Nam", "hamlet": "Ấp Tân Hưng", "in_hardship": True})  # type: ignore[dict-item]  # fmt: skip
    pdf = read_pdf(print_youth(ws, tmp_path / "thanh-nien.pdf"))
    assert _headers(pdf.page_texts()[0]) == [[
        "STT", "Họ và tên", "Ngày sinh", "Giới tính", "Ấp/khu phố", "Nghề nghiệp",
        "Đi làm ăn xa (nơi)", "Hoàn cảnh", "khó khăn", "Đoàn viên theo dõi", "(1+1)",
        "Điện thoại",
    ]]  # fmt: skip


def test_the_rating_summarys_headers_keep_their_words_whole(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    branch = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    member = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "05/03/2000",
                              "branch_id": branch, "admission_date": "01/01/2020"})  # fmt: skip
    ws.rating.set(2025, member, {"participation": 95, "decided_level": 1})
    pdf = read_pdf(print_summary(ws, tmp_path / "th.pdf", 2025))
    counts, members = _headers(pdf.text())
    assert counts == [
        "STT", "Chi đoàn", "Số đoàn viên", "thuộc đợt", "xếp loại", "Được", "xếp loại",
        "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Chưa", "xếp loại", "Không", "xếp loại",
        "Xếp loại chi đoàn",
    ]  # fmt: skip
    assert members == [
        "STT", "Họ và tên", "Ngày sinh", "Tỉ lệ", "tham gia (%)", "Chi đoàn đề nghị",
        "Ban Chấp hành xếp loại", "Ghi chú",
    ]  # fmt: skip


def test_the_introductions_header_keeps_its_words_whole(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    org = ws.organization.get()
    assert org is not None
    row = PartyIntroduction("e1", "m1", "Nguyễn Văn An", "Chi đoàn ấp Bà Điều",
                            dt.date(2025, 3, 1), "1-CV/ĐTN", None, "active",
                            dt.date(2000, 1, 1))  # fmt: skip
    path = write_introductions(tmp_path / "gt.pdf", org, [row], 2025, dt.date(2025, 12, 20))
    assert _headers(read_pdf(path).page_texts()[0]) == [[
        "STT", "Họ và tên", "Ngày sinh", "Chi đoàn", "Ngày", "giới thiệu", "Số văn bản",
    ]]  # fmt: skip
