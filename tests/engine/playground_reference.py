"""A plain statement of TensorFlow Playground's training rule, for checking the engine.

This is a line-by-line transcription into Python of the original's ``src/nn.ts`` (``Node``,
``Link``, ``forwardProp``, ``backProp``, ``updateWeights``) and of the training loop in
``src/playground.ts`` (``oneStep`` and ``getLoss``). It is written the way the original is
written: a network of node and link objects, one example at a time, nothing vectorised, so that
each line can be held against the TypeScript. Arithmetic is Python ``float`` (IEEE float64, what
JavaScript numbers are).

It deliberately shares no code with ``nnwidgets.engine``.

Parameters go in and come out in the engine's pytree layout: a list with one dict per layer,
``{"W": (inputs, outputs), "b": (outputs,)}``, input layer first, so ``W[j, i]`` is the weight of
the link from node ``j`` of the previous layer to node ``i`` of this layer. Dead links (killed by
L1 regularisation) are a list of bool arrays shaped like each ``W``.
"""

from __future__ import annotations

import math

import numpy as np

# ---------------------------------------------------------------------------------------------
# Activation, error and regularisation functions (nn.ts: Activations, Errors,
# RegularizationFunction)
# ---------------------------------------------------------------------------------------------


def _exp(x: float) -> float:
    """``Math.exp``: overflows to Infinity instead of raising."""
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf


class Activation:
    def __init__(self, output, der):
        self.output = output
        self.der = der


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + _exp(-x))


ACTIVATIONS = {
    # output: Math.tanh(x); der: 1 - tanh(x)^2
    "tanh": Activation(math.tanh, lambda x: 1.0 - math.tanh(x) * math.tanh(x)),
    # output: Math.max(0, x); der: x <= 0 ? 0 : 1
    "relu": Activation(lambda x: 0.0 if x <= 0 else x, lambda x: 0.0 if x <= 0 else 1.0),
    # output: 1 / (1 + Math.exp(-x)); der: s * (1 - s)
    "sigmoid": Activation(_sigmoid, lambda x: _sigmoid(x) * (1.0 - _sigmoid(x))),
    # output: x; der: 1
    "linear": Activation(lambda x: x, lambda x: 1.0),
}

# Output activation per problem type (playground.ts: tanh for classification, linear for
# regression).
OUTPUT_ACTIVATION = {"classification": "tanh", "regression": "linear"}


def square_error(output: float, target: float) -> float:
    """Errors.SQUARE.error: 0.5 * (output - target)^2."""
    return 0.5 * (output - target) * (output - target)  # Math.pow: overflows to Infinity


def square_error_der(output: float, target: float) -> float:
    """Errors.SQUARE.der: output - target."""
    return output - target


class Regularization:
    def __init__(self, name, output, der):
        self.name = name
        self.output = output
        self.der = der


REGULARIZATIONS = {
    None: None,
    # L1: output |w|; der: w < 0 ? -1 : (w > 0 ? 1 : 0)
    "l1": Regularization("l1", abs, lambda w: -1.0 if w < 0 else (1.0 if w > 0 else 0.0)),
    # L2: output w^2 / 2; der: w
    "l2": Regularization("l2", lambda w: 0.5 * w * w, lambda w: w),
}

# ---------------------------------------------------------------------------------------------
# Nodes and links (nn.ts: Node, Link)
# ---------------------------------------------------------------------------------------------


class Node:
    def __init__(self, activation: Activation | None, bias: float):
        self.input_links: list[Link] = []
        self.outputs: list[Link] = []
        self.bias = float(bias)
        self.activation = activation
        self.total_input = 0.0
        self.output = 0.0
        self.output_der = 0.0  # dE/d(output)
        self.input_der = 0.0  # dE/d(total input)
        self.acc_input_der = 0.0  # accumulated dE/db since the last update
        self.num_accumulated_ders = 0

    def update_output(self) -> float:
        self.total_input = self.bias
        for link in self.input_links:
            self.total_input += link.weight * link.source.output
        self.output = self.activation.output(self.total_input)
        return self.output


class Link:
    def __init__(self, source: Node, dest: Node, weight: float, regularization, is_dead=False):
        self.source = source
        self.dest = dest
        self.weight = float(weight)
        self.is_dead = bool(is_dead)
        self.regularization = regularization
        self.error_der = 0.0
        self.acc_error_der = 0.0
        self.num_accumulated_ders = 0


# ---------------------------------------------------------------------------------------------
# The network (nn.ts: buildNetwork, forwardProp, backProp, updateWeights; playground.ts:
# oneStep, getLoss)
# ---------------------------------------------------------------------------------------------


class PlaygroundReference:
    """A Playground network built from given parameters.

    ``activation`` is the hidden activation; the output activation follows ``problem``.
    ``regularization`` is fixed at build time, as in the original (changing it resets the
    network there).
    """

    def __init__(
        self,
        params,
        activation: str = "tanh",
        problem: str = "classification",
        regularization: str | None = None,
        dead=None,
    ):
        hidden_act = ACTIVATIONS[activation]
        output_act = ACTIVATIONS[OUTPUT_ACTIVATION[problem]]
        self.regularization = REGULARIZATIONS[regularization]
        n_inputs = np.asarray(params[0]["W"]).shape[0]
        self.network: list[list[Node]] = [[Node(None, 0.0) for _ in range(n_inputs)]]
        for layer_idx, layer in enumerate(params, start=1):
            W = np.asarray(layer["W"], dtype=np.float64)
            b = np.asarray(layer["b"], dtype=np.float64)
            D = None if dead is None else np.asarray(dead[layer_idx - 1], dtype=bool)
            prev = self.network[-1]
            assert W.shape == (len(prev), b.shape[0]), (W.shape, b.shape)
            is_output = layer_idx == len(params)
            current = []
            for i in range(W.shape[1]):
                node = Node(output_act if is_output else hidden_act, b[i])
                for j, prev_node in enumerate(prev):
                    link = Link(
                        prev_node,
                        node,
                        W[j, i],
                        self.regularization,
                        is_dead=False if D is None else D[j, i],
                    )
                    prev_node.outputs.append(link)
                    node.input_links.append(link)
                current.append(node)
            self.network.append(current)
        assert len(self.network[-1]) == 1, "the Playground has one output node"

    # -- nn.forwardProp --------------------------------------------------------------------
    def forward_prop(self, inputs) -> float:
        input_layer = self.network[0]
        assert len(inputs) == len(input_layer)
        for node, value in zip(input_layer, inputs, strict=True):
            node.output = float(value)
        for layer in self.network[1:]:
            for node in layer:
                node.update_output()
        return self.network[-1][0].output

    # -- nn.backProp -----------------------------------------------------------------------
    def back_prop(self, target: float) -> None:
        output_node = self.network[-1][0]
        output_node.output_der = square_error_der(output_node.output, float(target))
        for layer_idx in range(len(self.network) - 1, 0, -1):
            current = self.network[layer_idx]
            # dE/d(total input) of each node; accumulate it for the bias.
            for node in current:
                node.input_der = node.output_der * node.activation.der(node.total_input)
                node.acc_input_der += node.input_der
                node.num_accumulated_ders += 1
            # dE/dw of each link coming into the node; dead links are skipped.
            for node in current:
                for link in node.input_links:
                    if link.is_dead:
                        continue
                    link.error_der = node.input_der * link.source.output
                    link.acc_error_der += link.error_der
                    link.num_accumulated_ders += 1
            if layer_idx == 1:
                continue
            # dE/d(output) of each node of the previous layer (a dead link has weight 0).
            for node in self.network[layer_idx - 1]:
                node.output_der = 0.0
                for link in node.outputs:
                    node.output_der += link.weight * link.dest.input_der

    # -- nn.updateWeights ------------------------------------------------------------------
    def update_weights(self, learning_rate: float, regularization_rate: float) -> None:
        for layer in self.network[1:]:
            for node in layer:
                # The node's bias.
                if node.num_accumulated_ders > 0:
                    node.bias -= learning_rate * node.acc_input_der / node.num_accumulated_ders
                    node.acc_input_der = 0.0
                    node.num_accumulated_ders = 0
                # The weights coming into the node.
                for link in node.input_links:
                    if link.is_dead:
                        continue
                    # R'(w) at the weight from before this update.
                    regul_der = link.regularization.der(link.weight) if link.regularization else 0.0
                    if link.num_accumulated_ders > 0:
                        # dE/dw step.
                        link.weight = (
                            link.weight
                            - (learning_rate / link.num_accumulated_ders) * link.acc_error_der
                        )
                        # Regularisation step.
                        new_link_weight = link.weight - (learning_rate * regularization_rate) * (
                            regul_der
                        )
                        if (
                            link.regularization is REGULARIZATIONS["l1"]
                            and link.weight * new_link_weight < 0
                        ):
                            # The weight crossed 0 because of the regularisation term.
                            link.weight = 0.0
                            link.is_dead = True
                        else:
                            link.weight = new_link_weight
                        link.acc_error_der = 0.0
                        link.num_accumulated_ders = 0

    # -- playground.getLoss ----------------------------------------------------------------
    def get_loss(self, X, y) -> float:
        loss = 0.0
        for inputs, target in zip(X, y, strict=True):
            output = self.forward_prop(inputs)
            loss += square_error(output, float(target))
        return loss / len(X)

    # -- playground.oneStep: one epoch -----------------------------------------------------
    def one_step(
        self, X_train, y_train, X_test, y_test, batch_size, learning_rate, regularization_rate
    ):
        for i, (inputs, target) in enumerate(zip(X_train, y_train, strict=True)):
            self.forward_prop(inputs)
            self.back_prop(target)
            if (i + 1) % batch_size == 0:
                self.update_weights(learning_rate, regularization_rate)
        # Accumulators are NOT cleared here: the leftover joins the next epoch's first batch.
        return self.get_loss(X_train, y_train), self.get_loss(X_test, y_test)

    def train(
        self,
        X_train,
        y_train,
        X_test,
        y_test,
        epochs,
        batch_size,
        learning_rate,
        regularization_rate=0.0,
    ):
        """``epochs`` calls of ``one_step``; returns per-epoch (train_loss, test_loss) arrays."""
        X_train = np.asarray(X_train, dtype=np.float64).tolist()
        X_test = np.asarray(X_test, dtype=np.float64).tolist()
        y_train = np.asarray(y_train, dtype=np.float64).tolist()
        y_test = np.asarray(y_test, dtype=np.float64).tolist()
        train_losses, test_losses = [], []
        for _ in range(epochs):
            tr, te = self.one_step(
                X_train, y_train, X_test, y_test, batch_size, learning_rate, regularization_rate
            )
            train_losses.append(tr)
            test_losses.append(te)
        return np.array(train_losses), np.array(test_losses)

    # -- what the UI's hover card does ------------------------------------------------------
    def set_weight(self, layer: int, j: int, i: int, value: float) -> None:
        """``params[layer]["W"][j, i] = value``, as the original's weight edit: the link's weight
        is replaced; its accumulated derivatives and its dead flag are left as they are."""
        dest = self.network[layer + 1][i]
        dest.input_links[j].weight = float(value)

    def set_bias(self, layer: int, i: int, value: float) -> None:
        self.network[layer + 1][i].bias = float(value)

    # -- read-outs -------------------------------------------------------------------------
    @property
    def params(self):
        out = []
        for layer in self.network[1:]:
            n_in = len(layer[0].input_links)
            W = np.zeros((n_in, len(layer)))
            b = np.zeros(len(layer))
            for i, node in enumerate(layer):
                b[i] = node.bias
                for j, link in enumerate(node.input_links):
                    W[j, i] = link.weight
            out.append({"W": W, "b": b})
        return out

    @property
    def dead(self):
        out = []
        for layer in self.network[1:]:
            D = np.zeros((len(layer[0].input_links), len(layer)), dtype=bool)
            for i, node in enumerate(layer):
                for j, link in enumerate(node.input_links):
                    D[j, i] = link.is_dead
            out.append(D)
        return out

    @property
    def accumulated(self):
        """Pending accumulators: list of dicts with ``W``/``b`` sums and counts."""
        out = []
        for layer in self.network[1:]:
            n_in = len(layer[0].input_links)
            acc_W = np.zeros((n_in, len(layer)))
            cnt_W = np.zeros((n_in, len(layer)), dtype=int)
            acc_b = np.zeros(len(layer))
            cnt_b = np.zeros(len(layer), dtype=int)
            for i, node in enumerate(layer):
                acc_b[i] = node.acc_input_der
                cnt_b[i] = node.num_accumulated_ders
                for j, link in enumerate(node.input_links):
                    acc_W[j, i] = link.acc_error_der
                    cnt_W[j, i] = link.num_accumulated_ders
            out.append({"W": acc_W, "b": acc_b, "count_W": cnt_W, "count_b": cnt_b})
        return out


def train_reference(
    params,
    X_train,
    y_train,
    X_test,
    y_test,
    *,
    epochs,
    batch_size,
    learning_rate,
    regularization=None,
    regularization_rate=0.0,
    activation="tanh",
    problem="classification",
    dead=None,
):
    """Build a network from ``params`` and train it; mirrors the engine's ``train`` signature.

    Returns ``(network, train_losses, test_losses)``; the network can be trained on.
    """
    net = PlaygroundReference(params, activation, problem, regularization, dead)
    tr, te = net.train(
        X_train, y_train, X_test, y_test, epochs, batch_size, learning_rate, regularization_rate
    )
    return net, tr, te


def batch_gradient(params, X, y, activation="tanh", problem="classification"):
    """Mean over the examples of dE/dparams, by per-example backprop (what one update uses).

    Returns a list of ``{"W", "b"}`` dicts like ``params``.
    """
    net = PlaygroundReference(params, activation, problem)
    X = np.asarray(X, dtype=np.float64).tolist()
    for inputs, target in zip(X, np.asarray(y, dtype=np.float64).tolist(), strict=True):
        net.forward_prop(inputs)
        net.back_prop(target)
    return [
        {"W": acc["W"] / acc["count_W"], "b": acc["b"] / acc["count_b"]} for acc in net.accumulated
    ]


def batch_loss(params, X, y, activation="tanh", problem="classification"):
    """Mean of 0.5 * (o - t)^2 over the examples."""
    net = PlaygroundReference(params, activation, problem)
    return net.get_loss(np.asarray(X, dtype=np.float64).tolist(), np.asarray(y).tolist())
