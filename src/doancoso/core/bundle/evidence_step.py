"""The evidence step of an import (merge.py's ``apply``): after the backup, before the commit,
the bundle's evidence files the store lacks go into it, so that no committed row names a file
the store does not hold. Only the files some row names once the rows are written
(:class:`EvidenceNeeds`): a file named only by rows the import does not take (their plan or
checklist of a year we hold, sáp nhập; our version kept in a conflict) is not copied, since
nothing would ever name it.

A bundle opened for an import (``open_bundle(..., store=...)``) has already written each of
them, as it verified it, into a temporary file of the store's folder, and had a worker thread
flush it to disk meanwhile (``staged`` waits for that): the store adopts it by a rename
(``EvidenceStore.adopt``), and its folder is flushed once at the end. Any other source (a
bundle opened without a store, rows held in memory) is copied in by ``EvidenceStore.add``. A file
the store holds already is left as it is. The paths added are listed for the import to remove if
it fails before its commit (:func:`remove`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .reader import ContainerReader, store_failed
from .rows import RowSource
from .sync_errors import SyncError
from .validate import NOTHING_WRITTEN

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..evidence.store import EvidenceStore
    from ..workspace import Workspace
    from .outcome import ImportPlan

Report = Callable[[int, int], None]
_CHUNK = 500


class EvidenceNeeds:
    """Which of a bundle's evidence files an import needs: those named by a row of
    ``evidence_files`` (live or a tombstone, which an undo may bring back, as the data check
    counts them) once the import's rows are written. The walk notes the evidence rows it writes
    (:meth:`note`, in a dry run too); :meth:`files` adds the rows already here that it does not
    change."""

    def __init__(self) -> None:
        self.written: dict[str, str] = {}
        """The evidence rows written (or, in a dry run, to be written): id → the file named."""

    def note(self, table: str, rows: list[dict[str, Any]]) -> None:
        if table == "evidence_files":
            self.written.update((row["id"], row["sha256"]) for row in rows)

    def files(self, session: Session, hashes: list[str]) -> set[str]:
        """Of ``hashes`` (the bundle's files), those some row names after the import."""
        offered = set(hashes)
        needed = offered.intersection(self.written.values())
        rest = sorted(offered - needed)
        connection = session.connection()
        for start in range(0, len(rest), _CHUNK):
            part = rest[start : start + _CHUNK]
            marks = ", ".join("?" * len(part))
            found = connection.exec_driver_sql(
                f"SELECT id, sha256 FROM evidence_files WHERE sha256 IN ({marks})", tuple(part)
            )
            needed.update(sha for row_id, sha in found if row_id not in self.written)
        return needed

    @staticmethod
    def count(plan: ImportPlan, store: EvidenceStore, hashes: list[str], needed: set[str]) -> None:
        """The bundle's files in ``plan``: held by the store already, to copy, not taken."""
        present = [sha for sha in hashes if store.has(sha)]
        plan.evidence_present = len(present)
        plan.evidence_new = len(needed.difference(present))
        plan.evidence_skipped = len(hashes) - plan.evidence_present - plan.evidence_new

    @staticmethod
    def resized(store: EvidenceStore, source: RowSource, needed: set[str]) -> int:
        """Of the files ``needed`` the store holds, those of another size than the bundle's
        (damaged: the import replaces them), for a dry run: one ``stat`` each, the bundle's size
        from its manifest (rows held in memory: from their file). A copy of the same size with
        other bytes is found only as an import compares them (reader.py)."""
        members = getattr(getattr(source, "info", None), "members", None)
        count = 0
        for sha in needed:
            if not store.has(sha):
                continue
            try:
                stored = store.path(sha).stat().st_size
                if members is not None:
                    size = members[f"evidence/{sha}"].size
                else:
                    size = source.evidence(sha).stat().st_size
            except (OSError, KeyError):
                continue  # nothing to tell apart: the import decides
            count += stored != size
        return count


def store_evidence(
    ws: Workspace,
    source: RowSource,
    report: Report,
    added: list[Path],
    needed: set[str],
    repaired: list[str],
) -> int:
    """Put the bundle's evidence files the store lacks and ``needed`` names into it (``added``:
    their paths, listed before each enters the store); the number added. A file the store
    holds damaged (another size, or other bytes than its name says) is replaced by the
    bundle's copy (``repaired``: their hashes; kept even if the import then fails, since the
    sound copy is what the name always meant)."""
    from ..evidence.store import EvidenceStore

    store = EvidenceStore(ws.data_dir)
    hashes = [sha for sha in source.evidence_hashes() if sha in needed]
    staging = source if isinstance(source, ContainerReader) else None
    count = 0
    adopted = False
    for done, sha in enumerate(hashes):
        report(done, len(hashes))
        staged = None if staging is None else staging.staged(sha)
        if store.has(sha):  # sound, or damaged and replaced by the bundle's copy
            if staging is not None:
                if staged is not None and sha in staging.damaged:
                    adopted |= _adopt(store, staged, sha, replace=True)
                    repaired.append(sha)
            elif not _sound(store, sha, source):
                path = source.evidence(sha)
                store.add(path, max_size=max(path.stat().st_size, 1))
                repaired.append(sha)
            continue
        if staged is not None:
            added.append(store.path(sha))  # removed on failure, even if the rename was its end
            if not _adopt(store, staged, sha):
                added.pop()
                continue
            adopted = True
        else:
            path = source.evidence(sha)
            stored = store.add(path, max_size=max(path.stat().st_size, 1))
            if stored.sha256 != sha:
                raise SyncError(
                    f"Tệp minh chứng {sha[:12]}… trong tệp dữ liệu không đúng nội dung. "
                    f"{NOTHING_WRITTEN}"
                )
            added.append(store.path(sha))  # new to the store (checked above)
        count += 1
    if adopted:
        try:
            store.sync_folder()
        except OSError as exc:  # the renames not on the disk: the import must not commit
            raise store_failed(exc) from exc
    report(len(hashes), len(hashes))
    return count


def _sound(store: EvidenceStore, sha: str, source: RowSource) -> bool:
    """Whether the store's copy of ``sha`` is the bundle's, for any source but a bundle opened
    for an import (which compared them as it was verified): the size first, the hash only
    when the size matches."""
    try:
        size = store.path(sha).stat().st_size
        return size == source.evidence(sha).stat().st_size and store.verify(sha)
    except OSError:
        return False


def _adopt(store: EvidenceStore, staged: Path, sha: str, *, replace: bool = False) -> bool:
    """``store.adopt`` of a staged file, its refusal as every other failure of the step says."""
    from ..errors import ImportFileError

    try:
        return store.adopt(staged, sha, flushed=True, sync_folder=False, replace=replace)
    except ImportFileError as exc:
        cause = exc.__cause__
        if isinstance(cause, OSError):
            raise store_failed(cause) from cause
        raise


def remove(paths: list[Path]) -> None:
    """What a failed import had written outside the database (its backup, new evidence)."""
    for path in reversed(paths):
        with contextlib.suppress(OSError):
            path.unlink()
