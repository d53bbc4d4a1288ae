"""The dialogs the main window's menus open over it: backups, bundles on a USB stick, the
decisions of a whole list of members (coming of age, temporary stays, introductions to the
Party), "Hướng dẫn nhanh và phím tắt…" and "Giới thiệu…".

The backups and the bundles' wizards are also opened by the buttons of "Thiết lập" and, the
import and the backups, by the first start's setup: each is opened here only, over whichever
widget asks, so every way in opens the same dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...core.lang.text import vn_number

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

    from .main_window import MainWindow
    from .operations import Core


def show_backups(core: Core, parent: QWidget | None) -> None:
    """ "Sao lưu và khôi phục…": Tệp menu, "Thiết lập", a first start from a backup."""
    from ..settings.backups_dialog import BackupsDialog

    _run(core, BackupsDialog(core, parent))


def take_back_evidence(core: Core, parent: QWidget | None) -> None:
    """The same dialog with the keyboard on "Lấy lại tệp minh chứng bị mất từ USB…": the
    dossier's "Mở Sao lưu và khôi phục", on a line naming an evidence file lost."""
    from ..settings.backups_dialog import BackupsDialog

    dialog = BackupsDialog(core, parent)
    dialog.lost_button.setFocus()
    _run(core, dialog)


def export_bundle(core: Core, parent: QWidget | None) -> None:
    """ "Xuất dữ liệu ra USB…": Tệp menu and "Thiết lập"."""
    from ..bundle.export_wizard import ExportWizard

    _run(core, ExportWizard(core, parent))


def import_bundle(core: Core, parent: QWidget | None) -> None:
    """ "Nhận dữ liệu từ USB…": Tệp menu, "Thiết lập", a first start from a handover."""
    from ..bundle.import_wizard import BundleImportWizard

    _run(core, BundleImportWizard(core, parent))


def _run(core: Core, dialog: QDialog) -> None:
    """Show ``dialog`` until closed, then let it go (no hidden dialog stays behind)."""
    core.prompts.run(dialog)
    dialog.deleteLater()


def coming_of_age(window: MainWindow) -> None:
    from ..lifecycle.coming_of_age import ComingOfAgeDialog

    dialog = ComingOfAgeDialog(window.core, parent=window)
    window.prompts.run(dialog)
    if dialog.recorded is not None:
        window.history.recorded_events(dialog.undo_label(), dialog.recorded)
    if dialog.confirmed:
        confirmed = vn_number(dialog.confirmed)
        window.show_message(f"Đã ghi nhận trưởng thành Đoàn cho {confirmed} đoàn viên.")
    dialog.deleteLater()


def temporary_stays(window: MainWindow) -> None:
    from ..lifecycle.temporary_stays import TemporaryStaysDialog

    dialog = TemporaryStaysDialog(window.core, parent=window)
    window.prompts.run(dialog)
    if dialog.recorded is not None:
        window.history.recorded_events(dialog.undo_label(), dialog.recorded)
    if dialog.confirmed:
        ended = vn_number(dialog.confirmed)
        window.show_message(f"Đã kết thúc sinh hoạt tạm cho {ended} đoàn viên.")
    dialog.deleteLater()


def party_introductions(window: MainWindow) -> None:
    from ..lifecycle.party_page import PartyIntroductionsDialog

    dialog = PartyIntroductionsDialog(window.core, window)
    window.prompts.run(dialog)
    dialog.deleteLater()


def about(window: MainWindow) -> None:
    from .about import ABOUT_TITLE, about_text

    window.prompts.information(window, ABOUT_TITLE, about_text(window.core.ws.data_dir))


def quick_guide(window: MainWindow) -> None:
    """Trợ giúp → "Hướng dẫn nhanh và phím tắt…" (F1): beside the window, to read while
    working; F1 again brings the same one back."""
    from .help import HelpDialog

    dialog = window.findChild(HelpDialog)
    if dialog is None:
        dialog = HelpDialog(window.menuBar(), window.core.ws.data_dir, window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
