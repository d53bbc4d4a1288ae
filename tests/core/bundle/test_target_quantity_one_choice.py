"""A plan target's figures and what they count are one fact: the planned and achieved amounts
are in its unit, and the way the app measures it sets that unit, counts the achieved figure and
(for activities) names the kind counted, as the target's form writes them together. A conflict
shows them as one row “Chỉ tiêu” and takes them all from the side chosen, never one side's “80”
with the other side's unit (80 % becoming 80 đoàn viên)."""

from __future__ import annotations

from typing import Literal

import pytest

from bundle_sync import bundle_of, cross
from doancoso.core.bundle.labels import field_value_text
from doancoso.core.bundle.merge import apply, plan
from doancoso.core.workspace import Workspace

YEAR = 2028
TEXT = "Tỉ lệ đoàn viên tham gia sinh hoạt"


def _target(home: Workspace, away: Workspace, **raw: str) -> str:
    """A target of :data:`YEAR`'s plan written by the form with ``raw``, on both copies."""
    home.plans.create(YEAR)
    target_id = home.plans.add_target(YEAR, {"text": TEXT, **raw}, home.activities.kind_names())
    cross(home, away)
    return target_id


def _save(ws: Workspace, target_id: str, **raw: str) -> None:
    ws.plans.save_target(target_id, {"text": TEXT, **raw}, ws.activities.kind_names())


def _figures(ws: Workspace, target_id: str) -> tuple[object, ...]:
    """The target's figures as stored (the page shows a measured one's count instead)."""
    with ws.db.raw() as cursor:
        cursor.execute(
            "SELECT planned, unit, measure, measure_kind, achieved FROM plan_targets WHERE id = ?",
            (target_id,),
        )
        return tuple(cursor.fetchone())


def _shown(conflict_table: str, name: str, value: object) -> str:
    return field_value_text(conflict_table, name, value)


def test_an_amount_and_its_unit_changed_apart_make_one_row_changed_on_both_sides(
    home: Workspace, away: Workspace
) -> None:
    target_id = _target(home, away, planned="80", unit="%")
    _save(home, target_id, planned="90", unit="%")
    _save(away, target_id, planned="80", unit="đoàn viên")

    found = plan(away, bundle_of(home))

    [conflict] = found.unresolved  # never “90 đoàn viên” by itself
    assert conflict.id == target_id
    assert conflict.label == f"Chỉ tiêu kế hoạch {TEXT}"  # which target, not only its kind
    assert [(f.name, f.label, f.changed) for f in conflict.fields] == [
        ("planned", "Chỉ tiêu", "both")
    ]
    [field] = conflict.fields
    shown = [_shown(conflict.table, field.name, v) for v in (field.mine, field.theirs)]
    assert shown == ["80 đoàn viên", "90%"]
    assert conflict.to_json()["fields"] == [
        {
            "name": "planned",
            "label": "Chỉ tiêu",
            "mine": {
                "planned": 80.0,
                "unit": "đoàn viên",
                "achieved": None,
                "measure": None,
                "measure_kind": None,
            },
            "theirs": {
                "planned": 90.0,
                "unit": "%",
                "achieved": None,
                "measure": None,
                "measure_kind": None,
            },
            "changed": "both",
        }
    ]


@pytest.mark.parametrize(
    ("choice", "figures"),
    [
        ("theirs", (80.0, "%", "participation", None, None)),
        ("mine", (10.0, "hoạt động", "activities", "sinh-hoat", None)),
    ],
)
def test_the_side_chosen_gives_its_whole_target_figures(
    home: Workspace,
    away: Workspace,
    choice: Literal["mine", "theirs"],
    figures: tuple[object, ...],
) -> None:
    """There the count of meetings became the members' participation rate (its unit “%” with
    it); here the count planned went from 12 to 10: 10 “%” of participation is no fact."""
    target_id = _target(home, away, planned="12", measure="activities", measure_kind="sinh-hoat")
    assert _figures(away, target_id) == (12.0, "hoạt động", "activities", "sinh-hoat", None)
    _save(home, target_id, planned="80", measure="participation")
    _save(away, target_id, planned="10", measure="activities", measure_kind="sinh-hoat")

    [conflict] = plan(away, bundle_of(home)).unresolved
    [field] = conflict.fields
    shown = [_shown(conflict.table, field.name, v) for v in (field.mine, field.theirs)]
    assert shown == [
        "10 hoạt động; tự tính: Số hoạt động đã thực hiện (theo loại): Sinh hoạt chi đoàn định kỳ",
        "80%; tự tính: Tỉ lệ tham gia hoạt động bình quân của đoàn viên",
    ]
    done = apply(
        away, bundle_of(home), on_conflict={("plan_targets", target_id): {"planned": choice}}
    )

    assert done.applied
    assert _figures(away, target_id) == figures


def test_a_long_target_is_named_by_its_first_words(home: Workspace, away: Workspace) -> None:
    long = "Tổ chức   cho đoàn viên\n" + "tham gia hoạt động tình nguyện hè " * 5
    home.plans.create(YEAR)
    kinds = home.activities.kind_names()
    target_id = home.plans.add_target(YEAR, {"text": long, "planned": "5"}, kinds)
    cross(home, away)
    home.plans.save_target(target_id, {"text": long, "planned": "6"}, kinds)
    away.plans.save_target(target_id, {"text": long, "planned": "7"}, kinds)

    [conflict] = plan(away, bundle_of(home)).unresolved

    assert conflict.label == (
        "Chỉ tiêu kế hoạch Tổ chức cho đoàn viên tham gia hoạt động tình nguyện hè tham gia hoạt "
        "động tình…"
    )


def test_an_achieved_figure_typed_shows_with_its_unit(home: Workspace, away: Workspace) -> None:
    target_id = _target(home, away, planned="20", unit="đoàn viên", achieved="5")
    _save(home, target_id, planned="20", unit="đoàn viên", achieved="7")
    _save(away, target_id, planned="25", unit="đoàn viên", achieved="5")

    [conflict] = plan(away, bundle_of(home)).unresolved

    [field] = conflict.fields
    shown = [_shown(conflict.table, field.name, v) for v in (field.mine, field.theirs)]
    assert shown == ["25 đoàn viên; đạt 5 đoàn viên", "20 đoàn viên; đạt 7 đoàn viên"]


def test_a_kind_the_organisation_added_is_named_not_coded(home: Workspace, away: Workspace) -> None:
    """A target counting “Hiến máu”, a kind the organisation added, showed its code (“k-…”):
    named from this copy's kinds, and from the file's for a kind only the file holds."""
    blood = home.activities.add_kind("Hiến máu tình nguyện")
    assert blood.startswith("k-")
    target_id = _target(home, away, planned="2", measure="activities", measure_kind=blood)
    arts = home.activities.add_kind("Văn nghệ")  # added since: only the file has it
    _save(home, target_id, planned="3", measure="activities", measure_kind=arts)
    _save(away, target_id, planned="4", measure="activities", measure_kind=blood)

    [conflict] = plan(away, bundle_of(home)).unresolved

    [field] = conflict.fields
    shown = [
        field_value_text(conflict.table, field.name, v, conflict.names)
        for v in (field.mine, field.theirs)
    ]
    counted = "tự tính: Số hoạt động đã thực hiện (theo loại)"
    assert shown == [
        f"4 hoạt động; {counted}: Hiến máu tình nguyện",
        f"3 hoạt động; {counted}: Văn nghệ",
    ]


def test_an_activity_s_kind_is_named_not_coded(home: Workspace, away: Workspace) -> None:
    """An activity's kind changed on both copies showed as “sinh-hoat” and “k-…”."""
    raw = {"title": "Hoạt động tháng Ba", "start_date": f"10/03/{YEAR}", "kind": "sinh-hoat"}
    activity_id, _ = home.activities.save(raw)
    cross(home, away)
    arts = home.activities.add_kind("Văn nghệ")
    home.activities.save({**raw, "kind": arts}, activity_id)
    away.activities.save({**raw, "kind": "tinh-nguyen"}, activity_id)

    [conflict] = plan(away, bundle_of(home)).unresolved

    assert [
        (f.label, field_value_text(conflict.table, f.name, v, conflict.names))
        for f in conflict.fields
        for v in (f.mine, f.theirs)
    ] == [
        ("Loại", "Tình nguyện vì cộng đồng và an sinh xã hội"),
        ("Loại", "Văn nghệ"),
    ]
