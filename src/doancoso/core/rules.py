"""Rules of the union that the roster checks. Values marked configurable in DOMAIN.md live here
as defaults until the organisation settings carry them."""

from __future__ import annotations

from datetime import date

from .dates import add_years

# Admission from 16 ("15 years + 1 day", i.e. in the 16th year) to 30 (before the 31st birthday).
ADMISSION_MIN_AGE = 16
ADMISSION_MAX_AGE = 30


def admission_window(birth: date) -> tuple[date, date]:
    """First and last day on which someone born on ``birth`` can be admitted."""
    first = add_years(birth, ADMISSION_MIN_AGE - 1).toordinal() + 1
    last = add_years(birth, ADMISSION_MAX_AGE + 1).toordinal() - 1
    return date.fromordinal(first), date.fromordinal(last)


# Coming of age (trưởng thành Đoàn): members leave the union in the year they reach this age.
# DOMAIN.md §4 asks to verify it, so it is a setting of the organisation
# (OrganizationInfo.coming_of_age, column organizations.coming_of_age); this is only its default.
COMING_OF_AGE = 30

# Party admission (vào Đảng): from 18 full years of age.
PARTY_MIN_AGE = 18
