"""Criterion 3 in the dossier: the register of advice and coordination of the year (its files
numbered in the evidence annex under their items, a file already attached to an item not put in
twice) and the list of the members introduced to the Party, as many as item 3.2 counts."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from doancoso.core.dossier.check import Gap, check
from doancoso.core.errors import ConflictError
from doancoso.core.recognition.registers import ADVICE_TABLE, COORDINATION_TABLE
from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.build import build_dossier
from dossier_data import ISSUED, evidence_pdf, sideways_photo

ReadPdf = Callable[[Path], Any]
DAY = dt.date(2025, 12, 20)
PARTS = ("bang", "tham-muu-phoi-hop", "gioi-thieu-dang", "minh-chung")


@pytest.fixture
def register_ws(ws: Workspace, tmp_path: Path) -> Workspace:
    ws.recognition.open(2025)
    ws.recognition.set(2025, "3.1", {"status": "dat"})
    proposal = evidence_pdf(tmp_path / "to-trinh.pdf", pages=1)
    ws.recognition.attach(2025, "3.1", proposal, "Tờ trình số 05-TTr/ĐTN")
    advice = ws.registers.save_advice({
        "day": "10/03/2025", "number": "05-TTr/ĐTN",
        "title": "Đề xuất giao chỉ tiêu giới thiệu đoàn viên ưu tú",
        "answer": "Đảng ủy đồng ý, giao Chi bộ các ấp thực hiện", "answer_day": "20/03/2025",
    })  # fmt: skip
    ws.evidence.attach(ADVICE_TABLE, advice, proposal, "Tờ trình số 05-TTr/ĐTN")  # the same file
    ws.evidence.attach(ADVICE_TABLE, advice, evidence_pdf(tmp_path / "tra-loi.pdf", pages=1),
                       "Công văn trả lời của Đảng ủy")  # fmt: skip
    ws.registers.save_advice({"day": "02/09/2025", "title": "Báo cáo tình hình thanh niên"})
    ws.registers.save_advice({"day": "02/09/2024", "title": "Năm trước, không in"})
    program = ws.registers.save_coordination({
        "day": "01/04/2025", "end_day": "30/06/2025", "partner": "Công an xã Tân Hưng",
        "title": "Tuyên truyền pháp luật cho thanh niên", "results": "6 buổi, 420 lượt",
    })  # fmt: skip
    ws.evidence.attach(COORDINATION_TABLE, program, sideways_photo(tmp_path / "anh.jpg"),
                       "Buổi tuyên truyền tại ấp Bà Điều")  # fmt: skip
    branch = ws.branches.create("Chi đoàn ấp Bà Điều").id
    for name, born, day, number in (("Nguyễn Văn An", "02/03/2000", "05/03/2025", "12-GT/ĐTN"),
                                    ("Trần Thị Bé", "15/07/2001", "20/09/2025", None),
                                    ("Lê Văn Cũ", "01/01/1999", "10/04/2024", None)):  # fmt: skip
        member = ws.members.save({"full_name": name, "birth_date": born, "branch_id": branch})
        ws.events.record(member, "party_introduction", day, number=number)
    return ws


def test_the_register_and_the_list_in_the_dossier(register_ws: Workspace, tmp_path: Path,
                                                  read_pdf: ReadPdf) -> None:  # fmt: skip
    built = build_dossier(register_ws, tmp_path / "ho-so.pdf", 2025, PARTS, issued_on=DAY)
    pdf = read_pdf(built.path)
    texts = pdf.page_texts()
    assert len(texts) == 11 and built.omitted == ()
    # The register's files under items 3.1 and 3.3; the proposal attached to 3.1 and to the
    # advice record is in the annex once.
    assert texts[1] == (
        "MỤC LỤC\nSTT\n Nội dung\n Trang\n1\nBảng tự đánh giá\n3\n2\nSổ tham mưu, phối hợp\n5\n"
        "3\nDanh sách đoàn viên ưu tú được giới thiệu cho Đảng\n7\n4\nPhụ lục minh chứng\n8\n"
        "Minh chứng 3.1.1: Tờ trình số 05-TTr/ĐTN\n9\n"
        "Minh chứng 3.1.2: Công văn trả lời của Đảng ủy\n10\n"
        "Minh chứng 3.3.1: Buổi tuyên truyền tại ấp Bà Điều\n11\n2\n"
    )
    # The self-assessment table cites the register and the list, then the files, each with
    # the page where it starts.
    table = " ".join(texts[3].split())
    assert (
        "3.1 Tham mưu cấp ủy bằng văn bản về công tác Đoàn và phong trào thanh thiếu nhi Đạt "
        "2 văn bản tham mưu trong năm. Sổ tham mưu, phối hợp năm 2025 (trang 5); Minh chứng "
        "3.1.1 (trang 9): Tờ trình số 05-TTr/ĐTN; Minh chứng 3.1.2 (trang 10): Công văn trả lời "
        "của Đảng ủy 3.2 "
    ) in table
    assert " Danh sách đoàn viên ưu tú được giới thiệu cho Đảng năm 2025 (trang 7) 3.3" in table
    assert texts[4] == (
        "TỈNH ĐOÀN CÀ MAU\n BCH ĐOÀN XÃ TÂN HƯNG\n ***\n ĐOÀN TNCS HỒ CHÍ MINH\n"
        " Số:          -DS/ĐTN\n Tân Hưng, ngày 20 tháng 12 năm 2025\n"
        " SỔ THAM MƯU, PHỐI HỢP\n Năm 2025\nI. Văn bản tham mưu cấp ủy\n STT\n Số, ký hiệu\n"
        " Ngày\n Trích yếu\n Trả lời của cấp ủy\n Minh chứng\n"
        "1\n05-TTr/ĐTN\n10/03/2025\nĐề xuất giao chỉ tiêu giới thiệu đoàn viên ưu tú\n"
        "Đảng ủy đồng ý, giao Chi bộ các ấp\nthực hiện (ngày 20/03/2025)\n"
        "Minh chứng 3.1.1 (trang 9);\nMinh chứng 3.1.2 (trang 10)\n"
        "2\n02/09/2025\nBáo cáo tình hình thanh niên\nChưa trả lời\n5\n"
    )
    assert texts[5] == (  # its second part and the total after the room left under the table
        "II. Chương trình phối hợp\n STT\n Đơn vị phối hợp\n Thời gian\n"
        " Chương trình, nội dung\n Kết quả\n Minh chứng\n"
        "1\nCông an xã Tân Hưng\n 01/04/2025 –\n 30/06/2025\n"
        "Tuyên truyền pháp luật cho thanh niên\n6 buổi, 420 lượt\nMinh chứng 3.3.1 (trang 11)\n"
        "Tổng cộng: 2 văn bản tham mưu, 1 chương trình phối hợp.\nNơi nhận:\n"
        "- Tỉnh đoàn Cà Mau (b/c);\n- Lưu VP.\n TM. BAN CHẤP HÀNH\n BÍ THƯ\n"
        " Nguyễn Thị Như Quỳnh\n6\n"
    )
    assert texts[6].endswith(
        " DANH SÁCH\n Đoàn viên ưu tú được giới thiệu cho Đảng năm 2025\n STT\n Họ và tên\n"
        " Ngày sinh\n Chi đoàn\n Ngày\ngiới thiệu\n Số văn bản\n"
        "1\nNguyễn Văn An\n02/03/2000\nChi đoàn ấp Bà Điều\n05/03/2025\n12-GT/ĐTN\n"
        "2\nTrần Thị Bé\n15/07/2001\nChi đoàn ấp Bà Điều\n20/09/2025\n"
        "Tổng số: 2 đoàn viên.\nNơi nhận:\n- Tỉnh đoàn Cà Mau (b/c);\n- Lưu VP.\n"
        " TM. BAN CHẤP HÀNH\n BÍ THƯ\n Nguyễn Thị Như Quỳnh\n7\n"
    )
    # each PDF's number at the top of its page, with its caption at the foot
    assert [t.split("\n")[-3:-1] for t in texts[8:10]] == [
        ["Minh chứng 3.1.1", "Minh chứng 3.1.1: Tờ trình số 05-TTr/ĐTN"],
        ["Minh chứng 3.1.2", "Minh chứng 3.1.2: Công văn trả lời của Đảng ủy"],
    ]
    assert texts[10].startswith("Minh chứng 3.3.1\n Buổi tuyên truyền tại ấp Bà Điều\n")
    assert all(pdf.fonts().values())


def test_the_list_has_as_many_names_as_item_3_2_counts(register_ws: Workspace, tmp_path: Path,
                                                       read_pdf: ReadPdf) -> None:  # fmt: skip
    view = register_ws.recognition.view(2025)
    (item,) = [v for v in view.items if v.item.code == "3.2"]
    assert item.indicator is not None
    assert item.indicator.text == "2 đoàn viên ưu tú được giới thiệu cho Đảng trong năm."
    built = build_dossier(register_ws, tmp_path / "ds.pdf", 2025, ("gioi-thieu-dang",),
                          issued_on=DAY)  # fmt: skip
    text = read_pdf(built.path).page_texts()[2]
    rows = re.findall(r"^\d+\n.+\n\d\d/\d\d/\d{4}\n", text, re.MULTILINE)
    assert len(rows) == item.indicator.value == 2
    assert f"Tổng số: {len(rows)} đoàn viên." in text


def test_an_empty_register_prints_none_and_is_a_gap(ws: Workspace, tmp_path: Path,
                                                    read_pdf: ReadPdf) -> None:  # fmt: skip
    ws.recognition.open(2025)
    parts = ("tham-muu-phoi-hop", "gioi-thieu-dang")
    assert check(ws, 2025, parts) == [
        Gap("tham-muu-phoi-hop", "Chưa có văn bản tham mưu cấp ủy nào trong năm 2025: ghi ở "
            "trang “3 chủ động”, tab “Sổ tham mưu, phối hợp”.",
            "doancoso advice add --date dd/mm/yyyy --title TÊN --number SỐ"),
        Gap("tham-muu-phoi-hop", "Chưa có chương trình phối hợp nào trong năm 2025: ghi ở trang "
            "“3 chủ động”, tab “Sổ tham mưu, phối hợp”.",
            "doancoso coordination add --date dd/mm/yyyy --partner ĐƠN_VỊ --title TÊN"),
        Gap("gioi-thieu-dang", "Chưa có đoàn viên nào được giới thiệu cho Đảng trong năm 2025: ở "
            "trang Đoàn viên, chọn đoàn viên → “Ghi sự kiện…” → “Giới thiệu đoàn viên ưu tú cho "
            "Đảng”."),
    ]  # fmt: skip
    built = build_dossier(ws, tmp_path / "trong.pdf", 2025, parts, issued_on=DAY)
    assert built.parts == () and built.omitted == (
        ("Sổ tham mưu, phối hợp",
         "Chưa có văn bản tham mưu, chương trình phối hợp nào trong năm 2025."),
        ("Danh sách đoàn viên ưu tú được giới thiệu cho Đảng",
         "Chưa có đoàn viên nào được giới thiệu cho Đảng trong năm 2025."),
    )  # fmt: skip
    # One half of the register empty: "Không có." rather than an empty table.
    ws.registers.save_coordination({"day": "01/04/2025", "partner": "Hội Nông dân xã",
                                    "title": "Hỗ trợ thu hoạch lúa"})  # fmt: skip
    assert [g.part for g in check(ws, 2025, parts)] == ["tham-muu-phoi-hop", "gioi-thieu-dang"]
    built = build_dossier(ws, tmp_path / "mot-nua.pdf", 2025, parts, issued_on=DAY)
    text = read_pdf(built.path).page_texts()[2]
    assert " Năm 2025\nI. Văn bản tham mưu cấp ủy\nKhông có.\nII. Chương trình phối hợp\n" in text
    assert "Tổng cộng: 0 văn bản tham mưu, 1 chương trình phối hợp.\n" in text


def test_the_register_files_are_annexed_when_no_item_cites_the_register(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """A province's template whose items neither cite nor count the register (a template
    imported from its spreadsheet): the register's files are still in the annex, numbered by
    the register's own records ("Minh chứng TM.1.1": advice 1, file 1; "PH.1.1": coordination
    1), and the register cites them by those numbers, never by a file name the superior
    body's reader cannot find in the dossier."""
    import json

    from doancoso.core.recognition.template import default_template, parse_template

    data = json.loads(default_template().text)
    data["name"] = "Bộ tiêu chí của Tỉnh đoàn Cà Mau"
    for item in data["criteria"][2]["items"]:
        if item["code"] in ("3.1", "3.3"):
            item.pop("records", None)
            item.pop("indicator", None)
    ws.recognition.add_template(parse_template(json.dumps(data, ensure_ascii=False)))
    ws.recognition.open(2025, "Bộ tiêu chí của Tỉnh đoàn Cà Mau")
    advice = ws.registers.save_advice(
        {"day": "10/03/2025", "number": "05-TTr/ĐTN", "title": "Đề xuất giao chỉ tiêu"}
    )
    ws.evidence.attach(ADVICE_TABLE, advice, evidence_pdf(tmp_path / "tra-loi.pdf", pages=1),
                       "Công văn trả lời của Đảng ủy")  # fmt: skip
    program = ws.registers.save_coordination({"day": "01/04/2025", "partner": "Công an xã",
                                              "title": "Tuyên truyền pháp luật"})  # fmt: skip
    ws.evidence.attach(COORDINATION_TABLE, program, sideways_photo(tmp_path / "anh.jpg"),
                       "Buổi tuyên truyền tại ấp Bà Điều")  # fmt: skip
    parts = ("tham-muu-phoi-hop", "minh-chung")
    built = build_dossier(ws, tmp_path / "ho-so.pdf", 2025, parts, issued_on=DAY)
    texts = read_pdf(built.path).page_texts()
    assert built.omitted == ()
    assert texts[1] == (
        "MỤC LỤC\nSTT\n Nội dung\n Trang\n1\nSổ tham mưu, phối hợp\n3\n"
        "2\nPhụ lục minh chứng\n4\n"
        "Minh chứng TM.1.1: Công văn trả lời của Đảng ủy\n5\n"
        "Minh chứng PH.1.1: Buổi tuyên truyền tại ấp Bà Điều\n6\n2\n"
    )
    assert "Đề xuất giao chỉ tiêu\nChưa trả lời\nMinh chứng TM.1.1 (trang 5)\n" in texts[2]
    assert "Tuyên truyền pháp luật\nMinh chứng PH.1.1 (trang 6)\n" in texts[2]
    assert "tra-loi.pdf" not in texts[2] and "anh.jpg" not in texts[2]
    assert texts[4].split("\n")[-3:-1] == [
        "Minh chứng TM.1.1", "Minh chứng TM.1.1: Công văn trả lời của Đảng ủy"]  # fmt: skip
    assert texts[5].startswith("Minh chứng PH.1.1\n Buổi tuyên truyền tại ấp Bà Điều\n")


def test_the_table_cites_the_parts_in_the_dossier_and_only_those(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """The self-assessment table's evidence column names the dossier's parts its items' records
    are (the member list for 1.1, the youth list for 1.6, the rating for 1.2 and 1.3...), as
    the superior body's scoring tables cite a document; never a part left out of this dossier
    (an empty register, a year without a plan)."""
    ws.recognition.open(2025)
    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "02/03/2000",
                     "admission_date": "26/03/2017"})  # fmt: skip
    ws.youth.save({"full_name": "Trần Văn Bé", "birth_date": "01/01/2005", "in_hardship": "x"})
    parts = ("bang", "ke-hoach", "tham-muu-phoi-hop", "doan-vien", "thanh-nien")
    built = build_dossier(ws, tmp_path / "ho-so.pdf", 2025, parts, issued_on=DAY)
    assert [name for name, _ in built.omitted] == ["Kế hoạch và báo cáo kết quả",
                                                  "Sổ tham mưu, phối hợp"]  # fmt: skip
    table = re.sub(r"\s+", " ", "".join(read_pdf(built.path).page_texts()[2:4]))
    assert "Sổ tham mưu" not in table and "Kế hoạch và báo cáo" not in table
    assert "Danh sách đoàn viên năm 2025" in table
    assert "Danh sách thanh niên có hoàn cảnh khó khăn năm 2025" in table


ADVICE_NO_CAPTION = (
    "Văn bản tham mưu ngày 02/09/2025 “Báo cáo tình hình thanh niên”: tệp minh chứng "
    "“bao-cao.pdf” chưa có chú thích; hồ sơ in trích yếu của văn bản thay cho tên tệp. Ghi chú "
    "thích (ví dụ “Công văn trả lời của Đảng ủy”) ở trang “3 chủ động”, tab “Sổ tham mưu, "
    "phối hợp”."
)
COORDINATION_NO_CAPTION = (
    "Chương trình phối hợp với Công an xã Tân Hưng “Tuyên truyền pháp luật cho thanh niên”: tệp "
    "minh chứng “anh-2.jpg” chưa có chú thích; hồ sơ in tên chương trình thay cho tên tệp. Ghi "
    "chú thích (ví dụ “Buổi tuyên truyền tại ấp Bà Điều”) ở trang “3 chủ động”, tab “Sổ tham "
    "mưu, phối hợp”."
)


def test_register_files_without_a_caption_are_named_by_the_check(
    register_ws: Workspace, tmp_path: Path
) -> None:
    """The annex puts the register's files in as it puts the items' (here under items 3.1 and
    3.3, which cite the register): one without a caption is named by the dossier's check, with
    its record and where to caption it, as an item's is; once in the annex only (a file also
    attached to an item is the item's)."""
    ws = register_ws
    _, second = ws.registers.advice(2025)
    ws.evidence.attach(ADVICE_TABLE, second.id, evidence_pdf(tmp_path / "bao-cao.pdf", pages=2))
    (program,) = ws.registers.coordination(2025)
    photo = tmp_path / "anh-2.jpg"
    Image.new("RGB", (300, 200), (0, 128, 0)).save(photo)
    ws.evidence.attach(COORDINATION_TABLE, program.id, photo)
    with pytest.raises(ConflictError, match="“anh-2.jpg” đã được đính kèm vào đây: không"):
        ws.evidence.attach(COORDINATION_TABLE, program.id, photo)  # the same file twice
    gaps = check(ws, 2025, PARTS)
    assert [g for g in gaps if "chưa có chú thích" in g.reason] == [
        Gap("minh-chung", ADVICE_NO_CAPTION, record=second.id),
        Gap("minh-chung", COORDINATION_NO_CAPTION, record=program.id),
    ]
    assert Gap("bang", ADVICE_NO_CAPTION, record=second.id) in check(
        ws, 2025, ("bang", "tham-muu-phoi-hop")
    )
    assert not [g for g in check(ws, 2025, ("tham-muu-phoi-hop",)) if "chú thích" in g.reason]


def test_register_files_numbered_by_the_register_are_checked_too(
    ws: Workspace, tmp_path: Path
) -> None:
    """A template whose items do not cite the register: its files are annexed as "Minh chứng
    TM.1.1" when the register is in the dossier, and checked then; `doancoso dossier --check`
    names them."""
    import json

    from doancoso.cli.main import run
    from doancoso.core.recognition.template import default_template, parse_template

    data = json.loads(default_template().text)
    data["name"] = "Bộ tiêu chí của Tỉnh đoàn Cà Mau"
    for item in data["criteria"][2]["items"]:
        if item["code"] in ("3.1", "3.3"):
            item.pop("records", None)
            item.pop("indicator", None)
    ws.recognition.add_template(parse_template(json.dumps(data, ensure_ascii=False)))
    ws.recognition.open(2025, "Bộ tiêu chí của Tỉnh đoàn Cà Mau")
    advice = ws.registers.save_advice(
        {"day": "02/09/2025", "title": "Báo cáo tình hình thanh niên"}
    )
    ws.evidence.attach(ADVICE_TABLE, advice, evidence_pdf(tmp_path / "bao-cao.pdf", pages=1))
    gap = Gap("minh-chung", ADVICE_NO_CAPTION, record=advice)
    assert gap in check(ws, 2025, ("tham-muu-phoi-hop", "minh-chung"))
    assert not [g for g in check(ws, 2025, ("minh-chung",)) if "chú thích" in g.reason]
    out, err = StringIO(), StringIO()
    code = run(["dossier", "--year", "2025", "--check", "--parts", "tham-muu-phoi-hop,minh-chung",
                "--data-dir", str(ws.data_dir)], out=out, err=err)  # fmt: skip
    assert (code, err.getvalue()) == (0, "")
    assert f"  [Phụ lục minh chứng] {ADVICE_NO_CAPTION}\n" in out.getvalue()


def test_the_coordination_heading_never_ends_a_page(ws: Workspace, tmp_path: Path,
                                                    read_pdf: ReadPdf) -> None:  # fmt: skip
    """However many advice documents fill the register's first page, its heading "II.
    Chương trình phối hợp" starts a page with its table rather than standing alone at the
    foot of the page before."""
    ws.registers.save_coordination({"day": "01/04/2025", "partner": "Công an xã Tân Hưng",
                                    "title": "Tuyên truyền pháp luật cho thanh niên"})  # fmt: skip
    for count in range(1, 18):
        ws.registers.save_advice({"day": "10/03/2025", "title": f"Văn bản tham mưu số {count}"})
        if count < 8:
            continue
        built = build_dossier(ws, tmp_path / f"{count}.pdf", 2025, ("tham-muu-phoi-hop",),
                              issued_on=ISSUED)  # fmt: skip
        for text in read_pdf(built.path).page_texts()[2:]:
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            assert lines[-2] != "II. Chương trình phối hợp", count  # the last: the page number


def test_the_register_cites_each_file_with_its_page(register_ws: Workspace, tmp_path: Path,
                                                    read_pdf: ReadPdf) -> None:  # fmt: skip
    """As the self-assessment table does, the register cites each file with the page of the
    dossier where it starts: the officer turns to it from the register's row, and that page
    holds that file (its number at the top)."""
    built = build_dossier(register_ws, tmp_path / "ho-so.pdf", 2025, PARTS, issued_on=DAY)
    texts = read_pdf(built.path).page_texts()
    register = " ".join(" ".join(texts[4:6]).split())
    assert (
        " Đảng ủy đồng ý, giao Chi bộ các ấp thực hiện (ngày 20/03/2025) Minh chứng 3.1.1 "
        "(trang 9); Minh chứng 3.1.2 (trang 10) 2 02/09/2025 "
    ) in register
    assert " 6 buổi, 420 lượt Minh chứng 3.3.1 (trang 11) Tổng cộng: " in register
    cited = re.findall(r"Minh chứng ([\d.]+) \(trang (\d+)\)", register)
    assert cited == [("3.1.1", "9"), ("3.1.2", "10"), ("3.3.1", "11")]
    for number, page in cited:  # its number at the top: a scan's last line, a photo's first
        lines = texts[int(page) - 1].split("\n")
        assert f"Minh chứng {number}" in (lines[0], lines[-3]), number


def test_the_register_cites_no_page_without_the_annex(register_ws: Workspace, tmp_path: Path,
                                                      read_pdf: ReadPdf) -> None:  # fmt: skip
    built = build_dossier(register_ws, tmp_path / "ho-so.pdf", 2025, ("tham-muu-phoi-hop",),
                          issued_on=DAY)  # fmt: skip
    register = " ".join(read_pdf(built.path).page_texts()[2].split())
    assert " Minh chứng 3.1.1; Minh chứng 3.1.2 2 02/09/2025 " in register
    assert "(trang" not in register
