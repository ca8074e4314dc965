"""Independent reference values for the sBG model (tests/sbg_reference.rs), computed with
SciPy, not with the project's code. Run by hand; the printed numbers are pasted into the test.

    pip install scipy==1.17.1 numpy==2.4.6 && python3 tests/reference/sbg_reference.py

Data: Fader & Hardie (2007), Table 1 — "regular" customers observed years 0-7 and "high end"
customers truncated to years 0-4, pooled into one fit (cohorts of different lengths).
"""
import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln, hyp2f1

REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241]
HIGH_END_4 = [1000, 869, 743, 653, 593]


def log_likelihood(log_params, cohorts):
    a, b = np.exp(log_params)
    ll = 0.0
    for alive in cohorts:
        T = len(alive) - 1
        for t in range(1, T + 1):
            p = np.exp(betaln(a + 1, b + t - 1) - betaln(a, b))
            ll += (alive[t - 1] - alive[t]) * np.log(p)
        ll += alive[T] * (betaln(a, b + T) - betaln(a, b))
    return ll


def fit(cohorts):
    res = minimize(lambda x: -log_likelihood(x, cohorts), x0=[0.0, 0.0], method="Nelder-Mead",
                   options={"xatol": 1e-12, "fatol": 1e-12, "maxiter": 20000})
    a, b = np.exp(res.x)
    return a, b, -res.fun


for name, cohorts in [("regular", [REGULAR]), ("pooled", [REGULAR, HIGH_END_4])]:
    a, b, ll = fit(cohorts)
    print(f"{name}: alpha={a:.6f} beta={b:.6f} ll={ll:.6f}")

a, b = 0.668, 3.806
z = 1 / 1.1
print(f"DEL(0.1 | 0.668, 3.806) = {hyp2f1(1, b, a + b, z):.9f}")
n = 3
print(f"DERL(0.1 | 0.668, 3.806, n=3) = {(b + n - 1) / (a + b + n - 1) * hyp2f1(1, b + n, a + b + n, z):.9f}")
