"""Rules of the union that the roster checks. Values marked configurable in DOMAIN.md live here
as defaults until the organisation settings carry them."""

from __future__ import annotations

from datetime import date

from ..lang.dates import DAY, add_years, age_on, format_vn_date
from ..storage.defaults import COMING_OF_AGE as STORED_COMING_OF_AGE

# The union's member code (mã định danh đoàn viên) in its member template: 7 digits.
MEMBER_CODE_DIGITS = 7

# Admission from 16 ("15 years + 1 day", i.e. in the 16th year) to 30 (before the 31st birthday).
ADMISSION_MIN_AGE = 16
ADMISSION_MAX_AGE = 30


def admission_window(birth: date) -> tuple[date, date]:
    """First and last day on which someone born on ``birth`` can be admitted."""
    first = add_years(birth, ADMISSION_MIN_AGE - 1).toordinal() + 1
    last = add_years(birth, ADMISSION_MAX_AGE + 1).toordinal() - 1
    return date.fromordinal(first), date.fromordinal(last)


# Since when today's admission ages apply: Hướng dẫn 22-HD/TWĐTN of 28/06/2013 (implementing
# the Điều lệ of December 2012) says "tuổi từ 16 (từ đủ 15 tuổi + 1 ngày) và không quá 30 tuổi".
# What the earlier rules said could not be verified (DOMAIN.md §4 gives today's rule only), so
# an admission dated before this day is judged as history: outside today's ages it is kept
# with a warning (:func:`admission_history_message`), never refused. A default, like the other
# values here, until the organisation settings carry it.
ADMISSION_RULES_SINCE = date(2013, 6, 28)


def _admission_age_ok(birth: date, precision: str, admitted: date) -> bool:
    if precision == DAY:
        first, last = admission_window(birth)
        return first <= admitted <= last
    # only the year is known: judged by the year
    return ADMISSION_MIN_AGE <= admitted.year - birth.year <= ADMISSION_MAX_AGE + 1


def admission_age_error(birth: date, precision: str, admitted: date) -> str | None:
    """Why an admission on ``admitted`` breaks today's ages (from 15 years and 1 day to 30), or
    None. Only admissions under today's rules (from :data:`ADMISSION_RULES_SINCE`) are refused:
    the one wording of the member form, the events, the youth admission and the import."""
    if admitted < ADMISSION_RULES_SINCE or _admission_age_ok(birth, precision, admitted):
        return None
    return (
        f"Tuổi vào Đoàn phải từ {ADMISSION_MIN_AGE} (đủ {ADMISSION_MIN_AGE - 1} tuổi + 1 ngày) "
        f"đến {ADMISSION_MAX_AGE}: "
        f"sinh {format_vn_date(birth, precision)}, vào Đoàn {format_vn_date(admitted)}."
    )


def admission_history_message(birth: date, precision: str, admitted: date) -> str | None:
    """A warning for an admission dated before today's rules (:data:`ADMISSION_RULES_SINCE`)
    outside today's ages (a member admitted at 15 by the rules of the time): it names the rule
    and the date, and says the date is kept. None for any other date."""
    if admitted >= ADMISSION_RULES_SINCE or _admission_age_ok(birth, precision, admitted):
        return None
    if precision == DAY:
        young = admitted < admission_window(birth)[0]
    else:
        young = admitted.year - birth.year < ADMISSION_MIN_AGE
    when = (
        f"chưa đủ {ADMISSION_MIN_AGE - 1} tuổi + 1 ngày"
        if young
        else f"đã quá {ADMISSION_MAX_AGE} tuổi"
    )
    return (
        f"Vào Đoàn ngày {format_vn_date(admitted)} khi {when} (sinh "
        f"{format_vn_date(birth, precision)}): ngoài độ tuổi kết nạp hiện nay (từ "
        f"{ADMISSION_MIN_AGE} đến {ADMISSION_MAX_AGE} tuổi, áp dụng từ "
        f"{format_vn_date(ADMISSION_RULES_SINCE)}). Vẫn giữ ngày này: kết nạp trước đó theo "
        "quy định thời đó."
    )


def too_young_message(birth: date, precision: str, today: date) -> str | None:
    """Why someone born on ``birth`` cannot be a member on ``today`` (younger than 15 years and
    1 day; a birth known by its year alone counts by the year), or None. The one wording of the
    member form, the command line, the admission from the youth register and the import."""
    if precision == DAY:
        first = admission_window(birth)[0]
        if today >= first:
            return None
        return (
            f"Chưa đủ tuổi vào Đoàn: sinh {format_vn_date(birth)}, đủ "
            f"{ADMISSION_MIN_AGE - 1} tuổi + 1 ngày vào {format_vn_date(first)}."
        )
    if today.year - birth.year >= ADMISSION_MIN_AGE:
        return None
    return (
        f"Chưa đủ tuổi vào Đoàn: sinh năm {birth.year}, đủ {ADMISSION_MIN_AGE} tuổi vào "
        f"năm {birth.year + ADMISSION_MIN_AGE}."
    )


def over_age_message(birth: date, today: date, coming_of_age: int) -> str | None:
    """A warning (allowed, but unusual) for an active member past the coming-of-age year:
    counted by birth year, like the coming-of-age list, so the age is the one reached this year.
    The one wording of the form, the command line, the admission and the import."""
    years = today.year - birth.year
    if years <= coming_of_age:
        return None
    return (
        f"Đã quá tuổi Đoàn (tròn {years} tuổi trong năm {today.year}): cần xét trưởng thành Đoàn."
    )


def youth_age_message(birth: date, precision: str, today: date, coming_of_age: int) -> str | None:
    """A warning (allowed: the record is kept) for a young person of the youth register outside
    the union's ages on ``today``: younger than the admission age (the words of
    :func:`too_young_message`), or past the coming-of-age year (counted by birth year, as
    :func:`over_age_message` does). None within them. The one wording of the youth form and
    the youth import (the wizard's and the command line's)."""
    too_young = too_young_message(birth, precision, today)
    if too_young is not None:
        reason = too_young
    else:
        years = today.year - birth.year
        if years <= coming_of_age:
            return None
        reason = f"Đã quá tuổi Đoàn (tròn {years} tuổi trong năm {today.year})."
    return (
        f"{reason} Sổ theo dõi thanh niên dành cho người trong độ tuổi Đoàn (từ "
        f"{ADMISSION_MIN_AGE} đến {coming_of_age} tuổi): hãy kiểm tra lại ngày sinh."
    )


# Coming of age (trưởng thành Đoàn): members leave the union in the year they reach this age.
# DOMAIN.md §4 asks to verify it, so it is a setting of the organisation
# (OrganizationInfo.coming_of_age, column organizations.coming_of_age); this is only its default,
# the column's own (kept with it in storage, which knows no domain).
COMING_OF_AGE = STORED_COMING_OF_AGE


def early_coming_of_age(birth: date, precision: str, when: date, age: int) -> date | None:
    """The ``age``-th birthday of someone born on ``birth`` when a coming of age dated ``when``
    comes before it, else None (None too when only the birth year is known). The year's
    decision may come before some birthdays of that year: allowed, with a warning the secretary
    confirms (:func:`early_coming_of_age_message`); a year before is refused by the events'
    date check (:func:`~doancoso.core.lifecycle.rules.check_date`)."""
    if precision != DAY:
        return None
    birthday = add_years(birth, age)
    return birthday if when < birthday else None


def early_coming_of_age_message(early: list[tuple[str, date]], when: date, age: int) -> str:
    """The warning before recording a coming of age dated ``when`` for the members of
    ``early`` ((name, ``age``-th birthday), from :func:`early_coming_of_age`): the one wording
    of the event dialog and the year's decision."""
    who = "; ".join(f"{name} (tròn {age} tuổi ngày {format_vn_date(day)})" for name, day in early)
    return (
        f"Chưa đủ {age} tuổi vào ngày quyết định {format_vn_date(when)}: {who}. Trưởng thành "
        f"Đoàn được xét theo năm đủ {age} tuổi nên vẫn ghi được; hãy kiểm tra lại ngày quyết "
        "định."
    )


# Party admission (vào Đảng): from 18 full years of age.
PARTY_MIN_AGE = 18


def party_age_error(birth: date, precision: str, joined: date) -> str | None:
    """The message refusing a Party admission on ``joined`` before 18 full years, else None.

    A birth known only by its year counts by the year (as for the admission to the union).
    """
    if precision == DAY:
        ok = age_on(birth, joined) >= PARTY_MIN_AGE
    else:
        ok = joined.year - birth.year >= PARTY_MIN_AGE
    if ok:
        return None
    return (
        f"Tuổi vào Đảng phải từ đủ {PARTY_MIN_AGE} tuổi: "
        f"sinh {format_vn_date(birth, precision)}, vào Đảng {format_vn_date(joined)}."
    )


# The citizen ID (CCCD, 12 digits) says the holder's gender and birth year: after the 3 digits
# of the province, one digit for the century and the gender (0/1: 1900s male/female, 2/3:
# 2000s, 4/5: 2100s, 6/7: 2200s, 8/9: 2300s; Thông tư 07/2016/TT-BCA, Điều 7, kept by Thông tư
# 59/2021/TT-BCA), then the last two digits of the birth year. The old CMND (9 digits) says
# neither.
CCCD_CENTURIES = {0: 1900, 2: 2000, 4: 2100, 6: 2200, 8: 2300}


def national_id_facts(national_id: str) -> tuple[str, int] | None:
    """The gender ("male"/"female") and birth year a 12-digit CCCD says, or None (a CMND, or
    not a CCCD)."""
    if len(national_id) != 12 or not (national_id.isascii() and national_id.isdigit()):
        return None
    code = int(national_id[3])
    century = CCCD_CENTURIES[code - code % 2]
    return ("female" if code % 2 else "male"), century + int(national_id[4:6])


def national_id_mismatch_message(
    national_id: str | None, gender: str | None, birth: date | None
) -> str | None:
    """A warning (allowed: either field may hold the typo) when the CCCD says another gender or
    birth year than the ones entered; None when they agree or are not known. The one wording of
    the member form, the command line and the import."""
    facts = national_id_facts(national_id or "")
    if facts is None:
        return None
    said_gender, said_year = facts
    if (gender in ("male", "female") and gender != said_gender) or (
        birth is not None and birth.year != said_year
    ):
        who = "nam" if said_gender == "male" else "nữ"
        return (
            f"Số CCCD cho biết {who}, sinh năm {said_year}: khác với giới tính hoặc năm sinh đã "
            "nhập. Hãy kiểm tra lại."
        )
    return None


def same_birth(a: date, a_precision: str, b: date, b_precision: str) -> bool:
    """Whether two births may be one person's: the same day, or the same year when either is
    known by its year only (old lists give the year)."""
    if a_precision == DAY and b_precision == DAY:
        return a == b
    return a.year == b.year


def same_person_message(records: list[str], by_day: bool) -> str:
    """The warning for a member typed in whose folded name and birth are those of ``records``
    ("Lê Văn An (sinh 2001, chưa thuộc chi đoàn, Đã chuyển sinh hoạt)"), already on the roster:
    ``by_day`` both births are known to the day. Two people may share both: never refused."""
    what = "ngày sinh" if by_day else "năm sinh"
    return (
        f"Đã có đoàn viên cùng họ tên và {what}: {'; '.join(records)}. Có thể là cùng một "
        "người: hãy kiểm tra lại để không có hai hồ sơ của một đoàn viên."
    )
