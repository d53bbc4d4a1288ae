"""The number a command prints a document of the union with, as the GUI's print dialog chooses
it: ``--number`` when given (``--number ""``: none, written by hand), else the document's own
number when it has one (a transfer letter's, recorded with the transfer), else the number after
the last one used for its type code (01 in a new year), from the data folder's memory that the
app shares (:class:`~doancoso.core.document_memory.DocumentMemory`); with nothing remembered,
the number line is left to fill in by hand. Once the file is written the number is remembered
(:func:`keep_number`), so the next print, here or in the app, follows it. The command says
which number it used and why (:attr:`ChosenNumber.said`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.document_memory import DocumentMemory
from ..core.documents import clean_number

NUMBER_HELP = (
    "số văn bản, ví dụ {example} (mặc định: số tiếp theo sau số đã dùng lần trước cho loại văn "
    'bản này; --number "" để ghi số bằng tay)'
)

NO_NUMBER_YET = (
    "Số văn bản để trống, ghi bằng tay: chưa có số nào đã dùng cho loại văn bản này (--number "
    "để ghi số; các lần in sau sẽ tiếp theo số đó)."
)
"""What a command says of a document printed without a number, none having been used before
for its kind."""


@dataclass(frozen=True)
class ChosenNumber:
    """The number to print ("" for a line to fill in by hand) and the sentence saying it."""

    number: str
    said: str


def choose_number(
    memory: DocumentMemory, code: str, given: str | None, year: int, own: str | None = None,
    own_source: str = "",
) -> ChosenNumber:  # fmt: skip
    """The number of a document of type ``code`` issued in ``year``: ``given`` (the option),
    else ``own`` (the number the document already has, ``own_source`` saying whence), else the
    next one remembered (see the module doc)."""
    if given is not None:
        number = clean_number(given)
        if not number:
            return ChosenNumber("", "Số văn bản để trống, ghi bằng tay.")
        return ChosenNumber(number, f"Số văn bản: {number}.")
    if own and clean_number(own):
        number = clean_number(own)
        return ChosenNumber(number, f"Số văn bản: {number} ({own_source}).")
    number = memory.suggested_number(code, year)
    if not number:
        return ChosenNumber("", NO_NUMBER_YET)
    last = memory.last_number(code)
    if memory.last_year(code) == year:
        why = f"tiếp theo số {last} đã dùng lần trước"
    else:
        why = f"số đầu tiên của năm {year}, sau số {last} của năm {memory.last_year(code)}"
    return ChosenNumber(number, f"Số văn bản: {number} ({why}; --number để ghi số khác).")


def keep_number(memory: DocumentMemory, code: str, chosen: ChosenNumber, year: int) -> None:
    """Remember the number a document was printed with (none: nothing)."""
    memory.remember_number(code, chosen.number, year)
