"""The preview of an import reports its progress and stops at whatever the report raises.

The GUI's report raises its ``TaskCancelled`` after "Hủy" (:mod:`doancoso.ui.shell.tasks`);
here a plain exception stands for it. A cancelled preview leaves no file behind (temporary or
other), keeps no handle on the file it read, and the data is as it was.

The readers stop while they read, not once a sheet is read whole: they report every few
hundred rows (.xlsx, .xls, .csv), between the steps of the zip check and while it sizes a sheet,
and every twentieth of a second while a library call that cannot be interrupted runs (calamine
loading a sheet, xlrd opening a workbook: held here at a gate, as a slow PC reading a large file
would be). What the report raises comes out as it was, not as an unreadable file.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sheetfiles import TODAY, with_sheet_xml, write_csv, write_excel_xlsx, write_xls, write_xlsx

from doancoso.core.progress import EVERY, SCALE, Stages, counted
from doancoso.core.workspace import Workspace
from doancoso.core.xlsx.workbook import read_sheets
from doancoso.core.xlsx.zip_guard import check_zip, grid_size
from reader_gates import Gate, hold_libraries, reader_threads

ROWS = 3000
HEADER: list[object] = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chi đoàn", "Ngày vào Đoàn"]
YOUTH_HEADER: list[object] = ["STT", "Họ tên", "Năm sinh", "Phái", "Ấp"]
GIVEN = ["An", "Bình", "Châu", "Dũng", "Hà", "Hùng", "Lan", "Mai", "Nam", "Phúc"]


class Stop(Exception):
    """Stands for the GUI's cancellation."""


def _name(i: int) -> str:
    return f"Nguyễn Văn {GIVEN[i % 10]} {GIVEN[i // 10 % 10]} {GIVEN[i // 100 % 10]}"


def member_rows(count: int = ROWS) -> list[list[object]]:
    rows: list[list[object]] = [["DANH SÁCH ĐOÀN VIÊN"], HEADER]
    for i in range(count):
        birth = f"{1 + i % 28:02d}/{1 + i % 12:02d}/{1996 + i % 10}"
        rows.append([i + 1, _name(i), birth, "Nam", f"Chi đoàn ấp {1 + i % 5}", "26/03/2015"])
    return rows


def youth_rows(count: int = ROWS) -> list[list[object]]:
    rows: list[list[object]] = [YOUTH_HEADER]
    for i in range(count):
        rows.append([i + 1, _name(i), str(2000 + i % 8), "Nam", f"Ấp {1 + i % 5}"])
    return rows


@pytest.fixture
def quiet_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder of :mod:`tempfile`, redirected to an empty one of this test."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def _open_handles(path: Path) -> list[str]:
    """The descriptors of this process open on ``path`` (Linux; none known elsewhere)."""
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        return []
    found = []
    for fd in os.listdir(fds):
        try:
            if os.readlink(fds / fd) == str(path):
                found.append(fd)
        except OSError:
            continue
    return found


class Recorder:
    """A report that records its calls and raises :class:`Stop` at call ``stop_at``."""

    def __init__(self, stop_at: int | None = None) -> None:
        self.calls: list[tuple[int, int]] = []
        self.stop_at = stop_at

    def __call__(self, done: int, total: int) -> None:
        if self.stop_at is not None and len(self.calls) == self.stop_at:
            raise Stop
        self.calls.append((done, total))


def _check_calls(calls: list[tuple[int, int]], rows: int) -> None:
    assert calls, "never reported"
    assert {total for _done, total in calls} == {SCALE}
    done = [d for d, _total in calls]
    assert done == sorted(done) and done[0] < SCALE // 4 and done[-1] == SCALE
    # a report every few hundred rows, not one a row: reading, parsing and deciding each
    # report so; the reading also between the steps of checking each part of an .xlsx, and
    # while a sheet is loaded
    assert 2 * rows // EVERY <= len(calls) <= 3 * rows // EVERY + 60


Preview = Callable[..., object]


def _previews(ws: Workspace) -> dict[str, tuple[Preview, Callable[[Path], Path]]]:
    return {
        "members .xlsx": (
            ws.spreadsheets.preview_import,
            lambda folder: write_excel_xlsx(folder / "ds.xlsx", member_rows()),
        ),
        "members .csv": (
            ws.spreadsheets.preview_import,
            lambda folder: write_csv(folder / "ds.csv", member_rows()),
        ),
        "youth .xlsx": (
            ws.youth_import.preview_import,
            lambda folder: write_excel_xlsx(folder / "tn.xlsx", youth_rows()),
        ),
    }


KINDS = ["members .xlsx", "members .csv", "youth .xlsx"]


@pytest.mark.parametrize("kind", KINDS)
def test_the_preview_reports_its_progress(sws: Workspace, tmp_path: Path, kind: str) -> None:
    sws.youth_import.today = lambda: TODAY
    preview, write = _previews(sws)[kind]
    path = write(tmp_path)
    report = Recorder()
    result = preview(path, report=report)
    assert len(result.rows) == ROWS  # type: ignore[attr-defined]
    _check_calls(report.calls, ROWS)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("where", ["first", "reading", "parsing", "deciding", "last"])
def test_a_cancelled_preview_stops_and_leaves_nothing(
    sws: Workspace, tmp_path: Path, quiet_tmp: Path, kind: str, where: str
) -> None:
    sws.youth_import.today = lambda: TODAY
    preview, write = _previews(sws)[kind]
    (tmp_path / "in").mkdir()
    path = write(tmp_path / "in")
    calls = Recorder()
    preview(path, report=calls)
    fractions = [done for done, _total in calls.calls]
    # Stopped at the first report reaching a point of the bar, not at the n-th report: while a
    # sheet loads off the thread the reader reports every twentieth of a second, so another
    # run makes another number of reports (see StopAt).
    stop_at = {
        "first": fractions[0],
        "reading": min(d for d in fractions if d > fractions[0]),
        "parsing": next(d for d in fractions if 300 < d < 700),
        "deciding": next(d for d in fractions if 820 < d < 990),
        "last": fractions[-1],
    }[where]
    before = _tree(tmp_path)
    members, youths = sws.members.count(), sws.youth.count()
    report = StopAt(stop_at)
    with pytest.raises(Stop):
        preview(path, report=report)
    assert report.stops == 1  # stopped at the report that raised, none made after it
    below = [d for d in fractions if d < stop_at]  # what the first run reported before it
    assert [d for d, _t in report.calls[-1:]] == below[-1:]  # all of it, and no further
    assert _tree(tmp_path) == before  # nothing beside the file, in the data or in tempdir
    assert not list(quiet_tmp.iterdir())
    assert _open_handles(path) == []
    assert (sws.members.count(), sws.youth.count()) == (members, youths)
    again = preview(path)  # and the file reads again as before
    assert len(again.rows) == ROWS  # type: ignore[attr-defined]


def test_a_preview_of_a_fresh_file_after_a_cancel_is_imported(
    sws: Workspace, tmp_path: Path
) -> None:
    path = write_excel_xlsx(tmp_path / "ds.xlsx", member_rows(600))
    with pytest.raises(Stop):
        sws.spreadsheets.preview_import(path, report=Recorder(3))
    result = sws.spreadsheets.apply_import(sws.spreadsheets.preview_import(path))
    assert result.created == 600 and sws.members.count() == 600


def test_counted_reports_every_few_hundred_items() -> None:
    calls = Recorder()
    assert list(counted(range(1000), calls, every=256)) == list(range(1000))
    assert calls.calls == [(0, 1000), (256, 1000), (512, 1000), (768, 1000), (1000, 1000)]
    assert list(counted([], calls)) == [] and calls.calls[-2:] == [(0, 0), (0, 0)]
    assert list(counted([1, 2], None)) == [1, 2]


def test_counted_stops_at_what_the_report_raises() -> None:
    seen: list[int] = []
    with pytest.raises(Stop):
        for item in counted(range(1000), Recorder(2), every=100):
            seen.append(item)
    assert seen == list(range(200))


def test_stages_nest() -> None:
    calls = Recorder()
    outer = Stages(calls)
    inner = Stages(outer.part(800))
    inner.part(500)(1, 2)
    outer.part(200)(1, 1)
    outer.finish()
    assert calls.calls == [(200, 1000), (1000, 1000), (1000, 1000)]


# The readers, stopped while they read ---------------------------------------------------------

WRITERS: dict[str, Callable[[Path], Path]] = {
    "xlsx": lambda folder: write_excel_xlsx(folder / "ds.xlsx", member_rows()),
    "xls": lambda folder: write_xls(folder / "ds.xls", member_rows()),
    "csv": lambda folder: write_csv(folder / "ds.csv", member_rows()),
}


@pytest.mark.parametrize("kind", list(WRITERS))
def test_a_reader_reports_as_it_reads_the_rows(tmp_path: Path, kind: str) -> None:
    path = WRITERS[kind](tmp_path)
    report = Recorder()
    [sheet] = list(read_sheets(path, report=report))
    assert len(sheet.rows) == ROWS + 2
    done = [d for d, _total in report.calls]
    assert {total for _done, total in report.calls} == {SCALE}
    assert done == sorted(done) and done[-1] == SCALE
    # the bar moves every few hundred rows, not only before and after the sheet
    assert len(set(done)) >= ROWS // EVERY


class StopAt(Recorder):
    """A report that records its calls and raises :class:`Stop` at the first one at ``done``.

    Not at the n-th call: while a library call runs off the thread (xlrd opening a workbook),
    the reader reports every twentieth of a second, so a loaded machine makes more calls before
    the rows than the run that counted them, and a stop at the n-th call came while xlrd still
    read the file, not among the rows."""

    def __init__(self, done: int) -> None:
        super().__init__()
        self.at = done
        self.stops = 0
        """How many reports raised: one when the reader stops at once."""

    def __call__(self, done: int, total: int) -> None:
        if done >= self.at:
            self.stops += 1
            raise Stop
        self.calls.append((done, total))


@pytest.mark.parametrize("kind", list(WRITERS))
def test_a_reader_stops_among_the_rows(tmp_path: Path, kind: str) -> None:
    path = WRITERS[kind](tmp_path)
    calls = Recorder()
    list(read_sheets(path, report=calls))
    # the last report made while the rows are read, short of the end of the bar
    stop_at = max(d for d, _t in calls.calls if d < SCALE)
    report = StopAt(stop_at)
    with pytest.raises(Stop):  # as it was raised: not an ImportFileError
        list(read_sheets(path, report=report))
    # it stopped among the rows: past the half of the bar, where the rows are read
    assert SCALE // 2 < report.calls[-1][0] < stop_at
    assert _open_handles(path) == []


def test_a_stop_while_xlrd_reads_an_xls_leaves_no_handle_on_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Hủy" while xlrd parses an .xls, held inside its reading (where it used to hold the file
    mapped in memory, on its helper thread): the stop does not wait for xlrd, and no handle is
    left on the file meanwhile, so that the secretary can move or delete it at once."""
    from xlrd import compdoc

    path = WRITERS["xls"](tmp_path)
    gate = Gate()
    gate.arm()
    parse = compdoc.CompDoc.__init__

    def held(self: Any, *args: Any, **kwargs: Any) -> None:
        gate.wait()
        parse(self, *args, **kwargs)

    monkeypatch.setattr(compdoc.CompDoc, "__init__", held)

    def report(done: int, total: int) -> None:
        if gate.reached.is_set():
            raise Stop

    try:
        with pytest.raises(Stop):
            list(read_sheets(path, report=report))
        [reader] = reader_threads()
        assert reader.is_alive()  # xlrd is still held, mid-reading
        assert _open_handles(path) == []
    finally:
        gate.release()
    reader.join(30)
    assert not reader.is_alive() and _open_handles(path) == []


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    """Calamine's loading of a sheet and xlrd's opening of a workbook held at a gate."""
    gate = Gate()
    gate.arm()
    hold_libraries(monkeypatch, gate)
    yield gate
    gate.release()


@pytest.mark.parametrize("kind", ["xlsx", "xls"])
def test_a_stop_does_not_wait_for_a_library_reading_a_sheet_whole(
    tmp_path: Path, gate: Gate, kind: str
) -> None:
    path = WRITERS[kind](tmp_path)
    reports: list[int] = []

    def report(done: int, total: int) -> None:
        reports.append(done)
        if gate.reached.is_set():  # the library is reading: "Hủy"
            raise Stop

    with pytest.raises(Stop):
        list(read_sheets(path, report=report))
    [reader] = reader_threads()  # still held: the stop did not wait for it
    assert reader.is_alive() and not sheet_read(reports)
    gate.release()
    reader.join(30)
    assert not reader.is_alive() and _open_handles(path) == []
    [sheet] = list(read_sheets(path))  # the file reads again, to the end
    assert len(sheet.rows) == ROWS + 2


def sheet_read(reports: list[int]) -> bool:
    return bool(reports) and reports[-1] == SCALE


def test_sizing_a_sheet_reports_every_few_thousand_tags_and_stops() -> None:
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}"><v>1</v></c></row>'
                   for r in range(1, 6001))  # fmt: skip
    data = f"<worksheet><sheetData>{rows}</sheetData></worksheet>".encode()
    calls = Recorder()
    assert grid_size(data, calls) == (6000, 2)
    done = [d for d, total in calls.calls]
    assert len(done) == 5 and done == sorted(done) and done[-1] < len(data)  # 18,000 tags
    assert {total for _d, total in calls.calls} == {len(data)}
    with pytest.raises(Stop):
        grid_size(data, Recorder(2))


def test_a_stop_while_a_sheet_is_sized_goes_through_the_zip_check(tmp_path: Path) -> None:
    # a cell in column DA: the sheet is sized tag by tag (its grid stays small enough)
    path = with_sheet_xml(
        write_excel_xlsx(tmp_path / "rong.xlsx", member_rows()),
        '<row r="3003"><c r="DA3003" t="n"><v>1</v></c></row>',
    )
    with zipfile.ZipFile(path) as archive:
        sheet_size = archive.getinfo("xl/worksheets/sheet1.xml").file_size
    calls = Recorder()
    check_zip(path, calls)
    done = [d for d, _total in calls.calls]
    assert done == sorted(done) and done[-1] == calls.calls[-1][1]
    # reports within the sheet's part, from its sizing: more than the steps of a part
    within = [b - a for a, b in zip(done, done[1:], strict=False) if 0 < b - a < sheet_size]
    assert len(within) >= 3
    stop_at = next(i for i, d in enumerate(done) if d > done[0] and done.count(d) == 1)
    with pytest.raises(Stop):
        check_zip(path, Recorder(stop_at + 1))


def test_a_sheet_starting_at_c3_reads_as_excel_shows_it(tmp_path: Path, xlsx: Any) -> None:
    """The rows are taken one at a time from calamine, which starts them at the first column
    holding data: they are numbered and placed as Excel shows them all the same."""
    path = xlsx(
        tmp_path / "lech.xlsx",
        [[], [], [None, None, "Họ và tên", "Ngày sinh"], [], [None, None, "Lê Văn Tám", None, 7]],
    )
    [sheet] = list(read_sheets(path))
    assert sheet.rows == [
        (3, [None, None, "Họ và tên", "Ngày sinh"]),
        (5, [None, None, "Lê Văn Tám", None, 7.0]),
    ]


def test_a_workbook_with_an_empty_sheet_reads(tmp_path: Path) -> None:
    path = write_excel_xlsx(tmp_path / "hai.xlsx", [], sheets=[("Danh sách", member_rows(3))])
    first, second = read_sheets(path, report=Recorder())
    assert (first.name, first.rows) == ("Sheet1", [])
    assert second.name == "Danh sách" and len(second.rows) == 5


def test_openpyxl_and_excel_files_read_alike_row_by_row(tmp_path: Path) -> None:
    rows = member_rows(300)
    [a] = list(read_sheets(write_xlsx(tmp_path / "a.xlsx", rows), report=Recorder()))
    [b] = list(read_sheets(write_excel_xlsx(tmp_path / "b.xlsx", rows), report=Recorder()))
    assert a.rows == b.rows and len(a.rows) == 302
