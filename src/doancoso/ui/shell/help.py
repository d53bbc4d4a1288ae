"""Trợ giúp → "Hướng dẫn nhanh và phím tắt…" (F1): for a secretary new to the app and not
technical, what to do first, in the order of the year's work, where the data are, and every key
of the menus. The keys are read from the menu bar as it is built (:func:`key_rows`), and a page's
key says where it works from where the key is set to work (its action's shortcut context), so
the list never drifts from what the keys do."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QMenu,
    QMenuBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

HELP_TITLE = "Hướng dẫn nhanh và phím tắt"

STEPS = (
    "Nhập danh sách đoàn viên: trang Đoàn viên, Tệp → Nhập đoàn viên từ Excel… (có tệp mẫu "
    "để điền), hoặc thêm từng người bằng Ctrl+N.",
    "Lập kế hoạch công tác năm ở trang Kế hoạch và đăng ký với cấp trên trước hạn ghi trong "
    "Thiết lập.",
    "Ghi các hoạt động và người tham gia ở trang Lịch hoạt động.",
    "Cuối năm, đánh giá, xếp loại đoàn viên ở trang Xếp loại.",
    "Đánh dấu các tiêu chí “3 chủ động”, đính kèm minh chứng, rồi in hồ sơ gửi cấp trên ở trang "
    "Hồ sơ.",
    "Giữ một bản sao lưu ngoài máy bằng Tệp → Sao lưu và khôi phục… → Sao lưu ra USB…; khi bàn "
    "giao cho người kế nhiệm, dùng Tệp → Xuất dữ liệu ra USB…",
)
"""The first steps, each naming where in the app it is done."""

TIPS = (
    "Làm nhầm? Sửa → Hoàn tác (Ctrl+Z) lấy lại thao tác vừa làm.",
    "Mỗi mục của menu và phần lớn các nút có một chữ gạch chân: nhấn Alt cùng chữ đó để chọn "
    "mà không cần chuột.",
    "Ứng dụng tự sao lưu mỗi ngày có thay đổi và khi đóng; không cần Internet.",
)

PAGE_ITEMS = {
    "new": "Thêm… (trên trang đang xem)",
    "import": "Nhập… (trên trang đang xem)",
    "export": "Xuất… (trên trang đang xem)",
    "print": "In… (trên trang đang xem)",
}
"""The "Tệp" menu's items that take the shown page's names ("Thêm đoàn viên…" on the roster),
named for every page (by the action's object name, see :func:`key_rows`)."""


def _plain(text: str) -> str:
    """A menu's or item's text as read: no Alt letter ("&"), no "…", no command named after
    a colon ("Hoàn tác: Xóa đoàn viên …" reads "Hoàn tác")."""
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.split(":")[0].removesuffix("…").strip()


def _page_name(widget: QWidget) -> str | None:
    """The name of the main window's page that holds ``widget`` ("Đoàn viên"), if one does."""
    from .main_window import AREAS, MainWindow  # imported here: the window imports the menus

    window = widget.window()
    if not isinstance(window, MainWindow):
        return None
    held: QWidget | None = widget
    while held is not None and held.parentWidget() is not window.stack:
        held = held.parentWidget()
    area = window.stack.indexOf(held) if held is not None else -1
    return AREAS[area] if area >= 0 else None


def where_it_works(action: QAction) -> str:
    """Where the key of ``action`` works when not in the whole window: "trên trang Đoàn viên"
    (the page and all in it, its search box too), "trong danh sách ở trang Đoàn viên" (only
    while the list has the keyboard); "" for the window's keys."""
    context = action.shortcutContext()
    if context not in (Qt.ShortcutContext.WidgetShortcut,
                       Qt.ShortcutContext.WidgetWithChildrenShortcut):  # fmt: skip
        return ""
    for holder in action.associatedObjects():
        if not isinstance(holder, QWidget) or isinstance(holder, QMenu):
            continue  # a menu shows the item; its key acts in the widget it was added to
        page = _page_name(holder)
        if page is None:
            continue
        if context == Qt.ShortcutContext.WidgetWithChildrenShortcut:
            return f"trên trang {page}"
        # Only while the widget itself has the keyboard: a list, or a field by its name.
        named = "danh sách" if isinstance(holder, QAbstractItemView) else holder.accessibleName()
        return f"trong {named} ở trang {page}" if named else f"trên trang {page}"
    return ""


def key_rows(menu_bar: QMenuBar) -> list[tuple[str, str]]:
    """("Menu → item", key) for every item of ``menu_bar``'s menus that has a key, in the menus'
    order; a page's key says where it works ("Đoàn viên → Chuyển chi đoàn (trên trang Đoàn
    viên)")."""
    rows: list[tuple[str, str]] = []
    for menu_action in menu_bar.actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):
            continue
        title = _plain(menu_action.text())
        for action in menu.actions():
            if not isinstance(action, QAction) or action.shortcut().isEmpty():
                continue
            name = PAGE_ITEMS.get(action.objectName()) or _plain(action.text())
            if where := where_it_works(action):
                name = f"{name} ({where})"
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            rows.append((f"{title} → {name}", key))
    return rows


def help_html(rows: list[tuple[str, str]], data_dir: Path) -> str:
    steps = "".join(f"<p>{n}. {escape(step)}</p>" for n, step in enumerate(STEPS, 1))
    tips = "".join(f"<li>{escape(tip)}</li>" for tip in TIPS)
    keys = "".join(
        f"<tr><td>{escape(name)}</td><td><b>{escape(key)}</b></td></tr>" for name, key in rows
    )
    return (
        "<h3>Bắt đầu từ đâu</h3>"
        f"{steps}"
        f"<ul>{tips}</ul>"
        f"<p>Thư mục dữ liệu: {escape(str(data_dir))}</p>"
        "<h3>Phím tắt</h3>"
        f"<table cellspacing='0' cellpadding='3'>{keys}</table>"
    )


class HelpDialog(QDialog):
    """The quick guide: a text to read (scrolled by the keyboard too) and "Đóng" (Esc)."""

    def __init__(self, menu_bar: QMenuBar, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(HELP_TITLE)
        self.key_rows = key_rows(menu_bar)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setHtml(help_html(self.key_rows, data_dir))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox()
        close = buttons.addButton("Đón&g", QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 600)  # fits a 1366×768 screen under a taskbar
