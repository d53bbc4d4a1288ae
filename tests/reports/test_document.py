"""The union's document frame: header blocks, dates, numbers, signature, fonts, atomic writes."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from reportlab.platypus import Flowable, Paragraph

from doancoso.core.errors import AppError
from doancoso.core.organization import OrganizationInfo
from doancoso.reports.document import (
    Signer,
    UnionDocument,
    document_number,
    issuing_body,
    place_and_date,
    place_name,
)
from doancoso.reports.fonts import REGULAR
from doancoso.reports.styles import styles

MM = 72 / 25.4

ORG = OrganizationInfo(
    name="Đoàn xã Tân Hưng",
    superior_name="Tỉnh đoàn Cà Mau",
    commune="Tân Hưng",
    province="Cà Mau",
    secretary_name="Nguyễn Thị Như Quỳnh",
)
DAY = date(2026, 11, 26)


def _report(tmp_path: Path, org: OrganizationInfo = ORG, **kwargs: object) -> Path:
    options: dict[str, object] = {
        "kind": "Báo cáo",
        "title": "Kết quả công tác Đoàn năm 2026",
        "number": "12-BC/ĐTN",
        "issued_on": DAY,
        "recipients": ["Tỉnh đoàn Cà Mau (b/c)", "Đảng ủy xã (b/c)"],
    }
    options.update(kwargs)
    body = [Paragraph("Ban Chấp hành Đoàn xã Tân Hưng báo cáo như sau.", styles()["body"])]
    return UnionDocument(org, **options).build(tmp_path / "bc.pdf", body)  # type: ignore[arg-type]


def test_header_title_and_signature(tmp_path, read_pdf):
    pdf = read_pdf(_report(tmp_path))
    lines = [line.strip() for line in pdf.text().splitlines()]
    for expected in (
        "TỈNH ĐOÀN CÀ MAU",
        "BCH ĐOÀN XÃ TÂN HƯNG",
        "***",
        "Số: 12-BC/ĐTN",
        "ĐOÀN TNCS HỒ CHÍ MINH",
        "Tân Hưng, ngày 26 tháng 11 năm 2026",
        "BÁO CÁO",
        "Kết quả công tác Đoàn năm 2026",
        "Nơi nhận:",
        "- Tỉnh đoàn Cà Mau (b/c)",
        "- Đảng ủy xã (b/c)",
        "- Lưu VP.",
        "TM. BAN CHẤP HÀNH",
        "BÍ THƯ",
        "Nguyễn Thị Như Quỳnh",
    ):
        assert any(expected in line for line in lines), expected
    assert "huyện" not in pdf.text().lower()


def test_a_one_page_document_has_no_page_number(tmp_path, read_pdf):
    """The union's documents number their pages only when there are several: a one-page
    report (a letter, a short list) ends with its recipients, no "Trang 1/1"."""
    pdf = read_pdf(_report(tmp_path))
    (page,) = pdf.page_texts()
    assert "Trang" not in page
    assert [line.strip() for line in page.splitlines()][-1] == "Nguyễn Thị Như Quỳnh"


def test_a_document_of_several_pages_numbers_each_at_its_foot(tmp_path, read_pdf):
    body = [
        Paragraph(f"{n}. Ban Chấp hành Đoàn xã Tân Hưng báo cáo như sau.", styles()["body"])
        for n in range(1, 61)
    ]
    document = UnionDocument(ORG, kind="Báo cáo", title="Kết quả công tác Đoàn năm 2026",
                             number="12-BC/ĐTN", issued_on=DAY)  # fmt: skip
    path = document.build(tmp_path / "bc.pdf", body)
    pages = read_pdf(path).page_texts()
    assert len(pages) == 3
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[-1] == f"Trang {number}/3"
        assert page.count("Trang") == 1


def test_layout_fonts_and_positions(tmp_path, read_pdf):
    pdf = read_pdf(_report(tmp_path))
    page = pdf.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    runs = {run.text: run for run in pdf.runs(0)}
    union, superior = runs["ĐOÀN TNCS HỒ CHÍ MINH"], runs["TỈNH ĐOÀN CÀ MAU"]
    assert union.font == "LiberationSerif-Bold"
    assert superior.font == "LiberationSerif"
    assert runs["BCH ĐOÀN XÃ TÂN HƯNG"].font == "LiberationSerif-Bold"
    assert runs["Tân Hưng, ngày 26 tháng 11 năm 2026"].font == "LiberationSerif-Italic"
    assert abs(union.y - superior.y) < 3  # the two header blocks start on one line
    assert union.x > superior.x + 60 * MM  # left block at left, union name at right
    signature = runs["TM. BAN CHẤP HÀNH"]
    assert signature.x > runs["Nơi nhận:"].x + 60 * MM  # signature at right
    assert all(run.x >= 30 * MM - 0.5 for run in pdf.runs(0))  # left margin 30 mm
    assert all(run.y >= 8 * MM for run in pdf.runs(0))


def test_only_liberation_serif_and_every_font_embedded(tmp_path, read_pdf):
    fonts = read_pdf(_report(tmp_path)).fonts()
    assert set(fonts) <= {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
    }
    assert fonts and all(fonts.values())


def test_superior_body_comes_from_the_settings(tmp_path, read_pdf):
    org = replace(ORG, superior_name="Thành đoàn Cần Thơ", commune="phường Ninh Kiều")
    text = read_pdf(_report(tmp_path, org)).text()
    assert "THÀNH ĐOÀN CẦN THƠ" in text
    assert "Ninh Kiều, ngày 26 tháng 11 năm 2026" in text


def test_text_is_printed_in_nfc(tmp_path, read_pdf):
    title = unicodedata.normalize("NFD", "Kế hoạch tổ chức “Ngày Chủ nhật xanh”")
    text = read_pdf(_report(tmp_path, title=title, number=None)).text()
    assert "Kế hoạch tổ chức “Ngày Chủ nhật xanh”" in text
    assert "Số:" not in text


def test_signer_and_recipients_can_be_given(tmp_path, read_pdf):
    signer = Signer(name="Trần Văn Bình", title="PHÓ BÍ THƯ", on_behalf="TM. BAN THƯỜNG VỤ")
    path = _report(tmp_path, signer=signer, recipients=["- Chi đoàn ấp Tân Hưng", "- Lưu."])
    lines = [line.strip() for line in read_pdf(path).text().splitlines()]
    assert {"TM. BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Trần Văn Bình", "- Lưu."} <= set(lines)
    assert "- Lưu VP." not in lines


def test_helpers():
    assert issuing_body("Đoàn xã Tân Hưng") == "BCH ĐOÀN XÃ TÂN HƯNG"
    assert issuing_body("Ban Chấp hành Đoàn phường 5") == "BAN CHẤP HÀNH ĐOÀN PHƯỜNG 5"
    assert place_and_date("Tân Hưng", date(2026, 2, 5)) == "Tân Hưng, ngày 05 tháng 02 năm 2026"
    assert place_and_date("Tân Hưng", date(2026, 3, 1)) == "Tân Hưng, ngày 01 tháng 3 năm 2026"
    assert document_number("07-KH/ĐTN") == "Số: 07-KH/ĐTN"
    assert document_number(None) == ""
    assert place_name(replace(ORG, commune="xã Tân Hưng")) == "Tân Hưng"
    assert place_name(replace(ORG, commune=None)) == "Cà Mau"


class _Broken(Flowable):
    def wrap(self, *args: object) -> tuple[float, float]:
        raise RuntimeError("boom")


def test_failed_build_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "bc.pdf"
    target.write_bytes(b"old")
    doc = UnionDocument(ORG, kind="Báo cáo", issued_on=DAY)
    with pytest.raises(RuntimeError):
        doc.build(target, [_Broken()])
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bc.pdf"]


def test_unwritable_target_is_an_app_error(tmp_path):
    doc = UnionDocument(ORG, kind="Báo cáo", issued_on=DAY)
    with pytest.raises(AppError, match="Không ghi được tệp"):
        doc.build(tmp_path / "missing" / "bc.pdf", [])
    with pytest.raises(AppError, match="đó là một thư mục"):
        doc.build(tmp_path, [])
    assert list(tmp_path.iterdir()) == []


def test_place_and_recipients_given_by_the_print_dialog(tmp_path, read_pdf):
    path = _report(tmp_path, place="Cái Nước", recipients=["Như trên", "Đảng ủy xã (b/c)"])
    lines = [line.strip() for line in read_pdf(path).text().splitlines()]
    assert "Cái Nước, ngày 26 tháng 11 năm 2026" in lines
    start = lines.index("Nơi nhận:")
    assert lines[start + 1 : start + 4] == ["- Như trên;", "- Đảng ủy xã (b/c);", "- Lưu VP."]
    text = read_pdf(_report(tmp_path, place="")).text()
    assert "ngày 26 tháng 11 năm 2026" in text and "Tân Hưng, ngày" not in text


def test_without_a_number_the_line_is_left_to_fill_in_by_hand(tmp_path, read_pdf):
    """Every document of the union carries "Số:" (DOMAIN.md §5): the type code and the issuer
    printed, room left for the digits given on signing; no code, no line (a page of another
    kind than the union's documents)."""
    text = read_pdf(_report(tmp_path, number=None, code="BC")).text()
    assert " ***\n ĐOÀN TNCS HỒ CHÍ MINH\n Số:" + " " * 10 + "-BC/ĐTN\n Tân Hưng," in text
    given = read_pdf(_report(tmp_path, number="12-BC/ĐTN", code="BC")).text()
    assert " Số: 12-BC/ĐTN\n" in given
    assert "Số:" not in read_pdf(_report(tmp_path, number="")).text()


def _closing_page(pdf) -> str:  # type: ignore[no-untyped-def]
    """The text of the page holding the signature, "Trang n/N" left out."""
    page = next(t for t in pdf.page_texts() if "BÍ THƯ" in t)
    return page[: page.rindex("Trang ")]


def test_a_lists_signature_never_stands_alone_on_a_page(tmp_path, read_pdf):
    """Whatever the length of a list, its last page holds its last rows (under the header row)
    with the total line and the signature: never the total and the signature alone, which an
    officer cannot tell the list they sign."""
    from doancoso.reports.tables import Column, build_table_document

    columns = [Column("STT", 1, "CENTER"), Column("Họ và tên", 6)]
    for count in range(24, 40):
        rows = [(i, f"Đoàn viên số {i}") for i in range(1, count + 1)]
        total = Paragraph(f"Tổng số: {count} đoàn viên.", styles()["total"])
        doc = UnionDocument(ORG, kind="Danh sách đoàn viên", issued_on=DAY)
        path = build_table_document(doc, tmp_path / f"{count}.pdf", columns, rows, after=[total])
        page = _closing_page(read_pdf(path))
        assert f"\n{count}\nĐoàn viên số {count}\nTổng số: {count} đoàn viên.\n" in page, count
        assert page.lstrip().startswith(("TỈNH ĐOÀN CÀ MAU\n", "STT\n")), count


def test_a_reports_signature_comes_with_its_last_lines(tmp_path, read_pdf):
    """A report whose body fills its last page: the signature goes over with the body's last
    lines (or its last table kept whole with its heading), never alone."""
    from reportlab.platypus import KeepTogether, Table

    from doancoso.reports.fonts import REGULAR

    def body(count: int) -> list[Flowable]:  # new flowables for each build: reportlab marks them
        return [Paragraph(f"Đoạn {i}.", styles()["body"]) for i in range(count)]

    for count in range(24, 40):
        doc = UnionDocument(ORG, kind="Báo cáo", issued_on=DAY)
        page = _closing_page(read_pdf(doc.build(tmp_path / f"p{count}.pdf", body(count))))
        assert page.lstrip().startswith(("TỈNH ĐOÀN CÀ MAU\n", "Đoạn")), count
        heading = Paragraph("6. Theo trình độ văn hóa", styles()["body_left"])
        table = Table([["9/12", "15"], ["Cộng", "15"]], style=[("FONTNAME", (0, 0), (-1, -1),
                                                                 REGULAR)])  # fmt: skip
        kept = KeepTogether([heading, table])
        page = _closing_page(read_pdf(doc.build(tmp_path / f"t{count}.pdf", [*body(count), kept])))
        words = " ".join(page.split())
        assert "6. Theo trình độ văn hóa 9/12 15 Cộng 15 Nơi nhận:" in words, count


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize(
    "commune", ["xã Tân Hưng Đông", "xã Vĩnh Thạnh Trung", "phường Thạnh Mỹ Lợi Tây"]
)
def test_a_long_place_keeps_the_date_on_one_line(tmp_path, read_pdf, orientation, commune):
    """A commune with a long name ("Tân Hưng Đông, ngày 26 tháng 11 năm 2026") printed its year
    on a second line under the place and date, in every portrait document: the date line is one
    line, inside the right margin, below the union's name, and the number stays at left."""
    org = replace(ORG, commune=commune)
    pdf = read_pdf(_report(tmp_path, org, orientation=orientation))
    place = commune.split(" ", 1)[1]
    runs = pdf.runs(0)
    dated = [run for run in runs if run.text.startswith(place + ", ngày")]
    assert [run.text for run in dated] == [f"{place}, ngày 26 tháng 11 năm 2026"]
    assert not any(run.text == "2026" for run in runs)
    width = float(pdf.pages[0].mediabox.width)
    from doancoso.reports.fonts import ITALIC, string_width

    assert dated[0].x + string_width(dated[0].text, ITALIC, 13) <= width - 20 * MM + 0.5
    union = next(run for run in runs if run.text == "ĐOÀN TNCS HỒ CHÍ MINH")
    number = next(run for run in runs if run.text.startswith("Số:"))
    assert dated[0].y < union.y and abs(number.y - dated[0].y) < 3
    assert number.x + string_width(number.text, REGULAR, 14) < dated[0].x


FORMAL_NAME = "Đoàn TNCS Hồ Chí Minh xã Tân Hưng Đông, huyện Cái Nước, tỉnh Cà Mau"


def test_an_organisation_set_up_under_its_formal_name_heads_its_documents_short(tmp_path, read_pdf):
    """An organisation set up under its formal name, the union's and the old districts' in it,
    printed all of it as the issuer: "BCH ĐOÀN TNCS HỒ CHÍ MINH XÃ TÂN HƯNG ĐÔNG, HUYỆN CÁI
    NƯỚC, TỈNH CÀ MAU" on four lines of capitals under the superior body, beside the union's
    own name at right. The issuer line is the BCH of "Đoàn xã Tân Hưng Đông", as the union
    writes it; the body keeps the name as set."""
    assert issuing_body(FORMAL_NAME) == "BCH ĐOÀN XÃ TÂN HƯNG ĐÔNG"
    assert issuing_body("Đoàn Thanh niên Cộng sản Hồ Chí Minh phường 5, TP. Cà Mau") == (
        "BCH ĐOÀN PHƯỜNG 5"
    )
    assert issuing_body("Đoàn xã Tân Hưng, thành phố Cà Mau") == "BCH ĐOÀN XÃ TÂN HƯNG"
    # a comma that does not start an address stays, and so does a name that is only the union's
    assert issuing_body("Đoàn Khối các cơ quan, doanh nghiệp tỉnh") == (
        "BCH ĐOÀN KHỐI CÁC CƠ QUAN, DOANH NGHIỆP TỈNH"
    )
    assert issuing_body("Đoàn TNCS Hồ Chí Minh") == "BCH ĐOÀN TNCS HỒ CHÍ MINH"
    org = replace(ORG, name=FORMAL_NAME, commune="Tân Hưng Đông")
    body = [Paragraph(f"{FORMAL_NAME} báo cáo như sau.", styles()["body"])]
    path = UnionDocument(org, kind="Báo cáo", issued_on=DAY).build(tmp_path / "bc.pdf", body)
    pdf = read_pdf(path)
    lines = [line.strip() for line in pdf.text().splitlines()]
    assert lines[:3] == ["TỈNH ĐOÀN CÀ MAU", "BCH ĐOÀN XÃ TÂN HƯNG ĐÔNG", "***"]
    assert FORMAL_NAME in " ".join(lines)
    from doancoso.reports.dossier.front import write_front

    cover = read_pdf(write_front(tmp_path / "front.pdf", org, 2026, DAY, [], []))
    heads = [line.strip() for line in cover.page_texts()[0].splitlines()[:2]]
    assert heads == ["TỈNH ĐOÀN CÀ MAU", "ĐOÀN XÃ TÂN HƯNG ĐÔNG"]


LONG_SUPERIOR = "Ban Thường vụ Đoàn TNCS Hồ Chí Minh tỉnh Bà Rịa - Vũng Tàu"
LONG_NAME = "BCH Đoàn xã Phước Long Thọ, huyện Đất Đỏ"


def _rules(pdf: object, index: int) -> list[tuple[float, float, float]]:
    """The horizontal lines drawn on page ``index``: (left x, right x, y), in page points."""
    from pypdf.generic import ContentStream

    reader = pdf.reader  # type: ignore[attr-defined]
    page = reader.pages[index]
    ctm, stack = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), []
    start, found = (0.0, 0.0), []

    def at(x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = ctm
        return a * x + c * y + e, b * x + d * y + f

    for operands, op in ContentStream(page.get_contents(), reader).operations:
        values = [float(v) for v in operands] if op in (b"cm", b"m", b"l") else []
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop()
        elif op == b"cm":
            a, b, c, d, e, f = values
            A, B, C, D, E, F = ctm  # noqa: N806 (the matrix's usual names)
            ctm = (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
                   e * A + f * C + E, e * B + f * D + F)  # fmt: skip
        elif op == b"m":
            start = at(*values)
        elif op == b"l":
            end = at(*values)
            if abs(end[1] - start[1]) < 0.01:
                found.append((min(start[0], end[0]), max(start[0], end[0]), start[1]))
    return found


@pytest.mark.parametrize(
    ("orientation", "superior_lines"),
    [
        ("portrait", ["BAN THƯỜNG VỤ", "ĐOÀN TNCS HỒ CHÍ MINH", "TỈNH BÀ RỊA - VŨNG TÀU"]),
        ("landscape", ["BAN THƯỜNG VỤ ĐOÀN TNCS HỒ CHÍ MINH", "TỈNH BÀ RỊA - VŨNG TÀU"]),
    ],
)
def test_long_body_names_wrap_cleanly_beside_the_unions_name(
    tmp_path, read_pdf, orientation, superior_lines
):
    """A long superior body beside a long organisation wrapped as the paragraph filled its
    lines: "BAN THƯỜNG VỤ ĐOÀN TNCS HỒ" / "CHÍ MINH TỈNH BÀ RỊA - VŨNG" / "TÀU" on a portrait
    page, "HỒ CHÍ" / "MINH" on a landscape one, a few points from the union's name. The names
    go on the fewest even lines, the union's name and a place's kept whole, each line centred
    in the left block, a gap before the union's name, whose rule is under it."""
    org = replace(ORG, name=LONG_NAME, superior_name=LONG_SUPERIOR, commune="Phước Long Thọ")
    pdf = read_pdf(_report(tmp_path, org, orientation=orientation))
    from doancoso.reports.fonts import BOLD, string_width

    runs = pdf.runs(0)
    union = next(r for r in runs if r.text == "ĐOÀN TNCS HỒ CHÍ MINH" and r.font.endswith("Bold"))
    stars = next(run for run in runs if run.text == "***")
    left = [run for run in runs if run.y >= stars.y - 0.5 and run.x < union.x]
    assert [run.text for run in left] == [*superior_lines, "BCH ĐOÀN XÃ PHƯỚC LONG THỌ", "***"]
    assert [run.font for run in left] == ["LiberationSerif"] * len(superior_lines) + [
        "LiberationSerif-Bold", "LiberationSerif"]  # fmt: skip

    def ends(run):
        font = {"LiberationSerif": REGULAR, "LiberationSerif-Bold": BOLD}[run.font]
        return run.x, run.x + string_width(run.text, font, 14)

    centres = [sum(ends(run)) / 2 for run in left]
    assert max(centres) - min(centres) < 0.5  # every line centred in the block
    assert max(ends(run)[1] for run in left) + 4 * MM <= union.x  # a gap before the union
    union_right = union.x + string_width(union.text, BOLD, 15)
    date = next(run for run in runs if run.text.startswith("Phước Long Thọ, ngày"))
    [rule] = _rules(pdf, 0)
    assert date.y < rule[2] < union.y  # under the union's name, above the date
    assert abs((rule[0] + rule[1]) / 2 - (union.x + union_right) / 2) < 1  # centred under it


def test_the_dossiers_cover_wraps_long_body_names_cleanly(tmp_path, read_pdf):
    """The dossier's cover, the bodies' names across the page, printed the long superior body
    as the paragraph filled its lines: "BAN THƯỜNG VỤ ĐOÀN TNCS HỒ CHÍ MINH TỈNH BÀ RỊA - VŨNG"
    then "TÀU" alone. It goes on even lines, the union's name and the province's kept whole."""
    from doancoso.reports.dossier.front import write_front

    org = replace(ORG, name=LONG_NAME, superior_name=LONG_SUPERIOR, commune="Phước Long Thọ")
    cover = read_pdf(write_front(tmp_path / "front.pdf", org, 2026, DAY, [], []))
    heads = [line.strip() for line in cover.page_texts()[0].splitlines()[:3]]
    assert heads == [
        "BAN THƯỜNG VỤ ĐOÀN TNCS HỒ CHÍ MINH", "TỈNH BÀ RỊA - VŨNG TÀU",
        "BCH ĐOÀN XÃ PHƯỚC LONG THỌ"]  # fmt: skip
