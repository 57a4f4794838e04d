"""How good a Playground's network is: accuracy and the confusion matrix for classification, R²
and RMSE for regression, on the training and the test points."""

import numpy as np


def run_metrics(run) -> dict:
    """Every figure of ``Playground.metrics`` for a run's current weights.

    Args:
        run: The ``PlaygroundRun`` to score.

    Returns:
        ``{"train": figures, "test": figures}``, None for a set without points.
    """
    X, y, X_test, y_test = run.inputs
    result = {}
    for name, inputs, targets in (("train", X, y), ("test", X_test, y_test)):
        if len(inputs) == 0:
            result[name] = None
            continue
        out = run.outputs(inputs).astype(np.float64)
        targets = np.asarray(targets, np.float64)
        if not run.classification:
            result[name] = regression_metrics(out, targets)
        elif out.ndim == 1:  # one output: its sign against the label's, as class 0 or 1
            result[name] = classification_metrics(out >= 0, targets > 0, 2)
        else:
            result[name] = classification_metrics(np.argmax(out, axis=1), targets, out.shape[1])
    return result


def classification_metrics(predicted, actual, classes) -> dict:
    """Accuracy and the confusion matrix (true class by row, predicted by column).

    Args:
        predicted: The predicted class of each point.
        actual: The true class of each point.
        classes: How many classes there are.

    Returns:
        ``{"accuracy": float, "confusion": classes × classes nested lists of counts}``.
    """
    predicted, actual = np.asarray(predicted, int), np.asarray(actual, int)
    confusion = np.zeros((classes, classes), int)
    np.add.at(confusion, (actual, predicted), 1)
    return {"accuracy": float(np.mean(predicted == actual)), "confusion": confusion.tolist()}


def regression_metrics(out, targets) -> dict:
    """R² (NaN when the targets do not vary) and the root mean squared error.

    Args:
        out: The network's outputs.
        targets: The targets.

    Returns:
        ``{"r2": float, "rmse": float}``.
    """
    residual = np.sum((targets - out) ** 2)
    spread = np.sum((targets - targets.mean()) ** 2)
    return {
        "r2": float(1 - residual / spread) if spread > 0 else float("nan"),
        "rmse": float(np.sqrt(residual / len(targets))),
    }
