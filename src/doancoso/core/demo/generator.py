"""A realistic demo organisation: for trying the app, screenshots and benchmarks.

Members with their history (admission, and for some a transfer out, temporary activity, coming
of age, striking off, discipline, introduction to the Party and Party admission: see
:mod:`.history`), and a local youth register (some working away, some in hardship, some
followed up by a member under the 1+1 drive); the year's work plan and a year of activities with
their attendance (:mod:`.calendar`); last year's rating, closed, and this year's, open
(:mod:`.rating`); the year's "3 chủ động" checklist partly filled, with evidence files and the
advice and coordination register (:mod:`.checklist`).

Chi đoàn named after hamlets of a Cà Mau commune; names in realistic proportions (Nguyễn,
Trần, Lê, Phạm, Huỳnh, Võ...), some Khmer and Hoa members, ages 16–30, varied statuses.
The same seed always gives the same data.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..context import WorkspaceContext
from ..lang.dates import add_years
from ..lang.text import fold, name_sort_key
from ..organization import OrganizationInfo, OrganizationService
from ..roster.service import derived_columns
from ..storage.live import is_live
from ..storage.models import Branch, Member, MemberEvent, Plan, RatingRound, Youth, new_id
from .calendar import generate_calendar
from .checklist import generate_checklist
from .history import history
from .rating import MAX_RATED_MEMBERS, generate_rating

HAMLETS = (
    "Tân Hưng", "Tân Thành", "Kênh Xáng", "Rạch Ráng", "Bào Sen", "Giồng Kè", "Thạnh Điền",
    "Cái Đôi", "Xóm Mới", "Lung Tràm", "Đất Sét", "Tân Điền", "Bà Điều", "Ông Muộn", "Cây Dương",
)  # fmt: skip

_KINH_FAMILY = (
    ("Nguyễn", 35), ("Trần", 11), ("Lê", 9), ("Phạm", 6), ("Huỳnh", 6), ("Võ", 5), ("Phan", 4),
    ("Trương", 2), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 1.5), ("Hồ", 1.5), ("Ngô", 1.3), ("Dương", 1),
    ("Lý", 0.8), ("Đinh", 0.8), ("Tô", 0.6), ("Hà", 0.6), ("Châu", 0.6), ("Mai", 0.5),
)  # fmt: skip
_MALE_MIDDLE = (
    "Văn",
    "Văn",
    "Văn",
    "Minh",
    "Thanh",
    "Hoàng",
    "Quốc",
    "Đức",
    "Hữu",
    "Công",
    "Tấn",
    "Chí",
)
_FEMALE_MIDDLE = (
    "Thị",
    "Thị",
    "Thị",
    "Ngọc",
    "Thanh",
    "Thùy",
    "Mỹ",
    "Kim",
    "Hồng",
    "Bảo",
    "Thị Như",
    "Thị Kim",
)
_MALE_GIVEN = (
    "An", "Ân", "Bình", "Cường", "Dũng", "Đạt", "Duy", "Hải", "Hậu", "Hiếu", "Hòa", "Hoàng", "Hùng",
    "Huy", "Khang", "Khánh", "Khoa", "Kiệt", "Lâm", "Lộc", "Long", "Luân", "Minh", "Nam", "Nghĩa",
    "Nhân", "Phát", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Tâm", "Thắng", "Thành",
    "Thịnh", "Toàn", "Trí", "Trung", "Tuấn", "Vinh", "Vũ", "Ẩn", "Ơn", "Đông",
)  # fmt: skip
_FEMALE_GIVEN = (
    "Anh", "Ánh", "Châu", "Diễm", "Dung", "Duyên", "Giang", "Hà", "Hằng", "Hạnh", "Hiền", "Hoa",
    "Hương", "Huyền", "Kiều", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc",
    "Nhi", "Nhung", "Oanh", "Phương", "Quyên", "Quỳnh", "Thảo", "Thu", "Thủy", "Thuỷ", "Trang",
    "Trâm", "Trinh", "Tuyết", "Uyên", "Vân", "Vy", "Xuân", "Yến", "Ưng", "Ái",
)  # fmt: skip
_KHMER_FAMILY = ("Thạch", "Danh", "Sơn", "Kim", "Lâm", "Châu", "Tăng")
_KHMER_GIVEN_MALE = ("Sóc", "Sa Rươl", "Pha", "Thươl", "Sà Rết", "Khol", "Ny", "Sang")
_KHMER_GIVEN_FEMALE = ("Sa Rây", "Sà Phia", "Sô Phết", "Thi Đa", "Ly Na", "Mây", "Sóc Khá")
_HOA_FAMILY = ("Lâm", "Quách", "Trương", "Lưu", "Tăng", "Diệp", "Hứa", "Mã")
_RELIGIONS = (("Không", 74), ("Phật giáo", 19), ("Công giáo", 3), ("Cao Đài", 3), ("Hòa Hảo", 1))
_STATUSES = (
    ("active", 86),
    ("temporary", 5),
    ("transferred_out", 4),
    ("matured", 3),
    ("removed", 2),
)
_OCCUPATIONS = (
    "Nông dân",
    "Nuôi tôm",
    "Công nhân",
    "Học sinh",
    "Sinh viên",
    "Buôn bán",
    "Lao động tự do",
)
_EDUCATION = ("9/12", "12/12", "12/12", "12/12", "12/12", "11/12", "10/12")

DEMO_ORGANIZATION = OrganizationInfo(
    name="Đoàn xã Tân Hưng",
    superior_name="Tỉnh đoàn Cà Mau",
    superior_short="TĐ",
    commune="Tân Hưng",
    province="Cà Mau",
    secretary_name="Nguyễn Thị Như Quỳnh",
)


def _weighted(rng: random.Random, pairs: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _person(rng: random.Random) -> tuple[str, str, str, str | None]:
    """(full name, gender, ethnicity, religion) of one young person of the commune."""
    gender = rng.choice(("male", "female"))
    roll = rng.random()
    if roll < 0.07:  # Khmer
        given = rng.choice(_KHMER_GIVEN_MALE if gender == "male" else _KHMER_GIVEN_FEMALE)
        middle = "" if gender == "male" else "Thị "
        name = f"{rng.choice(_KHMER_FAMILY)} {middle}{given}"
        return name, gender, "Khmer", rng.choice(("Phật giáo", "Phật giáo", "Không"))
    if roll < 0.10:  # Hoa
        family, ethnicity = rng.choice(_HOA_FAMILY), "Hoa"
    else:
        family, ethnicity = _weighted(rng, _KINH_FAMILY), "Kinh"
    middle = rng.choice(_MALE_MIDDLE if gender == "male" else _FEMALE_MIDDLE)
    given = rng.choice(_MALE_GIVEN if gender == "male" else _FEMALE_GIVEN)
    return f"{family} {middle} {given}", gender, ethnicity, _weighted(rng, _RELIGIONS)


def generate(
    ctx: WorkspaceContext,
    members: int = 300,
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Add ``members`` demo members (and the organisation if there is none). They go into the
    chi đoàn of the first hamlets, those of a live chi đoàn of the same name reused: a second
    run adds only the chi đoàn missing, never a second of one name."""
    rng = random.Random(seed)
    today = today or date.today()
    if not ctx.has_organization:
        OrganizationService(ctx).create(DEMO_ORGANIZATION)
    org = ctx.organization_id
    base: dict[str, object] = {"organization_id": org}  # the storage stamps the rest
    hamlets = HAMLETS[: max(3, min(len(HAMLETS), members // 40 or 3))]
    used_ids: set[str] = set()  # the CCCD taken, by earlier runs too (see below)
    rows: list[dict[str, object]] = []
    events: list[dict[str, object]] = []
    member_ids: list[str] = []
    # The histories draw from a stream of their own, so the members stay the same per seed.
    event_rng = random.Random(seed + 104_729)
    coming_of_age = ctx.coming_of_age()
    with ctx.db.transaction() as session:
        branches, leaders = _branches(session, base, hamlets)
        # A second run of one seed draws the same CCCD: those of live members are taken.
        used_ids.update(
            str(n)
            for n in session.scalars(
                select(Member.national_id).where(
                    is_live(Member, org), Member.national_id.is_not(None)
                )
            )
        )
        for index in range(members):
            rows.append(
                _member(rng, base, branches, hamlets, today, used_ids, leaders, coming_of_age)
            )
            events.extend(history(event_rng, base, rows[-1], today, coming_of_age))
            member_ids.append(str(rows[-1]["id"]))
            if len(rows) == 5000 or index == members - 1:
                session.execute(insert(Member), rows)
                session.execute(insert(MemberEvent), events)
                rows, events = [], []
                if progress:
                    progress(index + 1, members)
        # The youth register: about one young non-member for ten members (at most 500).
        youth_rng = random.Random(seed + 7919)  # its own stream: members stay seed-stable
        count = min(500, max(10, members // 10))
        youths = [_youth(youth_rng, base, hamlets, today, member_ids) for _ in range(count)]
        session.execute(insert(Youth), youths)
        # The plan and calendar of the year, once per organisation (a second demo run adds
        # members only): their own stream too.
        if not session.scalar(select(Plan.id).where(is_live(Plan, org)).limit(1)):
            generate_calendar(session, org, branches, members, today, random.Random(seed + 3571))
        # Last year's rating, closed, and this year's, open (:mod:`.rating`): once, as above.
        if members <= MAX_RATED_MEMBERS and not session.scalar(
            select(RatingRound.id).where(is_live(RatingRound, org)).limit(1)
        ):
            generate_rating(session, org, branches, today, random.Random(seed + 6007))
    # The year's "3 chủ động" checklist, partly filled, with its evidence files and register
    # (through the services: the files enter the evidence store before their rows).
    generate_checklist(ctx, today)
    return members


def _branches(
    session: Session, base: dict[str, object], hamlets: tuple[str, ...]
) -> tuple[list[dict[str, object]], set[str]]:
    """The chi đoàn of the hamlets, one each: the organisation's live chi đoàn of the same name
    (folded, as the roster keeps them apart) where there is one, say from an earlier demo run,
    else a new one, inserted here; with the ids of those that already have a Bí thư."""
    org = base["organization_id"]
    held = {
        fold(str(name)): (str(branch_id), str(name))
        for branch_id, name in session.execute(
            select(Branch.id, Branch.name).where(is_live(Branch, str(org)))
        )
    }
    branches: list[dict[str, object]] = []
    added: list[dict[str, object]] = []
    for hamlet in hamlets:
        name = f"Chi đoàn ấp {hamlet}"
        if fold(name) in held:
            branch_id, name = held[fold(name)]
            branches.append(dict(base, id=branch_id, name=name, name_fold=fold(name)))
        else:
            added.append(dict(base, id=new_id(), name=name, name_fold=fold(name)))
            branches.append(added[-1])
    if added:
        session.execute(insert(Branch), added)
    led = session.scalars(
        select(Member.branch_id).where(
            is_live(Member, str(org)),
            Member.position == "Bí thư",
            Member.branch_id.in_([b["id"] for b in branches]),
        )
    )
    return branches, {str(branch_id) for branch_id in led}


_AWAY_PLACES = ("TP. Hồ Chí Minh", "Bình Dương", "Đồng Nai", "Long An", "Cần Thơ")
_HARDSHIPS = ("Hộ nghèo", "Hộ cận nghèo", "Mồ côi cha/mẹ", "Khuyết tật", "Bệnh hiểm nghèo")


def _youth(
    rng: random.Random,
    base: dict[str, object],
    hamlets: tuple[str, ...],
    today: date,
    member_ids: list[str],
) -> dict[str, object]:
    """A young person of the commune who is not (yet) a member."""
    name, gender, ethnicity, religion = _person(rng)
    birth = today - timedelta(days=rng.randint(15 * 365, 30 * 365))
    phone = f"0{rng.choice('398')}{rng.randrange(10**8):08d}" if rng.random() < 0.6 else None
    grown = add_years(birth, 16)  # nobody works away from home before 16
    away = rng.random() < 0.25 and grown < today - timedelta(days=30)
    hardship = rng.random() < 0.15
    hamlet = rng.choice(hamlets)
    return dict(
        base,
        id=new_id(),
        full_name=name,
        sort_key=name_sort_key(name),
        search_text=" ".join(p for p in (fold(name), phone) if p),
        birth_date=birth,
        birth_precision="day",
        gender=gender,
        hamlet=f"Ấp {hamlet}",
        address=f"Ấp {hamlet}, xã Tân Hưng",
        occupation=rng.choice(_OCCUPATIONS),
        working_away=away,
        away_place=rng.choice(_AWAY_PLACES) if away else None,
        away_since=max(today - timedelta(days=rng.randint(30, 3 * 365)), grown) if away else None,
        in_hardship=hardship,
        hardship_kind=rng.choice(_HARDSHIPS) if hardship else None,
        ethnicity=ethnicity,
        religion=religion,
        phone=phone,
        follow_up_member_id=rng.choice(member_ids) if member_ids and rng.random() < 0.4 else None,
    )


def _member(
    rng: random.Random,
    base: dict[str, object],
    branches: list[dict[str, object]],
    hamlets: tuple[str, ...],
    today: date,
    used_ids: set[str],
    leaders: set[str],
    coming_of_age: int,
) -> dict[str, object]:
    name, gender, ethnicity, religion = _person(rng)
    branch_index = rng.randrange(len(branches))
    branch_id = str(branches[branch_index]["id"])
    birth = today - timedelta(days=rng.randint(16 * 365 + 5, 31 * 365 - 5))
    if today.year - birth.year > coming_of_age:  # past the coming-of-age year (early in a year)
        birth = add_years(birth, 1)  # an active member is not: the roster would warn
    sixteen = add_years(birth, 16)
    offset = rng.randint(1, 4 * 365)
    if sixteen + timedelta(days=offset) > today:  # admitted since turning 16, spread evenly
        offset = 1 + offset % max(1, (today - sixteen).days)
    admitted = min(sixteen + timedelta(days=offset), today)
    national_id = None
    if rng.random() < 0.85:
        century = (0 if birth.year < 2000 else 2) + (1 if gender == "female" else 0)
        while national_id is None or national_id in used_ids:
            national_id = f"096{century}{birth.year % 100:02d}{rng.randrange(10**6):06d}"
        used_ids.add(national_id)
    phone = f"0{rng.choice('398')}{rng.randrange(10**8):08d}" if rng.random() < 0.7 else None
    position = "Đoàn viên"
    if branch_id not in leaders:
        leaders.add(branch_id)
        position = "Bí thư"
    elif rng.random() < 0.04:
        position = rng.choice(("Phó Bí thư", "Ủy viên BCH"))
    row = dict(
        base,
        id=new_id(),
        branch_id=branch_id,
        full_name=name,
        gender=gender,
        birth_date=birth,
        birth_precision="day",
        ethnicity=ethnicity,
        religion=religion,
        national_id=national_id,
        phone=phone,
        address_hamlet=f"Ấp {hamlets[branch_index]}",
        address_commune="Tân Hưng",
        address_province="Cà Mau",
        occupation=rng.choice(_OCCUPATIONS),
        education=rng.choice(_EDUCATION),
        admission_date=admitted,
        admission_place="Đoàn xã Tân Hưng",
        admission_decision=None,  # the admission event's number, when history() makes one
        position=position,
        status=_weighted(rng, _STATUSES),
    )
    row.update(derived_columns(name, None, national_id, phone))
    return row
