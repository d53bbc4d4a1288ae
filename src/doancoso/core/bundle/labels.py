"""Vietnamese names of the travelling tables and of the fields a conflict shows side by side,
and a field's value as the import wizard and ``doancoso bundle import`` show it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from ..lang.dates import format_vn_date, format_vn_datetime

TABLE_LABELS: dict[str, str] = {
    "organizations": "Thông tin Đoàn cơ sở",
    "settings": "Thiết lập",
    "branches": "Chi đoàn",
    "members": "Đoàn viên",
    "member_events": "Quá trình sinh hoạt của đoàn viên",
    "youths": "Thanh niên",
    "plans": "Kế hoạch",
    "plan_targets": "Chỉ tiêu kế hoạch",
    "activity_kinds": "Loại hoạt động",
    "activities": "Hoạt động",
    "occurrences": "Buổi hoạt động",
    "attendance": "Điểm danh",
    "minutes": "Biên bản sinh hoạt",
    "rating_rounds": "Đợt xếp loại",
    "ratings": "Xếp loại đoàn viên",
    "branch_ratings": "Xếp loại chi đoàn",
    "criteria_templates": "Bộ tiêu chí",
    "checklists": "Bảng tự đánh giá “3 chủ động”",
    "checklist_answers": "Đánh giá tiêu chí",
    "advice_records": "Văn bản tham mưu",
    "coordination_records": "Hoạt động phối hợp",
    "evidence_files": "Lượt đính kèm minh chứng",
}
"""The Vietnamese name of each travelling table, wherever one is shown (the import wizard, the
command line, the biên bản bàn giao, a refusal), in the order the biên bản lists them."""

EVIDENCE_REPAIRED = "Tệp minh chứng trên máy này bị hỏng, đã thay bằng bản đúng trong tệp"
EVIDENCE_TO_REPAIR = "Tệp minh chứng trên máy này bị hỏng, sẽ thay bằng bản đúng trong tệp"
"""The evidence files an import replaced, the store's copy damaged (the wizard's result and the
command line)."""

MERGE_EVENTS = "Sự kiện “Sáp nhập tổ chức Đoàn” ghi thêm vào quá trình sinh hoạt"
"""The line of the counts of a sáp nhập (the wizard's table and result) for the event the merge
writes in the history of each member it brings in: apart from the file's history rows."""

AFTER_MERGE_LOST = "Những gì nhập hoặc sửa sau khi sáp nhập sẽ không còn."
"""What restoring the backup taken before a sáp nhập also takes back (the wizard's result and
``doancoso bundle import`` say how to restore it)."""

ALL_ROWS_HEADER = "Số bản ghi (kể cả đã xóa)"
ALL_ROWS_NOTE = (
    "Tệp do phiên bản doancoso cũ hơn tạo ra: số bản ghi gồm cả các bản ghi đã xóa, như biên "
    "bản bàn giao của tệp này đã in."
)
"""A bundle's ``counts`` (tombstones included), as the import wizard and ``doancoso bundle
inspect`` name them, and what they say of a bundle written before it carried its live counts
(docs/bundle-format.md, ``live_counts``)."""
EVIDENCE_SKIPPED = "Tệp minh chứng không chép (chỉ thuộc các bản ghi không nhận)"
"""The bundle's evidence files no row taken names (``ImportPlan.evidence_skipped``), as the
import wizard's result and ``doancoso bundle import`` say it."""

FIELD_LABELS: dict[str, str] = {
    # members (the member form's words)
    "full_name": "Họ và tên", "other_name": "Tên gọi khác", "birth_date": "Ngày sinh",
    "birth_precision": "Cách ghi ngày sinh", "gender": "Giới tính", "ethnicity": "Dân tộc",
    "religion": "Tôn giáo", "national_id": "Số CCCD", "national_id_date": "Ngày cấp CCCD",
    "national_id_place": "Nơi cấp CCCD", "hometown": "Quê quán",
    "address_hamlet": "Ấp/thôn/khóm", "address_commune": "Xã/phường",
    "address_province": "Tỉnh/thành phố", "phone": "Điện thoại", "email": "Email",
    "occupation": "Nghề nghiệp", "education": "Trình độ văn hóa",
    "qualification": "Trình độ chuyên môn", "political_theory": "Lý luận chính trị",
    "computer_skills": "Tin học", "foreign_language": "Ngoại ngữ",
    "member_code": "Mã định danh đoàn viên", "branch_id": "Chi đoàn", "position": "Chức vụ",
    "status": "Trạng thái", "admission_date": "Ngày vào Đoàn", "admission_place": "Nơi vào Đoàn",
    "admission_decision": "Số nghị quyết chuẩn y kết nạp", "card_number": "Số thẻ đoàn viên",
    "book_number": "Số sổ đoàn viên", "book_status": "Tình trạng sổ đoàn viên",
    "party_date": "Ngày vào Đảng", "association": "Hội", "father_name": "Họ tên cha",
    "father_birth_year": "Năm sinh của cha", "father_occupation": "Nghề nghiệp của cha",
    "mother_name": "Họ tên mẹ", "mother_birth_year": "Năm sinh của mẹ",
    "mother_occupation": "Nghề nghiệp của mẹ", "notes": "Ghi chú", "note": "Ghi chú",
    # shared and other tables
    "deleted_at": "Đã xóa", "name": "Tên", "title": "Tiêu đề", "kind": "Loại",
    "event_date": "Ngày", "number": "Số", "place": "Địa điểm", "day": "Ngày",
    "start_date": "Ngày bắt đầu", "end_date": "Ngày kết thúc", "state": "Trạng thái",
    "reason": "Lý do", "caption": "Chú thích", "value": "Giá trị", "year": "Năm",
    "key": "Tên thiết lập",
    "content": "Nội dung", "results": "Kết quả", "remark": "Nhận xét", "level": "Mức",
    "decided_level": "Mức xếp loại", "proposed_level": "Mức đề xuất",
    "self_level": "Mức tự xếp loại", "planned": "Chỉ tiêu", "achieved": "Đạt được",
    "text": "Nội dung chỉ tiêu", "points": "Điểm", "partner": "Đơn vị phối hợp",
    "hamlet": "Ấp/thôn/khóm", "address": "Địa chỉ", "secretary_name": "Bí thư",
    "superior_name": "Đoàn cấp trên", "commune": "Xã/phường", "province": "Tỉnh/thành phố",
    "superior_short": "Tên viết tắt của cấp trên", "coming_of_age": "Tuổi trưởng thành Đoàn",
    "leave_counts_as_attended": "Tính “vắng có phép” là có tham gia",
    "organization_id": "Đoàn cơ sở", "created_at": "Ngày tạo",
    "name_fold": "Tên (không dấu, để so trùng)",
    # history of a member
    "member_id": "Đoàn viên", "status_before": "Trạng thái trước đó",
    "introducer_id": "Người giới thiệu (đoàn viên)", "introducer_name": "Người giới thiệu",
    "other_organization": "Tổ chức Đoàn", "home_organization": "Tổ chức Đoàn gốc",
    "period_start": "Từ ngày", "period_end": "Đến ngày",
    "discipline_level": "Hình thức kỷ luật", "sequence": "Thứ tự",
    # youths (the youth form's words)
    "working_away": "Đi làm ăn xa", "away_place": "Nơi làm ăn xa", "away_since": "Đi từ ngày",
    "in_hardship": "Hoàn cảnh khó khăn", "hardship_kind": "Loại hoàn cảnh",
    "hardship_support": "Đã/cần hỗ trợ", "disability": "Khuyết tật",
    "contact": "Liên hệ khác", "follow_up_member_id": "Đoàn viên theo dõi (1+1)",
    "admitted_member_id": "Đã kết nạp vào Đoàn",
    # plans and their targets
    "plan_date": "Ngày ban hành", "grounds": "Căn cứ", "purposes": "Mục đích, yêu cầu",
    "implementation": "Tổ chức thực hiện", "registration_state": "Trạng thái đăng ký",
    "registered_on": "Ngày đăng ký", "registration_number": "Số đăng ký",
    "plan_id": "Kế hoạch", "criterion": "Tiêu chí", "unit": "Đơn vị tính",
    "measure": "Cách tính kết quả", "measure_kind": "Loại hoạt động được đếm",
    # activities, their dates, attendance and minutes
    "code": "Mã", "colour": "Màu", "start_time": "Giờ bắt đầu", "end_time": "Giờ kết thúc",
    "branch_ids": "Chi đoàn tham gia", "target_ids": "Chỉ tiêu liên quan",
    "partners": "Đơn vị phối hợp", "expected_participants": "Số người dự kiến",
    "rule": "Lặp lại", "activity_id": "Hoạt động", "original_date": "Ngày dự kiến ban đầu",
    "end_day": "Ngày kết thúc", "participants": "Số người tham gia",
    "resources": "Nguồn lực huy động", "attendance_taken": "Đã điểm danh",
    "occurrence_id": "Buổi hoạt động", "chair": "Chủ trì", "recorder": "Thư ký",
    "guests": "Khách mời", "agenda": "Chương trình", "resolutions": "Kết luận, nghị quyết",
    "closed_at": "Ngày khóa sổ",
    # evidence files
    "owner_table": "Loại bản ghi có minh chứng", "owner_id": "Bản ghi có minh chứng",
    "sha256": "Mã SHA-256 của tệp", "original_name": "Tên tệp", "media_type": "Loại tệp",
    "size": "Dung lượng", "taken_on": "Ngày chụp",
    # ratings and the checklist
    "rules": "Quy định xếp loại", "own_level": "Mức tự xếp loại của Đoàn cơ sở",
    "own_remark": "Nhận xét của Đoàn cơ sở", "history": "Lịch sử thay đổi",
    "round_id": "Đợt xếp loại", "participation": "Tỉ lệ tham gia hoạt động",
    "training_registered": "Đăng ký chương trình rèn luyện",
    "training_result": "Kết quả chương trình rèn luyện", "self_text": "Tự đánh giá",
    "proposed_remark": "Nhận xét đề xuất", "source": "Nguồn",
    "sick_months": "Số tháng nghỉ ốm", "dues_unpaid": "Chưa đóng đủ đoàn phí",
    "template_name": "Bộ tiêu chí", "template": "Nội dung bộ tiêu chí",
    "checklist_id": "Bảng tự đánh giá",
    # advice to the Party committee
    "summary": "Nội dung tóm tắt", "answer": "Trả lời của cấp ủy",
    "answer_day": "Ngày trả lời",
}  # fmt: skip


def table_label(table: str) -> str:
    """The Vietnamese name of ``table`` ("members" → "Đoàn viên"); an unknown table keeps its
    own name."""
    return TABLE_LABELS.get(table, table)


def in_label_order(tables: Iterable[str]) -> list[str]:
    """``tables`` as every list of them is shown: the known ones in the order of
    :data:`TABLE_LABELS`, then any other in alphabetical order."""
    given = set(tables)
    return [t for t in TABLE_LABELS if t in given] + sorted(given - TABLE_LABELS.keys())


def quoted_table(table: str) -> str:
    """``table`` as a message names it: “Đoàn viên” (members), or “its name” if unknown."""
    label = TABLE_LABELS.get(table)
    return f"“{table}”" if label is None else f"“{label}” ({table})"


def field_label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


def filled_text(fields: tuple[str, ...] | list[str]) -> str:
    """The fields a matched member took from the other organisation's record, in words."""
    return ", ".join(field_label(f) for f in fields)


EMPTY_VALUE = "(trống)"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MOMENT = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?"
)


def moment_text(value: str | datetime) -> str:
    """A moment as dd/mm/yyyy hh:mm in this computer's time; one without an offset is UTC, as
    the app stores every date and time (``created_at``, ``deleted_at``…)."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return format_vn_datetime(moment)  # shown in local time


def value_text(value: Any, kind: str | None = None) -> str:
    """A field's value as the user reads it: empty as "(trống)", true/false as "Có"/"Không", a
    date as dd/mm/yyyy, a date and time as dd/mm/yyyy hh:mm local time. ``kind`` is the
    column's JSON kind (``rows.columns_of``); without it only a whole ISO date or date and time
    is taken for one (a note starting with a date stays as written)."""
    if value is None or value == "":
        return EMPTY_VALUE
    if isinstance(value, bool):
        return "Có" if value else "Không"
    text = str(value)
    try:
        if kind in (None, "date") and _ISO_DATE.fullmatch(text):
            return format_vn_date(date.fromisoformat(text))
        if kind in (None, "datetime") and _ISO_MOMENT.fullmatch(text):
            return moment_text(text)
    except ValueError:  # 2024-13-45: not a date after all
        return text
    return text


GONE = "(không còn)"
"""A record an id names that neither copy holds (deleted for good, or never carried)."""
WHOLE_ORGANISATION = "Toàn Đoàn cơ sở"
"""An activity's chi đoàn when it names none: the whole organisation (as the calendar says)."""
_ID_LISTS = {"branch_ids": "branches", "target_ids": "plan_targets"}
"""Columns holding a JSON list of ids, and the table the ids are of."""


def referenced_table(table: str, field: str, row: Mapping[str, Any] | None = None) -> str | None:
    """The table whose ids ``table``'s ``field`` holds (a foreign key, a JSON list of ids, an
    evidence file's owner named by the row's ``owner_table``), None for any other field."""
    from .rows import travelling_tables

    if field in _ID_LISTS:
        return _ID_LISTS[field]
    if field == "owner_id":
        owner = None if row is None else row.get("owner_table")
        return owner if isinstance(owner, str) and owner in travelling_tables() else None
    known = travelling_tables().get(table)
    if known is None or field == "organization_id" or field not in known.c:
        return None
    keys = list(known.c[field].foreign_keys)
    return str(keys[0].column.table.name) if keys else None


def referenced_ids(field: str, value: Any) -> list[str]:
    """The ids ``value`` of an id column holds: one, none, or a JSON list's."""
    if value is None or value == "":
        return []
    if field in _ID_LISTS:
        import json

        try:
            ids = json.loads(value) if isinstance(value, str) else value
        except ValueError:
            return [str(value)]
        return [str(i) for i in ids] if isinstance(ids, list) else [str(ids)]
    return [str(value)]


def record_name(table: str, row: Mapping[str, Any]) -> str:
    """What the user knows a referenced record by: a member's full name, a chi đoàn's name,
    otherwise :func:`row_label` ("Hoạt động …")."""
    if table in ("members", "youths"):
        return str(row["full_name"])
    if table == "branches":
        return str(row["name"])
    return row_label(table, row)


def coded_words(table: str, field: str) -> Mapping[Any, str]:
    """The words of each code of ``table``'s ``field`` when the app fills it from a fixed list,
    as its pages show them: the forms' lists (``validate.CHOICES``), an attendance mark, a
    member event's kind and discipline, a plan's registration, a rating level and a training
    result; empty for any other field."""
    from ..activities.rules import ATTENDANCE_STATES
    from ..lifecycle.rules import DISCIPLINE_LEVELS, EVENT_KINDS
    from ..plans.rules import REGISTRATION_STATES
    from ..rating.rules import LEVELS, TRAINING_RESULTS
    from .validate import CHOICES

    shown: dict[tuple[str, str], Mapping[Any, str]] = {
        ("attendance", "state"): ATTENDANCE_STATES,
        ("member_events", "kind"): EVENT_KINDS,
        ("member_events", "discipline_level"): DISCIPLINE_LEVELS,
        ("plans", "registration_state"): REGISTRATION_STATES,
        ("ratings", "training_result"): TRAINING_RESULTS,
        ("ratings", "self_level"): LEVELS,
        ("ratings", "proposed_level"): LEVELS,
        ("ratings", "decided_level"): LEVELS,
        ("branch_ratings", "level"): LEVELS,
        ("rating_rounds", "own_level"): LEVELS,
    }
    return shown.get((table, field)) or CHOICES.get(table, {}).get(field, {})


def field_value_text(
    table: str, field: str, value: Any, names: Mapping[str, str] | None = None
) -> str:
    """:func:`value_text` of ``table``'s ``field``, with the column's kind when the table is
    known to this version. An id column's value, given the ``names`` of the records the
    conflict refers to (``Conflict.names``), shows as those names: a chi đoàn list in
    Vietnamese order, "(không còn)" for an id neither copy holds. A code of a field the forms
    fill from a fixed list shows as the app shows it (:func:`coded_words`: "female" as "Nữ")."""
    from ..lang.text import collation_key
    from .rows import columns_of, travelling_tables

    if names is not None and (field == "owner_id" or referenced_table(table, field)):
        ids = referenced_ids(field, value)
        if field == "branch_ids" and not ids:
            return WHOLE_ORGANISATION
        if not ids:
            return EMPTY_VALUE
        shown = sorted((names[i] for i in ids if i in names), key=collation_key)
        return ", ".join(shown + [GONE for i in ids if i not in names])  # the lost ones last
    if isinstance(value, Mapping):  # columns held together (coupled.py)
        return _together_text(table, field, value, names)
    if (table, field) == ("activities", "kind") and isinstance(value, str) and value:
        return kind_name(value, names)
    words = coded_words(table, field)
    if isinstance(value, str | int) and not isinstance(value, bool) and value in words:
        return words[value]  # a code of a fixed list: "female" as "Nữ", 2 as a rating level
    if (table, field) == ("rating_rounds", "history") and value:
        from ..rating.records import history_said

        return history_said(str(value)) or EMPTY_VALUE  # not the JSON, nor what closings keep
    kind = columns_of(table).get(field) if table in travelling_tables() else None
    return value_text(value, kind)


def _together_text(
    table: str, field: str, values: Mapping[str, Any], names: Mapping[str, str] | None = None
) -> str:
    """A group of columns held together (``coupled.COUPLED``) as the user reads it: a birth
    date as it is written (“1999” when only the year is known, as the roster shows it); a plan
    target's figures as the plan page says them (“80%; tự tính: …”, “20 đoàn viên; đạt 15
    đoàn viên”)."""
    if field == "birth_date":
        born = _born_said(values)
        return born or value_text(values.get("birth_date"), "date")
    if table == "plan_targets" and field == "planned":
        return _figures_text(values, names)
    return "; ".join(field_value_text(table, k, v) for k, v in values.items())


def kind_codes(table: str, field: str, value: Any) -> list[str]:
    """The codes of the kinds of activity the organisation added that ``table``'s conflict
    ``field`` holds (an activity's kind, the kind a target counts, in its figures), for
    ``references.References`` to name from this copy's kinds or the file's."""
    from ..activities.rules import BUILTIN_KINDS

    if table == "plan_targets" and field == "planned" and isinstance(value, Mapping):
        value = value.get("measure_kind")
    elif (table, field) != ("activities", "kind"):
        return []
    return [value] if isinstance(value, str) and value and value not in BUILTIN_KINDS else []


def kind_name(code: str, names: Mapping[str, str] | None = None) -> str:
    """A kind of activity as the plan page names it: a built-in kind's name, one the
    organisation added by its name among ``names`` (:func:`kind_codes`), else its code."""
    from ..activities.rules import BUILTIN_KINDS

    if code in BUILTIN_KINDS:
        return BUILTIN_KINDS[code][0]
    return (names or {}).get(code, code)


def _number(value: Any) -> float | None:
    """A figure of a file's row (not yet checked: any type may stand there), None unless one."""
    return float(value) if type(value) in (int, float) else None


def _figures_text(values: Mapping[str, Any], names: Mapping[str, str] | None = None) -> str:
    """A plan target's figures (``coupled.TARGET_FIGURES``) in words: the amount planned with
    its unit, then how its result is known, counted by the app (“tự tính: …”, and the kind of
    activity counted) or typed (“đạt 15 đoàn viên”)."""
    from ..plans.figures import quantity_text
    from ..plans.rules import MEASURES

    unit = values.get("unit") if isinstance(values.get("unit"), str) else None
    parts = [quantity_text(_number(values.get("planned")), unit) or "không định lượng"]
    measure, kind = values.get("measure"), values.get("measure_kind")
    if isinstance(measure, str) and measure:
        counted = f"tự tính: {MEASURES[measure][0] if measure in MEASURES else measure}"
        if isinstance(kind, str) and kind:
            counted += f": {kind_name(kind, names)}"
        parts.append(counted)
    elif _number(values.get("achieved")) is not None:
        parts.append(f"đạt {quantity_text(_number(values.get('achieved')), unit)}")
    return "; ".join(parts)


_PEOPLE = ("members", "youths")
_NAME_SHOWN = 60
"""The letters of a name a refusal shows at most (a crafted file's may be 100,000 long)."""
_TARGET_SHOWN = 80
"""The letters of a plan target's text a conflict names it by (a target may be a paragraph)."""


def _name_said(value: Any, most: int = _NAME_SHOWN) -> str | None:
    """A name of a row not yet checked as a message shows it: NFC, spaces collapsed, control
    characters left out, one longer than ``most`` cut; None unless a text with something to
    show."""
    from ..lang.text import nfc

    if type(value) is not str:
        return None
    text = " ".join("".join(c if c.isprintable() else " " for c in nfc(value)).split())
    if len(text) > most:
        text = f"{text[: most - 1]}…"
    return text or None


def _born_said(row: Mapping[str, Any]) -> str | None:
    """A person's birth date as the roster shows it (only its year when only that is known),
    None unless a whole ISO date (it may be what the refusal is about)."""
    from ..lang.dates import YEAR, format_vn_date

    born = row.get("birth_date")
    if type(born) is not str or len(born) != 10:
        return None
    try:
        day = date.fromisoformat(born)
    except ValueError:
        return None
    return format_vn_date(day, YEAR if row.get("birth_precision") == YEAR else "day")


def row_in_words(table: str, row: Mapping[str, Any]) -> str | None:
    """A row of a file (not yet checked) as a refusal names it: “dòng của Nguyễn Văn An (sinh
    05/03/2001)”, “dòng của chi đoàn “Chi đoàn 1””, another record by its title or name
    (“dòng “Hội trại 26/3””); None when it has none to show (an attendance mark), for the
    refusal to name it by its id."""
    if table in _PEOPLE:
        name = _name_said(row.get("full_name"))
        if name is None:
            return None
        born = _born_said(row)
        return f"dòng của {name}" + (f" (sinh {born})" if born else "")
    if table == "branches":
        name = _name_said(row.get("name"))
        return None if name is None else f"dòng của chi đoàn “{name}”"
    name = _name_said(row.get("title")) or _name_said(row.get("name"))
    return None if name is None else f"dòng “{name}”"


def row_label(table: str, row: Mapping[str, Any]) -> str:
    """Whose row it is, in words: “Đoàn viên Nguyễn Văn An (05/03/2001)”, a person whose birth
    is known only by its year by that year (“Đoàn viên Nguyễn Văn An (2001)”, not 01/01/2001);
    a record held once per year or key as the organisation knows it: “Kế hoạch công tác năm
    2027”."""
    from .one_per_year import KEYED

    if table in KEYED:
        from .one_per_year import label as record_label

        return record_label(table, row)
    name = row.get("full_name") or row.get("name") or row.get("title") or row.get("key")
    if not name and table == "plan_targets":  # which target: its text, its first words
        name = _name_said(row.get("text"), _TARGET_SHOWN)
    label = table_label(table)
    if name:
        label += f" {name}"
    birth = row.get("birth_date") or row.get("event_date") or row.get("day")
    if isinstance(birth, str) and len(birth) == 10:
        if row.get("birth_precision") == "year":
            label += f" ({birth[0:4]})"
        else:
            label += f" ({birth[8:10]}/{birth[5:7]}/{birth[0:4]})"
    return label
