"""The printed youth register and ``members print --youth`` / ``members export --youth``."""

from __future__ import annotations

import io
from datetime import date

from doancoso.cli.main import run
from doancoso.cli.numbers import NO_NUMBER_YET
from doancoso.core.youth.service import YouthFilter
from doancoso.reports.youth import print_youth


def test_pdf_title_names_in_order_total_and_fonts(youth_ws, tmp_path, pdf_text, pdf_fonts) -> None:
    path = print_youth(youth_ws, tmp_path / "tn.pdf", issued_on=date(2026, 11, 26))
    text = pdf_text(path)
    for expected in ("DANH SÁCH THANH NIÊN ĐỊA PHƯƠNG", "Đoàn xã Tân Hưng",
                     "Tân Hưng, ngày 26 tháng 11 năm 2026", "Hộ nghèo", "TP. Hồ Chí Minh",
                     "Tổng số: 5 thanh niên (nữ: 3; hoàn cảnh khó khăn: 1; đi làm ăn xa: 2; "
                     "có đoàn viên theo dõi: 1).", "BÍ THƯ"):  # fmt: skip
        assert expected in " ".join(text.split()), expected
    names = [r.full_name for r in youth_ws.youth.list()]
    positions = [text.index(name) for name in names]
    assert positions == sorted(positions)
    fonts = pdf_fonts(path)
    assert fonts and all(fonts.values())
    assert {name.split("-")[0] for name in fonts} == {"LiberationSerif"}


def test_pdf_follows_the_filter(youth_ws, tmp_path, pdf_text) -> None:
    flt = YouthFilter(hamlet="ấp tân hưng", hardship_only=True)
    text = pdf_text(print_youth(youth_ws, tmp_path / "tn.pdf", flt))
    assert "Nguyễn Thị Thủy" in text and "Lê Văn An" not in text
    # The list criterion 1 asks for is titled as such; the hamlet chosen said under its title.
    assert (
        " DANH SÁCH THANH NIÊN CÓ HOÀN CẢNH KHÓ KHĂN\n Đoàn xã Tân Hưng\n (ấp/khu phố: ấp tân "
        "hưng)\n" in text
    )
    assert "ĐỊA PHƯƠNG" not in text


def test_pdf_of_ethnic_minority_and_religious_youth_says_so(youth_ws, tmp_path, pdf_text) -> None:
    youth_ws.youth.save({"full_name": "Thạch Thị Sa Rươl", "birth_date": "03/03/2005",
                         "ethnicity": "Khmer", "religion": "Phật giáo"})  # fmt: skip
    flt = YouthFilter(minority_only=True, religious_only=True)
    text = pdf_text(print_youth(youth_ws, tmp_path / "tn.pdf", flt))
    assert "Thạch Thị Sa Rươl" in text and "Lê Văn An" not in text
    # Of two lists at once, neither is the title: both are said under it.
    assert (
        " DANH SÁCH THANH NIÊN ĐỊA PHƯƠNG\n Đoàn xã Tân Hưng\n (dân tộc thiểu số; có tôn giáo)\n"
        in text
    )


def test_pdf_of_youth_no_member_follows_says_so(youth_ws, tmp_path, pdf_text) -> None:
    flt = YouthFilter(unfollowed_only=True)
    text = pdf_text(print_youth(youth_ws, tmp_path / "tn.pdf", flt))
    assert "Lê Văn An" in text and "Nguyễn Thị Thủy" not in text
    assert " DANH SÁCH THANH NIÊN CHƯA CÓ ĐOÀN VIÊN THEO DÕI\n Đoàn xã Tân Hưng\n STT\n" in text


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return run(list(argv), out=out, err=err), out.getvalue(), err.getvalue()


def test_cli_print_and_export_youth(youth_ws, data_dir, tmp_path, pdf_text) -> None:
    target = tmp_path / "tn.pdf"
    code, out, err = _run("members", "print", "--data-dir", str(data_dir), "-o", str(target),
                          "--youth", "--search", "thuy")  # fmt: skip
    assert (code, err) == (0, "")
    assert out == f"Đã in danh sách 2 thanh niên ra tệp {target}.\n{NO_NUMBER_YET}\n"
    text = pdf_text(target)
    assert "Nguyễn Thị Thủy" in text and "Trần Thị Thuỷ" in text and "Lê Văn An" not in text
    code, _, err = _run("members", "print", "--data-dir", str(data_dir), "-o", str(target),
                        "--youth", "--branch", "Chi đoàn ấp Tân Hưng")  # fmt: skip
    assert code == 1 and "bỏ --branch khi dùng --youth" in err
    sheet = tmp_path / "tn.csv"
    code, out, err = _run("members", "export", "--data-dir", str(data_dir), str(sheet), "--youth",
                          "--status", "tất cả", "--gender", "Nữ")  # fmt: skip
    assert (code, out) == (1, "") and not sheet.exists()
    assert err == (
        "Lỗi: Danh sách thanh niên không lọc theo chi đoàn, trạng thái hay giới tính: bỏ "
        "--status, --gender khi dùng --youth.\n"
    )
    code, out, err = _run("members", "export", "--data-dir", str(data_dir), str(sheet), "--youth")
    assert (code, err, out) == (0, "", f"Đã xuất 5 thanh niên ra {sheet}.\n")
    assert sheet.read_bytes().startswith(b"\xef\xbb\xbf")
