"""Mutated bundles given to the reader (#12, #17): a bundle comes from a USB stick, so reading
one either gives back exactly what was written (every row, every evidence byte, the manifest) or
is refused with a :class:`BundleError` (a Vietnamese message). Never another exception, never a
file left behind (the reader's temporary folder stays empty, nothing else appears).

Three kinds, from a real bundle written afresh (30 members, events, two evidence files):
- ``clear``: the ZIP container damaged byte by byte (:func:`mutations.mutated`);
- ``encrypted``: the encrypted file damaged byte by byte (header, chunks, tags);
- ``reencrypted``: the clear container damaged, then encrypted with the right password, so that
  the damage reaches the container's checks through the decryption.

2 x DOANCOSO_FUZZ_CASES cases of each (1,800 in the normal run, 18,000 in ``make torture``);
DOANCOSO_FUZZ_SEED=S makes other ones. A failing case is kept beside the test's folder.
"""

from __future__ import annotations

import io
import os
import random
from collections import Counter
from pathlib import Path
from typing import Any

from bundle_sources import sample_source

from doancoso.core.bundle.container import open_bundle, write_bundle
from doancoso.core.bundle.crypto import EncryptingWriter
from doancoso.core.bundle.errors import BundleError
from mutations import mutated

CASES = 2 * int(os.environ.get("DOANCOSO_FUZZ_CASES", "300"))
SEED = int(os.environ.get("DOANCOSO_FUZZ_SEED", "12"))
PASSWORD = "Đoàn xã Tân Hưng"


def _content(bundle: Path, password: str | None, work: Path) -> dict[str, Any]:
    """What a bundle holds; its manifest without the moment it was written (the clear and the
    encrypted bundle compared are written one after the other, across a second under load)."""
    with open_bundle(bundle, password, workdir=work) as reader:
        return {
            "manifest": {k: v for k, v in reader.manifest.items() if k != "created_at"},
            "rows": {table: list(reader.rows(table)) for table in reader.tables()},
            "evidence": {h: reader.evidence(h).read_bytes() for h in reader.evidence_hashes()},
        }


def _encrypted(clear: bytes) -> bytes:
    out = io.BytesIO()
    writer = EncryptingWriter(out, PASSWORD, log2_n=10, chunk_size=4096)
    writer.write(clear)
    writer.finish()
    return out.getvalue()


def test_mutated_bundles_read_whole_or_are_refused(tmp_path: Path) -> None:
    source = sample_source(tmp_path / "kho")
    clear = write_bundle(tmp_path / "clear.dcs", source, password=None).path
    locked = write_bundle(tmp_path / "locked.dcs", source, password=PASSWORD, kdf_log2_n=10).path
    work = tmp_path / "tam"
    work.mkdir()
    expected = _content(clear, None, work)
    assert _content(locked, PASSWORD, work) == expected
    originals = {"clear": clear.read_bytes(), "encrypted": locked.read_bytes()}
    outside = tmp_path / "usb"
    outside.mkdir()
    outcomes: Counter[str] = Counter()
    for kind in ("clear", "encrypted", "reencrypted"):
        rnd = random.Random(f"{SEED}-bundle-{kind}")
        password = None if kind == "clear" else PASSWORD
        for case in range(CASES):
            if kind == "reencrypted":
                data = _encrypted(mutated(originals["clear"], rnd))
            else:
                data = mutated(originals[kind], rnd)
                if data == originals[kind]:  # two changes that undid each other
                    outcomes[f"{kind} unchanged"] += 1
                    continue
            damaged = outside / "ban-giao.dcs"
            damaged.write_bytes(data)
            try:
                got = _content(damaged, password, work)
            except BundleError as exc:
                assert exc.message and exc.message[0].isupper(), exc.message
                outcomes[f"{kind} refused"] += 1
            except BaseException:
                (tmp_path.parent / f"failing-{kind}-{SEED}-{case}.dcs").write_bytes(data)
                raise
            else:
                assert got == expected, f"{kind} case {case}: read, but not what was written"
                outcomes[f"{kind} read"] += 1
            assert list(work.iterdir()) == [], f"{kind} case {case} left a temporary file"
            assert [p.name for p in outside.iterdir()] == ["ban-giao.dcs"]
    print(dict(outcomes))
    assert sum(outcomes.values()) == 3 * CASES
    assert outcomes["encrypted read"] == 0  # no change of an encrypted file goes unnoticed
