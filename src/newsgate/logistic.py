"""The one logistic score the shipped line, span, event and speaker models share."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping


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
