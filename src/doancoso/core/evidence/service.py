"""Attaching evidence files to records: the file enters the store, a travelling row
(:class:`~doancoso.core.storage.models.EvidenceFile`) names it, its caption and its date.

The file is stored before its row is written: a crash in between leaves a file nobody refers
to (the data check finds it), never a row without its file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..changes import Changes
from ..context import WorkspaceContext
from ..errors import ConflictError, NotFoundError, ValidationError
from ..lang.text import collation_key, nfc, nfc_multiline_or_none
from ..storage.live import get_live, is_live, set_deleted
from ..storage.models import EvidenceFile
from ..storage.settings import put_setting, setting_value
from .copies import copy_to_folder
from .store import DEFAULT_MAX_SIZE, EvidenceStore, holds_at

MAX_SIZE_KEY = "evidence_max_mb"
MIN_MB, MAX_MB = 1, 500


@dataclass(frozen=True)
class Attachment:
    id: str
    sha256: str
    original_name: str
    media_type: str
    size: int
    caption: str | None
    taken_on: dt.date | None
    path: Path


@dataclass(frozen=True)
class ListedFile:
    """An evidence file as a list of files names it (the biên bản bàn giao's): its file name,
    what it is attached to, its size."""

    sha256: str
    name: str
    attached_to: str
    size: int


UNATTACHED = "(không còn gắn với bản ghi nào)"

SHORT_HASH = 8
"""The fewest first characters of a file's SHA-256 that name it (as the commands print it)."""
_HEX = re.compile(r"[0-9a-f]+")


def wanted_hash(sha256: str, command: str) -> str:
    """``sha256`` as a file is named by (lower case), or a refusal: a whole SHA-256 or its
    first :data:`SHORT_HASH` characters or more, as ``doancoso COMMAND show`` prints them."""
    wanted = sha256.strip().lower()
    if len(wanted) < SHORT_HASH or not _HEX.fullmatch(wanted):
        raise NotFoundError(
            f"Hãy ghi mã SHA-256 của tệp, hoặc ít nhất {SHORT_HASH} ký tự đầu của nó như lệnh "
            f"“doancoso {command} show” in ra."
        )
    return wanted


def files_with_hash(
    files: list[Attachment], sha256: str, named: str, command: str
) -> list[Attachment]:
    """The ``files`` (of what ``named`` names, e.g. "mục 1.3") whose SHA-256 is or starts with
    ``sha256`` (:func:`wanted_hash`), or a refusal: none, or the first characters of several.
    A row's hash in capitals (an old version's, a lost file as the store sees it) is matched
    too: it is detached by what ``show`` printed of it."""
    wanted = wanted_hash(sha256, command)
    matching = [f for f in files if f.sha256.lower().startswith(wanted)]
    record = named[0].upper() + named[1:]
    if not matching:
        raise NotFoundError(f"{record} không có tệp minh chứng {wanted[:12]}….")
    if len({f.sha256.lower() for f in matching}) > 1:
        raise ConflictError(
            f"{record} có nhiều tệp minh chứng bắt đầu bằng {wanted}: hãy "
            f"ghi đủ mã SHA-256 (xem bằng “doancoso {command} show --format json”)."
        )
    return matching


class EvidenceService:
    """The attachments of the workspace's records."""

    def __init__(self, ctx: WorkspaceContext, store: EvidenceStore) -> None:
        self._ctx = ctx
        self.store = store
        self._lost: frozenset[str] = frozenset()
        """The SHA-256 of the cited files :meth:`check_lost` last found lost (the worker's)."""

    # The size limit (a setting of the organisation) ------------------------------------------

    @property
    def max_size(self) -> int:
        """The largest file accepted, in bytes: the organisation's setting, else 50 MB."""
        with self._ctx.db.read() as session:
            value = setting_value(session, self._ctx.organization_id, MAX_SIZE_KEY)
        try:
            megabytes = int(value) if value is not None else 0
        except ValueError:
            megabytes = 0
        return megabytes * 1024 * 1024 if MIN_MB <= megabytes <= MAX_MB else DEFAULT_MAX_SIZE

    def set_max_size_mb(self, megabytes: int | str) -> None:
        """Set the largest file accepted, in MB (from :data:`MIN_MB` to :data:`MAX_MB`)."""
        try:
            value = int(str(megabytes).strip())
        except ValueError:
            value = 0
        if not MIN_MB <= value <= MAX_MB:
            raise ValidationError(
                {"max_size": f"Dung lượng tối đa phải từ {MIN_MB} đến {MAX_MB} MB."}
            )
        with self._ctx.db.transaction() as session:
            put_setting(session, self._ctx.organization_id, MAX_SIZE_KEY, str(value))

    def attach(
        self,
        owner_table: str,
        owner_id: str,
        source: Path,
        caption: str | None = None,
        taken_on: dt.date | None = None,
        place: str = "đây",
    ) -> str:
        """Store ``source`` and attach it to the record; returns the attachment's id. Data that
        can only be read are refused before the file is copied. A file the record already has
        (the same SHA-256) is refused, naming ``place`` (e.g. "mục 1.3") and its caption: listed
        twice, it would be printed twice in the dossier's annex. Storing it again still repairs
        a stored copy changed behind the app's back."""
        self._ctx.db.require_writable()
        stored = self.store.add(source, self.max_size)
        with self._ctx.db.transaction() as session:
            same = session.scalars(
                select(EvidenceFile).where(
                    is_live(EvidenceFile, self._ctx.organization_id),
                    EvidenceFile.owner_table == owner_table,
                    EvidenceFile.owner_id == owner_id,
                    EvidenceFile.sha256 == stored.sha256,
                )
            ).first()
            if same is not None:
                caption_text = f" (“{same.caption}”)" if same.caption else ""
                raise ConflictError(
                    f"Tệp “{nfc(source.name)}” đã được đính kèm vào {place}{caption_text}: "
                    "không đính kèm lần nữa."
                )
            row = EvidenceFile(
                organization_id=self._ctx.organization_id,
                owner_table=owner_table,
                owner_id=owner_id,
                sha256=stored.sha256,
                original_name=nfc(source.name)[:300],
                media_type=stored.media_type,
                size=stored.size,
                caption=nfc_multiline_or_none(caption),
                taken_on=taken_on,
            )
            session.add(row)
            session.flush()
            return row.id

    def check_file(self, source: Path) -> None:
        """Refuse ``source`` now, as :meth:`attach` would (it cannot be read, is over the size
        limit, or is not a PDF, JPEG or PNG), before a caller makes anything for it."""
        self.store.accepted(source, self.max_size)

    def attachments(self, owner_table: str, owner_id: str) -> list[Attachment]:
        """The files attached to one record, in the order they were attached."""
        stmt = (
            select(EvidenceFile)
            .where(
                is_live(EvidenceFile, self._ctx.organization_id),
                EvidenceFile.owner_table == owner_table,
                EvidenceFile.owner_id == owner_id,
            )
            .order_by(EvidenceFile.created_at, EvidenceFile.id)
        )
        with self._ctx.db.read() as session:
            return [self._info(row) for row in session.scalars(stmt)]

    def attachments_of(self, owner_table: str, owner_ids: list[str]) -> dict[str, list[Attachment]]:
        """The files of many records of one table in one read (records without files left
        out), each record's in the order they were attached."""
        found: dict[str, list[Attachment]] = {}
        with self._ctx.db.read() as session:
            for start in range(0, len(owner_ids), 900):
                stmt = (
                    select(EvidenceFile)
                    .where(
                        is_live(EvidenceFile, self._ctx.organization_id),
                        EvidenceFile.owner_table == owner_table,
                        EvidenceFile.owner_id.in_(owner_ids[start : start + 900]),
                    )
                    .order_by(EvidenceFile.created_at, EvidenceFile.id)
                )
                for row in session.scalars(stmt):
                    found.setdefault(row.owner_id, []).append(self._info(row))
        return found

    def count(self, owner_table: str, owner_ids: list[str]) -> dict[str, int]:
        """How many files each of ``owner_ids`` has (owners without files left out)."""
        counts: dict[str, int] = {}
        with self._ctx.db.read() as session:
            for start in range(0, len(owner_ids), 900):
                stmt = select(EvidenceFile.owner_id).where(
                    is_live(EvidenceFile, self._ctx.organization_id),
                    EvidenceFile.owner_table == owner_table,
                    EvidenceFile.owner_id.in_(owner_ids[start : start + 900]),
                )
                for (owner,) in session.execute(stmt):
                    counts[owner] = counts.get(owner, 0) + 1
        return counts

    def missing(self) -> int:
        """How many files the records cite are not in the store (each content once): those of
        a backup restored without the folder of evidence beside it. Existence only, cheap; the
        data check verifies their content."""
        with self._ctx.db.read() as session:
            stmt = select(EvidenceFile.sha256).where(
                is_live(EvidenceFile, self._ctx.organization_id)
            )
            cited = set(session.scalars(stmt))
        return sum(1 for sha in cited if not self.store.has(sha))

    def check_lost(self) -> frozenset[str]:
        """The SHA-256 of the files the records cite that were lost from the store (gone, or no
        longer the size they were attached with: :func:`.store.holds_at`) or came back into it
        since the last check (the first: since none was lost), e.g. moved out of the data
        folder by hand while the app is open. Their rows are recorded on the change log as
        changed (no row is), so that what shows them lost or sound reads them again. One
        ``stat`` a file, never its bytes (as the dossier's check: :mod:`..dossier.lost`)."""
        with self._ctx.db.read() as session:
            stmt = select(EvidenceFile.id, EvidenceFile.sha256, EvidenceFile.size).where(
                is_live(EvidenceFile, self._ctx.organization_id)
            )
            rows = list(session.execute(stmt))
        held: dict[tuple[str, int], bool] = {}
        for _, sha256, size in rows:
            if (sha256, size) not in held:
                held[sha256, size] = holds_at(self.store.cited(sha256), size)
        lost = frozenset(sha256 for (sha256, _), there in held.items() if not there)
        turned = lost ^ self._lost
        self._lost = lost
        ids = [row_id for row_id, sha256, _ in rows if sha256 in turned]
        if ids:
            self._ctx.db.changes.record(Changes.of({"evidence_files": ids}))
        return turned

    def files_listed(self, sizes: Mapping[str, int]) -> list[ListedFile]:
        """The files of ``sizes`` (SHA-256 -> size, as a bundle's manifest holds them) in the
        order of their names, each named by its attachments not deleted: the first one's file
        name, and each kind of record it is attached to with its caption ("Buổi hoạt động: Ra
        quân hè; Đánh giá tiêu chí"); a file no attachment names any more by the start of its
        hash."""
        from ..bundle.labels import table_label

        seen: dict[str, list[tuple[str, str, str | None]]] = {}
        hashes = list(sizes)
        with self._ctx.db.read() as session:
            for start in range(0, len(hashes), 900):
                stmt = (
                    select(
                        EvidenceFile.sha256,
                        EvidenceFile.original_name,
                        EvidenceFile.owner_table,
                        EvidenceFile.caption,
                    )  # fmt: skip
                    .where(
                        is_live(EvidenceFile, self._ctx.organization_id),
                        EvidenceFile.sha256.in_(hashes[start : start + 900]),
                    )
                    .order_by(EvidenceFile.created_at, EvidenceFile.id)
                )
                for sha256, name, owner, caption in session.execute(stmt):
                    seen.setdefault(sha256, []).append((name, owner, caption))
        listed = []
        for sha256, size in sizes.items():
            rows = seen.get(sha256)
            if not rows:
                listed.append(ListedFile(sha256, f"{sha256[:12]}…", UNATTACHED, size))
                continue
            places = [table_label(owner) + (f": {nfc(caption)}" if caption else "")
                      for _name, owner, caption in rows]  # fmt: skip
            where = "; ".join(dict.fromkeys(places))
            listed.append(ListedFile(sha256, nfc(rows[0][0]), where, size))
        return sorted(listed, key=lambda f: (collation_key(f.name), f.sha256))

    def copy_to_folder(
        self,
        files: Sequence[Attachment],
        folder: Path,
        report: Callable[[int, int], object] | None = None,
    ) -> list[Path]:
        """Copies of ``files`` in ``folder`` under their own names, as Windows accepts them and
        none replacing another (:func:`.copies.copy_to_folder`); returns where they are."""
        return copy_to_folder(self.store, files, folder, report)

    def caption(
        self, attachment_id: str, caption: str | None, taken_on: str | dt.date | None = None
    ) -> None:
        """Change a file's caption and, when ``taken_on`` is given, its date (the day of the
        photo or the document: dd/mm/yyyy, "" to clear; never after today)."""
        values: dict[str, object] = {"caption": nfc_multiline_or_none(caption)}
        if taken_on is not None:
            values["taken_on"] = _evidence_day(taken_on)
        with self._ctx.db.transaction() as session:
            row = self._get(session, attachment_id)
            for name, value in values.items():
                if getattr(row, name) != value:
                    setattr(row, name, value)

    def detach(self, attachment_ids: list[str]) -> int:
        """Tombstone attachments (undone by :meth:`reattach`); the stored files stay."""
        with self._ctx.db.transaction() as session:
            return set_deleted(
                session, EvidenceFile, attachment_ids, self._ctx.organization_id, True
            )

    def reattach(self, attachment_ids: list[str]) -> int:
        with self._ctx.db.transaction() as session:
            return set_deleted(
                session, EvidenceFile, attachment_ids, self._ctx.organization_id, False
            )

    def _get(self, session: Session, attachment_id: str) -> EvidenceFile:
        return get_live(
            session,
            EvidenceFile,
            attachment_id,
            self._ctx.organization_id,
            "Không tìm thấy tệp minh chứng (có thể đã bị gỡ).",
        )

    def _info(self, row: EvidenceFile) -> Attachment:
        return Attachment(
            row.id,
            row.sha256,
            row.original_name,
            row.media_type,
            row.size,
            row.caption,
            row.taken_on,
            self.store.cited(row.sha256),  # a hash a hand edit made: a lost file
        )


def _evidence_day(value: str | dt.date) -> dt.date | None:
    from ..lang.dates import DateFormatError, parse_vn_date

    if isinstance(value, dt.date):
        day: dt.date | None = value
    elif not value.strip():
        return None
    else:
        try:
            day = parse_vn_date(value)[0]
        except DateFormatError as exc:
            raise ValidationError({"taken_on": str(exc)}) from exc
    if day is not None and day > dt.date.today():
        raise ValidationError({"taken_on": "Ngày của minh chứng không thể sau hôm nay."})
    return day
