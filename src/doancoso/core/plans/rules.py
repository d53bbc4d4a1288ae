"""The words of plans: registration states, criteria, what the app can measure."""

from __future__ import annotations

REGISTRATION_STATES: dict[str, str] = {
    "chua-dang-ky": "Chưa đăng ký",
    "da-gui": "Đã gửi",
    "da-duyet": "Đã được duyệt",
}
NOT_REGISTERED = "chua-dang-ky"
SENT = "da-gui"
APPROVED = "da-duyet"

CRITERIA: dict[int, str] = {
    1: "Chủ động quản lý đoàn viên và chăm lo, nắm bắt tình hình thanh niên",
    2: "Chủ động xây dựng và thực hiện kế hoạch công tác",
    3: "Chủ động tham mưu với cấp ủy, phối hợp với chính quyền, các đoàn thể",
}
"""The three criteria of "Đoàn cơ sở 3 chủ động" (DOMAIN.md §2), shortened for lists on the
screen; documents print :data:`CRITERIA_OFFICIAL`."""

CRITERIA_OFFICIAL: dict[int, str] = {
    1: "Chủ động quản lý đoàn viên và chăm lo, nắm bắt tình hình thanh niên ở địa phương, đơn vị",
    2: "Chủ động xây dựng và thực hiện kế hoạch công tác",
    3: "Chủ động tham mưu với cấp ủy, phối hợp với chính quyền, các đoàn thể và các tổ chức liên "
    "quan",
}
"""The three criteria in the official wording of Hướng dẫn 18-HD/TWĐTN-BTC (DOMAIN.md §2), as
documents print them (the plan, the report of its results, the dossier's parts made of them)."""

MEASURES: dict[str, tuple[str, str]] = {
    "admissions": ("Số đoàn viên mới được kết nạp trong năm", "đoàn viên"),
    "activities": ("Số hoạt động đã thực hiện (theo loại)", "hoạt động"),
    "branch-meetings": ("Tỉ lệ chi đoàn sinh hoạt đủ hằng tháng", "%"),
    "participation": ("Tỉ lệ tham gia hoạt động bình quân của đoàn viên", "%"),
    "youth-admitted": ("Số thanh niên trong sổ theo dõi được kết nạp", "người"),
    "party-introductions": ("Số đoàn viên ưu tú được giới thiệu cho Đảng", "đoàn viên"),
}
"""What the app computes for a target, key → (description, usual unit)."""

DEFAULT_TITLE = "Kế hoạch công tác Đoàn và phong trào thanh thiếu nhi năm {year}"
