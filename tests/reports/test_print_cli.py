"""``doancoso members print`` writes the roster PDF; user errors exit 1 in Vietnamese."""

from __future__ import annotations

import io

import pytest

from doancoso.cli.main import run
from doancoso.cli.numbers import NO_NUMBER_YET
from doancoso.core.roster.service import MemberFilter


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_print_whole_roster(demo_ws, data_dir, tmp_path, read_pdf):
    active = len(demo_ws.events.active_roster_ids())
    assert 200 < active < 300  # the demo has members who left: they are not printed
    target = tmp_path / "ds.pdf"
    code, out, err = _run("members", "print", "--data-dir", str(data_dir), "-o", str(target))
    assert (code, err) == (0, "")
    assert out == f"Đã in danh sách {active} đoàn viên ra tệp {target}.\n{NO_NUMBER_YET}\n"
    pdf = read_pdf(target)
    text = pdf.text()
    assert "DANH SÁCH ĐOÀN VIÊN" in text and f"Tổng số: {active} đoàn viên" in text
    assert "Đã xóa tên" not in text and "trạng thái" not in text
    assert all(pdf.fonts().values())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "ds.pdf"]
    every = tmp_path / "tat-ca.pdf"
    code, out, err = _run("members", "print", "--data-dir", str(data_dir), "-o", str(every),
                          "--status", "Tất cả")  # fmt: skip
    printed = f"Đã in danh sách 300 đoàn viên ra tệp {every}.\n{NO_NUMBER_YET}\n"
    assert (code, err, out) == (0, "", printed)
    left = tmp_path / "xoa-ten.pdf"
    code, out, err = _run("members", "print", "--data-dir", str(data_dir), "-o", str(left),
                          "--status", "da xoa ten")  # fmt: skip
    removed = len(demo_ws.members.ids(MemberFilter(status="removed")))
    assert (code, err) == (0, "") and f"danh sách {removed} đoàn viên" in out
    assert "(trạng thái: Đã xóa tên)" in read_pdf(left).text()


def test_print_one_branch_with_search(demo_ws, data_dir, tmp_path, read_pdf):
    branch = demo_ws.branches.list()[0]
    target = tmp_path / "ds.pdf"
    code, _, err = _run("members", "print", "--data-dir", str(data_dir), "-o", str(target),
                        "--branch", branch.name.upper(), "--search", "nguyen", "--number",
                        "15-DS/ĐTN")  # fmt: skip
    assert (code, err) == (0, "")
    text = read_pdf(target).text()
    assert f"{branch.name} – " in text and "(tìm: “nguyen”)" in text and "Số: 15-DS/ĐTN" in text


def test_no_organization(data_dir, tmp_path):
    target = tmp_path / "ds.pdf"
    code, out, err = _run("members", "print", "--data-dir", str(data_dir), "-o", str(target))
    assert code == 1 and out == ""
    assert err == (
        f"Lỗi: Chưa có dữ liệu ở thư mục “{data_dir}”. Hãy mở ứng dụng để thiết lập, hoặc chạy "
        'lệnh: doancoso init --name "Đoàn xã …" --superior "Tỉnh đoàn …"\n'
    )
    assert not target.exists() and not data_dir.exists()  # reading created nothing


def test_unknown_branch_and_unwritable_path(ws, data_dir, tmp_path):
    code, _, err = _run("members", "print", "--data-dir", str(data_dir), "-o",
                        str(tmp_path / "ds.pdf"), "--branch", "Ấp Không Có")  # fmt: skip
    assert code == 1 and err == "Lỗi: Không có chi đoàn “Ấp Không Có”: chưa có chi đoàn nào.\n"
    target = tmp_path / "no-such-folder" / "ds.pdf"
    code, _, err = _run("members", "print", "--data-dir", str(data_dir), "-o", str(target))
    assert code == 1 and err.startswith(f"Lỗi: Không ghi được tệp “{target}”")
    assert not target.parent.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_output_is_required(data_dir, capsys):
    with pytest.raises(SystemExit) as exit_:
        _run("members", "print", "--data-dir", str(data_dir))
    assert exit_.value.code == 2
    assert "-o" in capsys.readouterr().err
