"""Criteria templates as data: the default in ``resources/criteria/``, a province's imported
from a file. A template is read whole or refused, naming where (the line of a JSON syntax error;
the criterion or item, and its line, for a rule of the format it breaks)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..errors import ImportFileError
from ..lang.dates import padded_dates

FORMAT = "doancoso-criteria"
DEFAULT_TEMPLATE_FILE = "3-chu-dong-mac-dinh.json"
CRITERIA_CODES = ("1", "2", "3")
INDICATORS: dict[str, str] = {
    "roster-updated": "Danh sách đoàn viên cập nhật trong vòng (tháng)",
    "remarks-share": "Tỉ lệ đoàn viên có nhận xét năm nay (%)",
    "admissions-vs-plan": "Kết nạp đoàn viên so với chỉ tiêu kế hoạch (%)",
    "youth-register": "Số thanh niên trong sổ theo dõi",
    "plan-registered": "Kế hoạch năm đăng ký với cấp trên đúng hạn",
    "targets-met": "Tỉ lệ chỉ tiêu kế hoạch đã đạt (%)",
    "branch-meetings": "Tỉ lệ chi đoàn sinh hoạt đủ hằng tháng (%)",
    "activities-done": "Số hoạt động đã thực hiện (theo loại)",
    "party-introductions": "Số đoàn viên ưu tú được giới thiệu cho Đảng",
    "advice-count": "Số văn bản tham mưu cấp ủy trong năm",
    "coordination-count": "Số chương trình phối hợp trong năm",
}
"""What the app can compute for an item (key → label)."""
RECORDS: dict[str, str] = {
    "roster": "Danh sách đoàn viên",
    "youth-register": "Sổ theo dõi thanh niên",
    "plan": "Kế hoạch công tác",
    "activities": "Hoạt động đã thực hiện",
    "minutes": "Biên bản sinh hoạt chi đoàn",
    "rating": "Đợt xếp loại đoàn viên",
    "advice": "Sổ tham mưu cấp ủy",
    "coordination": "Sổ phối hợp",
    "party-introductions": "Giới thiệu đoàn viên ưu tú cho Đảng",
}
"""The app's own records an item may cite as live evidence (``"activities:<kind>"`` for one
kind of activity): listed with their figures when shown, never copied."""


@dataclass(frozen=True)
class Item:
    code: str
    text: str
    points: float | None
    evidence: tuple[str, ...]
    indicator: str | None
    threshold: float | None
    kind: str | None  # for "activities-done": the kind of activity counted
    records: tuple[str, ...] = ()  # the app's own records cited as evidence (RECORDS' keys)


@dataclass(frozen=True)
class Criterion:
    code: str
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Template:
    name: str
    source: str | None
    province: str | None
    criteria: tuple[Criterion, ...]
    text: str

    @property
    def items(self) -> list[Item]:
        return [item for criterion in self.criteria for item in criterion.items]

    @property
    def has_points(self) -> bool:
        return any(item.points is not None for item in self.items)


def _line(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return 1


def _refuse(text: str, where: str, needle: str, problem: str) -> ImportFileError:
    return ImportFileError(
        f"Bộ tiêu chí không hợp lệ ({where}, dòng {_line(text, needle)}): {problem} "
        "Không có gì thay đổi."
    )


def parse_template(text: str) -> Template:
    """Read a template (JSON); :class:`ImportFileError` naming where the first problem is."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            f"Bộ tiêu chí không đọc được (dòng {exc.lineno}, cột {exc.colno}): không đúng định "
            "dạng JSON. Không có gì thay đổi."
        ) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _refuse(text, "đầu tệp", '"format"', f"cần “format”: “{FORMAT}”.")
    if data.get("version") != 1:
        raise _refuse(
            text, "đầu tệp", '"version"', "ứng dụng này đọc được bộ tiêu chí phiên bản 1."
        )
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _refuse(text, "đầu tệp", '"name"', "cần tên bộ tiêu chí (“name”).")
    criteria_data = data.get("criteria")
    if not isinstance(criteria_data, list) or not criteria_data:
        raise _refuse(text, "đầu tệp", '"criteria"', "cần danh sách tiêu chí (“criteria”).")
    seen: set[str] = set()
    criteria = []
    for raw in criteria_data:
        criteria.append(_criterion(text, raw, seen))
    codes = [c.code for c in criteria]
    missing = [c for c in CRITERIA_CODES if c not in codes]
    if missing:
        raise _refuse(
            text,
            "danh sách tiêu chí",
            '"criteria"',
            f"thiếu tiêu chí {', '.join(missing)}: cả ba tiêu chí phải có.",
        )
    extra = [c for c in codes if c not in CRITERIA_CODES]
    if extra:
        raise _refuse(
            text, f"tiêu chí {extra[0]}", f'"code": "{extra[0]}"', "chỉ có ba tiêu chí 1, 2, 3."
        )
    return Template(
        name=name.strip(),
        source=_text(data.get("source")),
        province=_text(data.get("province")),
        criteria=tuple(sorted(criteria, key=lambda c: c.code)),
        text=text,
    )


def _text(value: Any) -> str | None:
    """A text of the template, its dates written dd/mm/yyyy (a province's file, or a checklist
    opened before the default template wrote "24/05/2023", may have "24/5/2023")."""
    return padded_dates(value.strip()) if isinstance(value, str) and value.strip() else None


def _criterion(text: str, raw: Any, seen: set[str]) -> Criterion:
    if not isinstance(raw, dict):
        raise _refuse(text, "danh sách tiêu chí", '"criteria"', "mỗi tiêu chí phải là một mục {…}.")
    code = str(raw.get("code", "")).strip()
    where = f"tiêu chí {code or '?'}"
    if not code:
        raise _refuse(text, where, '"title"', "tiêu chí thiếu mã (“code”).")
    if code in seen:
        raise _refuse(text, where, f'"code": "{code}"', f"mã “{code}” dùng hai lần.")
    seen.add(code)
    title = _text(raw.get("title"))
    if title is None:
        raise _refuse(text, where, f'"code": "{code}"', "tiêu chí thiếu tên (“title”).")
    items_data = raw.get("items")
    if not isinstance(items_data, list) or not items_data:
        raise _refuse(
            text, where, f'"code": "{code}"', "tiêu chí cần ít nhất một nội dung (“items”)."
        )
    items = tuple(_item(text, code, item, seen) for item in items_data)
    return Criterion(code, title, items)


def _item(text: str, criterion: str, raw: Any, seen: set[str]) -> Item:
    if not isinstance(raw, dict):
        raise _refuse(
            text,
            f"tiêu chí {criterion}",
            f'"code": "{criterion}"',
            "mỗi nội dung phải là một mục {…}.",
        )
    code = str(raw.get("code", "")).strip()
    where = f"nội dung {code or '?'}"
    needle = f'"code": "{code}"' if code else '"text"'
    if not code:
        raise _refuse(text, where, needle, "nội dung thiếu mã (“code”).")
    if code in seen:
        raise _refuse(text, where, needle, f"mã “{code}” dùng hai lần.")
    seen.add(code)
    if not code.startswith(f"{criterion}."):
        raise _refuse(text, where, needle, f"mã của nội dung phải bắt đầu bằng “{criterion}.”.")
    body = _text(raw.get("text"))
    if body is None:
        raise _refuse(text, where, needle, "nội dung thiếu lời văn (“text”).")
    points = raw.get("points")
    if points is not None and not (
        isinstance(points, int | float) and not isinstance(points, bool) and 0 <= points <= 1000
    ):
        raise _refuse(text, where, needle, "điểm (“points”) phải là số từ 0 đến 1000.")
    evidence = raw.get("evidence") or []
    if not (isinstance(evidence, list) and all(isinstance(e, str) for e in evidence)):
        raise _refuse(text, where, needle, "“evidence” phải là danh sách tên loại minh chứng.")
    records = raw.get("records") or []
    if not (
        isinstance(records, list)
        and all(isinstance(r, str) and r.split(":", 1)[0] in RECORDS for r in records)
    ):
        raise _refuse(
            text,
            where,
            needle,
            "“records” phải là danh sách hồ sơ của ứng dụng: " + ", ".join(RECORDS) + ".",
        )
    key, threshold, kind = None, None, None
    indicator = raw.get("indicator")
    if indicator is not None:
        key = indicator.get("key") if isinstance(indicator, dict) else None
        if not isinstance(indicator, dict) or not isinstance(key, str) or key not in INDICATORS:
            raise _refuse(
                text,
                where,
                needle,
                "chỉ số (“indicator”) không có trong ứng dụng: " + ", ".join(INDICATORS) + ".",
            )
        key = indicator["key"]
        threshold = indicator.get("threshold")
        if threshold is not None and not (
            isinstance(threshold, int | float) and not isinstance(threshold, bool)
        ):
            raise _refuse(text, where, needle, "ngưỡng (“threshold”) của chỉ số phải là một số.")
        kind = indicator.get("kind") if isinstance(indicator.get("kind"), str) else None
    return Item(
        code,
        body,
        None if points is None else float(points),
        tuple(e.strip() for e in evidence if e.strip()),
        key,
        None if threshold is None else float(threshold),
        kind,
        tuple(records),
    )


def default_template() -> Template:
    from ...paths import resource

    return parse_template(resource("criteria", DEFAULT_TEMPLATE_FILE).read_text(encoding="utf-8"))


def read_template_file(path: Any) -> Template:
    """A template from a file the user chose (JSON): read whole, checked, nothing stored."""
    from pathlib import Path

    from ..storage.folder import os_reason

    source = Path(path)
    try:
        if source.stat().st_size > 2 * 1024 * 1024:
            raise ImportFileError(f"Tệp “{source.name}” quá lớn cho một bộ tiêu chí (tối đa 2 MB).")
        raw = source.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"Không đọc được tệp “{source.name}”: {os_reason(exc)}.") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"Tệp “{source.name}” không phải văn bản UTF-8 (JSON).") from exc
    import unicodedata

    return parse_template(unicodedata.normalize("NFC", text))
