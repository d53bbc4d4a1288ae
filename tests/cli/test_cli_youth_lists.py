"""``members print --youth`` and ``members export --youth`` make the lists criterion 1 asks for
(DOMAIN.md §2): the young people of one hamlet, in hardship, working away, of an ethnic
minority, following a religion, or followed by no member yet (1+1), as the register's filters
in the app do; an unknown hamlet, or a youth filter without ``--youth``, is refused, nothing
written."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pypdf import PdfReader

from cli_run import cli
from doancoso.core.workspace import Workspace


@pytest.fixture
def folder(ws: Workspace, data_dir: Path) -> str:
    """Five young people of two hamlets (one spelt two ways), one followed by a member."""
    member = ws.members.save({"full_name": "Nguyễn Thị Như Quỳnh", "birth_date": "05/03/1996"})
    for name, hamlet, extra in (
        ("Thạch Thị Sa Rết", "Ấp Tân Hưng", {"ethnicity": "Khmer", "religion": "Phật giáo"}),
        ("Lê Thị Bé Ba", "ấp tân hưng", {"religion": "Công giáo", "hardship_kind": "Hộ nghèo"}),
        ("Nguyễn Văn Tý", "Ấp Kênh Xáng", {"ethnicity": "Kinh", "hardship_kind": "Mồ côi"}),
        ("Trần Minh Hiếu", "Ấp Kênh Xáng", {"ethnicity": "Hoa", "away_place": "Bình Dương"}),
        ("Võ Hồng Liên", "Ấp Tân Hưng", {"religion": "Không", "follow_up_member_id": member}),
    ):
        ws.youth.save({"full_name": name, "birth_date": "01/01/2004", "hamlet": hamlet, **extra})
    ws.close()
    return str(data_dir)


def _printed(folder: str, target: Path, *options: str) -> tuple[str, str]:
    code, out, err = cli("members", "print", "--youth", "-o", str(target), "--data-dir", folder,
                         "--number", "", *options)  # fmt: skip
    assert (code, err) == (0, ""), err
    text = "\n".join(page.extract_text() for page in PdfReader(str(target)).pages)
    return out.splitlines()[0], " ".join(text.split())


def _names(text: str) -> list[str]:
    every = ("Thạch Thị Sa Rết", "Lê Thị Bé Ba", "Nguyễn Văn Tý", "Trần Minh Hiếu", "Võ Hồng Liên")
    return sorted(name for name in every if name in text)


@pytest.mark.parametrize(
    ("options", "names", "title"),
    [
        (
            ("--hardship",),
            ["Lê Thị Bé Ba", "Nguyễn Văn Tý"],
            "THANH NIÊN CÓ HOÀN CẢNH KHÓ KHĂN Đoàn",
        ),
        (("--working-away",), ["Trần Minh Hiếu"], "THANH NIÊN ĐI LÀM ĂN XA Đoàn"),
        (
            ("--minority",),
            ["Thạch Thị Sa Rết", "Trần Minh Hiếu"],
            "THANH NIÊN DÂN TỘC THIỂU SỐ Đoàn",
        ),
        (("--religious",), ["Lê Thị Bé Ba", "Thạch Thị Sa Rết"], "THANH NIÊN CÓ TÔN GIÁO Đoàn"),
        (("--followed",), ["Võ Hồng Liên"], "THANH NIÊN CÓ ĐOÀN VIÊN THEO DÕI (1+1) Đoàn"),
        (
            ("--unfollowed", "--hamlet", "tan hung"),
            ["Lê Thị Bé Ba", "Thạch Thị Sa Rết"],
            "THANH NIÊN CHƯA CÓ ĐOÀN VIÊN THEO DÕI Đoàn xã Tân Hưng (ấp/khu phố: Ấp Tân Hưng)",
        ),
    ],
)
def test_each_list_of_criterion_1_is_printed(
    folder: str, tmp_path: Path, options: tuple[str, ...], names: list[str], title: str
) -> None:
    target = tmp_path / "ds.pdf"
    said, text = _printed(folder, target, *options)
    assert said == f"Đã in danh sách {len(names)} thanh niên ra tệp {target}."
    assert _names(text) == names
    assert f"DANH SÁCH {title}" in text


def test_the_export_takes_the_same_filters(folder: str, tmp_path: Path) -> None:
    sheet = tmp_path / "ds.csv"
    code, out, err = cli("members", "export", str(sheet), "--youth", "--hamlet", "Kênh Xáng",
                         "--minority", "--data-dir", folder)  # fmt: skip
    assert (code, err, out) == (0, "", f"Đã xuất 1 thanh niên ra {sheet}.\n")
    with sheet.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["Họ và tên"], r["Dân tộc"], r["Ấp/khu phố"]) for r in rows] == [
        ("Trần Minh Hiếu", "Hoa", "Ấp Kênh Xáng")
    ]


def test_an_unknown_hamlet_is_refused_naming_those_there_are(folder: str, tmp_path: Path) -> None:
    target = tmp_path / "ds.pdf"
    code, out, err = cli("members", "print", "--youth", "-o", str(target), "--hamlet", "Ấp 9",
                         "--data-dir", folder)  # fmt: skip
    assert (code, out) == (1, "") and not target.exists()
    assert err == (
        "Lỗi: Sổ theo dõi thanh niên không có ấp/khu phố “Ấp 9”; các ấp/khu phố đang có: Ấp Kênh "
        "Xáng, Ấp Tân Hưng.\n"
    )


def test_a_youth_filter_without_youth_is_refused(folder: str, tmp_path: Path) -> None:
    sheet = tmp_path / "ds.xlsx"
    code, out, err = cli("members", "export", str(sheet), "--hardship", "--hamlet", "Tân Hưng",
                         "--data-dir", folder)  # fmt: skip
    assert (code, out) == (1, "") and not sheet.exists()
    assert err == (
        "Lỗi: --hamlet, --hardship chỉ lọc danh sách thanh niên: thêm --youth để xuất danh sách "
        "thanh niên, hoặc bỏ các tùy chọn đó để xuất danh sách đoàn viên.\n"
    )
