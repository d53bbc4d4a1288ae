"""What Ctrl+N, Ctrl+I, Ctrl+E and Ctrl+P do on each page of the main window: the page's own
add, import, export and print (or PDF export), never another page's.

The "Tệp" menu's items for these keys ("Thêm…", "Nhập…", "Xuất…", "In…") take the name of what
they do on the page shown; on a page that has no such action they keep these short names and
are disabled, so the key does nothing there. Each entry is looked up when the key is pressed,
so a page's sub-page (the register's tab on "3 chủ động") decides what is added.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .main_window import MainWindow

NO_NEW = "Thêm…"
NO_IMPORT = "Nhập…"
NO_EXPORT = "Xuất…"
NO_PRINT = "In…"


@dataclass(frozen=True)
class PageCommand:
    """The name of a page's action in the "Tệp" menu, the action itself, and whether it can act
    now (the plan's year has a plan, the dossier is built): the menu shows it disabled if not,
    and its key does nothing."""

    text: str
    run: Callable[[], object]
    ready: Callable[[], bool] = lambda: True


def new_command(window: MainWindow, area: int) -> PageCommand | None:
    """What Ctrl+N adds on the page of ``area``, or None when the page adds nothing."""
    from . import main_window as mw

    if area == mw.ROSTER:
        return PageCommand("Thêm đoàn viên…", window.new_member_action.trigger)
    if area == mw.YOUTH_AREA:
        return PageCommand("Thêm thanh niên…", window.new_youth_action.trigger)
    if area == mw.BRANCHES_AREA:
        return PageCommand("Thêm chi đoàn…", window.branches.add_branch)
    if area == mw.PLANS_AREA:
        plans = window.plans
        return PageCommand("Thêm chỉ tiêu…", plans.add_target, lambda: plans.plan() is not None)
    if area == mw.CALENDAR_AREA:
        calendar = window.calendar  # on the day chosen, as its button does
        return PageCommand("Thêm hoạt động…", calendar.new_button.click)
    if area == mw.RECOGNITION_AREA:
        return _register_command(window)
    return None


def _register_command(window: MainWindow) -> PageCommand | None:
    """On "3 chủ động": a record of the register's section shown (advice, coordination); not
    while another year is read (the section's "Thêm…" disabled, see ..recognition.register)."""
    page = window.recognition
    register = page.register
    if page.tabs.currentWidget() is not register:
        return None
    section = register.currentWidget()
    if section not in (register.advice, register.coordination):
        return None
    return PageCommand(f"Thêm {section.what}…", section.add_record, section.add_button.isEnabled)


def import_command(window: MainWindow, area: int) -> PageCommand | None:
    """What Ctrl+I imports on the page of ``area``, or None when the page imports nothing."""
    from . import main_window as mw

    if area == mw.ROSTER:
        return PageCommand("Nhập đoàn viên từ Excel…", window.roster.io.import_action.trigger)
    if area == mw.YOUTH_AREA:
        return PageCommand("Nhập thanh niên từ Excel…", window.youth.import_file)
    if area == mw.RATING_AREA:
        files = window.rating.files  # a year without a round: disabled, as its buttons
        return PageCommand(
            "Nhập đề nghị từ Excel…", files.import_sheet, files.import_button.isEnabled
        )
    if area == mw.RECOGNITION_AREA:
        return PageCommand("Nhập bộ tiêu chí…", window.recognition.templates.import_template)
    return None


def export_command(window: MainWindow, area: int) -> PageCommand | None:
    """What Ctrl+E exports on the page of ``area``, or None when the page exports nothing."""
    from . import main_window as mw

    if area == mw.ROSTER:
        return PageCommand(
            "Xuất danh sách đoàn viên ra Excel/CSV…", window.roster.io.export_action.trigger
        )
    if area == mw.YOUTH_AREA:
        return PageCommand("Xuất danh sách thanh niên ra Excel/CSV…", window.youth.export)
    if area == mw.CALENDAR_AREA:
        return PageCommand("Xuất lịch (.ics)…", window.calendar.export_action.trigger)
    if area == mw.RATING_AREA:
        files = window.rating.files
        return PageCommand(
            "Xuất đợt xếp loại ra Excel…", files.export, files.export_button.isEnabled
        )
    if area == mw.RECOGNITION_AREA:
        return PageCommand("Xuất bộ tiêu chí…", window.recognition.export_template)
    if area == mw.STATISTICS:
        return PageCommand("Xuất thống kê ra Excel…", window.statistics.export_xlsx)
    return None


def print_command(window: MainWindow, area: int) -> PageCommand | None:
    """What Ctrl+P prints on the page of ``area``, or None when the page prints nothing."""
    from . import main_window as mw

    if area == mw.ROSTER:
        return PageCommand("In danh sách đoàn viên…", window.roster.io.print_action.trigger)
    if area == mw.YOUTH_AREA:
        return PageCommand("In danh sách thanh niên…", window.youth.print_list)
    if area == mw.PLANS_AREA:
        plans = window.plans
        return PageCommand("In kế hoạch (KH)…", plans.print_plan, lambda: plans.plan() is not None)
    if area == mw.RATING_AREA:
        files = window.rating.files
        return PageCommand(
            "In văn bản xếp loại…", files.print_document, files.print_button.isEnabled
        )
    if area == mw.DOSSIER_AREA:
        built = window.dossier.print_action
        return PageCommand("In hồ sơ…", built.trigger, built.isEnabled)
    if area == mw.STATISTICS:
        return PageCommand("Xuất thống kê ra PDF để in…", window.statistics.export_pdf)
    return None
