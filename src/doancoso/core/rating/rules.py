"""The rules of the rating, as data: a JSON file naming the source of each rule (the default in
``resources/rules/``, replaced in Thiết lập by a province's file: the dialog only shows them).

A file is read whole or refused: :func:`parse_rules` raises an :class:`ImportFileError` naming
the line of the problem (JSON's own line for a syntax error, the line of the rule's name for a
value that breaks its rule), and the rules in force stay. :func:`suggest` turns a member's
figures into a suggested level with its reason in words; people decide.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..errors import ImportFileError
from ..lang.text import fold, one_decimal, percent_cell

FORMAT = "doancoso-rating-rules"
DEFAULT_RULES_FILE = "rating-2023-2027.json"
DEFAULT_PERIOD = (2023, 2027)
"""The period the shipped default rules are of (Hướng dẫn 25-HD/TWĐTN-BTC: DOMAIN.md §3). The
app holds no rules of another period: a round after it (or before it) opens with these, carried
over (:func:`default_rules`), and says so (:func:`carried_over`)."""
CARRIED_NAME = (
    "Quy tắc xếp loại đoàn viên mặc định của nhiệm kỳ {first}–{last}, dùng tiếp cho năm {year}"
)
"""The default rules' name in a round after their period: never the name of the period's own."""
EARLIER_NAME = (
    "Quy tắc xếp loại đoàn viên mặc định của nhiệm kỳ {first}–{last}, dùng cho năm {year}"
)
"""The default rules' name in a round before their period (a past year rated late)."""
LEVELS: dict[int, str] = {
    1: "Hoàn thành xuất sắc nhiệm vụ",
    2: "Hoàn thành tốt nhiệm vụ",
    3: "Hoàn thành nhiệm vụ",
    4: "Không hoàn thành nhiệm vụ",
}
SHORT_LEVELS: dict[int, str] = {1: "Xuất sắc", 2: "Tốt", 3: "Hoàn thành", 4: "Không hoàn thành"}
"""The levels as the rating page shows them ("2. Tốt")."""
LEVEL_ABBREVIATIONS: dict[int, str] = {1: "HTXSNV", 2: "HTTNV", 3: "HTNV", 4: "KHTNV"}
"""The levels as the union's tables abbreviate them (the printed summary's columns)."""
SHORT_FORMS: dict[int, str] = {1: "HTXS", 2: "HTT", 3: "HT", 4: "KHT"}
"""The levels as secretaries shorten them when they fill in a sheet (read, never written)."""
TRAINING_RESULTS: dict[str, str] = {
    "xuat-sac": "Xuất sắc",
    "kha": "Khá",
    "dat": "Đạt",
    "khong-dat": "Không đạt",
    "chua-dang-ky": "Chưa đăng ký",
}
"""The member training programme (chương trình rèn luyện đoàn viên): a result, or not
registered (:data:`NOT_REGISTERED`)."""
NOT_REGISTERED = "chua-dang-ky"
RULE_LABELS: dict[str, str] = {
    "participation_thresholds": "Tỉ lệ tham gia tối thiểu cho mức 1, 2, 3 (%)",
    "min_months": "Số tháng sinh hoạt liên tục tối thiểu trong năm để được xếp loại",
    "temporary_remarks_only": "Đoàn viên sinh hoạt tạm: chỉ nhận xét, không xếp loại",
    "party_members_not_rated": "Đảng viên chính thức: đánh giá, không xếp loại",
    "reprimand_cap": "Bị khiển trách trong năm: mức cao nhất",
    "warning_cap": "Bị cảnh cáo trở lên trong năm: mức cao nhất",
    "training_for_level1": "Kết quả rèn luyện cần cho mức 1",
    "level1_cap_percent": "Giới hạn tỉ lệ mức 1 (%, để trống: không giới hạn)",
    "sick_leave_cap": "Nghỉ ốm trong năm quá số tháng: mức cao nhất",
    "unpaid_dues_cap": "Chưa đóng đủ đoàn phí trong năm: mức cao nhất",
}
OPTIONAL_RULES = ("sick_leave_cap", "unpaid_dues_cap")
"""Rules added after files of provinces and the rules of closed rounds were written: a file
without them still parses, and an absent rule (or one whose value is null) is not applied."""


@dataclass(frozen=True)
class RatingRules:
    name: str
    thresholds: tuple[float, float, float]  # minimum participation (%) for levels 1, 2, 3
    min_months: int
    temporary_remarks_only: bool
    party_members_not_rated: bool
    reprimand_cap: int
    warning_cap: int
    training_for_level1: str | None
    level1_cap_percent: float | None
    sources: dict[str, str]  # by rule; none for an optional rule the file lacks
    text: str  # the file as read, kept with a round
    sick_leave_cap: tuple[int, int] | None = None
    """(months, level): sick leave over ``months`` in the year caps the level at ``level``."""
    unpaid_dues_cap: int | None = None
    """The year's dues not paid in full: the level is at most this one."""


def _line_of(text: str, key: str) -> int:
    """The line of a rule's ``"value"`` (else of its name) in the file."""
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        if f'"{key}"' in line:
            for offset, after in enumerate(lines[number - 1 : number + 3]):
                if '"value"' in after:
                    return number + offset
            return number
    return 1


def _refuse(text: str, key: str, problem: str) -> ImportFileError:
    line = _line_of(text, key)
    return ImportFileError(f"Tệp quy tắc xếp loại không hợp lệ (dòng {line}, “{key}”): {problem}")


def parse_rules(text: str) -> RatingRules:
    """Read a rules file; :class:`ImportFileError` naming the line of the first problem. The
    text is kept composed (NFC), as every text of the app, whatever the editor saved."""
    text = unicodedata.normalize("NFC", text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            f"Tệp quy tắc xếp loại không đọc được (dòng {exc.lineno}, cột {exc.colno}): "
            "không đúng định dạng JSON."
        ) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _refuse(text, "format", f"cần “format”: “{FORMAT}”.")
    if data.get("version") != 1:
        raise _refuse(text, "version", "ứng dụng này đọc được quy tắc phiên bản 1.")
    rules = data.get("rules")
    if not isinstance(rules, dict):
        raise _refuse(text, "rules", "cần mục “rules” chứa các quy tắc.")
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for key in RULE_LABELS:
        entry = rules.get(key)
        if entry is None and key in OPTIONAL_RULES:
            values[key] = None
            continue
        if not isinstance(entry, dict) or "value" not in entry:
            raise _refuse(text, key if key in text else "rules", f"thiếu quy tắc “{key}”.")
        source = entry.get("source")
        if not isinstance(source, str) or not source.strip():
            raise _refuse(text, key, "mỗi quy tắc cần ghi nguồn (“source”).")
        values[key], sources[key] = entry["value"], source.strip()
    unknown = sorted(set(rules) - set(RULE_LABELS))
    if unknown:
        raise _refuse(text, unknown[0], "quy tắc không có trong ứng dụng.")
    thresholds = values["participation_thresholds"]
    if not (
        isinstance(thresholds, dict)
        and set(thresholds) == {"1", "2", "3"}
        and all(_number(v) and 0 <= v <= 100 for v in thresholds.values())
    ):
        raise _refuse(
            text, "participation_thresholds", "cần ba tỉ lệ từ 0 đến 100 cho “1”, “2”, “3”."
        )
    steps = (float(thresholds["1"]), float(thresholds["2"]), float(thresholds["3"]))
    if not steps[0] >= steps[1] >= steps[2]:
        raise _refuse(text, "participation_thresholds", "tỉ lệ của mức 1 ≥ mức 2 ≥ mức 3.")
    months = values["min_months"]
    if not (isinstance(months, int) and not isinstance(months, bool) and 0 <= months <= 12):
        raise _refuse(text, "min_months", "cần một số nguyên từ 0 đến 12.")
    for key in ("temporary_remarks_only", "party_members_not_rated"):
        if not isinstance(values[key], bool):
            raise _refuse(text, key, "cần true hoặc false.")
    for key in ("reprimand_cap", "warning_cap"):
        if (
            not isinstance(values[key], int)
            or isinstance(values[key], bool)
            or values[key] not in LEVELS
        ):
            raise _refuse(text, key, "cần một mức từ 1 đến 4.")
    training = values["training_for_level1"]
    if training is not None and not (isinstance(training, str) and training in TRAINING_RESULTS):
        raise _refuse(
            text,
            "training_for_level1",
            "cần null hoặc một trong: " + ", ".join(TRAINING_RESULTS) + ".",
        )
    cap = values["level1_cap_percent"]
    if cap is not None and not (_number(cap) and 0 < cap <= 100):
        raise _refuse(text, "level1_cap_percent", "cần null hoặc một tỉ lệ từ 0 đến 100.")
    sick = values["sick_leave_cap"]
    if sick is not None and not (
        isinstance(sick, dict)
        and set(sick) == {"months", "level"}
        and _whole(sick["months"])
        and 0 <= sick["months"] <= 12
        and _whole(sick["level"])
        and sick["level"] in LEVELS
    ):
        raise _refuse(
            text,
            "sick_leave_cap",
            "cần null hoặc {“months”: …, “level”: …}: cần số tháng từ 0 đến 12 và một mức từ 1 "
            "đến 4.",
        )
    dues = values["unpaid_dues_cap"]
    if dues is not None and not (_whole(dues) and dues in LEVELS):
        raise _refuse(text, "unpaid_dues_cap", "cần null hoặc một mức từ 1 đến 4.")
    name = data.get("name")
    return RatingRules(
        name=name.strip() if isinstance(name, str) and name.strip() else "Quy tắc xếp loại",
        thresholds=steps,
        min_months=months,
        temporary_remarks_only=values["temporary_remarks_only"],
        party_members_not_rated=values["party_members_not_rated"],
        reprimand_cap=values["reprimand_cap"],
        warning_cap=values["warning_cap"],
        training_for_level1=training,
        level1_cap_percent=None if cap is None else float(cap),
        sources=sources,
        text=text,
        sick_leave_cap=None if sick is None else (sick["months"], sick["level"]),
        unpaid_dues_cap=dues,
    )


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def default_rules(year: int | None = None) -> RatingRules:
    """The shipped rules, of :data:`DEFAULT_PERIOD`. For a round of a ``year`` after that period
    the same rules, carried over until the union issues the next period's, named so
    (:data:`CARRIED_NAME`); before it (a past year rated late), the same rules named as used for
    that year (:data:`EARLIER_NAME`): a round keeps its rules' text, name included, and must not
    read as a year of 2023–2027."""
    from ...paths import resource

    rules = parse_rules(resource("rules", DEFAULT_RULES_FILE).read_text(encoding="utf-8"))
    first, last = DEFAULT_PERIOD
    if year is None or first <= year <= last:
        return rules
    name = (CARRIED_NAME if year > last else EARLIER_NAME).format(first=first, last=last, year=year)
    # Only the name changes; the rules, their sources and the file's layout stay as shipped.
    quoted = json.dumps(rules.name, ensure_ascii=False)
    return parse_rules(rules.text.replace(quoted, json.dumps(name, ensure_ascii=False), 1))


def carried_over(rules: RatingRules, year: int) -> str:
    """What opening the round of ``year`` with ``rules`` must tell the secretary: "" unless they
    are the default rules used outside their period (:func:`default_rules`), then that they are
    those of 2023–2027: after it, used until the union issues new ones; before it, used instead
    of the rules of that year, which the app does not hold."""
    first, last = DEFAULT_PERIOD
    if rules.name == EARLIER_NAME.format(first=first, last=last, year=year):
        return (
            f"Năm {year} không thuộc nhiệm kỳ {first}–{last}, nhưng ứng dụng chỉ có quy tắc xếp "
            f"loại của nhiệm kỳ này (Hướng dẫn 25-HD/TWĐTN-BTC năm 2023): đợt xếp loại năm {year} "
            "dùng quy tắc đó thay cho quy tắc đã áp dụng năm ấy. Nếu có tệp quy tắc của năm "
            f"{year}, hãy nhập ở Thiết lập → Quy tắc xếp loại… trước khi mở đợt; mỗi đợt xếp loại "
            "giữ quy tắc của lúc mở đợt."
        )
    if rules.name != CARRIED_NAME.format(first=first, last=last, year=year):
        return ""
    return (
        f"Năm {year} không thuộc nhiệm kỳ {first}–{last}, nhưng ứng dụng chỉ có quy tắc xếp "
        f"loại của nhiệm kỳ này (Hướng dẫn 25-HD/TWĐTN-BTC năm 2023): đợt xếp loại năm {year} "
        "dùng tiếp quy tắc đó cho đến khi Đoàn ban hành hướng dẫn mới. Khi có hướng dẫn mới, hãy "
        "nhập tệp quy tắc mới ở Thiết lập → Quy tắc xếp loại…; mỗi đợt xếp loại giữ quy tắc của "
        "lúc mở đợt."
    )


def percent_text(value: float) -> str:
    """A figure of the rules (a threshold, the cap on level 1): 85 → "85%", 89.9 → "89,9%".

    A share of members or a member's participation uses
    :func:`~doancoso.core.lang.text.percent_cell` instead ("85,0%"), as the rating documents
    write it, in a table and in a sentence alike, and the page with them."""
    rounded = one_decimal(value)
    text = f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}".replace(".", ",")
    return f"{text}%"


@dataclass(frozen=True)
class Suggestion:
    level: int | None
    reason: str


def suggest(
    rules: RatingRules,
    participation: float | None,
    discipline: str | None,
    training_result: str | None,
    sick_months: int | None = None,
    dues_unpaid: bool | None = None,
) -> Suggestion:
    """The level the rules give for a participation rate (0–1), the heaviest discipline of the
    year (``reprimand``, ``warning``, ``expulsion``), the training programme's result, the
    months of sick leave in the year and whether the year's dues are unpaid, with the reason in
    words ("Tham gia 85,0% hoạt động (từ 70%) — Hoàn thành tốt nhiệm vụ": the participation as
    the documents write it, the threshold as the rules do). A cap is said only where it lowers
    the level."""
    if participation is None:
        return Suggestion(None, "Chưa có tỉ lệ tham gia hoạt động: hãy điểm danh hoặc nhập tỉ lệ.")
    rate = participation * 100
    level, reached = 4, None
    for candidate, threshold in zip((1, 2, 3), rules.thresholds, strict=True):
        if rate >= threshold - 1e-9:
            level, reached = candidate, threshold
            break
    parts = [
        f"Tham gia {percent_cell(rate)} hoạt động"
        + (
            f" (từ {percent_text(reached)})"
            if reached is not None
            else f" (dưới {percent_text(rules.thresholds[2])})"
        )
    ]
    if discipline in ("warning", "expulsion") and level < rules.warning_cap:
        level = rules.warning_cap
        parts.append("bị kỷ luật cảnh cáo trở lên trong năm")
    elif discipline == "reprimand" and level < rules.reprimand_cap:
        level = rules.reprimand_cap
        parts.append("bị kỷ luật khiển trách trong năm")
    if rules.sick_leave_cap is not None and sick_months is not None:
        months, cap = rules.sick_leave_cap
        if sick_months > months and level < cap:
            level = cap
            parts.append(f"nghỉ ốm {sick_months} tháng (trên {months} tháng)")
    if rules.unpaid_dues_cap is not None and dues_unpaid and level < rules.unpaid_dues_cap:
        level = rules.unpaid_dues_cap
        parts.append("chưa đóng đủ đoàn phí")
    if level == 1 and rules.training_for_level1 and training_result != rules.training_for_level1:
        level = 2
        wanted = TRAINING_RESULTS[rules.training_for_level1].lower()
        parts.append(f"chưa có kết quả rèn luyện “{wanted}”")
    return Suggestion(level, "; ".join(parts) + f" — {LEVELS[level]}")


def ceiling(
    rules: RatingRules,
    discipline: str | None,
    sick_months: int | None = None,
    dues_unpaid: bool | None = None,
) -> Suggestion | None:
    """The best level the rules allow a member whatever their participation, with the reason in
    :func:`suggest`'s words ("bị kỷ luật cảnh cáo trở lên trong năm — Không hoàn thành nhiệm
    vụ"), or None when nothing caps it: a discipline of the year, sick leave over the rules'
    months, unpaid dues. The training result asked for level 1 is a requirement of that level,
    not a penalty, and is left out (often not entered in the app)."""
    best = suggest(rules, 1.0, discipline, rules.training_for_level1, sick_months, dues_unpaid)
    if best.level is None or best.level == 1:
        return None
    # suggest() says the participation first, then each cap: only the caps are the reason.
    return Suggestion(best.level, best.reason.partition("; ")[2])


def parse_level(text: str | int | None) -> int | None:
    """A level from 1–4, its Vietnamese name, its short name or abbreviation as the app writes
    them (:data:`SHORT_LEVELS`, :data:`LEVEL_ABBREVIATIONS`) or as secretaries do ("HTT",
    :data:`SHORT_FORMS`, also followed by "nhiệm vụ" or "NV": "HTXS nhiệm vụ"; the name without
    "nhiệm vụ" or with "NV" for it: "Hoàn thành tốt", "Hoàn thành xuất sắc NV"), or a number
    with its name as the rating page shows it ("2. Tốt"); tones, case and extra spaces ignored;
    None for empty; ValueError otherwise (a number and a name that disagree too)."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    if isinstance(text, int) and not isinstance(text, bool):
        if text in LEVELS:
            return text
        raise ValueError
    key = fold(str(text)).strip().removeprefix("muc ").strip()
    numbered = _NUMBERED.fullmatch(key)
    if numbered is None:
        raise ValueError
    number, name = numbered.group(1), " ".join(numbered.group(2).split())
    level = int(number) if number else _NAMES.get(name)
    if level not in LEVELS or (number and name and _NAMES.get(name) != level):
        raise ValueError
    return level


_SHORTENED = {level: name.removesuffix(" nhiệm vụ") for level, name in LEVELS.items()}
"""The levels' names without "nhiệm vụ" ("Hoàn thành tốt"), as secretaries write them."""
_NAMES = {
    fold(name): level
    for names in (LEVELS, SHORT_LEVELS, LEVEL_ABBREVIATIONS, SHORT_FORMS, _SHORTENED)
    for level, name in names.items()
} | {
    f"{fold(short)} {words}": level
    for names in (SHORT_FORMS, _SHORTENED)  # "HTXS nhiệm vụ", "KHT NV", "Hoàn thành tốt NV"
    for level, short in names.items()
    for words in ("nhiem vu", "nv")  # the short form, then its end
}
_NUMBERED = re.compile(r"(?:(\d+)\s*[.:)\-]?\s*)?(\D*)")
"""A folded level: an optional number, then an optional name."""
