"""Criteria templates as data: the shipped default, a province's file refused naming where its
problem is (and nothing stored), an imported template kept, and a year that keeps its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from doancoso.core.errors import ConflictError, ImportFileError
from doancoso.core.recognition.template import default_template, read_template_file
from doancoso.core.workspace import Workspace


def test_the_default_template_holds_the_three_criteria() -> None:
    template = default_template()
    assert template.source == "Hướng dẫn 18-HD/TWĐTN-BTC ngày 24/05/2023 và hướng dẫn của các tỉnh"
    assert [c.code for c in template.criteria] == ["1", "2", "3"]
    assert template.criteria[1].title == "Chủ động xây dựng và thực hiện kế hoạch công tác"
    assert [i.code for i in template.items][:3] == ["1.1", "1.2", "1.3"]
    assert len(template.items) == 14 and not template.has_points


def _province(
    tmp_path: Path, change: dict[str, object] | None = None, text: str | None = None
) -> Path:
    data = json.loads(default_template().text)
    data.update({"name": "Bộ tiêu chí của Tỉnh đoàn Cà Mau", "province": "Cà Mau"})
    data["criteria"][0]["items"][0]["points"] = 10
    data.update(change or {})
    path = tmp_path / "tieu-chi-ca-mau.json"
    path.write_text(text if text is not None else json.dumps(data, ensure_ascii=False, indent=2),
                    encoding="utf-8")  # fmt: skip
    return path


def test_a_province_template_is_kept_and_a_year_keeps_its_own(
    ws: Workspace, tmp_path: Path
) -> None:
    template = read_template_file(_province(tmp_path))
    assert (template.province, template.items[0].points, template.has_points) == (
        "Cà Mau",
        10.0,
        True,
    )
    ws.recognition.open(2025)  # the default
    ws.recognition.add_template(template)
    assert [t.name for t in ws.recognition.templates()] == [
        "Tiêu chí “Đoàn cơ sở 3 chủ động” (mặc định)", "Bộ tiêu chí của Tỉnh đoàn Cà Mau",
    ]  # fmt: skip
    assert ws.recognition.open(2026, "Bộ tiêu chí của Tỉnh đoàn Cà Mau").province == "Cà Mau"
    assert ws.recognition.view(2025).template.province is None
    ws.recognition.set(2026, "1.1", {"status": "Đạt", "points": "8,5"})
    assert ws.recognition.view(2026).points() == (8.5, 10.0)
    with pytest.raises(ConflictError, match="Bộ tiêu chí mặc định đã có sẵn"):
        ws.recognition.add_template(default_template())


@pytest.mark.parametrize(
    ("change", "text", "message"),
    [
        (None, '{"format": "doancoso-criteria",\n "version": 1,\n "name": x}',
         "không đọc được (dòng 3, cột 10): không đúng định dạng JSON"),
        ({"version": 2}, None, "(đầu tệp, dòng 3): ứng dụng này đọc được bộ tiêu chí phiên bản 1."),
        ({"criteria": []}, None, "(đầu tệp, dòng 7): cần danh sách tiêu chí (“criteria”)."),
    ],
)  # fmt: skip
def test_malformed_templates_are_refused_naming_where(
    tmp_path: Path, change: dict[str, object] | None, text: str | None, message: str
) -> None:
    with pytest.raises(ImportFileError) as caught:
        read_template_file(_province(tmp_path, change, text))
    assert message in caught.value.message


def test_duplicate_codes_and_a_missing_criterion_are_refused(ws: Workspace, tmp_path: Path) -> None:
    data = json.loads(default_template().text)
    data["name"] = "Bộ tiêu chí thử"
    data["criteria"][1]["items"][1]["code"] = "2.1"
    path = tmp_path / "trung-ma.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        read_template_file(path)
    assert caught.value.message.startswith("Bộ tiêu chí không hợp lệ (nội dung 2.1, dòng ")
    assert caught.value.message.endswith("mã “2.1” dùng hai lần. Không có gì thay đổi.")
    data = json.loads(default_template().text)
    del data["criteria"][2]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    with pytest.raises(ImportFileError, match="thiếu tiêu chí 3: cả ba tiêu chí phải có."):
        read_template_file(path)
    assert [t.name for t in ws.recognition.templates()] == [default_template().name]


def test_an_item_assessed_without_its_points_is_missing(ws: Workspace, tmp_path: Path) -> None:
    """A template with points: an item assessed but not scored counts nothing in "x/y điểm"
    without a word; "Còn thiếu" (and the dossier's check) says so, as for an item not assessed.
    An item not applicable, or not yet assessed (already named), is not asked for points."""
    from doancoso.core.dossier.check import Gap, check

    ws.recognition.add_template(read_template_file(_province(tmp_path)))
    ws.recognition.open(2026, "Bộ tiêu chí của Tỉnh đoàn Cà Mau")

    def kinds() -> list[str]:  # the roster's indicator aside (no member yet)
        missing = ws.recognition.view(2026).missing()
        return [m.kind for m in missing if m.code == "1.1" and m.kind != "indicator"]

    assert kinds() == ["not-assessed"]  # not asked for points before it is assessed
    ws.recognition.set(2026, "1.1", {"status": "Chưa đạt"})
    view = ws.recognition.view(2026)

    assert [(m.kind, m.message) for m in view.missing() if m.code == "1.1"][:2] == [
        ("not-met", "Mục 1.1 tự đánh giá “Chưa đạt”."),
        ("no-points", "Mục 1.1 chưa tự chấm điểm (tối đa 10 điểm)."),
    ]
    assert Gap("bang", "Mục 1.1 chưa tự chấm điểm (tối đa 10 điểm).", item="1.1") in check(
        ws, 2026, ("bang",)
    )
    ws.recognition.set(2026, "1.1", {"points": "0"})
    assert kinds() == ["not-met"]
    ws.recognition.set(2026, "1.1", {"status": "Không áp dụng", "points": ""})
    assert kinds() == []
