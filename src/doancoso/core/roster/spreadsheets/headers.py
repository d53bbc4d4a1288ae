"""Finding the header row of a roster and guessing which column holds which field.

Rosters start with title rows ("DANH SÁCH ĐOÀN VIÊN", the organisation's name, blank rows) and
often a two-row header (a merged "Ngày sinh" over "Nam" | "Nữ", a merged "Họ và tên" over
"Họ đệm" | "Tên", or over "Họ" | "Đệm" | "Tên"). The first rows are scored by how many cells are
known headers; the best one is the header, and the row under it is merged in when it holds
sub-headers. Headers are compared folded (no tones, no case, đ as d), so "HỌ VÀ TÊN", "Họ và
tên" and "Ho va ten" are the same.

A header names its field exactly (a known spelling), by its head (the words before "trong",
"của", "tại", "thuộc": "Chức vụ trong chi đoàn" is a position, "Số CCCD của đoàn viên" a CCCD),
or by a known spelling found inside it. The exact field wins over a look-alike: "Mã định danh
đoàn viên" is the union's member code, never the CCCD ("Mã định danh" alone is the CCCD's
personal number). When several columns could fill one field, the best match is imported (the
first of equals) and the preview says which columns were left out (:attr:`HeaderGuess.warnings`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from ...lang.legacy import decode_cell
from ...lang.text import fold, nfc
from ...xlsx.workbook import Cell
from .groups import group_heading

# Target fields of an import and their labels (for the wizard's column chooser).
IMPORT_FIELDS: dict[str, str] = {
    "full_name": "Họ và tên",
    "family_middle": "Họ và chữ lót",
    "middle_name": "Tên đệm / chữ lót",
    "given_name": "Tên",
    "birth_date": "Ngày sinh",
    "male": "Nam (đánh dấu hoặc năm sinh)",
    "female": "Nữ (đánh dấu hoặc năm sinh)",
    "gender": "Giới tính",
    "other_name": "Tên gọi khác",
    "national_id": "Số CCCD/CMND",
    "ethnicity": "Dân tộc",
    "religion": "Tôn giáo",
    "branch": "Chi đoàn",
    "position": "Chức vụ",
    "status": "Trạng thái",
    "admission_date": "Ngày vào Đoàn",
    "admission_place": "Nơi vào Đoàn",
    "card_number": "Số thẻ đoàn viên",
    "party_date": "Ngày vào Đảng",
    "phone": "Điện thoại",
    "address": "Địa chỉ",
    "hometown": "Quê quán",
    "occupation": "Nghề nghiệp",
    "education": "Trình độ văn hóa",
    "qualification": "Chuyên môn",
    "political_theory": "Lý luận chính trị",
    "foreign_language": "Ngoại ngữ",
    "notes": "Ghi chú",
    # Columns of the union's member template (mẫu danh sách đoàn viên, DSDV).
    "member_code": "Mã định danh đoàn viên",
    "email": "Email",
    "national_id_date": "Ngày cấp CCCD",
    "national_id_place": "Nơi cấp CCCD",
    "computer_skills": "Tin học",
    "admission_decision": "Số nghị quyết chuẩn y kết nạp",
    "association": "Hội",
    # Kept in the notes as "Khen thưởng: …" lines (see core.roster.notes).
    "member_group": "Đối tượng đoàn viên (vào ghi chú)",
    "training": "Rèn luyện đoàn viên (vào ghi chú)",
    "rating": "Đánh giá, xếp loại đoàn viên (vào ghi chú)",
    "commendation": "Khen thưởng (vào ghi chú)",
    "discipline": "Kỷ luật (vào ghi chú)",
    "honorary": "Đoàn viên danh dự (vào ghi chú)",
}


def field_in_sentence(name: str, labels: Mapping[str, str] = IMPORT_FIELDS) -> str:
    """The label of an import field inside a sentence ("chi đoàn", "số CCCD/CMND", "ấp/khu
    phố" of the youth register's ``labels``), for the import wizard and ``members import``
    alike; an abbreviation ("CCCD") as it is."""
    label = labels.get(name, name)
    return label[0].lower() + label[1:] if label[1:2].islower() else label


# Folded header texts (see _clean) for each field. "stt" is recognised only to be ignored.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "tt", "so tt", "so thu tu", "thu tu"),
    "full_name": ("ho va ten", "ho ten", "ho va ten doan vien", "ho ten doan vien",
                  "ho va ten khai sinh", "ho va ten dang dung", "ten doan vien"),
    "family_middle": ("ho chu lot", "ho va chu lot", "ho dem", "ho va dem", "ho va ten dem",
                      "ho lot", "ho", "ho ten dem", "ho ten lot", "ho va ten lot", "ho chu dem",
                      "ho va chu dem", "ho va lot"),
    # With a separate "Họ" column, a "Họ đệm" column holds the middle names (see guess_header).
    "middle_name": ("dem", "ten dem", "chu dem", "lot", "ten lot", "chu lot", "ten dem lot"),
    "given_name": ("ten",),
    "birth_date": ("ngay sinh", "ngay thang nam sinh", "nam sinh", "sinh ngay",
                   "ngay sinh nam sinh", "ngay thang sinh"),
    "male": ("nam", "gioi tinh nam"),
    "female": ("nu", "gioi tinh nu"),
    "gender": ("gioi tinh", "gioi", "phai"),
    "other_name": ("ten goi khac", "ten khac", "bi danh"),
    "national_id": ("cccd", "cmnd", "so cccd", "so cmnd", "so dinh danh", "so dinh danh ca nhan",
                    "cccd cmnd", "so cccd cmnd", "can cuoc cong dan", "so can cuoc cong dan",
                    "so can cuoc", "ma dinh danh", "cmnd cccd", "so cmnd cccd"),
    "ethnicity": ("dan toc",),
    "religion": ("ton giao",),
    "branch": ("chi doan", "ten chi doan", "thuoc chi doan", "sinh hoat tai chi doan", "don vi"),
    "position": ("chuc vu", "chuc vu doan", "chuc vu trong doan", "chuc vu hien nay",
                 "chuc vu trong chi doan", "chuc vu chi doan", "chuc danh"),
    "status": ("trang thai", "tinh trang", "tinh trang sinh hoat"),
    "admission_date": ("ngay vao doan", "ngay ket nap", "ngay ket nap doan",
                       "ngay thang nam vao doan", "vao doan", "ngay vao doan tncs",
                       "thoi gian vao doan", "ngay thang vao doan", "thoi gian ket nap"),
    "admission_place": ("noi vao doan", "noi ket nap", "noi ket nap doan"),
    "card_number": ("so the doan vien", "so the doan", "so the"),
    "party_date": ("ngay vao dang", "ngay ket nap dang", "thoi gian vao dang",
                   "ngay thang vao dang"),
    "phone": ("dien thoai", "sdt", "so dien thoai", "dt", "so dt", "dien thoai lien he", "dtdd"),
    "address": ("cho o", "dia chi", "noi o hien nay", "cho o hien nay", "noi o",
                "dia chi thuong tru", "thuong tru", "dia chi lien he", "noi cu tru",
                "dia chi cu tru", "noi thuong tru"),
    "hometown": ("que quan", "nguyen quan"),
    "occupation": ("nghe nghiep", "nghe nghiep hien nay", "cong viec", "cong viec hien nay"),
    "education": ("trinh do van hoa", "hoc van", "trinh do hoc van", "van hoa", "tdvh",
                  "trinh do van hoa hoc van", "trinh do"),
    "qualification": ("chuyen mon", "trinh do chuyen mon", "chuyen mon nghiep vu"),
    "political_theory": ("ly luan chinh tri", "trinh do ly luan chinh tri", "llct",
                         "trinh do llct", "trinh do ly luan", "ly luan"),
    "foreign_language": ("ngoai ngu", "trinh do ngoai ngu"),
    "notes": ("ghi chu",),
    "member_code": ("ma dinh danh doan vien", "ma doan vien", "ma so doan vien",
                    "ma dinh danh dv", "ma dv"),
    "email": ("email", "e mail", "email lien he", "dia chi email", "thu dien tu", "gmail"),
    "national_id_date": ("ngay cap", "ngay cap cccd", "ngay cap cmnd", "ngay cap cmnd cccd",
                         "ngay cap cccd cmnd"),
    "national_id_place": ("noi cap", "noi cap cccd", "noi cap cmnd", "noi cap cmnd cccd",
                          "noi cap cccd cmnd"),
    "computer_skills": ("tin hoc", "trinh do tin hoc"),
    "admission_decision": ("so nghi quyet chuan y ket nap doan vien",
                           "so nghi quyet chuan y ket nap", "nghi quyet chuan y ket nap",
                           "so nghi quyet ket nap", "so nq ket nap", "so quyet dinh ket nap",
                           "so qd ket nap", "quyet dinh ket nap"),
    "association": ("hoi", "to chuc hoi", "tham gia hoi", "hoi vien"),
    "member_group": ("doi tuong doan vien", "doi tuong"),
    "training": ("ren luyen doan vien", "ren luyen", "ket qua ren luyen",
                 "chuong trinh ren luyen doan vien"),
    "rating": ("danh gia xep loai doan vien", "danh gia xep loai", "xep loai doan vien",
               "xep loai", "danh gia"),
    "commendation": ("khen thuong",),
    "discipline": ("ky luat", "hinh thuc ky luat"),
    "honorary": ("doan vien danh du",),
}  # fmt: skip


@dataclass(frozen=True)
class HeaderVocabulary:
    """The fields one kind of import fills and the header spellings that name them: the
    roster's (:data:`ROSTER_HEADERS`) or the youth register's
    (:data:`doancoso.core.youth.sheet_rows.YOUTH_HEADERS`). ``fields``: field -> label (the
    wizard's column chooser, messages); ``synonyms``: field -> folded header texts ("stt" is
    recognised only to be ignored); ``short``: one-word synonyms that may still be found inside
    a longer header ("cccd", "sdt")."""

    fields: Mapping[str, str]
    synonyms: Mapping[str, tuple[str, ...]]
    short: frozenset[str] = frozenset()
    exact: dict[str, str] = field(init=False, repr=False, compare=False)
    contained: list[tuple[str, str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        exact = {syn: target for target, syns in self.synonyms.items() for syn in syns}
        # Longer synonyms may also be found inside a longer header ("Số CCCD/CMND của đoàn viên").
        contained = sorted(
            ((syn, target) for syn, target in exact.items() if " " in syn or syn in self.short),
            key=lambda item: -len(item[0]),
        )
        object.__setattr__(self, "exact", exact)
        object.__setattr__(self, "contained", contained)


ROSTER_HEADERS = HeaderVocabulary(IMPORT_FIELDS, _SYNONYMS, frozenset({"cccd", "cmnd", "sdt"}))
"""The member roster's columns."""

# Words after which a header names a complement, not its field ("Chức vụ trong chi đoàn").
_LINK = re.compile(r" (?:trong|cua|tai|thuoc) ")
# How well a header names its field (see the module docstring): the better match wins.
EXACT, HEAD, CONTAINED = 2, 1, 0
_PARENS = re.compile(r"\([^)]*\)")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_NUMBERING = re.compile(r"^\(?\d{1,2}\)?$")
_SCAN_ROWS = 25
GROUP_HEADING = re.compile(r"^([IVXLC]{1,6}|[A-Z]|\d{1,2})\s*[.)]\s*\S", re.IGNORECASE)


def _clean(text: str) -> str:
    folded = fold(_PARENS.sub(" ", decode_cell(text).text))  # headers may be TCVN3/VNI too
    return _NON_WORD.sub(" ", folded).strip()


def _match(text: str, vocab: HeaderVocabulary) -> tuple[str, int] | None:
    """The field a header names and how well (:data:`EXACT`, :data:`HEAD`, :data:`CONTAINED`).

    Only the head of a header with a complement is read: "Chức vụ trong chi đoàn" is looked up
    as "Chức vụ", never as the "chi đoàn" it is about."""
    key = _clean(text)
    if not key:
        return None
    if key in vocab.exact:
        return vocab.exact[key], EXACT
    head = _LINK.split(key, maxsplit=1)[0]
    if head != key and head in vocab.exact:
        return vocab.exact[head], HEAD
    padded = f" {head} "
    for syn, target in vocab.contained:
        if f" {syn} " in padded:
            return target, CONTAINED
    return None


def match_header(text: str, vocab: HeaderVocabulary = ROSTER_HEADERS) -> str | None:
    """The field a header names ("stt" for the number column), or None."""
    found = _match(text, vocab)
    return found[0] if found else None


@dataclass
class HeaderGuess:
    """Where the header is and what each column seems to hold."""

    row: int  # sheet row number of the (last) header row
    data_start: int  # index into the sheet's rows of the first data row
    headers: list[str]  # header text of each column ("" where none)
    mapping: dict[str, int] = field(default_factory=dict)  # field -> 0-based column
    # Warnings about the layout for the preview, each with the unmapped column it is about
    warnings: list[tuple[int, str]] = field(default_factory=list)
    first_row: int = 0  # sheet row number of the first header row (two-row headers)


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _header_text(value: Cell) -> str:
    return nfc(decode_cell(_text(value)).text)


def _row_fields(values: list[Cell], vocab: HeaderVocabulary) -> dict[int, tuple[str, int]]:
    """The field (and how well it matched) of each column of a row that names one."""
    found: dict[int, tuple[str, int]] = {}
    for col, value in enumerate(values):
        if isinstance(value, str):
            match = _match(value, vocab)
            if match is not None:
                found[col] = match
    return found


def _score(found: dict[int, tuple[str, int]]) -> int:
    targets = {target for target, _ in found.values()}
    if not targets & {"full_name", "given_name", "family_middle"}:
        return 0
    return len(targets)


def repeats_header(values: list[Cell], vocab: HeaderVocabulary) -> bool:
    """Whether a row under the header is a header again (printed on every page), or the row
    of sub-headers of a two-row one ("Nam" | "Nữ")."""
    found = _row_fields(values, vocab)
    if _score(found) >= 2:
        return True
    return len(found) >= 2 and len(found) == sum(1 for v in values if _text(v))


def _is_numbering(values: list[Cell]) -> bool:
    """A row of column numbers under the header: 1 2 3 ... or (1) (2) (3)..."""
    cells = [_text(v) for v in values if _text(v)]
    return len(cells) >= 3 and all(_NUMBERING.match(c) for c in cells)


def is_group_heading(text: str) -> bool:
    """Whether a cell is numbered as a section heading over a group of rows ("I. CHI ĐOÀN ẤP
    1", "2. Chi đoàn ấp Tân Lập", "A. Đoàn viên nữ"): never a sub-header, nor a person."""
    return bool(GROUP_HEADING.match(text.strip()))


def _is_subheader(values: list[Cell], found: dict[int, tuple[str, int]]) -> bool:
    if any(isinstance(v, str) and is_group_heading(v) for v in values):
        return False  # "I. CHI ĐOÀN ẤP 1" under the header names a group, not the column
    if group_heading([t for t in (_header_text(v) for v in values) if t]) is not None:
        return False  # nor does "Chi đoàn Ấp Tân Hòa" (see :mod:`.groups`)
    if not found or any(
        isinstance(v, (date, datetime, int, float)) for v in values if v is not None
    ):
        return False
    non_empty = sum(1 for v in values if _text(v))
    return len(found) * 2 >= non_empty


def guess_header(
    rows: list[tuple[int, list[Cell]]], vocab: HeaderVocabulary = ROSTER_HEADERS
) -> HeaderGuess | None:
    """The header of a sheet (its columns named in ``vocab``), or None when no row looks like
    one."""
    best: tuple[int, int, dict[int, tuple[str, int]]] | None = None  # score, index, fields
    for index, (_number, values) in enumerate(rows[:_SCAN_ROWS]):
        found = _row_fields(values, vocab)
        score = _score(found)
        if score >= 2 and (best is None or score > best[0]):
            best = (score, index, found)
    if best is None:
        return None
    _, index, matched = best
    by_column = {col: target for col, (target, _) in matched.items()}
    quality = {col: how for col, (_, how) in matched.items()}
    keys = {col: _clean(v) for col, v in enumerate(rows[index][1]) if isinstance(v, str)}
    width = max((len(v) for _, v in rows), default=0)
    headers = [_header_text(v) for v in rows[index][1]] + [""] * width
    headers = headers[:width]
    last = index
    if index + 1 < len(rows) and rows[index + 1][0] == rows[index][0] + 1:
        below = rows[index + 1][1]
        sub = _row_fields(below, vocab)
        if _is_subheader(below, sub):
            last = index + 1
            for col, (target, how) in sub.items():
                by_column[col] = target
                quality[col] = how
                keys[col] = _clean(str(below[col]))
            for col, value in enumerate(below):
                text = _header_text(value)
                if text and col < width:
                    headers[col] = f"{headers[col]} / {text}" if headers[col] else text
    start = last + 1
    while start < len(rows) and _is_numbering(rows[start][1]):
        start += 1
    columns: dict[str, list[int]] = {}  # the columns that could fill each field
    for col in sorted(by_column):
        if by_column[col] != "stt":
            columns.setdefault(by_column[col], []).append(col)
    mapping: dict[str, int] = {}
    for target, cols in columns.items():
        best_quality = max(quality[col] for col in cols)
        mapping[target] = next(col for col in cols if quality[col] == best_quality)
    _family_then_middle(mapping, by_column, keys)
    if "full_name" in mapping and ("given_name" in mapping and "family_middle" in mapping):
        del mapping["full_name"]  # a merged "Họ và tên" over "Họ đệm" | "Tên"
    guess = HeaderGuess(rows[last][0], start, headers, mapping, first_row=rows[index][0])
    _left_out(guess, columns, vocab)
    _headerless_after_name(guess, rows[start : start + _SAMPLE_ROWS], set(by_column))
    return guess


def _left_out(guess: HeaderGuess, columns: dict[str, list[int]], vocab: HeaderVocabulary) -> None:
    """Say which columns could also fill a field but are not imported (the preview's notice
    instead of a silent choice); ``columns``: every column that names each field."""
    used = set(guess.mapping.values())
    for target, cols in columns.items():
        chosen = guess.mapping.get(target)
        others = [col for col in cols if col not in used]
        if chosen is None or not others:
            continue
        shown = [f"{column_letter(col)} “{guess.headers[col]}”" for col in [chosen, *others]]
        listed = ", ".join(shown[:-1]) + " và " + shown[-1]
        skipped = ", ".join(column_letter(col) for col in others)
        guess.warnings.append(
            (
                others[0],
                f"Các cột {listed} đều có thể là “{vocab.fields.get(target, target)}”: đang "
                f"nhập cột {column_letter(chosen)}, bỏ qua cột {skipped}. Nếu cần cột khác, hãy "
                "chọn lại ở bước ghép cột.",
            )
        )


def _family_then_middle(
    mapping: dict[str, int], by_column: dict[int, str], keys: dict[int, str]
) -> None:
    """ "Họ" | "Họ đệm" | "Tên": beside a column headed "Họ" alone, another column taken for the
    family and middle names ("Họ đệm", "Họ và tên đệm") holds the middle names only. Without a
    "Họ" column such a header keeps its meaning."""
    family = [col for col in sorted(by_column) if by_column[col] == "family_middle"]
    alone = [col for col in family if keys.get(col) == "ho"]
    if len(family) < 2 or not alone or "middle_name" in mapping:
        return
    mapping["family_middle"] = alone[0]
    mapping["middle_name"] = next(col for col in family if col != alone[0])


_SAMPLE_ROWS = 200
_GENDER_WORDS = frozenset({"nam", "nu", "x", "v"})
_GIVEN = re.compile(r"^[^\W\d_]{1,12}$")  # one word of letters: "An", "Quỳnh"


def column_letter(index: int) -> str:
    """Excel's name of the 0-based column ``index``: A, B, ..., Z, AA, ..."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _headerless_after_name(
    guess: HeaderGuess, rows: list[tuple[int, list[Cell]]], headed: set[int]
) -> None:
    """A name column followed by a column with no header that holds text on most rows.

    When the name already ends with that column's word on most rows, the column repeats the
    given name (a helper to sort by it): it is left alone, without a warning. When it holds one
    word on (nearly) every row, it is the given name under a "Họ và tên" merged over two
    columns: the two are joined. Otherwise the preview warns, rather than silently leaving part
    of the names behind.
    """
    mapping = guess.mapping
    if "given_name" in mapping:
        return
    target = "full_name" if "full_name" in mapping else "family_middle"
    col = mapping.get(target)
    if col is None:
        return
    nxt = col + 1
    if nxt in headed or nxt in mapping.values():
        return
    if nxt < len(guess.headers) and guess.headers[nxt]:
        return
    named = given = texts = repeated = 0
    seen: set[str] = set()
    for _number, values in rows:
        name = values[col] if col < len(values) else None
        if not isinstance(name, str) or not name.strip():
            continue
        named += 1
        value = values[nxt] if nxt < len(values) else None
        text = _header_text(value) if value is not None else ""
        if text:
            texts += 1
            if _GIVEN.match(text):
                given += 1
            folded = fold(text)
            seen.add(folded)
            if fold(name).rsplit(None, 1)[-1] == folded:
                repeated += 1
    if not named or texts * 2 <= named:
        return
    if repeated * 2 > texts:  # "Nguyễn Thị Như Quỳnh" | "Quỳnh": a sort helper
        return
    if seen <= _GENDER_WORDS:  # a Nam/Nữ column left without its header is no given name
        given = 0
    if given * 10 >= named * 9:
        mapping.pop("full_name", None)
        mapping["family_middle"] = col
        mapping["given_name"] = nxt
        return
    header = guess.headers[col] if col < len(guess.headers) else ""
    guess.warnings.append(
        (
            nxt,
            f"Cột {column_letter(nxt)} ngay sau cột “{header}” không có tiêu đề nhưng có chữ ở "
            f"{texts}/{named} dòng: cột này không được nhập. Nếu đó là một phần của họ tên, "
            "hãy chọn lại cột ở bước ghép cột.",
        )
    )
