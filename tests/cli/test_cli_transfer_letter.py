"""``doancoso members print-transfer``: the transfer letter (giấy giới thiệu sinh hoạt Đoàn) of a
member's "Chuyển sinh hoạt đi", printed from the command line as the GUI's history prints it,
read back with pypdf; a member with no transfer out, or an event that is not theirs, is refused
and writes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from cli_run import cli
from doancoso.core.document_memory import DocumentMemory
from doancoso.core.documents import place_and_date
from doancoso.core.workspace import Workspace


@pytest.fixture
def folder(ws: Workspace, data_dir: Path) -> str:
    """Nguyễn Thị Như Ý transferred out twice (to Đoàn xã Tân Phú in 2022, back in 2023, then
    to Đoàn phường 5 in 2025, with the letter's number, the dues and remarks); Lê Văn Tư never
    transferred."""
    branch = ws.branches.create("Chi đoàn ấp Tân Phú").id
    y = ws.members.save({
        "full_name": "Nguyễn Thị Như Ý", "birth_date": "05/03/2001", "gender": "female",
        "admission_date": "26/03/2017", "branch_id": branch,
    })  # fmt: skip
    ws.events.record(y, "transfer_out", "01/06/2022", other_organization="Đoàn xã Tân Phú")
    ws.events.record(y, "transfer_in", "01/06/2023", other_organization="Đoàn xã Tân Phú")
    ws.events.record(
        y, "transfer_out", "15/03/2025", "07-GGT/ĐTN", other_organization="Đoàn phường 5",
        dues_paid_until="03/2025", remarks="Nhiệt tình, gương mẫu trong các phong trào.",
    )  # fmt: skip
    ws.members.save({"full_name": "Lê Văn Tư", "birth_date": "09/09/2000", "branch_id": branch})
    ws.close()
    return str(data_dir)


def print_letter(folder: str, member: str, target: Path, *options: str) -> tuple[int, str, str]:
    return cli("members", "print-transfer", member, "-o", str(target), *options,
               "--data-dir", folder)  # fmt: skip


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def transfers(folder: str, member: str) -> list[dict[str, str]]:
    found = cli("members", "events", member, "--format", "json", "--data-dir", folder).json()
    return [e for e in found["events"] if e["kind"] == "transfer_out"]


def test_the_last_transfer_out_is_printed_with_number_place_and_date(
    folder: str, tmp_path: Path
) -> None:
    target = tmp_path / "ggt.pdf"
    code, out, err = print_letter(folder, "nguyen thi nhu y", target, "--number", "05-GGT/ĐTN",
                                  "--place", "Cái Nước", "--date", "16/03/2025")  # fmt: skip
    assert (code, err) == (0, "")
    assert out == (
        "Đã in giấy giới thiệu sinh hoạt Đoàn của đoàn viên Nguyễn Thị Như Ý (chuyển sinh hoạt "
        f"đi đến Đoàn phường 5 ngày 15/03/2025) ra tệp {target}.\n"
        "Số văn bản: 05-GGT/ĐTN.\n"
    )
    text = pdf_text(target)
    for expected in (
        "GIẤY GIỚI THIỆU SINH HOẠT ĐOÀN",
        "Số: 05-GGT/ĐTN",
        "Cái Nước, ngày 16 tháng 3 năm 2025",
        "Kính gửi: Đoàn phường 5",
        "Đồng chí: NGUYỄN THỊ NHƯ Ý",
        "Đã đóng đoàn phí đến hết tháng: 03/2025",
        "Nhiệt tình, gương mẫu trong các phong trào.",
        "- Như trên;",
    ):
        assert expected in text, expected


def test_an_earlier_transfer_by_its_event_id(folder: str, tmp_path: Path) -> None:
    first = transfers(folder, "Nguyễn Thị Như Ý")[0]
    target = tmp_path / "ggt-2022.pdf"
    code, out, err = print_letter(folder, "Nguyễn Thị Như Ý", target, "--event", first["id"])
    assert (code, err) == (0, "")
    assert "(chuyển sinh hoạt đi đến Đoàn xã Tân Phú ngày 01/06/2022)" in out
    text = pdf_text(target)
    assert "Kính gửi: Đoàn xã Tân Phú" in text
    # No --number, --place, --date; no number recorded with the transfer nor any letter's used
    # before: the number left to write by hand, the commune, today.
    assert out.splitlines()[-1] == (
        "Số văn bản để trống, ghi bằng tay: chưa có số nào đã dùng cho loại văn bản này "
        "(--number để ghi số; các lần in sau sẽ tiếp theo số đó)."
    )
    assert "Số:          -GGT/ĐTN" in text
    assert place_and_date("Tân Hưng", dt.date.today()) in text


def test_without_number_the_letter_takes_the_next_one_and_remembers_it(
    folder: str, tmp_path: Path
) -> None:
    """As the GUI's print dialog: the number after the last letter's, 01 in a new year, the
    number recorded with the transfer before both; each printed number is remembered."""
    first = transfers(folder, "Nguyễn Thị Như Ý")[0]["id"]  # recorded without a number

    def letter(name: str, *options: str) -> tuple[str, str]:
        target = tmp_path / name
        code, out, err = print_letter(folder, "Nguyễn Thị Như Ý", target, *options)
        assert (code, err) == (0, ""), err
        return out.splitlines()[-1], pdf_text(target)

    said, _text = letter("a.pdf", "--event", first, "--number", "Số: 05-GGT/ĐTN",
                         "--date", "16/03/2025")  # fmt: skip
    assert said == "Số văn bản: 05-GGT/ĐTN."
    said, text = letter("b.pdf", "--event", first, "--date", "17/03/2025")
    assert said == (
        "Số văn bản: 06-GGT/ĐTN (tiếp theo số 05-GGT/ĐTN đã dùng lần trước; --number để ghi số "
        "khác)."
    )
    assert "Số: 06-GGT/ĐTN" in text
    said, text = letter("c.pdf", "--date", "18/03/2025")  # the last transfer: its own number
    assert said == "Số văn bản: 07-GGT/ĐTN (số ghi khi chuyển sinh hoạt)."
    assert "Số: 07-GGT/ĐTN" in text
    said, text = letter("d.pdf", "--event", first, "--date", "19/03/2025")
    assert said.startswith("Số văn bản: 08-GGT/ĐTN (tiếp theo số 07-GGT/ĐTN")
    said, text = letter("e.pdf", "--event", first, "--number", "", "--date", "20/03/2025")
    assert (said, "Số:          -GGT/ĐTN" in text) == ("Số văn bản để trống, ghi bằng tay.", True)
    said, text = letter("f.pdf", "--event", first, "--date", "05/01/2026")
    assert said == (
        "Số văn bản: 01-GGT/ĐTN (số đầu tiên của năm 2026, sau số 08-GGT/ĐTN của năm 2025; "
        "--number để ghi số khác)."
    )
    assert "Số: 01-GGT/ĐTN" in text
    # The app's print dialog follows the command line's numbers.
    assert DocumentMemory(Path(folder)).suggested_number("GGT", 2026) == "02-GGT/ĐTN"


def test_a_refused_letter_remembers_no_number(folder: str, tmp_path: Path) -> None:
    target = tmp_path / "ggt.pdf"
    assert print_letter(folder, "Lê Văn Tư", target, "--number", "09-GGT/ĐTN")[0] == 1
    assert DocumentMemory(Path(folder)).last_number("GGT") == ""


REFUSALS = [
    ("Lê Văn Tư", [],
     "Lỗi: Đoàn viên Lê Văn Tư chưa có sự kiện “Chuyển sinh hoạt đi”: ghi sự kiện đó "
     "(doancoso members event add … --kind \"Chuyển sinh hoạt đi\") rồi in giấy giới thiệu.\n"),
    ("Lê Văn Tư", ["--event", "00000000-0000-4000-8000-000000000000"],
     "Lỗi: Đoàn viên Lê Văn Tư chưa có sự kiện “Chuyển sinh hoạt đi”: ghi sự kiện đó "
     "(doancoso members event add … --kind \"Chuyển sinh hoạt đi\") rồi in giấy giới thiệu.\n"),
    ("Nguyễn Thị Như Ý", ["--date", "31/02/2025"],
     "Lỗi: Dữ liệu không hợp lệ:\n  --date: Ngày 31/02/2025 không có trên lịch.\n"),
]  # fmt: skip


@pytest.mark.parametrize(("member", "options", "message"), REFUSALS)
def test_a_refused_letter_writes_nothing(
    folder: str, tmp_path: Path, member: str, options: list[str], message: str
) -> None:
    target = tmp_path / "ggt.pdf"
    assert print_letter(folder, member, target, *options) == (1, "", message)
    assert not target.exists()


def test_an_event_not_a_transfer_out_of_the_member_is_refused(folder: str, tmp_path: Path) -> None:
    found = cli("members", "events", "Nguyễn Thị Như Ý", "--format", "json", "--data-dir", folder)
    came_back = next(e for e in found.json()["events"] if e["kind"] == "transfer_in")
    first, last = transfers(folder, "Nguyễn Thị Như Ý")
    target = tmp_path / "ggt.pdf"
    assert print_letter(folder, "Nguyễn Thị Như Ý", target, "--event", came_back["id"]) == (
        1, "",
        f"Lỗi: “{came_back['id']}” không phải một lần chuyển sinh hoạt đi của đoàn viên Nguyễn "
        f"Thị Như Ý; các lần chuyển sinh hoạt đi: 01/06/2022 (mã {first['id']}), 15/03/2025 (mã "
        f"{last['id']}).\n",
    )  # fmt: skip
    assert not target.exists()


def test_the_file_must_be_a_pdf(folder: str, tmp_path: Path) -> None:
    target = tmp_path / "ggt.txt"
    assert print_letter(folder, "Nguyễn Thị Như Ý", target) == (
        1, "", "Lỗi: Tệp PDF phải có đuôi .pdf: ggt.txt\n"
    )  # fmt: skip
    assert not target.exists()
