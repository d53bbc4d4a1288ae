"""``doancoso bundle import`` between copies (issue #17's walkthrough): a folder that ran ``init``
before the handover came takes it with ``--replace-setup``, ending as a fresh handover does; a
folder with data refuses a namesake saying they are two organisations; the same chi đoàn or the
same person added on both copies is refused naming them, with nothing written."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest

from doancoso.cli.main import run
from doancoso.core.bundle.rows import collect
from doancoso.core.workspace import Workspace


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = run(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def rows(folder: Path) -> dict[str, list[dict[str, object]]]:
    with Workspace.open(folder) as ws, collect(ws, "handover") as snapshot:
        return {t: list(snapshot.rows(t)) for t in snapshot.tables()}


def created_day(folder: Path) -> str:
    with Workspace.open(folder) as ws, ws.db.raw() as cursor:
        cursor.execute("SELECT created_at FROM organizations")
        (created,) = cursor.fetchone()
    return f"{created[8:10]}/{created[5:7]}/{created[0:4]}"


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A clear handover of “Đoàn xã Tân Hưng” (demo data)."""
    folder = tmp_path / "home"
    with Workspace.open(folder) as ws:
        ws.generate_demo(members=12, seed=8)
    target = tmp_path / "ban-giao.dcs"
    code, _out, err = cli("bundle", "export", str(target), "--no-password", "--data-dir",
                          str(folder))  # fmt: skip
    assert code == 0, err
    return target


def _init(folder: Path) -> None:
    code, _out, err = cli("init", "--data-dir", str(folder), "--name", "Đoàn xã Tân Hưng",
                          "--superior", "Huyện Đoàn Cái Nước")  # fmt: skip
    assert code == 0, err


def test_a_folder_set_up_first_takes_the_handover_with_replace_setup(
    tmp_path: Path, bundle: Path
) -> None:
    folder = tmp_path / "ke-nhiem"
    _init(folder)
    before = rows(folder)
    code, out, err = cli("bundle", "import", str(bundle), "--data-dir", str(folder))
    assert (code, out) == (1, "")
    assert err.strip() == (
        f"Lỗi: Tệp này là dữ liệu của “Đoàn xã Tân Hưng” (lập ngày {created_day(tmp_path / 'home')}"
        f"), còn máy này mới chỉ có phần thiết lập ban đầu của “Đoàn xã Tân Hưng” (lập ngày "
        f"{created_day(folder)}), chưa có chi đoàn, đoàn viên hay dữ liệu nào khác. Để nhận bàn "
        "giao thay cho phần thiết lập đó, hãy chạy lại với --replace-setup (thêm --dry-run để "
        "xem trước). Không có gì được ghi vào dữ liệu."
    )
    assert rows(folder) == before
    code, out, err = cli("bundle", "import", str(bundle), "--data-dir", str(folder),
                         "--replace-setup", "--dry-run", "--format", "json")  # fmt: skip
    assert (code, err) == (0, "")
    shown = json.loads(out)
    assert shown["replaced_setup"] == "Đoàn xã Tân Hưng" and not shown["applied"]
    assert shown["new"]["members"] == 12
    assert rows(folder) == before
    code, out, err = cli("bundle", "import", str(bundle), "--data-dir", str(folder),
                         "--replace-setup")  # fmt: skip
    assert (code, err) == (0, "")
    assert out.endswith(
        "Đã nhận bàn giao xong: dữ liệu trong tệp nay là dữ liệu của Đoàn cơ sở trong thư mục "
        "dữ liệu này.\n"
    )
    fresh = tmp_path / "may-moi"
    assert cli("bundle", "import", str(bundle), "--data-dir", str(fresh))[0] == 0
    assert rows(folder) == rows(fresh) == rows(tmp_path / "home")
