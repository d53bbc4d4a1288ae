"""A record this copy deleted that the file brings back live (the other copy kept and changed
it, and the user chose to keep it; or the other copy restored it), while this copy holds another
live record of the same key: the same person entered again after the deletion, a chi đoàn of the
name made again, the plan of the year made again (issue #17's walkthrough). Never the import's
generic "data contrary" message, never two chi đoàn of one name: a person or a chi đoàn is
refused as a record added on both copies is, naming both and what to do; the plan of a year is
the conflict of two records made apart, with the record kept chosen. The dry run says the same
before anything is written."""

from __future__ import annotations

import pytest

from bundle_sync import bundle_of, by_id, carry, edit, every_row, live_ids
from doancoso.core.bundle.duplicates import DuplicateRecords
from doancoso.core.bundle.merge import plan
from doancoso.core.bundle.outcome import RECORD
from doancoso.core.bundle.threeway import Choice
from doancoso.core.workspace import Workspace
from stored import plan_of

NOTHING = "Không có gì được ghi vào dữ liệu."
PERSON = {"full_name": "Huỳnh Thị Mai", "birth_date": "21/07/2003", "national_id": "096303001234"}


def _entered_again(home: Workspace, away: Workspace) -> tuple[str, str]:
    """A person both copies hold; ``away`` deletes her and enters her again (a new record, the
    same CCCD). Returns (the first record's id, the second's)."""
    branch = home.branches.list()[0]
    first = home.members.save({**PERSON, "branch_id": branch.id})
    assert carry(home, away).applied
    away.members.delete([first])
    second = away.members.save({**PERSON, "branch_id": branch.id, "phone": "0918000000"})
    return first, second


def _refusal(branch: str) -> str:
    person = f"Huỳnh Thị Mai, sinh 21/07/2003, Số CCCD 096303001234, {branch}"
    return (
        "Tệp có đoàn viên (mới, hoặc máy này đã xóa mà máy kia vẫn giữ) trùng Số CCCD hoặc mã "
        "định danh với đoàn viên đang có trên máy này — cùng một người được nhập hai lần:\n"
        f"• Số CCCD 096303001234 — trên máy này: {person}; trong tệp: {person} (máy này đã "
        "xóa, máy kia vẫn giữ).\n"
        "Mỗi người chỉ giữ một bản: xóa người đó trong danh sách đoàn viên trên máy này rồi "
        "nhận lại tệp (người đó sẽ có theo bản trong tệp; quá trình, điểm danh… chỉ ghi ở bản "
        "bị xóa cần ghi lại), hoặc xóa ở máy kia rồi xuất tệp lại. Nếu là hai người khác nhau, "
        "hãy sửa lại số bị nhập sai. Nếu bản ghi máy này đã xóa có trong danh sách xung đột, "
        f"chọn “Xóa” cho bản ghi đó thì nó không được đưa lại. {NOTHING}"
    )


def test_a_person_kept_by_choice_whom_this_copy_entered_again_is_refused_naming_both(
    home: Workspace, away: Workspace
) -> None:
    first, second = _entered_again(home, away)
    edit(home, first, phone="0918123456")  # the other copy kept her and changed her
    branch = home.branches.list()[0].name
    dry = plan(away, bundle_of(home))  # without a choice: the deletion is the conflict
    assert [(c.table, c.id) for c in dry.conflicts] == [("members", first)]
    before = every_row(away)
    with pytest.raises(DuplicateRecords) as dry_kept:  # the dry run of the choice "Giữ lại"
        plan(away, bundle_of(home), on_conflict="theirs")
    assert dry_kept.value.message == _refusal(branch)
    with pytest.raises(DuplicateRecords) as caught:
        carry(home, away, on_conflict="theirs")
    assert caught.value.message == _refusal(branch)
    assert every_row(away) == before
    # The way out it names: "Xóa" for her in the conflict; then back, both copies equal.
    result = carry(home, away, on_conflict="mine")
    assert result.applied
    assert live_ids(away, "members", "national_id", PERSON["national_id"]) == [second]
    assert carry(away, home).applied
    assert by_id(home) == by_id(away)
    assert home.members.get(second).fields.phone == "0918000000"


def test_a_person_restored_on_the_other_copy_after_this_one_entered_her_again_is_refused(
    home: Workspace, away: Workspace
) -> None:
    branch = home.branches.list()[0]
    first = home.members.save({**PERSON, "branch_id": branch.id})
    assert carry(home, away).applied
    away.members.delete([first])
    assert carry(away, home).applied  # both copies agree she was deleted
    second = away.members.save({**PERSON, "branch_id": branch.id, "phone": "0918000000"})
    home.members.restore([first])  # then the other copy undid its deletion: no conflict
    before = every_row(away)
    with pytest.raises(DuplicateRecords) as dry:  # the file brings her back: no conflict
        plan(away, bundle_of(home))
    with pytest.raises(DuplicateRecords) as caught:
        carry(home, away)
    assert caught.value.message == dry.value.message
    assert caught.value.message.startswith("Tệp có đoàn viên (mới, hoặc máy này đã xóa")
    assert every_row(away) == before
    # The other way out it names: delete ours, take the file; then back.
    away.members.delete([second])
    assert carry(home, away).applied
    assert live_ids(away, "members", "national_id", PERSON["national_id"]) == [first]
    assert carry(away, home).applied
    assert by_id(home) == by_id(away)


def test_a_chi_doan_kept_by_choice_whose_name_this_copy_gave_again_is_refused_naming_both(
    home: Workspace, away: Workspace
) -> None:
    old = home.branches.create("Chi đoàn Mới")
    assert carry(home, away).applied
    away.branches.delete(old.id)
    away.branches.create("Chi đoàn mới")
    home.branches.rename(old.id, "Chi đoàn MỚI")  # kept and changed there
    before = every_row(away)
    with pytest.raises(DuplicateRecords) as caught:
        carry(home, away, on_conflict="theirs")
    with away.db.raw() as cursor:
        cursor.execute("SELECT created_at FROM branches WHERE name = 'Chi đoàn mới'")
        (made,) = cursor.fetchone()
    day = f"{made[8:10]}/{made[5:7]}/{made[0:4]}"
    assert caught.value.message == (
        "Chi đoàn trong tệp (mới, hoặc máy này đã xóa mà máy kia vẫn giữ) trùng tên với chi "
        "đoàn đang có trên máy này; nhận tệp sẽ thành hai chi đoàn cùng tên:\n"
        f"• “Chi đoàn mới”: thêm trên máy này ngày {day}, trong tệp là “Chi đoàn MỚI” thêm "
        f"ngày {day} (máy này đã xóa, máy kia vẫn giữ).\n"
        "Hãy giữ một: trên máy này đổi tên chi đoàn đó (ví dụ thêm “(máy này)”) rồi nhận lại "
        "tệp, sau đó ở trang Chi đoàn dùng “Gộp vào…” để gộp nó vào chi đoàn vừa nhận; ở lần "
        "trao đổi sau, máy kia cũng nhận được việc gộp này. Nếu bản ghi máy này đã xóa có "
        f"trong danh sách xung đột, chọn “Xóa” cho bản ghi đó thì nó không được đưa lại. {NOTHING}"
    )
    assert every_row(away) == before
    assert [b.name for b in away.branches.list()].count("Chi đoàn mới") == 1


def _plan_made_again(home: Workspace, away: Workspace) -> tuple[str, str]:
    """The plan of 2028 with two targets, both copies hold it; ``away`` deletes it (its targets
    with it) and makes it again, ``home`` changes the first. Returns (the first plan's id, the
    second's)."""
    first = home.plans.create(2028).id
    for text in ("Kết nạp 20 đoàn viên mới", "Trồng 500 cây xanh"):
        home.plans.add_target(2028, {"text": text}, home.activities.kind_names())
    assert carry(home, away).applied
    away.plans.delete(2028)
    second = away.plans.create(2028, title="Kế hoạch mới").id
    home.plans.save(2028, {"title": "Kế hoạch sửa", "number": "12-KH/ĐTN"})
    return first, second


def _choices(
    first: str, deletion: Choice, record: Choice
) -> dict[tuple[str, str], dict[str, Choice]]:
    fields = ("number", "title", "deleted_at")
    return {("plans", first): {**dict.fromkeys(fields, deletion), RECORD: record}}


def test_a_plan_kept_by_choice_whose_year_this_copy_made_again_is_the_choice_of_one_record(
    home: Workspace, away: Workspace
) -> None:
    first, second = _plan_made_again(home, away)
    kept = plan(away, bundle_of(home), on_conflict=_choices(first, "theirs", "theirs"))
    deletion, apart = kept.conflicts
    assert (deletion.table, deletion.id, deletion.label) == (
        "plans",
        first,
        "Kế hoạch công tác năm 2028",
    )
    assert (apart.table, apart.id, apart.mine_id, apart.label) == (
        "plans",
        first,
        second,
        "Kế hoạch công tác năm 2028",
    )
    assert [f.name for f in apart.fields] == [RECORD]
    assert apart.fields[0].mine.startswith("“Kế hoạch mới”, lập ngày ")
    assert apart.fields[0].theirs.startswith("“Kế hoạch sửa” (số 12-KH/ĐTN), lập ngày ")
    assert (kept.updated.get("plans"), kept.deleted.get("plans")) == (1, 1)
    # The plan brought back, then not kept after all: ours stays, counted as unchanged.
    ours = plan(away, bundle_of(home), on_conflict=_choices(first, "theirs", "mine"))
    assert ("plans" not in ours.updated, "plans" not in ours.deleted) == (True, True)
    assert carry(home, away, on_conflict=_choices(first, "theirs", "mine")).applied
    assert plan_of(away, 2028).title == "Kế hoạch mới"
    assert live_ids(away, "plan_targets", "plan_id", first) == []  # gone with their plan
    assert carry(away, home).applied
    assert by_id(home) == by_id(away)
    assert live_ids(home, "plans", "year", 2028) == [second]
    assert live_ids(home, "plan_targets", "plan_id", first) == []


def test_a_plan_kept_by_choice_replaces_the_one_this_copy_made_again(
    home: Workspace, away: Workspace
) -> None:
    first, second = _plan_made_again(home, away)
    assert carry(home, away, on_conflict="theirs").applied
    assert live_ids(away, "plans", "year", 2028) == [first]
    assert plan_of(away, 2028).title == "Kế hoạch sửa"
    assert len(plan_of(away, 2028).targets) == 2  # brought back with it
    assert carry(away, home).applied
    assert by_id(home) == by_id(away)
    assert carry(home, away).updated == {}  # a third exchange changes nothing
