"""``advice add|edit --summary`` and ``coordination add|edit --content --results``: the texts
the app's dialogs take ("Nội dung tóm tắt", "Nội dung phối hợp", "Kết quả"), typed or read
from a UTF-8 file (``--summary-file`` ...), stored in NFC through the dialogs' own service and
listed; a file that cannot be read as UTF-8 is refused, naming it, and changes nothing."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from cli_run import cli, usage_error
from doancoso.core.recognition.registers import Advice, Coordination
from doancoso.core.workspace import Workspace

INIT = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau", "--commune", "Tân Hưng"]
SUMMARY = "Đề nghị Đảng ủy hỗ trợ kinh phí hoạt động hè.\nDự kiến 5.000.000 đồng."
CONTENT = "Tuyên truyền pháp luật cho thanh niên.\nTuần tra an ninh trật tự ban đêm."
RESULTS = "Tổ chức 4 buổi tuyên truyền, 320 lượt thanh niên tham dự."


@pytest.fixture
def folder(data_dir: Path) -> str:
    assert cli("init", "--data-dir", str(data_dir), *INIT)[0] == 0
    return str(data_dir)


def _advice(folder: str) -> list[Advice]:
    with Workspace.open(Path(folder)) as ws:
        return ws.registers.advice()


def _coordination(folder: str) -> list[Coordination]:
    with Workspace.open(Path(folder)) as ws:
        return ws.registers.coordination()


def _add_advice(folder: str, *options: str) -> Advice:
    result = cli("advice", "add", "--date", "15/06/2025", "--title", "Tờ trình về kinh phí",
                 *options, "--data-dir", folder)  # fmt: skip
    assert result == (0, "Đã ghi văn bản tham mưu “Tờ trình về kinh phí”.\n", "")
    [row] = _advice(folder)
    return row


def _add_programme(folder: str, *options: str) -> Coordination:
    result = cli("coordination", "add", "--date", "01/04/2025", "--partner", "Công an xã",
                 "--title", "Quy chế phối hợp", *options, "--data-dir", folder)  # fmt: skip
    assert result == (0, "Đã ghi chương trình phối hợp “Quy chế phối hợp” với Công an xã.\n", "")
    [row] = _coordination(folder)
    return row


def test_advice_add_sets_the_summary_and_list_shows_it(folder: str) -> None:
    row = _add_advice(folder, "--summary", SUMMARY, "--answer", "Đồng ý")
    assert (row.summary, row.answer) == (SUMMARY, "Đồng ý")
    assert cli("advice", "list", "--data-dir", folder) == (
        0, "15/06/2025  Tờ trình về kinh phí — tóm tắt: Đề nghị Đảng ủy hỗ trợ kinh phí hoạt "
        f"động hè. / Dự kiến 5.000.000 đồng. — trả lời: Đồng ý\t{row.id}\n", "",
    )  # fmt: skip
    [listed] = cli("advice", "list", "--format", "json", "--data-dir", folder).json()
    assert listed["summary"] == SUMMARY


def test_coordination_add_sets_content_and_results_and_list_shows_them(folder: str) -> None:
    row = _add_programme(folder, "--content", CONTENT, "--results", RESULTS)
    assert (row.content, row.results) == (CONTENT, RESULTS)
    assert cli("coordination", "list", "--data-dir", folder) == (
        0, "01/04/2025  Công an xã: Quy chế phối hợp — nội dung: Tuyên truyền pháp luật cho "
        "thanh niên. / Tuần tra an ninh trật tự ban đêm. — kết quả: Tổ chức 4 buổi tuyên "
        f"truyền, 320 lượt thanh niên tham dự.\t{row.id}\n", "",
    )  # fmt: skip
    [listed] = cli("coordination", "list", "--format", "json", "--data-dir", folder).json()
    assert (listed["content"], listed["results"]) == (CONTENT, RESULTS)


def test_edit_sets_and_clears_the_texts_leaving_the_rest(folder: str) -> None:
    advice = _add_advice(folder, "--number", "05-TTr/ĐTN")
    result = cli("advice", "edit", advice.id, "--summary", SUMMARY, "--data-dir", folder)
    assert result == (0, "Đã sửa văn bản tham mưu “Tờ trình về kinh phí”.\n", "")
    assert _advice(folder) == [Advice(advice.id, dt.date(2025, 6, 15), "05-TTr/ĐTN",
                                      "Tờ trình về kinh phí", SUMMARY, None, None)]  # fmt: skip
    assert cli("advice", "edit", advice.id, "--summary", "", "--data-dir", folder).code == 0
    assert _advice(folder) == [advice]

    programme = _add_programme(folder, "--end-date", "31/12/2025")
    assert cli("coordination", "edit", programme.id, "--content", CONTENT, "--results", RESULTS,
               "--data-dir", folder) == (  # fmt: skip
        0, "Đã sửa chương trình phối hợp “Quy chế phối hợp” với Công an xã (01/04/2025 – "
        "31/12/2025).\n", "",
    )  # fmt: skip
    assert _coordination(folder) == [Coordination(
        programme.id, dt.date(2025, 4, 1), dt.date(2025, 12, 31), "Công an xã",
        "Quy chế phối hợp", CONTENT, RESULTS, None,
    )]  # fmt: skip
    assert cli("coordination", "edit", programme.id, "--results", "", "--data-dir", folder)[0] == 0
    [saved] = _coordination(folder)
    assert (saved.content, saved.results) == (CONTENT, None)


def test_texts_are_read_from_utf8_files_in_nfc(folder: str, tmp_path: Path) -> None:
    """A long text written in Notepad: a BOM dropped, Windows line breaks as line breaks, a
    decomposed text (a Mac, some PDFs) stored composed, as typed in the app."""
    summary = tmp_path / "tom-tat.txt"
    summary.write_bytes(b"\xef\xbb\xbf" + unicodedata.normalize("NFD", SUMMARY).replace(
        "\n", "\r\n").encode() + b"\r\n")  # fmt: skip
    content, results = tmp_path / "noi-dung.txt", tmp_path / "ket-qua.txt"
    content.write_text(CONTENT + "\n", encoding="utf-8")
    results.write_text(unicodedata.normalize("NFD", RESULTS), encoding="utf-8")
    advice = _add_advice(folder, "--summary-file", str(summary))
    assert advice.summary == SUMMARY
    programme = _add_programme(folder, "--content-file", str(content))
    assert (programme.content, programme.results) == (CONTENT, None)
    assert cli("coordination", "edit", programme.id, "--results-file", str(results),
               "--data-dir", folder).code == 0  # fmt: skip
    [saved] = _coordination(folder)
    assert (saved.content, saved.results) == (CONTENT, RESULTS)


@pytest.mark.parametrize(
    ("command", "option"),
    [("advice", "--summary-file"), ("coordination", "--content-file"),
     ("coordination", "--results-file")],
)  # fmt: skip
def test_a_file_not_in_utf8_is_refused_and_changes_nothing(
    folder: str, tmp_path: Path, command: str, option: str
) -> None:
    """Notepad of an old Windows saves Vietnamese in the "ANSI" code page 1258."""
    advice, programme = _add_advice(folder), _add_programme(folder)
    legacy = tmp_path / "noi-dung.txt"
    legacy.write_bytes("Đoàn viên thanh niên tham gia".encode("cp1258"))
    record_id = advice.id if command == "advice" else programme.id
    result = cli(command, "edit", record_id, option, str(legacy), "--data-dir", folder)
    assert result == (1, "", f"Lỗi: Tệp “{legacy}” ({option}) không phải văn bản UTF-8: hãy "
                      "lưu lại tệp với bảng mã UTF-8 (Notepad: Lưu thành…, mục Mã hóa chọn "
                      "UTF-8) rồi chạy lại lệnh. Không có gì thay đổi.\n")  # fmt: skip
    assert (_advice(folder), _coordination(folder)) == ([advice], [programme])


def test_a_missing_file_is_refused_and_adds_nothing(folder: str, tmp_path: Path) -> None:
    missing = tmp_path / "khong-co.txt"
    result = cli("advice", "add", "--date", "15/06/2025", "--title", "Tờ trình",
                 "--summary-file", str(missing), "--data-dir", folder)  # fmt: skip
    assert result == (1, "", f"Lỗi: Không đọc được tệp “{missing}” (--summary-file): đường dẫn "
                      "không tồn tại. Không có gì thay đổi.\n")  # fmt: skip
    assert _advice(folder) == []


def test_a_text_and_its_file_together_are_bad_usage(
    folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "ket-qua.txt"
    text.write_text(RESULTS, encoding="utf-8")
    err = usage_error(capsys, "coordination", "add", "--date", "01/04/2025", "--partner", "X",
                      "--title", "Y", "--results", "Z", "--results-file", str(text),
                      "--data-dir", folder)  # fmt: skip
    assert err.endswith(
        "Lỗi cú pháp lệnh: tùy chọn --results-file: không dùng cùng với --results\n"
    )
    assert _coordination(folder) == []


def test_the_answer_is_read_from_a_file_too(folder: str, tmp_path: Path) -> None:
    """The Party committee's answer is a text of several lines in the dialog as well."""
    answer = "Đảng ủy đồng ý.\nGiao UBND xã bố trí 5.000.000 đồng."
    text = tmp_path / "tra-loi.txt"
    text.write_text(answer.replace("\n", "\r\n"), encoding="utf-8")
    advice = _add_advice(folder, "--answer-file", str(text), "--answer-date", "20/06/2025")
    assert (advice.answer, advice.answer_day) == (answer, dt.date(2025, 6, 20))
