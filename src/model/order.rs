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
    let mut pairs: Vec<(f64, usize)> = Vec::with_capacity(keys.len());
    let mut nans = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        if k.is_nan() {
            nans.push(i);
        } else {
            pairs.push((*k, i));
        }
    }
    pairs.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    pairs.into_iter().map(|(_, i)| i).chain(nans).collect()
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

/// The first `k` indices of [`ascending`] order, without sorting the rest: a partial selection,
/// then a sort of the `k` chosen. For a page of a table over 100,000 rows.
///
/// ```
/// use retention_lab::model::order::{ascending, smallest};
/// let keys = [5.0, 1.0, f64::NAN, 3.0, 1.0, 9.0];
/// assert_eq!(smallest(&keys, 3), ascending(&keys)[..3].to_vec());
/// assert_eq!(smallest(&keys, 10), ascending(&keys));
/// ```
pub fn smallest(keys: &[f64], k: usize) -> Vec<usize> {
    if k >= keys.len() {
        return ascending(keys);
    }
    let rank = |i: usize| {
        (
            keys[i].is_nan(),
            if keys[i].is_nan() { 0.0 } else { keys[i] },
            i,
        )
    };
    let mut idx: Vec<usize> = (0..keys.len()).collect();
    if k > 0 {
        idx.select_nth_unstable_by(k - 1, |&a, &b| {
            let (ra, rb) = (rank(a), rank(b));
            ra.0.cmp(&rb.0)
                .then(ra.1.total_cmp(&rb.1))
                .then(ra.2.cmp(&rb.2))
        });
    }
    idx.truncate(k);
    // Back in original order, so that `ascending` breaks ties by original index.
    idx.sort_unstable();
    let chosen: Vec<f64> = idx.iter().map(|&i| keys[i]).collect();
    ascending(&chosen).into_iter().map(|j| idx[j]).collect()
}

/// The first `k` indices of [`descending`] order.
pub fn largest(keys: &[f64], k: usize) -> Vec<usize> {
    let negated: Vec<f64> = keys.iter().map(|v| -v).collect();
    smallest(&negated, k)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_partial_selection_is_the_head_of_the_full_order(
            keys in prop::collection::vec(prop_oneof![Just(f64::NAN), -1e3..1e3f64, Just(1.0)], 0..60),
            k in 0usize..70,
        ) {
            let full = ascending(&keys);
            prop_assert_eq!(smallest(&keys, k), full[..k.min(keys.len())].to_vec());
            let full = descending(&keys);
            prop_assert_eq!(largest(&keys, k), full[..k.min(keys.len())].to_vec());
        }
    }
}
