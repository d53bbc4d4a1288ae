"""Draw the application icon (an original design) and write packaging/icons/doancoso.{png,ico}.

A blue rounded square with a yellow five-pointed star over a white open book: "the union's
records". Run again after changing the drawing: ``python packaging/make_icon.py`` (needs Pillow,
which reportlab already brings). The generated files are committed.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent / "icons"
SIZE = 512  # drawn large, scaled down with antialiasing
BLUE, YELLOW, WHITE, SHADE = (21, 101, 192), (255, 213, 0), (255, 255, 255), (187, 222, 251)


def star(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    d.rounded_rectangle((16, 16, SIZE - 16, SIZE - 16), radius=96, fill=BLUE)
    # an open book: two pages meeting at the spine
    spine_x, top, bottom = SIZE / 2, 300, 430
    for edge, inner in ((88, spine_x - 6), (SIZE - 88, spine_x + 6)):
        d.polygon(
            [(edge, top - 20), (inner, top), (inner, bottom), (edge, bottom - 20)], fill=WHITE
        )
    for k in range(3):  # lines of text on the pages
        y = top + 25 + k * 30
        d.line([(118, y - 14), (spine_x - 30, y)], fill=SHADE, width=10)
        d.line([(SIZE - 118, y - 14), (spine_x + 30, y)], fill=SHADE, width=10)
    d.polygon(star(SIZE / 2, 170, 125, 50), fill=YELLOW)
    return image


def main() -> None:
    HERE.mkdir(exist_ok=True)
    image = draw()
    image.resize((256, 256), Image.Resampling.LANCZOS).save(HERE / "doancoso.png", optimize=True)
    sizes = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
    image.save(HERE / "doancoso.ico", sizes=sizes)
    print(f"wrote {HERE / 'doancoso.png'} and {HERE / 'doancoso.ico'}")


if __name__ == "__main__":
    main()
