"""The register of advice and coordination on its pages: its coordination section, when it does
not fit the rest of a page, starts on that page (its heading with the table's header row and at
least its first row) and goes on on the next with the header row repeated, rather than going
whole to the next page and leaving half a page blank."""

from __future__ import annotations

from pathlib import Path

from page_marks import MM, find, lowest_text

from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.register import COORDINATION_HEAD, read_register, write_register
from dossier_data import ISSUED

ADVICE = (
    ("10/02/2025", "03-TTr/ĐTN", "Tờ trình đề nghị hỗ trợ kinh phí tổ chức “Ngày Chủ nhật xanh”",
     "Đề nghị Đảng ủy xã hỗ trợ kinh phí mua dụng cụ, cây xanh cho bốn đợt ra quân trong năm."),
    ("20/03/2025", "07-BC/ĐTN", "Báo cáo tình hình thanh niên đi làm ăn xa và đề xuất giải pháp",
     "Tổng hợp số thanh niên đi làm ăn xa theo từng ấp; đề xuất lập nhóm Zalo giữ liên lạc."),
    ("05/05/2025", "11-TTr/ĐTN", "Tờ trình đề nghị giới thiệu đoàn viên ưu tú cho Đảng",
     "Giới thiệu năm đoàn viên ưu tú của các chi đoàn ấp cho Chi bộ xem xét, bồi dưỡng."),
)  # fmt: skip
PARTNERS = ("Công an xã Tân Hưng", "Trạm Y tế xã", "Hội Liên hiệp Phụ nữ xã",
            "Ban Chỉ huy Quân sự xã")  # fmt: skip


def _register(ws: Workspace, partners: tuple[str, ...] = PARTNERS) -> Workspace:
    for day, number, title, summary in ADVICE:
        ws.registers.save_advice({"day": day, "number": number, "title": title,
                                  "summary": summary})  # fmt: skip
    for month, partner in enumerate(partners, start=8):
        ws.registers.save_coordination({
            "day": f"01/{month:02d}/2025", "end_day": "31/12/2025", "partner": partner,
            "title": f"Chương trình phối hợp với {partner}",
            "content": "Tuyên truyền cho đoàn viên, thanh niên tại các ấp; mỗi quý một đợt "
                       "ra quân, có báo cáo kết quả sau mỗi đợt.",
            "results": "Bốn đợt, 320 lượt đoàn viên, thanh niên tham gia.",
        })  # fmt: skip
    return ws


def test_the_coordination_section_starts_on_the_page_it_does_not_fit(
    ws: Workspace, tmp_path: Path
) -> None:
    org = ws.organization.get()
    assert org is not None
    path = write_register(tmp_path / "so.pdf", org, read_register(_register(ws), 2025), 2025,
                          ISSUED)  # fmt: skip
    heading = find(path, COORDINATION_HEAD)
    first = find(path, PARTNERS[0])
    last = find(path, PARTNERS[-1])
    # It does not fit the first page: its last row is on the next one, under the header row
    # repeated there.
    assert last.page == 1
    assert find(path, "Tổng cộng: 3 văn bản tham mưu, 4 chương trình phối hợp.").page == 1
    # The heading, with the first row under it, stays on the page the advice ends on, and
    # that page is filled down to its foot (less than a row's room is left blank there).
    assert heading.page == first.page == 0 and first.top < heading.top
    assert lowest_text(path, 0) < 20 * MM + 40 * MM
    header_tops = _tops(path, "Đơn vị phối hợp")
    assert [page for page, _ in header_tops] == [0, 1]


def test_a_heading_never_ends_a_page_without_a_row_under_it(ws: Workspace, tmp_path: Path) -> None:
    """One programme: it fits under the advice, the signature does not. Its only row goes
    over to the signature's page (a total and a signature never stand alone), and its heading
    and header row with it."""
    org = ws.organization.get()
    assert org is not None
    path = write_register(tmp_path / "so.pdf", org, read_register(_register(ws, PARTNERS[:1]),
                          2025), 2025, ISSUED)  # fmt: skip
    assert find(path, COORDINATION_HEAD).page == find(path, PARTNERS[0]).page == 1
    assert [page for page, _ in _tops(path, "Đơn vị phối hợp")] == [1]
    assert find(path, "Tổng cộng: 3 văn bản tham mưu, 1 chương trình phối hợp.").page == 1


def _tops(path: Path, text: str) -> list[tuple[int, float]]:
    """Every place ``text`` is printed: (page, top)."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    pdf = pdfium.PdfDocument(str(path))
    try:
        found = []
        for index, page in enumerate(pdf):
            textpage = page.get_textpage()
            searcher = textpage.search(text)
            while (hit := searcher.get_next()) is not None:
                found.append((index, float(textpage.get_charbox(hit[0])[3])))
        return found
    finally:
        pdf.close()
