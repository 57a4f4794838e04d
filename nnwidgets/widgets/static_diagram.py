"""The NetworkDiagram's still picture, for hosts that run no JavaScript: columns of nodes joined by
links in the Playground's colours, laid out as js/src/views/diagram_layout.ts and drawn as
network_diagram.ts draws them (light theme)."""

import math

import numpy as np
from PIL import Image, ImageDraw

from .static_figures import LABEL, SOFT, TEXT, draw_legend
from .static_image import BLUE, ORANGE, draw_text, palette_png, value_colors

GAP, RADIUS, LABEL_AREA, TOP = 30, 9, 62, 16  # network_diagram.ts
LINK_ALPHA = 0.85
BEZIER = np.linspace(0, 1, 17)[:, None]  # samples along each link's curve


def column_rows(column: dict) -> list[tuple[int, int]]:
    """A column's drawn rows (unit, row in the weights sent): its shown nodes in order, and an
    ellipsis (-1, -1) where their indices jump over the nodes left out."""
    rows, placed = [], False
    shown = column["shown"]
    for row, unit in enumerate(shown):
        if row > 0 and unit != shown[row - 1] + 1 and column["more"] > 0 and not placed:
            rows.append((-1, -1))
            placed = True
        rows.append((unit, row))
    if column["more"] > 0 and not placed:
        rows.append((-1, -1))
    return rows


def _link_width(weight: float, width_scale: float, widest: float) -> int:
    size = abs(weight) / (width_scale if width_scale > 0 else 1)
    return round(1 + (widest - 1) * min(size, 1)) if math.isfinite(size) else 1


def network_diagram_image(columns: list[dict], weights, scales, width: int = 560):
    """The NetworkDiagram: links weakest first (orange negative, blue positive, wider for larger
    |w|), nodes (inputs hollow, others in their bias' colour), ellipses for the nodes left out,
    each column's caption, and a key.

    Args:
        columns: The ``_layers`` of the widget: name, units, shown, more, labels, activation,
            params, notes per column, input first.
        weights: float32 per link layer: W of the shown nodes row-major, then b.
        scales: (link layers, 2): each layer's colour scale and width scale.
        width: Width of the picture in pixels.
    """
    weights = np.asarray(weights, np.float64)
    scales = np.asarray(scales, np.float64).reshape(-1, 2)
    scales = np.where(scales == 0, 1.0, scales)
    rows = [column_rows(column) for column in columns]
    tallest = max([1, *map(len, rows)])
    height = TOP + tallest * GAP
    image = Image.new("RGB", (width, height + LABEL_AREA + 22), "white")
    draw = ImageDraw.Draw(image)
    margin = min(90, width / (2 * len(columns))) + (20 if columns[0]["labels"] else 0)
    step = (width - 2 * margin) / (len(columns) - 1) if len(columns) > 1 else 0
    middle = TOP + tallest * GAP / 2
    places = []  # per column: x, and (y, unit, row) per drawn row
    for c, column_rows_ in enumerate(rows):
        x = margin + c * step if len(columns) > 1 else width / 2
        top = middle - (len(column_rows_) - 1) * GAP / 2
        places.append(
            (x, [(top + k * GAP, unit, row) for k, (unit, row) in enumerate(column_rows_)])
        )
    offsets, at = [], 0
    for k in range(len(columns) - 1):
        count = len(columns[k]["shown"]) * len(columns[k + 1]["shown"])
        offsets.append((at, at + count))
        at += count + len(columns[k + 1]["shown"])
    links = []
    for k, (w_at, _) in enumerate(offsets):
        (x0, ins), (x1, outs) = places[k], places[k + 1]
        cols = len(columns[k + 1]["shown"])
        widest = min(10, max(2.5, 30 / math.sqrt(max(1, cols * len(columns[k]["shown"])))))
        for y0, _, a in (node for node in ins if node[2] >= 0):
            for y1, _, b in (node for node in outs if node[2] >= 0):
                w = float(weights[w_at + a * cols + b])
                links.append((abs(w / scales[k, 1]), x0, y0, x1, y1, w, k, widest))
    colors = value_colors([link[5] / scales[link[6], 0] for link in links]) * LINK_ALPHA
    colors = np.rint(colors + 255 * (1 - LINK_ALPHA)).astype(int)
    for index in sorted(range(len(links)), key=lambda i: links[i][0]):
        _, x0, y0, x1, y1, w, k, widest = links[index]
        mid = (x0 + x1) / 2
        ends = np.array([[x0 + RADIUS, y0], [mid, y0], [mid, y1], [x1 - RADIUS, y1]])
        t = BEZIER
        curve = (
            (1 - t) ** 3 * ends[0] + 3 * (1 - t) ** 2 * t * ends[1]
            + 3 * (1 - t) * t**2 * ends[2] + t**3 * ends[3]
        )  # fmt: skip
        width_px = _link_width(w, scales[k, 1], widest)
        draw.line(
            [tuple(p) for p in curve], fill=tuple(colors[index]), width=width_px, joint="curve"
        )
    for c, (column, (x, nodes)) in enumerate(zip(columns, places, strict=True)):
        _column_nodes(draw, c, column, x, nodes, weights, scales, offsets)
        y = height + 10
        size = f"{column['units']:,} unit{'' if column['units'] == 1 else 's'}"
        details = [
            size,
            *([column["activation"]] if column["activation"] else []),
            *column["notes"],
        ]
        draw_text(draw, (x, y), column["name"], TEXT, 12, "ma")
        draw_text(draw, (x, y + 16), " · ".join(details), SOFT, 11, "ma")
        if c > 0:
            draw_text(draw, (x, y + 31), f"{column['params']:,} params", LABEL, 11, "ma")
    keys = [(ORANGE, "negative weight", True), (BLUE, "positive weight", True)]
    keys.append((None, "thicker: larger |weight| · node colour: bias", False))
    draw_legend(draw, (8, height + LABEL_AREA + 2), keys)
    return palette_png(image)


def _column_nodes(draw, c, column, x, nodes, weights, scales, offsets) -> None:
    """Column `c`'s nodes at `x`: circles, its ellipsis and its labels."""
    for y, unit, row in nodes:
        if unit < 0:
            for dy in (-6, 0, 6):
                draw.ellipse((x - 1.6, y + dy - 1.6, x + 1.6, y + dy + 1.6), fill=SOFT)
            draw_text(draw, (x + RADIUS + 2, y), f"{column['more']:,} more", LABEL, 10, "lm", True)
            continue
        if c == 0:
            fill = (255, 255, 255)
        else:
            bias = weights[offsets[c - 1][1] + row] / scales[c - 1, 0]
            fill = tuple(int(v) for v in value_colors(bias))
        box = (x - RADIUS, y - RADIUS, x + RADIUS, y + RADIUS)
        draw.ellipse(box, fill=fill, outline=TEXT, width=2)
        label = column["labels"][row] if column["labels"] else None
        if label:
            draw_text(draw, (x - RADIUS - 6, y), label, SOFT, 12, "rm")
        elif column["more"] > 0 and unit == column["units"] - 1:
            # The last node's index says how far the ellipsis reaches.
            at, anchor = ((x - RADIUS - 4, y), "rm") if c == 0 else ((x + RADIUS + 3, y + 12), "lm")
            draw_text(draw, at, f"#{unit:,}", LABEL, 10, anchor, True)
