"""The evidence annex: attached PDFs checked before anything is written, photos placed on A4
upright (their EXIF orientation applied) with their number and caption, one or two a page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from ...core.dossier.lost import build_refused_text
from ...core.errors import AppError
from ...core.evidence.store import EvidenceStore
from ...core.lang.text import nfc
from ..document import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP
from ..fonts import BOLD, register_fonts
from ..styles import markup, styles
from .front import serif_canvas
from .parts import Evidence

PDF = "application/pdf"
CAPTION_SIZE = 13
ORIENTATION = 0x0112  # the EXIF tag
PAIR_GAP = 10 * mm  # between the two photos of a page


def refused(e: Evidence, reason: str) -> AppError:
    return AppError(f"Tệp minh chứng “{e.attachment.original_name}” ({e.label}) {reason}. "
                    "Hãy thay hoặc gỡ tệp này rồi lập lại hồ sơ; chưa ghi gì.")  # fmt: skip


def open_pdf(e: Evidence) -> PdfReader:
    """The evidence PDF read whole, or AppError naming it (encrypted, damaged, not a PDF)."""
    try:
        with e.attachment.path.open("rb") as handle:
            if not handle.read(5).startswith(b"%PDF-"):
                raise refused(e, "không phải tệp PDF")
        reader = PdfReader(e.attachment.path, strict=False)
        if reader.is_encrypted:
            raise refused(e, "có mật khẩu")
        if len(reader.pages) == 0:
            raise refused(e, "không có trang nào")
        for page in reader.pages:
            page.get_contents()
    except AppError:
        raise
    except OSError as exc:
        raise refused(e, "không đọc được") from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise refused(e, "bị hỏng") from exc
    return reader


@dataclass(frozen=True)
class Photo:
    """A photo checked readable: its file, its upright size and its EXIF orientation."""

    path: Path
    width: int
    height: int
    orientation: int
    jpeg: bool

    @property
    def upright_source(self) -> bool:
        """Drawn from its own file as it is (a JPEG passes into the PDF undecoded)."""
        return self.jpeg and self.orientation == 1


def open_photo(e: Evidence) -> Photo:
    """The photo decoded (at a reduced scale for a JPEG: quick, and a damaged file still
    fails) with its upright size, or AppError naming it."""
    try:
        with Image.open(e.attachment.path) as image:
            jpeg = image.format == "JPEG"
            orientation = int(image.getexif().get(ORIENTATION, 1) or 1)
            width, height = image.size
            image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
            image.load()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise refused(e, "không đọc được ảnh") from exc
    if orientation in (5, 6, 7, 8):  # turned a quarter: width and height swap
        width, height = height, width
    return Photo(e.attachment.path, width, height, orientation, jpeg)


def photo_source(photo: Photo, temp: Path) -> Path:
    """The file to draw: the photo's own, or an upright JPEG copy in ``temp``."""
    if photo.upright_source:
        return photo.path
    with Image.open(photo.path) as image:
        upright = on_white(ImageOps.exif_transpose(image))
    copy = temp / f"upright-{photo.path.name}.jpg"
    upright.save(copy, quality=90)
    return copy


def on_white(image: Image.Image) -> Image.Image:
    """``image`` in RGB, its transparent parts (a PNG's alpha, a palette's transparent colour)
    laid on white paper, as the app's thumbnail shows them: dropping the alpha would leave the
    colour stored under it, mostly black, and dark ink on it unreadable."""
    transparent = image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or ("transparency" in image.info)
    if not transparent:
        return image.convert("RGB")
    rgba = image.convert("RGBA")
    paper = Image.new("RGB", rgba.size, (255, 255, 255))
    paper.paste(rgba, mask=rgba.getchannel("A"))
    return paper


def lost_files(evidence: Sequence[Evidence]) -> list[Evidence]:
    """The files of ``evidence`` the store no longer holds with their hash (gone, cut short,
    changed in place): each read whole and hashed, once per content. The build reads them all
    anyway; the check, run at each change of the page, reads their sizes only
    (:mod:`~doancoso.core.dossier.lost`)."""
    sound: dict[str, bool] = {}
    for e in evidence:
        sha = e.attachment.sha256
        if sha not in sound:
            sound[sha] = EvidenceStore.hash_of(e.attachment.path) == sha
    return [e for e in evidence if not sound[e.attachment.sha256]]


def check_files(evidence: Sequence[Evidence]) -> dict[str, PdfReader | Photo]:
    """Every evidence file opened (by number), or AppError: naming every file lost from the
    store (:func:`lost_files`), else the first unreadable one."""
    lost = lost_files(evidence)
    if lost:
        raise AppError(build_refused_text([(e.attachment.original_name, e.label) for e in lost]))
    opened: dict[str, PdfReader | Photo] = {}
    for e in evidence:
        opened[e.number] = open_pdf(e) if e.attachment.media_type == PDF else open_photo(e)
    return opened


def write_photo_page(path: Path, photos: Sequence[tuple[Evidence, Photo]],
                     labels: Mapping[str, str] | None = None,
                     captions: Mapping[str, str] | None = None) -> Path:  # fmt: skip
    """One A4 page of one or two photos, one above the other: each with its number above it
    (its label in ``labels``, by number, when the photo has more than one), scaled to fit its
    half and its caption under it (in ``captions``, by number, when its items' differ)."""
    labels, captions = labels or {}, captions or {}
    register_fonts()
    width, height = A4
    canvas = serif_canvas(str(path), pagesize=A4)
    canvas.setTitle(nfc("; ".join(labels.get(e.number, e.label) for e, _ in photos)))
    top, bottom = height - MARGIN_TOP, MARGIN_BOTTOM
    if len(photos) == 1:
        regions = [(top, bottom)]
    else:
        middle = (top + bottom) / 2
        regions = [(top, middle + PAIR_GAP / 2), (middle - PAIR_GAP / 2, bottom)]
    for (e, photo), (region_top, region_bottom) in zip(photos, regions, strict=True):
        label = labels.get(e.number, e.label)
        caption = captions.get(e.number, e.caption)
        _draw_photo(canvas, label, caption, photo, region_top, region_bottom, path.parent)
    canvas.showPage()
    canvas.save()
    return path


def _draw_photo(canvas: Canvas, label: str, text: str, photo: Photo, top: float,
                bottom: float, temp: Path) -> None:  # fmt: skip
    text_w = A4[0] - MARGIN_LEFT - MARGIN_RIGHT
    canvas.setFont(BOLD, CAPTION_SIZE + 1)
    canvas.drawCentredString(MARGIN_LEFT + text_w / 2, top - 14, nfc(label))
    caption = Paragraph(markup(text), styles()["subtitle"])
    _, caption_h = caption.wrap(text_w, 60 * mm)
    box_top, box_bottom = top - 14 - 8 * mm, bottom + caption_h + 6 * mm
    scale = min(text_w / photo.width, (box_top - box_bottom) / photo.height)
    w, h = photo.width * scale, photo.height * scale
    x = MARGIN_LEFT + (text_w - w) / 2
    y = box_top - h
    canvas.drawImage(str(photo_source(photo, temp)), x, y, w, h)
    caption.drawOn(canvas, MARGIN_LEFT, y - 4 * mm - caption_h)
