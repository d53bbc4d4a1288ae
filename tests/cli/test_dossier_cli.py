"""``doancoso dossier``: the check as text and as the JSON of issue #16, a dossier built with
gaps (exit 0, its page count), an unreadable evidence file (exit 1, nothing written)."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from cli_run import cli, usage_error
from doancoso.cli.dossier import REMEMBERED
from doancoso.core.document_memory import DocumentMemory
from doancoso.core.dossier.check import DEFAULT_PARTS
from doancoso.core.evidence.store import EVIDENCE_FOLDER
from dossier_data import evidence_pdf

INIT = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau", "--commune", "Tân Hưng",
        "--secretary", "Nguyễn Thị Như Quỳnh"]  # fmt: skip


@pytest.fixture
def folder(data_dir: Path) -> str:
    assert cli("init", "--data-dir", str(data_dir), *INIT)[0] == 0
    assert cli("plan", "new", "--year", "2025", "--data-dir", str(data_dir))[0] == 0
    return str(data_dir)


def test_the_check_as_text_and_json(folder: str) -> None:
    code, out, err = cli("dossier", "--year", "2025", "--check", "--parts",
                         "to-trinh,ke-hoach,xep-loai", "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    assert out == (
        "Hồ sơ năm 2025 còn thiếu:\n"
        "  [Tờ trình đề nghị công nhận] Chưa có số tờ trình.\n"
        "  [Kế hoạch và báo cáo kết quả] Kế hoạch năm 2025 chưa được cấp trên duyệt.\n"
        "  [Kết quả đánh giá, xếp loại đoàn viên] Chưa có đợt đánh giá, xếp loại năm 2025.\n"
    )
    code, out, _ = cli("dossier", "--year", "2025", "--check", "--parts", "to-trinh",
                       "--number", "15-TTr/ĐTN", "--format", "json",
                       "--data-dir", folder)  # fmt: skip
    assert code == 0
    assert json.loads(out) == {"ready": True, "missing": [], "parts": ["to-trinh"]}


def test_a_dossier_with_gaps_is_built(folder: str, tmp_path: Path) -> None:
    target = tmp_path / "ho-so.pdf"
    code, out, _ = cli("dossier", "--year", "2025", "-o", str(target), "--parts",
                       "to-trinh,ke-hoach,xep-loai", "--format", "json",
                       "--data-dir", folder)  # fmt: skip
    assert code == 0
    result = json.loads(out)
    pages = len(PdfReader(target).pages)
    assert result == {
        "ready": False,
        "missing": [
            {"part": "to-trinh", "reason": "Chưa có số tờ trình."},
            {"part": "ke-hoach", "reason": "Kế hoạch năm 2025 chưa được cấp trên duyệt."},
            {"part": "xep-loai", "reason": "Chưa có đợt đánh giá, xếp loại năm 2025."},
        ],
        "parts": ["to-trinh", "ke-hoach"],
        "pages": pages,
        "kept": False,  # some parts only: not the dossier the report bundle carries
    }
    assert pages == 2 + 1 + 2  # cover and contents, the tờ trình, the plan and its report


def test_an_unreadable_evidence_file_exits_1(folder: str, tmp_path: Path) -> None:
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"%PDF-1.4\nnot really a pdf")
    assert cli("checklist", "attach", "1.1", "--year", "2025", str(bad), "--data-dir",
               folder)[0] == 0  # fmt: skip
    target = tmp_path / "ho-so.pdf"
    code, out, err = cli("dossier", "--year", "2025", "-o", str(target), "--data-dir", folder)
    assert (code, out) == (1, "")
    assert "Tệp minh chứng “hong.pdf” (Minh chứng 1.1.1) bị hỏng." in err
    assert not target.exists()


def test_bad_usage(folder: str, capsys: pytest.CaptureFixture[str]) -> None:
    err = usage_error(capsys, "dossier", "--year", "2025", "--data-dir", folder)
    assert err.startswith("cách dùng: doancoso dossier [-h] [--data-dir THƯ_MỤC] --year NĂM")
    assert err.endswith(
        "Lỗi cú pháp lệnh: thiếu tệp sẽ ghi: hãy cho -o TỆP.pdf (hoặc dùng --check để chỉ "
        "kiểm tra)\n"
    )
    code, _, err = cli("dossier", "--year", "2025", "--check", "--parts", "bia",
                       "--data-dir", folder)  # fmt: skip
    assert (code, err) == (1, "Lỗi: Dữ liệu không hợp lệ:\n  --parts: Phần không có: bia. "
                           "Các phần: to-trinh, bao-cao, bang, ke-hoach, hoat-dong, bien-ban, "
                           "tham-muu-phoi-hop, xep-loai, gioi-thieu-dang, doan-vien, thanh-nien, "
                           "thanh-nien-dan-toc, thanh-nien-ton-giao, "
                           "chi-doan, doan-vien-chi-doan, so-thanh-nien, thong-ke, "
                           "minh-chung.\n")  # fmt: skip


def test_optional_parts_and_photos_per_page(folder: str, tmp_path: Path) -> None:
    code, out, err = cli("dossier", "--year", "2025", "--check", "--parts", "bien-ban,chi-doan",
                         "--format", "json", "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "ready": False,
        "missing": [{"part": "bien-ban",
                     "reason": "Chưa có biên bản sinh hoạt chi đoàn nào trong năm 2025."},
                    {"part": "chi-doan",
                     "reason": "Chưa có chi đoàn nào: hồ sơ sẽ không có danh sách chi đoàn."}],
        "parts": ["bien-ban", "chi-doan"],
    }  # fmt: skip
    target = tmp_path / "ho-so.pdf"
    code, out, err = cli("dossier", "--year", "2025", "-o", str(target), "--parts",
                         "to-trinh,bien-ban,chi-doan", "--number", "15-TTr/ĐTN",
                         "--photos-per-page", "2", "--format", "json",
                         "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    assert json.loads(out)["parts"] == ["to-trinh"]  # no minutes, no chi đoàn yet
    reader = PdfReader(target)
    assert len(reader.pages) == 3
    assert (reader.pages[1].extract_text() or "").endswith(
        "Các phần không có trong hồ sơ:\n"
        "- Biên bản sinh hoạt chi đoàn: Chưa có biên bản sinh hoạt chi đoàn nào trong năm\n"
        "2025.\n- Danh sách chi đoàn: Chưa có chi đoàn nào.\n2\n"
    )
    with pytest.raises(SystemExit) as refused:
        cli("dossier", "--year", "2025", "-o", str(target), "--photos-per-page", "3",
            "--data-dir", folder)  # fmt: skip
    assert refused.value.code == 2


def test_the_decision_without_a_number_says_the_command_that_records_it(
    folder: str, tmp_path: Path
) -> None:
    from doancoso.core.workspace import Workspace

    with Workspace.open(Path(folder)) as ws:
        an = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "05/03/2000"})
        ws.rating.open(2025)
        ws.rating.set(2025, an, {"decided_level": 1})
        ws.rating.close(2025)
    check = ("dossier", "--year", "2025", "--check", "--parts", "xep-loai", "--data-dir", folder)
    code, out, err = cli(*check)
    command = (
        "doancoso rating print --year 2025 --document quyet-dinh --number SỐ -o quyet-dinh.pdf"
    )
    assert (code, err) == (0, "")
    assert out == (
        "Hồ sơ năm 2025 còn thiếu:\n"
        "  [Kết quả đánh giá, xếp loại đoàn viên] Quyết định công nhận kết quả xếp loại năm 2025 "
        "chưa có số: in quyết định ở trang Xếp loại (nút “In…”) với số văn bản để ghi lại số và "
        "ngày ban hành.\n"
        f"    Bằng dòng lệnh: {command}\n"
    )
    code, out, _ = cli(*check, "--format", "json")
    assert json.loads(out)["missing"][0]["command"] == command
    # the command, as the line says it, records the number: the dossier then lacks nothing
    given = command.replace("SỐ", "05-QĐ/ĐTN").replace("quyet-dinh.pdf", str(tmp_path / "qd.pdf"))
    code, _, err = cli(*given.split()[1:], "--data-dir", folder)
    assert (code, err) == (0, "")
    assert cli(*check)[1] == "Hồ sơ năm 2025 đã đủ.\n"


def test_each_document_takes_its_number(folder: str, tmp_path: Path) -> None:
    target = tmp_path / "ho-so.pdf"
    # a member, so that the member list is printed (an organisation with none has none)
    code, _, err = cli("members", "add", "--name", "Nguyễn Thị An", "--birth", "01/01/2000",
                       "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    code, out, err = cli("dossier", "--year", "2025", "-o", str(target), "--parts",
                         "to-trinh,ke-hoach,doan-vien", "--number", "15-TTr/ĐTN",
                         "--number", "ke-hoach=Số: 12-BC/ĐTN", "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    pages = [p.extract_text() or "" for p in PdfReader(target).pages]
    assert " Số: 15-TTr/ĐTN\n" in pages[2]
    assert pages[3].count("Số:") == 1 and "-KH/ĐTN" in pages[3]  # the plan's own: none stored
    assert " Số: 12-BC/ĐTN\n" in pages[4]  # the report on the plan's results
    roster = "".join(pages[5:])
    assert "-DS/ĐTN" in roster and "Số: 12" not in roster  # blank, to fill in by hand
    # The numbers given are remembered: the app's print dialogs, and the commands, follow them.
    assert out.splitlines()[-1] == REMEMBERED.format(numbers="12-BC/ĐTN")
    memory = DocumentMemory(Path(folder))
    assert memory.suggested_number("BC", date.today().year) == "13-BC/ĐTN"
    assert memory.last_number("DS") == ""  # printed blank: nothing kept
    code, out, err = cli("dossier", "--year", "2025", "--check", "--number",
                         "to-trinh=15-TTr/ĐTN", "--parts", "to-trinh", "--format", "json",
                         "--data-dir", folder)  # fmt: skip
    assert json.loads(out)["ready"] is True
    code, out, err = cli("dossier", "--year", "2025", "--check", "--parts", "ke-hoach",
                         "--number", "ke-hoach=20-BC/ĐTN", "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    assert memory.last_number("BC") == "12-BC/ĐTN"  # only checked, nothing printed


def test_numbers_of_one_code_remember_the_last(folder: str, tmp_path: Path) -> None:
    target = tmp_path / "ho-so.pdf"
    code, out, err = cli("dossier", "--year", "2025", "-o", str(target), "--parts",
                         "bao-cao,ke-hoach,chi-doan", "--number", "bao-cao=03-BC/ĐTN",
                         "--number", "ke-hoach=04-BC/ĐTN", "--number", "chi-doan=07-DS/ĐTN",
                         "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == REMEMBERED.format(numbers="04-BC/ĐTN, 07-DS/ĐTN")
    code, out, err = cli("plan", "print", "--year", "2025", "--report", "-o",
                         str(tmp_path / "bc.pdf"), "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == (
        "Số văn bản: 05-BC/ĐTN (tiếp theo số 04-BC/ĐTN đã dùng lần trước; --number để ghi số khác)."
    )


def test_a_number_for_a_part_without_one_is_refused(folder: str, tmp_path: Path) -> None:
    code, out, err = cli("dossier", "--year", "2025", "-o", str(tmp_path / "x.pdf"),
                         "--number", "bien-ban=03-BB/ĐTN", "--data-dir", folder)  # fmt: skip
    assert (code, out) == (1, "")
    assert "Phần “bien-ban” không có số văn bản để nhập ở đây." in err
    assert not (tmp_path / "x.pdf").exists()


def test_the_last_whole_dossier_of_a_year_is_kept_for_the_report_bundle(
    folder: str, tmp_path: Path
) -> None:
    kept = Path(folder) / "ho-so" / "ho-so-nam-2025.pdf"
    code, out, err = cli("dossier", "--year", "2025", "--check", "--data-dir", folder)
    assert code == 0 and not kept.exists()  # a check builds nothing
    some = tmp_path / "mot-phan.pdf"
    code, out, err = cli("dossier", "--year", "2025", "-o", str(some), "--parts", "to-trinh",
                         "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    missing = len(DEFAULT_PARTS) - 1
    assert out.endswith(
        f"Đã ghi hồ sơ 3 trang vào “{some}”.\n"
        f"Hồ sơ này thiếu {missing} phần mặc định nên không được lưu để kèm gói báo cáo năm 2025: "
        "gói báo cáo sẽ không kèm hồ sơ cho đến khi tạo hồ sơ đủ các phần mặc định.\n"
    )
    assert some.is_file() and not kept.exists()
    first = tmp_path / "ho-so.pdf"
    code, out, err = cli("dossier", "--year", "2025", "-o", str(first), "--data-dir", folder)
    assert (code, err) == (0, "")
    assert out.endswith(
        "Một bản của hồ sơ được lưu trong thư mục dữ liệu: gói báo cáo cấp trên năm 2025 "
        "(doancoso bundle export --kind report --year 2025) sẽ kèm hồ sơ này.\n"
    )
    assert kept.read_bytes() == first.read_bytes()
    second = tmp_path / "ho-so-2.pdf"
    code, out, err = cli("dossier", "--year", "2025", "-o", str(second), "--parts",
                         ",".join([*DEFAULT_PARTS, "thong-ke"]), "--format", "json",
                         "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    assert json.loads(out)["kept"] is True
    assert kept.read_bytes() == second.read_bytes() != first.read_bytes()  # the last one
    assert sorted(p.name for p in kept.parent.iterdir()) == ["ho-so-nam-2025.pdf"]
    code, out, err = cli("dossier", "--year", "2025", "-o", str(some), "--parts",
                         "to-trinh,ke-hoach", "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    assert "gói báo cáo vẫn kèm hồ sơ đủ các phần tạo lúc " in out
    assert kept.read_bytes() == second.read_bytes()  # the whole one stays
    bundle = tmp_path / "bao-cao.dcs"
    code, _, err = cli("bundle", "export", str(bundle), "--kind", "report", "--year", "2025",
                       "--no-password", "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    carried = tmp_path / "nhan.pdf"
    code, _, err = cli("bundle", "inspect", str(bundle), "--save-dossier", str(carried),
                       "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    assert carried.read_bytes() == second.read_bytes()


def test_a_mistyped_year_is_refused_and_nothing_is_written(folder: str, tmp_path: Path) -> None:
    """ "--year 25" for 2025: refused with the year named; no PDF, and no dossier of year 25
    kept in the data folder for a report bundle."""
    target = tmp_path / "ho-so.pdf"
    code, out, err = cli("dossier", "--year", "25", "-o", str(target), "--data-dir", folder)
    assert (code, out, err) == (
        1,
        "",
        "Lỗi: Dữ liệu không hợp lệ:\n  --year: Năm 25 không hợp lệ: chỉ nhận các năm 2000–2100.\n",
    )
    assert not target.exists() and not (Path(folder) / "ho-so").exists()
    code, out, err = cli("dossier", "--year", "25", "--check", "--data-dir", folder)
    assert (code, out, err) == (
        1,
        "",
        "Lỗi: Dữ liệu không hợp lệ:\n  --year: Năm 25 không hợp lệ: chỉ nhận các năm 2000–2100.\n",
    )


def test_the_check_says_the_member_list_will_be_left_out(folder: str) -> None:
    """``dossier --check`` of an organisation without members said nothing of the member list
    and statistics the dossier then leaves out."""
    code, out, err = cli("dossier", "--year", "2025", "--check", "--parts",
                         "doan-vien,thong-ke", "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    assert out == (
        "Hồ sơ năm 2025 còn thiếu:\n"
        "  [Danh sách đoàn viên] Không có đoàn viên nào đang sinh hoạt ngày 31/12/2025: hồ sơ "
        "sẽ không có danh sách đoàn viên.\n"
        "  [Thống kê tình hình đoàn viên] Chưa có đoàn viên, thanh niên nào: hồ sơ sẽ không có "
        "phần thống kê tình hình đoàn viên.\n"
    )


def test_the_to_trinh_number_is_kept_for_its_year(folder: str, tmp_path: Path) -> None:
    """The tờ trình's number given once (here, or in the app's Hồ sơ page) is printed on each
    build of that year's dossier, and the command says so; ``--number ""`` prints a blank line
    to fill in by hand without forgetting it."""
    target = tmp_path / "ho-so.pdf"
    build = ["dossier", "--year", "2025", "-o", str(target), "--parts", "to-trinh",
             "--data-dir", folder]  # fmt: skip
    assert cli(*build, "--number", "Số: 15-TTr/ĐTN").code == 0
    assert DocumentMemory(Path(folder)).dossier_number(2025) == "15-TTr/ĐTN"
    target.unlink()
    code, out, err = cli(*build)
    assert (code, err) == (0, "")
    said = "Số tờ trình: 15-TTr/ĐTN (đã nhập cho hồ sơ năm 2025; --number để ghi số khác, "
    assert out.splitlines()[0] == said + '--number "" để ghi tay).'
    assert " Số: 15-TTr/ĐTN\n" in (PdfReader(target).pages[2].extract_text() or "")
    check = ["dossier", "--year", "2025", "--check", "--parts", "to-trinh", "--data-dir", folder]
    assert cli(*check).out == said + '--number "" để ghi tay).\nHồ sơ năm 2025 đã đủ.\n'
    assert cli(*check, "--format", "json").json()["ready"] is True
    code, out, err = cli(*build, "--number", "")
    assert (code, err) == (0, "")
    assert "Chưa có số tờ trình." in out and "15-TTr" not in out
    assert "15-TTr" not in (PdfReader(target).pages[2].extract_text() or "")
    assert DocumentMemory(Path(folder)).dossier_number(2025) == "15-TTr/ĐTN"
    # another year has its own
    assert cli(
        "dossier", "--year", "2024", "--check", "--parts", "to-trinh", "--data-dir", folder
    ).out == (  # fmt: skip
        "Hồ sơ năm 2024 còn thiếu:\n  [Tờ trình đề nghị công nhận] Chưa có số tờ trình.\n"
    )


def test_the_other_documents_numbers_are_kept_for_the_year(folder: str, tmp_path: Path) -> None:
    """The numbers given the year's report, lists… (here, or with the app's "Số văn bản…") are
    printed on each build of that year's dossier, the command saying which; one given again
    replaces it, ``PHẦN=`` prints a blank line without forgetting it."""
    target = tmp_path / "ho-so.pdf"
    build = ["dossier", "--year", "2025", "-o", str(target), "--parts", "to-trinh,ke-hoach",
             "--data-dir", folder]  # fmt: skip
    assert cli(*build, "--number", "ke-hoach=12-BC/ĐTN").code == 0
    assert DocumentMemory(Path(folder)).dossier_numbers(2025) == {"ke-hoach": "12-BC/ĐTN"}
    target.unlink()
    code, out, err = cli(*build)
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        "Số văn bản đã nhập cho hồ sơ năm 2025: ke-hoach=12-BC/ĐTN (--number PHẦN=SỐ để ghi số "
        "khác, PHẦN= để ghi tay)."
    )
    assert "Đã ghi nhớ" not in out  # nothing new given: the print dialogs' memory unchanged
    report = PdfReader(target).pages[4].extract_text() or ""
    assert " Số: 12-BC/ĐTN\n" in report
    code, out, err = cli(*build, "--number", "ke-hoach=")
    assert (code, err) == (0, "")
    assert "12-BC" not in out and "12-BC" not in (PdfReader(target).pages[4].extract_text() or "")
    assert DocumentMemory(Path(folder)).dossier_numbers(2025) == {"ke-hoach": "12-BC/ĐTN"}
    assert cli(*build, "--number", "ke-hoach=14-BC/ĐTN").code == 0
    assert DocumentMemory(Path(folder)).dossier_numbers(2025) == {"ke-hoach": "14-BC/ĐTN"}
    assert DocumentMemory(Path(folder)).dossier_numbers(2024) == {}


def test_evidence_lost_from_the_store_is_named_and_the_build_refused(
    folder: str, tmp_path: Path
) -> None:
    """The data folder restored without its evidence: the check names the file, its item and
    how to get it back; the build exits 1, naming it, with nothing written."""
    minutes = evidence_pdf(tmp_path / "bien-ban.pdf")
    assert cli("checklist", "attach", "1.1", "--year", "2025", str(minutes), "--caption",
               "Biên bản rà soát", "--data-dir", folder)[0] == 0  # fmt: skip
    for path in (Path(folder) / EVIDENCE_FOLDER).iterdir():
        path.unlink()
    reason = (
        "Mục 1.1: tệp minh chứng “bien-ban.pdf” không còn trong thư mục dữ liệu hoặc đã bị hỏng, "
        "nên chưa lập được hồ sơ. Hãy lấy lại từ một bản sao lưu ra USB có tệp đó (“Lấy lại tệp "
        "minh chứng bị mất từ USB…” trong “Sao lưu và khôi phục…”, lệnh doancoso "
        "restore-evidence) hoặc đính kèm lại tệp gốc ở mục 1.1, trang “3 chủ động”."
    )
    code, out, err = cli("dossier", "--year", "2025", "--check", "--parts", "minh-chung",
                         "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    assert out.endswith(
        f"  [Phụ lục minh chứng] {reason}\n"
        "Hồ sơ năm 2025 chưa lập được khi còn 1 tệp minh chứng bị mất hoặc hỏng.\n"
    )
    code, out, _ = cli("dossier", "--year", "2025", "--check", "--parts", "minh-chung",
                       "--format", "json", "--data-dir", folder)  # fmt: skip
    assert code == 0
    sha = hashlib.sha256(minutes.read_bytes()).hexdigest()
    result = json.loads(out)
    assert result["ready"] is False
    assert [g for g in result["missing"] if "lost" in g] == [
        {"part": "minh-chung", "reason": reason, "item": "1.1", "lost": sha}
    ]
    target = tmp_path / "ho-so.pdf"
    code, out, err = cli("dossier", "--year", "2025", "-o", str(target), "--data-dir", folder)
    assert (code, out) == (1, "")
    assert err == (
        "Lỗi: Chưa lập được hồ sơ: 1 tệp minh chứng không còn trong thư mục dữ liệu hoặc đã bị "
        "hỏng:\n• “bien-ban.pdf” (Minh chứng 1.1.1)\nHãy lấy lại từ một bản sao lưu ra USB có "
        "tệp đó (“Lấy lại tệp minh chứng bị mất từ USB…” trong “Sao lưu và khôi phục…”, lệnh "
        "doancoso restore-evidence) hoặc đính kèm lại tệp gốc ở trang “3 chủ động”; chưa ghi "
        "gì.\n"
    )
    assert not target.exists()
