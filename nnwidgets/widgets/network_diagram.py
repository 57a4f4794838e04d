"""NetworkDiagram: a model's (or a Playground's) layers as columns of nodes joined by weighted
links, readable however wide the layers: a column of 784 inputs shows a few nodes and "… 774
more", and only the links between drawn nodes travel and are drawn."""

import math

import numpy as np
import traitlets

from .. import checks
from . import binary, static_diagram
from ._base import FrontEndWidget
from ._following import FollowsTraining, ViewCallback, playground_or_model
from ._model_info import activation_name, dense_weights, input_features, is_dense, units_of
from .keras_models import readable_model

MAX_NODES = 12  # per column; a wider layer shows MAX_NODES - 2 first nodes, "…", its last node
# Link colour and width scales (see `_scales`): the Playground's own, so a Playground's diagram
# looks like the Playground; a model's layer is scaled by its largest weight instead, since the
# weights of a 784-input layer are far below 1 and would all look alike grey.
PLAYGROUND_SCALES = (1.0, 5.0)


def shown_nodes(units: int, max_nodes: int = MAX_NODES) -> list[int]:
    """Which nodes of a column of `units` are drawn.

    Args:
        units: The column's nodes.
        max_nodes: The most drawn, the ellipsis included.

    Returns:
        All node indices when they fit, else the first ``max_nodes - 2`` and the last (an
        ellipsis node stands between them for the others).
    """
    if units <= max_nodes:
        return list(range(units))
    return [*range(max_nodes - 2), units - 1]


class NetworkDiagram(FollowsTraining, FrontEndWidget, ViewCallback):
    """The network as columns of nodes (input first) and links coloured by the weight's sign and
    size (the Playground's orange for negative, blue for positive), thicker for larger weights;
    under each column its name, units, activation and parameter count.

    ``NetworkDiagram(model)`` draws an nnwidgets model or a built ``keras.Sequential`` of Dense
    layers; pass it to that model's ``fit(callbacks=[...])`` and it follows the training (≤ 10
    updates a second). ``NetworkDiagram(playground)`` follows a
    Playground live, as it trains and as its layers change. Columns wider than ``max_nodes``
    show their first nodes, an ellipsis node ("… 780 more") and their last node. A model's links
    are coloured relative to the largest weight of their layer; a Playground's on the
    Playground's own scale (full colour at |w| = 1).

    Args:
        model_or_playground: A `Sequential` model, a ``keras.Sequential`` (see
            `keras_models.KerasModel`) or a `Playground`.
        **kwargs: Passed to the widget; ``max_nodes`` (3 or more) sets the nodes drawn per
            column, the ellipsis included.

    Raises:
        TypeError: If the source is neither a model nor a Playground, a Keras model is no
            ``keras.Sequential``, or ``max_nodes`` is not an int.
        ValueError: If ``max_nodes`` is below 3, or a Keras model is not built or holds a layer
            the view cannot read.
    """

    _view = traitlets.Unicode("network_diagram").tag(sync=True)

    max_nodes = traitlets.Int(MAX_NODES, help="nodes drawn per column, the ellipsis included").tag(
        sync=True
    )
    # Columns, input first: {"name", "kind", "units", "shown" (node indices drawn), "more" (nodes
    # behind the ellipsis), "labels" (names of the shown nodes, or null), "activation",
    # "params", "notes" (layers without nodes that follow this column: "flatten", "dropout")}.
    _layers = traitlets.List(traitlets.Dict()).tag(sync=True)
    # Per link layer k (column k to k+1): W[shown_k][:, shown_k+1] row-major, then b[shown_k+1];
    # float32, all link layers one after the other.
    _weights = traitlets.Bytes(b"").tag(sync=True)
    # Per link layer: [colour scale, width scale]: a weight w is drawn in the colour of
    # w / colour scale (clamped to ±1) and the width 1 + 9·min(|w| / width scale, 1) px.
    _scales = traitlets.Bytes(b"").tag(sync=True)
    _frame = traitlets.Int(0).tag(sync=True)

    def __init__(self, model_or_playground, **kwargs):
        source = readable_model(model_or_playground, "NetworkDiagram")
        self._playground = playground_or_model(source, "NetworkDiagram")
        max_nodes = checks.integer("max_nodes", kwargs.get("max_nodes", MAX_NODES), 3)
        self._source = source
        self._init_following()
        columns, links = _describe(source, self._playground, max_nodes)
        super().__init__(**kwargs)
        self.model = None if self._playground else model_or_playground
        self.params = {}
        self._publish(columns, links)
        self._follow(source)

    @traitlets.validate("max_nodes")
    def _valid_max_nodes(self, proposal):
        try:
            return checks.integer("max_nodes", proposal["value"], 3)
        except ValueError as error:
            raise traitlets.TraitError(str(error)) from None

    @traitlets.observe("max_nodes")
    def _max_nodes_changed(self, change):
        if hasattr(self, "_source"):
            self.refresh()

    def _summary(self) -> str:
        columns = [
            " ".join(str(part) for part in (c["name"], c["units"], c["activation"]) if part)
            for c in self._layers
        ]
        params = sum(c["params"] for c in self._layers)
        return f"NetworkDiagram: {' → '.join(columns)} ({params:,} parameters)"

    def _static_image(self):
        if not self._layers:
            return None
        scales = binary.read_float32(self._scales)
        return static_diagram.network_diagram_image(
            self._layers, binary.read_float32(self._weights), scales
        )

    def refresh(self) -> None:
        """Draw the source's weights as they are now."""
        with self._lock:
            columns, links = _describe(self._source, self._playground, self.max_nodes)
            self._publish(columns, links)

    def _publish(self, columns, links) -> None:
        weights = [np.concatenate([W.ravel(), b.ravel()]) for W, b, _ in links]
        data = np.concatenate(weights).astype(np.float32) if weights else np.zeros(0, np.float32)
        scales = np.array([s for _, _, s in links], dtype=np.float32).reshape(-1, 2)
        with self.hold_sync():
            self._layers = columns
            self._weights = binary.float32(data)
            self._scales = binary.float32(scales)
            self._frame += 1
        self._throttle.mark()


def _column(name, kind, units, max_nodes, activation=None, params=0, labels=None):
    shown = shown_nodes(units, max_nodes)
    return {
        "name": name,
        "kind": kind,
        "units": units,
        "shown": shown,
        "more": units - len(shown),
        "labels": [labels[i] for i in shown] if labels else None,
        "activation": activation,
        "params": int(params),
        "notes": [],
    }


def _link(W, b, shown_in, shown_out, scales=None):
    W = np.asarray(W, dtype=np.float32)
    b = np.asarray(b, dtype=np.float32)
    if scales is None:
        largest = float(np.max(np.abs(W))) if W.size else 0.0
        largest = largest if math.isfinite(largest) and largest > 0 else 1.0
        scales = (largest, largest)
    return W[np.ix_(shown_in, shown_out)], b[shown_out], scales


def _describe(source, playground: bool, max_nodes: int):
    """Columns and links (sub-matrices of the drawn nodes) of a model or a Playground."""
    if playground:
        weights = source.weights
        features = list(source.features)
        columns = [_column("input", "Input", len(features), max_nodes, labels=features)]
        last = len(weights) - 1
        for k, (W, b) in enumerate(weights):
            output = k == last
            if output:
                activation = "tanh" if source.problem == "classification" else "linear"
            else:
                activation = source.activation
            name = "output" if output else f"hidden {k + 1}"
            kind = "Output" if output else "Dense"
            columns.append(_column(name, kind, W.shape[1], max_nodes, activation, W.size + b.size))
        links = [
            _link(W, b, columns[k]["shown"], columns[k + 1]["shown"], PLAYGROUND_SCALES)
            for k, (W, b) in enumerate(weights)
        ]
        return columns, links

    shape = input_features(source)
    columns = [_column("input", "Input", int(np.prod(shape)), max_nodes)]
    if len(shape) > 1:
        columns[0]["notes"].append("×".join(str(d) for d in shape))
    weights = dense_weights(source)
    links = []
    for index, layer in enumerate(source.layers):
        kind = type(layer).__name__
        if index in weights and is_dense(layer):
            W, b = weights[index]
            column = _column(
                layer.name, kind, units_of(layer), max_nodes, activation_name(layer),
                layer.count_params(),
            )  # fmt: skip
            links.append(_link(W, b, columns[-1]["shown"], column["shown"]))
            columns.append(column)
        elif kind == "Activation":
            columns[-1]["activation"] = activation_name(layer)
            columns[-1]["notes"].append(f"{layer.name}")
        else:
            columns[-1]["notes"].append(f"{layer.name}")
    return columns, links
