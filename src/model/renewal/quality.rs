//! How good a probability forecast is: discrimination (AUC), log-loss and calibration.

/// Area under the ROC curve: the probability that a random renewed customer gets a higher
/// predicted probability than a random churned one, ties counting one half (the Mann–Whitney
/// U statistic divided by n₁n₀; Hanley & McNeil, Radiology 143, 1982). `None` without both
/// outcomes.
///
/// ```
/// use retention_lab::model::renewal::auc;
/// assert_eq!(auc(&[0.9, 0.8, 0.3, 0.1], &[true, false, true, false]), Some(0.75));
/// ```
pub fn auc(predicted: &[f64], outcome: &[bool]) -> Option<f64> {
    auc_in_order(&sorted_by_key(predicted, outcome.len()), outcome)
}

/// AUC and the calibration deciles from one sort of the predictions (100,000 customers are
/// sorted once, not twice).
pub fn auc_and_calibration(predicted: &[f64], outcome: &[bool]) -> (Option<f64>, Vec<Bin>) {
    let n = predicted.len().min(outcome.len());
    let order = sorted_by_key(predicted, n);
    (
        auc_in_order(&order, outcome),
        bins_in_order(&order, predicted, outcome, 10),
    )
}

fn auc_in_order(order: &[(f64, u32)], outcome: &[bool]) -> Option<f64> {
    let positives = order.iter().filter(|(_, i)| outcome[*i as usize]).count() as f64;
    let negatives = order.len() as f64 - positives;
    if positives == 0.0 || negatives == 0.0 {
        return None;
    }
    // Sum of the positives' mid-ranks.
    let mut rank_sum = 0.0;
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && order[end].0 == order[start].0 {
            end += 1;
        }
        let mid_rank = (start + end + 1) as f64 / 2.0;
        let renewed = order[start..end]
            .iter()
            .filter(|(_, i)| outcome[*i as usize])
            .count();
        rank_sum += mid_rank * renewed as f64;
        start = end;
    }
    Some((rank_sum - positives * (positives + 1.0) / 2.0) / (positives * negatives))
}

/// Mean log-loss `−(1/n) Σ [y ln p + (1 − y) ln(1 − p)]`, p clipped to [1e−15, 1 − 1e−15].
pub fn log_loss(predicted: &[f64], outcome: &[bool]) -> Option<f64> {
    let n = predicted.len().min(outcome.len());
    (n > 0).then(|| {
        predicted
            .iter()
            .zip(outcome)
            .map(|(p, &y)| {
                let p = p.clamp(1e-15, 1.0 - 1e-15);
                -(if y { p.ln() } else { (1.0 - p).ln() })
            })
            .sum::<f64>()
            / n as f64
    })
}

/// One group of a calibration table or of binned observed rates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bin {
    /// Mean of the sorting key in the group (predicted probability, or the input value).
    pub mean_key: f64,
    pub mean_predicted: f64,
    pub observed_rate: f64,
    pub count: usize,
}

/// Splits rows sorted by `key` into `groups` groups of (nearly) equal size and reports each
/// group's mean key, mean prediction and observed rate. Deciles of the prediction make the
/// calibration table (Hosmer & Lemeshow's grouping); deciles of an input make the binned
/// observed rates drawn under the fitted curve.
pub fn bins(key: &[f64], predicted: &[f64], outcome: &[bool], groups: usize) -> Vec<Bin> {
    let n = key.len().min(predicted.len()).min(outcome.len());
    if n == 0 || groups == 0 {
        return Vec::new();
    }
    bins_in_order(&sorted_by_key(key, n), predicted, outcome, groups)
}

fn bins_in_order(
    order: &[(f64, u32)],
    predicted: &[f64],
    outcome: &[bool],
    groups: usize,
) -> Vec<Bin> {
    let n = order.len();
    if n == 0 || groups == 0 {
        return Vec::new();
    }
    let groups = groups.min(n);
    (0..groups)
        .map(|g| {
            let rows = &order[g * n / groups..(g + 1) * n / groups];
            let count = rows.len() as f64;
            Bin {
                mean_key: rows.iter().map(|(k, _)| k).sum::<f64>() / count,
                mean_predicted: rows
                    .iter()
                    .map(|(_, i)| predicted[*i as usize])
                    .sum::<f64>()
                    / count,
                observed_rate: rows.iter().filter(|(_, i)| outcome[*i as usize]).count() as f64
                    / count,
                count: rows.len(),
            }
        })
        .collect()
}

/// The first `n` keys with their row index, in ascending order of key.
fn sorted_by_key(key: &[f64], n: usize) -> Vec<(f64, u32)> {
    let n = n.min(key.len()).min(u32::MAX as usize);
    crate::model::order::ascending(&key[..n])
        .into_iter()
        .map(|i| (key[i], i as u32))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_of_perfect_random_and_tied_forecasts() {
        assert_eq!(
            auc(&[0.1, 0.2, 0.8, 0.9], &[false, false, true, true]),
            Some(1.0)
        );
        assert_eq!(auc(&[0.5; 4], &[false, true, false, true]), Some(0.5));
        assert_eq!(auc(&[0.5, 0.6], &[true, true]), None);
    }

    #[test]
    fn log_loss_of_a_coin_is_ln_2() {
        let l = log_loss(&[0.5, 0.5], &[true, false]).unwrap();
        assert!((l - std::f64::consts::LN_2).abs() < 1e-15);
    }

    #[test]
    fn deciles_cover_every_row_once() {
        let key: Vec<f64> = (0..25).map(f64::from).collect();
        let outcome: Vec<bool> = (0..25).map(|i| i % 2 == 0).collect();
        let b = bins(&key, &key, &outcome, 10);
        assert_eq!(b.len(), 10);
        assert_eq!(b.iter().map(|b| b.count).sum::<usize>(), 25);
        assert!(b.windows(2).all(|w| w[0].mean_key < w[1].mean_key));
    }
}
