//! The north-star finder (seeds 000 and 004): every numeric column of the customers ranked by
//! how well it separates renewers from churners ([`rank_customers`]), with a button making
//! the chosen column the north star.

use super::common::{data_value, needs, percent, short_label, OpsContext};
use crate::chart::palette;
use crate::chart::stacked::{Series, StackedBars};
use crate::derive::panel::{Panel, PanelChart, Request, Row, RowAction, Table};
use crate::i18n::{GrowthKey as G, Lang};
use crate::model::operations::finder::{
    rank_customers, Candidate, Direction, Standing, MIN_EACH_SIDE, NORTH_STAR,
};

fn direction_text(lang: Lang, direction: Option<Direction>) -> &'static str {
    match direction {
        Some(Direction::Higher) => lang.t(G::HigherBetter),
        Some(Direction::Lower) => lang.t(G::LowerBetter),
        None => "—",
    }
}

fn standing_text(lang: Lang, c: &Candidate) -> String {
    match c.standing {
        Standing::Ranked(rank) => rank.to_string(),
        Standing::TooFew => lang.fill(
            G::FinderTooFew,
            &[
                ("renewed", &c.renewed.to_string()),
                ("churned", &c.churned.to_string()),
            ],
        ),
        Standing::Outcome => lang.t(G::FinderOutcome).into(),
    }
}

fn quartile_text(rate: Option<f64>, customers: usize) -> String {
    match rate {
        Some(_) => format!("{} (n={customers})", percent(rate)),
        None => "—".into(),
    }
}

fn row(lang: Lang, c: &Candidate, in_use: &str) -> Row {
    Row {
        test_id: "northstar-candidate",
        data: vec![
            ("data-column", c.name.clone()),
            ("data-auc", data_value(c.strength)),
            (
                "data-direction",
                c.direction.map(|d| d.key().to_string()).unwrap_or_default(),
            ),
            (
                "data-rank",
                c.standing.rank().map(|r| r.to_string()).unwrap_or_default(),
            ),
            ("data-standing", c.standing.key().into()),
        ],
        cells: vec![
            c.name.clone(),
            standing_text(lang, c),
            c.strength
                .filter(|s| s.is_finite())
                .map(|s| format!("{s:.3}"))
                .unwrap_or_else(|| "—".into()),
            direction_text(lang, c.direction).into(),
            format!(
                "{} / {}",
                quartile_text(c.top_quartile_renewal, c.top_quartile),
                quartile_text(c.bottom_quartile_renewal, c.bottom_quartile)
            ),
            c.used.to_string(),
        ],
        // An outcome of renewal is never offered; a column with too few outcomes still is,
        // the user's judgement, its standing shown beside it.
        action: (c.standing != Standing::Outcome).then(|| RowAction {
            test_id: "northstar-use",
            label: lang.t(G::UseAsNorthStar).into(),
            request: Request::UseAsNorthStar(c.name.clone()),
        }),
        highlight: c.name == in_use,
    }
}

/// Ranks every numeric column of the customers as loaded by `max(AUC, 1 − AUC)` for `renewed`
/// ([`rank_customers`]), the north star in use highlighted; one row per column
/// (`northstar-candidate`: `data-column`, `data-auc` in the max form, `data-direction`,
/// `data-rank` (empty unless ranked), `data-standing` `ranked` / `too-few` / `outcome`) with a
/// `northstar-use` button except on outcomes, and the ranked strengths as bars against the
/// 0.5 chance line. Needs `renewed` and a numeric column when no column has an AUC (no column
/// with both outcomes among its values).
pub fn finder_panel(cx: &OpsContext) -> Panel {
    let lang = cx.lang;
    let panel = Panel::new(
        "ops-northstar",
        lang.t(G::FinderTitle).into(),
        lang.t(G::FinderIntro).into(),
    );
    // The file's own columns, the one in use highlighted: going back is one click away.
    let ranked = rank_customers(cx.loaded);
    let in_use = cx.north_star_column.unwrap_or(NORTH_STAR);
    if !ranked.iter().any(|c| c.strength.is_some()) {
        return needs(panel, lang, &["renewed", lang.t(G::AnyNumericColumn)]);
    }
    let mut panel = panel;
    panel.table = Some(Table {
        headers: vec![
            lang.t(G::Column).into(),
            lang.t(G::FinderStanding).into(),
            lang.t(G::AucStrength).into(),
            lang.t(G::Direction).into(),
            lang.t(G::QuartileRenewal).into(),
            lang.t(G::CustomersUsed).into(),
        ],
        rows: ranked.iter().map(|c| row(lang, c, in_use)).collect(),
    });
    // Only ranked columns have a bar; the chart shows the best CHART_COLUMNS (the table
    // lists them all), names cut so that the labels under the bars stay apart.
    let measured: Vec<&Candidate> = ranked
        .iter()
        .filter(|c| c.standing.rank().is_some() && c.strength.is_some())
        .take(CHART_COLUMNS)
        .collect();
    panel.charts = vec![PanelChart::Stacked {
        name: "northstar-auc",
        chart: StackedBars {
            title: lang.t(G::FinderChartTitle).into(),
            x_label: lang.t(G::Column).into(),
            y_label: lang.t(G::AucAxis).into(),
            categories: measured
                .iter()
                .map(|c| short_label(&c.name, LABEL_CHARS))
                .collect(),
            series: vec![Series {
                name: lang.t(G::AucStrength).into(),
                colour: palette::BLUE,
                values: measured
                    .iter()
                    .map(|c| c.strength.filter(|s| s.is_finite()).unwrap_or(0.0))
                    .collect(),
            }],
            marks: vec![(0.5, lang.t(G::Chance).into())],
            y_max: Some(1.0),
        },
    }];
    panel.notes = vec![
        lang.t(G::FinderNote).into(),
        lang.fill(G::FinderRules, &[("min", &MIN_EACH_SIDE.to_string())]),
        lang.fill(G::FinderInUse, &[("column", in_use)]),
    ];
    panel
}

/// Bars in the finder's chart.
const CHART_COLUMNS: usize = 6;
/// Characters of a column name under its bar.
const LABEL_CHARS: usize = 11;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
