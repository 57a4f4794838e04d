"""Still pictures of widgets, for hosts that run no JavaScript (GitHub's and nbviewer's previews,
PDF export): each widget's mime bundle carries one as ``image/png`` beside its live view.

Pure functions of the arrays the kernel already sends to the browser (quantised maps, float32
rows), drawn with Pillow in the front end's colours (js/src/shared/colors.ts, class_colors.ts,
map_colors.ts), so a preview looks like the last frame the view drew.
"""

import base64
import io

import numpy as np
from PIL import Image, ImageDraw

ORANGE = (245, 147, 34)  # #f59322, -1 and class 0
GREY = (232, 234, 235)  # #e8eaeb, 0
BLUE = (8, 119, 189)  # #0877bd, +1 and class 1
CLASS_COLORS = [ORANGE, BLUE, (17, 119, 51), (204, 121, 167), (136, 34, 85)]
MAP_ALPHA = 160 / 255  # the original paints maps at this alpha over white
PLANE = 6.0  # the Playground's input plane is [-6, 6]²
INK = (64, 64, 64)
CURVE_COLORS = [(34, 34, 34), BLUE, ORANGE, (17, 119, 51), (204, 121, 167), (136, 34, 85)]


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
MAP_LUT = _fade(value_colors(_BYTE_VALUES))  # a quantised byte's colour on a map
DISCRETE_LUT = np.where((np.arange(256) >= 128)[:, None], MAP_LUT[255], MAP_LUT[0])


def map_pixels(cells, discretize: bool = False) -> np.ndarray:
    """RGB pixels of a quantised map (uint8, row 0 at the top), as the Playground paints it."""
    return (DISCRETE_LUT if discretize else MAP_LUT)[np.asarray(cells, np.uint8)]


def class_map_pixels(maps, discretize: bool = False) -> np.ndarray:
    """RGB pixels of `classes` probability maps (uint8, classes × rows × cols): each cell in its
    likeliest class' colour, paler as that class is less sure (grey at chance)."""
    maps = np.asarray(maps, np.uint8)
    classes = len(maps)
    best = np.argmax(maps, axis=0)
    p = 1.0 if discretize else np.take_along_axis(maps, best[None], 0)[0] / 255
    sure = np.clip((p - 1 / classes) / (1 - 1 / classes), 0, 1)
    palette = np.array([CLASS_COLORS[k % len(CLASS_COLORS)] for k in range(classes)], np.float64)
    colors = np.floor(GREY + (palette[best] - GREY) * np.asarray(sure)[..., None] + 0.5)
    return _fade(colors)


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


def _plane_map(maps: bytes, resolution: int, classes: int, discretize: bool) -> np.ndarray:
    """The output view's pixels from `maps`: one map, or one per class with more than two."""
    cells = np.frombuffer(maps, np.uint8)
    if classes > 2:
        return class_map_pixels(cells.reshape(classes, resolution, resolution), discretize)
    return map_pixels(cells.reshape(resolution, resolution), discretize)


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
    pixels = _plane_map(output_map, resolution, classes, discretize)
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
        tile = Image.fromarray(_plane_map(part, resolution, classes, False), "RGB")
        origin = (gap + (index % columns) * (cell + gap), gap + (index // columns) * (cell + gap))
        image.paste(tile.resize((cell, cell), Image.Resampling.BILINEAR), origin)
        _draw_points(draw, train[:, :2], colors, [None] * len(train), cell, origin, 1.5)
    return image


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
        span = max(1, len(values) - 1)
        for column, name in enumerate(names):
            color = CURVE_COLORS[column % len(CURVE_COLORS)]
            xs = left + (right - left) * np.arange(len(values)) / span
            ys = bottom - (bottom - top) * (values[:, column] - low) / (high - low)
            line = [(x, y) for x, y in zip(xs, ys, strict=True) if np.isfinite(y)]
            if len(line) > 1:
                draw.line(line, fill=color, width=2)
            elif line:
                x, y = line[0]
                draw.ellipse((x - 2, y - 2, x + 2, y + 2), fill=color)
            draw.text((left + 4 + 90 * column, bottom + 6), name, fill=color)
    return image


def png_base64(image: Image.Image) -> str:
    """`image` as PNG, base64 text, as a mime bundle carries ``image/png``.

    A low zlib level: these pictures are mostly flat colour, and display must stay quick.
    """
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
    return base64.b64encode(out.getvalue()).decode("ascii")
