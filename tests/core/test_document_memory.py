"""The numbers last used per kind of document, kept in the data folder by the core
(core.document_memory) for the print dialog and the command line alike."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from doancoso.core.document_memory import MEMORY_FILE, DocumentMemory
from doancoso.core.documents import DocumentDetails


def test_the_next_number_follows_the_last_and_restarts_in_a_new_year(tmp_path: Path) -> None:
    memory = DocumentMemory(tmp_path)
    assert memory.suggested_number("GGT", 2026) == ""  # nothing yet: a number by hand
    memory.remember_number("GGT", "Số: 09-GGT/ĐTN", 2026)
    assert memory.last_number("GGT") == "09-GGT/ĐTN"
    assert memory.suggested_number("GGT", 2026) == "10-GGT/ĐTN"
    assert memory.suggested_number("GGT", 2027) == "01-GGT/ĐTN"
    assert memory.suggested_number("DS", 2026) == ""  # each kind its own numbering
    # Another reader of the folder (the app, while a command prints) sees the same.
    assert DocumentMemory(tmp_path).suggested_number("GGT", 2026) == "10-GGT/ĐTN"


def test_an_earlier_number_of_the_year_does_not_take_the_later_ones_place(
    tmp_path: Path,
) -> None:
    memory = DocumentMemory(tmp_path)
    memory.remember_number("GGT", "09-GGT/ĐTN", 2026)
    memory.remember_number("GGT", "04-GGT/ĐTN", 2026)  # a letter printed again
    assert memory.suggested_number("GGT", 2026) == "10-GGT/ĐTN"
    memory.remember_number("GGT", "02-GGT/ĐTN", 2027)
    assert memory.suggested_number("GGT", 2027) == "03-GGT/ĐTN"


def test_the_dialog_remembers_number_and_recipients_without_losing_other_kinds(
    tmp_path: Path,
) -> None:
    memory = DocumentMemory(tmp_path)
    memory.remember_number("GGT", "09-GGT/ĐTN", 2026)
    details = DocumentDetails("15-DS/ĐTN", "Tân Hưng", date(2026, 12, 5),
                              ("Tỉnh đoàn Cà Mau (b/c);", "Lưu VP."))  # fmt: skip
    memory.remember("DS", details)
    memory.remember("DS", DocumentDetails("", "Tân Hưng", date(2026, 12, 6), ("Lưu VP.",)))
    assert memory.suggested_number("DS", 2026) == "16-DS/ĐTN"  # a blank number keeps the last
    assert memory.recipients("DS") == ("Lưu VP.",)
    assert memory.suggested_number("GGT", 2026) == "10-GGT/ĐTN"


@pytest.mark.parametrize("content", ["", "{không phải JSON", "[1, 2]", '{"GGT": 5}'])
def test_a_damaged_file_reads_as_nothing_remembered(tmp_path: Path, content: str) -> None:
    (tmp_path / MEMORY_FILE).write_text(content, encoding="utf-8")
    memory = DocumentMemory(tmp_path)
    assert memory.suggested_number("GGT", 2026) == ""
    memory.remember_number("GGT", "01-GGT/ĐTN", 2026)
    assert memory.suggested_number("GGT", 2026) == "02-GGT/ĐTN"


def test_a_memory_that_cannot_be_written_is_left_as_it_was(tmp_path: Path) -> None:
    """Printing only reads the data: where the memory cannot be replaced (here a folder stands
    in its place, as a write-protected stick refuses it), the print goes on, nothing kept."""
    (tmp_path / MEMORY_FILE).mkdir()
    memory = DocumentMemory(tmp_path)
    memory.remember_number("GGT", "10-GGT/ĐTN", 2026)  # no error
    assert memory.suggested_number("GGT", 2026) == ""
    assert (tmp_path / MEMORY_FILE).is_dir()


def test_the_dossiers_to_trinh_number_is_kept_per_year(tmp_path: Path) -> None:
    """The tờ trình's number is the one the secretary gave that year's dossier (from the
    office's register), not a suggestion: any number replaces it, even a lower one, and a
    cleared one is remembered as cleared."""
    memory = DocumentMemory(tmp_path)
    assert memory.dossier_number(2025) == "" and not memory.knows_dossier_number(2025)
    memory.keep_dossier_number(2025, "Số: 15-TTr/ĐTN")
    memory.keep_dossier_number(2024, "03-TTr/ĐTN")
    memory.keep_dossier_number(2025, "05-TTr/ĐTN")  # a typing mistake mended: lower, kept
    memory.remember_number("BC", "12-BC/ĐTN", 2025)
    reread = DocumentMemory(tmp_path)  # the command line, while the app is open
    assert (reread.dossier_number(2025), reread.dossier_number(2024)) == ("05-TTr/ĐTN",
                                                                          "03-TTr/ĐTN")  # fmt: skip
    assert reread.suggested_number("BC", 2025) == "13-BC/ĐTN"  # the other kinds untouched
    reread.keep_dossier_number(2024, "  ")
    assert memory.dossier_number(2024) == "" and memory.knows_dossier_number(2024)
    assert memory.suggested_number("TTr", 2025) == ""  # not a kind whose next number is offered


def test_the_numbers_of_a_years_other_dossier_documents_are_kept_together(
    tmp_path: Path,
) -> None:
    memory = DocumentMemory(tmp_path)
    assert memory.dossier_numbers(2025) == {}
    memory.keep_dossier_number(2025, "15-TTr/ĐTN")
    memory.keep_dossier_numbers(2025, {"bao-cao": "Số: 12-BC/ĐTN", "doan-vien": "05-DS/ĐTN"})
    memory.keep_dossier_numbers(2024, {"bao-cao": "03-BC/ĐTN"})
    reread = DocumentMemory(tmp_path)
    assert reread.dossier_numbers(2025) == {"bao-cao": "12-BC/ĐTN", "doan-vien": "05-DS/ĐTN"}
    assert reread.dossier_number(2025) == "15-TTr/ĐTN"  # the tờ trình's apart
    reread.keep_dossier_numbers(2025, {"bao-cao": "", "bang": "13-BC/ĐTN"})  # one cleared
    assert memory.dossier_numbers(2025) == {"doan-vien": "05-DS/ĐTN", "bang": "13-BC/ĐTN"}
    assert memory.knows_dossier_number(2025, "bao-cao")  # cleared, not unknown
    assert not memory.knows_dossier_number(2025, "thong-ke")
    assert memory.dossier_numbers(2024) == {"bao-cao": "03-BC/ĐTN"}
