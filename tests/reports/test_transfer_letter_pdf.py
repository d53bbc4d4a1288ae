"""The transfer letter (giấy giới thiệu sinh hoạt Đoàn) of a transfer out, read back with pypdf:
the union's header, addressed to the receiving organisation, the member's particulars, the
dues and remarks recorded with the event, place and date, the Bí thư's signature."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from doancoso.core.errors import AppError
from doancoso.core.workspace import Workspace
from doancoso.reports.transfer_letter import NOT_A_TRANSFER, print_transfer_letter

REMARKS = "Nhiệt tình, gương mẫu trong các phong trào.\nHoàn thành tốt nhiệm vụ năm 2024."


@pytest.fixture
def an(ws: Workspace) -> str:
    branch = ws.branches.create("Chi đoàn ấp Tân Phú").id
    return ws.members.save({
        "full_name": "Nguyễn Thị Như Ý", "birth_date": "05/03/2001", "gender": "female",
        "hometown": "xã Tân Hưng, tỉnh Cà Mau", "admission_date": "26/03/2017",
        "admission_place": "Chi đoàn ấp Tân Phú", "card_number": "123456",
        "branch_id": branch, "position": "Bí thư",
    })  # fmt: skip


def test_the_letter_carries_the_member_dues_and_remarks(
    ws: Workspace, an: str, tmp_path: Path, read_pdf: Callable[[Path], Any]
) -> None:
    event_id = ws.events.record(
        an, "transfer_out", "15/03/2025", "12-QĐ/ĐTN", other_organization="Đoàn phường 5",
        dues_paid_until="03/2025", remarks=REMARKS,
    )  # fmt: skip
    path = print_transfer_letter(ws, an, event_id, tmp_path / "ggt.pdf", number="05-GGT/ĐTN",
                                 issued_on=date(2025, 3, 16))  # fmt: skip
    pdf = read_pdf(path)
    assert len(pdf.pages) == 1
    text = pdf.text()
    for expected in (
        "TỈNH ĐOÀN CÀ MAU",
        "BCH ĐOÀN XÃ TÂN HƯNG",
        "ĐOÀN TNCS HỒ CHÍ MINH",
        "Số: 05-GGT/ĐTN",
        "Tân Hưng, ngày 16 tháng 3 năm 2025",
        "GIẤY GIỚI THIỆU SINH HOẠT ĐOÀN",
        "Kính gửi: Đoàn phường 5",
        "Ban Chấp hành Đoàn xã Tân Hưng trân trọng giới thiệu:",
        "Đồng chí: NGUYỄN THỊ NHƯ Ý",
        "Giới tính: Nữ",
        "Sinh ngày: 05/03/2001",
        "Quê quán: xã Tân Hưng, tỉnh Cà Mau",
        "Ngày vào Đoàn: 26/03/2017",
        "Số thẻ đoàn viên: 123456",
        "Chức vụ trong Đoàn: Bí thư",
        "Sinh hoạt tại: Chi đoàn ấp Tân Phú, Đoàn xã Tân Hưng",
        "Được chuyển sinh hoạt Đoàn đến Đoàn phường 5 kể từ ngày 15/03/2025.",
        "Đã đóng đoàn phí đến hết tháng: 03/2025",
        "Nhận xét của tổ chức Đoàn:",
        "Nhiệt tình, gương mẫu trong các phong trào.",
        "Hoàn thành tốt nhiệm vụ năm 2024.",
        "TM. BAN CHẤP HÀNH",
        "BÍ THƯ",
        "Nguyễn Thị Như Quỳnh",
        "- Như trên;",
        "- Lưu VP.",
    ):
        assert expected in text, expected
    assert "Liberation" in "".join(pdf.fonts())
    assert "Trang" not in text  # a one-page letter carries no page number
    # The event's number is no decision: the letter, numbered at print, names none.
    assert "Quyết định" not in text and "12-QĐ/ĐTN" not in text


def test_the_number_recorded_with_the_transfer_is_the_letters_own(
    ws: Workspace, an: str, tmp_path: Path, read_pdf: Callable[[Path], Any]
) -> None:
    """The number of a "Chuyển sinh hoạt đi" is the letter's: printed as the letter's "Số:"
    in the header, as the union's letters carry it, when the print gives no number."""
    event_id = ws.events.record(an, "transfer_out", "15/03/2025", "07-GGT/ĐTN",
                                other_organization="Đoàn phường 5")  # fmt: skip
    text = read_pdf(print_transfer_letter(ws, an, event_id, tmp_path / "ggt.pdf")).text()
    assert "Số: 07-GGT/ĐTN" in text
    assert "Được chuyển sinh hoạt Đoàn đến Đoàn phường 5 kể từ ngày 15/03/2025.\n" in text
    assert "Quyết định" not in text
    blank = print_transfer_letter(ws, an, event_id, tmp_path / "tay.pdf", number="")
    assert "07-GGT/ĐTN" not in read_pdf(blank).text()  # left blank on purpose: by hand


def test_missing_dues_and_remarks_are_left_to_fill_in_by_hand(
    ws: Workspace, an: str, tmp_path: Path, read_pdf: Callable[[Path], Any]
) -> None:
    event_id = ws.events.record(an, "transfer_out", "15/03/2025",
                                other_organization="Đoàn phường 5")  # fmt: skip
    text = read_pdf(print_transfer_letter(ws, an, event_id, tmp_path / "ggt.pdf")).text()
    assert "Đã đóng đoàn phí đến hết tháng: ....." in text
    assert "Nhận xét của tổ chức Đoàn:\n....." in text
    assert "Số:" in text and "-GGT/ĐTN" in text  # a number to write by hand


def test_only_a_transfer_out_has_a_letter(ws: Workspace, an: str, tmp_path: Path) -> None:
    event_id = ws.events.record(an, "discipline", "15/03/2025", level="reprimand")
    with pytest.raises(AppError) as refused:
        print_transfer_letter(ws, an, event_id, tmp_path / "ggt.pdf")
    assert refused.value.message == NOT_A_TRANSFER
    assert not (tmp_path / "ggt.pdf").exists()


def test_a_birth_known_by_its_year_is_printed_as_the_year_of_birth(
    ws: Workspace, tmp_path: Path, read_pdf: Callable[[Path], Any]
) -> None:
    member = ws.members.save({"full_name": "Lê Văn Cường", "birth_date": "2001"})
    event_id = ws.events.record(member, "transfer_out", "15/03/2025",
                                other_organization="Đoàn phường 5")  # fmt: skip
    text = read_pdf(print_transfer_letter(ws, member, event_id, tmp_path / "ggt.pdf")).text()
    assert "Năm sinh: 2001" in text
    assert "Sinh ngày" not in text
