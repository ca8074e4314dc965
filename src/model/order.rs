//! Orders by a numeric key, for the rankings over every customer (scores, ARR at risk, swings).
//!
//! One sort routine on `(key, index)` pairs, linear in the number of rows (a radix sort, below):
//! ranking 100,000 customers on every slider move is the hot path of the Health section.

/// Indices of `keys` in ascending order of key; NaN keys last; equal keys keep their order.
///
/// A least-significant-digit radix sort on the keys' bits mapped to unsigned integers in the
/// same order (IEEE 754 total order: flip every bit of negatives, the sign bit of the rest):
/// linear time and stable, which is what ranking 100,000 customers per slider move needs.
///
/// ```
/// use retention_lab::model::order::ascending;
/// assert_eq!(ascending(&[3.0, f64::NAN, 1.0, 3.0]), vec![2, 0, 3, 1]);
/// assert_eq!(ascending(&[0.5, -2.0, f64::INFINITY, -0.0]), vec![1, 3, 0, 2]);
/// ```
pub fn ascending(keys: &[f64]) -> Vec<usize> {
    let mut items: Vec<(u64, u32)> = Vec::with_capacity(keys.len());
    let mut nans = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        if k.is_nan() {
            nans.push(i);
        } else {
            items.push((ordered_bits(*k), i as u32));
        }
    }
    radix_sort(&mut items);
    items
        .into_iter()
        .map(|(_, i)| i as usize)
        .chain(nans)
        .collect()
}

/// The bits of `x` as an unsigned integer that sorts like `x` (-0 just before +0).
fn ordered_bits(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

/// Stable LSD radix sort by the key, a byte at a time, skipping bytes all keys share.
fn radix_sort(items: &mut Vec<(u64, u32)>) {
    let mut buffer = vec![(0u64, 0u32); items.len()];
    for pass in 0..8 {
        let shift = pass * 8;
        let mut counts = [0usize; 256];
        for (key, _) in items.iter() {
            counts[((key >> shift) & 0xFF) as usize] += 1;
        }
        if counts.contains(&items.len()) {
            continue;
        }
        let mut next = 0;
        for count in counts.iter_mut() {
            let here = *count;
            *count = next;
            next += here;
        }
        for item in items.iter() {
            let bucket = ((item.0 >> shift) & 0xFF) as usize;
            buffer[counts[bucket]] = *item;
            counts[bucket] += 1;
        }
        std::mem::swap(items, &mut buffer);
    }
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

/// The first `k` indices of [`ascending`] order (a page of a table, the top of a ranking).
///
/// ```
/// use retention_lab::model::order::{ascending, smallest};
/// let keys = [5.0, 1.0, f64::NAN, 3.0, 1.0, 9.0];
/// assert_eq!(smallest(&keys, 3), ascending(&keys)[..3].to_vec());
/// assert_eq!(smallest(&keys, 10), ascending(&keys));
/// ```
pub fn smallest(keys: &[f64], k: usize) -> Vec<usize> {
    let mut order = ascending(keys);
    order.truncate(k);
    order
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
        fn the_radix_order_is_the_standard_library_stable_sort(
            keys in prop::collection::vec(prop_oneof![
                Just(f64::NAN), Just(0.0), Just(-0.0), Just(f64::INFINITY), Just(f64::NEG_INFINITY),
                -1e300..1e300f64, -1.0..1.0f64, Just(1.0),
            ], 0..200),
        ) {
            let mut expected: Vec<usize> = (0..keys.len()).collect();
            // NaN last, then IEEE total order (-0 before +0); the sort is stable.
            expected.sort_by(|&a, &b| keys[a].is_nan().cmp(&keys[b].is_nan()).then(keys[a].total_cmp(&keys[b])));
            prop_assert_eq!(ascending(&keys), expected);
        }

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
