#!/usr/bin/env python3
"""Independent reference implementation: sBG / BdW retention fits with delta-method bands.
Run: python3 band_reference.py [out.json] (needs numpy, scipy, mpmath, numdifftools); the Rust
tests in tests/band_reference.rs carry the figures it printed.
Written from the formulas in the brief (Fader & Hardie 2007)."""
import json, sys
import numpy as np
import mpmath as mp
from scipy.optimize import minimize
from scipy.special import betaln
import numdifftools as nd

mp.mp.dps = 40
Z = mp.mpf('1.6448536269514722')
DATA = {
    'Regular': [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173],
    'High End': [1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394],
}

# ---------- survival functions (mp) ----------
def lnS_mp(model, th, t):
    if t == 0:
        return mp.mpf(0)
    if model == 'sBG':
        a, b = mp.exp(th[0]), mp.exp(th[1])
        return mp.log(mp.beta(a, b + t)) - mp.log(mp.beta(a, b))
    g, d, c = mp.exp(th[0]), mp.exp(th[1]), mp.exp(th[2])
    return mp.log(mp.beta(g, d + mp.mpf(t) ** c)) - mp.log(mp.beta(g, d))

def S_mp(model, th, t):
    return mp.exp(lnS_mp(model, th, t))

def LL_mp(model, th, cohorts):
    tot = mp.mpf(0)
    for n in cohorts:
        k = len(n) - 1
        S = [S_mp(model, th, t) for t in range(k + 1)]
        for t in range(1, k + 1):
            tot += (n[t - 1] - n[t]) * mp.log(S[t - 1] - S[t])
        tot += n[k] * mp.log(S[k])
    return tot

# ---------- float versions for the optimizer ----------
def lnS_f(model, th, t):
    if t == 0:
        return 0.0
    if model == 'sBG':
        a, b = np.exp(th[0]), np.exp(th[1])
        return betaln(a, b + t) - betaln(a, b)
    g, d, c = np.exp(th[0]), np.exp(th[1]), np.exp(th[2])
    return betaln(g, d + t ** c) - betaln(g, d)

def LL_f(model, th, cohorts):
    tot = 0.0
    for n in cohorts:
        k = len(n) - 1
        lS = [lnS_f(model, th, t) for t in range(k + 1)]
        for t in range(1, k + 1):
            p = np.exp(lS[t - 1]) - np.exp(lS[t])
            if not (p > 0):
                return -1e300
            tot += (n[t - 1] - n[t]) * np.log(p)
        tot += n[k] * lS[k]
    return tot

# ---------- mp derivatives ----------
def grad_mp(f, th):
    m = len(th)
    out = []
    for i in range(m):
        def fi(x, i=i):
            tt = list(th); tt[i] = x
            return f(tt)
        out.append(mp.diff(fi, th[i]))
    return mp.matrix(out)

def hess_mp(f, th):
    m = len(th)
    H = mp.matrix(m, m)
    for i in range(m):
        for j in range(i, m):
            if i == j:
                def fi(x, i=i):
                    tt = list(th); tt[i] = x
                    return f(tt)
                H[i, i] = mp.diff(fi, th[i], 2)
            else:
                def fij(x, y, i=i, j=j):
                    tt = list(th); tt[i] = x; tt[j] = y
                    return f(tt)
                H[i, j] = H[j, i] = mp.diff(fij, (th[i], th[j]), (1, 1))
    return H

def fit(model, cohorts):
    m = 2 if model == 'sBG' else 3
    nll = lambda th: -LL_f(model, th, cohorts)
    starts = []
    for a in (-2.0, -0.5, 0.0, 1.0, 2.0):
        for b in (-1.0, 0.0, 1.0, 2.5):
            if m == 2:
                starts.append([a, b])
            else:
                for c in (-0.7, 0.0, 0.5):
                    starts.append([a, b, c])
    best = None
    for s in starts:
        for meth in ('Nelder-Mead', 'BFGS'):
            try:
                r = minimize(nll, s, method=meth,
                             options={'maxiter': 20000, 'xatol': 1e-12, 'fatol': 1e-14} if meth == 'Nelder-Mead' else {'gtol': 1e-10, 'maxiter': 5000})
            except Exception:
                continue
            if np.isfinite(r.fun) and (best is None or r.fun < best.fun):
                best = r
    # Newton polish in mp
    th = [mp.mpf(x) for x in best.x]
    f = lambda tt: LL_mp(model, tt, cohorts)
    for it in range(30):
        G = grad_mp(f, th)
        H = hess_mp(f, th)
        step = mp.lu_solve(H, G)
        th = [th[i] - step[i] for i in range(m)]
        if mp.norm(G) < mp.mpf('1e-25'):
            break
    G = grad_mp(f, th)
    H = hess_mp(f, th)
    return th, f(th), G, H, best.fun

def band_S(model, th, V, t):
    g = lambda tt: mp.log(-lnS_mp(model, tt, t))
    gv = g(th)
    dg = grad_mp(g, th)
    se = mp.sqrt((dg.T * V * dg)[0])
    return S_mp(model, th, t), mp.exp(-mp.exp(gv + Z * se)), mp.exp(-mp.exp(gv - Z * se)), se

def band_r(model, th, V, t):
    def l(tt):
        lr = lnS_mp(model, tt, t) - lnS_mp(model, tt, t - 1)
        r = mp.exp(lr)
        return lr - mp.log(1 - r)
    lv = l(th)
    dl = grad_mp(l, th)
    se = mp.sqrt((dl.T * V * dl)[0])
    lg = lambda x: 1 / (1 + mp.exp(-x))
    return lg(lv), lg(lv - Z * se), lg(lv + Z * se), se

def nd_hessian_check(model, th, cohorts):
    f = lambda x: LL_f(model, x, cohorts)
    return nd.Hessian(f, step=None, method='central', order=4)(np.array([float(x) for x in th]))

def run(name, model, cohorts, tmax=12, actual12=None, boot_ts=None):
    th, LL, G, H, ffun = fit(model, cohorts)
    V = (-H) ** -1
    Hnd = nd_hessian_check(model, th, cohorts)
    res = {'name': name, 'model': model,
           'theta': [mp.nstr(x, 17) for x in th],
           'params': [mp.nstr(mp.exp(x), 17) for x in th],
           'LL': mp.nstr(LL, 17), 'LL_scipy': repr(-ffun),
           'grad_norm': mp.nstr(mp.norm(G), 5),
           'H': [[mp.nstr(H[i, j], 15) for j in range(H.cols)] for i in range(H.rows)],
           'H_numdifftools_maxrelerr': float(np.max(np.abs(Hnd - np.array(H.tolist(), dtype=float)) / np.abs(np.array(H.tolist(), dtype=float)))),
           'V': [[mp.nstr(V[i, j], 15) for j in range(V.cols)] for i in range(V.rows)],
           'S': [], 'r': []}
    for t in range(1, tmax + 1):
        s, lo, hi, se = band_S(model, th, V, t)
        res['S'].append([t, mp.nstr(s, 15), mp.nstr(lo, 15), mp.nstr(hi, 15), mp.nstr(se, 12)])
        r, rlo, rhi, sel = band_r(model, th, V, t)
        res['r'].append([t, mp.nstr(r, 15), mp.nstr(rlo, 15), mp.nstr(rhi, 15), mp.nstr(sel, 12)])
    if actual12 is not None:
        proj = 1000 * S_mp(model, th, 12)
        res['err12'] = {'projected': mp.nstr(proj, 15), 'actual': actual12,
                        'diff_survivors': mp.nstr(proj - actual12, 15),
                        'diff_pp': mp.nstr((proj - actual12) / 10, 15)}
    if boot_ts:
        rng = np.random.default_rng(20240607)
        mu = np.array([float(x) for x in th])
        Vf = np.array(V.tolist(), dtype=float)
        draws = rng.multivariate_normal(mu, Vf, size=20000)
        bs = {}
        for t in boot_ts:
            Ss = np.exp(np.array([lnS_f(model, d, t) for d in draws]))
            bs[t] = {'q05': float(np.quantile(Ss, 0.05)), 'q95': float(np.quantile(Ss, 0.95)),
                     'median': float(np.median(Ss)), 'mean': float(Ss.mean())}
        res['bootstrap'] = bs
    return res

if __name__ == '__main__':
    out = []
    R, Hi = DATA['Regular'], DATA['High End']
    for seg, n in DATA.items():
        out.append(run(f'A sBG k=7 {seg}', 'sBG', [n[:8]], actual12=n[12],
                       boot_ts=[3, 7, 12] if seg == 'Regular' else None))
        out.append(run(f'B sBG k=5 {seg}', 'sBG', [n[:6]], actual12=n[12]))
        out.append(run(f'C BdW k=5 {seg}', 'BdW', [n[:6]], actual12=n[12]))
        out.append(run(f'C BdW k=7 {seg}', 'BdW', [n[:8]], actual12=n[12]))
    out.append(run('D sBG pooled Regular(0..7)+HighEnd(0..4)', 'sBG', [R[:8], Hi[:5]], tmax=10))
    json.dump(out, open(sys.argv[1] if len(sys.argv) > 1 else 'band_reference.json', 'w'), indent=1)
    print('done')
