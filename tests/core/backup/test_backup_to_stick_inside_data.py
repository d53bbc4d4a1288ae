"""A backup "onto a USB stick" chosen inside the data folder (its ``backups`` folder, the data
folder itself) would be lost with the PC's disk, and the rotation would drop it there leaving its
evidence folder behind: refused, named, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from doancoso.core.errors import StorageError
from doancoso.core.workspace import Workspace


@pytest.mark.parametrize("inside", ["backups", ".", "evidence/usb"])
def test_a_folder_inside_the_data_folder_is_refused(ws: Workspace, inside: str) -> None:
    target = (ws.data_dir / inside).resolve()
    before = sorted(p.relative_to(ws.data_dir) for p in ws.data_dir.rglob("*"))
    with pytest.raises(StorageError) as refused:
        ws.backups.to_folder(target)
    assert refused.value.message == (
        f"“{target}” nằm trong thư mục dữ liệu “{ws.data_dir}”: bản sao lưu ở đó sẽ mất cùng ổ "
        "đĩa của máy. Hãy chọn một thư mục trên USB hoặc ổ đĩa khác. Chưa ghi gì; dữ liệu đang "
        "dùng không bị thay đổi."
    )
    assert sorted(p.relative_to(ws.data_dir) for p in ws.data_dir.rglob("*")) == before


def test_a_folder_beside_the_data_folder_is_taken(ws: Workspace, tmp_path: Path) -> None:
    stick = ws.data_dir.parent / f"{ws.data_dir.name}-usb"  # a name that starts the same
    info = ws.backups.to_folder(stick)
    assert info.path.parent == stick and info.ok
