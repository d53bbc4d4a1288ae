"""The evidence step of an import (merge.py's ``apply``): after the backup, before the commit,
the bundle's evidence files the store lacks go into it, so that no committed row names a file
the store does not hold.

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
from typing import TYPE_CHECKING

from .reader import ContainerReader, store_failed
from .rows import RowSource
from .sync_errors import SyncError
from .validate import NOTHING_WRITTEN

if TYPE_CHECKING:
    from ..evidence.store import EvidenceStore
    from ..workspace import Workspace

Report = Callable[[int, int], None]


def store_evidence(ws: Workspace, source: RowSource, report: Report, added: list[Path]) -> int:
    """Put the bundle's evidence files the store lacks into it (``added``: their paths, listed
    before each enters the store); the number added."""
    from ..evidence.store import EvidenceStore

    store = EvidenceStore(ws.data_dir)
    hashes = source.evidence_hashes()
    staging = source if isinstance(source, ContainerReader) else None
    count = 0
    adopted = False
    for done, sha in enumerate(hashes):
        report(done, len(hashes))
        if store.has(sha):
            continue
        staged = None if staging is None else staging.staged(sha)
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


def _adopt(store: EvidenceStore, staged: Path, sha: str) -> bool:
    """``store.adopt`` of a staged file, its refusal as every other failure of the step says."""
    from ..errors import ImportFileError

    try:
        return store.adopt(staged, sha, flushed=True, sync_folder=False)
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
