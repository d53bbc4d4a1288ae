"""Merging a bundle's rows into this data (issue #17, "Import"): the plan (a dry run) and apply.

Rows are matched by id and compared by version (``revision``, ``updated_at``, ``origin``), with
what each installation has seen of the other's versions (:mod:`.exchange`):

- a row only the bundle has is new (a tombstone too, so that deletions travel);
- the same version on both sides: unchanged;
- changed only in the bundle: taken (a tombstone deletes); changed only here: kept;
- changed on both sides since the last exchange: the same content (or both deleted) is no
  conflict; otherwise a :class:`Conflict`, field by field (a deletion against a change is one
  too, never a silent loss), each field marked with the side that changed it where the row's
  base is known (:mod:`.threeway`): a field changed on one side only takes that side, and
  ``on_conflict`` decides the others: ``"mine"``, ``"theirs"``, or per row
  ``{(table, id): "mine" | "theirs" | {field: "mine" | "theirs"}}``; a row whose every field
  was changed on one side only needs no choice. A resolution that is not all theirs becomes a
  new version of this installation, so that it wins at the next exchange.
- a new row holding what the organisation holds once (the plan of a year, a setting) that a
  row made apart here holds too: joined when nothing is lost (:mod:`.joins`), otherwise a
  conflict of the two records, one kept whole (:mod:`.one_per_year`).

:func:`plan` writes nothing. :func:`apply` walks the rows once inside one transaction: each chunk
checked (see :mod:`.validate`), classified and written (the change log names what changed, as
every write does); then, unless a conflict is left without a choice, a checked backup of the
data as committed (as they were before; none when the import changes nothing but the exchange
state), the evidence files into the store, the exchange recorded, and the commit. A data
folder with no organisation takes a handover bundle as its organisation. Another
organisation's bundle is refused unless ``merge_organization`` (:mod:`.orgmerge`).

A table that held no row before the walk (every table of a handover into a new folder) takes
the bundle's rows as they are, all new: each chunk is screened, counted and written whole; with
1,000 rows or more its indexes are made once it is full (``storage/bulk.py``); the versions
agreed are then its rows' own, recorded from it in one statement (``exchange.record_table``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ..lifecycle.admission import fill_admission_decisions
from .evidence_step import remove, store_evidence
from .outcome import BranchMapping, Conflict, FieldDiff, ImportPlan, Match, unresolved_message
from .rows import RowSource
from .sync_errors import SyncError, UnresolvedConflicts
from .validate import NOTHING_WRITTEN
from .walk import OnConflict, Report, RowChoice, Walk

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = [
    "BranchMapping", "Conflict", "FieldDiff", "ImportPlan", "Match", "OnConflict", "Report",
    "RowChoice", "apply", "plan",
]  # fmt: skip


# The two entry points -------------------------------------------------------------------------


def plan(
    ws: Workspace,
    source: RowSource,
    *,
    merge_organization: bool = False,
    replace_setup: bool = False,
    on_conflict: OnConflict = None,
    branch_map: Mapping[str, str | None] | None = None,
    branch_names: Mapping[str, str] | None = None,
    unmatch: Iterable[str] = (),
    report: Report | None = None,
) -> ImportPlan:
    """What importing ``source`` would change (a dry run: nothing is written). Raises the
    errors :func:`apply` would (another organisation, invalid rows), except for conflicts,
    which the plan lists (``unresolved``: those ``on_conflict`` leaves without a choice)."""
    merge = Walk(
        ws, source, on_conflict=on_conflict, merge_organization=merge_organization,
        replace_setup=replace_setup, branch_map=branch_map, branch_names=branch_names,
        unmatch=unmatch, report=report, write=False,
    )  # fmt: skip
    with ws.db.read() as session:
        return merge.run(session)


def apply(
    ws: Workspace,
    source: RowSource,
    *,
    on_conflict: OnConflict = None,
    merge_organization: bool = False,
    replace_setup: bool = False,
    branch_map: Mapping[str, str | None] | None = None,
    branch_names: Mapping[str, str] | None = None,
    unmatch: Iterable[str] = (),
    report: Report | None = None,
    unresolved_as_plan: bool = False,
) -> ImportPlan:
    """Import ``source`` into ``ws``: all or nothing (see the module). ``branch_map`` (sáp
    nhập): the other organisation's chi đoàn id → one of ours to join it with, or None to keep
    it (``branch_names``: a new name for a kept one); ``unmatch``: their member ids not to take
    as the same person as one of ours.

    One pass over the rows, inside the transaction: each chunk checked, classified and written;
    then, once every row passed, the backup (of the data as committed, so as they were before
    the import), the evidence files into the store, and the commit. A refusal, an unresolved
    conflict or a cancel (``report`` raising) rolls everything back, and removes the backup
    and the evidence files this import added. ``report(done, total)`` covers all of it and is
    called for the last time before the commit. ``unresolved_as_plan``: conflicts left without
    a choice return the plan (not applied) instead of raising."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    from ..storage.bulk import large_page_cache
    from ..storage.tracking import KEEP_REVISIONS, WHOLESALE
    from .progress import Stages

    ws.db.require_writable()
    bar = Stages(report)
    rows_share, backup_share = shares(ws, source)
    merge = Walk(
        ws, source, on_conflict=on_conflict, merge_organization=merge_organization,
        replace_setup=replace_setup, branch_map=branch_map, branch_names=branch_names,
        unmatch=unmatch, report=bar.part(rows_share), write=True,
    )  # fmt: skip
    backup_step, evidence_step = bar.part(backup_share), bar.part(EVIDENCE_SHARE)
    written: list[Path] = []
    repaired: list[str] = []
    try:
        with ws.db.transaction() as session:
            session.info[KEEP_REVISIONS] = True
            session.info[WHOLESALE] = True  # the GUI's undo history no longer holds after it
            session.execute(text("PRAGMA defer_foreign_keys = ON"))
            with large_page_cache(session):
                result = merge.run(session)
                if result.unresolved:
                    raise _Unresolved(result)
                # Rows of an older version's bundle brought to today's derivations, as
                # the migrations bring a database (no new revision: see the function).
                fill_admission_decisions(session, merge.my_org or merge.their_org)
                backup_step(0, 1)
                # The bar moves through the copy and its check (seconds on a large database),
                # and "Hủy" stops them. Only before a change of the secretary's data: a bundle
                # that changes nothing records the exchange alone, whose loss a restore would
                # make harmless (the next import of it agrees the same), and a backup of
                # megabytes each time buried the ones worth keeping.
                taken = None
                if result.changes_anything():
                    taken = ws.backups.take("truoc-nhap-goi", report=backup_step)
                    written.append(taken.path)
                backup_step(1, 1)
                evidence_new = store_evidence(
                    ws, source, evidence_step, written, merge.needed, repaired
                )
                bar.finish()
    except _Unresolved as held:
        remove(written)
        if unresolved_as_plan:
            return held.plan
        raise UnresolvedConflicts(unresolved_message(held.plan.unresolved)) from None
    except IntegrityError as exc:  # a rule of the tables the checks did not foresee
        remove(written)
        raise SyncError(
            "Dữ liệu trong tệp trái với dữ liệu trên máy này (hai bản ghi giữ cùng một giá trị "
            f"chỉ được có một lần, hoặc trỏ tới bản ghi không có). {NOTHING_WRITTEN}",
            repr(exc),
        ) from exc
    except BaseException:
        remove(written)
        raise
    result.applied = True
    result.backup = taken
    result.evidence_new = evidence_new
    result.evidence_repaired = len(repaired)
    if result.handover:
        ws._ctx.reload_organization()  # noqa: SLF001 - the workspace's context, now set up
    return result


EVIDENCE_SHARE = 100
"""The evidence step's share of the import's bar of 1,000 (the evidence, already written and
flushed while the bundle was verified, takes a few hundredths of a second; on a slow disk it
waits for the last flushes, file by file). The rows and the backup share the rest."""
PAGE_COST = 2.7
"""The backup's time per page of the database (copied, then checked), in the time the walk
takes per row of the bundle: measured, an import of its own handover into the 2,000-member demo
(5,050 pages, 39,987 rows: the backup 0.32 s, the rows 0.89 s) and into the 100,000-member one
(39,978 pages, 212,813 rows: 4.8 s and 10.5 s)."""


def shares(ws: Workspace, source: RowSource) -> tuple[int, int]:
    """The rows' and the backup's shares of the import's bar, in proportion to the time each
    takes: the rows by the bundle's rows, the backup by this database's pages of data (those
    beyond each table's and index's first: a fresh folder's are none, a full one's backup
    takes a third of the import)."""
    rows = sum(int(n) for n in (source.manifest.get("counts") or {}).values())
    pages = 0
    with ws.db.read() as session:
        connection = session.connection()
        if connection.dialect.name == "sqlite":
            total = connection.exec_driver_sql("PRAGMA page_count").scalar_one()
            trees = connection.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE rootpage > 0"
            ).scalar_one()
            pages = max(0, int(total) - int(trees) - 1)  # the first page: the schema's
    weight = rows + PAGE_COST * pages
    rest = 1000 - EVIDENCE_SHARE
    backup = round(rest * PAGE_COST * pages / weight) if weight > 0 else 0
    backup = min(max(backup, 10), rest - 10)  # each phase moves the bar a little
    return rest - backup, backup


class _Unresolved(Exception):  # noqa: N818 - a way out of the transaction, not an error
    def __init__(self, plan: ImportPlan) -> None:
        super().__init__("unresolved conflicts")
        self.plan = plan
