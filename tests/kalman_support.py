"""The damped trend's Kalman filter written plainly, for tests to check methods.py against.

One parameter set at a time, on 2×2 matrices (not the vectorised grid code of
``pucli.compute.methods._filter``): state ``(l, b)`` starting at ``(x₁, (x₂ − x₁)/k₂)``,
``P = 0``; at a grid position without an actual the state moves on and ``P`` grows by
``gg'``; at an actual the error ``e`` has variance ``S = w'Pw + 1`` and the gain is
``(FPw + g)/S``.
"""

from __future__ import annotations

import math

import numpy as np

# the grid of (α, β, φ) that damped_trend searches, written out again
GRID = [(a, round(a * s, 10), p) for a in np.round(np.arange(0.05, 0.96, 0.05), 2)
        for s in (0.0, 0.1, 0.25, 0.5, 1.0) for p in (0.8, 0.85, 0.9, 0.95, 0.98)]


def kalman_by_hand(pos, x, alpha, beta, phi):
    """Filter the actuals ``x`` at whole grid positions ``pos``; return the final state,
    ``P``, ``Σ e²/S`` and ``Σ log S``."""
    F = np.array([[1.0, phi], [0.0, phi]])
    g, w = np.array([alpha, beta]), np.array([1.0, phi])
    state = np.array([x[0], (x[1] - x[0]) / (pos[1] - pos[0])])
    P = np.zeros((2, 2))
    sse = logs = 0.0
    for prev, now, xi in zip(pos[:-1], pos[1:], x[1:], strict=True):
        for _ in range(now - prev - 1):
            state, P = F @ state, F @ P @ F.T + np.outer(g, g)
        s = w @ P @ w + 1
        gain = (F @ P @ w + g) / s
        e = xi - w @ state
        sse, logs = sse + e * e / s, logs + math.log(s)
        state = F @ state + gain * e
        P = F @ P @ F.T + np.outer(g, g) - np.outer(gain, gain) * s
    return state, P, sse, logs
