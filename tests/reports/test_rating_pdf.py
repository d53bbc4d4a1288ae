"""The printed rating: the summary by chi đoàn with counts and shares, the decision with its
annex, and the phiếu tự đánh giá one member per page (blank or pre-filled); the exact
Vietnamese lines, the pages, and every font embedded."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest

from doancoso.core.errors import AppError, ConflictError
from doancoso.core.workspace import Workspace
from doancoso.reports.rating import print_decision, print_summary
from doancoso.reports.rating_forms import print_forms

YEAR = 2025
FONTS = {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic",
         "LiberationSerif-BoldItalic"}  # fmt: skip


def _members(ws: Workspace, branch_id: str, numbers: range,
             rating: dict[str, object]) -> Iterator[int]:  # fmt: skip
    """Members "Lê An An", "Lê An Bảo"… (a given name for each digit of their number) of
    ``branch_id``, born 05/03/2000, admitted 01/01/2020, each rated ``rating`` in :data:`YEAR`:
    added one at a time, each number yielded once its member is saved and rated."""
    given = ("An", "Bảo", "Cảnh", "Danh", "Đức", "Giao", "Hải", "Khang", "Lâm", "Minh")
    for number in numbers:
        member = ws.members.save({"full_name": f"Lê {given[number // 10]} {given[number % 10]}",
                                  "birth_date": "05/03/2000", "branch_id": branch_id,
                                  "admission_date": "01/01/2020"})  # fmt: skip
        ws.rating.set(YEAR, member, rating)
        yield number


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def rated(ws: Workspace) -> Workspace:
    """Two chi đoàn: Tân Hưng with four rated members (one of each level), one not decided and
    one on temporary activity; Kênh Xáng with one member of level 2 (its year in 1999 only)."""
    one = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    two = ws.branches.create("Chi đoàn ấp Kênh Xáng").id

    def member(name: str, branch: str, birth: str = "05/03/2000", **extra: str) -> str:
        return ws.members.save({"full_name": name, "birth_date": birth, "branch_id": branch,
                                "admission_date": "01/01/2020", **extra})  # fmt: skip

    an = member("Nguyễn Văn An", one, position="Bí thư")
    binh = member("Trần Thị Bình", one, "20/11/2001")
    cuong = member("Lê Văn Cường", one)
    dung = member("Phạm Văn Dũng", one)
    em = member("Võ Thị Em", one)
    tam = member("Đỗ Văn Tạm", one)
    ws.events.record(tam, "temporary", "01/02/2025", home_organization="Đoàn phường 5",
                     period_start="01/02/2025")  # fmt: skip
    giang = member("Huỳnh Thị Giang", two, "1999")
    ws.rating.set(YEAR, an, {"participation": "95%", "training_result": "Xuất sắc",
                             "self_level": 1, "self_text": "Gương mẫu, nhiệt tình.\nCòn bận.",
                             "proposed_level": 1, "decided_level": 1,
                             "remark": "Tiêu biểu của chi đoàn."})  # fmt: skip
    ws.rating.set(YEAR, binh, {"participation": 80, "self_level": 2, "decided_level": 2})
    ws.rating.set(YEAR, cuong, {"participation": 60, "proposed_level": 2, "decided_level": 3})
    ws.rating.set(YEAR, dung, {"participation": 40, "decided_level": 4})
    ws.rating.set(YEAR, em, {"participation": 75, "proposed_level": 2})
    ws.rating.set(YEAR, giang, {"participation": "72,5", "decided_level": 2})
    ws.rating.set_branch_level(YEAR, one, 2, "Sinh hoạt đều đặn.")
    ws.rating.set_own_level(YEAR, "Hoàn thành tốt nhiệm vụ")
    return ws


def test_summary(rated: Workspace, tmp_path, read_pdf) -> None:
    rated.rating.close(YEAR)
    path = print_summary(rated, tmp_path / "tong-hop.pdf", YEAR, number="12-BC/ĐTN",
                         issued_on=dt.date(2025, 12, 20))  # fmt: skip
    pdf = read_pdf(path)
    text = _flat(pdf.text())
    for expected in (
        "TỈNH ĐOÀN CÀ MAU BCH ĐOÀN XÃ TÂN HƯNG *** ĐOÀN TNCS HỒ CHÍ MINH Số: 12-BC/ĐTN "
        "Tân Hưng, ngày 20 tháng 12 năm 2025 BÁO CÁO Tổng hợp kết quả đánh giá, xếp loại đoàn "
        "viên năm 2025",
        "Căn cứ kết quả đánh giá, xếp loại đoàn viên của các chi đoàn, Ban Chấp hành Đoàn xã Tân "
        "Hưng tổng hợp kết quả đánh giá, xếp loại đoàn viên năm 2025 như sau:",
        "I. KẾT QUẢ CHUNG",
        # STT, chi đoàn, members, rated, the four levels, undecided, not rated, its own level
        "1 Chi đoàn ấp Kênh Xáng 1 1 0 1 (100,0%) 0 0 0 0",
        "2 Chi đoàn ấp Tân Hưng 6 4 1 (25,0%) 1 (25,0%) 1 (25,0%) 1 (25,0%) 1 1 Hoàn thành tốt "
        "nhiệm vụ",
        "Toàn Đoàn cơ sở 7 5 1 (20,0%) 2 (40,0%) 1 (20,0%) 1 (20,0%) 1 1",
        "HTXSNV: Hoàn thành xuất sắc nhiệm vụ; HTTNV: Hoàn thành tốt nhiệm vụ; HTNV: Hoàn thành "
        "nhiệm vụ; KHTNV: Không hoàn thành nhiệm vụ. Tỉ lệ tính trên số đoàn viên được xếp loại.",
        "Đoàn xã Tân Hưng tự đánh giá, xếp loại năm 2025: Hoàn thành tốt nhiệm vụ.",
        "II. KẾT QUẢ XẾP LOẠI TỪNG CHI ĐOÀN",
        "1. Chi đoàn ấp Kênh Xáng",
        # the rate worded as every rate column, "Tỉ lệ (%)", its cells without the sign
        "STT Họ và tên Ngày sinh Tỉ lệ tham gia (%) Chi đoàn đề nghị Ban Chấp hành xếp loại Ghi "
        "chú 1 Huỳnh Thị Giang 1999 72,5 Hoàn thành tốt nhiệm vụ",
        "Cộng: 1 đoàn viên được xếp loại: Hoàn thành xuất sắc nhiệm vụ 0; Hoàn thành tốt nhiệm "
        "vụ 1 (100,0%); Hoàn thành nhiệm vụ 0; Không hoàn thành nhiệm vụ 0.",
        "2. Chi đoàn ấp Tân Hưng",
        "1 Nguyễn Văn An 05/03/2000 95,0 Hoàn thành xuất sắc nhiệm vụ Hoàn thành xuất sắc nhiệm "
        "vụ Tiêu biểu của chi đoàn.",
        "2 Trần Thị Bình 20/11/2001 80,0 Hoàn thành tốt nhiệm vụ",
        "3 Lê Văn Cường 05/03/2000 60,0 Hoàn thành tốt nhiệm vụ Hoàn thành nhiệm vụ",
        "4 Phạm Văn Dũng 05/03/2000 40,0 Không hoàn thành nhiệm vụ",
        "5 Võ Thị Em 05/03/2000 75,0 Hoàn thành tốt nhiệm vụ Chưa xếp loại",
        "6 Đỗ Văn Tạm 05/03/2000 Không xếp loại Sinh hoạt tạm: đơn vị gốc xếp loại, ở đây chỉ "
        "nhận xét.",
        "Cộng: 4 đoàn viên được xếp loại: Hoàn thành xuất sắc nhiệm vụ 1 (25,0%); Hoàn thành "
        "tốt nhiệm vụ 1 (25,0%); Hoàn thành nhiệm vụ 1 (25,0%); Không hoàn thành nhiệm vụ 1 "
        "(25,0%). Chưa xếp loại: 1; không xếp loại: 1.",
        "Chi đoàn được xếp loại: Hoàn thành tốt nhiệm vụ. Sinh hoạt đều đặn.",
        "Nơi nhận: - Tỉnh đoàn Cà Mau (b/c); - Lưu VP.",
        "TM. BAN CHẤP HÀNH BÍ THƯ Nguyễn Thị Như Quỳnh",
    ):
        assert expected in text, expected
    assert "đã chuyển đi" not in text  # no one left: no note
    assert "Kết quả tạm thời" not in text  # the round is closed
    assert set(pdf.fonts()) <= FONTS and all(pdf.fonts().values())
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)


def test_summary_shows_no_proposal_for_a_member_not_rated(
    rated: Workspace, tmp_path, read_pdf
) -> None:
    """A level proposed for a member the round does not rate (saved by a command, which
    warns) is not the round's: the summary prints none beside "Không xếp loại", as the page,
    the sheet and `rating list` show none."""
    (tam,) = [r for r in rated.rating.rows(YEAR) if r.full_name == "Đỗ Văn Tạm"]
    rated.rating.set(YEAR, tam.member_id, {"proposed_level": 2})
    text = _flat(read_pdf(print_summary(rated, tmp_path / "th.pdf", YEAR)).text())
    assert "6 Đỗ Văn Tạm 05/03/2000 Không xếp loại Sinh hoạt tạm: đơn vị gốc xếp loại" in text


def test_summary_of_one_chi_doan(rated: Workspace, tmp_path, read_pdf) -> None:
    branch = rated.branches.find("Chi đoàn ấp Kênh Xáng")
    assert branch is not None
    text = _flat(read_pdf(print_summary(rated, tmp_path / "th.pdf", YEAR, branch.id)).text())
    assert (
        "Tổng hợp kết quả đánh giá, xếp loại đoàn viên năm 2025 Chi đoàn ấp Kênh Xáng Kết quả tạm "
        "thời: đợt đánh giá, xếp loại năm 2025 chưa khóa sổ. Căn cứ kết quả" in text
    )  # the round is open: the paper says the results are not final
    assert "Căn cứ kết quả đánh giá, xếp loại đoàn viên của chi đoàn, Ban Chấp hành" in text
    assert "1 Huỳnh Thị Giang 1999 72,5 Hoàn thành tốt nhiệm vụ" in text
    assert "I. KẾT QUẢ CHUNG" not in text and "Nguyễn Văn An" not in text
    assert text.count("Chi đoàn ấp Kênh Xáng") == 1  # under the title only


def test_decision_with_its_annex(rated: Workspace, tmp_path, read_pdf) -> None:
    rated.rating.close(YEAR)
    path = print_decision(rated, tmp_path / "qd.pdf", YEAR, number="15-QĐ/ĐTN",
                          issued_on=dt.date(2025, 12, 22))  # fmt: skip
    pdf = read_pdf(path)
    first, annex = (_flat(t) for t in pdf.page_texts())
    for expected in (
        "Số: 15-QĐ/ĐTN Tân Hưng, ngày 22 tháng 12 năm 2025 QUYẾT ĐỊNH Về việc công nhận kết quả "
        "đánh giá, xếp loại đoàn viên năm 2025 BAN CHẤP HÀNH ĐOÀN XÃ TÂN HƯNG",
        "- Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh; - Căn cứ hướng dẫn của Trung ương Đoàn và của "
        "Tỉnh đoàn Cà Mau về đánh giá, xếp loại đoàn viên; - Xét kết quả đánh giá, xếp loại đoàn "
        "viên năm 2025 của các chi đoàn trực thuộc, QUYẾT ĐỊNH:",
        "Điều 1. Công nhận kết quả đánh giá, xếp loại đoàn viên năm 2025 đối với 5 đoàn viên (có "
        "danh sách kèm theo), cụ thể: - Hoàn thành xuất sắc nhiệm vụ: 1 đoàn viên (20,0%); - "
        "Hoàn thành tốt nhiệm vụ: 2 đoàn viên (40,0%); - Hoàn thành nhiệm vụ: 1 đoàn viên "
        "(20,0%); - Không hoàn thành nhiệm vụ: 1 đoàn viên (20,0%).",
        "Điều 2. Kết quả xếp loại được ghi vào sổ đoàn viên, là căn cứ để bình xét khen thưởng và "
        "giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp.",
        "Điều 3. Ban Chấp hành các chi đoàn trực thuộc và các đoàn viên có tên tại Điều 1 căn cứ "
        "Quyết định thi hành. Quyết định có hiệu lực kể từ ngày ký./.",
        "Nơi nhận: - Như Điều 3; - Tỉnh đoàn Cà Mau (b/c); - Lưu VP.",
        "TM. BAN CHẤP HÀNH BÍ THƯ Nguyễn Thị Như Quỳnh Trang 1/2",
    ):
        assert expected in first, expected
    assert annex == (
        "DANH SÁCH XẾP LOẠI ĐOÀN VIÊN NĂM 2025 (Kèm theo Quyết định số 15-QĐ/ĐTN ngày 22/12/2025 "
        "của Ban Chấp hành Đoàn xã Tân Hưng) STT Họ và tên Ngày sinh Chi đoàn Xếp loại "
        "1 Huỳnh Thị Giang 1999 Chi đoàn ấp Kênh Xáng Hoàn thành tốt nhiệm vụ "
        "2 Nguyễn Văn An 05/03/2000 Chi đoàn ấp Tân Hưng Hoàn thành xuất sắc nhiệm vụ "
        "3 Trần Thị Bình 20/11/2001 Chi đoàn ấp Tân Hưng Hoàn thành tốt nhiệm vụ "
        "4 Lê Văn Cường 05/03/2000 Chi đoàn ấp Tân Hưng Hoàn thành nhiệm vụ "
        "5 Phạm Văn Dũng 05/03/2000 Chi đoàn ấp Tân Hưng Không hoàn thành nhiệm vụ Trang 2/2"
    )
    # A chi đoàn's usual name and the longest level each on one line (one line a member).
    assert "\nChi đoàn ấp Kênh Xáng\nHoàn thành tốt nhiệm vụ\n" in pdf.page_texts()[1]
    assert "\nChi đoàn ấp Tân Hưng\nHoàn thành xuất sắc nhiệm vụ\n" in pdf.page_texts()[1]
    assert set(pdf.fonts()) <= FONTS and all(pdf.fonts().values())


def test_no_decision_of_a_round_still_open(rated: Workspace, tmp_path, read_pdf) -> None:
    """A decision is signed and sealed: while the round is open (or once reopened) its levels
    may still change, so it is refused, for the organisation and for a chi đoàn, and no file
    is written; the summary of the same round prints, marked provisional."""
    one = next(b.id for b in rated.branches.list() if b.name == "Chi đoàn ấp Tân Hưng")
    refusal = (
        "Đợt xếp loại năm 2025 đang mở, các mức xếp loại còn thay đổi được: hãy kết thúc đợt "
        "xếp loại năm 2025 trước khi in quyết định công nhận kết quả."
    )
    for branch in (None, one):
        with pytest.raises(ConflictError) as caught:
            print_decision(rated, tmp_path / "qd.pdf", YEAR, branch, number="15-QĐ/ĐTN")
        assert caught.value.message == refusal
        assert not (tmp_path / "qd.pdf").exists()
    summary = _flat(read_pdf(print_summary(rated, tmp_path / "th.pdf", YEAR)).text())
    assert "Kết quả tạm thời: đợt đánh giá, xếp loại năm 2025 chưa khóa sổ." in summary
    rated.rating.close(YEAR)
    text = _flat(read_pdf(print_decision(rated, tmp_path / "qd.pdf", YEAR)).text())
    assert "QUYẾT ĐỊNH Về việc công nhận kết quả đánh giá, xếp loại đoàn viên năm 2025" in text
    assert "tạm thời" not in text
    rated.rating.reopen(YEAR)
    with pytest.raises(ConflictError) as caught:
        print_decision(rated, tmp_path / "qd-2.pdf", YEAR)
    assert caught.value.message == refusal
    assert not (tmp_path / "qd-2.pdf").exists()


def test_no_decision_without_decided_levels(ws: Workspace, tmp_path) -> None:
    branch = ws.branches.create("Chi đoàn ấp 1").id
    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000",
                     "branch_id": branch, "admission_date": "01/01/2020"})  # fmt: skip
    ws.rating.open(YEAR)  # a round, none decided in it
    with pytest.raises(AppError) as caught:
        print_decision(ws, tmp_path / "qd.pdf", YEAR)
    assert caught.value.message == (
        "Chưa có đoàn viên nào được Ban Chấp hành quyết định mức xếp loại năm 2025."
    )
    assert not (tmp_path / "qd.pdf").exists()


def test_forms_one_member_per_page(rated: Workspace, tmp_path, read_pdf) -> None:
    branch = rated.branches.find("Chi đoàn ấp Tân Hưng")
    assert branch is not None
    pdf = read_pdf(print_forms(rated, tmp_path / "phieu.pdf", YEAR, branch.id))
    pages = [_flat(t) for t in pdf.page_texts()]
    names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Văn Dũng", "Võ Thị Em",
             "Đỗ Văn Tạm"]  # fmt: skip
    assert len(pages) == 6
    for page, name in zip(pages, names, strict=True):
        assert f"Họ và tên: {name};" in page and page.endswith(f"(Ký, ghi rõ họ tên) {name}")
    head, tail = pages[0].split(" III. NHẬN XÉT, ĐỀ NGHỊ CỦA CHI ĐOÀN")
    assert head == (
        "ĐOÀN XÃ TÂN HƯNG CHI ĐOÀN ẤP TÂN HƯNG *** ĐOÀN TNCS HỒ CHÍ MINH Tân Hưng, ngày ...... "
        "tháng ...... năm ........... PHIẾU TỰ ĐÁNH GIÁ, XẾP LOẠI ĐOÀN VIÊN Năm 2025 Họ và tên: "
        "Nguyễn Văn An; ngày sinh: 05/03/2000 Chi đoàn: Chi đoàn ấp Tân Hưng; chức vụ: Bí thư "
        "I. TỰ NHẬN XÉT (Ưu điểm, khuyết điểm về tư tưởng chính trị, đạo đức, lối sống; thực "
        "hiện nhiệm vụ học tập, lao động, công tác; tham gia sinh hoạt, hoạt động Đoàn và ở nơi "
        "cư trú) Gương mẫu, nhiệt tình. Còn bận. Tham gia sinh hoạt, hoạt động Đoàn trong năm: "
        "95,0% Kết quả chương trình rèn luyện đoàn viên: Xuất sắc II. TỰ XẾP LOẠI ■ Hoàn thành "
        "xuất sắc nhiệm vụ □ Hoàn thành tốt nhiệm vụ □ Hoàn thành nhiệm vụ □ Không hoàn thành "
        "nhiệm vụ"
    )
    assert re.fullmatch(
        r" (\.{20,} ){3}Chi đoàn đề nghị xếp loại: \.{20,} IV\. XẾP LOẠI CỦA BAN CHẤP HÀNH ĐOÀN "
        r"CƠ SỞ Nhận xét: \.{20,} Xếp loại: \.{20,} TM\. BCH CHI ĐOÀN BÍ THƯ \(Ký, ghi rõ họ "
        r"tên\) NGƯỜI TỰ ĐÁNH GIÁ \(Ký, ghi rõ họ tên\) Nguyễn Văn An",
        tail,
    )
    assert "■ Hoàn thành tốt nhiệm vụ" in pages[1]  # Bình's own level
    assert "Kết quả chương trình rèn luyện đoàn viên: ....." in pages[1]
    assert "■" not in pages[2]  # Cường gave no level
    assert set(pdf.fonts()) <= FONTS and all(pdf.fonts().values())
    # What every form shares is drawn once and placed by reference on each page.
    shared = [set(page["/Resources"]["/XObject"]) for page in pdf.pages]
    # Seven: Tạm (on temporary activity, not rated) has his own heading and remarks part.
    assert len(set.union(*shared)) == 7 and all(len(names) >= 4 for names in shared)


def test_a_chi_doans_forms_name_a_formally_named_organisation_as_its_documents_do(
    rated: Workspace, tmp_path, read_pdf
) -> None:
    """The chi đoàn's phiếu named the Đoàn cơ sở above it by the whole of a formal name
    ("ĐOÀN TNCS HỒ CHÍ MINH XÃ TÂN HƯNG, HUYỆN CÁI NƯỚC, TỈNH CÀ MAU", over four lines): it
    names it as the Đoàn cơ sở's own documents and the chi đoàn's minutes do."""
    from dataclasses import replace

    org = rated.organization.get()
    assert org is not None
    formal = "Đoàn TNCS Hồ Chí Minh xã Tân Hưng, huyện Cái Nước, tỉnh Cà Mau"
    rated.organization.update(replace(org, name=formal))
    branch = rated.branches.find("Chi đoàn ấp Tân Hưng")
    assert branch is not None
    pdf = read_pdf(print_forms(rated, tmp_path / "phieu.pdf", YEAR, branch.id))
    assert _flat(pdf.page_texts()[0]).startswith(
        "ĐOÀN XÃ TÂN HƯNG CHI ĐOÀN ẤP TÂN HƯNG *** ĐOÀN TNCS HỒ CHÍ MINH Tân Hưng, ngày"
    )


def test_blank_forms_leave_the_self_assessment_to_write(rated: Workspace, tmp_path,
                                                        read_pdf) -> None:  # fmt: skip
    pdf = read_pdf(print_forms(rated, tmp_path / "phieu.pdf", YEAR, blank=True))
    pages = [_flat(t) for t in pdf.page_texts()]
    assert [re.search(r"Họ và tên: ([^;]+);", p).group(1) for p in pages] == [  # type: ignore[union-attr]
        "Huỳnh Thị Giang", "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Văn Dũng",
        "Võ Thị Em", "Đỗ Văn Tạm",
    ]  # fmt: skip
    assert "Huỳnh Thị Giang; ngày sinh: 1999 Chi đoàn: Chi đoàn ấp Kênh Xáng" in pages[0]
    assert "Gương mẫu" not in pages[1] and "■" not in " ".join(pages)
    assert re.search(
        r"nơi cư trú\) (\.{20,} ){6}Tham gia sinh hoạt, hoạt động Đoàn trong năm: 95,0% Kết "
        r"quả chương trình rèn luyện đoàn viên: Xuất sắc",
        pages[1],
    )


def test_a_long_self_assessment_stays_on_its_page(rated: Workspace, tmp_path, read_pdf) -> None:
    branch = rated.branches.find("Chi đoàn ấp Kênh Xáng")
    assert branch is not None
    giang = rated.rating.rows(YEAR, branch.id)[0].member_id
    long_text = "\n".join(f"Dòng {i}: tham gia đầy đủ các hoạt động." for i in range(40))
    rated.rating.set(YEAR, giang, {"self_text": long_text, "self_level": 2})
    pdf = read_pdf(print_forms(rated, tmp_path / "phieu.pdf", YEAR, branch.id))
    (page,) = pdf.page_texts()
    assert "Dòng 0: tham gia đầy đủ các hoạt động.\n Dòng 1:" in page  # lines kept
    assert "Dòng 39: tham gia đầy đủ" in page and page.rstrip().endswith("Huỳnh Thị Giang")
    # A name of several lines in the header and on the form leaves less room: still one page.
    rated.branches.rename(branch.id, "Chi đoàn khóm 5 (sáp nhập từ khóm 5, khóm 6 và khóm 7 "
                                     "cũ) thuộc phường Tân Thành, tỉnh Cà Mau")  # fmt: skip
    pdf = read_pdf(print_forms(rated, tmp_path / "phieu.pdf", YEAR, branch.id))
    (page,) = pdf.page_texts()
    assert "Dòng 39: tham gia đầy đủ" in page and page.rstrip().endswith("Huỳnh Thị Giang")


def test_participation_from_attendance_on_the_form(ws: Workspace, tmp_path, read_pdf) -> None:
    branch = ws.branches.create("Chi đoàn ấp 1").id
    member = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000",
                              "branch_id": branch, "admission_date": "01/01/2020"})  # fmt: skip
    for month in (1, 2, 3, 4):
        day = dt.date(YEAR, month, 10)
        ws.activities.save({"title": f"Sinh hoạt tháng {month}", "kind": "sinh-hoat",
                            "start_date": f"{day:%d/%m/%Y}"})  # fmt: skip
        (occurrence,) = ws.activities.occurrences(day, day)
        ws.attendance.save(occurrence.id, {member: ("present" if month < 4 else "absent", None)})
    (page,) = read_pdf(print_forms(ws, tmp_path / "phieu.pdf", YEAR)).page_texts()
    assert "Tham gia sinh hoạt, hoạt động Đoàn trong năm: 3/4 buổi (75,0%)" in page
    assert "Chi đoàn: Chi đoàn ấp 1; ngày" not in page


def test_the_summary_says_who_it_counts_and_how_many_left(
    rated: Workspace, tmp_path, read_pdf
) -> None:
    """The round counts everyone rated in the year: more than the roster once some left."""
    dung, em = [m.id for m in rated.members.list() if m.full_name in ("Phạm Văn Dũng",
                                                                        "Võ Thị Em")]  # fmt: skip
    rated.events.record(dung, "transfer_out", "01/11/2025", other_organization="Đoàn xã Khác")
    rated.events.record(em, "struck_off", "15/11/2025")
    pdf = read_pdf(print_summary(rated, tmp_path / "tong-hop.pdf", YEAR))
    text = _flat(pdf.text())
    assert "STT Chi đoàn Số đoàn viên thuộc đợt xếp loại Được xếp loại" in text
    assert "Toàn Đoàn cơ sở 7 4 " in text  # those who left are still of the round
    assert (
        "Tỉ lệ tính trên số đoàn viên được xếp loại. Gồm 2 đoàn viên đã chuyển đi, trưởng thành "
        "hoặc bị xóa tên trong năm." in text
    )


def test_a_member_who_left_after_the_year_is_not_counted_as_left_in_it(
    rated: Workspace, tmp_path, read_pdf
) -> None:
    """The 2025 summary printed in 2026: a member who moved away in January 2026 was on the
    roster all of 2025 and is rated there; the note of those who left "trong năm" omits him."""
    dung = next(m.id for m in rated.members.list() if m.full_name == "Phạm Văn Dũng")
    rated.events.record(dung, "transfer_out", "15/01/2026", other_organization="Đoàn xã Khác")
    pdf = read_pdf(print_summary(rated, tmp_path / "tong-hop.pdf", YEAR))
    text = _flat(pdf.text())
    assert "Toàn Đoàn cơ sở 7 5 " in text
    assert "đã chuyển đi" not in text


def test_a_chi_doan_without_members_in_the_round_prints_none_of_the_others(
    rated: Workspace, tmp_path, read_pdf
) -> None:
    """A chi đoàn set up after the year (no member of the round): its decision is refused and
    its summary counts nobody; neither takes the whole organisation's figures as its own."""
    new = rated.branches.create("Chi đoàn ấp Mới").id
    with pytest.raises(AppError) as caught:
        print_decision(rated, tmp_path / "qd.pdf", YEAR, new)
    assert caught.value.message == (
        "Chưa có đoàn viên nào được Ban Chấp hành quyết định mức xếp loại năm 2025."
    )
    assert not (tmp_path / "qd.pdf").exists()
    text = _flat(read_pdf(print_summary(rated, tmp_path / "th.pdf", YEAR, new)).text())
    assert "Cộng: 0 đoàn viên được xếp loại." in text
    assert "Nguyễn Văn An" not in text and "Hoàn thành xuất sắc nhiệm vụ 1" not in text


def test_the_last_chi_doans_heading_never_ends_a_page(rated: Workspace, tmp_path,
                                                      read_pdf) -> None:  # fmt: skip
    """The last chi đoàn of the summary with one member: however far down the page its
    heading falls, it is not left alone at the foot of the page when its one row goes over
    to the next page with the signature."""
    xom_moi = rated.branches.create("Chi đoàn ấp Xóm Mới").id
    last = rated.members.save({"full_name": "Trương Văn Út", "birth_date": "05/03/2000",
                               "branch_id": xom_moi, "admission_date": "01/01/2020"})  # fmt: skip
    rated.rating.set(YEAR, last, {"participation": 90, "decided_level": 2})
    kenh_xang = rated.branches.find("Chi đoàn ấp Kênh Xáng")
    assert kenh_xang is not None
    for count in _members(rated, kenh_xang.id, range(1, 30), {"participation": 80,
                                                               "decided_level": 2}):  # fmt: skip
        if count < 5:
            continue
        path = print_summary(rated, tmp_path / f"{count}.pdf", YEAR)
        for text in read_pdf(path).page_texts():
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            assert lines[-2] != "3. Chi đoàn ấp Xóm Mới", count  # the last: "Trang n/N"


def test_a_member_not_rated_gets_a_form_without_levels(
    rated: Workspace, tmp_path, read_pdf
) -> None:
    """Đỗ Văn Tạm is on temporary activity here: his home organisation rates him, this one only
    gives remarks. His form ticks no level (not the one saved for him), offers none to tick,
    and says why; a member who left during the year gets no form at all."""
    (tam,) = [r for r in rated.rating.rows(YEAR) if r.full_name == "Đỗ Văn Tạm"]
    rated.rating.set(YEAR, tam.member_id, {"self_level": 1, "self_text": "Tích cực."})
    dung = next(m.id for m in rated.members.list() if m.full_name == "Phạm Văn Dũng")
    rated.events.record(dung, "transfer_out", "01/11/2025", other_organization="Đoàn xã Khác")
    branch = rated.branches.find("Chi đoàn ấp Tân Hưng")
    assert branch is not None
    pdf = read_pdf(print_forms(rated, tmp_path / "phieu.pdf", YEAR, branch.id))
    pages = [_flat(t) for t in pdf.page_texts()]
    names = [re.search(r"Họ và tên: ([^;]+);", p).group(1) for p in pages]  # type: ignore[union-attr]
    assert names == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Võ Thị Em", "Đỗ Văn Tạm"]
    page = pages[-1]
    assert "Tích cực." in page  # his remarks are still written
    assert "■" not in page and "□" not in page and "Xếp loại:" not in page
    assert "đề nghị xếp loại" not in page
    assert (
        "II. XẾP LOẠI Không xếp loại năm 2025: Sinh hoạt tạm: đơn vị gốc xếp loại, ở đây chỉ "
        "nhận xét." in page
    )
    assert re.search(r"III\. NHẬN XÉT CỦA CHI ĐOÀN (\.{20,} ){3}IV\. NHẬN XÉT CỦA BAN CHẤP "
                     r"HÀNH ĐOÀN CƠ SỞ Nhận xét: \.{20,} TM\. BCH CHI ĐOÀN", page)  # fmt: skip
    assert "■ Hoàn thành tốt nhiệm vụ" in pages[1]  # the rated keep their boxes


def test_printing_a_year_without_a_round_opens_none(rated: Workspace, tmp_path, read_pdf) -> None:
    """A print is no write: the summary and the decision of a year whose round was never
    opened (a year mistyped, or not rated yet) are refused, as `rating close` refuses it,
    and no round is made; the forms, handed out before the round, print and open none."""
    for write in (print_summary, print_decision):
        with pytest.raises(AppError) as caught:
            write(rated, tmp_path / "x.pdf", 2024)
        assert caught.value.message == "Chưa có đợt xếp loại năm 2024."
        assert not (tmp_path / "x.pdf").exists()
    pdf = read_pdf(print_forms(rated, tmp_path / "phieu.pdf", 2024, blank=True))
    assert "Năm 2024" in pdf.page_texts()[0]
    assert rated.rating.round(2024) is None and rated.rating.round_years() == [YEAR]


def test_a_chi_doans_total_line_never_starts_a_page(rated: Workspace, tmp_path,
                                                    read_pdf) -> None:  # fmt: skip
    """The first chi đoàn of the summary grows member by member: when its table ends at the
    foot of a page, its "Cộng:" line goes over with the table's last row, never alone at the
    top of the next page where the reader cannot tell whose total it is."""
    kenh_xang = rated.branches.find("Chi đoàn ấp Kênh Xáng")
    assert kenh_xang is not None
    for count in _members(rated, kenh_xang.id, range(1, 25), {"participation": 80,
                                                               "decided_level": 2}):  # fmt: skip
        if count < 16:
            continue
        path = print_summary(rated, tmp_path / f"{count}.pdf", YEAR)
        for text in read_pdf(path).page_texts()[1:]:
            first = next(line.strip() for line in text.splitlines() if line.strip())
            assert not first.startswith("Cộng:"), count


def test_a_remark_takes_two_lines_not_three(ws: Workspace, tmp_path, read_pdf) -> None:
    """A usual remark (about 95 mm of text) is set on two lines in the "Ghi chú" column, the
    levels each on one: 40 members so remarked print on 5 pages, not 7 (the demo's 283 on 17,
    not 20; one page more was the heading "II." alone)."""
    branch = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    list(_members(ws, branch, range(40), {"participation": 95, "proposed_level": 1,
                                          "decided_level": 1, "remark": "Tham gia đầy đủ sinh "
                                          "hoạt, hoàn thành tốt nhiệm vụ được giao."}))  # fmt: skip
    pdf = read_pdf(print_summary(ws, tmp_path / "th.pdf", YEAR))
    assert len(pdf.pages) == 5
    lines = [line.strip() for line in pdf.text().splitlines()]  # a cell's line a line
    row = lines.index("Lê An An")
    assert lines[row : row + 7] == [
        "Lê An An", "05/03/2000", "95,0", "Hoàn thành xuất sắc nhiệm vụ",
        "Hoàn thành xuất sắc nhiệm vụ", "Tham gia đầy đủ sinh hoạt, hoàn",
        "thành tốt nhiệm vụ được giao.",
    ]  # fmt: skip


def test_an_ordinary_long_name_takes_one_line_in_the_summary(
    ws: Workspace, tmp_path, read_pdf
) -> None:
    """ "Nguyễn Hoàng Phương Quỳnh" (25 letters) was set on two lines in the summary's
    "Họ và tên", making her row twice as tall as the others."""
    branch = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    member = ws.members.save({"full_name": "Nguyễn Hoàng Phương Quỳnh", "branch_id": branch,
                              "birth_date": "28/12/2005",
                              "admission_date": "01/01/2022"})  # fmt: skip
    ws.rating.set(YEAR, member, {"participation": 100, "proposed_level": 1, "decided_level": 1,
                                 "remark": "Tham gia đầy đủ sinh hoạt, hoàn thành tốt nhiệm vụ "
                                 "được giao."})  # fmt: skip
    lines = [line.strip() for line in read_pdf(print_summary(ws, tmp_path / "th.pdf", YEAR))
             .text().splitlines()]  # fmt: skip
    row = lines.index("Nguyễn Hoàng Phương Quỳnh")
    assert lines[row : row + 7] == [
        "Nguyễn Hoàng Phương Quỳnh", "28/12/2005", "100,0", "Hoàn thành xuất sắc nhiệm vụ",
        "Hoàn thành xuất sắc nhiệm vụ", "Tham gia đầy đủ sinh hoạt, hoàn",
        "thành tốt nhiệm vụ được giao.",
    ]  # fmt: skip


def test_an_ordinary_long_name_takes_one_line_in_the_decisions_list(
    ws: Workspace, tmp_path, read_pdf
) -> None:
    branch = ws.branches.create("Chi đoàn ấp Thạnh Điền").id
    member = ws.members.save({"full_name": "Nguyễn Hoàng Phương Quỳnh", "branch_id": branch,
                              "birth_date": "28/12/2005",
                              "admission_date": "01/01/2022"})  # fmt: skip
    ws.rating.set(YEAR, member, {"decided_level": 1})
    ws.rating.close(YEAR)
    annex = read_pdf(print_decision(ws, tmp_path / "qd.pdf", YEAR)).page_texts()[1]
    lines = [line.strip() for line in annex.splitlines()]
    row = lines.index("Nguyễn Hoàng Phương Quỳnh")
    assert lines[row - 1 : row + 4] == [
        "1", "Nguyễn Hoàng Phương Quỳnh", "28/12/2005", "Chi đoàn ấp Thạnh Điền",
        "Hoàn thành xuất sắc nhiệm vụ",
    ]  # fmt: skip


def test_the_last_chi_doans_long_table_starts_where_there_is_room(
    ws: Workspace, tmp_path, read_pdf
) -> None:
    """The last chi đoàn's table of 40 rows is not pushed whole to a new page: it starts under
    the previous chi đoàn's total (not leaving half a page blank), and for an organisation of
    one chi đoàn the heading "II. …" is not left alone on its page."""

    def members(branch: str, count: int) -> None:
        list(_members(ws, branch, range(count), {"participation": 95, "decided_level": 2}))

    members(ws.branches.create("Chi đoàn ấp Tân Hưng").id, 40)
    pages = read_pdf(print_summary(ws, tmp_path / "one.pdf", YEAR)).page_texts()
    assert "II. KẾT QUẢ XẾP LOẠI TỪNG CHI ĐOÀN\n1. Chi đoàn ấp Tân Hưng\n" in pages[1]
    members(ws.branches.create("Chi đoàn ấp Kênh Xáng").id, 5)
    pages = read_pdf(print_summary(ws, tmp_path / "two.pdf", YEAR)).page_texts()
    (page,) = [p for p in pages if "Cộng: 5 đoàn viên" in p]
    assert "2. Chi đoàn ấp Tân Hưng" in page


def test_the_summary_says_on_what_a_transferred_in_member_is_rated(
    rated: Workspace, tmp_path, read_pdf
) -> None:
    """A member transferred in during October is rated on the previous organisation's remarks:
    the summary counts the member among those rated and its "Ghi chú" says so after the
    remark."""
    branch = rated.branches.find("Chi đoàn ấp Kênh Xáng")
    assert branch is not None
    hoa = rated.members.save({"full_name": "Phan Văn Đến", "birth_date": "05/03/2000",
                              "branch_id": branch.id})  # fmt: skip
    rated.events.record(hoa, "transfer_in", "01/10/2025", other_organization="Đoàn xã Tân Phú")
    rated.rating.set(YEAR, hoa, {"decided_level": 2, "remark": "Tích cực."})
    text = _flat(read_pdf(print_summary(rated, tmp_path / "th.pdf", YEAR)).text())
    assert (
        "Phan Văn Đến 05/03/2000 Hoàn thành tốt nhiệm vụ Tích cực. Chuyển đến ngày 01/10/2025 "
        "(từ Đoàn xã Tân Phú): xếp loại căn cứ nhận xét của đơn vị cũ." in text
    )
    kenh_xang = text.split("Phan Văn Đến")[1].split("Cộng:")[1].split("2. Chi đoàn")[0]
    assert kenh_xang.startswith(" 2 đoàn viên được xếp loại:")
    assert "Hoàn thành tốt nhiệm vụ 2 (100,0%)" in kenh_xang and "không xếp loại" not in kenh_xang


def test_the_form_of_a_transferred_in_member_says_on_what_he_is_rated(
    rated: Workspace, tmp_path, read_pdf
) -> None:
    """The phiếu of a member transferred in during October says, under his figures, that the
    rating rests on the previous organisation's remarks; he still gets the levels to tick."""
    branch = rated.branches.find("Chi đoàn ấp Kênh Xáng")
    assert branch is not None
    came = rated.members.save({"full_name": "Phan Văn Đến", "birth_date": "05/03/2000",
                               "branch_id": branch.id})  # fmt: skip
    rated.events.record(came, "transfer_in", "01/10/2025", other_organization="Đoàn xã Tân Phú")
    pdf = read_pdf(print_forms(rated, tmp_path / "phieu.pdf", YEAR, branch.id))
    pages = {
        name: page
        for page in (_flat(t) for t in pdf.page_texts())
        for name in ("Huỳnh Thị Giang", "Phan Văn Đến")
        if f"Họ và tên: {name};" in page
    }
    assert re.search(
        r"Kết quả chương trình rèn luyện đoàn viên: \.+ Chuyển đến ngày 01/10/2025 \(từ Đoàn xã "
        r"Tân Phú\): xếp loại căn cứ nhận xét của đơn vị cũ\. II\. TỰ XẾP LOẠI □ Hoàn thành xuất",
        pages["Phan Văn Đến"],
    )
    assert "Chuyển đến" not in pages["Huỳnh Thị Giang"] and len(pdf.pages) == 2


def test_the_annex_of_a_decision_without_a_number_leaves_its_number_to_write(
    rated: Workspace, tmp_path, read_pdf
) -> None:
    """A decision printed before the office gives it a number: its heading leaves room for the
    digits ("Số:          -QĐ/ĐTN"), and the annex names it the same way, to be filled in by
    the same hand."""
    rated.rating.close(YEAR)
    path = print_decision(rated, tmp_path / "qd.pdf", YEAR, issued_on=dt.date(2025, 12, 22))
    first, annex = read_pdf(path).page_texts()
    blank = " " * 10  # room for the digits (no-break spaces, read back as spaces)
    assert f"Số:{blank}-QĐ/ĐTN" in first
    lines = re.sub(r" *\n *", "\n", annex).splitlines()
    assert " ".join(lines[1:3]) == (
        f"(Kèm theo Quyết định số{blank}-QĐ/ĐTN ngày 22/12/2025 của Ban Chấp hành Đoàn xã Tân Hưng)"
    ), lines[:4]
