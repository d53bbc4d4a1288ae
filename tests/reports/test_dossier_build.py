"""Building the dossier: its progress reported step by step, a cancel at any step leaving
nothing written, and every figure read in one snapshot of the database (a write committed by
another connection during the build does not show)."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from doancoso.core.errors import AppError
from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.build import build_dossier
from dossier_data import ISSUED

ReadPdf = Callable[[Path], Any]


class Cancelled(Exception):
    """Stands for the GUI's TaskCancelled."""


def _temp_root(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The system's temporary folder, for this test: where the build's own folder goes."""
    root = tmp_path / "temp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def test_progress_is_reported_after_each_step(dossier_ws: Workspace, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    built = build_dossier(dossier_ws, tmp_path / "ho-so.pdf", 2025, number="15-TTr/ĐTN",
                          issued_on=ISSUED, report=lambda d, t: calls.append((d, t)))  # fmt: skip
    # 11 parts, 2 evidence items, the merge and the write
    assert calls == [(done, 15) for done in range(16)]
    assert built.pages == 14  # the member list left out: the fixture has no member


def test_a_cancel_at_any_step_writes_nothing(
    dossier_ws: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = _temp_root(monkeypatch, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "ho-so.pdf"
    for stop in range(14):

        def report(done: int, total: int, stop: int = stop) -> None:
            if done == stop:
                raise Cancelled

        with pytest.raises(Cancelled):
            build_dossier(dossier_ws, target, 2025, number="15-TTr/ĐTN", issued_on=ISSUED,
                          report=report)  # fmt: skip
        assert list(out.iterdir()) == [], stop
        assert list(root.iterdir()) == [], stop
    build_dossier(dossier_ws, target, 2025, number="15-TTr/ĐTN", issued_on=ISSUED)
    assert [p.name for p in out.iterdir()] == ["ho-so.pdf"]
    assert list(root.iterdir()) == []


def test_photos_per_page_is_one_or_two(dossier_ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(AppError) as raised:
        build_dossier(dossier_ws, tmp_path / "x.pdf", 2025, photos_per_page=3)
    assert str(raised.value) == "Số ảnh trên một trang là 1 hoặc 2, không phải 3."
    assert not (tmp_path / "x.pdf").exists()


def _member(ws: Workspace, name: str, gender: str = "female") -> str:
    return ws.members.save({"full_name": name, "birth_date": "01/01/2000", "gender": gender,
                            "status": "active"})  # fmt: skip


def test_a_write_during_the_build_does_not_show(ws: Workspace, tmp_path: Path,
                                                read_pdf: ReadPdf) -> None:  # fmt: skip
    _member(ws, "Nguyễn Thị An")
    _member(ws, "Lê Văn Bình", "male")
    ws.recognition.open(2025)
    written: list[str] = []

    def write_elsewhere() -> None:  # the GUI's worker, committing on its own connection
        written.append(_member(ws, "Trần Văn Mới", "male"))

    def report(done: int, total: int) -> None:
        if done == 1:  # the tờ trình written, the roster not yet
            thread = threading.Thread(target=write_elsewhere)
            thread.start()
            thread.join()

    built = build_dossier(ws, tmp_path / "ho-so.pdf", 2025, ("to-trinh", "doan-vien"),
                          number="15-TTr/ĐTN", issued_on=ISSUED, report=report)  # fmt: skip
    assert written  # the write did land: it was not blocked by the build
    text = "".join(read_pdf(built.path).page_texts())
    assert "Tổng số: 2 đoàn viên (nữ: 1)." in text
    assert "Trần Văn Mới" not in text
    # After the build every figure is the app's again, caches included.
    assert len(ws.members.ids()) == 3
    again = build_dossier(ws, tmp_path / "sau.pdf", 2025, ("doan-vien",), issued_on=ISSUED)
    assert "Tổng số: 3 đoàn viên (nữ: 1)." in "".join(read_pdf(again.path).page_texts())


def test_the_roster_parts_list_the_active_roster_only(ws: Workspace, tmp_path: Path,
                                                      read_pdf: ReadPdf) -> None:  # fmt: skip
    _member(ws, "Nguyễn Thị An")
    gone = _member(ws, "Lê Văn Bình", "male")
    ws.events.record(gone, "transfer_out", "01/09/2025", other_organization="Đoàn xã Khánh An")
    built = build_dossier(ws, tmp_path / "ho-so.pdf", 2025, ("doan-vien",), issued_on=ISSUED)
    text = "".join(read_pdf(built.path).page_texts())
    assert "Tổng số: 1 đoàn viên (nữ: 1)." in text
    assert "Nguyễn Thị An" in text and "Lê Văn Bình" not in text


def test_an_organisation_without_members_has_no_roster_nor_statistics(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """An organisation just set up printed, in its dossier, a member list of a header row and
    "Tổng số: 0 đoàn viên (nữ: 0)." over its signature, and three pages of statistics whose
    every figure was 0: a part with no data is left out and named on the contents page."""
    parts = ("to-trinh", "doan-vien", "thong-ke")
    built = build_dossier(ws, tmp_path / "ho-so.pdf", 2025, parts, issued_on=ISSUED)
    assert dict(built.omitted) == {
        "Danh sách đoàn viên": "Không có đoàn viên nào đang sinh hoạt ngày 20/12/2025.",
        "Thống kê tình hình đoàn viên": "Chưa có đoàn viên, thanh niên nào.",
    }
    texts = read_pdf(built.path).page_texts()
    assert len(texts) == 3  # the cover, the contents, the tờ trình
    contents = " ".join(texts[1].split())
    assert "- Danh sách đoàn viên: Không có đoàn viên nào đang sinh hoạt ngày 20/12/2025." in (
        contents
    )
    assert "DANH SÁCH ĐOÀN VIÊN" not in "".join(texts)
    # Someone who left before the year's end is no active member, but the statistics count them.
    gone = _member(ws, "Lê Văn Bình", "male")
    ws.events.record(gone, "transfer_out", "01/09/2025", other_organization="Đoàn xã Khánh An")
    again = build_dossier(ws, tmp_path / "sau.pdf", 2025, parts, issued_on=ISSUED)
    assert [name for name, _ in again.omitted] == ["Danh sách đoàn viên"]


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_members_in_no_chi_doan_are_listed_and_counted(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf, year: int
) -> None:
    """A member in no chi đoàn was on the dossier's member list and in its statistics, but not
    in its list of chi đoàn ("Tổng số: 1 chi đoàn, 1 đoàn viên." beside a member list of 2) nor
    in its members listed chi đoàn by chi đoàn: both have them under "Chưa có chi đoàn", the
    roster's row for them, so that every list of the dossier gives the same total."""
    import datetime as dt

    branch = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    ws.members.save({"full_name": "Nguyễn Thị An", "birth_date": "01/01/2000",
                     "gender": "female", "status": "active", "branch_id": branch})  # fmt: skip
    _member(ws, "Lê Văn Bình", "male")  # in no chi đoàn
    issued = min(dt.date.today(), dt.date(year, 12, 31)) if year > ISSUED.year else ISSUED
    parts = ("doan-vien", "chi-doan", "doan-vien-chi-doan")
    built = build_dossier(ws, tmp_path / "ho-so.pdf", year, parts, issued_on=issued)
    texts = read_pdf(built.path).page_texts()
    contents = [line.strip() for line in texts[1].splitlines()]
    assert contents[contents.index("Danh sách đoàn viên theo chi đoàn") + 1 :][:4] == [
        "5", "Chi đoàn ấp Tân Hưng", "5", "Chưa có chi đoàn"]  # fmt: skip
    branches = " ".join(" ".join(t.split()) for t in texts if "DANH SÁCH CHI ĐOÀN" in t)
    # "Chưa có chi đoàn" is no chi đoàn: last, without a number (STT)
    assert "1 Chi đoàn ấp Tân Hưng 1 Chưa có chi đoàn 1 Tổng số:" in branches
    assert "Tổng số: 1 chi đoàn, 2 đoàn viên." in branches
    alone = " ".join(" ".join(t.split()) for t in texts[-1:])
    assert "DANH SÁCH ĐOÀN VIÊN Đoàn xã Tân Hưng (chưa có chi đoàn)" in alone
    assert "1 Lê Văn Bình 01/01/2000 Nam" in alone and "Tổng số: 1 đoàn viên (nữ: 0)." in alone


def test_the_check_says_that_the_roster_and_statistics_will_be_left_out(
    ws: Workspace, tmp_path: Path
) -> None:
    """The dossier of an organisation without members leaves out the member list and the
    statistics (above), but the check before building said nothing of it: it names them, as
    the contents page will, saying that the dossier will not have them."""
    from doancoso.core.dossier.check import Gap, check

    parts = ("to-trinh", "doan-vien", "thong-ke")
    no_roster = Gap("doan-vien", "Không có đoàn viên nào đang sinh hoạt ngày 31/12/2025: hồ sơ "
                    "sẽ không có danh sách đoàn viên.")  # fmt: skip
    no_statistics = Gap("thong-ke", "Chưa có đoàn viên, thanh niên nào: hồ sơ sẽ không có "
                        "phần thống kê tình hình đoàn viên.")  # fmt: skip
    gaps = check(ws, 2025, parts, "15-TTr/ĐTN")
    assert [g for g in gaps if g.part != "to-trinh"] == [no_roster, no_statistics]
    assert check(ws, 2025, ("to-trinh",), "15-TTr/ĐTN") == [g for g in gaps if g.part == "to-trinh"]
    # Someone who left before the year's end: still no member list, but statistics.
    gone = _member(ws, "Lê Văn Bình", "male")
    ws.events.record(gone, "transfer_out", "01/09/2025", other_organization="Đoàn xã Khánh An")
    assert [g for g in check(ws, 2025, parts, "15-TTr/ĐTN") if g.part != "to-trinh"] == [no_roster]
    built = build_dossier(ws, tmp_path / "ho-so.pdf", 2025, parts, issued_on=ISSUED)
    assert [name for name, _ in built.omitted] == ["Danh sách đoàn viên"]
    _member(ws, "Nguyễn Thị An")  # active today, and at the end of 2025 (no event says else)
    assert [g for g in check(ws, 2025, parts, "15-TTr/ĐTN") if g.part != "to-trinh"] == []
