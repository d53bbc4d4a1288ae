"""The walk over a bundle's rows that :func:`.merge.plan` and :func:`.merge.apply` make (issue
#17): each chunk of each table checked, screened, matched by id with the rows here, classified
(new, unchanged, taken, kept, a conflict) and, when writing, written; the rules are those of
:mod:`.merge`."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import islice
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from ..storage.lengths import DERIVED as DERIVED_COLUMNS
from . import one_per_year
from .cascade import Cascade
from .closed_rounds import ClosedRounds
from .coupled import columns as coupled_columns
from .coupled import field_diffs
from .derived import Rederive
from .evidence_step import EvidenceNeeds
from .exchange import Version, _iso
from .kinds import KindJoin
from .labels import row_label, table_label
from .occupied import OccupiedBranches
from .one_per_year import KEYED
from .outcome import Conflict, ImportPlan
from .references import References
from .rows import RowSource, columns_of, travelling_tables
from .sync_errors import SyncError
from .threeway import Choice, base_of, base_version, keep_resolved, rederive, who_changed
from .threeway import choices as threeway_choices
from .uncross import Crossing
from .unique import UNIQUE_KEYS, NewKeys, note_moved
from .unique import check as check_unique
from .validate import NOTHING_WRITTEN, check_rows, check_table, refuse

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..workspace import Workspace
    from .dbwrite import TableWriter
    from .firststart import SetupOnly
    from .orgmerge import OrgMapper

RowChoice = Choice | Mapping[str, Choice]
OnConflict = Choice | Mapping[tuple[str, str], RowChoice] | None
Report = Callable[[int, int], None]

STAMPS = ("id", "updated_at", "revision", "origin")
"""Columns that say which version a row is, not what it holds."""
DERIVED: dict[str, tuple[str, ...]] = {
    table: tuple(sorted(name for t, name in DERIVED_COLUMNS if t == table))
    for table in sorted({t for t, _name in DERIVED_COLUMNS})
}
"""Columns computed from others (search and sort keys), by table: those storage names
(``storage.lengths.DERIVED``, which no one types and whose length it does not check). Computed
again for every incoming row (derived.py), never shown in a conflict, they follow the choice
made for their source and are computed again after a mix (``threeway.rederive``)."""
_CHUNK = 1000


def _where_ids(session: Session, query: str, ids: list[str]) -> list[tuple[Any, ...]]:
    """The rows of ``query`` (a SELECT without WHERE) whose id is one of ``ids`` (at most
    :data:`_CHUNK`): plain placeholders, since building 1,000 bound literals through the SQL
    expression language costs more than the query."""
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    result = session.connection().exec_driver_sql(f"{query} WHERE id IN ({marks})", tuple(ids))
    return [tuple(r) for r in result]


def _chunks(rows: Iterable[dict[str, Any]], size: int = _CHUNK) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


_ID = itemgetter("id")
_OWNER = itemgetter("organization_id")
_DELETED_AT = itemgetter("deleted_at")
_VERSION = itemgetter("revision", "updated_at", "origin")
"""A checked row's version (see :func:`_version`: its values are already of their types)."""


def _version(row: Mapping[str, Any]) -> Version:
    return int(row["revision"]), str(row["updated_at"]), str(row["origin"])


class Walk:
    """One walk over a bundle's rows: checks them, classifies them and (``write``) writes."""

    def __init__(
        self,
        ws: Workspace,
        source: RowSource,
        *,
        on_conflict: OnConflict,
        merge_organization: bool,
        replace_setup: bool = False,
        branch_map: Mapping[str, str | None] | None,
        branch_names: Mapping[str, str] | None,
        unmatch: Iterable[str],
        report: Report | None,
        write: bool,
    ) -> None:
        from ..context import OWN_ORGANIZATION_KEY
        from .exchange import Bases

        self.ws = ws
        self.source = source
        self.on_conflict = on_conflict
        self.report = report
        self.write = write
        self.me = ws.db.installation_id
        manifest = source.manifest
        org = manifest.get("organization")
        if not isinstance(org, dict) or not org.get("id") or not org.get("name"):
            raise SyncError(f"Tệp không cho biết dữ liệu của Đoàn cơ sở nào. {NOTHING_WRITTEN}")
        self.their_org = str(org["id"])
        from ..lang.text import nfc

        self.their_name = nfc(str(org["name"]))  # as every text here: a refusal names it
        self.my_org = ws.db.get_meta(OWN_ORGANIZATION_KEY)
        self.plan = ImportPlan(organization={"id": self.their_org, "name": self.their_name})
        self.bases = Bases(manifest, self.me)
        self.seen: dict[str, str] = {}
        self.revived: set[str] = set()
        """Rows deleted here that the file brings back live, of tables holding a key once."""
        self.resolved: list[tuple[str, dict[str, Any]]] = []
        """The conflicts resolved into a new version of this installation (keep_resolved)."""
        self.agreed: list[tuple[str, Version]] = []
        """The versions of the current chunk's rows now shared with the bundle's installation."""
        self.whole = False
        """The table being walked is recorded whole in the exchange state (see run)."""
        self.files = set(source.evidence_hashes())
        self.needs = EvidenceNeeds()
        self.needed: set[str] = set()
        """The bundle's evidence files some row names once the rows are written."""
        self.mapper: OrgMapper | None = None
        self.dropped_parents: dict[str, tuple[str, set[str]]] = {}
        """Table → (its column naming a record, the file's records a choice did not keep)."""
        self.dropped_owners: dict[str, set[str]] = {}
        """Table → the file's rows deleted with such a record that evidence may be attached to."""
        self.rederive = Rederive()
        self.new_keys = NewKeys(source)
        self.crossing = Crossing(self)
        self.kinds = KindJoin(self)
        self.occupied = OccupiedBranches(self)
        self.cascade = Cascade(self)
        self.closed = ClosedRounds()
        self.writers: dict[str, TableWriter] = {}
        self.replacing: SetupOnly | None = None
        if self.my_org is not None and self.my_org != self.their_org and replace_setup:
            self._replace_setup(manifest, merge_organization)
        if self.my_org is None:
            if manifest.get("kind") != "handover":
                raise SyncError(
                    "Dữ liệu này chưa có thông tin Đoàn cơ sở nên chỉ nhận được một gói bàn "
                    f"giao (tệp này là gói báo cáo). {NOTHING_WRITTEN}"
                )
            self.plan.handover = True
        elif self.my_org != self.their_org:
            if not merge_organization:
                from .firststart import foreign_bundle

                raise foreign_bundle(ws, source, self.their_org, self.their_name, self.my_org)
            if manifest.get("kind") != "handover":
                raise SyncError(
                    "Chỉ sáp nhập được từ một gói bàn giao (tệp này là gói báo cáo). "
                    f"{NOTHING_WRITTEN}"
                )
            from .orgmerge import OrgMapper

            self.mapper = OrgMapper(
                ws, self.my_org, self.their_org, self.their_name, self.plan,
                branch_map or {}, branch_names or {}, set(unmatch),
            )  # fmt: skip
            self.plan.merged_organization = True

    def _replace_setup(self, manifest: Mapping[str, Any], merge_organization: bool) -> None:
        """A handover taken in place of a copy that holds nothing but its first-start setup
        (firststart.py): then as into a data folder with no organisation."""
        from .firststart import setup_of

        setup = setup_of(self.ws)
        if setup is None or manifest.get("kind") != "handover" or merge_organization:
            return
        self.replacing = setup
        self.my_org = None
        self.plan.replaced_setup = setup.name

    # The walk ----------------------------------------------------------------------------------

    def run(self, session: Session) -> ImportPlan:
        from ..evidence.store import EvidenceStore

        self.session = session
        self.references = References()

        if self.write and self.replacing is not None:
            from .firststart import replace_setup

            replace_setup(session.connection(), self.replacing)
        self.store = EvidenceStore(self.ws.data_dir)
        present = self.source.tables()
        for table in present:
            check_table(table)
        counts = self.source.manifest.get("counts")
        total = (
            sum(v for v in counts.values() if isinstance(v, int)) if isinstance(counts, dict) else 0
        )
        self.done = 0
        self.total = total
        self.filled = self._filled(session)
        if self.mapper is not None:
            self.mapper.prepare(session, self.source)
        self.kinds.prepare(session)
        if self.mapper is None and self.my_org is not None:  # a sáp nhập: orgmerge.py
            self.closed.prepare(session, self.my_org)
        for table in travelling_tables():
            if table in present:
                self.fresh: list[dict[str, Any]] = []
                self.held: list[dict[str, Any]] = []
                self.bundle_keys: dict[str, tuple[Any, ...] | None] = {}
                self.moved: list[tuple[dict[str, Any], frozenset[str]]] = []
                self.was: dict[str, Mapping[str, Any]] = {}
                self.taken_keys: dict[str, tuple[Any, ...] | None] = {}
                self.crowded = table in UNIQUE_KEYS and self._has_rows(session, table)
                # A table empty here ends up holding the bundle's rows as they came, each new
                # (every chunk taken whole by _chunk): the versions agreed are then its rows'.
                self.whole = (
                    self.write and bool(self.bases.peer) and self.mapper is None
                    and table not in self.filled and not self._rewrites(table)
                )  # fmt: skip
                with self._indexes(session, table, counts):
                    for chunk in _chunks(self.source.rows(table)):
                        self._chunk(session, table, chunk)
                    if table in KEYED:
                        self.crossing.uncross(session, table)
                    check_unique(self, session, table)
                    if self.write and self.held:  # after every update: a tombstone frees its key
                        moved = {r["id"] for r, _ in self.moved}
                        back = [r for r in self.held if r["id"] in self.revived | moved]
                        new = [r for r in self.held if r["id"] not in self.revived | moved]
                        # Parked first (deleted, out of the unique indexes): a swap of keys.
                        parked = [{**r, "deleted_at": r["updated_at"]} for r, _ in self.moved]
                        self._write(session, table, [], parked)
                        self._write(session, table, new, back)
                if self.whole:
                    from .exchange import record_table

                    record_table(session, self.bases.peer, table)
        self.references.name(session, self.source)
        self.crossing.finish(session)
        self.occupied.settle(session)
        self.closed.say(self.plan)
        if self.dropped_owners:
            one_per_year.drop_evidence(self, session)
        if self.write:
            self._finish(session)
        elif self.mapper is not None:
            self.mapper.finish(session, write=False)
        hashes = self.source.evidence_hashes()
        self.needed = self.needs.files(session, hashes)
        EvidenceNeeds.count(self.plan, self.store, hashes, self.needed)
        if not self.write:  # the import counts those it replaces (merge.py)
            resized = EvidenceNeeds.resized(self.store, self.source, self.needed)
            self.plan.evidence_repaired = resized
        return self.plan

    def _indexes(
        self, session: Session, table: str, counts: object
    ) -> contextlib.AbstractContextManager[None]:
        """While ``table`` is walked: if this import fills it from empty with many rows, its
        indexes made once it is full (``indexes_made_after``); otherwise nothing."""
        declared = counts.get(table) if isinstance(counts, dict) else None
        many = isinstance(declared, int) and declared >= _CHUNK
        if not (many and self.write and self.mapper is None and table not in self.filled):
            return contextlib.nullcontext()
        return self._made_after(session, table)

    @contextlib.contextmanager
    def _made_after(self, session: Session, table: str) -> Iterator[None]:
        """``indexes_made_after``, whose making of the indexes "Hủy" stops (interrupt.py):
        the report asked meanwhile, as at the last chunk."""
        from ..storage.bulk import indexes_made_after
        from .interrupt import Interruptible

        def check() -> None:
            if self.report is not None:
                self.report(self.done, max(self.total, self.done))

        stop = Interruptible(session, check)
        with stop, indexes_made_after(session, table):
            yield
            stop.arm()  # the rows are in: the indexes are made on leaving

    def _chunk(self, session: Session, table: str, raw_rows: list[dict[str, Any]]) -> None:
        from sqlalchemy import select

        own_org = self.my_org or self.their_org
        rows = self._screen(session, table, self.rederive.rows(table, check_rows(table, raw_rows)))
        self.done += len(raw_rows)
        if self.report is not None:
            self.report(self.done, max(self.total, self.done))
        if not rows:
            return
        model = travelling_tables()[table]
        kinds = columns_of(table)
        ids = list(map(_ID, rows))
        from .rows import to_json

        owner = "id" if table == "organizations" else "organization_id"
        here: dict[str, tuple[Version, str]] = {}
        if table in self.filled:  # an empty table has none of them (ids are unique in a file)
            here = {
                i: ((int(r), _iso(u), str(o)), str(org))
                for i, r, u, o, org in _where_ids(
                    session, f"SELECT id, revision, updated_at, origin, {owner} FROM {table}", ids
                )
            }
        self._collisions(session, table, [r for r in rows if r["id"] not in here])
        for row_id, (_, org) in here.items():
            if org != own_org:
                raise refuse(
                    table,
                    next(r for r in rows if r["id"] == row_id),
                    "mã dòng trùng với một dòng của một Đoàn cơ sở khác",
                )
        rows = self.closed.new_rows(table, rows, here)  # a closed round takes no new rating
        if not rows:
            return
        if not here and not self.crowded:  # all new (the rows of a handover): as _classify does
            if not self.whole:  # (otherwise recorded from the table once it is written: run)
                self.agreed.extend(zip(ids, map(_VERSION, rows), strict=True))
            live = list(map(_DELETED_AT, rows)).count(None)
            if live:
                self.plan.new[table] = self.plan.new.get(table, 0) + live
            if self._rewrites(table):
                rows = self._rewrite(table, rows)
            self.new_keys.note(table, rows)
            self.needs.note(table, rows)
            self.occupied.note(session, table, rows)
            if self.write:
                self._write(session, table, rows, [])
                self._record(session, table)
            self.agreed = []
            return
        # Rows at the same version hold the same content: only the others are read in full.
        differ = [r["id"] for r in rows if r["id"] in here and here[r["id"]][0] != _version(r)]
        mine: dict[str, dict[str, Any]] = {}
        if differ:
            for found in session.execute(select(model).where(model.c.id.in_(differ))).mappings():
                mine[found["id"]] = {k: to_json(found[k], kinds[k]) for k in kinds}
        local = self.bases.local(session, table, differ)
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for row in rows:
            row_id = row["id"]
            if self.crowded:
                keys = UNIQUE_KEYS[table]
                live_row = row["deleted_at"] is None
                self.bundle_keys[row_id] = tuple(row[k] for k in keys) if live_row else None
                if row_id not in here and live_row:
                    self.fresh.append(row)
            if row_id in here and row_id not in mine:
                self.plan._count(self.plan.unchanged, table)
                self.agreed.append((row_id, _version(row)))
                continue
            self._classify(table, mine.get(row_id), row, local.get(row_id), inserts, updates)
        if self._rewrites(table):
            inserts, updates = self._rewrite(table, inserts), self._rewrite(table, updates, True)
        self.closed.taken(table, updates)
        self.needs.note(table, inserts + updates)
        self.occupied.note(session, table, inserts + updates)
        if self.crowded:  # new rows wait for the table's updates (see run)
            self.held.extend(inserts)
            inserts = []
            back = {
                r["id"] for r in updates
                if r["deleted_at"] is None and mine[r["id"]]["deleted_at"] is not None
            }  # fmt: skip
            if back:  # brought back live: checked and held as new rows are
                self.revived |= back
                self.fresh.extend(r for r in updates if r["id"] in back)
                self.held.extend(r for r in updates if r["id"] in back)
                updates = [r for r in updates if r["id"] not in back]
            moved = note_moved(self, table, mine, updates) if table not in KEYED else set()
            if moved:  # a key changed there: checked (unique.py) and held as new rows are
                self.held.extend(r for r in updates if r["id"] in moved)
                updates = [r for r in updates if r["id"] not in moved]
        if self.write:
            self._write(session, table, inserts, updates)
            self._record(session, table)
        self.agreed = []

    def _rewrites(self, table: str) -> bool:
        """Whether rows of ``table`` are written otherwise than they came: those naming a record
        a choice did not keep (one_per_year.py), those naming an activity kind joined
        (kinds.py). Their versions agreed are then the file's, never read from the table."""
        return table in self.dropped_parents or table in self.kinds.tables()

    def _rewrite(
        self, table: str, rows: list[dict[str, Any]], updates: bool = False
    ) -> list[dict[str, Any]]:
        """``rows`` (new, or ``updates`` of rows here) as they are to be written."""
        if table in self.dropped_parents:
            rows = one_per_year.drop_named(self, table, rows, updates)
        return self.kinds.rewrite(table, rows)

    def _record(self, session: Session, table: str) -> None:
        """Record the chunk's agreed versions (chunk by chunk: never every row's at once)."""
        if self.bases.peer:
            from .exchange import record

            record(session, self.bases.peer, table, self.agreed)

    def _screen(
        self, session: Session, table: str, checked: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """The checked rows of a chunk that are to be classified: each id new to the file,
        each row of the file's organisation, mapped to ours when merging organisations (a row
        joined with one of ours left out), each evidence file named by a live row in the file
        or in the store. A chunk plainly passing the first two (the common case) is passed
        whole; otherwise row by row, so that a refusal names the first row at fault."""
        ids = list(map(_ID, checked))
        owners = ids if table == "organizations" else list(map(_OWNER, checked))
        if (
            self.mapper is None
            and table != "evidence_files"
            and len(set(ids)) == len(ids)
            and self.seen.keys().isdisjoint(ids)
            and set(owners) <= {self.their_org}
        ):
            self.seen.update(dict.fromkeys(ids, table))
            return checked
        rows: list[dict[str, Any]] = []
        for row in checked:
            row_id = row["id"]
            if row_id in self.seen:
                raise refuse(
                    table, row,
                    f"mã dòng trùng với một dòng khác của bảng “{table_label(self.seen[row_id])}” "
                    "trong tệp",
                )  # fmt: skip
            self.seen[row_id] = table
            org = row["id"] if table == "organizations" else row["organization_id"]
            if org != self.their_org:
                raise refuse(table, row, f"dòng thuộc một Đoàn cơ sở khác ({org}) với tệp")
            given = row  # as the file names it
            if self.mapper is not None:
                mapped = self.mapper.remap(session, table, row)
                if mapped is None:
                    continue
                row = mapped
            if (
                table == "evidence_files"
                and row["deleted_at"] is None
                and row["sha256"] not in self.files
                and not self.store.has(row["sha256"])
            ):
                raise refuse(
                    table, given,
                    f"tệp minh chứng “{row['original_name']}” không có trong tệp dữ liệu",
                )  # fmt: skip
            rows.append(row)
        return rows

    def _filled(self, session: Session) -> set[str]:
        """The travelling tables holding any row before this walk. The rows it writes need not
        be looked for: an id is refused when it comes twice in the file (``seen``). When
        sáp nhập, every table (the mapping may write rows of its own)."""
        tables = travelling_tables()
        if self.mapper is not None:
            return set(tables)
        connection = session.connection()
        return {
            t for t in tables if connection.exec_driver_sql(f"SELECT 1 FROM {t} LIMIT 1").first()
        }

    def counted_in(self, row_id: str) -> dict[str, int]:
        """The plan's counts a live row of the file to be written is counted in: updated when
        it brings back a row deleted here, new otherwise."""
        return self.plan.updated if row_id in self.revived else self.plan.new

    def _has_rows(self, session: Session, table: str) -> bool:
        own_org = self.my_org or self.their_org
        found = session.connection().exec_driver_sql(
            f"SELECT 1 FROM {table} WHERE organization_id = ? LIMIT 1", (own_org,)
        )
        return found.first() is not None

    def _collisions(self, session: Session, table: str, rows: list[dict[str, Any]]) -> None:
        """Refuse a row new to ``table`` whose id a row of another table here has."""

        if not rows:
            return
        ids = list(map(_ID, rows))
        for other in travelling_tables():
            if other == table or other not in self.filled:
                continue
            hit = _where_ids(session, f"SELECT id FROM {other}", ids)
            if hit:
                row = next(r for r in rows if r["id"] == hit[0][0])
                raise refuse(
                    table, row, f"mã dòng trùng với một dòng của bảng “{table_label(other)}”"
                )

    def _classify(
        self,
        table: str,
        mine: dict[str, Any] | None,
        theirs: dict[str, Any],
        local: tuple[Version | None, set[Version]] | None,
        inserts: list[dict[str, Any]],
        updates: list[dict[str, Any]],
    ) -> None:
        plan = self.plan
        row_id = theirs["id"]
        version = _version(theirs)
        self.agreed.append((row_id, version))
        if mine is None:
            if theirs["deleted_at"] is None:
                plan._count(plan.new, table)
            inserts.append(theirs)
            return
        hidden = set(STAMPS) | set(DERIVED.get(table, ()))
        content = [c for c in columns_of(table) if c not in hidden]  # the table's order
        same = all(mine[c] == theirs[c] for c in content)
        mine_version = _version(mine)
        if mine_version == version and same:
            plan._count(plan.unchanged, table)
            return
        pair, every = local or (None, set())
        by_them = self.bases.seen_by_them(table, row_id, version, pair)
        by_me = self.bases.seen_by_me(table, row_id, mine_version, version, every)
        mine_changed = mine_version not in by_them
        # Their copy held the version agreed with us after that exchange, and every change
        # since raised its revision: a version at or below it is older, not a change.
        theirs_changed = version not in by_me and not (pair is not None and version[0] <= pair[0])
        if mine_version == version:  # the same version holding other content: never silent
            mine_changed = theirs_changed = True
        both_deleted = mine["deleted_at"] is not None and theirs["deleted_at"] is not None
        if (
            not same
            and (theirs_changed or (mine_changed == theirs_changed and version > mine_version))
            and self.closed.holds(table, theirs)
        ):  # a closed round's levels never change (closed_rounds.py): ours kept, not agreed
            self.agreed.pop()
            self.closed.keep(table, theirs)
        elif theirs_changed and mine_changed and not (same or both_deleted):
            base = base_version(by_them, by_me, mine_version, version)
            self._conflict(table, mine, theirs, content, updates, base)
        elif (theirs_changed and not mine_changed) or (
            theirs_changed == mine_changed and version > mine_version
        ):
            if not (
                self.crossing.taken(table, mine, theirs, updates)
                or self.cascade.taken(table, mine, theirs, updates)
            ):
                self._take(table, mine, theirs, updates)
        elif not (
            self.crossing.kept(table, mine, theirs, updates)
            or self.cascade.kept(table, mine, theirs, updates)
        ):
            plan._count(plan.unchanged, table)

    def _take(
        self, table: str, mine: dict[str, Any], row: dict[str, Any], updates: list[dict[str, Any]]
    ) -> None:
        if row["deleted_at"] is not None and mine["deleted_at"] is None:
            self.plan._count(self.plan.deleted, table)
        else:
            self.plan._count(self.plan.updated, table)
        updates.append(row)

    def _conflict(
        self,
        table: str,
        mine: dict[str, Any],
        theirs: dict[str, Any],
        content: list[str],
        updates: list[dict[str, Any]],
        base: Version | None,
    ) -> None:
        """A row changed on both sides: field by field, each field's side known from the base
        (threeway.py) where this installation kept it."""
        names = [c for c in content if mine[c] != theirs[c]]
        kept = None if base is None else base_of(self.session, table, theirs["id"], base)
        changed = who_changed(kept, mine, theirs, names)
        fields = field_diffs(table, names, mine, theirs, changed)  # a birth date is one field
        conflict = Conflict(table, theirs["id"], row_label(table, mine), fields)
        self.plan.conflicts.append(conflict)
        self.references.note(conflict, mine, theirs)
        choices = threeway_choices(conflict, self.on_conflict)
        if choices is None:
            self.plan.unresolved.append(conflict)
            return
        if all(choices[f.name] == "theirs" for f in fields):
            self.cascade.chosen(table, mine, theirs, theirs)
            self._take(table, mine, theirs, updates)
            return
        if all(choices[f.name] == "mine" for f in fields):
            result = dict(mine)  # mine wins: a new version, so that the peer takes it
        else:
            result = dict(mine)
            for f in fields:
                if choices[f.name] == "theirs":
                    result.update({c: theirs[c] for c in coupled_columns(table, f.name)})
            rederive(table, result)
        from ..storage.models import utc_now

        result["revision"] = max(int(mine["revision"]), int(theirs["revision"])) + 1
        result["updated_at"] = utc_now().isoformat()
        self.cascade.chosen(table, mine, theirs, result)
        self._take(table, mine, result, updates)
        self.resolved.append((table, theirs))

    # Writing -----------------------------------------------------------------------------------

    def _write(
        self,
        session: Session,
        table: str,
        inserts: list[dict[str, Any]],
        updates: list[dict[str, Any]],
    ) -> None:
        from .dbwrite import writer

        if table not in self.writers:
            self.writers[table] = writer(table, session.connection().dialect)
        # Deletions first: a row deleted frees what a row brought back may hold (a year, a key).
        updates.sort(key=lambda row: row["deleted_at"] is None)
        self.writers[table].update(session, updates)
        self.writers[table].insert(session, inserts)

    def _finish(self, session: Session) -> None:
        from ..context import OWN_ORGANIZATION_KEY
        from ..storage.bases import forget_unagreed
        from ..storage.models import AppMeta
        from ..storage.tracking import transaction_time
        from .exchange import record_peer

        if self.bases.peer:
            record_peer(
                session, self.bases.peer, self.their_org, self.their_name,
                transaction_time(session),
            )  # fmt: skip
        if self.mapper is not None:
            self.mapper.finish(session, write=True)
        if self.plan.handover:  # the replaced setup's key too (firststart.py)
            session.merge(AppMeta(key=OWN_ORGANIZATION_KEY, value=self.their_org))
        keep_resolved(session, self.resolved)
        forget_unagreed(session)  # the versions agreed moved on: their bases are of no use
