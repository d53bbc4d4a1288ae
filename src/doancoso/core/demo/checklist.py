"""The demo's "3 chủ động" checklist: the current year's self-assessment opened with the
default template and partly filled (statuses, what was done), evidence files made by the demo
itself (a scanned-looking PDF and small photos), two advice records and two coordination
records linked to the calendar's activities. Some items are left unassessed or without
evidence, so that "Còn thiếu" has something to show.

The files are made here, without reportlab or Qt (the core imports neither): the PDF is
written by hand (a page drawn with lines, a red seal, its title in the document's properties),
the photos are PNGs encoded with :mod:`zlib` and :mod:`struct`. They enter the evidence store
like any attached file.
"""

from __future__ import annotations

import random
import struct
import tempfile
import zlib
from datetime import date
from pathlib import Path

from sqlalchemy import select

from ..context import WorkspaceContext
from ..evidence.service import EvidenceService
from ..evidence.store import EvidenceStore
from ..recognition.registers import ADVICE_TABLE, COORDINATION_TABLE, RegisterService
from ..recognition.service import RecognitionService
from ..storage.live import is_live
from ..storage.models import Activity

# A PNG ---------------------------------------------------------------------------------------


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png_bytes(width: int, height: int, pixel: object) -> bytes:
    """An RGB PNG of ``width`` × ``height`` whose colour at (x, y) is ``pixel(x, y)`` (a
    callable returning (r, g, b))."""
    assert callable(pixel)
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # no filter
        for x in range(width):
            rows.extend(bytes(pixel(x, y)))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + _chunk(b"IEND", b"")
    )


def photo_bytes(seed: int, width: int = 160, height: int = 120) -> bytes:
    """A small made-up outdoor photo: sky, a sun, a green field and a row of people (coloured
    posts), different for each ``seed``."""
    rng = random.Random(seed)
    sun_x, sun_y, horizon = rng.randint(20, width - 20), rng.randint(12, 35), height * 3 // 5
    shirts = [(0, 90 + rng.randint(0, 60), 200) for _ in range(rng.randint(5, 9))]
    posts = {rng.randint(4, width - 8): shirt for shirt in shirts}

    def pixel(x: int, y: int) -> tuple[int, int, int]:
        if (x - sun_x) ** 2 + (y - sun_y) ** 2 < 90:
            return 255, 214, 90
        for left, shirt in posts.items():
            if left <= x < left + 5 and horizon - 22 <= y < horizon + 10:
                return (232, 190, 160) if y < horizon - 16 else shirt
        if y < horizon:
            return 120 + y, 170 + y // 2, 235
        return 40 + (x * 7 + y * 3) % 30, 130 + y % 40, 50

    return png_bytes(width, height, pixel)


# A PDF ---------------------------------------------------------------------------------------


def _utf16(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def pdf_bytes(title: str, lines: int = 14) -> bytes:
    """A one-page A4 PDF that looks like a scanned document from afar: a header, ``lines``
    grey lines of "text", a signature and a red seal. Its title (any Vietnamese) is in the
    document's properties, which viewers show in their title bar."""
    bars = [b"0.55 g", b"70 770 170 6 re f", b"355 770 170 6 re f", b"190 700 215 9 re f"]
    for number in range(lines):
        width = 455 if number % 5 != 4 else 300
        bars.append(f"85 {660 - 22 * number} {width} 5 re f".encode())
    bars.append(b"380 250 120 5 re f")
    kappa = 0.5523 * 38
    cx, cy, r = 440, 300, 38
    seal = (
        f"1 0 0 RG 3 w {cx + r} {cy} m "
        f"{cx + r} {cy + kappa:.1f} {cx + kappa:.1f} {cy + r} {cx} {cy + r} c "
        f"{cx - kappa:.1f} {cy + r} {cx - r} {cy + kappa:.1f} {cx - r} {cy} c "
        f"{cx - r} {cy - kappa:.1f} {cx - kappa:.1f} {cy - r} {cx} {cy - r} c "
        f"{cx + kappa:.1f} {cy - r} {cx + r} {cy - kappa:.1f} {cx + r} {cy} c S"
    ).encode()
    content = b"\n".join([*bars, seal])
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content
        + b"\nendstream",
        b"<< /Title " + _utf16(title) + b" /Producer (doancoso demo) >>",
    ]  # fmt: skip
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


# The checklist -------------------------------------------------------------------------------

# code → (status, what was done)
_ANSWERS: dict[str, tuple[str, str | None]] = {
    "1.1": ("dat", "Danh sách đoàn viên được cập nhật sau mỗi lần kết nạp, chuyển sinh hoạt."),
    "1.3": ("dat", "Các chi đoàn triển khai chương trình rèn luyện đoàn viên từ tháng 3; kết "
                   "quả rèn luyện dùng để xếp loại cuối năm."),
    "1.5": ("dat", "Nắm tình hình qua các nhóm Zalo của từng chi đoàn và các buổi sinh hoạt; "
                   "tổng hợp ý kiến báo cáo Ban Chấp hành hằng quý."),
    "1.6": ("dat", "Sổ theo dõi thanh niên cập nhật theo từng ấp, có danh sách thanh niên có "
                   "hoàn cảnh khó khăn."),
    "1.7": ("chua-dat", "Mới có một số chi đoàn thực hiện cuộc vận động “1+1”."),
    "2.1": ("dat", "Kế hoạch công tác năm được Ban Chấp hành thông qua và đăng ký với Tỉnh "
                   "đoàn đúng hạn."),
    "2.3": ("dat", "Các chi đoàn sinh hoạt định kỳ vào tuần đầu mỗi tháng."),
    "2.4": ("dat", "Ra quân “Ngày Chủ nhật xanh” mỗi quý, dọn vệ sinh tuyến đường liên ấp."),
    "3.1": ("dat", "Tham mưu Đảng ủy hỗ trợ kinh phí hoạt động và giải pháp cho thanh niên đi "
                   "làm ăn xa."),
    "3.3": ("dat", "Phối hợp Công an xã tuyên truyền pháp luật; phối hợp Trạm Y tế tổ chức "
                   "ngày hội hiến máu."),
}  # fmt: skip
# code → [(file name, caption, kind, seed)]: "pdf" or "photo"
_FILES: dict[str, list[tuple[str, str, str, int]]] = {
    "1.1": [("danh-sach-doan-vien.pdf", "Danh sách đoàn viên (bản quét)", "pdf", 1)],
    "1.3": [("ket-qua-ren-luyen.pdf", "Tổng hợp kết quả rèn luyện đoàn viên", "pdf", 2)],
    "1.5": [("sinh-hoat-nhom-zalo.png", "Buổi sinh hoạt lấy ý kiến thanh niên", "photo", 3)],
    "2.1": [("ke-hoach-cong-tac.pdf", "Kế hoạch công tác năm và văn bản đăng ký", "pdf", 4)],
    "2.3": [("sinh-hoat-chi-doan.png", "Sinh hoạt chi đoàn ấp Tân Hưng", "photo", 5)],
    "2.4": [
        ("chu-nhat-xanh-quy-1.png", "Ra quân “Ngày Chủ nhật xanh” quý 1", "photo", 6),
        ("chu-nhat-xanh-quy-2.png", "Dọn vệ sinh tuyến đường liên ấp", "photo", 7),
        ("chu-nhat-xanh-quy-3.png", "Trồng cây xanh ven kênh", "photo", 8),
    ],
    "3.3": [("quy-che-phoi-hop.pdf", "Quy chế phối hợp với Công an xã", "pdf", 9)],
}


def _on(year: int, month: int, day: int, today: date) -> date:
    """A day of the demo's year, never after today (what is counted is what happened)."""
    return min(date(year, month, day), today)


def _activity(ctx: WorkspaceContext, words: str, year: int) -> str | None:
    """The id of the year's activity whose title holds ``words`` (the calendar's), if any."""
    stmt = select(Activity.id, Activity.title, Activity.start_date).where(
        is_live(Activity, ctx.organization_id)
    )
    with ctx.db.read() as session:
        for activity_id, title, start in session.execute(stmt):
            if words in title and start.year == year:
                return str(activity_id)
    return None


def generate_checklist(ctx: WorkspaceContext, today: date) -> None:
    """Open and partly fill the current year's checklist (once: a year already opened is
    left as it is)."""
    year = today.year
    evidence = EvidenceService(ctx, EvidenceStore(ctx.db.path.parent))
    recognition = RecognitionService(ctx, evidence)
    if recognition.opened(year) is not None:
        return
    recognition.open(year)
    registers = RegisterService(ctx)
    with tempfile.TemporaryDirectory(prefix="doancoso-demo-") as tmp:
        folder = Path(tmp)

        def made(name: str, kind: str, seed: int, caption: str) -> Path:
            path = folder / name
            data = pdf_bytes(caption) if kind == "pdf" else photo_bytes(seed)
            path.write_bytes(data)
            return path

        for code, (status, note) in _ANSWERS.items():
            recognition.set(year, code, {"status": status, "note": note or ""})
            for name, caption, kind, seed in _FILES.get(code, []):
                recognition.attach(year, code, made(name, kind, seed, caption), caption)

        advice = registers.save_advice({
            "day": _on(year, 2, 20, today).strftime("%d/%m/%Y"), "number": "03-TTr/ĐTN",
            "title": "Tờ trình đề nghị hỗ trợ kinh phí tổ chức “Ngày Chủ nhật xanh”",
            "summary": "Đề nghị Đảng ủy xã hỗ trợ kinh phí mua dụng cụ, cây xanh cho bốn đợt ra "
                       "quân trong năm.",
            "answer": "Đảng ủy đồng ý hỗ trợ 5.000.000 đồng từ nguồn kinh phí hoạt động.",
            "answer_day": _on(year, 3, 5, today).strftime("%d/%m/%Y"),
        }, today=today)  # fmt: skip
        evidence.attach(ADVICE_TABLE, advice,
                        made("to-trinh-03.pdf", "pdf", 10, "Tờ trình số 03-TTr/ĐTN"),
                        "Tờ trình số 03-TTr/ĐTN")  # fmt: skip
        registers.save_advice({
            "day": _on(year, 6, 20, today).strftime("%d/%m/%Y"), "number": "07-BC/ĐTN",
            "title": "Báo cáo tình hình thanh niên đi làm ăn xa và đề xuất giải pháp",
            "summary": "Tổng hợp số thanh niên đi làm ăn xa theo từng ấp; đề xuất lập nhóm Zalo "
                       "giữ liên lạc và hỗ trợ việc làm tại địa phương.",
        }, today=today)  # fmt: skip
        # The programme agreed for the whole year runs to its end, past the demo's day: a
        # period planned, as the register takes one (unlike an advice, sent by then).
        police = registers.save_coordination({
            "day": _on(year, 1, 15, today).strftime("%d/%m/%Y"),
            "end_day": date(year, 12, 31).strftime("%d/%m/%Y"), "partner": "Công an xã Tân Hưng",
            "title": "Chương trình phối hợp tuyên truyền pháp luật cho đoàn viên, thanh niên",
            "content": "Mỗi năm hai đợt tuyên truyền về an toàn giao thông và phòng, chống ma "
                       "túy tại hội trường xã và các ấp.",
            "results": "Đợt 1 có 120 đoàn viên, thanh niên tham gia.",
            "activity_id": _activity(ctx, "pháp luật", year) or "",
        })  # fmt: skip
        evidence.attach(COORDINATION_TABLE, police,
                        made("quy-che-cong-an.pdf", "pdf", 11, "Quy chế phối hợp với Công an xã"),
                        "Quy chế phối hợp với Công an xã")  # fmt: skip
        registers.save_coordination({
            "day": _on(year, 7, 1, today).strftime("%d/%m/%Y"),
            "partner": "Trạm Y tế xã, Hội Chữ thập đỏ xã",
            "title": "Phối hợp tổ chức Ngày hội hiến máu tình nguyện",
            "content": "Vận động đoàn viên, thanh niên hiến máu; chuẩn bị địa điểm, hậu cần.",
            "activity_id": _activity(ctx, "hiến máu", year) or "",
        })  # fmt: skip
