"""The logistic model the line, span, event and speaker models share: its score, its fit, its file."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np

from newsgate.errors import NewsgateError


def probability(
    weights: Mapping[str, float],
    features: Mapping[str, float],
    names: Iterable[str] | None = None,
) -> float:
    """Return the logistic probability of `features` under `weights` (summed over `names`).

    `names` fixes the order of the sum (a model's declared features); by default the features'
    own order. A feature with no weight counts 0. The sum is clamped to ±30 so that extreme
    inputs cannot overflow `math.exp`.
    """
    keys = features.keys() if names is None else names
    z = sum(weights.get(name, 0.0) * features[name] for name in keys)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit_weights(
    x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000, rate: float = 0.5
) -> np.ndarray:
    """Return logistic-regression weights for rows `x` and 0/1 labels `y`, by batch gradient descent.

    Column 0 of `x` is the bias: it is not regularised (L2 on all other weights, scaled by the
    number of rows). The build scripts of the line, span, event and speaker models fit with it.
    """
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2 / len(y))
    reg[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        w -= rate * (x.T @ (p - y) / len(y) + reg * w)
    return w


def read_model_file(
    path: Path,
    weight_keys: Sequence[str],
    features: Iterable[str],
    error: type[NewsgateError],
    build_script: str,
    kind: str = "model",
) -> tuple[list[dict[str, float]], float]:
    """Return the weight maps named `weight_keys` and the threshold stored in a model file.

    Every map must name exactly `features` (weights fitted on other features would score
    silently wrong) and the threshold must be a probability; otherwise `error` is raised, with a
    message naming the `kind` of model, its file and the script that rebuilds it.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        maps = [{str(k): float(v) for k, v in data[key].items()} for key in weight_keys]
        threshold = float(data["threshold"])
    except FileNotFoundError as exc:
        raise error(f"{kind} file {path} not found: build it with {build_script}") from exc
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise error(
            f"{kind} file {path} is malformed ({exc!r}): rebuild it with {build_script}"
        ) from exc
    if not 0.0 <= threshold <= 1.0:
        raise error(f"{kind} file {path}: threshold {threshold} is not a probability")
    names = set(features)
    for weights in maps:
        unknown, missing = sorted(set(weights) - names), sorted(names - set(weights))
        if unknown or missing:
            raise error(
                f"{kind} file {path} does not fit this code (unknown features {unknown}, "
                f"missing features {missing}): rebuild it with {build_script}"
            )
    return maps, threshold
