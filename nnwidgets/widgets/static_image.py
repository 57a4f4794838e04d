"""Still pictures of widgets, for hosts that run no JavaScript (GitHub's and nbviewer's previews,
PDF export): each widget's mime bundle carries one as ``image/png`` beside its live view.

Pure functions of the arrays the kernel already sends to the browser (quantised maps, float32
rows), drawn with Pillow in the front end's colours (js/src/shared/colors.ts, class_colors.ts,
map_colors.ts), so a preview looks like the last frame the view drew.
"""

import base64
import io
import re
import textwrap
from functools import cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

ORANGE = (245, 147, 34)  # #f59322, -1 and class 0
GREY = (232, 234, 235)  # #e8eaeb, 0
BLUE = (8, 119, 189)  # #0877bd, +1 and class 1
CLASS_COLORS = [ORANGE, BLUE, (17, 119, 51), (204, 121, 167), (136, 34, 85)]
MAP_ALPHA = 160 / 255  # the original paints maps at this alpha over white
PLANE = 6.0  # the Playground's input plane is [-6, 6]²
INK = (64, 64, 64)
CURVE_COLORS = [(34, 34, 34), BLUE, ORANGE, (17, 119, 51), (204, 121, 167), (136, 34, 85)]
LINE = (224, 224, 224)  # #e0e0e0, the views' borders
DARK = (31, 31, 31)  # the Perceptron's boundary
BACKGROUND_STRENGTH = 0.6  # the Perceptron's half-planes: the output's colour at this strength
# Pillow's own font has no glyph for these: the pictures spell them out.
_SPELLED = str.maketrans(
    {"≤": "<=", "≥": ">=", "→": "->", "−": "-", "×": "x", "σ": "sigmoid", "–": "-"}
    | {"—": "-", "₁": "1", "₂": "2", "î": "i", "ĵ": "j"}
)
# A "·" between two symbols is a product (w·x), too small to read in that font: spelled "*".
# Between spaces it separates the parts of a title and stays.
_PRODUCT = re.compile(r"(?<=\S)·(?=\S)")


def _spelled(text: str) -> str:
    return _PRODUCT.sub("*", text).translate(_SPELLED)


def _mix(start, end, t) -> np.ndarray:
    """Colours a fraction `t` (an array) of the way from `start` to `end`, rounded as JS does."""
    start, end = np.asarray(start, np.float64), np.asarray(end, np.float64)
    t = np.asarray(t, np.float64)[..., None]
    return np.floor(start + (end - start) * t + 0.5).astype(np.uint8)


def _fade(colors: np.ndarray) -> np.ndarray:
    return np.floor(colors * MAP_ALPHA + 255 * (1 - MAP_ALPHA) + 0.5).astype(np.uint8)


def value_colors(values) -> np.ndarray:
    """RGB of values on the Playground's diverging scale (orange -1, grey 0, blue +1), clamped."""
    v = np.clip(np.nan_to_num(np.asarray(values, np.float64)), -1, 1)
    return np.where((v < 0)[..., None], _mix(ORANGE, GREY, v + 1), _mix(GREY, BLUE, v))


_BYTE_VALUES = np.arange(256) / 255 * 2 - 1
FULL_LUT = value_colors(_BYTE_VALUES)  # a quantised byte's colour, unfaded
MAP_LUT = _fade(FULL_LUT)  # a quantised byte's colour on a map
DISCRETE_LUT = np.where((np.arange(256) >= 128)[:, None], MAP_LUT[255], MAP_LUT[0])


def map_pixels(cells, discretize: bool = False, faded: bool = True) -> np.ndarray:
    """RGB pixels of a quantised map (uint8, row 0 at the top), as the Playground paints it
    (`faded` False: in full colour, as the ClassOverview's small maps)."""
    if not faded:
        return FULL_LUT[np.asarray(cells, np.uint8)]
    return (DISCRETE_LUT if discretize else MAP_LUT)[np.asarray(cells, np.uint8)]


def class_map_pixels(maps, discretize: bool = False, faded: bool = True) -> np.ndarray:
    """RGB pixels of `classes` probability maps (uint8, classes × rows × cols): each cell in its
    likeliest class' colour, paler as that class is less sure (grey at chance); `faded` False:
    not faded as the output view's map is."""
    maps = np.asarray(maps, np.uint8)
    classes = len(maps)
    best = np.argmax(maps, axis=0)
    p = 1.0 if discretize else np.take_along_axis(maps, best[None], 0)[0] / 255
    sure = np.clip((p - 1 / classes) / (1 - 1 / classes), 0, 1)
    palette = np.array([CLASS_COLORS[k % len(CLASS_COLORS)] for k in range(classes)], np.float64)
    colors = np.floor(GREY + (palette[best] - GREY) * np.asarray(sure)[..., None] + 0.5)
    return _fade(colors) if faded else colors.astype(np.uint8)


def point_colors(labels, problem: str, classes: int) -> np.ndarray:
    """RGB of points: regression targets on the diverging scale, else their class' colour."""
    labels = np.asarray(labels, np.float64)
    if problem == "regression":
        return value_colors(labels)
    if classes <= 2:
        index = (labels > 0).astype(int)
    else:
        index = np.clip(np.rint(labels), 0, classes - 1).astype(int)
    return np.array(CLASS_COLORS, np.uint8)[index % len(CLASS_COLORS)]


def plane_map(
    maps: bytes, resolution: int, classes: int, discretize: bool, faded: bool = True
) -> np.ndarray:
    """The output view's pixels from `maps`: one map, or one per class with more than two
    (`faded` False: in full colour)."""
    cells = np.frombuffer(maps, np.uint8)
    if classes > 2:
        return class_map_pixels(cells.reshape(classes, resolution, resolution), discretize, faded)
    return map_pixels(cells.reshape(resolution, resolution), discretize, faded)


def _draw_points(draw, rows, colors, outlines, size: int, origin, radius: float) -> None:
    """Points `rows` [x1, x2] of the plane on a `size`-pixel square drawing at `origin`."""
    scale = size / (2 * PLANE)
    for (x1, x2), color, outline in zip(rows, colors, outlines, strict=True):
        x = origin[0] + (x1 + PLANE) * scale
        y = origin[1] + (PLANE - x2) * scale
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius),
            fill=tuple(int(c) for c in color),
            outline=outline,
        )


def playground_image(
    output_map: bytes,
    resolution: int,
    points,
    train_count: int,
    *,
    problem: str,
    classes: int,
    discretize: bool = False,
    show_test: bool = False,
    size: int = 300,
) -> Image.Image:
    """The Playground's output view: its map of the plane with the training points (and the test
    points when shown, outlined in black), `size` pixels square.

    Args:
        output_map: The ``_output_map`` bytes: one quantised map, or one per class (> 2).
        resolution: Cells along a side of each map.
        points: float32 rows ``[x1, x2, label]``, training points first.
        train_count: How many rows are training points.
        problem: "classification" or "regression".
        classes: Classes of a classification (2 to 5).
        discretize: Each cell in the colour of its sign (or likeliest class) only.
        show_test: Draw the test points too.
        size: Side of the picture in pixels.
    """
    pixels = plane_map(output_map, resolution, classes, discretize)
    image = Image.fromarray(pixels, "RGB").resize((size, size), Image.Resampling.BILINEAR)
    rows = np.asarray(points, np.float32).reshape(-1, 3)
    shown = rows if show_test else rows[:train_count]
    colors = point_colors(shown[:, 2], problem, classes)
    outlines = ["white"] * train_count + ["black"] * (len(shown) - train_count)
    _draw_points(ImageDraw.Draw(image), shown[:, :2], colors, outlines, size, (0, 0), size / 80)
    return image


def sweep_image(
    maps: bytes,
    count: int,
    resolution: int,
    classes: int,
    points,
    train_count: int,
    *,
    problem: str = "classification",
    columns: int = 4,
    cell: int = 120,
) -> Image.Image:
    """The Sweep's grid: one output map per configuration with the training points, in rows of
    `columns`.

    Args:
        maps: The ``_maps`` bytes, (count, outputs, resolution²) with outputs = classes > 2 or 1.
        count: Configurations.
        resolution: Cells along a side of each map.
        classes: Classes of the base Playground.
        points: float32 rows ``[x1, x2, label]``, training points first.
        train_count: How many rows are training points.
        problem: "classification" or "regression".
        columns: Maps per row at most.
        cell: Side of each map in pixels.
    """
    gap = 6
    columns = max(1, min(columns, count))
    rows_of_maps = -(-count // columns)
    image = Image.new(
        "RGB", (columns * (cell + gap) + gap, rows_of_maps * (cell + gap) + gap), "white"
    )
    outputs = classes if classes > 2 else 1
    each = outputs * resolution * resolution
    train = np.asarray(points, np.float32).reshape(-1, 3)[:train_count]
    colors = point_colors(train[:, 2], problem, classes)
    draw = ImageDraw.Draw(image)
    for index in range(count):
        part = maps[index * each : (index + 1) * each]
        if len(part) < each:
            break  # no frame yet for this configuration
        tile = Image.fromarray(plane_map(part, resolution, classes, False), "RGB")
        origin = (gap + (index % columns) * (cell + gap), gap + (index // columns) * (cell + gap))
        image.paste(tile.resize((cell, cell), Image.Resampling.BILINEAR), origin)
        _draw_points(draw, train[:, :2], colors, [None] * len(train), cell, origin, 1.5)
    return image


def palette_png(image: Image.Image) -> Image.Image:
    """`image` in 256 colours: a picture of gradients and many lines encodes to a third of its
    bytes, sooner than in full colour."""
    return image.quantize(256, method=Image.Quantize.FASTOCTREE)


def neuron_map_image(cells: bytes, resolution: int, size: int = 300) -> Image.Image:
    """A NeuronMap: its quantised cells on the diverging scale, `size` pixels square."""
    grid = np.frombuffer(cells, np.uint8).reshape(resolution, resolution)
    image = Image.fromarray(map_pixels(grid), "RGB")
    return image.resize((size, size), Image.Resampling.NEAREST)


def weight_images_image(
    images: bytes, count: int, shape: tuple[int, int], cell: int = 56, columns: int = 10
) -> Image.Image:
    """WeightImages: each unit's quantised weights as a small map, in rows of `columns`.

    Args:
        images: The ``_images`` bytes, (count, rows, cols) quantised to [-1, 1].
        count: Images.
        shape: (rows, cols) of each image.
        cell: Width of each image in pixels (height follows its aspect).
        columns: Images per row at most.
    """
    rows, cols = shape
    height = max(1, round(cell * rows / cols))
    gap = 4
    columns = max(1, min(columns, count))
    lines = -(-count // columns)
    image = Image.new("RGB", (columns * (cell + gap) + gap, lines * (height + gap) + gap), "white")
    grids = np.frombuffer(images, np.uint8)[: count * rows * cols].reshape(-1, rows, cols)
    for index, grid in enumerate(grids):
        tile = Image.fromarray(map_pixels(grid), "RGB").resize(
            (cell, height), Image.Resampling.NEAREST
        )
        x, y = index % columns, index // columns
        image.paste(tile, (gap + x * (cell + gap), gap + y * (height + gap)))
    return image


def curves_image(table, names: list[str], size: tuple[int, int] = (420, 220)) -> Image.Image:
    """LivePlot's curves: one line per column of `table` (rows = epochs), each named in a key.

    Args:
        table: float (epochs, len(names)); NaN where a figure was not logged.
        names: The columns' names.
        size: (width, height) in pixels.
    """
    width, height = size
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    left, top, right, bottom = 40, 10, width - 10, height - 24
    draw.rectangle((left, top, right, bottom), outline=(200, 200, 200))
    values = np.asarray(table, np.float64).reshape(-1, max(1, len(names)))
    finite = values[np.isfinite(values)]
    if len(values) and finite.size:
        low, high = float(finite.min()), float(finite.max())
        high = high if high > low else low + 1
        draw.text((2, top), f"{high:.3g}", fill=INK)
        draw.text((2, bottom - 10), f"{low:.3g}", fill=INK)
        epochs = np.arange(len(values))
        for column, name in enumerate(names):
            color = CURVE_COLORS[column % len(CURVE_COLORS)]
            span = (0, max(1, len(values) - 1))
            box = (left, top, right, bottom)
            polyline(draw, box, epochs, values[:, column], span, (low, high), color)
            draw.text((left + 4 + 90 * column, bottom + 6), name, fill=color)
    return image


def polyline(draw, box, xs, ys, x_range, y_range, color, width: int = 2) -> None:
    """The points (xs, ys) of the data ranges `x_range` × `y_range` as a line in the pixel `box`
    (left, top, right, bottom); non-finite points are left out, a lone point is a dot."""
    left, top, right, bottom = box
    (x_lo, x_hi), (y_lo, y_hi) = x_range, y_range
    px = left + (right - left) * (np.asarray(xs, np.float64) - x_lo) / (x_hi - x_lo)
    py = bottom - (bottom - top) * (np.asarray(ys, np.float64) - y_lo) / (y_hi - y_lo)
    line = [(x, y) for x, y in zip(px, py, strict=True) if np.isfinite(y)]
    if len(line) > 1:
        draw.line(line, fill=color, width=width)
    elif line:
        x, y = line[0]
        draw.ellipse((x - 2, y - 2, x + 2, y + 2), fill=color)


@cache
def text_font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    """Pillow's own font at `size` pixels (one instance per size)."""
    return ImageFont.load_default(size)


def _space(size: int) -> int:
    """A word space: Pillow's own font sets words 2 pixels apart below 12 pixels; 0.3 em here."""
    return max(3, round(size * 0.3))


def text_width(text: str, size: int = 13) -> float:
    """The width in pixels of `text` as `draw_text` sets it."""
    words = _spelled(text).split(" ")
    return sum(map(text_font(size).getlength, words)) + _space(size) * (len(words) - 1)


def draw_text(
    draw, xy, text: str, fill=INK, size: int = 13, anchor: str = "la", halo: bool = False
) -> None:
    """`text` at `xy` in Pillow's own font at `size` pixels (`anchor` as Pillow's), its missing
    symbols spelled out, a word space of 0.3 em; with a white `halo`, readable over lines."""
    x, y = xy
    x -= {"l": 0, "m": 0.5, "r": 1}[anchor[0]] * text_width(text, size)
    font = text_font(size)
    for word in _spelled(text).split(" "):
        draw.text(
            (x, y),
            word,
            fill=fill,
            font=font,
            anchor="l" + anchor[1],
            stroke_width=2 if halo else 0,
            stroke_fill="white",
        )
        x += font.getlength(word) + _space(size)


def perceptron_image(
    X, labels, weights, bias: float, shades, ranges, caption: str, size: int = 300
):
    """The Perceptron's plot: one input, a number line; two, the plane. The background is the
    output's colour (`shades`, in [-1, 1], fainter than the points), the boundary
    ``w·x + b = 0`` a dark line, each point filled by its predicted class (1 where
    ``w·x + b >= 0``) and ringed by its true one; `caption` below.

    Args:
        X: The points, (n, inputs) with inputs 1 or 2.
        labels: Their true classes, 0 or 1.
        weights: One per input.
        bias: The bias b.
        shades: The output's colour value along the line (cols,), or over the plane (rows, cols)
            with row 0 at the top, at cell centres of `ranges`.
        ranges: [lo, hi] drawn for each input.
        caption: A line of text under the plot (the formula, the score).
        size: Width of the plot in pixels; the plane is square, the line a quarter as high.

    Returns:
        The picture, `size` wide.
    """
    X = np.asarray(X, np.float64)
    w = np.asarray(weights, np.float64)
    inputs = len(w)
    height = size if inputs == 2 else size // 4
    image = Image.new("RGB", (size, height + 26), "white")
    pixels = value_colors(np.atleast_2d(shades) * BACKGROUND_STRENGTH)
    image.paste(Image.fromarray(pixels, "RGB").resize((size, height), Image.Resampling.BILINEAR))
    draw = ImageDraw.Draw(image)
    (x_lo, x_hi), (y_lo, y_hi) = ranges[0], (ranges[1] if inputs == 2 else (0.0, 1.0))

    def pixel(x, y):
        return (x - x_lo) / (x_hi - x_lo) * size, (y_hi - y) / (y_hi - y_lo) * height

    # The boundary through the wider side, so its ends stay near the plot; Pillow clips the rest.
    if inputs == 1 and w[0] != 0:
        draw.line((*pixel(-bias / w[0], y_lo), *pixel(-bias / w[0], y_hi)), fill=DARK, width=2)
    elif inputs == 2 and abs(w[1]) >= abs(w[0]) and w[1] != 0:
        ends = [pixel(x, -(w[0] * x + bias) / w[1]) for x in (x_lo, x_hi)]
        draw.line((*ends[0], *ends[1]), fill=DARK, width=2)
    elif inputs == 2 and w[0] != 0:
        ends = [pixel(-(w[1] * y + bias) / w[0], y) for y in (y_lo, y_hi)]
        draw.line((*ends[0], *ends[1]), fill=DARK, width=2)
    predicted = (X @ w + bias >= 0).astype(int)
    for k, (row, truth) in enumerate(zip(X, np.asarray(labels, int), strict=True)):
        # A number line's points in three lanes, so that neighbours do not hide each other.
        x, y = pixel(row[0], row[1] if inputs == 2 else 0.3 + 0.2 * (k % 3))
        draw.ellipse((x - 6.8, y - 6.8, x + 6.8, y + 6.8), outline="white", width=1)
        draw.ellipse(
            (x - 5.5, y - 5.5, x + 5.5, y + 5.5),
            fill=CLASS_COLORS[predicted[k]],
            outline=CLASS_COLORS[truth],
            width=2,
        )
    draw.rectangle((0, 0, size - 1, height - 1), outline=LINE)
    draw_text(draw, (4, height + 6), caption, size=12)
    return image


def activation_gallery_image(curves, highlight: int | None, cell: int = 150) -> Image.Image:
    """The ActivationGallery: a card per activation, its name over its curve.

    Args:
        curves: (name, z, f(z), (lo, hi) of the y axis) for each card, in order.
        highlight: The index of the card drawn in the accent colour, or None.
        cell: Width of each card in pixels.
    """
    gap, height = 8, int(cell * 0.8)
    image = Image.new("RGB", (len(curves) * (cell + gap) + gap, height + 2 * gap), "white")
    draw = ImageDraw.Draw(image)
    for index, (name, z, y, (lo, hi)) in enumerate(curves):
        left = gap + index * (cell + gap)
        accent = index == highlight
        frame = (left, gap, left + cell, gap + height)
        draw.rectangle(frame, outline=BLUE if accent else LINE, width=2 if accent else 1)
        draw_text(draw, (left + 6, gap + 4), name, size=13)
        box = (left + 8, gap + 26, left + cell - 8, gap + height - 8)
        z_range = (float(np.min(z)), float(np.max(z)))
        zero_x = box[0] + (box[2] - box[0]) * (0 - z_range[0]) / (z_range[1] - z_range[0])
        draw.line((zero_x, box[1], zero_x, box[3]), fill=LINE)
        if lo <= 0 <= hi:
            zero_y = box[3] - (box[3] - box[1]) * (0 - lo) / (hi - lo)
            draw.line((box[0], zero_y, box[2], zero_y), fill=LINE)
        polyline(draw, box, z, y, z_range, (lo, hi), BLUE if accent else INK)
    return image


def challenge_image(goal: str, limits: str, passed: bool, reason: str) -> Image.Image:
    """A Challenge: its goal and limits, and where the Playground stands, beside a bar in the
    colour of the verdict (blue passed, orange not yet)."""
    lines = [f"Goal: {goal}"] + ([f"Limits: {limits}"] if limits else [])
    verdict = reason if passed else f"Not yet: {reason}"
    lines += textwrap.wrap(verdict, 64) or [""]
    step = 20
    image = Image.new("RGB", (480, 12 + step * len(lines)), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 4, image.height), fill=BLUE if passed else ORANGE)
    for index, line in enumerate(lines):
        draw_text(draw, (14, 8 + step * index), line, size=13)
    return image


def png_base64(image: Image.Image) -> str:
    """`image` as PNG, base64 text, as a mime bundle carries ``image/png``.

    A low zlib level: these pictures are mostly flat colour, and display must stay quick.
    """
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
    return base64.b64encode(out.getvalue()).decode("ascii")
