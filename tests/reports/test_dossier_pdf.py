"""The recognition dossier as one PDF: the exact text of its own parts for fixture data, the
table of contents pointing to the pages where each part starts, an evidence PDF's pages in
place, a sideways photo upright, bookmarks, page numbers, metadata and fonts; an unreadable
evidence file refused with nothing written."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter

from doancoso.core.dossier.check import Gap, check
from doancoso.core.errors import AppError
from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import Workspace
from doancoso.reports.document import MARGIN_TOP
from doancoso.reports.dossier.build import build_dossier
from doancoso.reports.dossier.parts import grounds
from dossier_data import ISSUED, evidence_pdf

BLANK = " " * 10  # room for a number written by hand (no-break spaces, read back as spaces)
ReadPdf = Callable[[Path], Any]
Pdf = Any


def _build(ws: Workspace, path: Path, parts: tuple[str, ...] | None = None) -> Path:
    kwargs = {} if parts is None else {"parts": parts}
    build_dossier(ws, path, 2025, number="15-TTr/ĐTN", issued_on=ISSUED, **kwargs)  # type: ignore[arg-type]
    return path


def _one_member(ws: Workspace) -> Workspace:
    """The fixture's organisation with a member: its dossier holds the member list (an
    organisation without members has none)."""
    ws.members.save({"full_name": "Nguyễn Thị An", "birth_date": "01/01/2000",
                     "gender": "female", "status": "active"})  # fmt: skip
    return ws


def _toc(pdf: Pdf) -> list[tuple[str, int]]:
    """(title, page) of each line of the table of contents (page 2)."""
    lines = [line.strip() for line in pdf.page_texts()[1].splitlines()]
    body = lines[lines.index("Trang") + 1 : lines.index("Các phần không có trong hồ sơ:")]
    found: list[tuple[str, int]] = []
    for i, line in enumerate(body):
        if line.isdigit() and i > 0 and not body[i - 1].isdigit():
            found.append((body[i - 1], int(line)))
    return found


def test_contents_point_to_each_part_and_evidence(dossier_ws: Workspace, tmp_path: Path,
                                                  read_pdf: ReadPdf) -> None:  # fmt: skip
    pdf = read_pdf(_build(_one_member(dossier_ws), tmp_path / "ho-so.pdf"))
    texts = pdf.page_texts()
    assert _toc(pdf) == [
        ("Tờ trình đề nghị công nhận", 3),
        ("Báo cáo tự đánh giá", 4),
        ("Bảng tự đánh giá", 6),
        ("Kế hoạch và báo cáo kết quả", 8),
        ("Danh sách đoàn viên", 10),
        ("Phụ lục minh chứng", 11),
        ("Minh chứng 1.1.1: Biên bản rà soát đoàn viên", 12),
        ("Minh chứng 1.2.1: Buổi sinh hoạt chi đoàn", 15),
    ]
    assert len(texts) == 15
    assert "TỜ TRÌNH" in texts[2]
    assert " BÁO CÁO\n Tự đánh giá kết quả xây dựng" in texts[3]
    assert " BẢNG TỰ ĐÁNH GIÁ" in texts[5]
    assert " KẾ HOẠCH" in texts[7]
    assert " DANH SÁCH ĐOÀN VIÊN" in texts[9]
    assert texts[10].startswith("PHỤ LỤC MINH CHỨNG")
    # The evidence PDF's three pages in place, in order.
    assert [t.splitlines()[0] for t in texts[11:14]] == [
        "Biên bản trang 1", "Biên bản trang 2", "Biên bản trang 3"]  # fmt: skip
    assert texts[14].startswith("Minh chứng 1.2.1\n Buổi sinh hoạt chi đoàn")
    assert pdf.page_texts()[1].endswith(
        "Các phần không có trong hồ sơ:\n"
        "- Hoạt động trong năm: Chưa có hoạt động nào trong năm 2025.\n"
        "- Sổ tham mưu, phối hợp: Chưa có văn bản tham mưu, chương trình phối hợp nào\n"
        "trong năm 2025.\n"
        "- Kết quả đánh giá, xếp loại đoàn viên: Chưa có đợt đánh giá, xếp loại năm 2025.\n"
        "- Danh sách đoàn viên ưu tú được giới thiệu cho Đảng: Chưa có đoàn viên nào được\n"
        "giới thiệu cho Đảng trong năm 2025.\n"
        "- Danh sách thanh niên có hoàn cảnh khó khăn: Không có thanh niên có hoàn cảnh\n"
        "khó khăn.\n2\n"
    )


def test_bookmarks_page_numbers_metadata_and_fonts(dossier_ws: Workspace, tmp_path: Path,
                                                   read_pdf: ReadPdf) -> None:  # fmt: skip
    pdf = read_pdf(_build(_one_member(dossier_ws), tmp_path / "ho-so.pdf"))
    reader = pdf.reader
    outline = reader.outline
    tops = [(o.title, reader.get_destination_page_number(o) + 1)
            for o in outline if not isinstance(o, list)]  # fmt: skip
    assert tops == [("Tờ trình đề nghị công nhận", 3), ("Báo cáo tự đánh giá", 4),
                    ("Bảng tự đánh giá", 6), ("Kế hoạch và báo cáo kết quả", 8),
                    ("Danh sách đoàn viên", 10), ("Phụ lục minh chứng", 11)]  # fmt: skip
    children = outline[-1]
    assert isinstance(children, list)
    assert [(o.title, reader.get_destination_page_number(o) + 1) for o in children] == [
        ("Minh chứng 1.1.1: Biên bản rà soát đoàn viên", 12),
        ("Minh chứng 1.2.1: Buổi sinh hoạt chi đoàn", 15),
    ]
    assert reader.metadata is not None
    assert reader.metadata.title == "Hồ sơ đề nghị công nhận “Đoàn cơ sở 3 chủ động” năm 2025"
    assert reader.metadata.author == "Đoàn xã Tân Hưng"
    # The dossier's own page number, centred in the top margin of every page but the cover;
    # on the pages of an evidence PDF (pages 12-14), its number right of it (a photo's page
    # has it printed above the photo).
    stamps = {11: "Minh chứng 1.1.1 (trang 1/3)", 12: "Minh chứng 1.1.1 (trang 2/3)",
              13: "Minh chứng 1.1.1 (trang 3/3)"}  # fmt: skip
    for index in range(len(reader.pages)):
        page = reader.pages[index]
        height, width = float(page.mediabox.height), float(page.mediabox.width)
        top = [(r.text, r.x < width / 2) for r in pdf.runs(index) if r.y > height - MARGIN_TOP]
        expected = [] if index == 0 else [(str(index + 1), True)]
        if index in stamps:
            expected.append((stamps[index], False))
        assert top == expected, index
    assert pdf.fonts() == {"LiberationSerif": True, "LiberationSerif-Bold": True,
                           "LiberationSerif-Italic": True,
                           "LiberationSerif-BoldItalic": True}  # fmt: skip


def test_tờ_trình_text(dossier_ws: Workspace, tmp_path: Path, read_pdf: ReadPdf) -> None:
    pdf = read_pdf(_build(dossier_ws, tmp_path / "ttr.pdf",
                          ("to-trinh", "bao-cao", "bang", "minh-chung")))  # fmt: skip
    assert pdf.page_texts()[2] == (
        "TỈNH ĐOÀN CÀ MAU\n BCH ĐOÀN XÃ TÂN HƯNG\n ***\n ĐOÀN TNCS HỒ CHÍ MINH\n"
        " Số: 15-TTr/ĐTN\n Tân Hưng, ngày 20 tháng 12 năm 2025\n TỜ TRÌNH\n"
        " Về việc đề nghị công nhận “Đoàn cơ sở 3 chủ động” năm 2025\n"
        " Kính gửi: Tỉnh đoàn Cà Mau\n"
        " Căn cứ Hướng dẫn 18-HD/TWĐTN-BTC ngày 24/05/2023 và hướng dẫn của\nTỉnh đoàn Cà Mau;\n"
        " Căn cứ kết quả thực hiện nhiệm vụ công tác Đoàn và phong trào thanh niên năm\n"
        "2025, Đoàn xã Tân Hưng đã tự đánh giá theo tiêu chí “Đoàn cơ sở 3 chủ động”: đạt\n"
        "1/14 nội dung.\n"
        " Đoàn xã Tân Hưng kính đề nghị Tỉnh đoàn Cà Mau xem xét, công nhận Đoàn xã\n"
        "Tân Hưng đạt tiêu chuẩn “Đoàn cơ sở 3 chủ động” năm 2025.\n"
        " Hồ sơ kèm theo gồm báo cáo tự đánh giá, bảng tự đánh giá và các minh chứng.\n"
        " Kính trình Tỉnh đoàn Cà Mau xem xét, quyết định./.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu VP.\n TM. BAN CHẤP HÀNH\n BÍ THƯ\n"
        " Nguyễn Thị Như Quỳnh\n3\n"  # only the dossier's page number
    )


def test_a_templates_dates_are_printed_dd_mm_yyyy(ws: Workspace, tmp_path: Path,
                                                   read_pdf: ReadPdf) -> None:  # fmt: skip
    """The default criteria template's source said "Hướng dẫn 18-HD/TWĐTN-BTC ngày 24/5/2023",
    and the tờ trình, the report and the checklist page printed it so: a template's dates (the
    default's, a province's, one stored by a checklist opened before) are written dd/mm/yyyy."""
    import json

    from doancoso.core.recognition.template import default_template, parse_template

    data = json.loads(default_template().text)
    data["name"] = "Bộ tiêu chí của Tỉnh đoàn Cà Mau"
    data["source"] = "Hướng dẫn 18-HD/TWĐTN-BTC ngày 24/5/2023 và hướng dẫn số 05 ngày 1/2/2024"
    data["criteria"][1]["items"][0]["text"] = "Đăng ký kế hoạch trước ngày 10/11 (xem 31/2/2024)"
    template = parse_template(json.dumps(data, ensure_ascii=False))
    assert template.source == (
        "Hướng dẫn 18-HD/TWĐTN-BTC ngày 24/05/2023 và hướng dẫn số 05 ngày 01/02/2024"
    )
    # a day and month alone, and no day of the calendar, are left as written
    assert template.criteria[1].items[0].text == "Đăng ký kế hoạch trước ngày 10/11 (xem 31/2/2024)"
    ws.recognition.add_template(template)
    ws.recognition.open(2025, "Bộ tiêu chí của Tỉnh đoàn Cà Mau")
    text = " ".join(read_pdf(_build(ws, tmp_path / "ho-so.pdf", ("to-trinh", "bao-cao"))).text()
                    .split())  # fmt: skip
    grounds_line = (
        "Căn cứ Hướng dẫn 18-HD/TWĐTN-BTC ngày 24/05/2023 và hướng dẫn số 05 ngày 01/02/2024;"
    )
    assert grounds_line in text
    assert "Thực hiện Hướng dẫn 18-HD/TWĐTN-BTC ngày 24/05/2023 và hướng dẫn số 05" in text
    assert "24/5/2023" not in text and " 1/2/2024" not in text


def test_the_tờ_trình_encloses_only_what_there_is(ws: Workspace, tmp_path: Path,
                                                 read_pdf: ReadPdf) -> None:  # fmt: skip
    """A year without a checklist (a past year's dossier of lists): the tờ trình does not say
    it encloses a self-assessment report, table and evidence the dossier cannot hold (its
    contents say they are left out); a checklist without files: the report and the table."""
    parts = ("to-trinh", "bao-cao", "bang", "minh-chung", "doan-vien")
    assert _enclosed(ws, tmp_path, read_pdf, parts) == (
        "Hồ sơ kèm theo gồm các tài liệu nêu trong mục lục."
    )
    ws.recognition.open(2025)
    assert _enclosed(ws, tmp_path, read_pdf, parts) == (
        "Hồ sơ kèm theo gồm báo cáo tự đánh giá và bảng tự đánh giá."
    )


def _enclosed(ws: Workspace, tmp_path: Path, read_pdf: ReadPdf, parts: tuple[str, ...]) -> str:
    """The tờ trình's line on what the dossier holds, of the dossier built with ``parts``."""
    text = " ".join(read_pdf(_build(ws, tmp_path / "ttr.pdf", parts)).text().split())
    start = text.index("Hồ sơ kèm theo gồm")
    return text[start : text.index(".", start) + 1]


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("to-trinh",), "Hồ sơ kèm theo gồm các tài liệu nêu trong mục lục."),
        (("to-trinh", "ke-hoach"), "Hồ sơ kèm theo gồm các tài liệu nêu trong mục lục."),
        (("to-trinh", "bao-cao"), "Hồ sơ kèm theo gồm báo cáo tự đánh giá."),
        (
            ("to-trinh", "bang", "minh-chung"),
            "Hồ sơ kèm theo gồm bảng tự đánh giá và các minh chứng.",
        ),
        (
            ("to-trinh", "bao-cao", "bang"),
            "Hồ sơ kèm theo gồm báo cáo tự đánh giá và bảng tự đánh giá.",
        ),
        (("to-trinh", "minh-chung"), "Hồ sơ kèm theo gồm các minh chứng."),
    ],
    ids=["alone", "plan", "report", "table-and-annex", "no-annex", "annex"],
)
def test_the_tờ_trình_encloses_only_the_parts_chosen(
    dossier_ws: Workspace, tmp_path: Path, read_pdf: ReadPdf,
    parts: tuple[str, ...], expected: str,
) -> None:  # fmt: skip
    """A checklist with files attached, a dossier built without the evidence annex (or the
    report, the table): the tờ trình still said "Hồ sơ kèm theo gồm báo cáo tự đánh giá, bảng
    tự đánh giá và các minh chứng", promising the superior body documents the PDF left out.
    It names what the built dossier holds, as its contents list them."""
    assert _enclosed(dossier_ws, tmp_path, read_pdf, parts) == expected
    contents = " ".join(read_pdf(tmp_path / "ttr.pdf").page_texts()[1].split())
    for part, name in (("bao-cao", "Báo cáo tự đánh giá"), ("bang", "Bảng tự đánh giá"),
                       ("minh-chung", "Phụ lục minh chứng")):  # fmt: skip
        assert (name in contents) == (part in parts), part


def test_the_tờ_trình_promises_no_annex_left_out_for_want_of_files(
    dossier_ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """The annex chosen but no file left in it (both detached): the dossier leaves it out,
    and the tờ trình does not name the evidence."""
    for code in ("1.1", "1.2"):
        view = dossier_ws.recognition.view(2025, ISSUED)
        item = next(v for v in view.items if v.item.code == code)
        for attachment in item.files:
            dossier_ws.recognition.detach(2025, code, attachment.sha256)
    parts = ("to-trinh", "bang", "minh-chung")
    assert _enclosed(dossier_ws, tmp_path, read_pdf, parts) == (
        "Hồ sơ kèm theo gồm bảng tự đánh giá."
    )
    contents = " ".join(read_pdf(tmp_path / "ttr.pdf").page_texts()[1].split())
    assert "Phụ lục minh chứng: Chưa có tệp minh chứng nào." in contents


def test_grounds_name_the_superior_body() -> None:
    default = "Hướng dẫn 18-HD/TWĐTN-BTC ngày 24/05/2023 và hướng dẫn của các tỉnh"
    ca_mau = OrganizationInfo("Đoàn xã Tân Hưng", "Tỉnh đoàn Cà Mau")
    assert grounds(default, ca_mau) == (
        "Hướng dẫn 18-HD/TWĐTN-BTC ngày 24/05/2023 và hướng dẫn của Tỉnh đoàn Cà Mau"
    )
    unset = OrganizationInfo("Đoàn xã Tân Hưng", "  ")
    assert grounds(default, unset) == (
        "Hướng dẫn 18-HD/TWĐTN-BTC ngày 24/05/2023 và hướng dẫn của Đoàn cấp trên"
    )
    own = "Hướng dẫn 05-HD/TĐTN-TCKT ngày 10/01/2024 của Tỉnh đoàn Cà Mau"  # a province's own
    assert grounds(own, ca_mau) == own


def test_report_and_table_text(dossier_ws: Workspace, tmp_path: Path,
                               read_pdf: ReadPdf) -> None:  # fmt: skip
    texts = read_pdf(_build(dossier_ws, tmp_path / "bc.pdf", ("bao-cao", "bang"))).page_texts()
    report = texts[2] + texts[3]
    # a number line to fill in by hand, as in every document of the union (DOMAIN.md §5)
    assert f" ĐOÀN TNCS HỒ CHÍ MINH\n Số:{BLANK}-BC/ĐTN\n Tân Hưng, ngày 20" in texts[2]
    assert f" ĐOÀN TNCS HỒ CHÍ MINH\n Số:{BLANK}-BC/ĐTN\n Tân Hưng, ngày 20" in texts[4]
    assert (
        " Thực hiện Hướng dẫn 18-HD/TWĐTN-BTC ngày 24/05/2023 và hướng dẫn của\n"
        "Tỉnh đoàn Cà Mau, Đoàn xã Tân Hưng tự đánh giá kết quả xây dựng “Đoàn cơ sở 3\n"
        "chủ động” năm 2025 như sau:\n"
        "1. Chủ động quản lý đoàn viên và chăm lo, nắm bắt tình hình thanh niên ở địa\n"
        "phương, đơn vị\n"
        " 1.1. Danh sách đoàn viên được lập đầy đủ, cập nhật thường xuyên: Đạt. Danh\n"
        "sách đoàn viên chưa có ai. Danh sách cập nhật hằng quý.\n"
        " 1.2. Nhận xét đoàn viên định kỳ và hằng năm trong sổ đoàn viên: Chưa đạt. Chưa\n"
        "có đợt xếp loại đoàn viên năm 2025.\n"
    ) in report
    assert "Cộng\n 14\n 1\n Kết quả chung: Đoàn xã Tân Hưng đạt 1/14 nội dung." in report
    table = texts[4] + texts[5]
    assert (
        "1.1\nDanh sách đoàn viên được lập đầy đủ, cập nhật thường\nxuyên\nĐạt\n"
        "Danh sách đoàn viên chưa có ai.\nMinh chứng 1.1.1: Biên bản rà soát đoàn\n"
        "viên\n1.2\n"
    ) in table
    assert "Minh chứng 1.2.1: Buổi sinh hoạt chi\nđoàn\n" in table
    assert "Kết quả: đạt 1/14 nội dung." in table
    # the table's header row repeated on its second page
    assert texts[5].startswith("Mục\n Nội dung\n Tự đánh giá\n Số liệu\n Minh chứng\n")


def test_a_sideways_photo_is_upright(dossier_ws: Workspace, tmp_path: Path) -> None:
    reader = PdfReader(_build(dossier_ws, tmp_path / "anh.pdf", ("minh-chung",)))
    (image,) = reader.pages[-1].images
    photo = image.image
    assert photo is not None
    assert photo.width < photo.height  # portrait: turned by its EXIF orientation
    top = photo.convert("RGB").getpixel((photo.width // 2, photo.height // 8))
    bottom = photo.convert("RGB").getpixel((photo.width // 2, photo.height * 7 // 8))
    assert isinstance(top, tuple) and isinstance(bottom, tuple)
    assert top[2] > 200 and top[0] < 60  # blue at the top
    assert bottom[0] > 200 and bottom[2] < 60


def _broken(ws: Workspace, tmp_path: Path, name: str, content: bytes) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    ws.recognition.attach(2025, "1.3", bad, "Kế hoạch rèn luyện")


def _encrypted(tmp_path: Path) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(evidence_pdf(tmp_path / "plain.pdf", 1)))
    writer.encrypt("mat-khau")
    out = tmp_path / "locked.pdf"
    with out.open("wb") as handle:
        writer.write(handle)
    return out.read_bytes()


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("hong.pdf", lambda tmp: b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage", "bị hỏng"),
        ("khoa.pdf", _encrypted, "có mật khẩu"),
        ("anh-hong.png", lambda tmp: b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "không đọc được ảnh"),
    ],
)
def test_an_unreadable_evidence_file_writes_nothing(
    dossier_ws: Workspace, tmp_path: Path, name: str, make: Callable[[Path], bytes], reason: str
) -> None:
    _broken(dossier_ws, tmp_path, name, make(tmp_path))
    target = tmp_path / "out" / "ho-so.pdf"
    target.parent.mkdir()
    target.write_bytes(b"previous")
    with pytest.raises(AppError) as raised:
        _build(dossier_ws, target)
    assert str(raised.value) == (
        f"Tệp minh chứng “{name}” (Minh chứng 1.3.1) {reason}. "
        "Hãy thay hoặc gỡ tệp này rồi lập lại hồ sơ; chưa ghi gì."
    )
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in target.parent.iterdir()) == ["ho-so.pdf"]


def test_the_check_names_what_is_missing(dossier_ws: Workspace) -> None:
    gaps = check(dossier_ws, 2025, ("to-trinh", "ke-hoach", "xep-loai", "bang"))
    assert gaps[:5] == [
        Gap("to-trinh", "Chưa có số tờ trình."),
        Gap(
            "to-trinh",
            "Tự đánh giá mới đạt 1/14 nội dung, mà tờ trình đề nghị công nhận đạt "
            "tiêu chuẩn: theo Hướng dẫn 18-HD/TWĐTN-BTC phải đạt đủ cả ba tiêu chí. "
            "Xem các nội dung chưa đạt ở trang “3 chủ động”.",
        ),
        Gap("ke-hoach", "Kế hoạch năm 2025 chưa được cấp trên duyệt."),
        Gap("xep-loai", "Chưa có đợt đánh giá, xếp loại năm 2025."),
        Gap(
            "bang",
            "Mục 1.1: chỉ số “Danh sách đoàn viên cập nhật trong vòng (tháng)” chưa đạt — "
            "Danh sách đoàn viên chưa có ai.",
            item="1.1",
        ),
    ]
    assert Gap("bang", "Mục 1.3 chưa tự đánh giá.", item="1.3") in gaps
    assert Gap("bang", "Mục 1.2 tự đánh giá “Chưa đạt”.", item="1.2") in gaps
    dossier_ws.plans.register(2025, "da-duyet", "09/11/2024", "15-ĐK/TĐ")
    # the tờ trình asks for recognition: a self-assessment not all met is named first
    assert check(dossier_ws, 2025, ("to-trinh", "ke-hoach"), "15-TTr/ĐTN") == [
        Gap("to-trinh", "Tự đánh giá mới đạt 1/14 nội dung, mà tờ trình đề nghị công nhận đạt "
                        "tiêu chuẩn: theo Hướng dẫn 18-HD/TWĐTN-BTC phải đạt đủ cả ba tiêu chí. "
                        "Xem các nội dung chưa đạt ở trang “3 chủ động”.")
    ]  # fmt: skip


def test_a_turned_evidence_page_gets_its_number_at_the_top_as_read(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    writer = PdfWriter(clone_from=PdfReader(evidence_pdf(tmp_path / "quet.pdf", 1)))
    writer.pages[0].rotate(90)
    turned = tmp_path / "quet-xoay.pdf"
    with turned.open("wb") as handle:
        writer.write(handle)
    ws.recognition.open(2025)
    ws.recognition.attach(2025, "1.1", turned, "Bản quét")
    pdf = read_pdf(_build(ws, tmp_path / "ho-so.pdf", ("minh-chung",)))
    page = pdf.reader.pages[3]
    assert page.rotation == 0
    assert float(page.mediabox.width) > float(page.mediabox.height)  # shown as it is read
    height = float(page.mediabox.height)
    assert [r.text for r in pdf.runs(3) if r.y > height - MARGIN_TOP] == ["4", "Minh chứng 1.1.1"]


def test_the_activities_with_results_and_participation(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    ws.activities.save({"title": "Ra quân Ngày Chủ nhật xanh", "kind": "sinh-hoat",
                        "start_date": "15/03/2025", "place": "Ấp 1"})  # fmt: skip
    ws.activities.save({"title": "Hiến máu tình nguyện", "kind": "sinh-hoat",
                        "start_date": "20/05/2025"})  # fmt: skip
    first, second = ws.activities.occurrences(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    ws.activities.update_occurrence(first.id, {"status": "da-thuc-hien", "participants": "1500",
                                               "results": "Dọn 2 km kênh"})  # fmt: skip
    pdf = read_pdf(_build(ws, tmp_path / "hd.pdf", ("hoat-dong",)))
    text = pdf.page_texts()[2]
    assert (
        f" Số:{BLANK}-DS/ĐTN\n Tân Hưng, ngày 20 tháng 12 năm 2025\n"
        " DANH SÁCH HOẠT ĐỘNG\n Năm 2025\n" in text
    )
    assert (
        "1\n15/03/2025\nRa quân Ngày Chủ nhật xanh\nSinh hoạt chi\nđoàn định kỳ\nẤp 1\n"
        "Đã thực hiện\nDọn 2 km kênh\n1.500\n2\n20/05/2025\nHiến máu tình nguyện\nSinh hoạt chi\n"
        "đoàn định kỳ\nDự kiến\n"
        "Tổng cộng: 2 lần hoạt động, đã thực hiện 1."
    ) in text


def test_evidence_without_a_caption_is_named_by_its_item_never_by_its_file(
    dossier_ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """A file's name ("bien-ban-1cong1.pdf") means nothing to the superior body's reader: the
    contents and the annex name the item the file proves, the table (whose row gives the
    item) the evidence's number alone, and the check names the file to caption, with its item
    to open."""
    dossier_ws.recognition.attach(2025, "1.7", evidence_pdf(tmp_path / "bien-ban-1cong1.pdf"))
    item = "Thực hiện cuộc vận động “1+1”: mỗi đoàn viên giới thiệu ít nhất một thanh niên vào Đoàn"
    gap = Gap(
        "minh-chung",
        "Mục 1.7: tệp minh chứng “bien-ban-1cong1.pdf” chưa có chú thích; hồ sơ in nội dung "
        "của mục thay cho tên tệp. Ghi chú thích (ví dụ “Biên bản ra quân ngày 26/3”) ở trang "
        "“3 chủ động”.",
        item="1.7",
    )
    assert gap in check(dossier_ws, 2025, ("bang", "minh-chung"))
    assert check(dossier_ws, 2025, ("bang",))[-1] == dataclasses.replace(gap, part="bang")
    assert not [g for g in check(dossier_ws, 2025, ("to-trinh",)) if g.item]
    pdf = read_pdf(_build(dossier_ws, tmp_path / "ho-so.pdf", ("bang", "minh-chung")))
    titles = [o.title for o in pdf.reader.outline if not isinstance(o, list)]
    titles += [o.title for sub in pdf.reader.outline if isinstance(sub, list) for o in sub]
    assert f"Minh chứng 1.7.1: {item}" in titles
    text = "".join(pdf.page_texts())
    assert "bien-ban" not in text
    table = "".join(pdf.page_texts()[2:4])
    # with the page where it starts, after the table's 2 pages and the annex's title page
    assert "vào Đoàn\nChưa đánh giá\nMinh chứng 1.7.1 (trang 10)\n2.1\n" in table


def test_the_day_of_an_evidence_file_follows_its_caption(
    dossier_ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """The day entered with the caption: in the contents, the outline, the table and the
    photo's page of the annex."""
    from dossier_data import sideways_photo

    caption = "Vận động thanh niên “1+1” ấp Tân Hưng"
    day = dt.date(2025, 10, 15)
    minutes = evidence_pdf(tmp_path / "bien-ban-1cong1.pdf")
    minutes.write_bytes(minutes.read_bytes() + b"%1+1\n")  # not the file of 1.1.1
    dossier_ws.recognition.attach(2025, "1.7", minutes, caption, taken_on=day)
    dossier_ws.recognition.attach(2025, "1.7", sideways_photo(tmp_path / "ra-quan.jpg", mark=20),
                                  "Ra quân", taken_on=dt.date(2025, 3, 26))  # fmt: skip
    pdf = read_pdf(_build(_one_member(dossier_ws), tmp_path / "ho-so.pdf"))
    toc = " ".join(pdf.page_texts()[1].split())
    assert f"Minh chứng 1.7.1: {caption} (15/10/2025) 16" in toc
    assert "Minh chứng 1.7.2: Ra quân (26/03/2025)" in toc
    assert "Minh chứng 1.1.1: Biên bản rà soát đoàn viên 12" in toc  # no day entered, none
    titles = [o.title for sub in pdf.reader.outline if isinstance(sub, list) for o in sub]
    assert f"Minh chứng 1.7.1: {caption} (15/10/2025)" in titles
    texts = pdf.page_texts()
    flat = " ".join(" ".join(t.split()) for t in texts[4:7])
    assert (
        f"Minh chứng 1.7.1 (trang 16): {caption} (15/10/2025); Minh chứng 1.7.2 "
        f"(trang {len(texts)}): Ra quân (26/03/2025)"
    ) in flat
    assert texts[-1].startswith("Minh chứng 1.7.2\n Ra quân (26/03/2025)")


def test_a_numbered_document_prints_its_number_the_others_a_blank_line(
    dossier_ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    path = tmp_path / "so.pdf"
    build_dossier(dossier_ws, path, 2025, ("bao-cao", "bang"), number="15-TTr/ĐTN",
                  issued_on=ISSUED, numbers={"bao-cao": "Số: 12-BC/ĐTN", "bang": " "})  # fmt: skip
    texts = read_pdf(path).page_texts()
    assert " ĐOÀN TNCS HỒ CHÍ MINH\n Số: 12-BC/ĐTN\n Tân Hưng, ngày 20" in texts[2]
    assert f" ĐOÀN TNCS HỒ CHÍ MINH\n Số:{BLANK}-BC/ĐTN\n Tân Hưng, ngày 20" in texts[4]
    assert "12-BC/ĐTN" not in "".join(texts[4:])


def test_every_numbered_part_prints_the_number_given(
    dossier_ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    from doancoso.core.dossier.numbers import NUMBERED

    branch = dossier_ws.branches.create("Chi đoàn ấp Tân Hưng")
    dossier_ws.members.save({"full_name": "Nguyễn Thị An", "birth_date": "01/01/2000",
                             "branch_id": branch.id, "status": "active"})  # fmt: skip
    dossier_ws.activities.save({"title": "Hiến máu tình nguyện", "kind": "sinh-hoat",
                                "start_date": "20/05/2025"})  # fmt: skip
    dossier_ws.registers.save_advice({"day": "02/09/2025", "title": "Báo cáo tình hình"})
    numbers = {part: f"{i:02d}-{d.code}/ĐTN" for i, (part, d) in enumerate(NUMBERED.items(), 1)}
    path = tmp_path / "all.pdf"
    built = build_dossier(dossier_ws, path, 2025, tuple(NUMBERED), issued_on=ISSUED,
                          numbers=numbers)  # fmt: skip
    text = "".join(read_pdf(path).page_texts())
    assert len(built.parts) >= 8, built.parts  # some have no data in the fixture: left out
    for part in built.parts:
        assert f" Số: {numbers[part]}\n" in text, part
    # only the plan (KH) prints a blank line: its number is the one stored with it
    assert text.count(f"Số:{BLANK}-") == text.count(f"Số:{BLANK}-KH/ĐTN") == 1


@pytest.mark.parametrize(
    ("commune", "province", "dated"),
    [
        ("xã Tân Hưng", "Cà Mau", "Tân Hưng, tháng 11 năm 2026"),
        ("Phường Thạnh Mỹ Lợi Tây", None, "Thạnh Mỹ Lợi Tây, tháng 11 năm 2026"),
        (None, "Cà Mau", "Cà Mau, tháng 11 năm 2026"),
        (None, None, "Tháng 11 năm 2026"),
    ],
)
def test_the_cover_is_dated_at_the_place_its_documents_are(
    tmp_path: Path, read_pdf: ReadPdf, commune: str | None, province: str | None, dated: str
) -> None:
    """A commune set as "xã Tân Hưng" dated the cover "xã Tân Hưng, tháng 11 năm 2026" while
    every document inside it reads "Tân Hưng, ngày …": the cover names the place as they do."""
    from doancoso.reports.dossier.front import write_front

    org = OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn Cà Mau",
                           commune=commune, province=province)  # fmt: skip
    pdf = read_pdf(write_front(tmp_path / "front.pdf", org, 2026, dt.date(2026, 11, 26), [], []))
    assert pdf.page_texts()[0].strip().splitlines()[-1].strip() == dated
