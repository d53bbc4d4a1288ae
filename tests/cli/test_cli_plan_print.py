"""``doancoso plan print``: the plan (KH) or its report (BC) as a PDF; user errors exit 1.

The ``plan`` group itself lives in another module; until it is wired into the command line,
this test adds a ``plan`` group holding only ``print`` (:func:`_plan_group`), through the same
``register`` the group calls.
"""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from cli_run import cli
from doancoso.cli import main, plans_print
from doancoso.cli.common import Subparsers
from doancoso.cli.numbers import NO_NUMBER_YET
from doancoso.cli.parser import Parser
from doancoso.core.document_memory import DocumentMemory
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
    assert out == (
        f"Đã in kế hoạch công tác năm 2026 ra tệp {target}.\n"
        "Số văn bản: 07-KH/ĐTN (số của kế hoạch).\n"
    )
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
    assert out == (
        f"Đã in báo cáo kết quả thực hiện chỉ tiêu năm 2026 ra tệp {target}.\n"
        "Số văn bản: 12-BC/ĐTN.\n"
    )
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


def _report(data_dir, target, *options):
    code, out, err = cli("plan", "print", "--data-dir", str(data_dir), "--year", "2026", "-o",
                          str(target), "--report", "--date", "20/03/2026", *options)  # fmt: skip
    assert (code, err) == (0, ""), err
    return out.splitlines(), _lines(target)


def test_the_report_takes_the_next_number_and_remembers_it(ws, data_dir, tmp_path):
    make_plan_data(ws)
    said, lines = _report(data_dir, tmp_path / "a.pdf")
    assert said[-1] == NO_NUMBER_YET
    assert "Số:" + " " * 10 + "-BC/ĐTN" in lines
    said, lines = _report(data_dir, tmp_path / "b.pdf", "--number", "01-BC/ĐTN")
    assert said[-1] == "Số văn bản: 01-BC/ĐTN."
    said, lines = _report(data_dir, tmp_path / "c.pdf")
    assert said[-1] == (
        "Số văn bản: 02-BC/ĐTN (tiếp theo số 01-BC/ĐTN đã dùng lần trước; --number để ghi số khác)."
    )
    assert "Số: 02-BC/ĐTN" in lines
    # The app's print dialogs (the report, the statistics, the rating summary: "BC") follow.
    memory = DocumentMemory(data_dir)
    assert (memory.last_number("BC"), memory.last_year("BC")) == ("02-BC/ĐTN", 2026)
    assert memory.suggested_number("BC", 2026) == "03-BC/ĐTN"
    said, lines = _report(data_dir, tmp_path / "d.pdf", "--number", "")
    assert said[-1] == "Số văn bản để trống, ghi bằng tay."
    assert "Số:" + " " * 10 + "-BC/ĐTN" in lines
    assert memory.last_number("BC") == "02-BC/ĐTN"


def test_the_plan_follows_the_number_the_app_used(ws, data_dir, tmp_path):
    make_plan_data(ws)
    ws.plans.save(2026, {"number": ""})
    DocumentMemory(data_dir).remember_number("KH", "04-KH/ĐTN", 2026)  # printed in the app
    target = tmp_path / "kh.pdf"
    code, out, err = cli("plan", "print", "--data-dir", str(data_dir), "--year", "2026", "-o",
                          str(target))  # fmt: skip
    assert (code, err) == (0, "")
    assert out.splitlines()[1:] == [
        "Số văn bản: 05-KH/ĐTN (tiếp theo số 04-KH/ĐTN đã dùng lần trước; --number để ghi số "
        "khác).",
        # Named again: "Số này" (this number) came right after 04-KH/ĐTN, the one not kept.
        "Số 05-KH/ĐTN đã được ghi vào kế hoạch.",
    ]
    assert "Số: 05-KH/ĐTN" in _lines(target)
    assert DocumentMemory(data_dir).last_number("KH") == "05-KH/ĐTN"


def test_a_year_without_a_plan(ws, data_dir, tmp_path):
    target = tmp_path / "kh.pdf"
    code, out, err = cli("plan", "print", "--data-dir", str(data_dir), "--year", "2027", "-o",
                          str(target))  # fmt: skip
    assert (code, out, err) == (1, "", "Lỗi: Chưa có kế hoạch công tác năm 2027.\n")
    assert not target.exists()
    assert not DocumentMemory(data_dir).exists()


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


def _print_plan(data_dir, target, *options) -> list[str]:
    code, out, err = cli("plan", "print", "--data-dir", str(data_dir), "--year", "2026", "-o",
                          str(target), *options)  # fmt: skip
    assert (code, err) == (0, ""), err
    return out.splitlines()


def test_the_plan_keeps_the_number_and_date_it_was_printed_with(ws, data_dir, tmp_path):
    """As in the app: the plan printed is the one sent, so the report and the dossier cite it."""
    make_plan_data(ws)
    ws.plans.save(2026, {"number": "", "plan_date": ""})  # a plan copied: neither yet
    target = tmp_path / "kh.pdf"
    said = _print_plan(data_dir, target, "--number", "03-KH/ĐTN", "--date", "20/01/2026")
    assert said == [
        f"Đã in kế hoạch công tác năm 2026 ra tệp {target}.",
        "Số văn bản: 03-KH/ĐTN.",
        "Số 03-KH/ĐTN và ngày ban hành 20/01/2026 đã được ghi vào kế hoạch.",
    ]
    plan = ws.plans.get(2026)
    assert (plan.number, plan.plan_date) == ("03-KH/ĐTN", date(2026, 1, 20))
    said, lines = _report(data_dir, tmp_path / "bc.pdf")
    assert "Thực hiện Kế hoạch số 03-KH/ĐTN ngày 20/01/2026 của Ban Chấp hành" in " ".join(lines)


def test_the_next_number_printed_becomes_the_plan_s(ws, data_dir, tmp_path):
    make_plan_data(ws)
    ws.plans.save(2026, {"number": ""})
    DocumentMemory(data_dir).remember_number("KH", "04-KH/ĐTN", 2026)
    said = _print_plan(data_dir, tmp_path / "kh.pdf")
    assert said[1:] == [
        "Số văn bản: 05-KH/ĐTN (tiếp theo số 04-KH/ĐTN đã dùng lần trước; --number để ghi số "
        "khác).",
        "Số 05-KH/ĐTN đã được ghi vào kế hoạch.",
    ]
    plan = ws.plans.get(2026)
    assert (plan.number, plan.plan_date) == ("05-KH/ĐTN", date(2026, 1, 15))


def test_a_blank_number_or_a_date_outside_the_plan_s_years_is_not_kept(ws, data_dir, tmp_path):
    make_plan_data(ws)
    target = tmp_path / "kh.pdf"
    said = _print_plan(data_dir, target, "--number", "", "--date", "05/01/2027")
    assert said == [
        f"Đã in kế hoạch công tác năm 2026 ra tệp {target}.",
        "Số văn bản để trống, ghi bằng tay.",
        "Ngày 05/01/2027 chỉ in trên tệp, không ghi vào kế hoạch: kế hoạch năm 2026 ban hành "
        "trong năm 2025 hoặc 2026. Nếu gõ nhầm năm, hãy in lại.",
    ]
    assert "Tân Hưng, ngày 05 tháng 01 năm 2027" in _lines(target)
    plan = ws.plans.get(2026)
    assert (plan.number, plan.plan_date) == ("07-KH/ĐTN", date(2026, 1, 15))
    said = _print_plan(data_dir, target, "--date", "10/12/2025")
    assert said[1:] == [
        "Số văn bản: 07-KH/ĐTN (số của kế hoạch).",
        "Ngày ban hành 10/12/2025 đã được ghi vào kế hoạch.",
    ]
    assert ws.plans.get(2026).plan_date == date(2025, 12, 10)
