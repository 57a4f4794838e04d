"""The ClassOverview's still picture, for hosts that run no JavaScript: a grid of student cells,
each a decision map with its points, figures and verdict, as js/src/views/class_overview.ts
draws them (light theme)."""

import numpy as np
from PIL import Image, ImageDraw

from .static_image import (
    BLUE,
    CLASS_COLORS,
    LINE,
    ORANGE,
    draw_text,
    palette_png,
    plane_map,
    text_width,
    value_colors,
)

# A dot: 3 × 3 pixels of its colour in a round ring 1 pixel wide.
RING = [(dx, dy) for dx in range(-2, 3) for dy in range(-2, 3) if 2 < dx * dx + dy * dy <= 5]
DOT = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]


def stamp_dots(pixels, xs, ys, colors, rings) -> None:
    """Small dots, 5 pixels across with their ring of grey level `rings` (one per dot), drawn
    straight into the RGB array `pixels` at (`xs`, `ys`): hundreds in the time of a few
    ellipses. Every ring first, then the fills on top."""
    height, width = pixels.shape[:2]
    cx, cy = np.rint(xs).astype(int), np.rint(ys).astype(int)
    for offsets, paint in ((RING, rings), (DOT, colors)):
        paint = np.broadcast_to(np.asarray(paint, np.uint8).reshape(len(cx), -1), (len(cx), 3))
        dx, dy = np.array(offsets).T
        px, py = (cx[:, None] + dx).ravel(), (cy[:, None] + dy).ravel()
        keep = (px >= 0) & (px < width) & (py >= 0) & (py < height)
        pixels[py[keep], px[keep]] = np.repeat(paint, len(offsets), axis=0)[keep]


def _loss_text(value) -> str:
    """A loss as a ClassOverview cell writes it: three decimals, tiny ones as 1.2e-4."""
    if value is None or not np.isfinite(value):
        return "-"
    return f"{value:.3f}" if value >= 0.001 or value == 0 else f"{value:.1e}".replace("e-0", "e-")


def _student_cell(draw, image, origin, row, maps, points, resolution: int) -> None:
    """One ClassOverview cell at `origin`: name, decision map with points, figures, verdict."""
    x, y = origin
    draw.rectangle((x, y, x + 117, y + 169), outline=LINE)
    read = row.get("reason") is not None
    draw.rectangle(
        (x, y, x + 117, y + 2), fill=(BLUE if row["passed"] else ORANGE) if read else LINE
    )
    name = row["name"]
    while len(name) > 1 and text_width(name, 12) > 106:
        name = name[:-2] + "…"
    draw_text(draw, (x + 6, y + 7), name, fill=(34, 34, 34), size=12)
    outputs, at = row.get("outputs") or 1, row.get("map_at")
    size = outputs * resolution * resolution
    if at is None or at + size > len(maps):
        draw.rectangle((x + 6, y + 24, x + 111, y + 129), fill=(240, 240, 240))
    else:
        pixels = plane_map(maps[at : at + size], resolution, max(outputs, 2), False, False)
        tile = Image.fromarray(pixels, "RGB").resize((106, 106), Image.Resampling.BILINEAR)
        tile = np.array(tile)
        count, start = row.get("points") or 0, row.get("points_at") or 0
        rows = np.frombuffer(points, np.uint8)[start : start + 3 * count].reshape(-1, 3)
        rows = rows.astype(np.float64)
        if outputs > 1:
            colors = np.array(CLASS_COLORS, np.uint8)[rows[:, 2].astype(int) % len(CLASS_COLORS)]
        else:
            colors = value_colors(rows[:, 2] / 127.5 - 1)
        rings = np.where(np.arange(count) >= row.get("train_points", count), 0, 255)  # test: black
        stamp_dots(tile, rows[:, 0] / 255 * 105, (1 - rows[:, 1] / 255) * 105, colors, rings)
        image.paste(Image.fromarray(tile), (x + 6, y + 24))
    if not read:
        draw_text(draw, (x + 6, y + 150), "not read yet", fill=(119, 119, 119), size=12)
        return
    accuracy = row.get("test_accuracy")
    accuracy = "-" if accuracy is None else f"{round(100 * accuracy)}%"
    draw_text(draw, (x + 6, y + 134), f"loss {_loss_text(row.get('test_loss'))}", (68, 68, 68), 11)
    draw_text(draw, (x + 112, y + 134), f"acc {accuracy}", (68, 68, 68), 11, anchor="ra")
    verdict, color = ("passed", BLUE) if row["passed"] else ("not passed", (194, 94, 0))
    draw_text(draw, (x + 6, y + 150), verdict, fill=color, size=12)


def class_overview_image(
    title: str,
    lines: list[str],
    rows: list[dict],
    maps: bytes,
    points: bytes,
    resolution: int,
    *,
    columns: int = 6,
    most: int = 18,
) -> Image.Image:
    """The ClassOverview: its title and notes over a grid of student cells (name, decision map in
    full colour with the points, test loss and accuracy, the verdict in its colour: blue passed,
    orange not), the first `most` of `rows` in rows of `columns`.

    Args:
        title: The headline ("Class overview, q3: 3 of 5 students passed").
        lines: Notes under it (the goal, the problems); a line for the students left out follows.
        rows: Per student as ``ClassOverview.students`` holds them, in the order drawn; a student
            not figured yet is ``{"name", "passed": False, "reason": None}``.
        maps: The ``_maps`` bytes.
        points: The ``_points`` bytes: rows [x, y, label], coordinates 0-255 over [-6, 6].
        resolution: Cells along a side of each map.
        columns: Cells per row at most.
        most: Cells drawn at most.
    """
    gap, width, height = 8, 118, 170
    shown = rows[:most]
    if len(rows) > most:
        lines = [*lines, f"The first {most} of {len(rows)} students by name:"]
    columns = max(1, min(columns, len(shown)))
    head = 30 + 18 * len(lines)
    lines_of_cells = -(-len(shown) // columns)
    image = Image.new(
        "RGB",
        (max(columns * (width + gap) + gap, 480), head + lines_of_cells * (height + gap) + gap),
        "white",
    )
    draw = ImageDraw.Draw(image)
    draw_text(draw, (gap, 8), title, fill=(34, 34, 34), size=14)
    for index, line in enumerate(lines):
        draw_text(draw, (gap, 30 + 18 * index), line, fill=(119, 119, 119), size=12)
    for index, row in enumerate(shown):
        origin = (
            gap + (index % columns) * (width + gap),
            head + (index // columns) * (height + gap),
        )
        _student_cell(draw, image, origin, row, maps, points, resolution)
    return palette_png(image)
