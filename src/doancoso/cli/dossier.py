"""``doancoso dossier``: the recognition dossier of a year as one PDF, or its check.

``--parts`` chooses the parts and their order (default: all but the optional ones, the minutes
and the other lists); ``--photos-per-page 2`` puts two evidence photos on a page.

``--number`` gives the tờ trình's number ("--number 15-TTr/ĐTN"), kept for the year in the data
folder's memory of numbers that the app's Hồ sơ page shares (its "Số tờ trình"): without it the
number given to the year's dossier before, here or in the app, is printed, and the command says
so (``--number ""``: a blank line to fill in by hand, the number kept left as it is).
Repeated, ``--number`` gives the number of another part's document ("--number
bao-cao=12-BC/ĐTN", the parts of :data:`~doancoso.core.dossier.numbers.NUMBERED`), kept for
the year as the tờ trình's (with those of the app's "Số văn bản…") and printed by the next
builds of that year's dossier unless given again ("PHẦN=": a blank line this time); a
document without one prints a blank number line to fill in by hand. The numbers given to the
parts' documents are remembered, as the app's Hồ sơ page remembers them (the last of each type
code, :mod:`.numbers`' memory), so the next print of a report or a list, here or in the app,
takes the number after them; none is guessed for a dossier (the app only suggests them on
request): a dossier is built again and again while its evidence is gathered, and each build
would use up numbers of the register.

``--date dd/mm/yyyy`` is the day the dossier is made on (default: today), as the app's Hồ sơ
page makes it on its own day: the tờ trình and the documents are dated on it, the checklist's
figures counted on it, the lists counted at its end (at 31/12 of the year when later); a day
after today, or before the dossier's year begins, is refused and nothing is written.

``--check`` prints what the dossier would lack and builds nothing; without it the dossier is
built even with gaps (exit 0), and an unreadable evidence file exits 1 with nothing written, as
do evidence files lost from the store (all named; the check names each, and says last that the
dossier cannot be built until they are back).
``--format json`` prints ``{"ready", "missing": [{"part", "reason"}], "parts"}`` (a gap also has
``"command"``, ``"item"`` where it has one, and ``"lost"``, the SHA-256 of a lost file), and for
a build ``"pages"`` and ``"kept"`` (whether it is now the year's dossier the report bundle
carries).

The parts are written in the app's own temporary folder (core/storage/temp.py), as the GUI's
are, removed when the command ends; a command killed halfway leaves them where the app's next
start removes them, never loose in the system's temporary folder.

A dossier built with every default part is also kept in the data folder (the last one of each
year: core/dossier/stored.py), for the report bundle of its year to carry; one of only some
parts is not, and says so.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TextIO

from ..core.document_memory import DocumentMemory
from ..core.dossier.check import (
    DEFAULT_PARTS,
    OPTIONAL_PARTS,
    PARTS,
    Gap,
    check,
    parse_parts,
)
from ..core.dossier.numbers import TTR
from ..core.errors import ValidationError
from ..core.lang.dates import format_vn_date
from ..core.lang.text import vn_number
from .common import (
    EXIT_OK,
    PDF,
    Subparsers,
    data_dir_option,
    date_option,
    file_path,
    format_option,
    open_workspace,
    require_suffix,
)

PARTS_HELP = (
    "các phần theo thứ tự, cách nhau bởi dấu phẩy (mặc định: "
    + ",".join(DEFAULT_PARTS)
    + "; chỉ có khi chọn: "
    + ",".join(p for p in PARTS if p in OPTIONAL_PARTS)
    + ")"
)
NUMBER_HELP = (
    "số của tờ trình, ví dụ 15-TTr/ĐTN; hoặc số văn bản của một phần, ví dụ bao-cao=12-BC/ĐTN "
    "(lặp lại cho mỗi phần). Số đã nhập cho hồ sơ của năm (bằng lệnh này hay trong ứng dụng) "
    'được giữ và in lại ở các lần lập sau; --number "" (tờ trình) hoặc PHẦN= để lần này in '
    "dòng số để trống, ghi tay sau khi in, như phần chưa có số nào"
)
KEPT = (
    "Một bản của hồ sơ được lưu trong thư mục dữ liệu: gói báo cáo cấp trên năm {year} "
    "(doancoso bundle export --kind report --year {year}) sẽ kèm hồ sơ này."
)
TTR_REMEMBERED = (
    "Số tờ trình: {number} (đã nhập cho hồ sơ năm {year}; --number để ghi số khác, "
    '--number "" để ghi tay).'
)
PARTS_REMEMBERED = (
    "Số văn bản đã nhập cho hồ sơ năm {year}: {numbers} (--number PHẦN=SỐ để ghi số khác, "
    "PHẦN= để ghi tay)."
)
REMEMBERED = (
    "Đã ghi nhớ số văn bản đã dùng, lần in sau (bằng lệnh hay trong ứng dụng) lấy số tiếp theo: "
    "{numbers}."
)
DATE_HELP = (
    "ngày lập hồ sơ: tờ trình và các văn bản ghi ngày này, số liệu và danh sách tính đến "
    "ngày này (mặc định: hôm nay)"
)
FUTURE_DAY = "Ngày lập hồ sơ ({day}) không thể sau hôm nay ({today})."
BEFORE_YEAR = "Ngày lập hồ sơ năm {year} không thể trước ngày 01/01/{year} (đã cho {day})."
NO_OUTPUT = "thiếu tệp sẽ ghi: hãy cho -o TỆP.pdf (hoặc dùng --check để chỉ kiểm tra)"


def register(subparsers: Subparsers) -> None:
    dossier = subparsers.add_parser("dossier", help="hồ sơ đề nghị công nhận “3 chủ động”")
    data_dir_option(dossier)
    dossier.add_argument("--year", type=int, required=True, metavar="NĂM", help="năm của hồ sơ")
    dossier.add_argument("-o", "--output", type=file_path, metavar="TỆP", help="tệp PDF sẽ ghi")
    dossier.add_argument("--parts", metavar="DANH_SÁCH", help=PARTS_HELP)
    dossier.add_argument("--number", action="append", metavar="SỐ|PHẦN=SỐ", help=NUMBER_HELP)
    dossier.add_argument("--photos-per-page", type=int, choices=(1, 2), default=1,
                         help="số ảnh minh chứng trên một trang (mặc định 1)")  # fmt: skip
    dossier.add_argument("--date", metavar="dd/mm/yyyy", help=DATE_HELP)
    dossier.add_argument("--check", action="store_true", help="chỉ kiểm tra, không lập hồ sơ")
    format_option(dossier, text=True)
    dossier.set_defaults(handler=run_dossier, parser=dossier)


def run_dossier(args: argparse.Namespace, out: TextIO) -> int:
    from ..core.dossier.lost import lost_count_text
    from ..core.dossier.numbers import last_by_code, parse_number_options
    from ..core.dossier.stored import partial_text
    from ..core.storage.temp import end_session, session_folder
    from ..reports.dossier.build import build_dossier

    if not args.check and args.output is None:
        args.parser.error(NO_OUTPUT)  # bad usage: exit 2 under the command's usage
    parts = parse_parts(args.parts)
    number, numbers = parse_number_options(args.number or [])
    ttr_given = _ttr_given(args.number or [])
    if not args.check:
        require_suffix(args.output, PDF, ".pdf")
    day = _day(args.date, args.year)
    pages: int | None = None
    kept = False
    partial: str | None = None
    remembered: dict[str, str] = {}
    said: list[str] = []
    with open_workspace(args) as ws:
        memory = DocumentMemory(ws.data_dir)
        if not ttr_given:
            number = memory.dossier_number(args.year) or None
            if number and TTR in parts:
                said.append(TTR_REMEMBERED.format(number=number, year=args.year))
        given = numbers
        if not args.check:  # the numbers given the year's other documents before
            numbers = _kept_numbers(memory, args.year, parts, args.number or []) | given
            if numbers.keys() - given.keys():
                said.append(_kept_said(args.year, numbers, given))
        if args.check:
            gaps = check(ws, args.year, parts, number, as_of=day)
            included = parts
        else:
            try:
                built = build_dossier(ws, args.output, args.year, parts, number=number, as_of=day,
                                      recorded_on=date.today(),
                                      photos_per_page=args.photos_per_page, numbers=numbers,
                                      temp_folder=session_folder())  # fmt: skip
            finally:
                end_session()
            gaps, included, pages = list(built.gaps), list(built.parts), built.pages
            kept = built.kept is not None
            remembered = last_by_code(given)
            # the app's Hồ sơ page offers them for the year, the next build here prints them
            for_year = given | ({"": number} if ttr_given and number else {})
            if for_year:
                memory.keep_dossier_numbers(args.year, for_year)
            for code, last in remembered.items():
                memory.remember_number(code, last, day.year)
            if not built.whole:
                partial = partial_text(args.year, built.missing, built.kept_before)
    if args.format == "json":
        result: dict[str, object] = {
            "ready": not gaps,
            "missing": [_gap_json(g) for g in gaps],
            "parts": list(included),
        }
        if pages is not None:
            result["pages"] = pages
            result["kept"] = kept
        json.dump(result, out, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    for line in said:
        print(line, file=out)
    if gaps:
        print(f"Hồ sơ năm {args.year} còn thiếu:", file=out)
        for g in gaps:
            print(f"  [{PARTS[g.part]}] {g.reason}", file=out)
            if g.command is not None:
                print(f"    Bằng dòng lệnh: {g.command}", file=out)
        lost = lost_count_text(gaps)  # the build refuses: said last, where it is seen
        if lost:
            print(f"Hồ sơ năm {args.year} {lost}.", file=out)
    else:
        print(f"Hồ sơ năm {args.year} đã đủ.", file=out)
    if pages is not None:
        print(f"Đã ghi hồ sơ {vn_number(pages)} trang vào “{args.output}”.", file=out)
    if kept:
        print(KEPT.format(year=args.year), file=out)
    if partial is not None:
        print(partial, file=out)
    if remembered:
        print(REMEMBERED.format(numbers=", ".join(remembered.values())), file=out)
    return EXIT_OK


def _day(text: str | None, year: int) -> date:
    """The day of ``--date`` (today when not given), refused after today or before ``year``
    (a dossier of next year prepared today is not refused: only a day given is)."""
    today = date.today()
    day = date_option(text)
    if day is None:
        return today
    if day > today:
        said = FUTURE_DAY.format(day=format_vn_date(day), today=format_vn_date(today))
        raise ValidationError({"date": said})
    if day.year < year:
        raise ValidationError({"date": BEFORE_YEAR.format(year=year, day=format_vn_date(day))})
    return day


def _ttr_given(values: list[str]) -> bool:
    """Whether ``--number`` gave the tờ trình's number ("" too: printed blank)."""
    return any(not sep or part.strip() == TTR
               for part, sep, _ in (v.partition("=") for v in values))  # fmt: skip


def _kept_numbers(memory: DocumentMemory, year: int, parts: list[str],
                  values: list[str]) -> dict[str, str]:  # fmt: skip
    """The numbers kept for ``year``'s documents of ``parts`` not given a number by
    ``values`` (``--number PHẦN=SỐ``; ``PHẦN=`` too: printed blank)."""
    given = {v.partition("=")[0].strip() for v in values if "=" in v}
    kept = memory.dossier_numbers(year)
    return {p: kept[p] for p in parts if p in kept and p not in given}


def _kept_said(year: int, numbers: dict[str, str], given: dict[str, str]) -> str:
    kept = ", ".join(f"{p}={n}" for p, n in numbers.items() if p not in given)
    return PARTS_REMEMBERED.format(year=year, numbers=kept)


def _gap_json(gap: Gap) -> dict[str, str]:
    found = {"part": gap.part, "reason": gap.reason}
    if gap.command is not None:
        found["command"] = gap.command
    if gap.item is not None:
        found["item"] = gap.item
    if gap.lost is not None:
        found["lost"] = gap.lost
    return found
