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
NOT_APPLICABLE = "khong-ap-dung"
"""An item that does not apply: neither counted nor scored."""


def points_text(value: float) -> str:
    """Points as printed and shown: 8.5 → "8,5", 8.25 → "8,25", 1010 → "1.010" (Vietnamese
    decimal comma and thousands dot; two decimals at most, as a province's template may give
    quarter points, so that nothing typed is shown rounded)."""
    text = f"{round(value, 2):,.2f}".rstrip("0").rstrip(".")
    return text.translate(str.maketrans(",.", ".,"))


def unknown_item_message(template_name: str, codes: list[str], code: str, year: int) -> str:
    """Why ``code`` names no item of ``year``'s template, with the codes it has: a mistyped
    code ("1.8") is corrected without looking the table up. The template's name, which holds
    quotation marks of its own, is said in brackets, not nested in another pair of them."""
    return (
        f"Mục {code} không có trong bộ tiêu chí năm {year} ({template_name}). "
        f"Các mục: {', '.join(codes)}."
    )
