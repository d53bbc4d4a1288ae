"""Which members a command lists, exports or prints: the options and the filter they make; the
chi đoàn a ``--branch`` names, the member a ``ĐOÀN_VIÊN`` argument names.

Like the roster page, the commands show the **active roster** (members taking part here:
active and on temporary activity) unless ``--status`` asks for one status or for every member
("tất cả"), so a printed "danh sách đoàn viên" never carries those who left.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..core.errors import AppError, NotFoundError
from ..core.lang.dates import format_vn_date
from ..core.lang.text import fold, nfc, vn_number
from ..core.lifecycle.rules import ACTIVE_STATUSES
from ..core.roster.service import MemberFilter, MemberRecord
from ..core.roster.validation import unknown_choice
from ..core.roster.vocab import GENDERS, STATUSES, choice_code
from ..core.workspace import Workspace
from .common import not_blank

if TYPE_CHECKING:
    from ..core.roster.branches import BranchInfo

EVERY_STATUS = "tất cả"
BRANCH_NAME = "tên chi đoàn, có thể bỏ chữ “Chi đoàn” đầu tên"
BRANCH = not_blank("tên một chi đoàn")
"""The ``type=`` of a ``--branch``: a blank one is bad usage (:func:`.common.not_blank`)."""
MEMBER = not_blank("mã hoặc họ tên một đoàn viên")
"""The ``type=`` of a ``ĐOÀN_VIÊN`` argument (:func:`find_member`): a blank one is bad usage."""
MEMBER_HELP = "mã đoàn viên (id của “members list --format json”) hoặc họ tên (không dấu cũng được)"
SHOWN_MATCHES = 5


def add_member_filter_options(parser: argparse.ArgumentParser, verb: str) -> None:
    """``--search``, ``--branch``, ``--status`` and ``--gender``; ``verb``: "in", "xuất"..."""
    parser.add_argument(
        "--search",
        default="",
        metavar="TỪ_KHÓA",
        help=f"chỉ {verb} đoàn viên khớp từ tìm kiếm (không dấu cũng được)",
    )
    parser.add_argument(
        "--branch", type=BRANCH, metavar="TÊN", help=f"chỉ {verb} một chi đoàn ({BRANCH_NAME})"
    )
    parser.add_argument(
        "--status",
        type=not_blank("một trạng thái"),
        metavar="TRẠNG_THÁI",
        help="trạng thái: " + ", ".join(STATUSES.values()) + f", hoặc “{EVERY_STATUS}” "
        "(mặc định: đang sinh hoạt và sinh hoạt tạm)",
    )
    parser.add_argument(
        "--gender",
        type=not_blank("một giới tính"),
        metavar="GIỚI_TÍNH",
        help="giới tính: " + ", ".join(GENDERS.values()),
    )


def member_filter(ws: Workspace, args: argparse.Namespace) -> MemberFilter:
    """The filter the options of :func:`add_member_filter_options` ask for."""
    branch_id = find_branch(ws, args.branch).id if args.branch else None
    everyone = args.status is not None and fold(args.status) == fold(EVERY_STATUS)
    every = f", hoặc “{EVERY_STATUS}”"
    status = None if everyone else _choice(STATUSES, args.status, "Trạng thái", every)
    return MemberFilter(
        search=args.search,
        branch_id=branch_id,
        status=status,
        gender=_choice(GENDERS, args.gender, "Giới tính"),
        statuses=() if everyone or status else ACTIVE_STATUSES,
    )


def find_branch(ws: Workspace, name: str, unknown: str = "") -> BranchInfo:
    """The chi đoàn ``--branch name`` means: the one of that name (case and tones ignored), else
    the only one whose name without "Chi đoàn"/"CĐ" is the name's without it ("Ấp 3" for "Chi
    đoàn Ấp 3", as the import matches them); several such look-alikes are refused, named, and
    no match is refused naming the chi đoàn there are (no command lists them), with ``unknown``
    after the message."""
    from ..core.roster.spreadsheets.preview import branch_place

    branches = ws.branches.list()
    key = fold(name)
    exact = next((b for b in branches if fold(b.name) == key), None)
    if exact is not None:
        return exact
    place = fold(branch_place(name))
    alike = [b for b in branches if fold(branch_place(b.name)) == place]
    if len(alike) == 1:
        return alike[0]
    if alike:
        names = " hoặc ".join(f"“{b.name}”" for b in alike)
        raise AppError(f"“{nfc(name)}” có thể là chi đoàn {names}: hãy ghi đúng tên một chi đoàn.")
    there = ", ".join(b.name for b in branches)
    said = f"; các chi đoàn đang có: {there}." if there else ": chưa có chi đoàn nào."
    raise AppError(f"Không có chi đoàn “{nfc(name)}”{said}{unknown}")


def find_member(ws: Workspace, text: str) -> MemberRecord:
    """The member ``text`` names: the one of that id, else among the members (whatever their
    status) the roster's search for ``text`` finds, the only one whose whole name is ``text``
    (tones and case ignored: "Nguyễn Văn An" beside "Nguyễn Văn Anh"), or the only one found.
    None found, or several, is refused: several are named with their birth date, chi đoàn and
    id, so that the id can be given instead."""
    try:
        return ws.members.get(text)
    except NotFoundError:
        pass
    rows = ws.members.list(MemberFilter(search=text))
    same_name = [row for row in rows if fold(row.full_name) == fold(text)]
    if len(same_name) == 1:
        rows = same_name
    if len(rows) == 1:
        return ws.members.get(rows[0].id)
    if not rows:
        raise NotFoundError(
            f"Không tìm thấy đoàn viên “{nfc(text)}”: ghi mã đoàn viên (id của “members list "
            "--format json”) hoặc họ tên."
        )
    shown = "; ".join(
        f"{row.full_name} (sinh {format_vn_date(row.birth_date, row.birth_precision)}"
        f"{', ' + row.branch_name if row.branch_name else ''}, mã {row.id})"
        for row in rows[:SHOWN_MATCHES]
    )
    more = "…" if len(rows) > SHOWN_MATCHES else ""
    raise AppError(
        f"“{nfc(text)}” khớp với {vn_number(len(rows))} đoàn viên: {shown}{more}. Hãy ghi mã "
        "đoàn viên hoặc họ tên đầy đủ hơn."
    )


def _choice(vocabulary: dict[str, str], raw: str | None, what: str, more: str = "") -> str | None:
    """The code of ``raw`` in ``vocabulary``; an unknown one is refused, said back in NFC with
    every choice (``more``: the choices outside the vocabulary)."""
    if not raw:
        return None
    code = choice_code(vocabulary, raw)
    if code is None:
        raise AppError(unknown_choice(what, raw, vocabulary.values(), more))
    return code


def refuse_member_filters_for_youth(args: argparse.Namespace) -> None:
    """``--youth`` lists the youth register, which has no chi đoàn, status or gender filter
    here: say so rather than ignore the option."""
    given = [f"--{name}" for name in ("branch", "status", "gender") if getattr(args, name, None)]
    if given:
        raise AppError(
            f"Danh sách thanh niên không lọc theo chi đoàn, trạng thái hay giới tính: bỏ "
            f"{', '.join(given)} khi dùng --youth."
        )
