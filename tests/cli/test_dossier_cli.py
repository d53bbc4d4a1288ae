"""``doancoso dossier``: the check as text and as the JSON of issue #16, a dossier built with
gaps (exit 0, its page count), an unreadable evidence file (exit 1, nothing written)."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from doancoso.cli.main import run

INIT = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau", "--commune", "Tân Hưng",
        "--secretary", "Nguyễn Thị Như Quỳnh"]  # fmt: skip


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = run(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def folder(data_dir: Path) -> str:
    assert cli("init", "--data-dir", str(data_dir), *INIT)[0] == 0
    assert cli("plan", "new", "--year", "2025", "--data-dir", str(data_dir))[0] == 0
    return str(data_dir)


def test_the_check_as_text_and_json(folder: str) -> None:
    code, out, err = cli("dossier", "--year", "2025", "--check", "--parts",
                         "to-trinh,ke-hoach,xep-loai", "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    assert out == (
        "Hồ sơ năm 2025 còn thiếu:\n"
        "  [Tờ trình đề nghị công nhận] Chưa có số tờ trình.\n"
        "  [Kế hoạch và báo cáo kết quả] Kế hoạch năm 2025 chưa được cấp trên duyệt.\n"
        "  [Kết quả đánh giá, xếp loại đoàn viên] Chưa có đợt đánh giá, xếp loại năm 2025.\n"
    )
    code, out, _ = cli("dossier", "--year", "2025", "--check", "--parts", "to-trinh",
                       "--number", "15-TTr/ĐTN", "--format", "json",
                       "--data-dir", folder)  # fmt: skip
    assert code == 0
    assert json.loads(out) == {"ready": True, "missing": [], "parts": ["to-trinh"]}


def test_a_dossier_with_gaps_is_built(folder: str, tmp_path: Path) -> None:
    target = tmp_path / "ho-so.pdf"
    code, out, _ = cli("dossier", "--year", "2025", "-o", str(target), "--parts",
                       "to-trinh,ke-hoach,xep-loai", "--format", "json",
                       "--data-dir", folder)  # fmt: skip
    assert code == 0
    result = json.loads(out)
    pages = len(PdfReader(target).pages)
    assert result == {
        "ready": False,
        "missing": [
            {"part": "to-trinh", "reason": "Chưa có số tờ trình."},
            {"part": "ke-hoach", "reason": "Kế hoạch năm 2025 chưa được cấp trên duyệt."},
            {"part": "xep-loai", "reason": "Chưa có đợt đánh giá, xếp loại năm 2025."},
        ],
        "parts": ["to-trinh", "ke-hoach"],
        "pages": pages,
    }
    assert pages == 2 + 1 + 2  # cover and contents, the tờ trình, the plan and its report


def test_an_unreadable_evidence_file_exits_1(folder: str, tmp_path: Path) -> None:
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"%PDF-1.4\nnot really a pdf")
    assert cli("checklist", "attach", "1.1", "--year", "2025", str(bad), "--data-dir",
               folder)[0] == 0  # fmt: skip
    target = tmp_path / "ho-so.pdf"
    code, out, err = cli("dossier", "--year", "2025", "-o", str(target), "--data-dir", folder)
    assert (code, out) == (1, "")
    assert "Tệp minh chứng “hong.pdf” (Minh chứng 1.1.1) bị hỏng." in err
    assert not target.exists()


def test_bad_usage(folder: str) -> None:
    code, out, err = cli("dossier", "--year", "2025", "--data-dir", folder)
    assert (code, out, err) == (
        1,
        "",
        "Lỗi: Thiếu tệp sẽ ghi: hãy cho -o TỆP.pdf (hoặc dùng --check để chỉ kiểm tra).\n",
    )
    code, _, err = cli("dossier", "--year", "2025", "--check", "--parts", "bia",
                       "--data-dir", folder)  # fmt: skip
    assert (code, err) == (1, "Lỗi: Dữ liệu không hợp lệ:\n  --parts: Phần không có: bia. "
                           "Các phần: to-trinh, bao-cao, bang, ke-hoach, hoat-dong, bien-ban, "
                           "xep-loai, doan-vien, thanh-nien, chi-doan, doan-vien-chi-doan, "
                           "so-thanh-nien, thong-ke, minh-chung.\n")  # fmt: skip
