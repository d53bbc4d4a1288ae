"""What an exported list's sheet must be to print on A4 landscape, shared by the roster's and
the youth register's print tests: the page set up one page wide with the header row on every
page, the scale Excel prints the columns at, and nothing cut in a row."""

from __future__ import annotations

from typing import Any

from doancoso.core.xlsx.writer import LINE_HEIGHT, wrapped_lines

A4_LANDSCAPE_WIDTH = 297 / 25.4 * 72  # points
SIDE_MARGIN = 0.25 * 72  # points, left and right


def _points(width: float) -> float:
    """A column's printed width at 100%: Excel's pixels at 96 dpi (7 to a digit of Calibri 11,
    truncated), in points."""
    return int((256 * width + int(128 / 7)) / 256 * 7) * 72 / 96


def printed_scale(widths: list[float]) -> float:
    """The scale Excel prints ``widths`` at, fitted to A4 landscape's width."""
    return (A4_LANDSCAPE_WIDTH - 2 * SIDE_MARGIN) / sum(_points(width) for width in widths)


def assert_a4_landscape(sheet: Any) -> None:
    """A4 landscape, one page wide, as many pages tall as it takes, the header on every page."""
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (
        "landscape", 9, 1, 0,
    )  # fmt: skip
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$3:$3"
    assert (sheet.page_margins.left, sheet.page_margins.right) == (0.25, 0.25)


def assert_nothing_cut(sheet: Any, rows: tuple[int, ...], letters: list[str],
                       widths: list[float]) -> None:  # fmt: skip
    """Every value of ``rows`` shows on the lines its row is tall enough for, wrapped where it
    takes more than one."""
    for row in rows:
        height = sheet.row_dimensions[row].height or LINE_HEIGHT
        for letter, width in zip(letters, widths, strict=True):
            value = sheet[f"{letter}{row}"].value
            text = value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else str(value or "")
            lines = wrapped_lines(text, width)
            assert lines * LINE_HEIGHT <= height, (row, letter, text)
            if lines > 1:
                assert sheet[f"{letter}{row}"].alignment.wrap_text, (row, letter)
