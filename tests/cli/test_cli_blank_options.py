"""A blank ``--branch``, ``--status`` or ``--gender`` (``--branch "$CD"`` with CD unset in a
script) is bad usage: it used to be ignored, so the command listed, exported or printed every
member while the script took the result for one chi đoàn's."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest

from doancoso.cli.main import run
from doancoso.core.workspace import Workspace

USAGE = "\nLỗi cú pháp lệnh: tùy chọn {option}: cần {what}, không được để trống\n"
WHAT = {"--branch": "tên một chi đoàn", "--status": "một trạng thái", "--gender": "một giới tính"}


@pytest.fixture
def folder(ws: Workspace, data_dir: Path) -> str:
    """Two members in two chi đoàn."""
    for branch, name in (("Chi đoàn Ấp 1", "Lê Văn An"), ("Chi đoàn Ấp 2", "Trần Thị Bình")):
        ws.members.save(
            {"full_name": name, "birth_date": "2001", "branch_id": ws.branches.create(branch).id}
        )
    ws.close()
    return str(data_dir)


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    out = StringIO()
    with pytest.raises(SystemExit) as info:
        run(list(argv), out=out, err=StringIO())
    assert info.value.code == 2
    assert out.getvalue() == ""
    err = capsys.readouterr().err
    assert err.startswith("cách dùng: doancoso members ")
    return err


@pytest.mark.parametrize("option", ["--branch", "--status", "--gender"])
@pytest.mark.parametrize("blank", ["", "  "])
def test_a_blank_filter_is_bad_usage_for_list_export_and_print(
    capsys: pytest.CaptureFixture[str], folder: str, tmp_path: Path, option: str, blank: str
) -> None:
    expected = USAGE.format(option=option, what=WHAT[option])
    assert refused(capsys, "members", "list", "--data-dir", folder, option, blank).endswith(
        expected
    )
    sheet, pdf = tmp_path / "ds.xlsx", tmp_path / "ds.pdf"
    err = refused(capsys, "members", "export", str(sheet), "--data-dir", folder, option, blank)
    assert err.endswith(expected)
    err = refused(capsys, "members", "print", "-o", str(pdf), "--data-dir", folder, option, blank)
    assert err.endswith(expected)
    assert not sheet.exists() and not pdf.exists()


def test_a_blank_branch_for_a_new_member_is_bad_usage_and_adds_nothing(
    capsys: pytest.CaptureFixture[str], folder: str
) -> None:
    """``--branch`` of ``members add`` must name a chi đoàn: blank, the member was added with
    none."""
    err = refused(
        capsys, "members", "add", "--data-dir", folder, "--name", "Võ Văn Cường", "--birth",
        "2002", "--branch", "",
    )  # fmt: skip
    assert err.endswith(USAGE.format(option="--branch", what=WHAT["--branch"]))
    with Workspace.open(Path(folder)) as ws:
        assert ws.members.count() == 2


def test_a_filter_given_still_filters(folder: str) -> None:
    out, err = StringIO(), StringIO()
    code = run(["members", "list", "--data-dir", folder, "--branch", "Ấp 2"], out=out, err=err)
    assert (code, err.getvalue()) == (0, "")
    assert out.getvalue().endswith("Tổng cộng: 1 đoàn viên.\n")
    assert "Trần Thị Bình" in out.getvalue() and "Lê Văn An" not in out.getvalue()
