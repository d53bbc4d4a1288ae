"""The dialogs the main window's menus open over it: backups, bundles on a USB stick, the
decisions of a whole list of members (coming of age, temporary stays, introductions to the
Party) and "Giới thiệu…"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...core.lang.text import vn_number

if TYPE_CHECKING:
    from .main_window import MainWindow


def show_backups(window: MainWindow) -> None:
    from ..settings.backups_dialog import BackupsDialog

    dialog = BackupsDialog(window.core, window)
    window.core.prompts.run(dialog)
    dialog.deleteLater()


def export_bundle(window: MainWindow) -> None:
    from ..bundle.export_wizard import ExportWizard

    dialog = ExportWizard(window.core, window)
    window.core.prompts.run(dialog)
    dialog.deleteLater()


def import_bundle(window: MainWindow) -> None:
    from ..bundle.import_wizard import BundleImportWizard

    dialog = BundleImportWizard(window.core, window)
    window.core.prompts.run(dialog)
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
