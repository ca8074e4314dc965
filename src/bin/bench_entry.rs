//! The browser benchmark's entry into the app's own code (dev only: `make bench` builds it with
//! wasm-bindgen; `index.html` never loads it, so it is not shipped). It exposes the same
//! importer and cohort triangle the app runs, so peers are measured against the real thing.

#[cfg(target_arch = "wasm32")]
#[path = "../../benches/support/synthetic.rs"]
mod synthetic;

#[cfg(target_arch = "wasm32")]
mod entry {
    use super::synthetic::long_form_csv;
    use retention_lab::io::import::read_delimited_file;
    use retention_lab::io::records::{build, Records};
    use retention_lab::model::cohort::{cohorts_from_monthly, Grain};
    use retention_lab::model::portfolio::Subscriptions;
    use wasm_bindgen::prelude::*;

    /// The benchmark's deterministic long-form CSV (`benches/support/synthetic.rs`, also used natively).
    #[wasm_bindgen]
    pub fn generate_csv(rows: usize) -> String {
        long_form_csv(rows)
    }

    /// Reads and maps the CSV as an import does, then builds the monthly cohort triangle.
    /// Returns the cells as flat quadruples: cohort index (months since year 0), period,
    /// active customers, revenue.
    #[wasm_bindgen]
    pub fn import_and_triangle(csv: &str) -> Result<Vec<f64>, JsValue> {
        let fail = |e: &dyn std::fmt::Debug| JsValue::from_str(&format!("{e:?}"));
        let pending =
            read_delimited_file("bench.csv", csv.as_bytes(), &|_| None).map_err(|e| fail(&e))?;
        let built = build(&pending.table, &pending.mapping).map_err(|e| fail(&e))?;
        let Records::Subscriptions(Subscriptions::Monthly(rows)) = built.records else {
            return Err(JsValue::from_str("not long-form subscriptions"));
        };
        let start = rows.iter().map(|r| r.month.0).min().unwrap_or(0);
        let cohorts = cohorts_from_monthly(&rows, Grain::Month);
        let mut cells = Vec::new();
        for (c, cohort) in cohorts.iter().enumerate() {
            for (p, (active, revenue)) in cohort.active.iter().zip(&cohort.revenue).enumerate() {
                cells.extend([
                    (start + c as i32) as f64,
                    p as f64,
                    active.unwrap_or(0.0),
                    revenue.unwrap_or(0.0),
                ]);
            }
        }
        Ok(cells)
    }
}

fn main() {}
