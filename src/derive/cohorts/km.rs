//! The Kaplan–Meier chart's input from the analysis's rows, in the UI language.

use crate::chart::km_curve::KmCurve;
use crate::i18n::{format_count, CohortKey, Lang};
use crate::model::km::KmRow;

/// `None` when there is no curve (a cohort table, or no subscriptions).
pub fn km_chart(rows: &[KmRow], lang: Lang) -> Option<KmCurve> {
    (!rows.is_empty()).then(|| KmCurve {
        title: lang.t(CohortKey::KmTitle).into(),
        x_label: lang.t(CohortKey::KmMonth).into(),
        y_label: lang.t(CohortKey::KmAxis).into(),
        curve_label: lang.t(CohortKey::KmSurvival).into(),
        band_label: lang.t(CohortKey::KmBandLegend).into(),
        at_risk_label: lang.t(CohortKey::KmAtRiskLegend).into(),
        rows: rows
            .iter()
            .map(|r| (r.survival, r.low, r.high, format_count(r.at_risk)))
            .collect(),
    })
}
