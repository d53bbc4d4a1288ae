"""The summary's "Ghi chú" cells: a long remark wraps between words, never inside one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from doancoso.core.workspace import Workspace
from doancoso.reports.rating import print_summary

YEAR = 2025
REMARKS = {
    "Nguyễn Văn An": "Gương mẫu, nhiệt tình tham gia các hoạt động tình nguyện, hiến máu nhân "
    "đạo và chương trình chuyển đổi số của địa phương trong suốt năm.",
    "Trần Thị Bình": "Tích cực vận động thanh niên chưa là đoàn viên tham gia sinh hoạt chi "
    "đoàn, giữ gìn vệ sinh môi trường ngày Chủ nhật xanh, giúp đỡ gia đình chính sách.",
}


def _wrapped(lines: list[str], text: str) -> list[str] | None:
    """The lines in a row that make up ``text`` when joined by spaces (each break between two
    words), or None if no run of lines does."""
    for start, line in enumerate(lines):
        if not text.startswith(line):
            continue
        end = start + 1
        while end <= len(lines) and len(" ".join(lines[start:end])) < len(text):
            end += 1
        if " ".join(lines[start:end]) == text:
            return lines[start:end]
    return None


def test_a_long_remark_wraps_between_words(
    ws: Workspace, tmp_path: Path, read_pdf: Callable[[Path], Any]
) -> None:
    branch = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    for name, remark in REMARKS.items():
        member = ws.members.save({"full_name": name, "birth_date": "05/03/2000",
                                  "branch_id": branch, "admission_date": "01/01/2020"})  # fmt: skip
        ws.rating.set(YEAR, member, {"participation": 95, "decided_level": 1, "remark": remark})

    text = read_pdf(print_summary(ws, tmp_path / "tong-hop.pdf", YEAR, branch)).text()

    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for remark in REMARKS.values():
        wrapped = _wrapped(lines, remark)
        assert wrapped is not None, remark
        assert len(wrapped) >= 4  # long enough to wrap, in the 50 mm of "Ghi chú"
