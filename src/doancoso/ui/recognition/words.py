"""How the checklist writes its statuses, indicators and readiness in Vietnamese, and their
colours (shared by the tree, the item's panel and the readiness line)."""

from __future__ import annotations

from ...core.lang.dates import format_vn_date
from ...core.plans.figures import number_text
from ...core.recognition.indicators import Indicator
from ...core.recognition.rules import STATUSES
from ...core.recognition.rules import points_text as points_figure
from ...core.recognition.service import ChecklistView, ItemView

GREEN = "#2e7d32"
RED = "#c62828"
GREY = "#757575"
ORANGE = "#ef6c00"
CONTRADICTION_BACKGROUND = "#ffebee"
STATUS_COLOURS = {"dat": GREEN, "chua-dat": RED, "khong-ap-dung": GREY, "chua-danh-gia": ORANGE}
UPPER_BOUND = ("roster-updated",)
"""Indicators whose threshold is a most (months since the roster changed), not a least."""
PENDING = "Đang tính…"


def number(value: float) -> str:
    """12.0 → "12", 66.7 → "66,7", 1633 → "1.633" (Vietnamese decimal comma, thousands dot)."""
    return number_text(value)


def unit(indicator: Indicator) -> str:
    if indicator.label.endswith("(%)"):
        return "%"
    if indicator.label.endswith("(tháng)"):
        return " tháng"
    return ""


def label(indicator: Indicator) -> str:
    """The indicator's name without its unit ("Tỉ lệ đoàn viên có nhận xét năm nay")."""
    return indicator.label.removesuffix(" (%)").removesuffix(" (tháng)")


def value_text(indicator: Indicator) -> str:
    """ "50%", "1,2 tháng", "3"; "" when there is no figure."""
    return "" if indicator.value is None else number(indicator.value) + unit(indicator)


def threshold_text(indicator: Indicator) -> str:
    """ "≥ 100%", "≤ 3 tháng"; "" when the indicator has no threshold."""
    if indicator.threshold is None:
        return ""
    sign = "≤" if indicator.key in UPPER_BOUND else "≥"
    return f"{sign} {number(indicator.threshold)}{unit(indicator)}"


def verdict(indicator: Indicator) -> str:
    """ "Đạt", "Chưa đạt", "Chưa đo được", or "Chưa đến kỳ" (:attr:`Indicator.verdict`, as
    ``checklist show`` says it)."""
    return indicator.verdict


def verdict_colour(indicator: Indicator) -> str:
    return {True: GREEN, False: RED, None: GREY}[indicator.met]


def indicator_cell(indicator: Indicator) -> str:
    """The tree's short cell: the figure against its threshold ("3 / ≥ 4"), or the verdict."""
    value, threshold = value_text(indicator), threshold_text(indicator)
    if value and threshold:
        return f"{value} / {threshold}"
    return value or verdict(indicator)


def contradiction_text(view: ItemView) -> str:
    """Why an item ticked "Đạt" is flagged (empty when it is not)."""
    indicator = view.indicator
    if not view.contradiction or indicator is None:
        return ""
    figure = indicator_cell(indicator)
    return (
        f"Mục {view.item.code} được tự đánh giá “Đạt” nhưng số liệu của ứng dụng chưa đạt: "
        f"{label(indicator)}: {figure}. {indicator.text} Hãy kiểm tra lại đánh giá hoặc bổ "
        "sung số liệu."
    )


def indicator_lines(indicator: Indicator) -> list[str]:
    """The panel's lines about an indicator: the figure and threshold, where it comes from,
    the day it was computed."""
    figure = value_text(indicator)
    threshold = threshold_text(indicator)
    parts = [f"Số liệu: {figure}" if figure else "", f"ngưỡng {threshold}" if threshold else ""]
    first = " — ".join(p for p in parts if p)
    return [
        line
        for line in (
            first,
            indicator.text,
            f"Tính ngày {format_vn_date(indicator.computed_on)} từ dữ liệu của ứng dụng.",
        )
        if line
    ]


def status_name(status: str) -> str:
    return STATUSES.get(status, status)


def met_text(view: ChecklistView, criterion: str | None = None) -> str:
    """ "4/7 đạt": items met of those counted (:meth:`ChecklistView.met_text`)."""
    return view.met_text(criterion)


def points_text(view: ChecklistView, criterion: str | None = None) -> str:
    """ "12/20 điểm" given of possible; "" when the template has no points, or none for these
    items (a criterion the template does not score, or whose scored items are all "không áp
    dụng"): never "0/0 điểm"."""
    points = view.scored(criterion)
    if points is None:
        return ""
    given, possible = points
    return f"{points_figure(given)}/{points_figure(possible)} điểm"


def readiness_text(view: ChecklistView, criterion: str | None = None) -> str:
    """ "4/7 đạt" (and "· 12/20 điểm" when the template has points)."""
    points = points_text(view, criterion)
    return met_text(view, criterion) + (f" · {points}" if points else "")


def summary_text(view: ChecklistView) -> str:
    """The page's readiness line: overall, then each criterion."""
    parts = [f"Tổng: {readiness_text(view)}"]
    parts += [f"Tiêu chí {c.code}: {readiness_text(view, c.code)}" for c in view.template.criteria]
    return "   ·   ".join(parts)


def ready(view: ChecklistView) -> bool:
    """Every counted item "Đạt" and nothing missing (once the indicators are in)."""
    met, total = view.readiness()
    return view.computed and total > 0 and met == total and not view.missing()
