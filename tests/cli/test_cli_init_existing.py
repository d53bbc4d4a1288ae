"""``doancoso init`` on a folder that already holds data: refused, naming the organisation there,
before anything is opened, so that nothing changes (not even an older database's upgrade and the
backup taken before it); a database without an organisation is set up as a new folder is."""

from __future__ import annotations

import shutil
from pathlib import Path

from cli_run import cli
from doancoso.core.storage.folder import DATABASE_FILE
from doancoso.core.workspace import Workspace

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
INIT = ("init", "--name", "Đoàn phường 5", "--superior", "Thành đoàn Cần Thơ")


def _refusal(data_dir: Path, held: str) -> str:
    return (
        f"Lỗi: Thư mục “{data_dir}” đã có dữ liệu của {held}: lệnh init chỉ thiết lập thư mục "
        "chưa có Đoàn cơ sở nào. Để sửa thông tin Đoàn cơ sở, hãy mở ứng dụng và vào phần "
        "“Thiết lập”; để thiết lập một Đoàn cơ sở khác, hãy chạy lại với --data-dir và một thư "
        "mục trống. Chưa thay đổi gì.\n"
    )


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_init_on_a_folder_set_up_is_refused_naming_its_organisation(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert cli("init", "--data-dir", str(data_dir), "--name", "Đoàn xã Tân Hưng",
               "--superior", "Tỉnh đoàn Cà Mau").code == 0  # fmt: skip
    for name in ("Lê Thị Ánh", "Trần Văn Bình"):
        added = cli("members", "add", "--data-dir", str(data_dir), "--name", name, "--birth",
                    "05/03/2003")  # fmt: skip
        assert added.code == 0, added.err
    before = _files(data_dir)

    result = cli(*INIT, "--data-dir", str(data_dir))

    assert (result.code, result.out) == (1, "")
    assert result.err == _refusal(data_dir, "Đoàn xã Tân Hưng (2 đoàn viên)")
    assert _files(data_dir) == before
    result = cli(*INIT, "--ignore-backups", "--data-dir", str(data_dir))  # no way round it
    assert result.err == _refusal(data_dir, "Đoàn xã Tân Hưng (2 đoàn viên)")
    assert _files(data_dir) == before


def test_init_on_an_older_database_refuses_without_upgrading_it(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(FIXTURES / "schema-0009.sqlite", data_dir / DATABASE_FILE)
    before = _files(data_dir)

    result = cli(*INIT, "--data-dir", str(data_dir))

    assert (result.code, result.out) == (1, "")
    assert result.err == _refusal(data_dir, "Đoàn xã Tân Hưng (9 đoàn viên)")
    assert _files(data_dir) == before  # not upgraded, no backup taken before an upgrade
    with Workspace.open(data_dir) as ws:  # its live members: one of the ten was deleted
        assert ws.members.count() == 9


def test_init_on_a_database_without_an_organisation_sets_it_up(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    Workspace.open(data_dir, create=True).close()  # a database, no organisation yet

    result = cli(*INIT, "--data-dir", str(data_dir))

    assert (result.code, result.err) == (0, "")
    assert result.out == "Đã thiết lập Đoàn phường 5 (cấp trên: Thành đoàn Cần Thơ).\n"
    with Workspace.open(data_dir) as ws:
        org = ws.organization.get()
        assert org is not None and org.name == "Đoàn phường 5"
