//! The retention-economics inputs of one scenario as the user types them (raw texts), turned
//! into [`EconomicsInputs`] or into one error per field. Rates are entered in percent; ARPA and
//! churn monthly (the vendors' convention), the logo renewal rate yearly: the two churn fields
//! are two views of one number and editing either rewrites the other.

use crate::forms::bridge_form::FieldError;
use crate::forms::number::{group_thousands, parse_money, parse_percent, NumberError};
use crate::model::economics::{monthly_churn, EconomicsInputs, MAX_HORIZON_YEARS};

/// One input of a scenario; `test_id` names its `input-…` hook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EconField {
    Arpa,
    Customers,
    MonthlyChurn,
    LogoRenewal,
    Contraction,
    Expansion,
    Referral,
    NewBusiness,
    GrossMargin,
    Cac,
    Discount,
    Horizon,
}

impl EconField {
    pub const ALL: [EconField; 12] = [
        EconField::Arpa,
        EconField::Customers,
        EconField::MonthlyChurn,
        EconField::LogoRenewal,
        EconField::Contraction,
        EconField::Expansion,
        EconField::Referral,
        EconField::NewBusiness,
        EconField::GrossMargin,
        EconField::Cac,
        EconField::Discount,
        EconField::Horizon,
    ];

    /// The `input-…` test id suffix.
    pub fn test_id(self) -> &'static str {
        NAMES[self.index()].0
    }

    /// The field's key in stored and shared documents: a stable name of its own, which never
    /// follows a change of the `input-…` test id (format 1 wrote these very names).
    pub fn persist_key(self) -> &'static str {
        NAMES[self.index()].1
    }

    /// Whether the field is a percentage (shown with `%`).
    pub fn is_percent(self) -> bool {
        !matches!(
            self,
            EconField::Arpa
                | EconField::Customers
                | EconField::NewBusiness
                | EconField::Cac
                | EconField::Horizon
        )
    }

    fn index(self) -> usize {
        EconField::ALL.iter().position(|f| *f == self).unwrap_or(0)
    }

    /// The largest sane value, in the field's unit (a fraction for percentages), checked at
    /// parse time so that no figure downstream is absurd or overflows:
    /// - ARPA ≤ 10¹² a month and CAC ≤ 10¹² (beyond any real account), customers ≤ 10⁹,
    ///   new business ≤ 10¹⁵ a year;
    /// - churn, renewal, contraction, gross margin ≤ 100 % (rates of a whole);
    /// - expansion and referral ≤ 1,000 % a year, discount ≤ 100 % a year;
    /// - horizon ≤ [`MAX_HORIZON_YEARS`].
    pub fn max(self) -> f64 {
        match self {
            EconField::Arpa | EconField::Cac => 1e12,
            EconField::Customers => 1e9,
            EconField::NewBusiness => 1e15,
            EconField::MonthlyChurn
            | EconField::LogoRenewal
            | EconField::Contraction
            | EconField::GrossMargin
            | EconField::Discount => 1.0,
            EconField::Expansion | EconField::Referral => 10.0,
            EconField::Horizon => f64::from(MAX_HORIZON_YEARS),
        }
    }
}

/// Each field's (test id, persistence key), in [`EconField::ALL`] order. The two are equal
/// today but not the same thing: a test id may be renamed, a persistence key never.
const NAMES: [(&str, &str); 12] = [
    ("arpa", "arpa"),
    ("customers", "customers"),
    ("monthly-churn", "monthly-churn"),
    ("logo-renewal", "logo-renewal"),
    ("contraction-rate", "contraction-rate"),
    ("expansion-rate", "expansion-rate"),
    ("referral-rate", "referral-rate"),
    ("new-business", "new-business"),
    ("gross-margin", "gross-margin"),
    ("cac", "cac"),
    ("discount-rate", "discount-rate"),
    ("horizon", "horizon"),
];

/// Raw texts of every field, in [`EconField::ALL`] order.
#[derive(Debug, Clone, PartialEq)]
pub struct EconomicsForm {
    pub texts: [String; 12],
}

/// The executive's example, the baseline scenario the app opens with: 80 % logo renewal,
/// 10 % upsell, 5 % contraction. Defined once; tests that need the sample use it too.
pub const SAMPLE_INPUTS: EconomicsInputs = EconomicsInputs {
    arr: 1_000_000.0 * 12.0,
    customers: 1_000.0,
    logo_renewal: 0.8,
    contraction: 0.05,
    expansion: 0.10,
    referral: 0.02,
    new_business: 2_400_000.0,
    gross_margin: 0.8,
    cac: 15_000.0,
    discount: 0.1,
    horizon_years: 5,
};

impl EconomicsForm {
    /// [`SAMPLE_INPUTS`] as texts.
    pub fn sample() -> EconomicsForm {
        EconomicsForm::from_inputs(&SAMPLE_INPUTS)
    }

    /// Writes inputs back as texts.
    pub fn from_inputs(i: &EconomicsInputs) -> EconomicsForm {
        let percent = |v: f64| plain(v * 100.0);
        let money = |v: f64| group_thousands(&plain(v));
        let texts = EconField::ALL.map(|field| match field {
            EconField::Arpa => money(i.arr / i.customers.max(1e-9) / 12.0),
            EconField::Customers => money(i.customers),
            EconField::MonthlyChurn => percent(monthly_churn(i.logo_renewal)),
            EconField::LogoRenewal => percent(i.logo_renewal),
            EconField::Contraction => percent(i.contraction),
            EconField::Expansion => percent(i.expansion),
            EconField::Referral => percent(i.referral),
            EconField::NewBusiness => money(i.new_business),
            EconField::GrossMargin => percent(i.gross_margin),
            EconField::Cac => money(i.cac),
            EconField::Discount => percent(i.discount),
            EconField::Horizon => i.horizon_years.to_string(),
        });
        EconomicsForm { texts }
    }

    pub fn text(&self, field: EconField) -> &str {
        &self.texts[field.index()]
    }

    /// Sets a field's text; a valid churn or renewal rewrites its twin.
    pub fn set_text(&mut self, field: EconField, text: String) {
        let parsed = parse_percent(&text)
            .ok()
            .filter(|v| (0.0..=1.0).contains(v));
        match (field, parsed) {
            (EconField::MonthlyChurn, Some(churn)) => {
                self.texts[EconField::LogoRenewal.index()] = plain((1.0 - churn).powi(12) * 100.0);
            }
            (EconField::LogoRenewal, Some(renewal)) => {
                self.texts[EconField::MonthlyChurn.index()] = plain(monthly_churn(renewal) * 100.0);
            }
            _ => {}
        }
        self.texts[field.index()] = text;
    }

    /// Parses every field; on failure each faulty field with its error.
    pub fn parse(&self) -> Result<EconomicsInputs, Vec<(EconField, FieldError)>> {
        let mut errors = Vec::new();
        let mut value = |field: EconField| -> f64 {
            let max = field.max();
            let parsed = if field.is_percent() {
                parse_percent(self.text(field))
            } else {
                parse_money(self.text(field))
            };
            match parsed {
                Ok(v) if v < 0.0 => errors.push((field, FieldError::Negative)),
                Ok(v) if v > max && max == 1.0 && field.is_percent() => {
                    errors.push((field, FieldError::PercentAbove100))
                }
                Ok(v) if v > max => errors.push((field, FieldError::AboveMax { max })),
                Ok(v) => return v,
                Err(NumberError::Empty) => {
                    errors.push((field, FieldError::NotNumber(String::new())))
                }
                Err(NumberError::NotNumber(text)) => {
                    errors.push((field, FieldError::NotNumber(text)))
                }
            }
            0.0
        };
        let arpa = value(EconField::Arpa);
        let customers = value(EconField::Customers);
        let renewal = value(EconField::LogoRenewal);
        let contraction = value(EconField::Contraction);
        let expansion = value(EconField::Expansion);
        let referral = value(EconField::Referral);
        let new_business = value(EconField::NewBusiness);
        let gross_margin = value(EconField::GrossMargin);
        let cac = value(EconField::Cac);
        let discount = value(EconField::Discount);
        let horizon = value(EconField::Horizon);
        if customers == 0.0 && !errors.iter().any(|(f, _)| *f == EconField::Customers) {
            errors.push((EconField::Customers, FieldError::ZeroStart));
        }
        if horizon < 1.0 && !errors.iter().any(|(f, _)| *f == EconField::Horizon) {
            errors.push((EconField::Horizon, FieldError::ZeroStart));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(EconomicsInputs {
            arr: arpa * 12.0 * customers,
            customers,
            logo_renewal: renewal,
            contraction,
            expansion,
            referral,
            new_business,
            gross_margin,
            cac,
            discount,
            horizon_years: horizon.round() as u32,
        })
    }
}

/// Up to four decimals, trailing zeros dropped.
fn plain(value: f64) -> String {
    let text = format!("{value:.4}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_round_trips() {
        let inputs = EconomicsForm::sample().parse().unwrap();
        assert!((inputs.logo_renewal - 0.8).abs() < 1e-9);
        assert!((inputs.arr - 12_000_000.0).abs() < 1e-3);
        assert_eq!(inputs.horizon_years, 5);
    }

    #[test]
    fn churn_and_renewal_are_one_number() {
        let mut form = EconomicsForm::sample();
        form.set_text(EconField::MonthlyChurn, "5%".into());
        assert_eq!(
            form.text(EconField::LogoRenewal),
            plain(0.95f64.powi(12) * 100.0)
        );
        form.set_text(EconField::LogoRenewal, "85".into());
        assert!((form.parse().unwrap().logo_renewal - 0.85).abs() < 1e-9);
        assert_eq!(
            form.text(EconField::MonthlyChurn),
            plain(monthly_churn(0.85) * 100.0)
        );
    }

    #[test]
    fn bad_fields_are_reported_each() {
        let mut form = EconomicsForm::sample();
        form.set_text(EconField::Cac, "lots".into());
        form.set_text(EconField::GrossMargin, "120%".into());
        form.set_text(EconField::Customers, "0".into());
        let errors = form.parse().unwrap_err();
        let fields: Vec<EconField> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            vec![EconField::GrossMargin, EconField::Cac, EconField::Customers]
        );
    }

    #[test]
    fn values_beyond_their_sane_range_are_field_errors() {
        let mut form = EconomicsForm::sample();
        form.set_text(EconField::Arpa, "2,000,000,000,000".into());
        form.set_text(EconField::Expansion, "1500%".into());
        form.set_text(EconField::Discount, "150".into());
        form.set_text(EconField::Horizon, "31".into());
        let errors = form.parse().unwrap_err();
        assert_eq!(
            errors,
            vec![
                (EconField::Arpa, FieldError::AboveMax { max: 1e12 }),
                (EconField::Expansion, FieldError::AboveMax { max: 10.0 }),
                (EconField::Discount, FieldError::PercentAbove100),
                (EconField::Horizon, FieldError::AboveMax { max: 30.0 }),
            ]
        );
    }

    #[test]
    fn every_field_at_its_maximum_still_gives_finite_economics() {
        // The corner of the sane ranges: ARR 10¹² × 12 × 10⁹ = 1.2 × 10²², NDR 11, referral
        // 10 for 30 years: about 1.2e22 × 21³⁰ ≈ 5e61, far inside f64.
        let mut form = EconomicsForm::sample();
        for field in EconField::ALL {
            let max = field.max();
            let text = if field.is_percent() { max * 100.0 } else { max };
            if field != EconField::MonthlyChurn {
                form.set_text(field, format!("{text}"));
            }
        }
        let inputs = form.parse().unwrap();
        let sbg = crate::model::sbg::Sbg::new(1.0, 1.0).unwrap();
        let e = crate::model::economics::economics(
            &inputs,
            &crate::model::period::PeriodSbg::new(sbg, 12).unwrap(),
        )
        .unwrap();
        assert!(e.total_revenue.iter().all(|v| v.is_finite()));
        assert!(e.total_revenue[30] > 1e61 && e.total_revenue[30] < 1e63);
    }
}
