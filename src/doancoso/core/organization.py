"""The organisation's own settings: name, place, superior body, secretary, coming-of-age age."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .context import OWN_ORGANIZATION_KEY, WorkspaceContext
from .errors import ConflictError, ValidationError
from .lang.text import name_case, nfc, nfc_or_none
from .roster.rules import COMING_OF_AGE

if TYPE_CHECKING:
    from .storage.models import Organization

_FIELDS = (
    "name",
    "superior_name",
    "superior_short",
    "commune",
    "province",
    "secretary_name",
    "id",
    "coming_of_age",
)
_TEXT_FIELDS = _FIELDS[:6]

# The coming-of-age age (trưởng thành Đoàn) is a setting because DOMAIN.md §4 could not verify
# it: 30 is the rule in use and the default. The range only keeps out typing mistakes (a member
# is admitted from 16 to 30, so a limit far from 30 would empty or flood the list) while leaving
# room for a rule that changes by a few years.
COMING_OF_AGE_MIN, COMING_OF_AGE_MAX = 25, 35
COMING_OF_AGE_MESSAGE = (
    f"Tuổi trưởng thành Đoàn phải là số nguyên từ {COMING_OF_AGE_MIN} đến {COMING_OF_AGE_MAX}."
)

LONGEST_NAME = 150
"""The most characters a field of the organisation takes (spaces collapsed): the longest real
names ("Đoàn TNCS Hồ Chí Minh Trường Trung học phổ thông chuyên …, tỉnh …") are about 100; more is
a paragraph pasted by mistake, which every document would then print over several lines of its
header. Checked on set-up (``doancoso init``, the setup dialog) and on settings edits; a bundle
is not refused for it: one from an older version may carry a longer name, which is stored data
of that organisation, and refusing it would leave its members, plans and ratings behind too."""


def too_long_message(text: str) -> str:
    """The message for a field of ``text`` longer than :data:`LONGEST_NAME` ("" when it fits),
    its length counted as stored (:func:`nfc`: spaces collapsed, and a name pasted in NFD, its
    tones as code points of their own, counted by its letters)."""
    length = len(nfc(text))
    if length <= LONGEST_NAME:
        return ""
    return (
        f"Dài {length} ký tự, quá {LONGEST_NAME} ký tự cho phép: hãy kiểm tra lại, có thể đã "
        "dán nhầm cả một đoạn văn."
    )


@dataclass(frozen=True)
class OrganizationInfo:
    """The settings of a Đoàn cơ sở as the setup dialog and the settings page edit them."""

    name: str
    superior_name: str
    superior_short: str | None = None
    commune: str | None = None
    province: str | None = None
    secretary_name: str | None = None
    id: str = ""
    coming_of_age: int = COMING_OF_AGE


def validate(info: OrganizationInfo) -> OrganizationInfo:
    """``info`` checked and cleaned (NFC, spaces collapsed, empty text as None; the secretary's
    name in the case of a name, as a member's: "nguyễn văn bình" -> "Nguyễn Văn Bình"), or
    ValidationError. No field is longer than :data:`LONGEST_NAME`.

    Only the name, the superior body and the coming-of-age age are required: the commune and
    the province are optional here, since scripts set an organisation up without them
    (``doancoso init``); the GUI's forms ask for one of them (the place printed before a
    document's date).
    """
    name, superior = nfc(info.name), nfc(info.superior_name)
    errors = {}
    if not name:
        errors["name"] = "Cần nhập tên Đoàn cơ sở."
    if not superior:
        errors["superior_name"] = "Cần nhập tên cấp bộ Đoàn cấp trên trực tiếp."
    for field in _TEXT_FIELDS:
        if field not in errors and (message := too_long_message(nfc(getattr(info, field)))):
            errors[field] = message
    age = info.coming_of_age
    if (
        isinstance(age, bool)
        or not isinstance(age, int)
        or not COMING_OF_AGE_MIN <= age <= COMING_OF_AGE_MAX
    ):
        errors["coming_of_age"] = COMING_OF_AGE_MESSAGE
    if errors:
        raise ValidationError(errors)
    return OrganizationInfo(
        name=name,
        superior_name=superior,
        superior_short=nfc_or_none(info.superior_short),
        commune=nfc_or_none(info.commune),
        province=nfc_or_none(info.province),
        secretary_name=name_case(nfc(info.secretary_name)) or None,
        id=info.id,
        coming_of_age=age,
    )


def _info(row: Organization) -> OrganizationInfo:
    return OrganizationInfo(
        name=row.name,
        superior_name=row.superior_name,
        superior_short=row.superior_short,
        commune=row.commune,
        province=row.province,
        secretary_name=row.secretary_name,
        id=row.id,
        coming_of_age=row.coming_of_age,
    )


class OrganizationService:
    """Create (once) and edit the organisation this installation works for."""

    def __init__(self, ctx: WorkspaceContext) -> None:
        self._ctx = ctx

    def get(self) -> OrganizationInfo | None:
        if not self._ctx.has_organization:
            return None
        with self._ctx.db.raw() as cursor:
            cursor.execute(
                f"SELECT {', '.join(_FIELDS)} FROM organizations WHERE id = ?",
                (self._ctx.organization_id,),
            )
            row = cursor.fetchone()
        return OrganizationInfo(**dict(zip(_FIELDS, row, strict=True))) if row else None

    def create(self, info: OrganizationInfo) -> OrganizationInfo:
        if self._ctx.has_organization:
            raise ConflictError(
                "Dữ liệu này đã có thông tin Đoàn cơ sở; hãy sửa trong phần Thiết lập."
            )
        from .storage.models import AppMeta, Organization

        clean = validate(info)
        with self._ctx.db.transaction() as session:
            row = Organization(
                name=clean.name,
                superior_name=clean.superior_name,
                superior_short=clean.superior_short,
                commune=clean.commune,
                province=clean.province,
                secretary_name=clean.secretary_name,
                coming_of_age=clean.coming_of_age,
            )
            session.add(row)
            session.flush()
            session.add(AppMeta(key=OWN_ORGANIZATION_KEY, value=row.id))
            created = _info(row)
        self._ctx.set_organization_id(created.id)
        return created

    def update(self, info: OrganizationInfo) -> OrganizationInfo:
        from .storage.models import Organization

        clean = validate(info)
        with self._ctx.db.transaction() as session:
            row = session.get(Organization, self._ctx.organization_id)
            assert row is not None
            row.name = clean.name
            row.superior_name = clean.superior_name
            row.superior_short = clean.superior_short
            row.commune = clean.commune
            row.province = clean.province
            row.secretary_name = clean.secretary_name
            row.coming_of_age = clean.coming_of_age
            session.flush()
            return _info(row)
