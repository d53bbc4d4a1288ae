"""Every hostile or broken bundle of #17 ("Hostile and broken files", tests/hostile_bundles.py)
given to a real installation that holds data and evidence files: refused with its exact
Vietnamese message, and the database (every row of every table) and the evidence store (every
file, byte for byte) as they were, the backups too (none taken), through each way an import is
made: the core's ``apply``, the import wizard's steps (the file held at its first step, a dry
run, then the import of what was held) and the command line's ``bundle import``. Then bundles
damaged byte by byte, imported the same way."""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest

from bundle_crafting import build
from data_state import data_state
from doancoso.cli.main import run
from doancoso.core.errors import ImportFileError
from doancoso.core.workspace import Workspace
from hostile_bundles import CASES, PASSWORD, Sources, make_sources, no_leftovers, prepared


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Sources:
    return make_sources(tmp_path_factory.mktemp("hostile-imports"))


def _core(folder: Path, bundle: Path, password: str | None) -> str:
    with Workspace.open(folder) as ws, pytest.raises(ImportFileError) as error:
        ws.bundles.apply(bundle, password)
    return error.value.message


def _wizard(folder: Path, bundle: Path, password: str | None) -> str:
    """As the import wizard does: the file held at its first step, a dry run at its second,
    the import of what was held at its last; the first of them that refuses."""
    with Workspace.open(folder) as ws, pytest.raises(ImportFileError) as error:
        held = ws.bundles.hold(bundle, password)
        try:
            ws.bundles.preview(held, password)
            ws.bundles.apply(held, password)
        finally:
            held.release()
    return error.value.message


def _command_line(folder: Path, bundle: Path, password: str | None) -> str:
    args = ["--data-dir", str(folder), "bundle", "import", str(bundle)]
    if password is not None:
        secret = bundle.with_name("mat-khau.txt")
        secret.write_text(password + "\n", encoding="utf-8")
        args += ["--password-file", str(secret)]
    out, err = StringIO(), StringIO()
    assert run(args, out=out, err=err) == 1
    assert out.getvalue() == ""
    text = err.getvalue()
    assert text.startswith("Lỗi: ") and text.endswith("\n") and text.count("\n") == 1, text
    return text[len("Lỗi: ") : -1]


WAYS: dict[str, Callable[[Path, Path, str | None], str]] = {
    "core": _core,
    "wizard": _wizard,
    "cli": _command_line,
}


@pytest.mark.parametrize("way", list(WAYS))
@pytest.mark.parametrize("case", list(CASES))
def test_a_hostile_bundle_is_refused_and_changes_nothing(
    sources: Sources, tmp_path: Path, case: str, way: str
) -> None:
    receiver, bundle, message = prepared(sources, tmp_path, case)
    before = data_state(receiver)
    assert before["rows"]["members"] and before["evidence"]
    on_stick = bundle.read_bytes()
    assert WAYS[way](receiver, bundle, CASES[case].password) == message
    assert data_state(receiver) == before
    assert bundle.read_bytes() == on_stick
    assert no_leftovers(receiver)


FUZZ_CASES = max(1, int(os.environ.get("DOANCOSO_FUZZ_CASES", "300")) // 10)
FUZZ_SEED = int(os.environ.get("DOANCOSO_FUZZ_SEED", "12"))


def test_mutated_bundles_imported_change_nothing_or_all_of_it(
    sources: Sources, tmp_path: Path
) -> None:
    """Bundles damaged byte by byte (test_bundle_fuzz.py's damage; DOANCOSO_FUZZ_CASES / 10 of
    each kind, clear and encrypted) imported into a copy of the receiving installation: each is
    refused with a message and the copy's rows, evidence files and backups as they were, or
    (a change the container does not hold, as in a ZIP's dates) imported as the whole bundle."""
    from bundle_sync import every_row
    from mutations import mutated

    that = build(tmp_path / "that.dcs", sources.real)
    clear = that.read_bytes()
    shutil.copytree(sources.receiver, tmp_path / "whole")
    with Workspace.open(tmp_path / "whole") as ws:  # what the undamaged bundle makes of it
        ws.bundles.apply(that, None)
        imported = every_row(ws)
    outcomes = {"refused": 0, "imported": 0}
    for kind, original, password in (
        ("clear", clear, None),
        ("encrypted", sources.encrypted.read_bytes(), PASSWORD),
    ):
        rnd = random.Random(f"{FUZZ_SEED}-import-{kind}")
        for case in range(FUZZ_CASES):
            data = mutated(original, rnd)
            receiver = tmp_path / f"{kind}-{case}"
            shutil.copytree(sources.receiver, receiver)
            bundle = tmp_path / "ban-giao.dcs"
            bundle.write_bytes(data)
            before = data_state(receiver)
            with Workspace.open(receiver) as ws:
                try:
                    ws.bundles.apply(bundle, password)
                except ImportFileError as exc:
                    assert exc.message and exc.message[0].isupper(), exc.message
                    outcomes["refused"] += 1
                    refused = True
                except BaseException:
                    (tmp_path.parent / f"failing-import-{kind}-{FUZZ_SEED}-{case}.dcs").write_bytes(
                        data
                    )
                    raise
                else:
                    assert every_row(ws) == imported, f"{kind} case {case}: not the bundle"
                    outcomes["imported"] += 1
                    refused = False
            if refused:
                assert data_state(receiver) == before, f"{kind} case {case} changed the data"
            assert not any((receiver / ".goi-tam").iterdir()), f"{kind} case {case} left a file"
            shutil.rmtree(receiver)
    print(outcomes)
    assert outcomes["refused"] > FUZZ_CASES  # every encrypted one, most clear ones
