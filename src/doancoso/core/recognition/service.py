"""The checklist of a year: each item's self-assessment, points, narrative and evidence (files
and the app's own records), its computed indicator, and the readiness with what is missing.

A year's checklist keeps a copy of the template it was opened with: importing or changing a
template never rewrites a past year. An item ticked "đạt" whose indicator misses its threshold
is flagged (``contradiction``), so the secretary sees it.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..context import WorkspaceContext
from ..errors import ConflictError, NotFoundError, ValidationError
from ..evidence.service import Attachment, EvidenceService, files_with_hash, wanted_hash
from ..lang.dates import check_year
from ..lang.text import collation_key, fold, nfc_multiline_or_none
from ..storage.live import is_live
from ..storage.models import Checklist, ChecklistAnswer, CriteriaTemplate, Rating
from ..storage.tracking import transaction_time
from .indicators import Indicator, compute
from .live_records import LiveRecord, live_record
from .rules import NOT_APPLICABLE, NOT_ASSESSED, STATUSES, points_text, unknown_item_message
from .template import Item, Template, default_template, parse_template

if TYPE_CHECKING:
    from ..rating.service import RatingService

ANSWERS_TABLE = "checklist_answers"
"""The owner table of a checklist item's evidence files."""
CHECKLIST_TABLES = (
    "checklists",
    "checklist_answers",
    "criteria_templates",
    "evidence_files",
    "advice_records",
    "coordination_records",
    "organizations",  # when it was set up in the app: which chi đoàn are new (2.3)
    "branches",
    "members",
    "member_events",
    "youths",
    "plans",
    "plan_targets",
    "activities",  # an activity's kind and chi đoàn, kept outside its dates
    "occurrences",
    "attendance",
    "ratings",
    "rating_rounds",
    "settings",
)
"""The tables whose changes may change what the checklist shows (its indicators read them)."""
INDICATOR_TABLES = tuple(
    t
    for t in CHECKLIST_TABLES
    if t not in ("checklists", "checklist_answers", "criteria_templates", "evidence_files")
)
"""The tables the indicators read: computed indicators are kept until one of them changes."""
NOTHING_COUNTED = "không có mục được tính"
"""The readiness of items all "không áp dụng"."""
COVERED_TABLES = ("members", "member_events", "rating_rounds", "settings")
"""The tables that decide whom a year's rating round covers (the rules are a setting)."""


@dataclass(frozen=True)
class AnswerFields:
    """What :meth:`RecognitionService.set` changes of an item: its status, points and note."""

    status: str
    points: float | None
    note: str | None


AnswerChange = tuple[AnswerFields, AnswerFields]
"""An item's answer before and after a change."""


def answer_fields(answer: ChecklistAnswer) -> AnswerFields:
    return AnswerFields(answer.status, answer.points, answer.note)


@dataclass(frozen=True)
class ItemView:
    criterion: str
    item: Item
    status: str
    points: float | None
    note: str | None
    files: tuple[Attachment, ...]
    indicator: Indicator | None
    records: tuple[LiveRecord, ...] = ()

    @property
    def contradiction(self) -> bool:
        """Ticked "đạt" while the app's own indicator says the threshold is missed."""
        return self.status == "dat" and self.indicator is not None and self.indicator.met is False


LOST = "lost"
"""The kind of :class:`Missing` naming an item's file lost from the evidence store: the dossier's
check names it too, with the way back (``core.dossier.lost.lost_files``)."""


def lost_file_text(code: str, name: str) -> str:
    """What the dossier's check says of item ``code``'s file ``name`` lost from the store."""
    from ..dossier.lost import ITEM_PAGE, LOST_FILE

    where = ITEM_PAGE.format(code=code)
    return LOST_FILE.format(record=f"Mục {code}", name=name, them="tệp đó", where=where)


@dataclass(frozen=True)
class Missing:
    code: str
    kind: str  # "not-assessed", "no-evidence", "lost", "indicator", "not-met", "no-points"
    message: str


@dataclass(frozen=True)
class ChecklistView:
    year: int
    template: Template
    items: tuple[ItemView, ...]
    as_of: dt.date
    computed: bool = True
    """Whether the indicators are in (a view read without them has every ``indicator`` None
    until :meth:`with_indicators`)."""
    lost: frozenset[str] = frozenset()
    """The SHA-256 of the items' files lost from the evidence store when the view was read
    (gone, or not the size attached: a ``stat`` each, never their bytes, as the dossier's check
    finds them)."""

    def with_indicators(self, indicators: Mapping[str, Indicator | None]) -> ChecklistView:
        """This view with the indicators of :meth:`RecognitionService.indicators`."""
        items = tuple(replace(v, indicator=indicators.get(v.item.code)) for v in self.items)
        return replace(self, items=items, computed=True)

    def criterion_items(self, code: str) -> list[ItemView]:
        return [v for v in self.items if v.criterion == code]

    def readiness(self, criterion: str | None = None) -> tuple[int, int]:
        """(items met, items counted): items "không áp dụng" are not counted."""
        views = [v for v in self.items if criterion is None or v.criterion == criterion]
        counted = [v for v in views if v.status != NOT_APPLICABLE]
        return sum(1 for v in counted if v.status == "dat"), len(counted)

    def met_text(self, criterion: str | None = None) -> str:
        """ "4/7 đạt" (items met of those counted); "không có mục được tính" when every item
        is "không áp dụng", never "0/0 đạt" (:meth:`missing` says why that fails)."""
        met, total = self.readiness(criterion)
        return f"{met}/{total} đạt" if total else NOTHING_COUNTED

    def points(self, criterion: str | None = None) -> tuple[float, float] | None:
        """(points given, points possible) when the template has points: items "không áp
        dụng" are not scored, their points out of both (as :meth:`readiness` leaves them out
        of the items counted)."""
        if not self.template.has_points:
            return None
        scored = [
            v
            for v in self.items
            if (criterion is None or v.criterion == criterion) and v.status != NOT_APPLICABLE
        ]
        possible = sum(v.item.points or 0 for v in scored)
        given = sum(v.points or 0 for v in scored)
        return given, possible

    def scored(self, criterion: str | None = None) -> tuple[float, float] | None:
        """:meth:`points` when some are at stake; None when the template has no points or none
        for these items (a criterion it does not score, or whose scored items are all "không
        áp dụng"): the page and the dossier then print no points, never "0/0 điểm"."""
        points = self.points(criterion)
        return points if points is not None and any(points) else None

    def missing(self) -> list[Missing]:
        """What the dossier would lack, item by item ("Còn thiếu"). A criterion none of whose
        items counts (all "không áp dụng") is missing too, at its first item: every criterion
        must be met (DOMAIN.md, section 2)."""
        found = []
        criteria = self.template.criteria
        empty = {c.code for c in criteria if c.items and not self.readiness(c.code)[1]}
        for v in self.items:
            code = v.item.code
            if v.criterion in empty:
                empty.discard(v.criterion)
                found.append(Missing(code, "not-met", f"Tiêu chí {v.criterion} không có mục nào "
                                     "được tính: mọi mục đều “Không áp dụng”, mà mọi tiêu chí "
                                     "đều phải đạt."))  # fmt: skip
            if v.status == NOT_APPLICABLE:
                continue
            if v.status == NOT_ASSESSED:
                found.append(Missing(code, "not-assessed", f"Mục {code} chưa tự đánh giá."))
            elif v.status == "chua-dat":
                found.append(Missing(code, "not-met", f"Mục {code} tự đánh giá “Chưa đạt”."))
            if v.status != NOT_ASSESSED and v.item.points is not None and v.points is None:
                found.append(Missing(code, "no-points", f"Mục {code} chưa tự chấm điểm (tối "
                                     f"đa {points_text(v.item.points)} điểm)."))  # fmt: skip
            if not v.files and v.item.indicator is None:
                found.append(Missing(code, "no-evidence", f"Mục {code} chưa có tệp minh chứng."))
            found += [Missing(code, LOST, lost_file_text(code, f.original_name))
                      for f in v.files if f.sha256 in self.lost]  # fmt: skip
            if v.indicator is not None and v.indicator.met is False:
                found.append(
                    Missing(
                        code,
                        "indicator",
                        f"Mục {code}: chỉ số “{v.indicator.label}” chưa đạt — {v.indicator.text}",
                    )
                )
        return found


class RecognitionService:
    """The checklists and criteria templates of the workspace's organisation."""

    def __init__(self, ctx: WorkspaceContext, evidence: EvidenceService) -> None:
        self._ctx = ctx
        self._evidence = evidence
        # (year, day, template's text) -> (generation of INDICATOR_TABLES, indicators by code)
        self._computed: dict[tuple[int, dt.date, str], tuple[int, dict[str, Indicator | None]]]
        self._computed = {}
        self._computed_lock = threading.Lock()
        # ((year, day), generation of COVERED_TABLES, the members the year's round covers)
        self._covered: tuple[tuple[int, dt.date], int, frozenset[str]] | None = None

    # Templates -----------------------------------------------------------------------------

    def templates(self) -> list[Template]:
        """The default template, then those imported in Vietnamese order of their names (the
        fold, which matches names, would put đ with d)."""
        stmt = select(CriteriaTemplate.content).where(
            is_live(CriteriaTemplate, self._ctx.organization_id)
        )
        with self._ctx.db.read() as session:
            imported = [parse_template(text) for text in session.scalars(stmt)]
        return [default_template(), *sorted(imported, key=lambda t: collation_key(t.name))]

    def template(self, name: str) -> Template:
        for template in self.templates():
            if fold(template.name) == fold(name):
                return template
        raise NotFoundError(f"Không có bộ tiêu chí “{name}”.")

    def add_template(self, template: Template) -> None:
        """Keep an imported template (replacing one of the same name, never the default)."""
        if fold(template.name) == fold(default_template().name):
            raise ConflictError(
                "Bộ tiêu chí mặc định đã có sẵn: hãy đặt tên khác cho bộ tiêu chí nhập vào."
            )
        org = self._ctx.organization_id
        with self._ctx.db.transaction() as session:
            for row in session.scalars(
                select(CriteriaTemplate).where(is_live(CriteriaTemplate, org))
            ):
                if fold(row.name) == fold(template.name):
                    row.deleted_at = transaction_time(session)
            session.add(
                CriteriaTemplate(
                    organization_id=org,
                    name=template.name,
                    source=template.source,
                    province=template.province,
                    content=template.text,
                )
            )

    # The checklist of a year ---------------------------------------------------------------

    def opened(self, year: int) -> Template | None:
        """The template of the year's checklist, or None when the year is not opened yet
        (nothing is created: the page offers a choice of template first)."""
        with self._ctx.db.read() as session:
            existing = self._find(session, year)
            return None if existing is None else parse_template(existing.template)

    def years(self) -> list[int]:
        """The years whose checklist is opened, oldest first."""
        stmt = select(Checklist.year).where(is_live(Checklist, self._ctx.organization_id))
        with self._ctx.db.read() as session:
            return sorted(set(session.scalars(stmt)))

    def open(self, year: int, template_name: str | None = None) -> Template:
        """The year's checklist, made with ``template_name`` (default: the default template)
        if it does not exist yet; an existing one keeps its template."""
        check_year(year)
        with self._ctx.db.read() as session:
            existing = self._find(session, year)
            if existing is not None:
                return parse_template(existing.template)
        template = self.template(template_name) if template_name else default_template()
        with self._ctx.db.transaction() as session:
            if self._find(session, year) is None:
                session.add(
                    Checklist(
                        organization_id=self._ctx.organization_id,
                        year=year,
                        template_name=template.name,
                        template=template.text,
                    )
                )
        return template

    def view(
        self, year: int, as_of: dt.date | None = None, *, with_indicators: bool = True
    ) -> ChecklistView:
        """Every item with its answer, files, the app's records it cites (read now) and its
        indicator, computed from the records at
        ``as_of`` (default today). ``with_indicators=False`` leaves the indicators out (a quick
        read; :meth:`indicators` computes them, :meth:`ChecklistView.with_indicators` adds
        them). A year not opened yet shows the default template, unanswered; nothing is
        written."""
        as_of = as_of or dt.date.today()
        with self._ctx.db.read() as session:
            checklist = self._find(session, year)
            template = parse_template(checklist.template) if checklist else default_template()
        cited = {key for item in template.items for key in item.records}
        # The members whose levels the round's results count: the rating record says as many.
        covered = self._covered_members(year, as_of) if "rating" in cited else frozenset()
        with self._ctx.db.read() as session:
            checklist = self._find(session, year)
            answers = {
                a.code: a
                for a in session.scalars(
                    select(ChecklistAnswer).where(
                        is_live(ChecklistAnswer),
                        ChecklistAnswer.checklist_id == (checklist.id if checklist else ""),
                    )
                )
            }
            # The app's own records the items cite, each read once (a few small counts).
            records = {
                key: live_record(self._ctx, session, key, year, covered) for key in sorted(cited)
            }
        files = self._evidence.attachments_of(ANSWERS_TABLE, [a.id for a in answers.values()])
        views = []
        for criterion in template.criteria:
            for item in criterion.items:
                a = answers.get(item.code)
                views.append(
                    ItemView(
                        criterion.code,
                        item,
                        a.status if a else NOT_ASSESSED,
                        a.points if a else None,
                        a.note if a else None,
                        tuple(files.get(a.id, ())) if a else (),
                        None,
                        tuple(records[key] for key in item.records),
                    )
                )
        from ..dossier.lost import intact  # lazily: the dossier imports this module

        lost = frozenset(f.sha256 for v in views for f in v.files if not intact(f))
        view = ChecklistView(year, template, tuple(views), as_of, computed=False, lost=lost)
        return view.with_indicators(self.indicators(year, as_of)) if with_indicators else view

    def indicators(self, year: int, as_of: dt.date | None = None) -> dict[str, Indicator | None]:
        """Each item's computed indicator (None for an item without one), by code. Kept until
        a table the indicators read changes (a tick, a narrative or a file does not). Nothing
        is written (a year not opened yet: the default template's)."""
        with self._ctx.db.read() as session:
            checklist = self._find(session, year)
            template = parse_template(checklist.template) if checklist else default_template()
        as_of = as_of or dt.date.today()
        key = (year, as_of, template.text)
        log = self._ctx.db.changes
        generation = log.last_touch(*INDICATOR_TABLES)
        # Inside a snapshot that commits have passed since, the cache (kept at another moment)
        # is neither used nor filled.
        pinned = self._ctx.db.pinned_generation()
        keep = pinned is None or pinned == log.generation
        with self._computed_lock:
            kept = self._computed.get(key) if keep else None
        if kept is not None and kept[0] == generation:
            return kept[1]
        computed: dict[str, Indicator | None] = {}
        same: dict[tuple[str | None, str | None, float | None], Indicator | None] = {}
        remarks = self._remarks(year, as_of)
        with self._ctx.db.read() as session:
            for item in template.items:
                alike = (item.indicator, item.kind, item.threshold)
                if alike not in same:
                    same[alike] = compute(self._ctx, session, item, year, as_of, remarks)
                computed[item.code] = same[alike]
        if keep:
            with self._computed_lock:
                self._computed = {key: (generation, computed)}
        return computed

    def set(self, year: int, code: str, raw: Mapping[str, str]) -> AnswerChange:
        """Change an item's ``status`` (a code or its name), ``points`` and ``note``; returns
        its answer before and after (for :meth:`put_back`, the undo). A year not opened yet is
        opened with the default template, once the change is found good: a refused one opens
        nothing."""
        check_year(year)
        item = self._item(self.opened(year) or default_template(), code, year)
        errors: dict[str, str] = {}
        values: dict[str, object] = {}
        if "status" in raw:
            key = fold(raw["status"]).strip()
            status = next((c for c, n in STATUSES.items() if key in (c, fold(n))), None)
            if status is None:
                errors["status"] = "Đánh giá phải là: " + ", ".join(STATUSES.values()) + "."
            values["status"] = status
        if "points" in raw:
            text = str(raw["points"] or "").strip().replace(",", ".")
            try:
                points = float(text) if text else None
            except ValueError:
                points, errors["points"] = None, "Điểm phải là một số."
            if points is not None and item.points is None:
                errors["points"] = "Bộ tiêu chí không chấm điểm mục này."
            elif points is not None and item.points is not None and not 0 <= points <= item.points:
                errors["points"] = f"Điểm phải từ 0 đến {points_text(item.points)}."
            values["points"] = points
        if "note" in raw:
            values["note"] = nfc_multiline_or_none(raw["note"])
        if errors:
            raise ValidationError(errors)
        self._item(self.open(year), code, year)  # opened now, with its template as it is
        with self._ctx.db.transaction() as session:
            answer = self._answer(session, year, code)
            before = answer_fields(answer)
            for name, value in values.items():
                if getattr(answer, name) != value:
                    setattr(answer, name, value)
            return before, answer_fields(answer)

    def put_back(self, year: int, code: str, fields: AnswerFields, expected: AnswerFields) -> None:
        """Write ``fields`` (from :meth:`set`) over an item's answer, provided it is still
        ``expected``: the undo of a change (``fields`` before it, ``expected`` after it) and its
        redo (the other way round). An answer changed since (another tick, a note typed on the
        command line) is refused (:class:`ConflictError`) and nothing is written."""
        with self._ctx.db.transaction() as session:
            answer = self._answer(session, year, code)
            if answer_fields(answer) != expected:
                raise ConflictError(
                    f"Mục {code} năm {year} đã được sửa lại sau đó: giữ nguyên như hiện tại để "
                    "không ghi đè thay đổi mới hơn."
                )
            answer.status, answer.points, answer.note = fields.status, fields.points, fields.note

    def attach(
        self,
        year: int,
        code: str,
        source: Path,
        caption: str | None = None,
        taken_on: dt.date | None = None,
    ) -> str:
        """Attach a file to an item (stored once by its hash); returns the attachment's id. An
        item the year's template (or the default one, for a year not opened yet) does not have,
        or a file the evidence store refuses (unreadable, too large, of another type), is
        refused before the year is opened."""
        check_year(year)
        self._item(self.opened(year) or default_template(), code, year)
        self._evidence.check_file(source)
        self._item(self.open(year), code, year)
        with self._ctx.db.transaction() as session:
            answer_id = self._answer(session, year, code).id
        return self._evidence.attach(
            ANSWERS_TABLE, answer_id, source, caption, taken_on, place=f"mục {code}"
        )

    def detach(self, year: int, code: str, sha256: str) -> int:
        """Detach the files with ``sha256`` from an item; returns how many (the stored file
        stays until the data check finds nobody names it). ``sha256`` may be its first
        characters (:func:`~..evidence.service.wanted_hash`), as ``checklist show`` prints
        them, if no other file of the item starts with them."""
        check_year(year)  # "25": not "the checklist of 25 is not opened"
        wanted_hash(sha256, "checklist")  # a bad name refused before anything is read
        template = self.opened(year)
        if template is None:
            raise NotFoundError(f"Chưa mở bảng tự đánh giá năm {year}.")
        self._item(template, code, year)
        # Read, not made: a refused detach leaves no empty answer behind to travel.
        with self._ctx.db.read() as session:
            checklist = self._find(session, year)
            answer_id = session.scalar(
                select(ChecklistAnswer.id).where(
                    is_live(ChecklistAnswer),
                    ChecklistAnswer.checklist_id == (checklist.id if checklist else ""),
                    ChecklistAnswer.code == code,
                )
            )
        files = self._evidence.attachments(ANSWERS_TABLE, answer_id) if answer_id else []
        ids = [f.id for f in files_with_hash(files, sha256, f"mục {code}", "checklist")]
        return self._evidence.detach(ids)

    # Helpers -------------------------------------------------------------------------------

    def _remarks(self, year: int, as_of: dt.date) -> tuple[int, int] | None:
        """(members with this year's remark, members the year's rating round covers), or None
        without a round. Over every member the round covers, decided or not: mid-round the
        share is low until the remarks are written, not high over the few decided."""
        info = self._rating().round(year)
        if info is None:
            return None
        covered = self._covered_members(year, as_of)
        with self._ctx.db.read() as session:
            written = session.scalars(
                select(Rating.member_id).where(
                    is_live(Rating), Rating.round_id == info.id, Rating.remark.is_not(None),
                    Rating.remark != "",
                )
            )  # fmt: skip
            return sum(1 for member_id in written if member_id in covered), len(covered)

    def _covered_members(self, year: int, as_of: dt.date) -> frozenset[str]:
        """``RatingService.covered``, kept until a table it reads changes: the quick view reads
        it at every tick, which must not replay every member's history each time."""
        key = (year, min(as_of, dt.date(year, 12, 31)))
        log = self._ctx.db.changes
        generation = log.last_touch(*COVERED_TABLES)
        pinned = self._ctx.db.pinned_generation()
        keep = pinned is None or pinned == log.generation
        with self._computed_lock:
            kept = self._covered if keep else None
        if kept is not None and kept[:2] == (key, generation):
            return kept[2]
        covered = frozenset(self._rating().covered(year, as_of))
        if keep:
            with self._computed_lock:
                self._covered = (key, generation, covered)
        return covered

    def _rating(self) -> RatingService:
        from ..activities.participation import ParticipationService
        from ..rating.service import RatingService

        return RatingService(self._ctx, ParticipationService(self._ctx))

    @staticmethod
    def _item(template: Template, code: str, year: int) -> Item:
        for item in template.items:
            if item.code == code:
                return item
        codes = [item.code for item in template.items]
        raise NotFoundError(unknown_item_message(template.name, codes, code, year))

    def _find(self, session: Session, year: int) -> Checklist | None:
        return session.scalar(
            select(Checklist).where(
                is_live(Checklist, self._ctx.organization_id), Checklist.year == year
            )
        )

    def _answer(self, session: Session, year: int, code: str) -> ChecklistAnswer:
        checklist = self._find(session, year)
        if checklist is None:
            raise NotFoundError(f"Chưa mở bảng tự đánh giá năm {year}.")
        answer = session.scalar(
            select(ChecklistAnswer).where(
                is_live(ChecklistAnswer),
                ChecklistAnswer.checklist_id == checklist.id,
                ChecklistAnswer.code == code,
            )
        )
        if answer is None:
            answer = ChecklistAnswer(
                organization_id=checklist.organization_id,
                checklist_id=checklist.id,
                code=code,
                status=NOT_ASSESSED,
            )
            session.add(answer)
            session.flush()
        return answer
