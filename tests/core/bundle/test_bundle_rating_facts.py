"""A member's months of sick leave and unpaid dues (ratings.sick_months, dues_unpaid, migration
0014) travel: a handover carries them to a fresh installation through an encrypted file, a
change made away comes back; a bundle of format version 1, made before them, still imports,
its ratings with both empty; a conflict names them in Vietnamese."""

from __future__ import annotations

from pathlib import Path

from bundle_sync import carry, every_row
from doancoso.core.bundle.labels import field_label
from doancoso.core.workspace import Workspace

PASSWORD = "Chuyển giao 2026"
FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "bundle-v1.dcs"
V1_PASSWORD = "Bàn giao dữ liệu phiên bản 1"  # as bundle-v1-make.py encrypted it


def _facts(ws: Workspace, year: int) -> dict[str, tuple[int | None, bool | None]]:
    return {
        r.member_id: (r.sick_months, r.dues_unpaid)
        for r in ws.rating.rows(year)
        if r.sick_months is not None or r.dues_unpaid
    }


def _open_year(ws: Workspace) -> int:
    (year,) = [y for y in ws.rating.round_years() if not ws.rating.round(y).closed]  # type: ignore[union-attr]
    return year


def test_a_handover_carries_sick_leave_and_dues(home: Workspace, tmp_path: Path) -> None:
    year = _open_year(home)
    first, second = [r.member_id for r in home.rating.rows(year) if r.eligible][:2]
    home.rating.set(year, first, {"sick_months": "4"})  # its dues as the demo left them
    home.rating.set(year, second, {"dues_unpaid": "có", "sick_months": "2"})
    expected = _facts(home, year)
    assert expected[first][0] == 4 and expected[second] == (2, True)
    bundle = home.bundles.export(tmp_path / "ban-giao.dcs", kind="handover", password=PASSWORD)
    with Workspace.open(tmp_path / "may-moi") as fresh:
        assert fresh.bundles.apply(bundle.path, PASSWORD).applied
        assert _facts(fresh, year) == expected
        assert every_row(fresh)["ratings"] == every_row(home)["ratings"]
        fresh.rating.set(year, first, {"sick_months": "0", "dues_unpaid": True})
        carry(fresh, home)
    assert _facts(home, year)[first] == (None, True)


def test_a_version_1_bundle_imports_with_both_empty(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "may-moi") as ws:
        assert ws.bundles.apply(FIXTURE, V1_PASSWORD).applied
        with ws.db.raw() as cursor:
            cursor.execute("SELECT count(*), count(sick_months), count(dues_unpaid) FROM ratings")
            assert cursor.fetchone() == (10, 0, 0)
        for year in ws.rating.round_years():
            assert _facts(ws, year) == {}


def test_a_conflict_names_them() -> None:
    assert field_label("sick_months") == "Số tháng nghỉ ốm"
    assert field_label("dues_unpaid") == "Chưa đóng đủ đoàn phí"
