"""The demo's checklist: the current year opened on the default template, partly filled, with
files the demo made itself (a PDF a reader opens, PNG photos that decode) in the evidence
store, two advice and two coordination records, and items left missing for "Còn thiếu"."""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from pathlib import Path

from pypdf import PdfReader

from doancoso.core.demo.checklist import pdf_bytes, photo_bytes
from doancoso.core.recognition.registers import ADVICE_TABLE, COORDINATION_TABLE
from doancoso.core.workspace import Workspace


def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG, after checking every chunk's CRC and decompressing it."""
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    at, width, height, pixels = 8, 0, 0, b""
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            pixels += body
        at += 12 + length
    assert len(zlib.decompress(pixels)) == height * (1 + 3 * width)
    return width, height


def test_the_made_files_are_what_they_say(tmp_path: Path) -> None:
    assert _png_size(photo_bytes(3)) == (160, 120)
    assert photo_bytes(3) != photo_bytes(4)
    path = tmp_path / "bien-ban.pdf"
    path.write_bytes(pdf_bytes("Biên bản sinh hoạt chi đoàn tháng 3"))
    reader = PdfReader(path, strict=True)
    assert len(reader.pages) == 1
    assert reader.metadata is not None
    assert reader.metadata.title == "Biên bản sinh hoạt chi đoàn tháng 3"
    assert len(path.read_bytes()) < 2000


def test_the_demo_fills_part_of_this_years_checklist(demo_ws: Workspace) -> None:
    year = dt.date.today().year
    view = demo_ws.recognition.view(year)
    assert view.template.name == "Tiêu chí “Đoàn cơ sở 3 chủ động” (mặc định)"
    statuses = {v.item.code: v.status for v in view.items}
    assert statuses["1.1"] == "dat" and statuses["1.7"] == "chua-dat"
    assert [c for c, s in statuses.items() if s == "chua-danh-gia"] == ["1.2", "1.4", "2.2", "3.2"]
    assert view.readiness() == (9, 14)
    files = [f for v in view.items for f in v.files]
    assert len(files) == 9
    assert {f.media_type for f in files} == {"application/pdf", "image/png"}
    for f in files:
        assert demo_ws.evidence.store.verify(f.sha256)
    photo = next(f for f in files if f.media_type == "image/png")
    assert _png_size(photo.path.read_bytes()) == (160, 120)
    assert next(v for v in view.items if v.item.code == "2.4").note == (
        "Ra quân “Ngày Chủ nhật xanh” mỗi quý, dọn vệ sinh tuyến đường liên ấp."
    )
    missing = view.missing()
    assert "Mục 1.2 chưa tự đánh giá." in [m.message for m in missing]
    assert "Mục 1.7 chưa có tệp minh chứng." in [m.message for m in missing]

    advice = demo_ws.registers.advice(year)
    assert [a.number for a in advice] == ["03-TTr/ĐTN", "07-BC/ĐTN"]
    coordination = demo_ws.registers.coordination(year)
    assert [c.partner for c in coordination] == [
        "Công an xã Tân Hưng",
        "Trạm Y tế xã, Hội Chữ thập đỏ xã",
    ]
    assert all(c.activity_id for c in coordination)  # linked to the calendar's activities
    assert len(demo_ws.evidence.attachments(ADVICE_TABLE, advice[0].id)) == 1
    assert len(demo_ws.evidence.attachments(COORDINATION_TABLE, coordination[0].id)) == 1

    demo_ws.generate_demo(members=10, seed=2)  # a second run adds members only
    assert len(demo_ws.registers.advice(year)) == 2
    assert demo_ws.recognition.view(year).readiness() == (9, 14)
