"""The dossier's check names the evidence files lost from the store (gone, or no longer the size
they were attached with): each the annex would print, with its item (or its register record),
the file's name as attached, and how to get it back. A file the dossier would not print is not
named; the check reads each stored file's size, never its bytes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PIL import Image

from doancoso.core.dossier.check import Gap, check
from doancoso.core.dossier.lost import lost_way_back
from doancoso.core.evidence.store import EvidenceStore
from doancoso.core.recognition.registers import ADVICE_TABLE, COORDINATION_TABLE
from doancoso.core.workspace import Workspace
from dossier_data import evidence_pdf

DAY = dt.date(2025, 12, 20)
PARTS = ("bang", "tham-muu-phoi-hop", "minh-chung")
REMEDY = (
    "không còn trong thư mục dữ liệu hoặc đã bị hỏng, nên chưa lập được hồ sơ. Hãy lấy lại từ "
    "một bản sao lưu ra USB có tệp đó (“Lấy lại tệp minh chứng bị mất từ USB…” trong “Sao lưu "
    "và khôi phục…”, lệnh doancoso restore-evidence) hoặc đính kèm lại tệp gốc "
)
REGISTER_TAB = "ở trang “3 chủ động”, tab “Sổ tham mưu, phối hợp”."


@pytest.fixture
def lost_ws(ws: Workspace, tmp_path: Path) -> Workspace:
    """Items 1.1 (a PDF) and 1.2 (a photo), an advice record with a file of its own and a
    coordination record sharing 1.1's file, every file captioned."""
    ws.recognition.open(2025)
    ws.recognition.set(2025, "1.1", {"status": "dat"})
    minutes = evidence_pdf(tmp_path / "bien-ban.pdf")
    ws.recognition.attach(2025, "1.1", minutes, "Biên bản rà soát đoàn viên")
    photo = tmp_path / "anh-sinh-hoat.jpg"
    Image.new("RGB", (60, 40), (200, 30, 30)).save(photo)
    ws.recognition.attach(2025, "1.2", photo, "Buổi sinh hoạt chi đoàn")
    advice = ws.registers.save_advice({"day": "10/03/2025", "title": "Đề xuất giao chỉ tiêu"})
    ws.evidence.attach(ADVICE_TABLE, advice, evidence_pdf(tmp_path / "tra-loi.pdf", pages=1),
                       "Công văn trả lời của Đảng ủy")  # fmt: skip
    program = ws.registers.save_coordination(
        {"day": "01/04/2025", "partner": "Công an xã", "title": "Tuyên truyền pháp luật"}
    )
    ws.evidence.attach(COORDINATION_TABLE, program, minutes, "Biên bản rà soát đoàn viên")
    return ws


def _stored(ws: Workspace) -> list[Path]:
    return sorted(EvidenceStore(ws.data_dir).folder.iterdir())


def _lost(ws: Workspace, parts: tuple[str, ...] = PARTS) -> list[Gap]:
    return [g for g in check(ws, 2025, parts, as_of=DAY) if g.lost is not None]


def test_every_file_lost_from_the_store_is_named_with_its_item_and_the_way_back(
    lost_ws: Workspace,
) -> None:
    assert _lost(lost_ws) == []
    files = {a.original_name: a for v in lost_ws.recognition.view(2025, DAY).items
             for a in v.files}  # fmt: skip
    advice = lost_ws.registers.advice(2025)[0]
    for path in _stored(lost_ws):
        path.unlink()
    answer = lost_ws.evidence.attachments_of(ADVICE_TABLE, [advice.id])[advice.id][0]
    assert _lost(lost_ws) == [
        Gap("minh-chung", f"Mục 1.1: tệp minh chứng “bien-ban.pdf” {REMEDY}ở mục 1.1, trang "
            "“3 chủ động”.", item="1.1", lost=files["bien-ban.pdf"].sha256),
        Gap("minh-chung", f"Mục 1.2: tệp minh chứng “anh-sinh-hoat.jpg” {REMEDY}ở mục 1.2, "
            "trang “3 chủ động”.", item="1.2", lost=files["anh-sinh-hoat.jpg"].sha256),
        # Item 3.1 cites the advice register; the coordination record's file is 1.1's, named
        # once.
        Gap("minh-chung", "Mục 3.1, văn bản tham mưu ngày 10/03/2025 “Đề xuất giao chỉ tiêu”: "
            f"tệp minh chứng “tra-loi.pdf” {REMEDY}{REGISTER_TAB}", item="3.1",
            record=advice.id, lost=answer.sha256),
    ]  # fmt: skip


def test_each_lost_file_has_a_short_line_under_the_way_back_said_once(
    lost_ws: Workspace,
) -> None:
    """What the Hồ sơ page lists them by: the record and the file's name, the way back (for
    one file or several) said once above them."""
    for path in _stored(lost_ws):
        path.unlink()
    assert [g.brief for g in _lost(lost_ws)] == [
        "Mục 1.1: “bien-ban.pdf”",
        "Mục 1.2: “anh-sinh-hoat.jpg”",
        "Mục 3.1, văn bản tham mưu ngày 10/03/2025 “Đề xuất giao chỉ tiêu”: “tra-loi.pdf”",
    ]
    where = (
        "hoặc đính kèm lại tệp gốc ở mục ghi trên dòng của tệp, trang “3 chủ động” (tệp của văn "
        "bản tham mưu, chương trình phối hợp: tab “Sổ tham mưu, phối hợp”)."
    )
    assert lost_way_back(1) == (
        "Hãy lấy lại từ một bản sao lưu ra USB có tệp đó (“Lấy lại tệp minh chứng bị mất từ "
        f"USB…” trong “Sao lưu và khôi phục…”, lệnh doancoso restore-evidence) {where}"
    )
    assert lost_way_back(3).startswith("Hãy lấy lại từ một bản sao lưu ra USB có các tệp đó (")


def test_a_file_no_longer_its_size_is_named_and_one_intact_is_not(lost_ws: Workspace) -> None:
    photo = next(a for v in lost_ws.recognition.view(2025, DAY).items for a in v.files
                 if a.original_name == "anh-sinh-hoat.jpg")  # fmt: skip
    with photo.path.open("r+b") as handle:  # cut short, as a stick pulled out mid-copy leaves it
        handle.truncate(photo.size // 2)
    assert [g.reason for g in _lost(lost_ws)] == [
        f"Mục 1.2: tệp minh chứng “anh-sinh-hoat.jpg” {REMEDY}ở mục 1.2, trang “3 chủ động”."
    ]


def test_a_file_the_dossier_does_not_print_is_not_named(lost_ws: Workspace) -> None:
    for path in _stored(lost_ws):
        path.unlink()
    assert _lost(lost_ws, ("bang", "tham-muu-phoi-hop")) == []  # no annex: no file read
    # The register left out, a record no item cites would not be printed either.
    assert [g.item for g in _lost(lost_ws, ("bang", "minh-chung"))] == ["1.1", "1.2", "3.1"]


def test_a_register_printing_its_own_files_names_the_record(ws: Workspace, tmp_path: Path) -> None:
    """No checklist opened for the year: the register numbers its files itself ("PH.1.1")."""
    program = ws.registers.save_coordination(
        {"day": "01/04/2025", "partner": "Công an xã", "title": "Tuyên truyền pháp luật"}
    )
    ws.evidence.attach(COORDINATION_TABLE, program, evidence_pdf(tmp_path / "quy-che.pdf"),
                       "Quy chế phối hợp")  # fmt: skip
    for path in _stored(ws):
        path.unlink()
    assert [(g.reason, g.item, g.record) for g in _lost(ws, ("tham-muu-phoi-hop", "minh-chung"))
            ] == [("Chương trình phối hợp với Công an xã “Tuyên truyền pháp luật”: tệp minh "
                   f"chứng “quy-che.pdf” {REMEDY}{REGISTER_TAB}", None, program)]  # fmt: skip
