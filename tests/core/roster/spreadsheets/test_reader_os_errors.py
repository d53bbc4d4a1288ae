"""The system's reasons, when a file to import cannot be opened, in Vietnamese (#12): "Is a
directory" or "File name too long" used to sit inside the Vietnamese message."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from doancoso.core.errors import ImportFileError
from doancoso.core.workspace import Workspace

ENGLISH = (os.strerror(errno.EISDIR), os.strerror(errno.ENAMETOOLONG), os.strerror(errno.ENOENT))


def _messages(ws: Workspace, path: Path) -> set[str]:
    """The message of each way in (the sheet chooser, the preview), which must agree."""
    found = set()
    for action in (ws.spreadsheets.sheets, ws.spreadsheets.preview_import):
        with pytest.raises(ImportFileError) as info:
            action(path)
        assert not any(text in info.value.message for text in ENGLISH)
        found.add(info.value.message)
    assert ws.members.count() == 0
    return found


@pytest.mark.parametrize("name", ["danh-sach.xlsx", "danh-sach.csv", "thu-muc"])
def test_a_folder_given_as_the_file(sws: Workspace, tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    assert _messages(sws, folder) == {
        f"“{name}” là một thư mục, không phải tệp. Hãy chọn một tệp Excel (.xlsx, .xls) hoặc "
        "CSV (.csv)."
    }


def test_a_name_too_long(sws: Workspace, tmp_path: Path) -> None:
    name = "d" * 300 + ".xlsx"
    assert _messages(sws, tmp_path / name) == {
        f"Không mở được tệp {name}: tên tệp hoặc đường dẫn quá dài."
    }


def test_a_path_through_a_file(sws: Workspace, tmp_path: Path) -> None:
    (tmp_path / "tep").write_text("x")
    assert _messages(sws, tmp_path / "tep" / "ds.csv") == {
        "Không mở được tệp ds.csv: một phần của đường dẫn là tệp, không phải thư mục."
    }
