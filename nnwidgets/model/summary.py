"""`model.summary()`: the table Keras 3 prints, column for column."""

_WIDTHS = (33, 24, 15)  # Keras 3's columns for a Sequential model, spaces included


def _line(left, fill, middle, right):
    return left + middle.join(fill * width for width in _WIDTHS) + right


def _row(cells, edge="│"):
    name, shape, params = cells
    return (
        f"{edge} {name:<{_WIDTHS[0] - 2}} {edge} {shape:<{_WIDTHS[1] - 2}} "
        f"{edge} {params:>{_WIDTHS[2] - 2}} {edge}"
    )


def format_bytes(count: int) -> str:
    """Sizes as Keras writes them: 52.00 B, 795.04 KB, 3.12 MB.

    Args:
        count: A number of bytes.

    Returns:
        The size with two decimals and its unit, in steps of 1024.
    """
    size = float(count)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.2f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")


def summary_lines(model_name: str, layers) -> list[str]:
    """The lines of `model.summary()`: the title, the table of layers and the totals.

    Args:
        model_name: The model's name.
        layers: The built layers, input excluded.

    Returns:
        The lines, without newlines.
    """
    lines = [
        f'Model: "{model_name}"',
        _line("┏", "━", "┳", "┓"),
        _row(("Layer (type)", "Output Shape", "Param #"), "┃"),
        _line("┡", "━", "╇", "┩"),
    ]
    for index, layer in enumerate(layers):
        if index:
            lines.append(_line("├", "─", "┼", "┤"))
        shape = "(" + ", ".join(str(s) for s in layer.output_shape) + ")"
        if len(layer.output_shape) == 1:
            shape = shape[:-1] + ",)"
        cells = (f"{layer.name} ({type(layer).__name__})", shape, f"{layer.count_params():,}")
        lines.append(_row(cells))
    lines.append(_line("└", "─", "┴", "┘"))
    total = sum(layer.count_params() for layer in layers)
    lines += [
        f" Total params: {total:,} ({format_bytes(4 * total)})",
        f" Trainable params: {total:,} ({format_bytes(4 * total)})",
        f" Non-trainable params: 0 ({format_bytes(0)})",
    ]
    return lines
