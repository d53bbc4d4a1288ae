"""How the page reads the checklist: whether a year is opened (without opening it), the quick
view without indicators then the indicators added, and indicators kept until a table they read
changes (a tick does not recompute them; a new advice record does)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from doancoso.core.workspace import Workspace

AS_OF = dt.date(2025, 12, 31)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


def test_opened_and_years_create_nothing(ws: Workspace) -> None:
    assert ws.recognition.opened(2025) is None
    assert ws.recognition.years() == []
    ws.recognition.open(2026)
    ws.recognition.open(2024)
    assert ws.recognition.years() == [2024, 2026]
    opened = ws.recognition.opened(2026)
    assert opened is not None and opened.name == "Tiêu chí “Đoàn cơ sở 3 chủ động” (mặc định)"
    assert ws.recognition.opened(2025) is None


def test_the_quick_view_then_its_indicators(ws: Workspace, tmp_path: Path) -> None:
    photo = tmp_path / "anh.png"
    photo.write_bytes(PNG)
    ws.recognition.attach(2025, "1.3", photo, "Ảnh")
    ws.recognition.attach(2025, "2.4", photo, "Ảnh")
    ws.recognition.set(2025, "3.1", {"status": "dat"})
    quick = ws.recognition.view(2025, AS_OF, with_indicators=False)
    assert not quick.computed
    assert all(v.indicator is None for v in quick.items)
    assert {v.item.code: len(v.files) for v in quick.items if v.files} == {"1.3": 1, "2.4": 1}
    assert quick.readiness() == (1, 14)
    # Without indicators, "Còn thiếu" names no indicator, and an item with one is not said to
    # lack evidence.
    assert [m.kind for m in quick.missing() if m.code == "3.1"] == []
    assert [m.message for m in quick.missing() if m.code == "1.5"] == [
        "Mục 1.5 chưa tự đánh giá.",
        "Mục 1.5 chưa có tệp minh chứng.",
    ]
    full = quick.with_indicators(ws.recognition.indicators(2025, AS_OF))
    assert full == ws.recognition.view(2025, AS_OF)
    assert full.computed
    (advice,) = [v for v in full.items if v.item.code == "3.1"]
    assert advice.contradiction
    assert [m.kind for m in full.missing() if m.code == "3.1"] == ["indicator"]


def test_indicators_are_kept_until_what_they_read_changes(ws: Workspace) -> None:
    first = ws.recognition.indicators(2025, AS_OF)
    ws.recognition.set(2025, "1.1", {"status": "dat", "note": "Đã cập nhật."})
    assert ws.recognition.indicators(2025, AS_OF) is first  # a tick: nothing recomputed
    ws.registers.save_advice({"day": "15/06/2025", "title": "Tờ trình về công tác thanh niên"})
    again = ws.recognition.indicators(2025, AS_OF)
    assert again is not first
    advice = again["3.1"]
    assert advice is not None and (advice.value, advice.met) == (1.0, True)
    earlier = ws.recognition.indicators(2025, dt.date(2025, 6, 1))["3.1"]  # another day
    assert earlier is not None and (earlier.value, earlier.met) == (0.0, False)
