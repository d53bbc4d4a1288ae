"""``doancoso plan print``: the plan (KH) or its report (BC) as a PDF; user errors exit 1.

The ``plan`` group itself lives in another module; until it is wired into the command line,
this test adds a ``plan`` group holding only ``print`` (:func:`_plan_group`), through the same
``register`` the group calls.
"""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from cli_run import cli
from doancoso.cli import main, plans_print
from doancoso.cli.common import Subparsers
from doancoso.cli.parser import Parser
from plan_data import make_plan_data


def _plan_group(subparsers: Subparsers) -> None:
    if "plan" in subparsers.choices:  # the real group is wired in: it registers print itself
        return
    plan = subparsers.add_parser("plan", help="kế hoạch công tác năm")
    plan_sub = plan.add_subparsers(dest="plan_command", parser_class=Parser, metavar="LỆNH",
                                   required=True)  # fmt: skip
    plans_print.register(plan_sub)


@pytest.fixture(autouse=True)
def plan_group(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main, "COMMAND_GROUPS", (*main.COMMAND_GROUPS, _plan_group))


def _lines(path) -> list[str]:
    text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return [line.strip() for line in text.splitlines()]


def test_print_the_plan(ws, data_dir, tmp_path):
    make_plan_data(ws)
    target = tmp_path / "kh.pdf"
    code, out, err = cli("plan", "print", "--data-dir", str(data_dir), "--year", "2026", "-o",
                          str(target))  # fmt: skip
    assert (code, err) == (0, "")
    assert out == f"Đã in kế hoạch công tác năm 2026 ra tệp {target}.\n"
    lines = _lines(target)
    for line in ("KẾ HOẠCH", "Số: 07-KH/ĐTN", "Tân Hưng, ngày 15 tháng 01 năm 2026",
                 "II. CHỈ TIÊU", "1.1. Kết nạp đoàn viên mới: 4 đoàn viên."):  # fmt: skip
        assert line in lines, line


def test_print_the_report_with_number_place_and_date(ws, data_dir, tmp_path):
    make_plan_data(ws)
    target = tmp_path / "bc.pdf"
    code, out, err = cli("plan", "print", "--data-dir", str(data_dir), "--year", "2026", "-o",
                          str(target), "--report", "--number", "12-BC/ĐTN", "--place",
                          "Cái Nước", "--date", "20/03/2026")  # fmt: skip
    assert (code, err) == (0, "")
    assert out == f"Đã in báo cáo kết quả thực hiện chỉ tiêu năm 2026 ra tệp {target}.\n"
    lines = _lines(target)
    for line in ("BÁO CÁO", "Số: 12-BC/ĐTN", "Cái Nước, ngày 20 tháng 3 năm 2026",
                 "(Số liệu đến ngày 20/03/2026)", "0 đoàn viên (*)"):  # fmt: skip
        assert line in lines, line


def test_the_report_without_a_number_has_one_to_fill_in_by_hand(ws, data_dir, tmp_path):
    make_plan_data(ws)
    target = tmp_path / "bc.pdf"
    code, _, err = cli("plan", "print", "--data-dir", str(data_dir), "--year", "2026", "-o",
                        str(target), "--report", "--date", "20/03/2026")  # fmt: skip
    assert (code, err) == (0, "")
    assert "Số:" + " " * 10 + "-BC/ĐTN" in _lines(target)


def test_a_year_without_a_plan(ws, data_dir, tmp_path):
    target = tmp_path / "kh.pdf"
    code, out, err = cli("plan", "print", "--data-dir", str(data_dir), "--year", "2027", "-o",
                          str(target))  # fmt: skip
    assert (code, out, err) == (1, "", "Lỗi: Chưa có kế hoạch công tác năm 2027.\n")
    assert not target.exists()


def test_a_bad_date_changes_nothing(ws, data_dir, tmp_path):
    make_plan_data(ws)
    target = tmp_path / "kh.pdf"
    code, out, err = cli("plan", "print", "--data-dir", str(data_dir), "--year", "2026", "-o",
                          str(target), "--date", "31/02/2026")  # fmt: skip
    assert (code, out) == (1, "")
    assert err == "Lỗi: Dữ liệu không hợp lệ:\n  --date: Ngày 31/02/2026 không có trên lịch.\n"
    assert not target.exists()


def test_no_data_folder_yet(data_dir, tmp_path):
    code, out, err = cli("plan", "print", "--data-dir", str(data_dir), "--year", "2026", "-o",
                          str(tmp_path / "kh.pdf"))  # fmt: skip
    assert code == 1 and out == "" and err.startswith("Lỗi: Chưa có dữ liệu ở thư mục")
    assert not data_dir.exists()


def test_year_and_output_are_required(data_dir, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli("plan", "print", "--data-dir", str(data_dir), "-o", "kh.pdf")
    assert exit_.value.code == 2
    assert "--year" in capsys.readouterr().err
