"""Looking up a function by the name a user typed."""


def lookup(table: dict, kind: str, name):
    """`table[name]`, or an error naming `kind`, what was given and the names allowed.

    Args:
        table: The functions by name.
        kind: What the names name ("activation", "loss", ...), for the message.
        name: What the user typed.

    Returns:
        `table[name]`.

    Raises:
        TypeError: If `name` is not a string.
        ValueError: If `name` is not in `table`.
    """
    if not isinstance(name, str):
        raise TypeError(f"{kind} must be a string, got {type(name).__name__}")
    try:
        return table[name]
    except KeyError:
        allowed = ", ".join(repr(n) for n in table)
        raise ValueError(f"{kind} must be one of {allowed}, got {name!r}") from None
