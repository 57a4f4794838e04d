"""Still pictures of the views drawn on axes or in a turned cube, for hosts that run no
JavaScript: the ActivationView's and the TransformView's points (2-D on axes, 3-D in a cube
turned as the view first shows it) and the LossSurface's heat map with its paths. Layout and
colours follow js/src/views/ (axes.ts, activation_view.ts, transform_paint.ts,
loss_surface*.ts, scales.ts) on the light theme; the colours and text helpers shared with the
other pictures are static_image's.
"""

import itertools
import math

import numpy as np
from PIL import Image, ImageDraw

from .static_image import BLUE, LINE, ORANGE, draw_text, palette_png, text_width

# The views' light theme (kit.ts readTheme's fallbacks).
TEXT, SOFT, LABEL, STRONG = (34, 34, 34), (68, 68, 68), (119, 119, 119), (189, 189, 189)
# More than two classes: Tableau 10 then its light companions (scales.ts CATEGORICAL).
CATEGORICAL = [
    tuple(int(code[k : k + 2], 16) for k in (0, 2, 4))
    for code in [
        *("4e79a7", "f28e2b", "e15759", "76b7b2", "59a14f", "edc948", "b07aa1", "ff9da7"),
        *("9c755f", "bab0ac", "a0cbe8", "ffbe7d", "ff9d9a", "86bcb6", "8cd17d", "f1ce63"),
        *("d4a6c8", "fabfd2", "d7b5a6", "79706e"),
    ]
]
YAW, PITCH = -0.6, 0.45  # projection.ts DEFAULT_ANGLES: how a 3-D view is first turned
I_COLOR, J_COLOR = (214, 39, 40), (44, 160, 44)  # î and ĵ
# The TransformView's grid lines (0.7 px at alpha 0.32) and the square's border, over white.
GRID, BORDER = (214, 218, 223), (119, 126, 133)
PATH_COLORS = [BLUE, J_COLOR, I_COLOR]  # the LossSurface's small, good, too large
TITLE = 24  # the band above a plot for its title


def class_palette(count: int) -> list[tuple[int, int, int]]:
    """Colours of `count` classes as the scatters draw them: orange and blue for two."""
    if count <= 2:
        return [ORANGE, BLUE]
    return [CATEGORICAL[k % len(CATEGORICAL)] for k in range(count)]


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Multiples of a step of 1, 2 or 5 × 10^k inside [lo, hi], about `count` intervals."""
    if not hi > lo:
        return [lo] if math.isfinite(lo) else []
    raw = (hi - lo) / max(1, count)
    power = 10 ** math.floor(math.log10(raw))
    fraction = raw / power
    step = power * (1 if fraction < 1.5 else 2 if fraction < 3 else 5 if fraction < 7 else 10)
    first, last = math.ceil(lo / step - 1e-9), math.floor(hi / step + 1e-9)
    return [float(f"{k * step:.12g}") for k in range(first, last + 1)]


def format_tick(value: float) -> str:
    """A tick label: short, no float noise ("0.25", "1.2e-5", "12,000")."""
    size = abs(value)
    if not math.isfinite(value) or value == 0:
        return "0" if value == 0 else str(value)
    if size >= 1e5 or size < 1e-3:
        mantissa, exponent = f"{value:.1e}".split("e")
        return f"{mantissa}e{int(exponent)}"
    if size >= 1000:
        return f"{round(value):,}"
    return f"{float(f'{value:.3g}'):g}"


def padded_range(values, fraction: float = 0.05) -> tuple[float, float]:
    """The finite extent of `values` widened by `fraction` of its span each side."""
    finite = np.asarray(values, np.float64)
    finite = finite[np.isfinite(finite)]
    if not finite.size:
        return 0.0, 1.0
    lo, hi = float(finite.min()), float(finite.max())
    if hi == lo:
        pad = abs(lo) * 0.5 or 0.5
        return lo - pad, hi + pad
    return lo - (hi - lo) * fraction, hi + (hi - lo) * fraction


def _scale(lo: float, hi: float, to0: float, to1: float):
    """Maps [lo, hi] linearly onto [to0, to1] (numbers or arrays); a flat range to the middle."""
    span = hi - lo

    def scale(v):
        return (to0 + to1) / 2 + 0 * v if span == 0 else to0 + (v - lo) / span * (to1 - to0)

    return scale


def _vertical_text(image, center, text: str, fill, size: int) -> None:
    """`text` turned a quarter left (a y axis' title), centred at `center`."""
    width = int(text_width(text, size)) + 6
    tile = Image.new("L", (width, size + 8), 0)
    draw_text(ImageDraw.Draw(tile), (width / 2, (size + 8) / 2), text, 255, size, "mm")
    tile = tile.rotate(90, expand=True)
    at = (round(center[0] - tile.width / 2), round(center[1] - tile.height / 2))
    image.paste(Image.new("RGB", tile.size, fill), at, tile)


def draw_frame(image, box, x_range, y_range, x_ticks, y_ticks, labels=("", "")):
    """A chart's frame as axes.ts draws it: grid lines at the ticks, the box, tick labels and
    the axes' titles. Returns the scales (x, y) from data to pixels."""
    left, top, right, bottom = box
    x, y = _scale(*x_range, left, right), _scale(*y_range, bottom, top)
    draw = ImageDraw.Draw(image)
    for t in y_ticks:
        draw.line((left, round(y(t)), right, round(y(t))), fill=LINE)
    for t in x_ticks:
        draw.line((round(x(t)), top, round(x(t)), bottom), fill=LINE)
    draw.rectangle(box, outline=STRONG)
    for t in y_ticks:
        draw_text(draw, (left - 4, y(t)), format_tick(t), LABEL, 10, "rm")
    for t in x_ticks:
        draw_text(draw, (x(t), bottom + 3), format_tick(t), LABEL, 10, "ma")
    if labels[0]:
        draw_text(draw, ((left + right) / 2, bottom + 15), labels[0], SOFT, 11, "ma")
    if labels[1]:
        _vertical_text(image, (11, (top + bottom) / 2), labels[1], SOFT, 11)
    return x, y


def _clipped(image, box, paint) -> None:
    """`paint(layer)` onto a copy of `image`, of which only `box` is kept: the plot's clip."""
    layer = image.copy()
    paint(layer)
    box = tuple(round(v) for v in box)
    image.paste(layer.crop(box), box[:2])


def _dots(draw, xs, ys, colors, radius, outline="white") -> None:
    for x, y, color in zip(xs, ys, colors, strict=True):
        fill = tuple(int(c) for c in color)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=fill, outline=outline)


def _turn(cube) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Points of the cube [-1, 1]³ (n, 3) turned by YAW and PITCH: screen x, y (up), depth."""
    a, b, c = np.asarray(cube, np.float64).reshape(-1, 3).T
    toward = a * math.sin(YAW) + b * math.cos(YAW)
    x = a * math.cos(YAW) - b * math.sin(YAW)
    return (
        x,
        c * math.cos(PITCH) + toward * math.sin(PITCH),
        c * math.sin(PITCH) - toward * math.cos(PITCH),
    )


def _project(cube, center, size) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Screen positions of cube points, the cube's diagonal fitting `size` pixels at `center`."""
    x, y, depth = _turn(cube)
    half = size / 2 / math.sqrt(3)
    return center[0] + x * half, center[1] - y * half, depth


# The cube's 12 edges: pairs of corners that differ in one coordinate.
CUBE_EDGES = [
    (a, b)
    for a, b in itertools.combinations(itertools.product((-1, 1), repeat=3), 2)
    if sum(p != q for p, q in zip(a, b, strict=True)) == 1
]


def _cube(draw, center, size) -> None:
    """The 12 edges of the cube [-1, 1]³, turned and fitting `size` pixels at `center`."""
    for a, b in CUBE_EDGES:
        xs, ys, _ = _project([a, b], center, size)
        draw.line((xs[0], ys[0], xs[1], ys[1]), fill=LINE)


def _title(draw, title: str, width: int) -> None:
    """The line above a plot, smaller (down to 10 pixels) where it would not fit `width`."""
    fits = [points for points in (13, 12, 11) if text_width(title, points) <= width - 16]
    draw_text(draw, (8, 6), title, TEXT, fits[0] if fits else 10)


def draw_legend(draw, xy, items) -> None:
    """Keys in a row: (colour, text, line?) each, a swatch or a line before its text (none
    without a colour)."""
    x, y = xy
    for color, text, line in items:
        if color is not None and line:
            draw.line((x, y + 7, x + 20, y + 7), fill=color, width=2)
            x += 26
        elif color is not None:
            draw.rectangle((x, y + 2, x + 10, y + 12), fill=color)
            x += 15
        draw_text(draw, (x, y), text, SOFT, 12)
        x += text_width(text, 12) + 14


def activation_view_image(points, labels, classes: list[str], axis_names, title, size=360):
    """The ActivationView: its title, the points of the epoch shown coloured by class (two
    units: a scatter on axes; three: a cube), and a key of the classes.

    Args:
        points: (n, 2 or 3) the units' values per point.
        labels: The class index of each point.
        classes: The classes' names.
        axis_names: The units' names, e.g. ``["dense[0]", "dense[1]"]``.
        title: The line above the plot.
        size: Width (and plot height) in pixels.
    """
    points = np.asarray(points, np.float64)
    count, dims = points.shape
    palette = class_palette(len(classes))
    colors = np.array(palette, np.float64)[np.asarray(labels) % len(palette)]
    image = Image.new("RGB", (size, TITLE + size + 22), "white")
    draw = ImageDraw.Draw(image)
    _title(draw, title, size)
    radius = 2.2 if count > 2000 else 3.2
    outline = None if count > 2000 else "white"
    if dims == 2:
        box = (48, TITLE + 8, size - 10, TITLE + size - 36)
        x_range, y_range = padded_range(points[:, 0]), padded_range(points[:, 1])
        x, y = draw_frame(
            image, box, x_range, y_range, nice_ticks(*x_range), nice_ticks(*y_range), axis_names
        )
        faded = colors * 0.8 + 255 * 0.2  # the view's alpha 0.8
        _clipped(
            image,
            box,
            lambda layer: _dots(
                ImageDraw.Draw(layer), x(points[:, 0]), y(points[:, 1]), faded, radius, outline
            ),
        )
    else:
        center, plot = (size / 2, TITLE + size / 2 + 4), size * 0.86
        _cube_scatter(draw, points, colors, axis_names, center, plot, outline)
    keys = [(palette[k], f"class {name}", False) for k, name in enumerate(classes)]
    draw_legend(draw, (8, TITLE + size + 2), keys)
    return palette_png(image)


def _cube_scatter(draw, points, colors, axis_names, center, plot, outline) -> None:
    """Points of three units in the turned cube, farther ones paler and smaller, with the axes
    from the corner of the lows; the axes' names go on top, so no point hides them."""
    _cube(draw, center, plot)
    ranges = [padded_range(points[:, axis], 0) for axis in range(3)]
    labels = []
    for axis, name in enumerate(axis_names):
        end, beyond = [-1, -1, -1], [-1, -1, -1]
        end[axis], beyond[axis] = 1, 1.25
        xs, ys, _ = _project([[-1, -1, -1], end, beyond], center, plot)
        draw.line((xs[0], ys[0], xs[1], ys[1]), fill=SOFT, width=1)
        labels += [((xs[2], ys[2]), name, SOFT, 11)]
        labels += [((xs[2], ys[2] + 13), f"up to {format_tick(ranges[axis][1])}", LABEL, 9)]
    xs, ys, _ = _project([[-1, -1, -1]], center, plot)
    low = ", ".join(format_tick(lo) for lo, _ in ranges)
    labels.append(((xs[0], ys[0] + 12), f"({low})", LABEL, 9))
    spans = np.array([hi - lo or 1 for lo, hi in ranges])
    xs, ys, depth = _project((points - [lo for lo, _ in ranges]) / spans * 2 - 1, center, plot)
    small = 2.2 if len(points) > 2000 else 3
    for k in np.argsort(depth, kind="stable"):
        alpha, r = 0.55 + 0.12 * depth[k], small * (1 + 0.12 * depth[k])
        color = tuple(int(c) for c in np.rint(colors[k] * alpha + 255 * (1 - alpha)))
        draw.ellipse((xs[k] - r, ys[k] - r, xs[k] + r, ys[k] + r), fill=color, outline=outline)
    for at, text, color, size in labels:
        draw_text(draw, at, text, color, size, "mm", halo=True)


def _dashed(draw, a, b, fill, width=2, dash=(7, 4)) -> None:
    """A dashed line from `a` to `b`."""
    length = math.dist(a, b)
    if length == 0:
        return
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    at = 0.0
    while at < length:
        end = min(at + dash[0], length)
        draw.line((a[0] + ux * at, a[1] + uy * at, a[0] + ux * end, a[1] + uy * end), fill, width)
        at += dash[0] + dash[1]


def _arrow(draw, start, end, color) -> None:
    """An arrow from `start` to `end` with a head of at most 10 pixels (transform_paint.ts)."""
    draw.line((*start, *end), fill=color, width=3)
    length = math.dist(start, end)
    if length < 2:
        return
    head = min(10, length * 0.4)
    ux, uy = (end[0] - start[0]) / length, (end[1] - start[1]) / length
    tip = (end[0] + ux * 2, end[1] + uy * 2)
    left = (end[0] - ux * head - uy * head * 0.5, end[1] - uy * head + ux * head * 0.5)
    right = (end[0] - ux * head + uy * head * 0.5, end[1] - uy * head - ux * head * 0.5)
    draw.polygon([tip, left, right], fill=color)


def _line_in_square(w, b, cx, cy, half):
    """The longest segment of w·p + b = 0 inside the square at (cx, cy); None if it misses."""
    w0, w1 = (list(w) + [0.0, 0.0])[:2]
    lo, hi = (cx - half, cy - half), (cx + half, cy + half)
    hits = [(x, -(w0 * x + b) / w1) for x in (lo[0], hi[0]) if w1 != 0]
    hits += [(-(w1 * y + b) / w0, y) for y in (lo[1], hi[1]) if w0 != 0]
    hits = [(x, y) for x, y in hits if lo[0] <= x <= hi[0] and lo[1] <= y <= hi[1]]
    if len(hits) < 2:
        return None
    return max(itertools.combinations(hits, 2), key=lambda pair: math.dist(*pair))


def _plane_outline(decision, center3, half) -> list:
    """Where the plane w·h + b = 0 cuts the edges of the fit's cube, in cube coordinates."""
    w, b = np.asarray(decision["w"], np.float64), float(decision["b"])
    hits = []
    for a, c in CUBE_EDGES:
        pa, pc = center3 + np.array(a) * half, center3 + np.array(c) * half
        fa, fc = w @ pa + b, w @ pc + b
        if fa != fc and fa * fc <= 0:
            hits.append((pa + (pc - pa) * fa / (fa - fc) - center3) / half)
    return hits


def transform_view_image(rows, grid: int, labels, classes: int, entry: dict, title, size=400):
    """The TransformView at one stage: the grid over the input square as that stage moved it, the
    output's decision line (or plane) where the stage carries it, the points by class, and î, ĵ;
    2-D stages on axes of one scale, 3-D ones in a cube.

    Args:
        rows: The stage's points, (grid² + 3 + n, dims): the grid row-major, the origin, î, ĵ,
            then the data.
        grid: Points per side of the grid.
        labels: The data's class indices.
        classes: How many classes.
        entry: The stage's index entry (``dims``, ``units``, ``layer``, ``decision``).
        title: The line above the plot.
        size: Width (and plot height) in pixels.
    """
    rows = np.asarray(rows, np.float64)
    dims = rows.shape[1]
    padded = np.zeros((len(rows), 3))
    padded[:, :dims] = rows
    finite = np.where(np.isfinite(padded), padded, np.nan)
    lo, hi = np.nanmin(finite, axis=0), np.nanmax(finite, axis=0)
    center3 = (lo + hi) / 2
    half = float(np.max(hi - lo)) / 2
    half = half * 1.08 if half > 0 else 1.0
    image = Image.new("RGB", (size, TITLE + size + 22), "white")
    draw = ImageDraw.Draw(image)
    _title(draw, title, size)
    decision = entry.get("decision")
    if dims == 3:
        center, plot = (size / 2, TITLE + size / 2), size * 0.9
        _cube(draw, center, plot)
        zero = -center3 / half  # the origin, in the cube's coordinates
        ends = []
        for axis in range(3):
            end = zero.copy()
            end[axis] = 0.9
            (zx, ex), (zy, ey), _ = _project([zero, end], center, plot)
            draw.line((zx, zy, ex, ey), fill=STRONG)
            ends.append((ex + (ex - zx) * 0.08, ey + (ey - zy) * 0.08))
        xs, ys, _ = _project((padded - center3) / half, center, plot)
        _stage_grid(draw, xs, ys, grid)
        if decision and len(decision["w"]) >= 3:
            _decision_plane(image, _plane_outline(decision, center3, half), center, plot)
        draw = ImageDraw.Draw(image)
        _stage_points(draw, xs, ys, grid, labels, classes)
        for axis, at in enumerate(ends):  # on top, so no point hides them
            draw_text(draw, at, f"unit {axis + 1}", SOFT, 11, "mm", halo=True)
    else:
        box = (44, TITLE + 8, size - 8, TITLE + size - 34)
        side = min(box[2] - box[0], box[3] - box[1])
        ox, oy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        half_x, half_y = half * (box[2] - box[0]) / side, half * (box[3] - box[1]) / side
        x_range = (center3[0] - half_x, center3[0] + half_x)
        y_range = (center3[1] - half_y, center3[1] + half_y)
        if entry.get("layer") is None:
            names = ["x1", "x2"]
        else:
            names = [*(f"unit {u + 1}" for u in entry["units"]), ""][:2]
        x_ticks, y_ticks = nice_ticks(*x_range, 6), nice_ticks(*y_range, 6)
        draw_frame(image, box, x_range, y_range, x_ticks, y_ticks, names)
        scale = side / 2 / half

        def screen(points):
            points = np.asarray(points, np.float64).reshape(-1, 3)
            x, y = points[:, 0] - center3[0], points[:, 1] - center3[1]
            return ox + x * scale, oy - y * scale

        xs, ys = screen(padded)

        def paint(layer):
            layer_draw = ImageDraw.Draw(layer)
            _stage_grid(layer_draw, xs, ys, grid)
            segment = decision and _line_in_square(
                decision["w"], decision["b"], center3[0], center3[1], half * 2
            )
            if segment:
                (ax, bx), (ay, by) = screen([[*segment[0], 0], [*segment[1], 0]])
                _dashed(layer_draw, (ax, ay), (bx, by), TEXT)
            _stage_points(layer_draw, xs, ys, grid, labels, classes)

        _clipped(image, box, paint)
    keys = [(I_COLOR, "î (1, 0)", True), (J_COLOR, "ĵ (0, 1)", True)]
    if len(labels):
        keys += [(class_palette(classes)[k], f"class {k}", False) for k in range(max(classes, 1))]
    if decision:
        keys.append((TEXT, "decision line", True))
    draw_legend(draw, (8, TITLE + size + 2), keys)
    return palette_png(image)


def _stage_grid(draw, xs, ys, grid: int) -> None:
    """The moved grid and, stronger, the square's border, at the screen positions of its rows."""
    gx, gy = xs[: grid * grid].reshape(grid, grid), ys[: grid * grid].reshape(grid, grid)
    for line_x, line_y in [*zip(gx, gy, strict=True), *zip(gx.T, gy.T, strict=True)]:
        draw.line(list(zip(line_x, line_y, strict=True)), fill=GRID, width=1)
    ring = [(0, c) for c in range(grid)] + [(r, grid - 1) for r in range(1, grid)]
    ring += [(grid - 1, c) for c in range(grid - 2, -1, -1)]
    ring += [(r, 0) for r in range(grid - 2, -1, -1)]
    draw.line([(gx[r, c], gy[r, c]) for r, c in ring], fill=BORDER, width=2)


def _stage_points(draw, xs, ys, grid: int, labels, classes: int) -> None:
    """The data points by class, then the arrows î and ĵ from the origin."""
    start, labels = grid * grid + 3, np.asarray(labels, int)
    n = min(len(labels), len(xs) - start)
    palette = class_palette(max(2, classes))
    colors = np.array(palette)[labels[:n] % len(palette)]
    _dots(draw, xs[start : start + n], ys[start : start + n], colors, 2.2 if n > 1000 else 3)
    o = grid * grid
    _arrow(draw, (xs[o], ys[o]), (xs[o + 1], ys[o + 1]), I_COLOR)
    _arrow(draw, (xs[o], ys[o]), (xs[o + 2], ys[o + 2]), J_COLOR)


def _decision_plane(image, corners, center, plot) -> None:
    """The plane's outline through the cube, lightly darkened and dashed."""
    if len(corners) < 3:
        return
    xs, ys, _ = _project(corners, center, plot)
    angle = np.arctan2(ys - ys.mean(), xs - xs.mean())
    outline = [(xs[k], ys[k]) for k in np.argsort(angle)]
    shade = Image.new("L", image.size, 0)
    ImageDraw.Draw(shade).polygon(outline, fill=15)  # black at alpha 0.06
    image.paste((0, 0, 0), (0, 0, *image.size), shade)
    draw = ImageDraw.Draw(image)
    for a, b in zip(outline, outline[1:] + outline[:1], strict=True):
        _dashed(draw, a, b, TEXT)


# The LossSurface's bands, light (low loss) to dark (loss_surface_maths.ts bandColor).
BAND_STOPS = np.array(
    [[255, 250, 220], [253, 190, 110], [230, 110, 80], [150, 50, 110], [60, 20, 90]], np.float64
)


def contour_levels(values, count: int = 12) -> np.ndarray:
    """`count` levels spaced evenly in log between the surface's lowest and highest value."""
    finite = np.asarray(values, np.float64)
    finite = finite[np.isfinite(finite)]
    if not finite.size or not finite.max() > finite.min():
        return np.zeros(0)
    a, b = math.log(max(finite.min(), 1e-12)), math.log(finite.max())
    return np.exp(a + (b - a) * np.arange(1, count + 1) / (count + 1))


def surface_pixels(values) -> np.ndarray:
    """RGB of a surface (rows × cols, row 0 the largest w₂): each sample in its band's colour,
    darker where the band changes to the right or below (the contours)."""
    values = np.asarray(values, np.float64)
    levels = contour_levels(values)
    bands = np.searchsorted(levels, np.nan_to_num(values, nan=-np.inf), side="left")
    x = (bands / len(levels) if len(levels) else np.zeros(bands.shape)) * (len(BAND_STOPS) - 1)
    index = np.minimum(np.floor(x).astype(int), len(BAND_STOPS) - 2)
    f = (x - index)[..., None]
    colors = np.floor(BAND_STOPS[index] + (BAND_STOPS[index + 1] - BAND_STOPS[index]) * f + 0.5)
    edge = np.zeros(bands.shape, bool)
    edge[:, :-1] |= bands[:, :-1] != bands[:, 1:]
    edge[:-1, :] |= bands[:-1, :] != bands[1:, :]
    return np.rint(colors * np.where(edge, 0.72, 1.0)[..., None]).astype(np.uint8)


def loss_surface_image(surface, extent, paths, minimum, keys: list[str], size: int = 440):
    """The LossSurface: the loss as bands with contours (light is low), gradient descent's
    paths (dots at each step, cut where a path leaves the box), the start's ring and the
    minimum's ×, with a key line per path.

    Args:
        surface: The loss, (rows, cols), row 0 the largest w₂.
        extent: [w1 lo, w1 hi, w2 lo, w2 hi].
        paths: Per learning rate, the weights after each step, the start first.
        minimum: The weights at the bottom of the bowl.
        keys: Per path, its line in the key ("small learning rate 0.01").
        size: Width (and plot height) in pixels.
    """
    w1_lo, w1_hi, w2_lo, w2_hi = (float(v) for v in extent)
    image = Image.new("RGB", (size, TITLE + size + 6 + 18 * len(keys)), "white")
    draw = ImageDraw.Draw(image)
    _title(draw, "Loss over two weights", size)
    side = max(size - 58, 60)
    box = (46, TITLE + 10, 46 + side, TITLE + 10 + side)
    heat = Image.fromarray(surface_pixels(surface), "RGB")
    image.paste(heat.resize((side, side), Image.Resampling.BILINEAR), box[:2])
    x, y = draw_frame(
        image,
        box,
        (w1_lo, w1_hi),
        (w2_lo, w2_hi),
        nice_ticks(w1_lo, w1_hi),
        nice_ticks(w2_lo, w2_hi),
        ("weight w₁", "weight w₂"),
    )
    gone = []

    def inside(w):
        return w1_lo <= w[0] <= w1_hi and w2_lo <= w[1] <= w2_hi

    def paint(layer):
        layer_draw = ImageDraw.Draw(layer)
        # The too-large path first: its long zig-zags would hide the small one's short steps.
        for k in reversed(range(len(paths))):
            color = PATH_COLORS[k % len(PATH_COLORS)]
            shown = []
            for w in paths[k]:
                shown.append(w)
                if not inside(w):
                    break
            flew_off = not inside(shown[-1]) if shown else False
            gone.append(flew_off)
            xy = [(x(w[0]), y(w[1])) for w in shown]
            if len(xy) > 1:
                layer_draw.line(xy, fill="white", width=5, joint="curve")
                layer_draw.line(xy, fill=color, width=3, joint="curve")
            dots = xy[:-1] if flew_off else xy
            _dots(layer_draw, [p[0] for p in dots], [p[1] for p in dots], [color] * len(dots), 3.2)
        mx, my = x(minimum[0]), y(minimum[1])
        for sign in (1, -1):
            layer_draw.line((mx - 6, my - 6 * sign, mx + 6, my + 6 * sign), fill=TEXT, width=3)
        if paths:
            sx, sy = x(paths[0][0][0]), y(paths[0][0][1])
            layer_draw.ellipse((sx - 7, sy - 7, sx + 7, sy + 7), outline=TEXT, width=3)

    _clipped(image, box, paint)
    gone.reverse()
    for k, key in enumerate(keys):
        text = key + (": flies off" if gone[k] else "")
        draw_legend(
            draw, (8, box[3] + 26 + 18 * k), [(PATH_COLORS[k % len(PATH_COLORS)], text, True)]
        )
    return palette_png(image)
