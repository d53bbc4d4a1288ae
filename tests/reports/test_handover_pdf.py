"""The handover record (biên bản bàn giao dữ liệu): who hands over to whom, the counts named in
Vietnamese, the evidence files, the bundle's name and SHA-256 in groups, both signatures."""

from __future__ import annotations

from datetime import date
from typing import Any

from doancoso.core.evidence.service import ListedFile
from doancoso.core.organization import OrganizationInfo
from doancoso.reports.handover import (
    HandoverRecord,
    Party,
    ordered_counts,
    print_handover,
    sha256_groups,
    sha256_lines,
    size_text,
)

MM = 72 / 25.4
DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
ORG = OrganizationInfo(
    name="Đoàn xã Tân Hưng",
    superior_name="Tỉnh đoàn Cà Mau",
    commune="Tân Hưng",
    province="Cà Mau",
    secretary_name="Nguyễn Văn An",
)


def _record(**changes: Any) -> HandoverRecord:
    values: dict[str, Any] = dict(
        org=ORG,
        giver=Party("Nguyễn Văn An", "Bí thư Đoàn xã nhiệm kỳ 2022–2027"),
        receiver=Party("Trần Thị Bích", "Bí thư Đoàn xã"),
        handed_on=date(2026, 12, 4),
        counts={
            "members": 1312,
            "branches": 8,
            "youths": 540,
            "attendance": 4210,
            "plans": 3,
            "ratings": 300,
            "checklist_answers": 21,
        },  # fmt: skip
        evidence_files=124,
        evidence_bytes=52_345_678,
        file_name="doancoso-doan-xa-tan-hung-ban-giao-04-12-2026.dcs",
        sha256=DIGEST,
        file_size=60_000_000,
    )
    values.update(changes)
    return HandoverRecord(**values)


def _lines(pdf) -> list[str]:
    return [line.strip() for line in pdf.text().splitlines() if line.strip()]


def test_the_handover_record_says_who_what_and_the_bundles_digest(tmp_path, read_pdf):
    pdf = read_pdf(print_handover(_record(), tmp_path / "bb.pdf"))
    lines = _lines(pdf)
    expected = [
        "TỈNH ĐOÀN CÀ MAU",
        "BCH ĐOÀN XÃ TÂN HƯNG",
        "ĐOÀN TNCS HỒ CHÍ MINH",
        "Tân Hưng, ngày 04 tháng 12 năm 2026",
        "BIÊN BẢN BÀN GIAO DỮ LIỆU",
        "của Đoàn xã Tân Hưng",
        "Hôm nay, ngày 04 tháng 12 năm 2026, tại Tân Hưng, chúng tôi gồm:",
        "I. BÊN GIAO",
        "- Đồng chí: Nguyễn Văn An",
        "- Chức vụ: Bí thư Đoàn xã nhiệm kỳ 2022–2027",
        "II. BÊN NHẬN",
        "- Đồng chí: Trần Thị Bích",
        "- Chức vụ: Bí thư Đoàn xã",
        "III. ĐẠI DIỆN ĐOÀN CẤP TRÊN (NẾU CÓ)",
        "IV. NỘI DUNG BÀN GIAO",
        "STT",
        "Tệp minh chứng: 124 tệp, tổng dung lượng 49,9 MB.",
        "- Tên tệp: doancoso-doan-xa-tan-hung-ban-giao-04-12-2026.dcs",
        "- Dung lượng: 57,2 MB",
        "- Mã kiểm tra SHA-256 (đọc theo từng nhóm 4 ký tự):",
        "9F86 D081 884C 7D65 9A2F EAA0 C55A D015",
        "A3BF 4F1B 2B0B 822C D15D 6C15 B0F0 0A08",
        "V. CAM KẾT",
        "BÊN GIAO",
        "BÊN NHẬN",
        "ĐẠI DIỆN ĐOÀN CẤP TRÊN (nếu có)",
    ]
    positions = [lines.index(line) for line in expected]
    assert positions == sorted(positions)
    start = lines.index("STT")
    assert lines[start : start + 27] == [
        "STT", "Loại dữ liệu", "Số lượng",
        "1", "Chi đoàn", "8",
        "2", "Đoàn viên", "1.312",
        "3", "Thanh niên", "540",
        "4", "Kế hoạch", "3",
        "5", "Điểm danh", "4.210",
        "6", "Xếp loại đoàn viên", "300",
        "7", "Đánh giá tiêu chí", "21",
        "8", "Tệp minh chứng (ảnh, văn bản scan)", "124",
    ]  # fmt: skip
    text = " ".join(lines)
    assert (
        "Dữ liệu có thông tin cá nhân của đoàn viên, thanh niên: các bên có trách nhiệm bảo vệ "
        "theo Nghị định số 13/2023/NĐ-CP. Sau khi xuất tệp bàn giao, dữ liệu vẫn còn trên máy "
        "tính của bên giao (phần mềm không tự xóa); bên giao cam kết không sử dụng, không cung "
        "cấp cho người khác và xóa các bản sao dữ liệu cá nhân còn giữ (thư mục dữ liệu của phần "
        "mềm doancoso, các bản sao lưu, các tệp đã xuất ra USB) sau khi bên nhận đã nhận đủ dữ "
        "liệu."
    ) in text
    assert "không lưu giữ" not in text
    assert "Biên bản được lập thành 02 bản có giá trị như nhau, mỗi bên giữ 01 bản." in text
    assert "Nơi nhận:" not in text
    last = len(pdf.pages) - 1
    runs = {run.text: run for run in pdf.runs(last)}
    giver, receiver = runs["BÊN GIAO"], runs["BÊN NHẬN"]
    assert abs(giver.y - receiver.y) < 1 and receiver.x > giver.x + 60 * MM
    assert runs["Nguyễn Văn An"].y < giver.y - 20 * MM  # room to sign above the name
    assert runs["Trần Thị Bích"].y < receiver.y - 20 * MM
    fonts = pdf.fonts()
    assert fonts and all(fonts.values())
    assert set(fonts) <= {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic",
                          "LiberationSerif-BoldItalic"}  # fmt: skip
    assert pdf.reader.metadata.title == "Biên bản bàn giao dữ liệu – Đoàn xã Tân Hưng – 04/12/2026"


def test_names_left_empty_print_dotted_blanks_and_unknown_tables_are_kept(tmp_path, read_pdf):
    record = _record(receiver=Party(""), counts={"members": 2, "future_table": 5})
    lines = _lines(read_pdf(print_handover(record, tmp_path / "bb.pdf")))
    assert lines.count("- Đồng chí: …………………………") == 2  # the receiver and the witness
    assert lines.count("- Chức vụ: …………………………") == 2
    start = lines.index("STT")
    assert lines[start + 3 : start + 9] == ["1", "Đoàn viên", "2", "2", "future_table", "5"]


def test_a_record_without_a_number_leaves_its_number_line_to_fill_in_by_hand(tmp_path, read_pdf):
    """Every union document carries a number line under the issuing body (DOMAIN.md §5): a
    biên bản printed before it is entered in the register gets "Số: … -BB/ĐTN" with room for
    the digits, as the other documents do."""
    blank = _lines(read_pdf(print_handover(_record(), tmp_path / "blank.pdf")))
    numbered = _lines(read_pdf(print_handover(_record(number="03-BB/ĐTN"), tmp_path / "03.pdf")))

    for lines, number in ((blank, "Số:" + " " * 10 + "-BB/ĐTN"), (numbered, "Số: 03-BB/ĐTN")):
        assert lines.count(number) == 1
        assert lines.index("***") < lines.index(number) < lines.index("BIÊN BẢN BÀN GIAO DỮ LIỆU")


def test_the_digest_is_grouped_to_be_read_aloud():
    assert sha256_groups(DIGEST)[:3] == ["9F86", "D081", "884C"]
    assert len(sha256_groups(DIGEST)) == 16
    assert sha256_lines(DIGEST) == [
        "9F86 D081 884C 7D65 9A2F EAA0 C55A D015",
        "A3BF 4F1B 2B0B 822C D15D 6C15 B0F0 0A08",
    ]


def test_sizes_and_order():
    assert size_text(0) == "0 KB"
    assert size_text(1500) == "2 KB"
    assert size_text(12_400_000) == "11,8 MB"
    assert size_text(3 * 1024**3) == "3,0 GB"
    assert ordered_counts({"youths": 1, "members": 2, "b_other": 3, "a_other": 4}) == [
        ("Đoàn viên", 2), ("Thanh niên", 1), ("a_other", 4), ("b_other", 3),
    ]  # fmt: skip


def test_members_are_broken_down_by_status_adding_up(tmp_path, read_pdf):
    record = _record(
        counts={"members": 1999, "branches": 15},
        member_statuses={
            "active": 1850,
            "temporary": 18,
            "transferred_out": 100,
            "matured": 31,
        },  # fmt: skip
    )
    lines = _lines(read_pdf(print_handover(record, tmp_path / "bb.pdf")))
    start = lines.index("STT")
    assert lines[start : start + 20] == [
        "STT", "Loại dữ liệu", "Số lượng",
        "1", "Chi đoàn", "15",
        "2", "Đoàn viên", "1.999",
        "– Đang sinh hoạt", "1.850",
        "– Sinh hoạt tạm", "18",
        "– Đã chuyển sinh hoạt", "100",
        "– Đã trưởng thành Đoàn", "31",
        "3", "Tệp minh chứng (ảnh, văn bản scan)", "124",
    ]  # fmt: skip
    assert "Số lượng là số bản ghi đang có, không tính các bản ghi đã xóa." in lines


def _files(count: int) -> list[ListedFile]:
    return [
        ListedFile(f"{i:064x}", f"anh-{i:02d}.jpg", f"Buổi hoạt động: Ra quân hè {i}", 1500 * i)
        for i in range(1, count + 1)
    ]


def test_the_evidence_files_are_listed_and_the_attachments_named_plainly(tmp_path, read_pdf):
    files = [
        ListedFile("a" * 64, "bien-ban-dai-hoi.pdf", "Văn bản tham mưu: Biên bản đại hội; "
                   "Đánh giá tiêu chí", 2_400_000),
        ListedFile("b" * 64, "ra-quan.jpg", "Buổi hoạt động", 850 * 1024),
    ]  # fmt: skip
    record = _record(
        counts={"members": 3, "evidence_files": 3}, evidence_files=2, evidence_bytes=3_270_400,
        evidence=files, witness=Party("Lê Văn Tám", "Phó Bí thư Huyện đoàn"),
    )  # fmt: skip
    lines = _lines(read_pdf(print_handover(record, tmp_path / "bb.pdf")))
    start = lines.index("STT")
    assert lines[start : start + 12] == [
        "STT", "Loại dữ liệu", "Số lượng",
        "1", "Đoàn viên", "3",
        "2", "Lượt đính kèm minh chứng", "3",
        "3", "Tệp minh chứng (ảnh, văn bản scan)", "2",
    ]  # fmt: skip
    text = " ".join(lines)
    assert (
        "Một tệp minh chứng có thể được đính kèm ở nhiều nơi (nhiều buổi hoạt động, tiêu chí…): "
        "“Lượt đính kèm minh chứng” đếm số lần đính kèm, “Tệp minh chứng (ảnh, văn bản scan)” "
        "đếm số tệp."
    ) in text
    part = lines.index("2. Tệp minh chứng")
    assert lines[part : part + 2] == [
        "2. Tệp minh chứng", "Tệp minh chứng: 2 tệp, tổng dung lượng 3,1 MB.",
    ]  # fmt: skip
    listed = [
        line for line in lines[part + 2 : lines.index("3. Tệp dữ liệu bàn giao")]
        if not line.startswith("Trang ")  # the list may go on over the next page
    ]  # fmt: skip
    heads = [i for i, line in enumerate(listed) if line == "STT"]
    assert all(listed[i : i + 4] == ["STT", "Tên tệp", "Đính kèm ở", "Dung lượng"] for i in heads)
    cells = " ".join(line for i, line in enumerate(listed)
                     if not any(h <= i < h + 4 for h in heads))  # fmt: skip
    assert cells == (
        "1 bien-ban-dai-hoi.pdf Văn bản tham mưu: Biên bản đại hội; Đánh giá tiêu chí 2,3 MB "
        "2 ra-quan.jpg Buổi hoạt động 850 KB"
    )
    # A representative named is no "(nếu có)", and signs a copy of their own.
    witness = lines.index("III. ĐẠI DIỆN ĐOÀN CẤP TRÊN")
    assert lines[witness + 1 : witness + 3] == [
        "- Đồng chí: Lê Văn Tám", "- Chức vụ: Phó Bí thư Huyện đoàn",
    ]  # fmt: skip
    assert lines.index("Lê Văn Tám", witness + 1) > lines.index("ĐẠI DIỆN ĐOÀN CẤP TRÊN")
    assert not any("nếu có" in line.casefold() for line in lines)
    assert "Biên bản được lập thành 03 bản có giá trị như nhau, mỗi bên giữ 01 bản." in text


def test_a_long_list_of_evidence_files_is_the_records_annex(tmp_path, read_pdf):
    record = _record(evidence=_files(40), evidence_files=40, evidence_bytes=1_230_000)
    pdf = read_pdf(print_handover(record, tmp_path / "bb.pdf"))
    text = " ".join(_lines(pdf))
    assert (
        "Danh sách 40 tệp minh chứng (tên tệp, nơi đính kèm, dung lượng) tại Phụ lục kèm theo "
        "biên bản này."
    ) in text
    pages = [page.extract_text() for page in pdf.reader.pages]
    start = next(i for i, page in enumerate(pages) if "PHỤ LỤC" in page)
    assert start > 0 and "BÊN GIAO" in pages[start - 1]  # after the signatures, a new page
    assert "BÊN GIAO" not in pages[start] and "anh-01.jpg" not in " ".join(pages[:start])
    lines = [line.strip() for line in pages[start].splitlines() if line.strip()]
    assert lines[:7] == [
        "PHỤ LỤC", "DANH SÁCH TỆP MINH CHỨNG BÀN GIAO",
        "(Kèm theo Biên bản bàn giao dữ liệu ngày 04/12/2026)",
        "STT", "Tên tệp", "Đính kèm ở", "Dung lượng",
    ]  # fmt: skip
    assert lines[7:11] == ["1", "anh-01.jpg", "Buổi hoạt động: Ra quân hè 1", "2 KB"]
    annex = "\n".join(pages[start:])
    assert all(f"\nanh-{i:02d}.jpg\n" in annex for i in range(1, 41))
