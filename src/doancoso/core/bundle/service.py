"""``ws.bundles``: export the organisation as a bundle, inspect one, preview and apply its import.

The glue between the container (container.py: the bytes, verified) and the rows (rows.py's
``collect``, merge.py's ``plan`` and ``apply``). An import opens the bundle and verifies every
member (password, names, sizes, hashes) before a row is read; then it reads and checks the rows
once, writing them in one transaction, and takes a backup of the data as they were before the
commit (merge.py). Its ``report`` is one bar over all of that, up to the step before the commit.
Temporary files (a decrypted container, the evidence copied out) live in ``.goi-tam`` in the
data folder, private, removed after each use; those a killed import left are removed by the
next one. An import writes the evidence files the store lacks straight into the store's folder
as it verifies them (temporary names, renamed into place before the commit: container.py).
The import wizard ``hold``s the bundle: read once from the stick (decrypted into one such file,
kept while the wizard is open), its dry runs and its import read that copy.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ValidationError
from ..lang.dates import FIRST_YEAR
from .container import (
    HeldBundle,
    hold_bundle,
    open_bundle,
    read_manifest,
    save_dossier,
    write_bundle,
)
from .errors import BundleError
from .manifest import DossierInfo, Manifest, dumps, parse_manifest
from .strength import password_problem

if TYPE_CHECKING:
    from ..dossier.stored import BuiltDossier
    from ..workspace import Workspace
    from .outcome import ImportPlan

Report = Callable[[int, int], None]
TEMP_FOLDER = ".goi-tam"
OPEN_SHARE = 200
"""The opening of the bundle's share of an import's bar of 1,000 (decrypting, verifying)."""
_STALE_AFTER = 3600.0  # seconds: a temporary file of an import killed an hour ago at least


HANDOVER_YEAR = (
    "Gói bàn giao chứa toàn bộ dữ liệu, không theo năm: chỉ gói báo cáo cấp trên mới chọn năm. "
    "Không có tệp nào được ghi."
)


def report_years(today: date | None = None) -> range:
    """The years a report to the superior body may be of: those the export wizard offers,
    :data:`~doancoso.core.lang.dates.FIRST_YEAR` to next year."""
    return range(FIRST_YEAR, (today or date.today()).year + 2)


def check_report_year(year: int, today: date | None = None) -> int:
    """``year`` if a report may be of it, else :class:`ValidationError` naming the year typed
    (a report of "31" is a typing slip, not a bundle of year 31 its reader would refuse)."""
    years = report_years(today)
    if year not in years:
        raise ValidationError(
            {
                "year": f"Năm {year} không hợp lệ: gói báo cáo cấp trên chỉ chọn được các năm "
                f"{years[0]}–{years[-1]}. Không có tệp nào được ghi."
            }
        )
    return year


@dataclass(frozen=True)
class BundleInfo:
    """What a bundle says of itself (``doancoso bundle inspect``)."""

    kind: str
    version: int
    organization_id: str
    organization_name: str
    created_at: str
    app_version: str
    encrypted: bool
    counts: dict[str, int]
    evidence_files: int
    year: int | None
    manifest: Manifest = field(repr=False, compare=False)

    @classmethod
    def of(cls, manifest: Manifest) -> BundleInfo:
        return cls(
            kind=manifest.kind,
            version=manifest.version,
            organization_id=manifest.organization_id,
            organization_name=manifest.organization_name,
            created_at=manifest.created_at,
            app_version=manifest.app_version,
            encrypted=manifest.encrypted,
            counts=dict(manifest.counts),
            evidence_files=manifest.evidence_files,
            year=manifest.year,
            manifest=manifest,
        )

    def to_json(self) -> dict[str, Any]:
        return self.manifest.to_json()


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str
    size: int
    info: BundleInfo
    counts: dict[str, int]


class BundleService:
    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    # -- export -----------------------------------------------------------------------------
    def export(
        self,
        target: Path,
        *,
        kind: str = "handover",
        year: int | None = None,
        password: str | None,
        report: Report | None = None,
    ) -> ExportResult:
        """Write the organisation's bundle of ``kind`` (``report``: of ``year``) at
        ``target``, encrypted with ``password`` (None: clear, an explicit choice)."""
        from .rows import collect

        if password is not None and not password.strip():
            raise BundleError("Mật khẩu không được để trống.")
        if password is not None and (problem := password_problem(password)) is not None:
            raise BundleError(problem)  # the export wizard's rule, and its words
        if kind == "report" and year is None:
            raise BundleError("Gói báo cáo cấp trên cần chọn năm báo cáo.")
        if kind == "handover" and year is not None:
            raise BundleError(HANDOVER_YEAR)
        if year is not None:
            check_report_year(year)
        dossier = self.dossier(year) if kind == "report" and year is not None else None
        with collect(self._ws, kind, year) as snapshot:
            written = write_bundle(
                Path(target), snapshot, password=password, report=report,
                workdir=self._workdir(), dossier=dossier,
            )  # fmt: skip
        info = parse_manifest(dumps(written.manifest), encrypted=password is not None)
        return ExportResult(
            written.path, written.sha256, written.size, BundleInfo.of(info), dict(info.counts)
        )

    def dossier(self, year: int) -> BuiltDossier | None:
        """The dossier of ``year`` last built here, which its report bundle carries (None: none
        built yet)."""
        from ..dossier.stored import built_dossier

        return built_dossier(self._ws.data_dir, year)

    # -- import -----------------------------------------------------------------------------
    def save_dossier(
        self, path: Path | HeldBundle, password: str | None, target: Path
    ) -> DossierInfo:
        """Copy the built dossier the bundle carries to ``target`` (container.py's
        :func:`save_dossier`): the receiver reads or prints it; the data folder keeps none."""
        return save_dossier(
            path if isinstance(path, HeldBundle) else Path(path), password, Path(target),
            workdir=self._workdir(),
        )  # fmt: skip

    def inspect(self, path: Path, password: str | None) -> BundleInfo:
        """What the bundle at ``path`` is (password checked; nothing written)."""
        return BundleInfo.of(read_manifest(Path(path), password, workdir=self._workdir()))

    def hold(self, path: Path, password: str | None, *, report: Report | None = None) -> HeldBundle:
        """The bundle at ``path`` read once from its stick, for the import wizard's steps
        (container.py's :class:`HeldBundle`; ``release`` it when done): ``preview`` and
        ``apply`` given it read its decrypted copy, not the stick again."""
        return hold_bundle(Path(path), password, report=report, workdir=self._workdir())

    def preview(
        self,
        path: Path | HeldBundle,
        password: str | None,
        *,
        merge_organization: bool = False,
        report: Report | None = None,
        **options: Any,
    ) -> ImportPlan:
        """What importing the bundle would change (a dry run; nothing is written)."""
        from .merge import plan
        from .progress import Stages

        bar = Stages(report)
        with self.opened(path, password, report=bar.part(OPEN_SHARE)) as source:
            return plan(
                self._ws, source, merge_organization=merge_organization,
                report=bar.part(1000), **options,
            )  # fmt: skip

    def apply(
        self,
        path: Path | HeldBundle,
        password: str | None,
        *,
        on_conflict: str | Mapping[Any, Any] | None = None,
        merge_organization: bool = False,
        report: Report | None = None,
        **options: Any,
    ) -> ImportPlan:
        """Import the bundle: verified whole, then applied all or nothing after a backup, its
        rows read and checked once (merge.py's ``apply``). ``report`` covers it all, from the
        opening of the bundle to the last step before the commit ("Hủy" until then)."""
        from .merge import apply
        from .progress import Stages

        self._ws.db.require_writable()
        bar = Stages(report)
        with self.opened(path, password, report=bar.part(OPEN_SHARE), staging=True) as source:
            return apply(
                self._ws, source, on_conflict=on_conflict,  # type: ignore[arg-type]
                merge_organization=merge_organization, report=bar.part(1000), **options,
            )  # fmt: skip

    def run_import(
        self,
        path: Path,
        password: str | None,
        *,
        dry_run: bool = False,
        on_conflict: str | None = None,
        merge_organization: bool = False,
        replace_setup: bool = False,
        report: Report | None = None,
    ) -> ImportPlan:
        """The command line's import, with one opening of the bundle and one pass over its
        rows: ``dry_run``, the plan; otherwise applied, unless conflicts are left without a
        choice (``plan.unresolved``: the plan is returned, nothing written). Its
        ``evidence_new``, ``evidence_present`` and ``evidence_skipped``: the bundle's evidence
        files copied (or to be copied), held by the store already, and named by no row taken
        (not copied). ``replace_setup``: a handover taken in place of a copy holding nothing
        but its first-start setup (firststart.py)."""
        from .merge import apply, plan
        from .progress import Stages

        bar = Stages(report)
        options: dict[str, Any] = {
            "on_conflict": on_conflict, "merge_organization": merge_organization,
            "replace_setup": replace_setup,
        }  # fmt: skip
        if not dry_run:
            self._ws.db.require_writable()
        opening = bar.part(OPEN_SHARE)
        with self.opened(path, password, report=opening, staging=not dry_run) as source:
            if dry_run:
                result = plan(self._ws, source, report=bar.part(1000), **options)
            else:
                result = apply(
                    self._ws, source, report=bar.part(1000), unresolved_as_plan=True, **options
                )
        return result

    @contextlib.contextmanager
    def opened(
        self,
        path: Path | HeldBundle,
        password: str | None,
        *,
        report: Report | None = None,
        staging: bool = False,
    ) -> Iterator[Any]:
        """The verified bundle at ``path`` (or held) as a RowSource (temporary files removed after);
        ``staging`` (an import): the evidence files the store lacks written into its folder as
        they are verified, for the import to rename into place."""
        from ..evidence.store import EvidenceStore

        store = EvidenceStore(self._ws.data_dir) if staging else None
        if store is not None:
            store.remove_stale_temps()  # those of an import killed an hour ago at least
        if isinstance(path, HeldBundle) and path.copy is not None:
            with contextlib.suppress(OSError):  # in use, not stale: _workdir() removes those
                os.utime(path.copy)
        source = path if isinstance(path, HeldBundle) else Path(path)
        with open_bundle(
            source, password, report=report, workdir=self._workdir(), store=store
        ) as reader:
            yield reader

    def _workdir(self) -> Path | None:
        """``.goi-tam`` in the data folder (private; leftovers of killed imports removed), or
        the system's temporary folder where the data folder takes no files."""
        folder = self._ws.data_dir / TEMP_FOLDER
        if self._ws.read_only is not None:
            return None
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
        except OSError:
            return None
        now = time.time()
        with contextlib.suppress(OSError), os.scandir(folder) as entries:
            for entry in entries:
                if not entry.name.startswith("doancoso-goi-"):
                    continue
                with contextlib.suppress(OSError):
                    info = entry.stat(follow_symlinks=False)
                    if now - info.st_mtime < _STALE_AFTER:
                        continue
                    if stat.S_ISDIR(info.st_mode):
                        shutil.rmtree(entry.path, ignore_errors=True)
                    else:
                        os.unlink(entry.path)
        return folder
