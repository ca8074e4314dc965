"""Reference values for tests/renewal_reference.rs, computed independently of the project.

Tool: Python 3 with NumPy and SciPy (versions printed below). Generates renewal_data.csv
(north star, NPS, renewed) from a fixed seed, then fits the logistic regression two ways with
scipy.optimize.minimize (BFGS on the negative log-likelihood written out here):
  - with the project's documented ridge term (0.5 * 0.01 * sum of squared standardised slopes,
    population standard deviation, intercept not penalised): must match to 1e-6;
  - without any penalty (plain maximum likelihood): bounds what the ridge term moves.
AUC is scipy.stats.mannwhitneyu's U / (n1 * n0); log-loss is the mean negative log-likelihood.
Run: python3 tests/reference/renewal_logit.py
"""
import csv
import os

import numpy as np
import scipy
from scipy.optimize import minimize
from scipy.special import expit, log_expit
from scipy.stats import mannwhitneyu

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261122)
n = 400
north_star = rng.gamma(shape=2.0, scale=40.0, size=n).round(1)
nps = rng.integers(0, 11, size=n).astype(float)
true_logit = -1.5 + 0.025 * north_star + 0.15 * nps
renewed = rng.random(n) < expit(true_logit)

with open(os.path.join(HERE, "renewal_data.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["north_star", "nps", "renewed"])
    for a, b, y in zip(north_star, nps, renewed):
        w.writerow([f"{a:.1f}", f"{b:.0f}", int(y)])

x = np.column_stack([north_star, nps])
mean, sd = x.mean(axis=0), x.std(axis=0)
z = np.column_stack([np.ones(n), (x - mean) / sd])
y = renewed.astype(float)


def fit(ridge):
    def nll(b):
        t = z @ b
        return -(y * log_expit(t) + (1 - y) * log_expit(-t)).sum() + 0.5 * ridge * (b[1:] ** 2).sum()

    def grad(b):
        p = expit(z @ b)
        g = -z.T @ (y - p)
        g[1:] += ridge * b[1:]
        return g

    res = minimize(nll, np.zeros(3), jac=grad, method="BFGS", options={"gtol": 1e-12, "maxiter": 10_000})
    b = res.x
    slopes = b[1:] / sd
    intercept = b[0] - (slopes * mean).sum()
    return intercept, slopes, b


print("numpy", np.__version__, "scipy", scipy.__version__)
for ridge in (0.01, 0.0):
    intercept, slopes, b = fit(ridge)
    p = expit(z @ b)
    u = mannwhitneyu(p[renewed], p[~renewed]).statistic
    auc = u / (renewed.sum() * (~renewed).sum())
    loss = -(y * np.log(p) + (1 - y) * np.log(1 - p)).mean()
    print(f"ridge {ridge}: intercept {intercept:.10f} north_star {slopes[0]:.10f} nps {slopes[1]:.10f} "
          f"auc {auc:.10f} log_loss {loss:.10f} renewed {renewed.sum()}")
