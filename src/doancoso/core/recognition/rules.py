"""The words of the checklist, light enough for the command line's parser to import."""

from __future__ import annotations

STATUSES: dict[str, str] = {
    "dat": "Đạt",
    "chua-dat": "Chưa đạt",
    "khong-ap-dung": "Không áp dụng",
    "chua-danh-gia": "Chưa đánh giá",
}
"""The self-assessment of an item: code → Vietnamese."""
NOT_ASSESSED = "chua-danh-gia"
