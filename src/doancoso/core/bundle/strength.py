"""An honest estimate of a bundle password's strength, without Qt.

The bundle's key comes from the password through scrypt, so a password that is common, short or
made of one kind of character is what an attacker with a lost USB stick tries first. The
estimate is deliberately simple: a password on the list of common passwords (global and
Vietnamese ones such as "123456", "matkhau", "doanthanhnien", with tones removed and case
ignored), a run of one character, a keyboard or number sequence, or a date is "Rất yếu"; else
the length times the bits of its character classes (lower case, upper case, digits, symbols,
Vietnamese letters with tones) gives the level. A password is accepted from 8 characters when
it is not on the list: :func:`password_problem`, the rule of the export wizard and of
``doancoso bundle export`` alike.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..lang.text import fold, nfc

MIN_LENGTH = 8

_WORDS = """
123456 1234567 12345678 123456789 1234567890 0123456789 987654321 111111 000000 666666 888888
999999 123123 112233 121212 123321 654321 147258 147258369 159753 123qwe qwerty qwerty123
qwertyuiop asdfgh asdfghjkl zxcvbnm 1qaz2wsx 1q2w3e4r 1q2w3e4r5t abc123 abcd1234 abcdef
password password1 password123 passw0rd p@ssw0rd admin admin123 administrator root toor
letmein welcome welcome1 iloveyou iloveu monkey dragon master sunshine princess football
baseball superman batman trustno1 login guest default changeme secret 11111111 22222222
12341234 1111 1234 12345 00000000 88888888 66668888 68686868 86868686 99999999 55555555
matkhau matkhau1 matkhau123 matkhau2024 matkhau2025 matkhau2026 matkhaumoi khongco
anhyeuem emyeuanh yeuem yeuanh anhyeuem123 iloveyou123 vietnam vietnam123 vietnam1 vietnamvodich
hanoi hanoi123 saigon saigon123 hochiminh hcm123 danang haiphong cantho camau camau123
doanthanhnien doanthanhnien123 doanthanhnien2025 doanthanhnien2026 thanhnien thanhnien123
doanvien doanvien123 chidoan chidoan123 doanxa doanxa123 doancoso doancoso123 bithu bithu123
tuoitre tuoitre123 thanhdoan tinhdoan huyendoan hcmcyu dtn123 doantn doantncs doantncshcm
hochiminh123 bacho bacho123 tonquoc dangcongsan cong hoa conghoa quehuong quehuong123
matkhaudoan bimat bimat123 khongbiet khongnho quenmatkhau 01012000 01011990 01012001
nguyen nguyen123 tran tran123 le le123 pham pham123 hoang hoang123 huynh phan vu vo dang bui
do ho ngo duong ly minh minh123 anh anh123 linh linh123 huong huong123 trang trang123
thao thao123 hung hung123 tuan tuan123 nam nam123 long long123 duc duc123 quang quang123
hai hai123 son son123 thanh thanh123 ngoc ngoc123 mai mai123 lan lan123 hoa hoa123
maiyeu yeumai motmai hoangtu congchua heocon meocon conmeo concho emyeu anhoi
thienthan thiendia bongda bongda123 manutd manchester chelsea arsenal liverpool barcelona
realmadrid messi ronaldo cr7 m10 nokia samsung iphone zalo zalo123 facebook facebook123
google gmail yahoo 123abc abc123456 aaa111 a123456 a12345678 aa123456 qwe123 zaq12wsx
123456a 123456aa 12345678a 1234abcd 123456789a 1234qwer qwer1234 asd123 asdasd qweqwe
zxc123 zxczxc 147852 147852369 258456 741852963 789456 789456123 456789 11223344 13579
2468 246810 135790 86868686 131313 141414 151515 161616 171717 181818 191919 202020
212121 232323 242424 252525 262626 272727 282828 292929 303030 686868 696969 868686
555666 456456 789789 520520 5201314 1314520 anhyeuem1 emyeuanh1 yeuemnhieu yeuanhnhieu
giadinh giadinh123 hanhphuc hanhphuc123 binhyen bingyen tinhyeu tinhyeu123 maimai
motconvit conga concho123 meomeo gaugau chimse hoasen hoahong hoamai hoadao
truongthanh thanhcong thanhcong123 thatbai tuonglai tuonglai123 uocmo uocmo123
"""

COMMON: frozenset[str] = frozenset(_WORDS.split())
"""Common passwords, folded (no tones, lower case, đ -> d)."""

_SEQUENCES = (
    "0123456789",
    "9876543210",
    "abcdefghijklmnopqrstuvwxyz",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
)
_DATE = re.compile(r"^(0?[1-9]|[12]\d|3[01])[-/.]?(0?[1-9]|1[0-2])[-/.]?((19|20)\d\d|\d\d)$")

VERY_WEAK, WEAK, FAIR, GOOD, STRONG = range(5)
LEVEL_NAMES = ("Rất yếu", "Yếu", "Trung bình", "Khá", "Mạnh")


@dataclass(frozen=True)
class Strength:
    """The estimate: ``level`` 0–4 (:data:`LEVEL_NAMES`), ``bits`` of the length-and-classes
    estimate (0 for a guessable password), ``hint`` what to do about it, ``acceptable``
    whether a bundle may be written with it."""

    level: int
    bits: float
    hint: str
    acceptable: bool

    @property
    def name(self) -> str:
        return LEVEL_NAMES[self.level]


def _guessable(folded: str) -> str | None:
    """Why ``folded`` would be guessed at once, or None."""
    compact = folded.replace(" ", "")
    stripped = compact.rstrip("0123456789!@#.")
    if compact in COMMON or (stripped and stripped in COMMON):
        return "Mật khẩu này nằm trong danh sách mật khẩu phổ biến, bị dò ra ngay."
    if len(set(compact)) <= 2:
        return "Mật khẩu chỉ lặp lại một, hai ký tự."
    if any(compact in seq for seq in _SEQUENCES):
        return "Mật khẩu là một dãy liên tiếp trên bàn phím hoặc dãy số."
    if _DATE.match(compact):
        return "Mật khẩu là một ngày tháng (như ngày sinh), dễ bị đoán."
    return None


def _pool(password: str) -> int:
    pool = 0
    if any("a" <= ch <= "z" for ch in password):
        pool += 26
    if any("A" <= ch <= "Z" for ch in password):
        pool += 26
    if any(ch.isdigit() and ch.isascii() for ch in password):
        pool += 10
    if any(not ch.isalnum() and ch.isascii() for ch in password):
        pool += 33
    if any(not ch.isascii() for ch in password):
        pool += 67  # Vietnamese letters with their tones, in both cases
    return pool


def estimate(password: str) -> Strength:
    """The strength of ``password`` (module docstring)."""
    if not password:
        return Strength(VERY_WEAK, 0.0, "Chưa nhập mật khẩu.", False)
    reason = _guessable(fold(password))
    if reason is not None:
        return Strength(VERY_WEAK, 0.0, reason, False)
    bits = len(password) * math.log2(max(_pool(password), 2))
    if len(password) < MIN_LENGTH:
        hint = f"Mật khẩu quá ngắn: cần ít nhất {MIN_LENGTH} ký tự."
        return Strength(VERY_WEAK, bits, hint, False)
    if bits < 45:
        level, hint = WEAK, "Nên dài hơn, hoặc thêm chữ hoa, chữ số, ký hiệu."
    elif bits < 60:
        level, hint = FAIR, "Dùng được; dài hơn thì an toàn hơn."
    elif bits < 80:
        level, hint = GOOD, "Mật khẩu khá an toàn."
    else:
        level, hint = STRONG, "Mật khẩu an toàn."
    return Strength(level, bits, hint, True)


def password_problem(password: str) -> str | None:
    """Why a bundle may not be encrypted with ``password`` (the strength's hint, as the export
    wizard shows it), or None."""
    strength = estimate(nfc(password))
    return None if strength.acceptable else strength.hint
