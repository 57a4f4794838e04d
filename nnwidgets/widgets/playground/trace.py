"""One training example through the network, step by step: ``pg.trace(i)``.

A trace is the forward pass (each node's weighted input z and output a), the backward pass
(∂E/∂a and ∂E/∂z per node, ∂E/∂w and ∂E/∂b per weight and bias) and the update the engine's rule
(``nnwidgets.engine.playground``) would apply for a batch of this one example. It is computed in
NumPy, by hand, in the engine's float32 with the engine's tanh (its rational approximation), so
its numbers are the engine's: a JAX kernel would compile once per network shape, and a trace is
asked for one click at a time.
"""

from dataclasses import dataclass

import numpy as np

from ...engine.numpy_forward import tanh as engine_tanh

_DERIVATIVES = {  # f'(z) from z and a = f(z), as the engine's JAX gradients take them
    "tanh": lambda z, a: 1 - a * a,  # the engine's custom JVP: 1 − tanh², of its own tanh
    "relu": lambda z, a: (z > 0).astype(z.dtype),  # 0 at z == 0, as the Playground
    "sigmoid": lambda z, a: a * (1 - a),
    "linear": lambda z, a: np.ones_like(z),
    "step": lambda z, a: np.zeros_like(z),
}


def _activate(name, z):
    if name == "tanh":
        return engine_tanh(z) if z.dtype == np.float32 else np.tanh(z)
    if name == "relu":
        return np.where(z > 0, z, 0).astype(z.dtype)
    if name == "sigmoid":
        with np.errstate(over="ignore"):  # exp overflows for z < -88: the sigmoid is 0
            return (1 / (1 + np.exp(-z))).astype(z.dtype)
    if name == "step":
        return np.where(z >= 0, 1, 0).astype(z.dtype)
    return z  # linear


@dataclass(frozen=True)
class Trace:
    """One training example through the network: forward, backward, and the update.

    Layers are listed input features first; the input layer's ``z`` and ``a`` are the feature
    values themselves. Weight layer ``l`` joins node layer ``l`` to node layer ``l + 1``, and
    its ``W`` has shape (inputs, outputs), as ``Playground.weights``.

    With one output neuron (two classes labelled ±1, or regression) the error is
    E = ½(o − t)². With several (classes 0..K−1) the output layer's ``z`` are the logits, its
    ``a`` the softmax probabilities, and E = −log a_t (cross-entropy); there ∂E/∂z = a − onehot(t)
    and ∂E/∂a_k is −1/a_t for the target's neuron and 0 for the others.

    Attributes:
        index: The training point's index in ``pg.data[0]``.
        point: Its coordinates (x1, x2).
        target: Its label (±1, or a class index) or regression target.
        features: The input features' names.
        activation: The hidden layers' activation.
        output_activation: "tanh", "linear" or "softmax".
        z: Per node layer, each node's weighted input Σ w·a + b.
        a: Per node layer, each node's output f(z).
        loss: E for this example.
        dE_da: Per node layer, ∂E/∂a of each node.
        dE_dz: Per node layer, ∂E/∂z of each node (the input layer's equals its ∂E/∂a).
        dE_dW: Per weight layer, ∂E/∂w, (inputs, outputs); 0 on links L1 froze ("dead").
        dE_db: Per weight layer, ∂E/∂b of the biases of the layer it feeds.
        learning_rate: The learning rate of the update.
        regularization: None, "l1" or "l2".
        regularization_rate: λ.
        weights: Every layer's (W, b) before the update, as ``Playground.weights``.
        delta_W: Per weight layer, the change the rule makes: −lr·∂E/∂w − lr·λ·R′(w), R′(w) the
            sign (L1) or the weight (L2); an L1 step that carries a weight across 0 sets it to
            0 and freezes it; a frozen link does not move.
        delta_b: Per weight layer, −lr·∂E/∂b (biases are not regularised).
        weights_after: Every (W, b) after the update (``pg.set_weights`` takes it).
        dead_after: Per weight layer, bool: the links L1 has frozen after the update.
    """

    index: int
    point: tuple[float, float]
    target: float
    features: tuple[str, ...]
    activation: str
    output_activation: str
    z: list[np.ndarray]
    a: list[np.ndarray]
    loss: float
    dE_da: list[np.ndarray]
    dE_dz: list[np.ndarray]
    dE_dW: list[np.ndarray]
    dE_db: list[np.ndarray]
    learning_rate: float
    regularization: str | None
    regularization_rate: float
    weights: list[tuple[np.ndarray, np.ndarray]]
    delta_W: list[np.ndarray]
    delta_b: list[np.ndarray]
    weights_after: list[tuple[np.ndarray, np.ndarray]]
    dead_after: list[np.ndarray]

    @property
    def output(self) -> np.ndarray:
        """The output layer's values (one, or each class' probability)."""
        return self.a[-1]

    def as_dict(self) -> dict:
        """The trace as JSON-ready lists of floats (what the browser is sent)."""

        def lists(arrays):
            return [np.asarray(x, np.float64).tolist() for x in arrays]

        return {
            "index": self.index,
            "point": list(self.point),
            "target": self.target,
            "features": list(self.features),
            "activation": self.activation,
            "output_activation": self.output_activation,
            "z": lists(self.z),
            "a": lists(self.a),
            "loss": self.loss,
            "dE_da": lists(self.dE_da),
            "dE_dz": lists(self.dE_dz),
            "dE_dW": lists(self.dE_dW),
            "dE_db": lists(self.dE_db),
            "W": lists(W for W, _ in self.weights),
            "b": lists(b for _, b in self.weights),
            "delta_W": lists(self.delta_W),
            "delta_b": lists(self.delta_b),
            "learning_rate": self.learning_rate,
        }


def trace_example(
    weights,
    x,
    target,
    *,
    activation="tanh",
    output_activation="tanh",
    learning_rate=0.03,
    regularization=None,
    regularization_rate=0.0,
    dead=None,
    dtype=np.float32,
) -> dict:
    """The forward pass, backward pass and one-example update of ``Trace``, as a dict of its
    fields (all but the example's index, point and names).

    Args:
        weights: Every layer's (W, b), input layer first.
        x: The example's input features, (F,).
        target: ±1 or a regression target for one output; a class index for several.
        activation: The hidden layers' activation.
        output_activation: "tanh", "linear" or "softmax".
        learning_rate: The update's learning rate.
        regularization: None, "l1" or "l2".
        regularization_rate: λ.
        dead: Per weight layer, bool (inputs, outputs): links L1 froze; None for none.
        dtype: np.float32 for the engine's numbers (its tanh approximation); np.float64 for
            exact arithmetic (with numpy's tanh), as finite differences need.

    Returns:
        A dict of ``Trace``'s fields from ``z`` on.
    """
    W = [np.asarray(w, dtype) for w, _ in weights]
    b = [np.asarray(v, dtype) for _, v in weights]
    dead = [np.zeros(w.shape, bool) for w in W] if dead is None else [np.asarray(d) for d in dead]
    a = [np.asarray(x, dtype)]
    z = [a[0]]
    for layer, (w, v) in enumerate(zip(W, b, strict=True)):
        z.append(a[-1] @ w + v)
        last = layer == len(W) - 1
        name = output_activation if last else activation
        if name == "softmax":
            e = np.exp(z[-1] - z[-1].max())
            a.append(e / e.sum())
        else:
            a.append(_activate(name, z[-1]))
    out = a[-1]
    if output_activation == "softmax":
        t = int(target)
        onehot = np.zeros_like(out)
        onehot[t] = 1
        loss = float(-np.log(max(out[t], np.finfo(dtype).tiny)))
        top_dz = out - onehot
        top_da = -onehot / np.maximum(out, np.finfo(dtype).tiny)
    else:
        error = out - dtype(target)
        loss = float(0.5 * error[0] ** 2)
        top_da = error
        top_dz = error * _DERIVATIVES[output_activation](z[-1], out)
    dE_da, dE_dz = [top_da], [top_dz]
    dE_dW, dE_db = [], []
    for layer in range(len(W) - 1, -1, -1):
        dz = dE_dz[0]
        dE_dW.insert(0, np.where(dead[layer], 0, np.outer(a[layer], dz)).astype(dtype))
        dE_db.insert(0, dz)
        da = W[layer] @ dz
        dE_da.insert(0, da)
        derivative = _DERIVATIVES[activation](z[layer], a[layer]) if layer else 1
        dE_dz.insert(0, da * derivative)
    update = _update(W, b, dE_dW, dE_db, dead, learning_rate, regularization, regularization_rate)
    backward = {"dE_da": dE_da, "dE_dz": dE_dz, "dE_dW": dE_dW, "dE_db": dE_db}
    return {"z": z, "a": a, "loss": loss, **backward, **update}


def _update(W, b, dW, db, dead, learning_rate, regularization, regularization_rate):
    """`playground_sgd`'s update for a batch of one, in its order of operations."""
    dtype = W[0].dtype
    lr, rate = dtype.type(learning_rate), dtype.type(regularization_rate)
    deltas_W, dead_after = [], []
    for w, g, frozen in zip(W, dW, dead, strict=True):
        derivative = {"l1": np.sign(w), "l2": w}.get(regularization, np.zeros_like(w))
        stepped = w + -lr * g
        regularized = stepped - (lr * rate) * derivative
        crossed = (regularization == "l1") & (stepped * regularized < 0)
        deltas_W.append(np.where(frozen, 0, np.where(crossed, -w, regularized - w)).astype(dtype))
        dead_after.append(frozen | crossed)
    deltas_b = [-lr * g for g in db]
    return {
        "delta_W": deltas_W,
        "delta_b": deltas_b,
        "weights_after": [
            (w + dw, v + dv) for w, dw, v, dv in zip(W, deltas_W, b, deltas_b, strict=True)
        ],
        "dead_after": dead_after,
    }


class Tracing:
    """The Playground's ``trace``, and applying a trace's update.

    Part of ``Playground``; it relies on the widget's ``_lock``, ``_run``, ``learning_rate``,
    ``regularization_rate`` and ``_after_change``.
    """

    def trace(self, i: int) -> Trace:
        """Training example ``i`` through the network: forward, backward, and the update.

        The update is the one the Playground's rule would apply for a batch of this one
        example, at the current learning rate and regularisation; gradients the current epoch
        has summed but not yet applied play no part.

        Args:
            i: The example's index among the training points (``pg.data[0]``).

        Returns:
            A ``Trace``.

        Raises:
            TypeError: ``i`` is not an int.
            IndexError: ``i`` is not the index of a training point.
        """
        if isinstance(i, bool) or not isinstance(i, int | np.integer):
            raise TypeError(f"i must be the index of a training point (an int), got {i!r}")
        with self._lock:
            run = self._run
            X, y = run.inputs[0], run.inputs[1]
            if not 0 <= i < len(X):
                raise IndexError(
                    f"i={i} is no training point: this Playground has {len(X)} "
                    f"(indices 0 to {len(X) - 1})"
                )
            net, weights = run.network, run.weights()
            fields = trace_example(
                weights,
                X[i],
                y[i],
                activation=net.activation,
                output_activation=net.output_activation,
                learning_rate=self.learning_rate,
                regularization=net.regularization,
                regularization_rate=self.regularization_rate,
                dead=[np.asarray(d) for d in run.state.dead],
            )
            point = tuple(float(v) for v in run.points.X_train[i])
        return Trace(
            index=int(i),
            point=point,
            target=float(y[i]),
            features=tuple(net.features),
            activation=net.activation,
            output_activation=net.output_activation,
            learning_rate=float(self.learning_rate),
            regularization=net.regularization,
            regularization_rate=float(self.regularization_rate),
            weights=weights,
            **fields,
        )

    def _apply_trace(self, trace: Trace) -> None:
        """Apply ``trace``'s update to the weights (and the links L1 froze), live."""
        with self._lock:
            run = self._run
            run.set_weights(trace.weights_after)
            run.state = run.state._replace(dead=[np.asarray(d) for d in trace.dead_after])
        self._after_change()
