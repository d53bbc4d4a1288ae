"""The numbers and recipients last used for each kind of printed document, remembered in the data
folder so that the next print suggests the number after the last one (DOMAIN.md §5: numbers
restart at 01 each year), whether it is printed from the app's print dialog or the command line.

    memory = DocumentMemory(ws.data_dir)
    memory.suggested_number("GGT", 2026)            # "06-GGT/ĐTN" after "05-GGT/ĐTN"; "" at first
    memory.remember_number("GGT", "06-GGT/ĐTN", 2026)

Kept per type code ("DS" lists, "BC" reports, "GGT" transfer letters…, or a kind's own key) in
``document-numbers.json`` beside the database, not in the organisation's settings: a suggestion
for the next print on this data folder, which the secretary can always overwrite, not a record
of the union (a register of outgoing documents would be one). Printing only reads the data, so
it works on data that can only be read: a memory that cannot be written there (a
write-protected stick) is left as it was, the document printed all the same. The file is read
at each call and replaced whole (:func:`~.storage.files.written_atomically`): the app and a
command run meanwhile both see the other's numbers. A damaged file reads as nothing remembered.

The recognition dossier's documents are numbered apart: the numbers given to each year's
dossier (the Hồ sơ page's "Số tờ trình" and "Số văn bản…", ``doancoso dossier --number``) are
kept for that year as given, and printed again when that year's dossier is built, in the app or
by the command::

    memory.keep_dossier_number(2026, "15-TTr/ĐTN")                  # the tờ trình's
    memory.dossier_number(2026)                     # "15-TTr/ĐTN"; "" when none was given
    memory.keep_dossier_numbers(2026, {"bao-cao": "12-BC/ĐTN"})     # the other parts'
    memory.dossier_numbers(2026)                    # {"bao-cao": "12-BC/ĐTN"}
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .documents import DocumentDetails, clean_number, first_number, next_number, recipient_lines
from .errors import AppError
from .lang.text import nfc, nfc_multiline
from .storage.files import written_atomically

MEMORY_FILE = "document-numbers.json"
DOSSIER_KEY = "ho-so-{year}"
"""The entry of the tờ trình of a year's dossier (its number as given, and the year); those
of its other parts' documents are ``ho-so-{year}/{part}``."""
_LOG = logging.getLogger(__name__)


class DocumentMemory:
    """The last number used per type code, its year, and the recipients (see the module doc)."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / MEMORY_FILE

    def exists(self) -> bool:
        """Whether anything was ever remembered here."""
        return self.path.is_file()

    def last_number(self, code: str) -> str:
        return self._entry(code).get("number", "")

    def last_year(self, code: str) -> int | None:
        year = self._entry(code).get("year", "")
        return int(year) if year.isdigit() else None

    def suggested_number(self, code: str, year: int) -> str:
        """The number after the last one used, or 01 in a year after it; "" at first."""
        last = self.last_number(code)
        if not last:
            return ""
        if self.last_year(code) == year:
            return next_number(last)
        return first_number(last)

    def remember_number(self, code: str, number: str, year: int) -> None:
        """Remember ``number`` used in ``year`` (by a print that has no recipients of its own to
        remember: the dossier, the command line) unless a later one of that year is remembered
        already."""
        number = clean_number(number)
        if not number:
            return
        if self.last_year(code) == year and figure(self.last_number(code)) > figure(number):
            return
        self._update(code, {"number": number, "year": str(year)})

    def recipients(self, code: str) -> tuple[str, ...]:
        return recipient_lines(self._entry(code).get("recipients", ""))

    def remember(self, code: str, details: DocumentDetails) -> None:
        """Remember the number (when there is one) and the recipients the print dialog gave."""
        values = {"recipients": "\n".join(details.recipients)}
        if details.number:
            values |= {"number": details.number, "year": str(details.issued_on.year)}
        self._update(code, values)

    def seed(self, entries: dict[str, dict[str, str]]) -> None:
        """Remember ``entries`` (code -> number, year, recipients), those of an older memory,
        unless something is remembered here already."""
        if not self.exists() and entries:
            self._write({nfc(code): _clean(values) for code, values in entries.items()})

    def dossier_number(self, year: int, part: str = "") -> str:
        """The number given to the tờ trình of ``year``'s dossier (or to ``part``'s document)
        ("" when none is)."""
        return self.last_number(_dossier_key(year, part))

    def knows_dossier_number(self, year: int, part: str = "") -> bool:
        """Whether a number was ever given (or cleared) here for ``year``'s tờ trình (or
        ``part``'s document)."""
        return bool(self._entry(_dossier_key(year, part)))

    def keep_dossier_number(self, year: int, number: str) -> None:
        """Keep ``number`` as the tờ trình's of ``year``'s dossier, replacing the one kept
        (a lower one too: a typing mistake mended); an empty one is kept as none."""
        self.keep_dossier_numbers(year, {"": number})

    def dossier_numbers(self, year: int) -> dict[str, str]:
        """The numbers given to the documents of ``year``'s dossier but the tờ trình's
        (part → number, those cleared left out)."""
        prefix = _dossier_key(year, "") + "/"
        return {
            code.removeprefix(prefix): values["number"]
            for code, values in self._read().items()
            if code.startswith(prefix) and values.get("number")
        }

    def keep_dossier_numbers(self, year: int, numbers: Mapping[str, str]) -> None:
        """Keep ``numbers`` (part → number; "" the tờ trình) for ``year``'s dossier in one
        write, each replacing the one kept; an empty one is kept as none."""
        data = self._read()
        for part, number in numbers.items():
            values = {"number": clean_number(number), "year": str(year)}
            data[_dossier_key(year, part)] = _clean(values)
        self._write(data)

    # Storage -------------------------------------------------------------------------------

    def _read(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # none yet, unreadable or damaged: nothing remembered
            return {}
        if not isinstance(data, dict):
            return {}
        return {
            str(code): _clean(values) for code, values in data.items() if isinstance(values, dict)
        }

    def _entry(self, code: str) -> dict[str, str]:
        return self._read().get(nfc(code), {})

    def _update(self, code: str, values: dict[str, str]) -> None:
        data = self._read()
        data[nfc(code)] = {**data.get(nfc(code), {}), **_clean(values)}
        self._write(data)

    def _write(self, data: dict[str, dict[str, str]]) -> None:
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
        try:
            with written_atomically(self.path) as temp:
                temp.write_text(text + "\n", encoding="utf-8")
        except AppError as exc:  # read-only data: the document is printed, the number not kept
            _LOG.info("document numbers not remembered: %s", exc.details or exc.message)


def _clean(values: Mapping[Any, object]) -> dict[str, str]:
    """The known values of an entry, as NFC text (the recipients one a line)."""
    return {
        str(key): nfc_multiline(str(value))
        for key, value in values.items()
        if key in ("number", "year", "recipients") and isinstance(value, str | int)
    }


def _dossier_key(year: int, part: str) -> str:
    key = DOSSIER_KEY.format(year=year)
    return f"{key}/{nfc(part)}" if part else key


def figure(number: str) -> int:
    """The figure of a number ("12-BC/ĐTN" -> 12; -1 without one)."""
    found = re.search(r"\d+", number)
    return int(found.group()) if found else -1
