"""Fixed vocabularies of the roster: codes stored in the database, Vietnamese labels shown.

Codes are English and stable; labels may be refined without a migration.
"""

from __future__ import annotations

from ..lang.text import fold

GENDERS: dict[str, str] = {"male": "Nam", "female": "Nữ"}

STATUSES: dict[str, str] = {
    "active": "Đang sinh hoạt",
    "temporary": "Sinh hoạt tạm",
    "transferred_out": "Đã chuyển sinh hoạt",
    "matured": "Đã trưởng thành Đoàn",
    "expelled": "Bị khai trừ",
    "removed": "Đã xóa tên",
}

POSITIONS: tuple[str, ...] = ("Bí thư", "Phó Bí thư", "Ủy viên BCH", "Đoàn viên")

# The positions as the union's member template (DSDV) writes them, in its DATA list: the same
# four, within the chi đoàn. Read back into POSITIONS on import, written so on export.
TEMPLATE_POSITIONS: dict[str, str] = {
    "Bí thư": "Bí thư chi đoàn",
    "Phó Bí thư": "Phó Bí thư chi đoàn",
    "Ủy viên BCH": "Ủy viên Ban Chấp hành chi đoàn",
    "Đoàn viên": "Đoàn viên",
}

BOOK_STATUSES: dict[str, str] = {"held": "Chi đoàn đang giữ", "withdrawn": "Đã rút sổ"}

# A position by its folded spelling: the app's own, the member template's ("Bí thư chi đoàn"),
# and "Ủy viên Ban Chấp hành" written out.
_POSITION_SPELLINGS = {fold(p): p for p in POSITIONS}
_POSITION_SPELLINGS.update({fold(spelt): p for p, spelt in TEMPLATE_POSITIONS.items()})
_POSITION_SPELLINGS[fold("Ủy viên Ban Chấp hành")] = "Ủy viên BCH"


def position_of(text: str) -> str:
    """A union position as the roster writes it (one of :data:`POSITIONS`) when ``text`` names
    one, whatever its case, tones or tone placement ("uỷ viên bch" -> "Ủy viên BCH"): the roster
    sorts by it and the member form lists it. Any other position is kept as written."""
    return _POSITION_SPELLINGS.get(fold(text), text)


def choice_code(vocabulary: dict[str, str], raw: str) -> str | None:
    """The code for ``raw`` given as a code or as its label (tones and case ignored)."""
    key = fold(raw)
    if not key:
        return None
    for code, label in vocabulary.items():
        if key in (code, fold(label)):
            return code
    return None
