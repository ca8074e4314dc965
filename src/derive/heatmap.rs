//! The cohorts section's retention triangle as the page and its exported picture show it:
//! every cell's retention computed once, with its text, tooltip and colours, and the same
//! values as the picture's chart input.

use crate::chart::heatmap::{cell_colour, HeatRow, Heatmap};
use crate::i18n::{
    format_count, format_money, format_percent, format_whole_percent, CohortKey, Currency, Lang,
};
use crate::model::cohort::{retention, Cohort, Measure};

#[derive(Debug, Clone, PartialEq)]
pub struct HeatmapView {
    /// Columns: the longest cohort's periods.
    pub periods: usize,
    pub rows: Vec<HeatmapRow>,
    /// The colour of the "above 100 %" key swatch (CSS).
    pub above_swatch: String,
    /// The exported picture's input: the same cells.
    pub chart: Heatmap,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HeatmapRow {
    pub label: String,
    /// The cohort's size, as shown.
    pub size: String,
    /// `None` where the period is not observed (blank, not zero).
    pub cells: Vec<Option<HeatCell>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HeatCell {
    /// Retention as a fraction (the cell's `data-value`).
    pub value: f64,
    /// Whole percents, or the count or money when absolute.
    pub shown: String,
    /// The tooltip: cohort, period, exact percentage, amount and base.
    pub title: String,
    /// CSS colours of the fill and the text.
    pub background: String,
    pub ink: String,
}

/// The triangle of `cohorts` under `measure`, as percentages or (`absolute`) amounts.
pub fn heatmap_view(
    cohorts: &[Cohort],
    measure: Measure,
    absolute: bool,
    period_label: &str,
    lang: Lang,
    currency: Currency,
) -> HeatmapView {
    let periods = cohorts.iter().map(|c| c.active.len()).max().unwrap_or(0);
    let count = |v: f64| format_count(v.round().max(0.0) as usize);
    let money = |v: f64| format_money(v, lang, currency);
    let rows: Vec<HeatmapRow> = cohorts
        .iter()
        .map(|cohort| {
            let base = match measure {
                Measure::Logo => count(cohort.size),
                Measure::Revenue => money(cohort.start_revenue.unwrap_or(0.0)),
            };
            let cells = (0..periods)
                .map(|p| {
                    let value = retention(cohort, measure, p)?;
                    let amount = match measure {
                        Measure::Logo => cohort.active.get(p).copied().flatten().map(count),
                        Measure::Revenue => cohort.revenue.get(p).copied().flatten().map(money),
                    }
                    .unwrap_or_default();
                    // Whole percents in the cells (the exact value is in the tooltip).
                    let shown = if absolute {
                        amount.clone()
                    } else {
                        format_whole_percent(value)
                    };
                    let title = lang.fill(
                        CohortKey::CellTitle,
                        &[
                            ("cohort", &cohort.label),
                            ("period", &p.to_string()),
                            ("value", &format_percent(value)),
                            ("amount", &amount),
                            ("base", &base),
                        ],
                    );
                    let (background, ink) = colours(value);
                    Some(HeatCell {
                        value,
                        shown,
                        title,
                        background,
                        ink,
                    })
                })
                .collect();
            HeatmapRow {
                label: cohort.label.clone(),
                size: count(cohort.size),
                cells,
            }
        })
        .collect();
    let measure_label = lang.t(match measure {
        Measure::Logo => CohortKey::Logo,
        Measure::Revenue => CohortKey::Revenue,
    });
    let chart = Heatmap {
        title: format!("{} · {measure_label}", lang.t(CohortKey::HeatmapTitle)),
        x_label: period_label.to_string(),
        y_label: lang.t(CohortKey::Cohort).into(),
        key: [
            CohortKey::LegendLow,
            CohortKey::LegendHigh,
            CohortKey::LegendAbove,
        ]
        .map(|k| lang.t(k).to_string()),
        rows: rows
            .iter()
            .map(|r| HeatRow {
                label: r.label.clone(),
                values: r
                    .cells
                    .iter()
                    .map(|c| c.as_ref().map(|c| c.value))
                    .collect(),
            })
            .collect(),
    };
    HeatmapView {
        periods,
        rows,
        above_swatch: colours(1.3).0,
        chart,
    }
}

/// Fill and text colour of a retention fraction as CSS, on the scale of [`cell_colour`]
/// (shared with the exported picture).
fn colours(value: f64) -> (String, String) {
    let hex = |c: plotters::style::RGBColor| format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2);
    let (background, ink) = cell_colour(value);
    (hex(background), hex(ink))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_cell_once_with_its_text_and_the_same_value_in_the_picture() {
        // 10 customers, 8 still active after one period, the second period unobserved.
        let cohort = Cohort {
            label: "2025-01".into(),
            size: 10.0,
            start_revenue: Some(1000.0),
            active: vec![Some(10.0), Some(8.0), None],
            revenue: vec![Some(1000.0), Some(900.0), None],
        };
        let view = heatmap_view(
            std::slice::from_ref(&cohort),
            Measure::Logo,
            false,
            "Months",
            Lang::En,
            Currency::Usd,
        );
        assert_eq!(view.periods, 3);
        let cells = &view.rows[0].cells;
        let Some(cell) = &cells[1] else {
            panic!("observed")
        };
        assert_eq!((cell.value, cell.shown.as_str()), (0.8, "80%"));
        assert!(
            cell.title.contains("80.0%") && cell.title.contains("8") && cell.title.contains("10")
        );
        assert_eq!(cells[2], None);
        assert_eq!(view.chart.rows[0].values, vec![Some(1.0), Some(0.8), None]);
        let revenue = heatmap_view(
            &[cohort],
            Measure::Revenue,
            true,
            "Months",
            Lang::En,
            Currency::Usd,
        );
        let Some(cell) = &revenue.rows[0].cells[1] else {
            panic!("observed")
        };
        assert!((cell.value - 0.9).abs() < 1e-12);
        assert_eq!(cell.shown, "$900");
    }
}
