"""The refusal of an import left with conflicts writes its counts the Vietnamese way (the
window shows it when the preview's choices no longer fit the file)."""

from __future__ import annotations

from doancoso.core.bundle.outcome import Conflict, FieldDiff, unresolved_message


def _edited(i: int) -> Conflict:
    phone = FieldDiff("phone", "Điện thoại", "0900000001", "0900000002", "both")
    return Conflict("members", f"id-{i}", f"Đoàn viên số {i}", [phone])


def test_many_conflicts_are_counted_with_a_thousands_dot() -> None:
    message = unresolved_message([_edited(i) for i in range(1, 1051)])
    shown = "; ".join(f"Đoàn viên số {i}: Điện thoại" for i in range(1, 11))
    assert message == (
        "Có 1.050 bản ghi đã được sửa ở cả hai nơi kể từ lần trao đổi trước: "
        f"{shown} và 1.040 bản ghi khác. Hãy chọn giữ bản của máy này hay lấy bản trong tệp. "
        "Không có gì được ghi vào dữ liệu."
    )
