"""The drop-down lists of the union's member template: its ``DATA`` sheet.

The template (mẫu danh sách đoàn viên) keeps on a ``DATA`` sheet the lists that the columns of
its ``DSDV`` sheet choose from. These are the lists written with an export in that layout
(:mod:`.member_template`): the 54 ethnic groups, the religions recognised in Việt Nam, the 34
provinces and cities since 1 July 2025 (DOMAIN.md §1), the usual levels of education, theory,
computer skills and languages, occupations, the member's group, the training programme's and the
year's ratings (DOMAIN.md §3), the four positions within a chi đoàn and the associations. They
are written from what the union's records use, not copied from a published file: a list here
may differ from another copy of the template, which is why the validations only warn (see
:mod:`.member_template`).

Each list is (its title in the DATA sheet's first row, the DSDV headers whose column offers it,
the values).
"""

from __future__ import annotations

import functools
import re

from ...lang.text import fold
from ..vocab import TEMPLATE_POSITIONS

ETHNICITIES = (
    "Kinh", "Tày", "Thái", "Hoa", "Khmer", "Mường", "Nùng", "Mông", "Dao", "Gia Rai", "Ngái",
    "Ê Đê", "Ba Na", "Xơ Đăng", "Sán Chay", "Cơ Ho", "Chăm", "Sán Dìu", "Hrê", "Mnông",
    "Ra Glai", "Xtiêng", "Bru - Vân Kiều", "Thổ", "Giáy", "Cơ Tu", "Gié Triêng", "Mạ", "Khơ Mú",
    "Co", "Tà Ôi", "Chơ Ro", "Kháng", "Xinh Mun", "Hà Nhì", "Chu Ru", "Lào", "La Chí", "La Ha",
    "Phù Lá", "La Hủ", "Lự", "Lô Lô", "Chứt", "Mảng", "Pà Thẻn", "Cơ Lao", "Cống", "Bố Y",
    "Si La", "Pu Péo", "Brâu", "Ơ Đu", "Rơ Măm",
)  # fmt: skip

RELIGIONS = (
    "Không", "Phật giáo", "Công giáo", "Tin Lành", "Cao Đài", "Phật giáo Hòa Hảo", "Hồi giáo",
    "Tôn giáo Baha'i", "Tịnh độ Cư sĩ Phật hội Việt Nam", "Cơ đốc Phục lâm Việt Nam",
    "Phật giáo Tứ Ân Hiếu Nghĩa", "Bửu Sơn Kỳ Hương", "Minh Sư đạo", "Minh Lý đạo",
    "Bà-la-môn", "Khác",
)  # fmt: skip

PROVINCES = (
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa",
    "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ",
    "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi",
    "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Thành phố Hồ Chí Minh", "Đồng Nai",
    "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
)  # fmt: skip

ISSUERS = (
    "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
    "Cục Cảnh sát đăng ký, quản lý cư trú và dữ liệu quốc gia về dân cư",
    "Bộ Công an",
)

EDUCATION = tuple(f"{grade}/12" for grade in range(12, 0, -1))
QUALIFICATIONS = (
    "Chưa qua đào tạo", "Sơ cấp", "Trung cấp", "Cao đẳng", "Đại học", "Thạc sĩ", "Tiến sĩ",
)  # fmt: skip
POLITICAL_THEORY = ("Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân")
COMPUTER_SKILLS = ("Cơ bản", "Nâng cao", "Trung cấp", "Cao đẳng", "Đại học")
LANGUAGES = (
    "Tiếng Anh A1", "Tiếng Anh A2", "Tiếng Anh B1", "Tiếng Anh B2", "Tiếng Anh C1",
    "Tiếng Anh C2", "Tiếng Trung", "Tiếng Hàn", "Tiếng Nhật", "Tiếng Pháp", "Khác",
)  # fmt: skip
OCCUPATIONS = (
    "Học sinh", "Sinh viên", "Công nhân", "Nông dân", "Ngư dân", "Công chức", "Viên chức",
    "Giáo viên", "Lực lượng vũ trang", "Kinh doanh, buôn bán", "Lao động tự do", "Khác",
)  # fmt: skip
MEMBER_GROUPS = (
    "Đoàn viên học sinh", "Đoàn viên sinh viên", "Đoàn viên công nhân", "Đoàn viên nông thôn",
    "Đoàn viên đô thị", "Đoàn viên công chức, viên chức", "Đoàn viên lực lượng vũ trang",
    "Đoàn viên doanh nghiệp",
)  # fmt: skip
TRAINING = ("Xuất sắc", "Khá", "Trung bình", "Yếu")
RATINGS = (  # DOMAIN.md §3, Hướng dẫn 25-HD/TWĐTN-BTC (2023)
    "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ",
    "Không hoàn thành nhiệm vụ",
)  # fmt: skip
ASSOCIATIONS = (
    "Hội Liên hiệp Thanh niên Việt Nam", "Hội Sinh viên Việt Nam",
    "Hội Liên hiệp Phụ nữ Việt Nam", "Hội Nông dân Việt Nam", "Hội Cựu chiến binh Việt Nam",
)  # fmt: skip
YES_NO = ("Có", "Không")

# (title in the DATA sheet, DSDV headers offering it, values), one column of DATA each.
DATA_LISTS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Dân tộc", ("Dân tộc",), ETHNICITIES),
    ("Tôn giáo", ("Tôn giáo",), RELIGIONS),
    ("Tỉnh, thành phố", ("Quê quán",), PROVINCES),
    ("Nơi cấp", ("Nơi cấp",), ISSUERS),
    ("Trình độ văn hóa", ("Trình độ văn hóa",), EDUCATION),
    ("Trình độ chuyên môn", ("Trình độ chuyên môn",), QUALIFICATIONS),
    ("Trình độ LLCT", ("Trình độ LLCT",), POLITICAL_THEORY),
    ("Tin học", ("Tin học",), COMPUTER_SKILLS),
    ("Ngoại ngữ", ("Ngoại ngữ",), LANGUAGES),
    ("Nghề nghiệp", ("Nghề nghiệp hiện nay",), OCCUPATIONS),
    ("Đối tượng đoàn viên", ("Đối tượng đoàn viên",), MEMBER_GROUPS),
    ("Rèn luyện đoàn viên", ("Rèn luyện đoàn viên",), TRAINING),
    ("Đánh giá, xếp loại", ("Đánh giá, xếp loại đoàn viên",), RATINGS),
    ("Chức vụ", ("Chức vụ trong chi đoàn",), tuple(TEMPLATE_POSITIONS.values())),
    ("Hội", ("Hội",), ASSOCIATIONS),
    ("Đoàn viên danh dự", ("Đoàn viên danh dự",), YES_NO),
)

# Columns whose list only suggests: a birthplace or an issuing office is often written more
# fully than the list says ("Xã Tân Hưng, tỉnh Cà Mau"), so Excel does not even warn there.
SUGGESTED_ONLY = frozenset({"Quê quán", "Nơi cấp"})

# The app's spellings of a value that a template list names otherwise, where the meaning is
# the same: the export writes the list's entry, the import takes it back as the stored value
# (see :func:`same_in_template`). Keys are compared as :func:`list_key` folds them.
SYNONYMS: dict[str, dict[str, str]] = {
    "Tôn giáo": {
        "Hòa Hảo": "Phật giáo Hòa Hảo",
        "Đạo Hòa Hảo": "Phật giáo Hòa Hảo",
        "Thiên Chúa giáo": "Công giáo",
        "Đạo Thiên Chúa": "Công giáo",
        "Tin lành": "Tin Lành",
        "Đạo Tin Lành": "Tin Lành",
        "Đạo Cao Đài": "Cao Đài",
        "Đạo Phật": "Phật giáo",
        "Không có": "Không",
        "Không theo tôn giáo": "Không",
    },
    "Dân tộc": {
        "Khơ Me": "Khmer",
        "Khơ-me": "Khmer",
        "Hoa (Hán)": "Hoa",
        "H'Mông": "Mông",
        "Hmông": "Mông",
        "Ê-đê": "Ê Đê",
        "Mơ Nông": "Mnông",
    },
    # Shrimp and fish farmers are "nông dân" in Vietnamese usage ("nông dân nuôi tôm"; the Hội
    # Nông dân takes them in); "ngư dân" are those who fish. The list has no aquaculture entry.
    "Nghề nghiệp hiện nay": {
        "Buôn bán": "Kinh doanh, buôn bán",
        "Kinh doanh": "Kinh doanh, buôn bán",
        "Buôn bán nhỏ": "Kinh doanh, buôn bán",
        "Tiểu thương": "Kinh doanh, buôn bán",
        "Nuôi tôm": "Nông dân",
        "Nuôi cá": "Nông dân",
        "Nuôi trồng thủy sản": "Nông dân",
        "Làm ruộng": "Nông dân",
        "Làm nông": "Nông dân",
        "Đánh bắt thủy sản": "Ngư dân",
        "Đánh cá": "Ngư dân",
        "Đi biển": "Ngư dân",
        "Làm thuê": "Lao động tự do",
        "Học sinh THPT": "Học sinh",
        "Bộ đội": "Lực lượng vũ trang",
        "Công an": "Lực lượng vũ trang",
    },
}

# The member record's field behind each column whose list the export maps a value onto.
LIST_FIELDS: dict[str, str] = {
    "ethnicity": "Dân tộc", "religion": "Tôn giáo", "education": "Trình độ văn hóa",
    "qualification": "Trình độ chuyên môn", "political_theory": "Trình độ LLCT",
    "computer_skills": "Tin học", "foreign_language": "Ngoại ngữ",
    "occupation": "Nghề nghiệp hiện nay", "association": "Hội",
}  # fmt: skip

# The columns whose drop-down warns on a value outside its list (the export counts those).
CHECKED_LISTS: dict[str, frozenset[str]] = {
    header: frozenset(values)
    for _, headers, values in DATA_LISTS
    for header in headers
    if header not in SUGGESTED_ONLY
}

_SEPARATORS = re.compile(r"[\s\-–,.]+")


def list_key(value: str) -> str:
    """How a value is compared with a list's entries: no tones, no case, and spaces, hyphens,
    commas and dots all alike ("Khơ-me" and "khơ me" are the same)."""
    return _SEPARATORS.sub(" ", fold(value)).strip()


@functools.cache
def _lookup(header: str) -> dict[str, str]:
    """A list's entries and synonyms of ``header``'s column, by :func:`list_key`."""
    table = {list_key(entry): entry for entry in CHECKED_LISTS.get(header, ())}
    for spelt, entry in SYNONYMS.get(header, {}).items():
        table.setdefault(list_key(spelt), entry)
    return table


def template_value(header: str, value: str) -> str:
    """``value`` as ``header``'s list spells it ("Hòa Hảo" → "Phật giáo Hòa Hảo"), or as it is
    when the list has nothing of the same meaning (or the column has no list)."""
    if not value or header not in CHECKED_LISTS:
        return value
    return _lookup(header).get(list_key(value), value)


def outside_list(header: str, value: str) -> bool:
    """Whether ``value`` is not empty and not an entry of ``header``'s checked list."""
    entries = CHECKED_LISTS.get(header)
    return bool(value) and entries is not None and value not in entries


def same_in_template(field: str, stored: object, value: object) -> bool:
    """Whether ``value`` read from a file is the template's spelling of the ``stored`` value of
    the member's ``field`` (an export of "Hòa Hảo" read back as "Phật giáo Hòa Hảo")."""
    header = LIST_FIELDS.get(field)
    if header is None or not isinstance(stored, str) or not isinstance(value, str):
        return False
    return template_value(header, stored) == value
