"""``doancoso bundle export`` onto a USB stick pulled out mid-way (#17): half way through the
write, at the flush or at the read-back (:func:`breakage.pulled_stick`). Exit 1, the message on
stderr saying the stick was pulled out or cannot be written and to plug it back and export
again, nothing on stdout, no file on the stick (neither under the final name nor a temporary
one), an older bundle of that name as it was; with the stick back (an empty folder), the same
command writes it."""

from __future__ import annotations

import os
from io import StringIO
from pathlib import Path

import pytest

from breakage import backing_of, pulled_stick
from doancoso.cli.main import run
from doancoso.core.workspace import Workspace

OLDER = b"the bundle of last month"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    with Workspace.open(folder) as ws:
        ws.generate_demo(members=25, seed=5)
        scan = tmp_path / "bien-ban.pdf"  # the bundle well past the 64 KiB the stick takes
        scan.write_bytes(b"%PDF-1.4\n" + os.urandom(200 * 1024) + b"\n%%EOF\n")
        ws.evidence.attach("members", ws.members.list()[0].id, scan)
    return folder


def _export(home: Path, target: Path, *password: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    args = ["bundle", "export", str(target), *password, "--overwrite", "--data-dir", str(home)]
    code = run(args, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("at", "error", "clear"),
    [("write", "EIO", True), ("fsync", "ENODEV", False), ("read", "ENXIO", True),
     ("read", "EIO", False)],
)  # fmt: skip
def test_export_onto_a_stick_pulled_out(
    home: Path, tmp_path: Path, at: str, error: str, clear: bool
) -> None:
    secret = tmp_path / "mat-khau.txt"
    secret.write_text("Mật khẩu bàn giao 2026\n", encoding="utf-8")
    password = ["--no-password"] if clear else ["--password-file", str(secret)]
    stick = tmp_path / "usb"
    stick.mkdir()
    target = stick / "ban-giao.dcs"
    with pulled_stick(stick, at, error):
        target.write_bytes(OLDER)
        assert _export(home, target, *password) == (
            1,
            "",
            f"Lỗi: Không ghi được gói dữ liệu “{target}”: USB đã bị rút ra hoặc ổ đĩa không còn "
            "đọc ghi được: hãy cắm lại USB rồi xuất lại. Tệp cũ cùng tên (nếu có) vẫn còn "
            "nguyên; không có tệp dở dang nào được để lại.\n",
        )
        assert [p.name for p in backing_of(stick).iterdir()] == ["ban-giao.dcs"]
        assert (backing_of(stick) / "ban-giao.dcs").read_bytes() == OLDER
    code, out, err = _export(home, target, *password)  # the stick plugged back in
    assert (code, err) == (0, "") and out.startswith(
        f"Đã ghi và đọc lại kiểm tra gói dữ liệu “{target}”"
    )
    assert [p.name for p in stick.iterdir()] == ["ban-giao.dcs"]
