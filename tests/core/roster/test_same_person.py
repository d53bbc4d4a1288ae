"""A member typed in again: the same name (tones, case and old or new tone placement aside) and
the same birth as a record already on the roster is warned about before saving (the form asks,
the command line says so), never refused: two people may share both. The import takes such a
row for the member already there (``spreadsheets/preview.py``)."""

from __future__ import annotations

from doancoso.core.workspace import Workspace


def _said(*records: str, birth: str = "ngày sinh") -> str:
    return (
        f"Đã có đoàn viên cùng họ tên và {birth}: {'; '.join(records)}. Có thể là cùng một "
        "người: hãy kiểm tra lại để không có hai hồ sơ của một đoàn viên."
    )


def test_the_same_name_and_birth_is_warned_about(ws: Workspace) -> None:
    branch = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    ws.members.save({"full_name": "Trần Thị Bích Thủy", "birth_date": "15/04/2004",
                     "branch_id": branch})  # fmt: skip
    again = {"full_name": "trần thị bích thuỷ", "birth_date": "15/04/2004"}

    assert ws.members.warnings(again) == {
        "full_name": _said(
            "Trần Thị Bích Thủy (sinh 15/04/2004, Chi đoàn ấp Tân Hưng, Đang sinh hoạt)"
        )
    }
    assert ws.members.warnings({**again, "birth_date": "16/04/2004"}) == {}
    assert ws.members.warnings({**again, "full_name": "Trần Thị Bích Thảo"}) == {}
    # a birth year only, as old lists give it: the same year may be the same person
    assert ws.members.warnings({**again, "birth_date": "2004"}) == {
        "full_name": _said(
            "Trần Thị Bích Thủy (sinh 15/04/2004, Chi đoàn ấp Tân Hưng, Đang sinh hoạt)",
            birth="năm sinh",
        )
    }
    member_id = ws.members.save(again)  # warned, never refused
    assert ws.members.get(member_id).fields.full_name == "Trần Thị Bích Thuỷ"


def test_a_member_who_left_is_named_with_her_status(ws: Workspace) -> None:
    gone = ws.members.save({"full_name": "Lê Văn An", "birth_date": "2001"})
    ws.events.record(gone, "transfer_out", "01/03/2025", other_organization="Đoàn phường 5")

    found = ws.members.warnings({"full_name": "Lê Văn An", "birth_date": "02/06/2001"})

    assert found == {
        "full_name": _said(
            "Lê Văn An (sinh 2001, chưa thuộc chi đoàn, Đã chuyển sinh hoạt)", birth="năm sinh"
        )
    }


def test_a_member_is_not_her_own_double_nor_a_deleted_one(ws: Workspace) -> None:
    raw = {"full_name": "Phạm Minh Trí", "birth_date": "05/09/2002"}
    member_id = ws.members.save(raw)
    assert ws.members.warnings(raw, member_id) == {}
    ws.members.delete([member_id])
    assert ws.members.warnings(raw) == {}
