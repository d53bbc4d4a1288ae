"""The start-up offer of a backup (a data folder with no data but with backups) offers only a
backup holding an organisation: one taken before any setup holds nothing to restore."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from doancoso.core.backup.store import BACKUP_FOLDER, take_backup
from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import Workspace
from doancoso.ui.shell.app import offer_backup
from scripted import ScriptedPrompts

OLDER, NEWER = datetime(2026, 12, 1, 8, 30), datetime(2026, 12, 3, 16, 45)


def _backup_of(
    tmp_path: Path, name: str, when: datetime, folder: Path, *, members: int = 0,
    organization: bool = False,
) -> Path:  # fmt: skip
    """A backup taken at ``when`` of a workspace: with ``members`` demo members, or with the
    organisation and no member (``organization``), or with nothing at all."""
    with Workspace.open(tmp_path / name) as source:
        if members:
            source.generate_demo(members=members, seed=2)
        elif organization:
            source.organization.create(
                OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn Cà Mau",
                                 superior_short="TĐ", commune="Tân Hưng", province="Cà Mau")
            )  # fmt: skip
        return take_backup(source.db.path, folder, "thu-cong", when).path


def test_a_backup_with_no_organisation_is_not_offered_the_one_before_it_is(
    tmp_path: Path, empty_ws: Workspace
) -> None:
    folder = empty_ws.data_dir / BACKUP_FOLDER
    _backup_of(tmp_path, "old", OLDER, folder, members=40)
    _backup_of(tmp_path, "blank", NEWER, folder)  # newer, but taken before any setup
    prompts = ScriptedPrompts()
    offer_backup(empty_ws, prompts)
    (question,) = prompts.asked
    assert "Bản sao lưu gần nhất còn tốt: lúc 08:30 ngày 01/12/2026 (" in question
    assert "40 đoàn viên; sao lưu theo yêu cầu)." in question
    # Said as the backups dialog says it: when, the members; then the evidence files the
    # backup's data cite that this folder lacks (taken on another folder, they stayed there).
    (said,) = prompts.infos
    assert said.startswith("Đã khôi phục dữ liệu từ bản sao lưu lúc 08:30:00 ngày 01/12/2026 "
                           "(40 đoàn viên).\n\nThiếu 10 tệp minh chứng (ảnh, văn bản scan) mà "
                           "dữ liệu có ghi")  # fmt: skip
    assert empty_ws.has_organization and empty_ws.members.count() == 40


def test_only_backups_with_no_organisation_offer_nothing(
    tmp_path: Path, empty_ws: Workspace
) -> None:
    folder = empty_ws.data_dir / BACKUP_FOLDER
    _backup_of(tmp_path, "blank", OLDER, folder)
    _backup_of(tmp_path, "blank-again", NEWER, folder)
    prompts = ScriptedPrompts()
    offer_backup(empty_ws, prompts)
    assert (prompts.asked, prompts.infos, prompts.errors) == ([], [], [])
    assert not empty_ws.has_organization  # the first-start setup follows


def test_a_backup_with_the_organisation_and_no_member_is_still_offered(
    tmp_path: Path, empty_ws: Workspace
) -> None:
    """The organisation's setup (its name, its superior body, its chi đoàn) is the secretary's
    work too: worth restoring rather than typing again."""
    folder = empty_ws.data_dir / BACKUP_FOLDER
    _backup_of(tmp_path, "old", OLDER, folder, members=40)
    _backup_of(tmp_path, "setup", NEWER, folder, organization=True)
    prompts = ScriptedPrompts()
    prompts.answer = False
    offer_backup(empty_ws, prompts)
    (question,) = prompts.asked
    assert "lúc 16:45 ngày 03/12/2026 (" in question and "0 đoàn viên;" in question
