"""``doancoso init`` refuses a name longer than any real one (a paragraph pasted by mistake,
which every document would print in its header), with its length, and sets up nothing."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

from doancoso.cli.main import run
from doancoso.core.workspace import Workspace

PARAGRAPH = "Đoàn xã Tân Hưng " * 22  # 374 characters, 373 once the last space is trimmed


def _init(data_dir: Path, name: str, superior: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    args = ["init", "--data-dir", str(data_dir), "--name", name, "--superior", superior]
    code = run(args, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_init_refuses_a_pasted_paragraph_as_the_name(data_dir: Path) -> None:
    assert _init(data_dir, PARAGRAPH, "Tỉnh đoàn Cà Mau") == (
        1,
        "",
        "Lỗi: Dữ liệu không hợp lệ:\n"
        "  --name: Dài 373 ký tự, quá 150 ký tự cho phép: hãy kiểm tra lại, có thể đã dán "
        "nhầm cả một đoạn văn.\n",
    )
    with Workspace.open(data_dir) as ws:
        assert ws.organization.get() is None


def test_init_refuses_a_pasted_paragraph_as_the_superior_body(data_dir: Path) -> None:
    code, _, err = _init(data_dir, "Đoàn xã Tân Hưng", PARAGRAPH)
    assert (code, err) == (
        1,
        "Lỗi: Dữ liệu không hợp lệ:\n"
        "  --superior: Dài 373 ký tự, quá 150 ký tự cho phép: hãy kiểm tra lại, có thể đã dán "
        "nhầm cả một đoạn văn.\n",
    )


def test_init_takes_a_name_of_exactly_150_characters(data_dir: Path) -> None:
    name = "Đoàn trường " + "A" * 138
    code, out, err = _init(data_dir, name, "Tỉnh đoàn Cà Mau")
    assert (code, err) == (0, "")
    with Workspace.open(data_dir) as ws:
        org = ws.organization.get()
        assert org is not None and org.name == name
