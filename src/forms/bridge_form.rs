//! The NDR/GRR bridge as the user types it: four raw texts and an entry mode, turned into
//! [`BridgeInputs`] or into one error per field.
//!
//! The raw texts are kept (never only the parsed numbers) so that a half-typed value stays on
//! screen with its message beside it while the results keep showing the last valid inputs.

use crate::forms::number::{group_thousands, parse_money, parse_percent, NumberError};
use crate::model::retention::BridgeInputs;
use serde::{Deserialize, Serialize};

/// How the three movements are entered: as money, or as a percentage of starting ARR.
/// Stored and shared as `"money"` / `"percent"` (the names format 1 wrote).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum EntryMode {
    #[default]
    #[serde(rename = "money")]
    Money,
    #[serde(rename = "percent")]
    PercentOfStart,
}

impl EntryMode {
    pub fn code(self) -> &'static str {
        match self {
            EntryMode::Money => "money",
            EntryMode::PercentOfStart => "percent",
        }
    }

    pub fn from_code(code: &str) -> Option<EntryMode> {
        match code {
            "money" => Some(EntryMode::Money),
            "percent" => Some(EntryMode::PercentOfStart),
            _ => None,
        }
    }
}

/// One input of the bridge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BridgeField {
    Start,
    Churned,
    Contraction,
    Expansion,
}

impl BridgeField {
    pub const ALL: [BridgeField; 4] = [
        BridgeField::Start,
        BridgeField::Churned,
        BridgeField::Contraction,
        BridgeField::Expansion,
    ];

    /// The field's key in stored and shared documents.
    pub fn key(self) -> &'static str {
        match self {
            BridgeField::Start => "start",
            BridgeField::Churned => "churned",
            BridgeField::Contraction => "contraction",
            BridgeField::Expansion => "expansion",
        }
    }
}

/// What is wrong with one field.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldError {
    NotNumber(String),
    Negative,
    ZeroStart,
    PercentAbove100,
    /// Above the field's sane maximum (in the field's unit: a fraction for a percentage).
    AboveMax {
        max: f64,
    },
    /// Churn plus contraction (in money) exceed the start; shown on the field that tipped it.
    LossesExceedStart {
        lost: f64,
        start: f64,
    },
}

/// The bridge form: raw texts as typed, plus the entry mode. It is also its own stored and
/// shared form (`{"mode":…,"start":…,"churned":…,"contraction":…,"expansion":…}`), typed text
/// so that a half-typed value survives a reload; readers check it with [`BridgeForm::parse`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BridgeForm {
    pub mode: EntryMode,
    pub start: String,
    pub churned: String,
    pub contraction: String,
    pub expansion: String,
}

/// The built-in sample: the worked example of the sources' definitions (NDR 105 %).
pub const SAMPLE_BRIDGE: BridgeInputs = BridgeInputs {
    start_arr: 1_000_000.0,
    churned_arr: 100_000.0,
    contraction_arr: 50_000.0,
    expansion_arr: 200_000.0,
};

impl BridgeForm {
    /// [`SAMPLE_BRIDGE`] as texts, entered as money.
    pub fn sample() -> BridgeForm {
        BridgeForm::from_inputs(&SAMPLE_BRIDGE, EntryMode::Money)
    }

    /// Writes valid inputs back as texts in `mode` (so switching mode keeps the same figures).
    pub fn from_inputs(inputs: &BridgeInputs, mode: EntryMode) -> BridgeForm {
        let movement = |amount: f64| match mode {
            EntryMode::Money => grouped(amount),
            EntryMode::PercentOfStart => plain(amount / inputs.start_arr * 100.0),
        };
        BridgeForm {
            mode,
            start: grouped(inputs.start_arr),
            churned: movement(inputs.churned_arr),
            contraction: movement(inputs.contraction_arr),
            expansion: movement(inputs.expansion_arr),
        }
    }

    pub fn text(&self, field: BridgeField) -> &str {
        match field {
            BridgeField::Start => &self.start,
            BridgeField::Churned => &self.churned,
            BridgeField::Contraction => &self.contraction,
            BridgeField::Expansion => &self.expansion,
        }
    }

    pub fn set_text(&mut self, field: BridgeField, text: String) {
        match field {
            BridgeField::Start => self.start = text,
            BridgeField::Churned => self.churned = text,
            BridgeField::Contraction => self.contraction = text,
            BridgeField::Expansion => self.expansion = text,
        }
    }

    /// Parses every field; on failure returns each faulty field with its error.
    pub fn parse(&self) -> Result<BridgeInputs, Vec<(BridgeField, FieldError)>> {
        let mut errors = Vec::new();
        let start = match parse_money(&self.start) {
            Ok(v) if v < 0.0 => Err(FieldError::Negative),
            Ok(0.0) => Err(FieldError::ZeroStart),
            Ok(v) => Ok(v),
            Err(e) => Err(number_error(e)),
        };
        let start = start.map_err(|e| errors.push((BridgeField::Start, e))).ok();
        let mut movement = |field: BridgeField| {
            let parsed = match self.mode {
                EntryMode::Money => parse_money(self.text(field)).map(|v| (v, v)),
                EntryMode::PercentOfStart => {
                    parse_percent(self.text(field)).map(|f| (f, f * start.unwrap_or(0.0)))
                }
            };
            let checked = match parsed {
                Err(e) => Err(number_error(e)),
                Ok((raw, _)) if raw < 0.0 => Err(FieldError::Negative),
                Ok((raw, _))
                    if self.mode == EntryMode::PercentOfStart
                        && field != BridgeField::Expansion
                        && raw > 1.0 =>
                {
                    Err(FieldError::PercentAbove100)
                }
                Ok((_, money)) => Ok(money),
            };
            checked.map_err(|e| errors.push((field, e))).ok()
        };
        let churned = movement(BridgeField::Churned);
        let contraction = movement(BridgeField::Contraction);
        let expansion = movement(BridgeField::Expansion);
        if let (Some(start), Some(churned), Some(contraction), Some(expansion)) =
            (start, churned, contraction, expansion)
        {
            let lost = churned + contraction;
            if lost > start {
                return Err(vec![(
                    BridgeField::Contraction,
                    FieldError::LossesExceedStart { lost, start },
                )]);
            }
            return Ok(BridgeInputs {
                start_arr: start,
                churned_arr: churned,
                contraction_arr: contraction,
                expansion_arr: expansion,
            });
        }
        Err(errors)
    }
}

fn number_error(e: NumberError) -> FieldError {
    match e {
        NumberError::Empty => FieldError::NotNumber(String::new()),
        NumberError::NotNumber(text) => FieldError::NotNumber(text),
    }
}

/// A number as a user would type it back: no exponent, no trailing zeros.
fn plain(value: f64) -> String {
    let text = format!("{value:.4}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A money amount with thousands separators, easier to read on a projector: `1,000,000`.
fn grouped(value: f64) -> String {
    group_thousands(&plain(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_parses_to_the_worked_example() {
        let inputs = BridgeForm::sample().parse().unwrap();
        assert_eq!(inputs.start_arr, 1_000_000.0);
        assert_eq!(inputs.expansion_arr, 200_000.0);
    }

    #[test]
    fn percent_mode_scales_by_start() {
        let mut form = BridgeForm::sample();
        form.mode = EntryMode::PercentOfStart;
        form.churned = "10%".into();
        form.contraction = "5 %".into();
        form.expansion = "20".into();
        let inputs = form.parse().unwrap();
        assert!((inputs.churned_arr - 100_000.0).abs() < 1e-6);
        assert!((inputs.contraction_arr - 50_000.0).abs() < 1e-6);
        assert!((inputs.expansion_arr - 200_000.0).abs() < 1e-6);
    }

    #[test]
    fn switching_mode_keeps_the_figures() {
        let inputs = BridgeForm::sample().parse().unwrap();
        let as_percent = BridgeForm::from_inputs(&inputs, EntryMode::PercentOfStart);
        assert_eq!(as_percent.churned, "10");
        assert_eq!(as_percent.parse().unwrap(), inputs);
    }

    #[test]
    fn money_is_written_with_thousands_separators() {
        assert_eq!(grouped(1_000_000.0), "1,000,000");
        assert_eq!(grouped(999.5), "999.5");
        assert_eq!(grouped(-12_345.25), "-12,345.25");
        assert_eq!(BridgeForm::sample().start, "1,000,000");
    }

    #[test]
    fn each_bad_field_gets_its_own_error() {
        let mut form = BridgeForm::sample();
        form.churned = "lots".into();
        form.expansion = "-5".into();
        let errors = form.parse().unwrap_err();
        assert_eq!(
            errors,
            vec![
                (BridgeField::Churned, FieldError::NotNumber("lots".into())),
                (BridgeField::Expansion, FieldError::Negative),
            ]
        );
    }

    #[test]
    fn losses_above_start_are_reported_on_contraction() {
        let mut form = BridgeForm::sample();
        form.churned = "900000".into();
        form.contraction = "200,000".into();
        let errors = form.parse().unwrap_err();
        assert_eq!(
            errors,
            vec![(
                BridgeField::Contraction,
                FieldError::LossesExceedStart {
                    lost: 1_100_000.0,
                    start: 1_000_000.0
                }
            )]
        );
    }

    #[test]
    fn zero_start_and_percent_above_100_are_refused() {
        let mut form = BridgeForm::sample();
        form.start = "0".into();
        assert_eq!(
            form.parse().unwrap_err()[0],
            (BridgeField::Start, FieldError::ZeroStart)
        );
        let mut form = BridgeForm::from_inputs(
            &BridgeForm::sample().parse().unwrap(),
            EntryMode::PercentOfStart,
        );
        form.churned = "120%".into();
        assert_eq!(
            form.parse().unwrap_err(),
            vec![(BridgeField::Churned, FieldError::PercentAbove100)]
        );
    }
}
