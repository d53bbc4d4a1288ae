"""The dossier built: from one read of the database (a snapshot, so that every figure is that
of one moment), the evidence checked first, its parts written one by one to a temporary folder
(in the folder the caller gives: the GUI's and the command line's are in the app's own
temporary folder, whose leftovers of a build cut short, members' personal data, go at the app's
next start), then put together
(:mod:`.assemble`) and written atomically. An unreadable evidence file stops it before anything
is written; so does a ``report`` that raises (the GUI's "Hủy")."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4

from ...core.dossier.check import DEFAULT_PARTS, PARTS, Gap, check, minutes_of_year, no_minutes
from ...core.dossier.lists import YOUTH_LISTS, branches_on, counted_on, empty_lists
from ...core.dossier.numbers import clean_numbers
from ...core.dossier.stored import BuiltDossier, built_dossier, keep_built, missing_parts
from ...core.errors import AppError
from ...core.lifecycle.rules import ACTIVE_STATUSES
from ...core.organization import OrganizationInfo
from ...core.recognition.service import ChecklistView
from ...core.roster.service import MemberFilter
from ...core.storage.temp import session_folder
from ...core.workspace import Workspace
from ..fonts import BOLD, register_fonts
from ..minutes import print_minutes
from ..plan import print_plan, print_report
from ..rating import print_decision, print_summary
from ..roster import NO_ORGANIZATION, print_roster
from ..statistics import print_statistics
from ..youth import print_youth
from .annex import Photo, check_files, write_photo_page
from .assemble import FRONT_PAGES, Entry, assemble, evidence_key, keyed_starts, read_pdf, starts
from .assemble import TITLE as TITLE
from .extra import decision_issue, minutes_title, write_branches
from .front import serif_canvas
from .parts import (
    Evidence,
    numbered_evidence,
    on_page,
    write_activities,
    write_report,
    write_table,
    write_ttr,
)
from .register import (
    Register,
    part_title,
    read_register,
    record_cites,
    with_register,
    write_introductions,
    write_register,
)

ANNEX_TITLE = "PHỤ LỤC MINH CHỨNG"
PHOTOS_PER_PAGE = (1, 2)
SUMMARY_ENTRY = "Báo cáo tổng hợp kết quả xếp loại"
DECISION_ENTRY = "Quyết định công nhận kết quả xếp loại"
Report = Callable[[int, int], None]
GUESSED_PAGE = 999
NO_REGISTER = "Chưa có văn bản tham mưu, chương trình phối hợp nào trong năm {year}."
NO_INTRODUCTIONS = "Chưa có đoàn viên nào được giới thiệu cho Đảng trong năm {year}."


@dataclass(frozen=True)
class Dossier:
    """What was built: the file, its page count, the parts in it, those left out and why;
    ``missing``: the default parts not chosen (none: a whole dossier, :attr:`whole`);
    ``kept``: a whole dossier's copy in the data folder, which the year's report bundle carries
    (None when the data folder takes no files, and for a dossier not whole); ``kept_before``:
    for a dossier not whole, the whole one kept before, left as it was (the bundle still
    carries it), or None."""

    path: Path
    pages: int
    parts: tuple[str, ...]
    omitted: tuple[tuple[str, str], ...]
    gaps: tuple[Gap, ...]
    kept: BuiltDossier | None = None
    missing: tuple[str, ...] = ()
    kept_before: BuiltDossier | None = None

    @property
    def whole(self) -> bool:
        """Every default part chosen: the dossier kept for the report bundle."""
        return not self.missing


def build_dossier(ws: Workspace, path: Path | str, year: int, parts: Sequence[str] = DEFAULT_PARTS,
                  *, number: str | None = None, issued_on: dt.date | None = None,
                  as_of: dt.date | None = None, recorded_on: dt.date | None = None,
                  photos_per_page: int = 1,
                  report: Report | None = None, numbers: Mapping[str, str] | None = None,
                  temp_folder: Path | None = None) -> Dossier:  # fmt: skip
    """Write the dossier of ``year`` with ``parts`` (codes of :data:`PARTS`, in the order
    given) to ``path``; returns what was built. ``as_of``: the day of the build (the caller's
    today, else the system's), the checklist's figures counted on it and the records read on
    it; ``issued_on``: the day the documents are dated and the lists counted at (default
    ``as_of``), as :func:`~doancoso.core.dossier.check.check` takes them; ``recorded_on``: the
    day the records are read on (default ``as_of``; a back-dated dossier's: the system's
    today), lists of a day before it counted as they stood then. ``number``: the tờ
    trình's; ``numbers``: part →
    the number of its document (:data:`~doancoso.core.dossier.numbers.NUMBERED`); a document
    without one prints a blank number line to fill in by hand. ``photos_per_page``: 1 or 2
    photos of the evidence annex on a page. ``report(done, total)`` is called before the first
    step and after each one (each part, each evidence item, the merge, the write); if it raises (the
    GUI's TaskCancelled), nothing is written and the temporary files are removed. The parts are
    written in a temporary folder made in ``temp_folder`` (default: this session's folder in the
    app's own temporary folder, :mod:`doancoso.core.storage.temp`; the GUI gives its page's
    there), never the system's: a build cut short by a crash or a power cut leaves no personal
    data where nothing removes it.

    Every figure is read in one snapshot of the database: a write committed meanwhile (by the
    GUI's worker, another program) does not show.

    Raises AppError (Vietnamese) when evidence files are lost from the store (gone, or no
    longer with their hash: every one named, with the way to get them back), or when one is
    encrypted, damaged or not what it claims to be (naming it): nothing is written then.
    """
    if photos_per_page not in PHOTOS_PER_PAGE:
        raise AppError(f"Số ảnh trên một trang là 1 hoặc 2, không phải {photos_per_page}.")
    if temp_folder is None:
        temp_folder = session_folder()
    today = as_of or dt.date.today()
    with ws.db.snapshot(), ws.participation.remembered():  # one moment's figures, read once
        return _build(ws, Path(path), year, parts, number, issued_on or today, today,
                      recorded_on or today, photos_per_page, report or _silent,
                      clean_numbers(numbers or {}), temp_folder)  # fmt: skip


def _silent(done: int, total: int) -> None:
    """No progress to show."""


def _build(ws: Workspace, path: Path, year: int, parts: Sequence[str], number: str | None,
           issued_on: dt.date, today: dt.date, recorded_on: dt.date, photos_per_page: int,
           report: Report,
           numbers: Mapping[str, str], temp_folder: Path) -> Dossier:  # fmt: skip
    org = ws.organization.get()
    if org is None:
        raise AppError(NO_ORGANIZATION)
    # today: the day the checklist's figures are counted at, and the records read on
    gaps = check(ws, year, parts, number, today, issued_on)
    view = ws.recognition.view(year, today) if ws.recognition.opened(year) is not None else None
    register = read_register(ws, year)
    # The register's files numbered under their items (by the register, when none cites it).
    own = numbered_evidence(view) if view is not None else []
    numbered, register = with_register(view, own, register, "tham-muu-phoi-hop" in parts)
    evidence = numbered if "minh-chung" in parts else []
    progress = _Progress(report, len(parts) + len(evidence) + 2)
    opened = check_files(evidence)  # before anything is written
    entries: list[Entry] = []
    omitted: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="doancoso-dossier-", dir=temp_folder) as folder:
        job = _Job(ws, org, year, number, issued_on, view, Path(folder), today, tuple(numbered),
                   register, tuple(parts), numbers,
                   empty_lists(ws, year, parts, issued_on), recorded_on)  # fmt: skip
        table = None  # where the table goes: made last, it cites the parts made
        # The register cites its files with their pages in the annex: made last too.
        annexed = "minh-chung" in parts and "minh-chung" not in job.left_out
        citing: list[tuple[str, Entry]] = []
        for part in parts:
            if part == "bang" and view is not None:
                table = len(entries)
                continue
            if part == "tham-muu-phoi-hop" and annexed and not job.register.empty:
                citing.append((part, Entry(PARTS[part], 0, key=part)))
                entries.append(citing[-1][1])
                progress.step()
                continue
            if part == "minh-chung":
                if part in job.left_out:  # no file: as the check said (empty_lists)
                    omitted.append((PARTS[part], job.left_out[part]))
                else:
                    entries += _annex(PARTS[part], evidence, opened, job.temp, photos_per_page,
                                      progress)  # fmt: skip
                progress.step()
                continue
            made = _part(job, part)
            if isinstance(made, str):
                omitted.append((PARTS[part], made))
            elif made and isinstance(made[0], Entry):
                entries += [Entry(PARTS[part], 0, key=part),
                            *(e for e in made if isinstance(e, Entry))]  # fmt: skip
            else:
                entries.append(Entry(PARTS[part], 0, _pdfs(made), key=part))
            progress.step()
        left_out = {name for name, _ in omitted}
        included = tuple(p for p in parts if PARTS[p] not in left_out)
        cites_job = dataclasses.replace(job, parts=included)
        if table is not None:
            entries.insert(table, Entry(PARTS["bang"], 0, key="bang"))
            citing.append(("bang", entries[table]))
        late = _CitingPages(cites_job, citing) if citing else None
        if late is not None:
            late.write_first(entries)
        if table is not None:
            progress.step()
        pages = assemble(path, org, year, issued_on, entries, omitted, job.temp, progress.step,
                         late)  # fmt: skip
    missing = tuple(missing_parts(parts))
    if missing:  # the superior body is sent no incomplete dossier: the one kept stays
        before = built_dossier(ws.data_dir, year)
        return Dossier(path, pages, included, tuple(omitted), tuple(gaps), None, missing, before)
    kept = keep_built(ws.data_dir, year, path) if ws.read_only is None else None
    return Dossier(path, pages, included, tuple(omitted), tuple(gaps), kept)


def _pdfs(made: list[PdfReader] | list[Entry] | str) -> list[PdfReader]:
    return [r for r in made if isinstance(r, PdfReader)]


class _Progress:
    """``report(done, total)`` at the start and after each step."""

    def __init__(self, report: Report, total: int) -> None:
        self.report, self.total, self.done = report, total, 0
        report(0, total)

    def step(self) -> None:
        self.done += 1
        self.report(self.done, self.total)


@dataclass(frozen=True)
class _Job:
    ws: Workspace
    org: OrganizationInfo
    year: int
    number: str | None
    issued_on: dt.date
    view: ChecklistView | None
    temp: Path
    today: dt.date = dt.date.min
    evidence: tuple[Evidence, ...] = ()
    register: Register = Register()
    parts: tuple[str, ...] = ()
    numbers: Mapping[str, str] = dataclasses.field(default_factory=dict)

    left_out: Mapping[str, str] = dataclasses.field(default_factory=dict)
    recorded_on: dt.date = dt.date.min
    """The day the records are read on: a list of a day before it is counted as it stood."""
    pages: Mapping[str, int] = dataclasses.field(default_factory=dict)
    """Where the parts and evidence files the table cites start (an entry's key → page);
    empty until the dossier is put together."""

    @property
    def counted_on(self) -> dt.date:
        """The day the lists are counted at (:func:`~doancoso.core.dossier.lists.counted_on`)."""
        return counted_on(self.year, self.issued_on)

    @property
    def enclosed(self) -> tuple[str, ...]:
        """The parts the tờ trình names as enclosed that the dossier will hold, known before
        they are written: the report and the table when chosen and the checklist is opened,
        the annex when chosen and not left out for want of files (:attr:`left_out`)."""
        return tuple(p for p in self.parts
                     if p not in self.left_out
                     and (self.view is not None or p not in ("bao-cao", "bang")))  # fmt: skip

    def number_of(self, part: str) -> str | None:
        """The number given to ``part``'s document (None: a blank line to fill in by hand)."""
        return self.numbers.get(part) or None

    def made(self, name: str, write: Callable[[Path], object]) -> PdfReader:
        file = self.temp / f"{len(list(self.temp.iterdir()))}-{name}.pdf"
        write(file)
        return read_pdf(file)


class _CitingPages:
    """The parts citing others' pages (the self-assessment table, the register citing its
    files): written first with the pages known before any of them is written, then written
    again only when a page one cites moved (:data:`~.assemble.Late`)."""

    def __init__(self, job: _Job, entries: Sequence[tuple[str, Entry]]) -> None:
        self.job, self.entries = job, entries  # each part's code and its entry
        self.cited: dict[str, dict[str, int | None]] = {}  # the pages each one's files print

    def write_first(self, entries: Sequence[Entry]) -> None:
        """Each written a first time (``entries``: the dossier's, these among them, the others
        written), citing the pages of the entries before the first of these, with the cover
        and contents of their usual length; for the others, whose pages hang on these' length,
        a page of three digits: about as long as the real one, so that one more writing is
        enough once the pages are known."""
        first = min(i for i, e in enumerate(entries) if any(e is c for _, c in self.entries))
        known = keyed_starts(entries[:first], starts(entries, FRONT_PAGES)[:first])
        pages = {e.key: known.get(e.key, GUESSED_PAGE) for e in entries if e.key is not None}
        for part, entry in self.entries:
            self._write(part, entry, pages)

    def __call__(self, pages: Mapping[str, int]) -> bool:
        moved = False
        for part, entry in self.entries:
            if self._cites(part, pages) == self.cited[part]:
                continue  # its files already print these pages
            before = entry.pages
            self._write(part, entry, pages)
            moved = moved or entry.pages != before
        return moved

    def _write(self, part: str, entry: Entry, pages: Mapping[str, int]) -> None:
        entry.files = _pdfs(_part(dataclasses.replace(self.job, pages=pages), part))
        self.cited[part] = self._cites(part, pages)

    def _cites(self, part: str, pages: Mapping[str, int]) -> dict[str, int | None]:
        """The pages ``part`` prints: its evidence files' (the annex's) and, for the table,
        the parts it cites (:func:`_part`)."""
        keys = {evidence_key(e.number) for e in self.job.evidence}
        if part == "bang" and self.job.view is not None:
            keys |= {p for found in record_cites(self.job.view, self.job.parts).values()
                     for p in found}  # fmt: skip
        return {key: pages.get(key) for key in keys}


def _evidence_pages(job: _Job) -> dict[str, int]:
    """An evidence number → the page of the dossier where its file starts (files in the annex
    only, once the dossier is put together)."""
    return {e.number: job.pages[evidence_key(e.number)] for e in job.evidence
            if evidence_key(e.number) in job.pages}  # fmt: skip


def _part(job: _Job, part: str) -> list[PdfReader] | list[Entry] | str:
    """The PDFs of ``part`` written to the job's folder (or its items, each a level-1 entry
    with its PDFs), or why it is left out."""
    ws, org, year, view, when = job.ws, job.org, job.year, job.view, job.issued_on
    number = job.number_of(part)
    if part == "to-trinh":
        return [job.made(part, lambda p: write_ttr(p, org, view, year, job.number, when,
                                                   job.enclosed))]  # fmt: skip
    if part in ("bao-cao", "bang"):
        if view is None:
            return f"Chưa lập bảng tự đánh giá năm {year}."
        if part == "bao-cao":
            return [job.made(part, lambda p: write_report(p, org, view, year, when, number))]
        pages = job.pages
        cited = {item: [on_page(part_title(PARTS[p], year), pages.get(p)) for p in found]
                 for item, found in record_cites(view, job.parts).items()}  # fmt: skip
        at = _evidence_pages(job)
        return [job.made(part, lambda p: write_table(p, org, view, job.evidence, year, when,
                                                     cited, number, at))]  # fmt: skip
    if part == "ke-hoach":
        plan = ws.plans.get(year)  # read once for the plan and, of the same day, its report
        if plan is None:
            return f"Chưa có kế hoạch năm {year}."
        return [job.made("kh", lambda p: print_plan(ws, p, year, page_numbers=False, plan=plan)),
                job.made("bc", lambda p: print_report(ws, p, year, issued_on=when, number=number,
                                                      page_numbers=False, plan=plan))]  # fmt: skip
    if part == "hoat-dong":
        if part in job.left_out:
            return job.left_out[part]
        rows = ws.activities.occurrences(dt.date(year, 1, 1), dt.date(year, 12, 31))
        kinds = ws.activities.kind_names()
        details = ws.activities.occurrence_details([r.id for r in rows])
        return [job.made(part, lambda p: write_activities(p, org, details, kinds, year, when,
                                                          number))]  # fmt: skip
    if part == "bien-ban":
        held = minutes_of_year(ws, year)
        if not held:
            return no_minutes(year)
        return [Entry(minutes_title(ws, o), 1,
                      [job.made("bb", partial(print_minutes, ws, occurrence_id=o,
                                              page_numbers=False))])
                for o in held]  # fmt: skip
    if part == "tham-muu-phoi-hop":
        if job.register.empty:
            return NO_REGISTER.format(year=year)
        return [job.made(part, lambda p: write_register(p, org, job.register, year, when,
                                                        number, _evidence_pages(job)))]  # fmt: skip
    if part == "gioi-thieu-dang":
        introduced = ws.events.party_introductions(year, job.today)  # as item 3.2 counts them
        if not introduced:
            return NO_INTRODUCTIONS.format(year=year)
        return [job.made(part, lambda p: write_introductions(p, org, introduced, year, when,
                                                             number))]  # fmt: skip
    if part == "xep-loai":
        if ws.rating.round(year) is None:
            return f"Chưa có đợt đánh giá, xếp loại năm {year}."
        summary = job.made(part, lambda p: print_summary(ws, p, year, issued_on=when,
                                                         number=number,
                                                         page_numbers=False))  # fmt: skip
        issue = decision_issue(ws, year)
        if issue is None:
            return [summary]
        day, decided = issue
        decision = job.made("qd", lambda p: print_decision(ws, p, year, issued_on=day,
                                                           number=decided,
                                                           page_numbers=False))  # fmt: skip
        return [Entry(SUMMARY_ENTRY, 1, [summary]), Entry(DECISION_ENTRY, 1, [decision])]
    return _list(job, part)


def _list(job: _Job, part: str) -> list[PdfReader] | list[Entry] | str:
    """A list part's PDFs, or why it is left out (:func:`~doancoso.core.dossier.lists.empty_lists`,
    which the check reads too)."""
    ws, when, number, day = job.ws, job.issued_on, job.number_of(part), job.counted_on
    now = job.recorded_on  # a list of a day before it is counted as it stood then
    if part in job.left_out:
        return job.left_out[part]
    if part == "doan-vien":
        active = MemberFilter(statuses=ACTIVE_STATUSES)  # not those who left
        return [job.made(part, lambda p: print_roster(ws, p, active, issued_on=when,
                                                      number=number, page_numbers=False,
                                                      as_of=day,
                                                      recorded_on=now))]  # fmt: skip
    if part in YOUTH_LISTS:
        flt = YOUTH_LISTS[part]
        return [job.made(part, lambda p: print_youth(ws, p, flt, issued_on=when, number=number,
                                                     page_numbers=False, as_of=day,
                                                     recorded_on=now))]  # fmt: skip
    if part == "chi-doan":
        branches = branches_on(ws, day)
        return [job.made(part, lambda p: write_branches(p, job.org, branches, when, number,
                                                        as_of=day,
                                                        recorded_on=now))]  # fmt: skip
    if part == "doan-vien-chi-doan":
        with_members = [b for b in branches_on(ws, day) if b.active_count]
        return [Entry(b.name, 1, [job.made(part, partial(print_roster, ws,
                                                          flt=MemberFilter(branch_id=b.id,
                                                                           statuses=ACTIVE_STATUSES),
                                                          issued_on=when, page_numbers=False,
                                                          as_of=day, recorded_on=now))])
                for b in with_members]  # fmt: skip
    if part == "thong-ke":
        # The year's participation by chi đoàn, printed nowhere else in the dossier (the
        # activities' part gives each activity's attendance); not the page's rating table: the
        # dossier's rating part (xep-loai) gives the year's round by chi đoàn and level, and the
        # page's table is of the last round closed, last year's while this year's is open.
        return [job.made(part, lambda p: print_statistics(ws, p, day, issued_on=when,
                                                          number=number, page_numbers=False,
                                                          activity=True, rating=False,
                                                          recorded_on=now))]  # fmt: skip
    raise AppError(f"Phần không có: {part}.")


def _annex(name: str, evidence: Sequence[Evidence], opened: dict[str, PdfReader | Photo],
           temp: Path, per_page: int, progress: _Progress) -> list[Entry]:  # fmt: skip
    """The annex's title page, then each evidence item: a PDF's pages in place; a photo on a
    page of its own, or with the photo after it when two go on a page. A file attached to
    more than one item is printed once, where its first number comes, carrying all its
    numbers; the others point there ("xem Minh chứng 1.1.1")."""
    divider = temp / "annex.pdf"
    register_fonts()
    width, height = A4
    canvas = serif_canvas(str(divider), pagesize=A4)
    canvas.setFont(BOLD, 16)
    canvas.drawCentredString(width / 2, height / 2, ANNEX_TITLE)
    canvas.showPage()
    canvas.save()
    entries = [Entry(name, 0, [read_pdf(divider)], key="minh-chung")]
    first: dict[str, Evidence] = {}  # a file's hash → its first evidence item
    items: dict[str, list[Evidence]] = {}  # the first one's number → every item of its file
    for e in evidence:
        shown = first.setdefault(e.attachment.sha256, e)
        items.setdefault(shown.number, []).append(e)
    numbers = {n: [e.number for e in all_] for n, all_ in items.items()}
    labels = {n: f"Minh chứng {', '.join(all_)}" for n, all_ in numbers.items()}
    feet = {n: _foot(all_) for n, all_ in items.items()}
    captions = {n: _captions(all_) for n, all_ in items.items()}
    printed = [e for e in evidence if e.number in numbers]
    following = dict(zip((e.number for e in printed), [*printed[1:], None], strict=True))
    waiting: tuple[Evidence, Photo, Entry] | None = None  # a photo whose page waits for the next
    for e in evidence:
        item = opened[e.number]
        title, key = e.entry, evidence_key(e.number)
        shown = first[e.attachment.sha256]
        if shown is not e:
            entries.append(Entry(f"{title} (xem {shown.label})", 1, key=key,
                                 starts_with=evidence_key(shown.number)))  # fmt: skip
        elif isinstance(item, PdfReader):
            entries.append(Entry(title, 1, [item], stamp=labels[e.number], key=key,
                                 caption=feet[e.number]))  # fmt: skip
        else:
            after = following[e.number]
            pair_next = (per_page == 2 and waiting is None and after is not None
                         and isinstance(opened[after.number], Photo))  # fmt: skip
            if pair_next:
                waiting = (e, item, Entry(title, 1, key=key))  # its page comes with the next
                entries.append(waiting[2])
            else:
                photos = [(e, item)] if waiting is None else [waiting[:2], (e, item)]
                page = read_pdf(write_photo_page(temp / f"photo-{e.number}.pdf", photos, labels,
                                                 captions))  # fmt: skip
                if waiting is not None:
                    waiting[2].files.append(page)
                    entries.append(Entry(title, 1, key=key, starts_with=waiting[2].key))
                else:
                    entries.append(Entry(title, 1, [page], key=key))
                waiting = None
        progress.step()
    return entries


def _by_caption(items: Sequence[Evidence]) -> dict[str, list[str]]:
    """The captions of a file's items, in order, each with its items' numbers."""
    by_caption: dict[str, list[str]] = {}
    for e in items:
        by_caption.setdefault(e.caption, []).append(e.number)
    return by_caption


def _foot(items: Sequence[Evidence]) -> str:
    """The caption at the foot of a file's first page, naming every item it proves, each
    number with its caption as the contents give it ("Minh chứng 1.1.1: Biên bản rà soát đoàn
    viên; Minh chứng 1.3.1: Biên bản xét rèn luyện"); the numbers of one caption together
    ("Minh chứng 2.1.1, 2.2.1: Kế hoạch công tác năm 2025")."""
    return "; ".join(f"Minh chứng {', '.join(numbers)}: {caption}"
                     for caption, numbers in _by_caption(items).items())  # fmt: skip


def _captions(items: Sequence[Evidence]) -> str:
    """The caption under a photo, whose label above already gives all its numbers: its
    caption when its items share one, else each with its numbers ("1.2.1: Buổi sinh hoạt chi
    đoàn; 1.4.1: Kết nạp đoàn viên mới")."""
    by_caption = _by_caption(items)
    if len(by_caption) == 1:
        return next(iter(by_caption))
    return "; ".join(f"{', '.join(numbers)}: {caption}" for caption, numbers in by_caption.items())
