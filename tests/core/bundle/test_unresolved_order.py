"""The refusal of an import left with conflicts names the records in an order the secretary can
follow: kind by kind as the import's preview lists the tables, then by the record's name in
Vietnamese order, not in the order the file happens to hold them."""

from __future__ import annotations

import datetime as dt

import pytest

from bundle_sync import bundle_of, carry, edit
from doancoso.core.bundle.merge import apply
from doancoso.core.bundle.sync_errors import UnresolvedConflicts
from doancoso.core.workspace import Workspace


def _label(ws: Workspace, member_id: str) -> str:
    fields = ws.members.get(member_id).fields
    return f"Đoàn viên {fields.full_name} ({fields.birth_date:%d/%m/%Y})"


def test_three_members_changed_on_both_are_named_in_vietnamese_order(
    home: Workspace, away: Workspace
) -> None:
    in_file = [row["id"] for row in bundle_of(home).rows("members")][:3]
    # Named on this copy (the one importing) in the reverse of the file's order; "Dương" comes
    # before "Đặng" in Vietnamese (d < đ) but after "Vũ" by code point.
    for member_id, here, there in zip(
        in_file,
        ("Vũ Thị Yến", "Đặng Văn Bình", "Dương Thị Hoa"),
        ("Lê Văn Một", "Lê Văn Hai", "Lê Văn Ba"),
        strict=True,
    ):
        edit(away, member_id, full_name=here)
        edit(home, member_id, full_name=there)

    with pytest.raises(UnresolvedConflicts) as caught:
        apply(away, bundle_of(home))

    named = "; ".join(f"{_label(away, in_file[i])}: Họ và tên" for i in (2, 1, 0))
    assert caught.value.message == (
        f"Có 3 bản ghi đã được sửa ở cả hai nơi kể từ lần trao đổi trước: {named}. Hãy chọn "
        "giữ bản của máy này hay lấy bản trong tệp. Không có gì được ghi vào dữ liệu."
    )


def test_a_setting_is_named_before_the_members_as_the_preview_lists_the_tables(
    home: Workspace, away: Workspace
) -> None:
    """The file holds its settings after its members; the preview lists "Thiết lập" first."""
    home.rating.set_rules(home.rating.rules().text.replace('"3": 50', '"3": 45'))
    carry(home, away)  # the rules now one record of both copies, changed on both below
    member_id = next(bundle_of(home).rows("members"))["id"]
    edit(away, member_id, full_name="Vũ Thị Yến")
    edit(home, member_id, full_name="Lê Văn Một")
    rules = home.rating.rules().text
    away.rating.set_rules(rules.replace('"3": 45', '"3": 40'))
    home.rating.set_rules(rules.replace('"3": 45', '"3": 35'))

    with pytest.raises(UnresolvedConflicts) as caught:
        apply(away, bundle_of(home))

    assert caught.value.message == (
        "Có 2 bản ghi đã được sửa ở cả hai nơi kể từ lần trao đổi trước: Quy tắc xếp loại "
        f"đoàn viên: Giá trị; {_label(away, member_id)}: Họ và tên. Hãy chọn giữ bản của máy "
        "này hay lấy bản trong tệp. Không có gì được ghi vào dữ liệu."
    )


def test_records_made_apart_are_named_kind_by_kind_too(home: Workspace, away: Workspace) -> None:
    """A plan of a year and the rating rules made on both copies: the file holds its plans
    before its settings, and "Kế hoạch" comes before "Quy tắc" by name; the preview lists
    "Thiết lập" before "Kế hoạch"."""
    year = dt.date.today().year + 1  # the demo holds no plan of it
    kinds = home.activities.kind_names()
    for ws, target in ((home, "Kết nạp 20 đoàn viên mới"), (away, "Trồng 500 cây xanh")):
        ws.plans.create(year)
        ws.plans.add_target(year, {"text": target}, kinds)
    rules = home.rating.rules().text
    away.rating.set_rules(rules.replace('"3": 50', '"3": 40'))
    home.rating.set_rules(rules.replace('"3": 50', '"3": 35'))

    with pytest.raises(UnresolvedConflicts) as caught:
        apply(away, bundle_of(home))

    assert caught.value.message == (
        "Mỗi máy có một bản riêng của: Quy tắc xếp loại đoàn viên; Kế hoạch công tác năm "
        f"{year}. Mỗi năm (mỗi thiết lập) chỉ giữ được một bản: bản không chọn bị xóa cùng "
        "những gì nó chứa (chỉ tiêu, mức xếp loại, mục tự đánh giá và minh chứng của chúng), "
        "trên máy kia cũng vậy sau lần trao đổi tới. Hãy chọn giữ bản của máy này hay lấy bản "
        "trong tệp. Không có gì được ghi vào dữ liệu."
    )
