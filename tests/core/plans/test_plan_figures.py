"""How targets read on the page and in print: figures, units, shares, groups, outcomes."""

from __future__ import annotations

from dataclasses import replace

from doancoso.core.plans.figures import (
    MET,
    NOT_DUE,
    NOT_MET,
    OTHER_TARGETS,
    UNKNOWN,
    criterion_heading,
    grouped,
    number_text,
    outcome,
    quantity_text,
    share_text,
    tally,
    target_sentence,
)
from doancoso.core.plans.service import TargetInfo

TARGET = TargetInfo(id="t", position=1, text="Kết nạp đoàn viên mới", criterion=1, planned=20,
                    unit="đoàn viên", measure=None, measure_kind=None, achieved=None,
                    measured=False)  # fmt: skip


def test_numbers_and_units():
    assert [number_text(v) for v in (20.0, 1500, 12.5, 33.333, 0.04)] == [
        "20", "1.500", "12,5", "33,3", "0"
    ]  # fmt: skip
    assert quantity_text(20, "đoàn viên") == "20 đoàn viên"
    assert quantity_text(100, "%") == "100%"
    assert quantity_text(3, None) == "3"
    assert quantity_text(None, "cây") == ""
    assert share_text(0.905) == "90,5" and share_text(1.5) == "150,0" and share_text(None) == ""


def test_a_target_as_the_plan_states_it():
    assert target_sentence(TARGET) == "Kết nạp đoàn viên mới: 20 đoàn viên."
    with_number = replace(TARGET, text="Kết nạp 20 đoàn viên mới.", planned=20)
    assert target_sentence(with_number) == "Kết nạp 20 đoàn viên mới."
    share = replace(TARGET, text="100% chi đoàn sinh hoạt hằng tháng", planned=100, unit="%")
    assert target_sentence(share) == "100% chi đoàn sinh hoạt hằng tháng."
    lines = replace(TARGET, text="Trồng cây xanh\nở các tuyến đường;", planned=None)
    assert target_sentence(lines) == "Trồng cây xanh ở các tuyến đường."


def test_a_number_the_text_gives_is_not_printed_twice():
    """The printed plan read "Trồng 1500 cây xanh: 1.500 cây." and "Kết nạp 20, trong đó 5
    đoàn viên nữ: 20 đoàn viên.": the text's number written another way, or before a comma."""
    trees = replace(TARGET, text="Trồng 1500 cây xanh", planned=1500, unit="cây")
    assert target_sentence(trees) == "Trồng 1500 cây xanh."
    women = replace(TARGET, text="Kết nạp 20, trong đó 5 đoàn viên nữ")
    assert target_sentence(women) == "Kết nạp 20, trong đó 5 đoàn viên nữ."
    share = replace(TARGET, text="Tỉ lệ tham gia đạt 12.5%", planned=12.5, unit="%")
    assert target_sentence(share) == "Tỉ lệ tham gia đạt 12.5%."
    other = replace(TARGET, text="Kết nạp 200 đoàn viên mới (năm trước 20)", planned=25)
    assert target_sentence(other) == "Kết nạp 200 đoàn viên mới (năm trước 20): 25 đoàn viên."


def test_outcomes():
    assert outcome(TARGET) == UNKNOWN
    assert outcome(replace(TARGET, achieved=20)) == MET
    assert outcome(replace(TARGET, achieved=25)) == MET
    assert outcome(replace(TARGET, achieved=19)) == NOT_MET
    assert outcome(replace(TARGET, planned=None, achieved=5)) == UNKNOWN
    counts = tally([replace(TARGET, achieved=20), replace(TARGET, achieved=2), TARGET])
    assert (len(counts.met), len(counts.not_met), len(counts.unknown), counts.total) == (1, 1, 1, 3)
    # a plan whose year has not begun: every target not due, whatever its figures
    ahead = [replace(TARGET, achieved=20), replace(TARGET, achieved=0), TARGET]
    assert {outcome(t, started=False) for t in ahead} == {NOT_DUE}
    counts = tally(ahead, started=False)
    assert (counts.met, counts.not_met, counts.unknown, counts.not_due) == ((), (), (), (*ahead,))
    assert counts.total == 3


def test_groups_by_criterion():
    a, b = replace(TARGET, id="a", criterion=2), replace(TARGET, id="b", criterion=None)
    c, d = replace(TARGET, id="c", criterion=1), replace(TARGET, id="d", criterion=2)
    groups = grouped([a, b, c, d])
    assert [(g.criterion, [t.id for t in g.targets]) for g in groups] == [
        (1, ["c"]), (2, ["a", "d"]), (None, ["b"])
    ]  # fmt: skip
    # printed: the official wording (DOMAIN.md §2), not the short one of the lists
    assert groups[0].heading == (
        "Chủ động quản lý đoàn viên và chăm lo, nắm bắt tình hình thanh niên ở địa phương, đơn vị"
    )
    assert groups[1].heading == "Chủ động xây dựng và thực hiện kế hoạch công tác"
    assert grouped([replace(TARGET, criterion=3)])[0].heading == (
        "Chủ động tham mưu với cấp ủy, phối hợp với chính quyền, các đoàn thể và các tổ chức "
        "liên quan"
    )
    assert criterion_heading(3) == (
        "Tiêu chí 3: Chủ động tham mưu với cấp ủy, phối hợp với chính quyền, các đoàn thể"
    )
    assert groups[-1].heading == OTHER_TARGETS
    flat = grouped([b, replace(b, id="e")])
    assert [(g.heading, len(g.targets)) for g in flat] == [("", 2)]
    assert grouped([]) == []
