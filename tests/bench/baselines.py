"""What the engine is measured against: the Playground's training rule in numpy and in PyTorch.

Both follow the rule the engine implements (nnwidgets/engine/playground.py): each epoch walks the
training set in the same order, sums per-example gradients of ½(o − t)², and updates with their mean
after every `batch_size`-th example of the epoch; what is left over at the end of an epoch stays
summed and joins the next epoch's first batch. After each epoch, train and test loss are the mean
½(o − t)² over each set. No regularisation (the Playground's default).

Each trainer keeps its own weights between calls; `train(epochs)` returns the losses as an
(epochs, 2) array of (train, test) per epoch, like the engine's result.
"""

import contextlib

import numpy as np
from workloads import Data, Workload

try:
    import torch
except ImportError:  # the benchmark then says so and leaves PyTorch out
    torch = None

NUMPY_DTYPE = np.float64  # JavaScript's numbers, as in the original
TORCH_DTYPE = "float32"  # PyTorch's default, as in the engine

# Each activation with its derivative written in terms of its output, as the original does.
NUMPY_ACTIVATIONS = {
    "tanh": (np.tanh, lambda out: 1.0 - out * out),
    "linear": (lambda z: z, lambda out: np.ones_like(out)),
}
OUTPUT_ACTIVATION = {"classification": "tanh", "regression": "linear"}


class PlaygroundRule:
    """The epoch loop of the rule; subclasses say how to sum gradients, update and measure loss."""

    batch_size: int
    count: int  # examples summed and not yet applied

    def _accumulate(self, X, y):
        """Add the summed gradients of the examples X, y to the pending sums; count them."""
        raise NotImplementedError

    def _update(self):
        """Apply the mean of the pending sums, then clear them."""
        raise NotImplementedError

    def _loss(self, X, y) -> float:
        raise NotImplementedError

    def _epoch(self):
        n, size = len(self.y_train), self.batch_size
        full_end = n - n % size
        for start in range(0, full_end, size):
            self._accumulate(self.X_train[start : start + size], self.y_train[start : start + size])
            self._update()
        if full_end < n:  # left over: joins the next epoch's first batch
            self._accumulate(self.X_train[full_end:], self.y_train[full_end:])

    def train(self, epochs: int) -> np.ndarray:
        losses = np.empty((epochs, 2))
        for epoch in range(epochs):
            self._epoch()
            losses[epoch, 0] = self._loss(self.X_train, self.y_train)
            losses[epoch, 1] = self._loss(self.X_test, self.y_test)
        return losses


class NumpyTrainer(PlaygroundRule):
    """One matrix forward and backward pass per batch, gradients by hand."""

    def __init__(self, params, data: Data, workload: Workload, dtype=NUMPY_DTYPE):
        self.W = [np.array(p["W"], dtype) for p in params]
        self.b = [np.array(p["b"], dtype) for p in params]
        self.acc_W = [np.zeros_like(W) for W in self.W]
        self.acc_b = [np.zeros_like(b) for b in self.b]
        self.count = 0
        self.X_train, self.X_test = data.X_train.astype(dtype), data.X_test.astype(dtype)
        self.y_train, self.y_test = data.y_train.astype(dtype), data.y_test.astype(dtype)
        self.batch_size = workload.batch_size
        self.learning_rate = workload.learning_rate
        self.hidden_fn, self.hidden_der = NUMPY_ACTIVATIONS[workload.activation]
        self.output_fn, self.output_der = NUMPY_ACTIVATIONS[OUTPUT_ACTIVATION[workload.problem]]

    def _forward(self, X):
        outputs = [X]
        last = len(self.W) - 1
        for index, (W, b) in enumerate(zip(self.W, self.b, strict=True)):
            fn = self.output_fn if index == last else self.hidden_fn
            outputs.append(fn(outputs[-1] @ W + b))
        return outputs

    def _accumulate(self, X, y):
        outputs = self._forward(X)
        delta = (outputs[-1] - y[:, None]) * self.output_der(outputs[-1])
        for layer in range(len(self.W) - 1, -1, -1):
            self.acc_W[layer] += outputs[layer].T @ delta
            self.acc_b[layer] += delta.sum(axis=0)
            if layer:
                delta = (delta @ self.W[layer].T) * self.hidden_der(outputs[layer])
        self.count += len(y)

    def _update(self):
        step = self.learning_rate / self.count
        for W, b, acc_W, acc_b in zip(self.W, self.b, self.acc_W, self.acc_b, strict=True):
            W -= step * acc_W
            b -= step * acc_b
            acc_W.fill(0)
            acc_b.fill(0)
        self.count = 0

    def _loss(self, X, y):
        return np.mean(0.5 * np.square(self._forward(X)[-1][:, 0] - y))


class TorchTrainer(PlaygroundRule):
    """PyTorch eager: autograd per batch, SGD by hand (carried sums do not fit optim.SGD)."""

    def __init__(self, params, data: Data, workload: Workload):
        dtype = getattr(torch, TORCH_DTYPE)
        self.params = [
            torch.tensor(np.asarray(p[key]), dtype=dtype, requires_grad=True)
            for p in params
            for key in ("W", "b")
        ]
        self.acc = [torch.zeros_like(p) for p in self.params]
        self.count = 0
        self.X_train, self.y_train = (
            torch.tensor(a, dtype=dtype) for a in (data.X_train, data.y_train)
        )
        self.X_test, self.y_test = (
            torch.tensor(a, dtype=dtype) for a in (data.X_test, data.y_test)
        )
        self.batch_size = workload.batch_size
        self.learning_rate = workload.learning_rate
        self.hidden_fn = getattr(torch, workload.activation)
        output = OUTPUT_ACTIVATION[workload.problem]
        self.output_fn = torch.tanh if output == "tanh" else (lambda z: z)

    def _forward(self, X):
        layers = len(self.params) // 2
        h = X
        for index in range(layers):
            W, b = self.params[2 * index], self.params[2 * index + 1]
            z = torch.addmm(b, h, W)
            h = self.output_fn(z) if index == layers - 1 else self.hidden_fn(z)
        return h[:, 0]

    def _accumulate(self, X, y):
        loss = 0.5 * torch.sum(torch.square(self._forward(X) - y))
        grads = torch.autograd.grad(loss, self.params)
        for acc, grad in zip(self.acc, grads, strict=True):
            acc.add_(grad)
        self.count += len(y)

    def _update(self):
        step = self.learning_rate / self.count
        with torch.no_grad():
            for param, acc in zip(self.params, self.acc, strict=True):
                param.sub_(acc, alpha=step)
                acc.zero_()
        self.count = 0

    def _loss(self, X, y):
        with torch.no_grad():
            return torch.mean(0.5 * torch.square(self._forward(X) - y)).item()


class OneThreadTorchTrainer(TorchTrainer):
    """The same, on one thread: on a busy 2-core machine the default 2 threads run far slower."""

    def train(self, epochs: int) -> np.ndarray:
        with torch_threads(1):
            return super().train(epochs)


@contextlib.contextmanager
def torch_threads(count: int):
    before = torch.get_num_threads()
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def torch_description() -> str | None:
    """'PyTorch <version> eager, float32, N threads', or None when it is not installed."""
    if torch is None:
        return None
    return f"PyTorch {torch.__version__} eager, {TORCH_DTYPE}, {torch.get_num_threads()} threads"
