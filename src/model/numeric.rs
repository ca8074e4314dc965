//! Finite differences and small dense linear algebra for the maximum-likelihood fits (two or
//! three parameters): the gradient and Hessian of a log-likelihood, a linear solve, and the
//! covariance (−H)⁻¹ of the estimates. Written here rather than taken from a linear-algebra
//! crate because the matrices are at most 3 × 3 and these are the only operations needed.

/// Central-difference gradient and Hessian of `f` at `x` with step `h` (in `x`'s units).
// The Hessian is filled both ways across its diagonal, which index loops say most plainly.
#[allow(clippy::needless_range_loop)]
pub fn derivatives<const N: usize>(
    f: &dyn Fn([f64; N]) -> f64,
    x: [f64; N],
    h: f64,
) -> ([f64; N], [[f64; N]; N]) {
    let at = |d: [f64; N]| f(std::array::from_fn(|k| x[k] + d[k]));
    let unit = |i: usize, v: f64| std::array::from_fn(|k| if k == i { v } else { 0.0 });
    let centre = f(x);
    let mut g = [0.0; N];
    let mut hess = [[0.0; N]; N];
    for i in 0..N {
        let (up, down) = (at(unit(i, h)), at(unit(i, -h)));
        g[i] = (up - down) / (2.0 * h);
        hess[i][i] = (up - 2.0 * centre + down) / (h * h);
        for j in 0..i {
            let pair = |si: f64, sj: f64| {
                at(std::array::from_fn(|k| {
                    if k == i {
                        si * h
                    } else if k == j {
                        sj * h
                    } else {
                        0.0
                    }
                }))
            };
            let v = (pair(1.0, 1.0) - pair(1.0, -1.0) - pair(-1.0, 1.0) + pair(-1.0, -1.0))
                / (4.0 * h * h);
            hess[i][j] = v;
            hess[j][i] = v;
        }
    }
    (g, hess)
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting; `None` when singular or
/// not finite.
pub fn solve<const N: usize>(a: [[f64; N]; N], b: [f64; N]) -> Option<[f64; N]> {
    let x = solve_rows(a.iter().map(|row| row.to_vec()).collect(), b.to_vec())?;
    x.try_into().ok()
}

/// [`solve`] for a square system of any size, given as rows.
pub fn solve_rows(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    if a.len() != n || a.iter().any(|row| row.len() != n) {
        return None;
    }
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-300 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..n {
            let factor = a[row][col] / a[col][col];
            let pivot_row = a[col].clone();
            for (target, source) in a[row].iter_mut().zip(pivot_row).skip(col) {
                *target -= factor * source;
            }
            b[row] -= factor * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let sum: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - sum) / a[row][row];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

/// Whether −`h` is positive definite: its Cholesky factorisation succeeds.
pub fn negative_definite<const N: usize>(h: &[[f64; N]; N]) -> bool {
    let mut l = [[0.0; N]; N];
    for i in 0..N {
        for j in 0..=i {
            let sum: f64 = (0..j).map(|k| l[i][k] * l[j][k]).sum();
            let value = -h[i][j] - sum;
            if i == j {
                if value.is_nan() || value <= 0.0 {
                    return false;
                }
                l[i][i] = value.sqrt();
            } else {
                l[i][j] = value / l[j][j];
            }
        }
    }
    true
}

/// The asymptotic covariance of maximum-likelihood estimates, (−H)⁻¹ for the Hessian `h` of
/// the log-likelihood at the maximum; `None` unless −H is positive definite.
pub fn covariance<const N: usize>(h: &[[f64; N]; N]) -> Option<[[f64; N]; N]> {
    if !negative_definite(h) {
        return None;
    }
    let minus: [[f64; N]; N] = h.map(|row| row.map(|v| -v));
    let mut v = [[0.0; N]; N];
    for j in 0..N {
        let column = solve(minus, std::array::from_fn(|k| f64::from(u8::from(k == j))))?;
        for (row, value) in v.iter_mut().zip(column) {
            row[j] = value;
        }
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derivatives_of_a_quadratic_are_exact() {
        // f = −(x² + 3xy + 5y²)/2 + x: gradient (1 − x − 1.5y, −1.5x − 5y), Hessian
        // [[−1, −1.5], [−1.5, −5]] everywhere.
        let f = |p: [f64; 2]| -(p[0] * p[0] + 3.0 * p[0] * p[1] + 5.0 * p[1] * p[1]) / 2.0 + p[0];
        let (g, h) = derivatives(&f, [2.0, -1.0], 1e-3);
        assert!(
            (g[0] - 0.5).abs() < 1e-9 && (g[1] - 2.0).abs() < 1e-9,
            "{g:?}"
        );
        assert!((h[0][0] + 1.0).abs() < 1e-6 && (h[0][1] + 1.5).abs() < 1e-6);
        assert!((h[1][0] + 1.5).abs() < 1e-6 && (h[1][1] + 5.0).abs() < 1e-6);
    }

    #[test]
    fn covariance_inverts_minus_the_hessian() {
        // −H = [[4, 2], [2, 3]]: det 8, inverse [[3, −2], [−2, 4]] / 8.
        let v = covariance(&[[-4.0, -2.0], [-2.0, -3.0]]).unwrap();
        let expected = [[0.375, -0.25], [-0.25, 0.5]];
        for i in 0..2 {
            for j in 0..2 {
                assert!((v[i][j] - expected[i][j]).abs() < 1e-12, "{v:?}");
            }
        }
        // A saddle has no covariance.
        assert_eq!(covariance(&[[-1.0, 0.0], [0.0, 1.0]]), None);
    }

    #[test]
    fn solves_a_system_that_needs_pivoting() {
        // x + y + z = 6, 2y + 5z = −4, 2x + 5y − z = 27 → (5, 3, −2); the first pivot is 0
        // in column 0 of row 1, and row 2 has the largest entry.
        let a = [[0.0, 2.0, 5.0], [1.0, 1.0, 1.0], [2.0, 5.0, -1.0]];
        let x = solve(a, [-4.0, 6.0, 27.0]).unwrap();
        assert!(
            (x[0] - 5.0).abs() < 1e-12 && (x[1] - 3.0).abs() < 1e-12 && (x[2] + 2.0).abs() < 1e-12
        );
        assert_eq!(solve([[1.0, 2.0], [2.0, 4.0]], [1.0, 1.0]), None);
    }
}
