//! The loaded data and the import templates as sheets, ready for CSV or XLSX. Column names are
//! the canonical ones, so an exported file imports back unchanged.

use crate::io::fields::{Field, Shape};
use crate::io::sheet::{Cell, Sheet};
use crate::model::calendar::Date;
use crate::model::portfolio::{CohortCell, Customer, Subscriptions};

fn headers(shape: Shape) -> Vec<String> {
    shape
        .fields()
        .iter()
        .map(|(f, _)| f.column_name().to_string())
        .collect()
}

fn text(value: &str) -> Cell {
    if value.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(value.to_string())
    }
}

fn number(value: Option<f64>) -> Cell {
    value.map_or(Cell::Empty, Cell::Number)
}

fn date(value: Option<Date>) -> Cell {
    value.map_or(Cell::Empty, |d| Cell::Text(d.to_string()))
}

/// Customers in the column order of [`Shape::Customers`], then their extra numeric columns
/// (first-seen order), so that an export imports back with every column.
pub fn customers_sheet(customers: &[Customer]) -> Sheet {
    let mut extra: Vec<&str> = Vec::new();
    for (name, _) in customers.iter().flat_map(|c| c.extra.iter()) {
        if !extra.contains(&name.as_str()) {
            extra.push(name);
        }
    }
    let rows = customers
        .iter()
        .map(|c| {
            let known = Shape::Customers
                .fields()
                .iter()
                .map(|(field, _)| match field {
                    Field::CustomerId => text(&c.id),
                    Field::Name => text(&c.name),
                    Field::Arr => Cell::Number(c.arr),
                    Field::ContractStart => date(c.contract_start),
                    Field::ContractEnd => date(c.contract_end),
                    Field::FirstStart => date(c.first_start),
                    Field::NorthStar => number(c.north_star),
                    Field::TicketsOpened => number(c.tickets_opened),
                    Field::TicketsUnresolved => number(c.tickets_unresolved),
                    Field::Nps => number(c.nps),
                    Field::TtfvDays => number(c.ttfv_days),
                    Field::ExecTouchDays => number(c.exec_touch_days),
                    Field::Referrals => number(c.referrals),
                    Field::ExpansionArr => number(c.expansion_arr),
                    Field::Renewed => c
                        .renewed
                        .map_or(Cell::Empty, |r| Cell::Number(f64::from(u8::from(r)))),
                    Field::PrevHealth => number(c.prev_health),
                    Field::PrevTier => text(c.prev_tier.map(|t| t.key()).unwrap_or("")),
                    Field::Csm => text(c.csm.as_deref().unwrap_or("")),
                    Field::Segment => text(c.segment.as_deref().unwrap_or("")),
                    _ => Cell::Empty,
                });
            let more = extra
                .iter()
                .map(|name| number(c.extra.iter().find(|(n, _)| n == name).map(|(_, v)| *v)));
            known.chain(more).collect()
        })
        .collect();
    let mut headers = headers(Shape::Customers);
    headers.extend(extra.iter().map(|n| n.to_string()));
    Sheet {
        name: "customers".into(),
        headers,
        rows,
    }
}

/// Subscriptions in their own form (monthly long form or spans).
pub fn subscriptions_sheet(subscriptions: &Subscriptions) -> Sheet {
    match subscriptions {
        Subscriptions::Monthly(rows) => Sheet {
            name: "subscriptions".into(),
            headers: headers(Shape::MonthlyMrr),
            rows: rows
                .iter()
                .map(|r| {
                    vec![
                        text(&r.customer_id),
                        Cell::Text(r.month.to_string()),
                        Cell::Number(r.mrr),
                    ]
                })
                .collect(),
        },
        Subscriptions::Spans(spans) => Sheet {
            name: "subscriptions".into(),
            headers: headers(Shape::Spans),
            rows: spans
                .iter()
                .map(|s| {
                    vec![
                        text(&s.customer_id),
                        date(Some(s.start)),
                        Cell::Number(s.mrr),
                        date(s.end),
                    ]
                })
                .collect(),
        },
    }
}

/// A pre-aggregated cohort table.
pub fn cohort_table_sheet(cells: &[CohortCell]) -> Sheet {
    Sheet {
        name: "cohorts".into(),
        headers: headers(Shape::CohortTable),
        rows: cells
            .iter()
            .map(|c| {
                vec![
                    text(&c.cohort),
                    Cell::Number(f64::from(c.period)),
                    Cell::Number(c.customers),
                    number(c.revenue),
                ]
            })
            .collect(),
    }
}

/// A computed table of named figures (metric, value), e.g. the NDR bridge.
pub fn figures_sheet(name: &str, headers: [&str; 2], figures: &[(String, f64)]) -> Sheet {
    Sheet {
        name: name.to_string(),
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows: figures
            .iter()
            .map(|(label, value)| vec![Cell::Text(label.clone()), Cell::Number(*value)])
            .collect(),
    }
}

/// An import template: the shape's columns and two example rows that import cleanly.
pub fn template(shape: Shape) -> Sheet {
    let t = |s: &str| Cell::Text(s.into());
    let n = Cell::Number;
    let rows = match shape {
        Shape::Customers => vec![
            vec![
                t("C001"),
                n(120_000.0),
                t("2025-01-15"),
                t("2026-01-15"),
                t("Acme"),
                t("2023-01-15"),
                n(52.0),
                n(6.0),
                n(1.0),
                n(9.0),
                n(21.0),
                n(30.0),
                n(2.0),
                n(20_000.0),
                n(1.0),
                n(80.0),
                t("growth"),
                t("Alex"),
                t("Manufacturing"),
            ],
            vec![
                t("C002"),
                n(18_000.0),
                t("2025-03-01"),
                t("2026-03-01"),
                t("Globex"),
                Cell::Empty,
                n(12.0),
                n(2.0),
                n(2.0),
                n(4.0),
                Cell::Empty,
                n(160.0),
                n(0.0),
                n(0.0),
                Cell::Empty,
                n(55.0),
                t("standard"),
                t("Maria"),
                t("Retail"),
            ],
        ],
        Shape::MonthlyMrr => vec![
            vec![t("C001"), t("2025-01"), n(10_000.0)],
            vec![t("C001"), t("2025-02"), n(10_000.0)],
        ],
        Shape::Spans => vec![
            vec![t("C001"), t("2025-01-15"), n(10_000.0), Cell::Empty],
            vec![t("C002"), t("2025-03-01"), n(1_500.0), t("2025-09-30")],
        ],
        Shape::CohortTable => vec![
            vec![t("2025-01"), n(0.0), n(120.0), n(96_000.0)],
            vec![t("2025-01"), n(1.0), n(111.0), n(93_500.0)],
        ],
    };
    Sheet {
        name: format!("{}_template", shape.code()),
        headers: headers(shape),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::import::read_delimited_file;
    use crate::io::records::{build, Records};
    use crate::io::sheet::to_csv;
    use crate::sample::sample_portfolio;

    fn reimport(sheet: &Sheet) -> Records {
        let bytes = to_csv(sheet);
        let pending = read_delimited_file("export.csv", &bytes, &|_| None).unwrap();
        assert!(pending.detected, "{:?}", sheet.headers);
        let built = build(&pending.table, &pending.mapping).unwrap();
        assert_eq!(built.problems, vec![]);
        built.records
    }

    #[test]
    fn formula_like_text_is_guarded_in_the_file_and_imports_back_unchanged() {
        let mut customers = sample_portfolio().customers[..2].to_vec();
        customers[0].name = "=HYPERLINK(\"http://evil\",\"x\")".into();
        customers[1].segment = Some("@SUM(1+1)".into());
        customers[1].csm = Some("-Alex".into());
        let sheet = customers_sheet(&customers);
        let text = String::from_utf8(to_csv(&sheet)).unwrap();
        assert!(
            text.contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\","),
            "{text}"
        );
        assert!(text.contains(",'-Alex,'@SUM(1+1)"), "{text}");
        let Records::Customers(back) = reimport(&sheet) else {
            panic!("not customers")
        };
        assert_eq!(back, customers);
    }

    #[test]
    fn exported_sample_imports_back_unchanged() {
        let sample = sample_portfolio();
        let Records::Customers(customers) = reimport(&customers_sheet(&sample.customers)) else {
            panic!("shape")
        };
        // Every column, the previous tier and the extra usage columns included.
        assert!(sample.customers.iter().any(|c| c.prev_tier.is_some()));
        assert!(sample.customers.iter().any(|c| !c.extra.is_empty()));
        assert_eq!(customers, sample.customers);
        let monthly = Subscriptions::Monthly(sample.mrr.clone());
        let Records::Subscriptions(back) = reimport(&subscriptions_sheet(&monthly)) else {
            panic!("shape")
        };
        assert_eq!(back, monthly);
    }

    #[test]
    fn every_template_imports_cleanly_as_its_shape() {
        for shape in Shape::ALL {
            let records = reimport(&template(shape));
            assert_eq!(records.len(), 2, "{shape:?}");
        }
    }
}
