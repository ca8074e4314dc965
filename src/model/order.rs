//! Orders by a numeric key, for every ranking in the app (scores, ARR at risk, swings).
//!
//! One sort routine on `(key, index)` pairs: each `sort_by` with its own closure compiles to a
//! separate copy of the standard library's sort in the WebAssembly binary (several kilobytes
//! each), and the page has a download budget.

/// Indices of `keys` in ascending order of key; NaN keys last; equal keys keep their order.
///
/// ```
/// use retention_lab::model::order::ascending;
/// assert_eq!(ascending(&[3.0, f64::NAN, 1.0, 3.0]), vec![2, 0, 3, 1]);
/// ```
pub fn ascending(keys: &[f64]) -> Vec<usize> {
    let mut pairs: Vec<(f64, usize)> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (if k.is_nan() { f64::INFINITY } else { *k }, i))
        .collect();
    // NaN became +∞: put true NaNs after real infinities by their flag, then by index.
    pairs.sort_unstable_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then(keys[a.1].is_nan().cmp(&keys[b.1].is_nan()))
            .then(a.1.cmp(&b.1))
    });
    pairs.into_iter().map(|(_, i)| i).collect()
}

/// Indices in descending order of key; NaN keys last; equal keys keep their order.
///
/// ```
/// use retention_lab::model::order::descending;
/// assert_eq!(descending(&[3.0, f64::NAN, 1.0, 3.0]), vec![0, 3, 2, 1]);
/// ```
pub fn descending(keys: &[f64]) -> Vec<usize> {
    let negated: Vec<f64> = keys.iter().map(|k| -k).collect();
    ascending(&negated)
}

/// `items` reordered by `order` (a permutation of their indices).
pub fn permute<T: Clone>(items: &[T], order: &[usize]) -> Vec<T> {
    order
        .iter()
        .filter_map(|&i| items.get(i).cloned())
        .collect()
}
