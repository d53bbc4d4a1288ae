"""A criteria template from an Excel sheet (.xlsx, .xls; a CSV laid out the same way too), as
superior bodies hand them out: criterion / sub-item / points. The sheet is read whole and
checked, and gives the same :class:`~.template.Template` as a JSON file (the template's JSON is
written from it, so it exports and travels like any other); a sheet with problems is refused
with a Vietnamese message naming every one of them with its row, so that all are fixed at once,
and nothing is kept.

The layout (rows above the header give the template's name, and optionally its source and
province; the header names the columns, in any order)::

    Tên bộ tiêu chí | Tiêu chí “Đoàn cơ sở 3 chủ động” – Tỉnh đoàn Cà Mau
    Nguồn           | Hướng dẫn số 12-HD/TĐTN ngày 10/01/2025
    Tỉnh/thành      | Cà Mau
    Tiêu chí                      | Nội dung                 | Điểm | Minh chứng
    1. Chủ động quản lý đoàn viên |                          |      |
                                  | 1.1. Danh sách đoàn viên | 10   | Danh sách; Sổ đoàn viên
                                  | Nhận xét đoàn viên…      | 5    |
    2. Chủ động xây dựng…         | …

A criterion row starts with its number (1, 2 or 3, or I, II, III; "Tiêu chí 1:" too); a points
figure on it (a subtotal) is not read. An item's code is taken from a "Mã" column, else from
the start of its text ("1.1."), else numbered in order (1.1, 1.2, …). Optional columns:
"Minh chứng" (kinds of evidence, separated by ";" or line breaks), "Chỉ số" (an indicator the
app computes: its key or its Vietnamese label, see :data:`~.template.INDICATORS`) and "Ngưỡng".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BadRowsError, ImportFileError
from ..lang.text import fold, nfc
from ..xlsx.workbook import Cell, read_sheets
from .template import (
    CRITERIA_CODES,
    FORMAT,
    INDICATORS,
    Template,
    parse_template,
    read_template_file,
)

SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv")
_ROMAN = {"i": "1", "ii": "2", "iii": "3"}
_CRITERION = re.compile(
    r"^(?:tiêu\s+chí\s*|tieu\s+chi\s*)?(iii|ii|i|\d+)\s*(?:[.:)\-–]\s*|\s+|$)", re.IGNORECASE
)
_ITEM_CODE = re.compile(r"^(\d+\.\d+)\.?\s+")
_HEADERS = {
    "criterion": ("tieu chi",),
    "text": ("noi dung", "tieu chi con", "chi tiet"),
    "points": ("diem",),
    "evidence": ("minh chung",),
    "code": ("ma", "ma so", "ma muc"),
    "indicator": ("chi so",),
    "threshold": ("nguong",),
}
_META = {
    "name": ("ten bo tieu chi", "ten"),
    "source": ("nguon", "can cu", "van ban"),
    "province": ("tinh/thanh", "tinh/thanh pho", "tinh", "tinh thanh"),
}


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return nfc(str(cell)).strip()


def _key(cell: Cell) -> str:
    return fold(_text(cell)).strip().rstrip(":").strip()


def _refuse(sheet: str, row: int | None, problem: str) -> str:
    """The message of a sheet with one problem alone."""
    where = f"trang “{sheet}”" + (f", dòng {row}" if row is not None else "")
    return f"Bộ tiêu chí không hợp lệ ({where}): {problem} Không có gì thay đổi."


def _refusal(sheet: str, problems: list[tuple[int | None, str]]) -> BadRowsError:
    """The sheet refused for ``problems`` (row, problem; None: the sheet as a whole), every one
    named."""
    return BadRowsError(
        f"Bộ tiêu chí không hợp lệ (trang “{sheet}”), không có gì thay đổi; sửa các lỗi sau "
        "rồi nhập lại tệp:",
        problems,
        lambda row, problem: _refuse(sheet, row, problem),
    )


def _number(cell: Cell) -> float | None:
    """A number from a cell ("2,5" and "10 điểm" too); None when it holds none."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int | float):
        return float(cell)
    match = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)?\s*", _text(cell), re.IGNORECASE)
    return float(match.group(1).replace(",", ".")) if match else None


@dataclass
class _Criterion:
    code: str
    title: str
    row: int
    items: list[dict[str, object]] = field(default_factory=list)


class _Reader:
    """One sheet read row by row into the template's data."""

    def __init__(self, sheet: str) -> None:
        self.sheet = sheet
        self.meta: dict[str, str] = {}
        self.columns: dict[str, int] = {}
        self.criteria: list[_Criterion] = []
        self.codes: set[str] = set()
        self.problems: list[tuple[int | None, str]] = []
        """Every problem found (row, problem; None: the sheet as a whole), in order."""
        self.unread = False
        """Whether a criterion's number could not be read (then which are missing is unknown)."""

    def problem(self, row: int | None, problem: str) -> None:
        self.problems.append((row, problem))

    def header(self, cells: list[Cell]) -> bool:
        """Whether ``cells`` is the header row (its columns then remembered)."""
        found: dict[str, int] = {}
        for column, cell in enumerate(cells):
            key = _key(cell)
            named = [n for n, words in _HEADERS.items() if key in words] or [
                n for n, words in _HEADERS.items() if any(key.startswith(w + " ") for w in words)
            ]
            name = next((n for n in named if n not in found), None)
            if name is not None:
                found[name] = column
        if "criterion" in found and "text" in found:
            self.columns = found
            return True
        return False

    def meta_row(self, cells: list[Cell]) -> None:
        if len(cells) < 2:
            return
        key = _key(cells[0])
        for name, words in _META.items():
            if key in words and name not in self.meta and _text(cells[1]):
                self.meta[name] = _text(cells[1])

    def cell(self, cells: list[Cell], name: str) -> Cell:
        column = self.columns.get(name)
        return cells[column] if column is not None and column < len(cells) else None

    def row(self, number: int, cells: list[Cell]) -> None:
        head, body = _text(self.cell(cells, "criterion")), _text(self.cell(cells, "text"))
        if head:
            self.criteria.append(self._criterion(number, head))
        if body:
            self._item(number, cells, body)
        elif not head and any(
            _text(self.cell(cells, n)) for n in ("points", "evidence", "indicator", "threshold")
        ):
            self.problem(number, "dòng có điểm hoặc minh chứng nhưng thiếu nội dung.")

    def _criterion(self, number: int, head: str) -> _Criterion:
        """The criterion a row starts; one whose number cannot be read, or is there twice,
        still takes the items under it (code "": their codes not checked against it), so that
        they are not said to belong to the criterion above."""
        match = _CRITERION.match(head)
        code = match.group(1).lower() if match else ""
        code = _ROMAN.get(code, code)
        if code not in CRITERIA_CODES:
            self.unread = True
            self.problem(
                number,
                f"không đọc được số của tiêu chí “{head}”: tiêu chí phải bắt đầu bằng 1, 2 hoặc 3 "
                "(ví dụ “1. Chủ động quản lý đoàn viên…”).",
            )
            return _Criterion("", head, number)
        if any(c.code == code for c in self.criteria):
            self.problem(number, f"tiêu chí {code} có hai lần.")
            return _Criterion("", head, number)
        assert match is not None
        title = head[match.end() :].strip()
        if not title:
            self.problem(number, f"tiêu chí {code} thiếu tên.")
        return _Criterion(code, title, number)

    def _item(self, number: int, cells: list[Cell], body: str) -> None:
        if not self.criteria:
            self.problem(
                number, f"nội dung “{body[:60]}” đứng trước mọi tiêu chí: ghi tiêu chí (1, 2, 3) "
                "ở cột “Tiêu chí” trên các nội dung của nó.",
            )  # fmt: skip
            criterion = _Criterion("", "", number)  # its values still checked
        else:
            criterion = self.criteria[-1]
        code = _text(self.cell(cells, "code"))
        prefix = _ITEM_CODE.match(body)
        if prefix:
            body = body[prefix.end() :].strip()
            code = code or prefix.group(1)
        if criterion.code:
            if code and not re.fullmatch(r"\d+\.\d+", code):
                code = f"{criterion.code}.{code}" if code.isdigit() else code
            code = code or f"{criterion.code}.{len(criterion.items) + 1}"
            if not code.startswith(f"{criterion.code}."):
                self.problem(number, f"mã {code} không thuộc tiêu chí {criterion.code}.")
            elif code in self.codes:
                self.problem(number, f"mã {code} dùng hai lần.")
            self.codes.add(code)
        else:  # under no criterion that could be read: named as typed
            code = code or f"“{body[:40]}”"
        item: dict[str, object] = {"code": code, "text": body}
        raw_points = self.cell(cells, "points")
        if _text(raw_points):
            points = _number(raw_points)
            if points is None or not 0 <= points <= 1000:
                self.problem(
                    number,
                    f"điểm “{_text(raw_points)}” của mục {code} phải là một số từ 0 đến 1000.",
                )
            else:
                item["points"] = points
        evidence = re.split(r"[;\n]", _text(self.cell(cells, "evidence")))
        item["evidence"] = [e.strip() for e in evidence if e.strip()]
        indicator = self._indicator(number, code, cells)
        if indicator is not None:
            item["indicator"] = indicator
        criterion.items.append(item)

    def _indicator(self, number: int, code: str, cells: list[Cell]) -> dict[str, object] | None:
        named = _text(self.cell(cells, "indicator"))
        raw_threshold = self.cell(cells, "threshold")
        if not named:
            if _text(raw_threshold):
                self.problem(number, f"mục {code} có ngưỡng nhưng chưa ghi chỉ số.")
            return None
        key = next((k for k, label in INDICATORS.items() if fold(named) in (k, fold(label))), None)
        if key is None:
            self.problem(
                number,
                f"chỉ số “{named}” của mục {code} không có trong ứng dụng. Các chỉ số: "
                + "; ".join(INDICATORS.values()) + ".",
            )  # fmt: skip
            return None
        threshold = _number(raw_threshold) if _text(raw_threshold) else None
        if _text(raw_threshold) and threshold is None:
            self.problem(number, f"ngưỡng “{_text(raw_threshold)}” của mục {code} phải là số.")
            return None
        return {"key": key, "threshold": threshold}

    def template_json(self) -> str:
        """The template's JSON; every problem of the sheet refuses it, all named at once."""
        if "name" not in self.meta:
            self.problem(
                None,
                "thiếu tên bộ tiêu chí: ghi “Tên bộ tiêu chí” ở cột A và tên ở cột B, phía trên "
                "dòng tiêu đề.",
            )
        codes = [c.code for c in self.criteria]
        missing = [c for c in CRITERIA_CODES if c not in codes]
        if missing and not self.unread:
            self.problem(None, f"thiếu tiêu chí {', '.join(missing)}: cả ba tiêu chí phải có.")
        for criterion in self.criteria:
            if criterion.code and not criterion.items:
                self.problem(criterion.row, f"tiêu chí {criterion.code} chưa có nội dung nào.")
        if self.problems:
            rows = sorted(self.problems, key=lambda p: (p[0] is None, p[0] or 0))
            raise _refusal(self.sheet, rows)
        data = {
            "format": FORMAT,
            "version": 1,
            "name": self.meta["name"],
            "source": self.meta.get("source"),
            "province": self.meta.get("province"),
            "criteria": [
                {"code": c.code, "title": c.title, "items": c.items}
                for c in sorted(self.criteria, key=lambda c: c.code)
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def read_template_sheet(path: Path) -> Template:
    """The template of the first sheet of ``path`` that has the header row; refused with an
    :class:`ImportFileError`, a :class:`BadRowsError` naming every problem of the sheet with
    its row."""
    names: list[str] = []
    for sheet in read_sheets(path):
        names.append(sheet.name)
        reader = _Reader(sheet.name)
        header_row = None
        for number, cells in sheet.rows:
            if header_row is None:
                if reader.header(cells):
                    header_row = number
                else:
                    reader.meta_row(cells)
                continue
            reader.row(number, cells)
        if header_row is not None:
            return parse_template(reader.template_json())
    raise ImportFileError(
        f"Không tìm thấy dòng tiêu đề “Tiêu chí | Nội dung | Điểm” trong tệp “{path.name}” "
        f"(trang tính: {', '.join(names) or 'không có'}). Không có gì thay đổi."
    )


def read_template(path: Path) -> Template:
    """A template from a file the user chose: JSON, or an Excel sheet (by its extension; a
    file without one is read as JSON if it looks like it)."""
    suffix = path.suffix.lower()
    if suffix in SHEET_SUFFIXES:
        return read_template_sheet(path)
    if suffix == ".json":
        return read_template_file(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        head = b""
    if head.startswith(b"{"):
        return read_template_file(path)
    raise ImportFileError(
        f"Tệp “{path.name}” không phải bộ tiêu chí: hãy chọn tệp JSON (.json) hoặc Excel "
        "(.xlsx, .xls)."
    )
