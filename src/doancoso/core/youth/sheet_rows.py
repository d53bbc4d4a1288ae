"""The youth register's columns in an Excel/CSV file, and one row read into a young person's
values.

The hamlet heads' lists come in every shape; the headers are those of the register's own export
(:data:`doancoso.core.youth.export.COLUMNS`, which must import back unchanged) and their usual
spellings ("Năm sinh", "Ấp", "Thôn", "Hộ nghèo", "Nơi làm ăn xa"...). The row is read by the
roster import's reader (:class:`~doancoso.core.roster.spreadsheets.rows.RowParser`: legacy
TCVN3/VNI text, every form of date, a birth year alone, Nam/Nữ columns, a phone's lost leading
0, totals and signatures under the table), minus the member's age rule: the age of a young
person of the register is not refused here, only warned about when the row is decided
(:func:`doancoso.core.youth.sheet_import.decide`).

Two columns say a yes/no and a detail at once, as the export writes them: "Đi làm ăn xa (nơi)"
and "Hoàn cảnh khó khăn" hold the place or the kind, "Có" when only the fact is known, and
nothing (or "Không", "Không có") when not. "Không" is a value: it clears the flag and its detail,
where an empty cell leaves the stored record alone. The youth form reads its fields of the place
and the kind the same way (:func:`doancoso.core.youth.service.yes_or_no`).
"""

from __future__ import annotations

from datetime import date

from ..lang.dates import DateFormatError
from ..roster.spreadsheets.cell_values import unread_date_message
from ..roster.spreadsheets.groups import heading_hamlet
from ..roster.spreadsheets.headers import IMPORT_FIELDS, ROSTER_HEADERS, HeaderVocabulary
from ..roster.spreadsheets.rows import WARNING, ParsedRow, Problem, RowParser
from ..xlsx.workbook import Cell
from .service import yes_or_no

# Fields of a youth import and their labels (the wizard's column chooser, the preview).
YOUTH_IMPORT_FIELDS: dict[str, str] = {
    "full_name": "Họ và tên",
    "family_middle": IMPORT_FIELDS["family_middle"],
    "middle_name": IMPORT_FIELDS["middle_name"],
    "given_name": IMPORT_FIELDS["given_name"],
    "birth_date": "Ngày sinh / năm sinh",
    "male": IMPORT_FIELDS["male"],
    "female": IMPORT_FIELDS["female"],
    "gender": "Giới tính",
    "hamlet": "Ấp/khu phố",
    "address": "Địa chỉ",
    "occupation": "Nghề nghiệp",
    "away_place": "Đi làm ăn xa (nơi)",
    "away_since": "Đi làm ăn xa từ ngày",
    "hardship_kind": "Hoàn cảnh khó khăn",
    "hardship_support": "Hỗ trợ đã nhận",
    "ethnicity": "Dân tộc",
    "religion": "Tôn giáo",
    "disability": "Khuyết tật",
    "follow_up": "Đoàn viên theo dõi (1+1)",
    "phone": "Điện thoại",
    "contact": "Liên hệ khác",
    "notes": "Ghi chú",
}

_SHARED = ("stt", "family_middle", "middle_name", "given_name", "birth_date", "male", "female",
           "gender", "ethnicity", "religion", "phone", "address", "notes")  # fmt: skip
_SYNONYMS: dict[str, tuple[str, ...]] = {
    **{name: ROSTER_HEADERS.synonyms[name] for name in _SHARED},
    "full_name": ("ho va ten", "ho ten", "ho va ten thanh nien", "ho ten thanh nien",
                  "ten thanh nien", "ho va ten khai sinh", "ho va ten dang dung"),
    "hamlet": ("ap khu pho", "ap", "thon", "khu pho", "ap thon", "thon ap", "ap khom", "khom",
               "ap thon khom", "ap thon to", "xom", "thon xom", "to dan pho", "kp", "ten ap",
               "thuoc ap", "ap noi o", "dia ban"),
    "occupation": ("nghe nghiep", "nghe nghiep hien nay", "cong viec", "cong viec hien nay",
                   "viec lam", "viec lam hien nay", "nghe"),
    "away_place": ("di lam an xa", "noi lam an xa", "lam an xa", "di lam xa", "noi di lam an xa",
                   "di lam an xa noi", "noi lam viec", "dang lam an xa", "lao dong xa que",
                   "di lam ngoai dia phuong"),
    "away_since": ("tu ngay", "di tu ngay", "ngay di", "thoi gian di", "di lam an xa tu ngay",
                   "ngay di lam an xa", "tu nam", "thoi gian di lam an xa"),
    "hardship_kind": ("hoan canh kho khan", "hoan canh", "kho khan", "hoan canh gia dinh",
                      "dien kho khan", "thuoc dien", "dien", "ho ngheo", "ho ngheo can ngheo",
                      "dien ho ngheo", "gia dinh kho khan"),
    "hardship_support": ("ho tro da nhan", "ho tro", "da ho tro", "noi dung ho tro",
                         "da duoc ho tro", "hinh thuc ho tro"),
    "disability": ("khuyet tat", "dang khuyet tat", "tinh trang khuyet tat", "nguoi khuyet tat"),
    "follow_up": ("doan vien theo doi", "doan vien phu trach", "nguoi theo doi",
                  "doan vien giup do", "nguoi phu trach", "doan vien kem cap"),
    "contact": ("lien he", "lien he khac", "nguoi lien he", "zalo", "facebook", "zalo facebook",
                "mang xa hoi"),
}  # fmt: skip

YOUTH_HEADERS = HeaderVocabulary(YOUTH_IMPORT_FIELDS, _SYNONYMS, ROSTER_HEADERS.short)
"""The youth register's columns."""

_TEXT_TARGETS = ("hamlet", "address", "occupation", "ethnicity", "religion", "disability",
                 "contact", "hardship_support", "notes")  # fmt: skip
# The yes/no-and-detail columns: field of the detail -> field of the flag.
FLAGGED = {"away_place": "working_away", "hardship_kind": "in_hardship"}


class YouthRowParser(RowParser):
    """Reads one row of a youth list into the fields of the youth form (names of
    :class:`~doancoso.core.youth.service.YouthFields`), and ``follow_up``: the name of the
    member who follows the young person up, matched to the roster later."""

    TEXT_TARGETS = _TEXT_TARGETS
    MULTILINE = ("notes", "hardship_support")  # kept with their line breaks, as the form does
    CHECK_AGE = False
    TABLE = "youths"
    STORED_AS = {}  # its fields are the register's columns
    HEADING_FIELD = "hamlet"  # "I. ẤP TÂN HÒA" over the young people of a hamlet

    def heading_value(self, heading: str) -> str | None:
        """The hamlet a group heading names (:func:`~doancoso.core.roster.spreadsheets.groups.
        heading_hamlet`), capitalised as a chi đoàn of a heading is ("ấp Bào Sen" of "Chi đoàn
        ấp Bào Sen" is "Ấp Bào Sen"); None ends the group."""
        name = heading_hamlet(heading)
        return name[:1].upper() + name[1:] if name else None

    def parse(self, number: int, cells: dict[str, Cell]) -> ParsedRow:
        parsed = ParsedRow(number)
        out = parsed.values
        self.name_and_birth(cells, parsed)
        for target in self._text_targets:
            text = self._text(cells, target, parsed)
            if text:
                out[target] = text
        self.phone(cells, parsed)
        for detail, flag in FLAGGED.items():
            if detail in self.mapping:
                text = self._text(cells, detail, parsed)
                answer = yes_or_no(text)  # read as the youth form reads its field
                if answer is True:
                    out[flag] = True
                elif answer is False:
                    out[flag], out[detail] = False, ""  # cleared
                elif text:
                    out[flag], out[detail] = True, text
        if "follow_up" in self.mapping:
            name = self._text(cells, "follow_up", parsed)
            if name:
                out["follow_up"] = name
        self._away_since(cells, parsed)
        self.lengths(parsed)
        return parsed

    def _away_since(self, cells: dict[str, Cell], parsed: ParsedRow) -> None:
        """Since when the young person works away; a date that cannot be read (a year typed
        short told what it needs) or lies after today is left out with a warning, as the
        member import leaves out a bad date."""
        value = cells.get("away_since")
        if value is None:
            return
        try:
            day: date = self._date(value, allow_year=False)[0]
        except DateFormatError:
            message = unread_date_message("Ngày đi làm ăn xa", value, self.today)
        else:
            if day <= self.today:
                parsed.values["away_since"] = day
                return
            message = "Ngày đi làm ăn xa không thể sau ngày hôm nay."
        parsed.problems.append(Problem(message, WARNING, "away_since"))
