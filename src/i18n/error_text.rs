//! Model and chart errors written out in the UI language.
//!
//! The errors stay typed values up to the view; their `Display` is English for logs and tests
//! only. What the user reads comes from here, so the Chinese interface never shows
//! "discount must be greater than zero".

use super::lang::Lang;
use super::strings::Key;
use super::table::strings;
use crate::chart::ChartError;
use crate::model::error::ModelError;

strings! {
    /// What a model error says, and the inputs it can name. Input names are words inside a
    /// sentence (lower case in English), so they are not the field labels of the forms.
    pub enum ErrorKey {
        NotFinite => "“{field}”不是有效的数值", "{field} is not a finite number",
        Negative => "“{field}”不能为负数", "{field} cannot be negative",
        NotPositive => "“{field}”必须大于 0", "{field} must be greater than zero",
        AboveOne => "“{field}”不能超过 100%", "{field} cannot exceed 100 %",
        AboveMax => "“{field}”不能超过 {max}", "{field} cannot exceed {max}",
        NoChurnObserved => "尚未观察到流失：所有客户仍在，无法估计流失率的分布", "no churn observed yet: every customer is still there, so the spread of churn rates cannot be estimated",
        Inconsistent => "“{field}”的设置前后矛盾", "{field} is inconsistent",
        DrawingFailed => "绘图出错", "the drawing failed",
        AnInput => "某项输入", "an input",
        StartArr => "期初 ARR", "starting ARR",
        ChurnedArr => "流失 ARR", "churned ARR",
        ContractionArr => "降级 ARR", "contraction ARR",
        ExpansionArr => "增购 ARR", "expansion ARR",
        Arr => "年度经常性收入", "ARR",
        Customers => "客户数量", "the number of customers",
        LogoRenewal => "年续约率", "logo renewal",
        Contraction => "续约降级比例", "contraction",
        Expansion => "续约增购比例", "expansion",
        Referral => "转介绍 ARR", "referral ARR",
        NewBusiness => "新签 ARR", "new-business ARR",
        GrossMargin => "毛利率", "gross margin",
        Cac => "获客成本", "CAC",
        Discount => "折现率", "discount rate",
        Horizon => "预测年数", "horizon",
        PeriodMonths => "每期月数", "the period length",
        Projection => "收入预测", "projection",
        LtvInputs => "LTV 的输入", "the LTV inputs",
        PaybackInputs => "回收期的输入", "the payback inputs",
        Alpha => "α 参数", "alpha",
        Beta => "β 参数", "beta",
        Churn => "流失率", "churn",
        MeanChurn => "平均流失率", "mean churn",
        Polarisation => "分化度", "polarisation",
        Series => "超几何级数", "the hypergeometric series",
        ObservedPeriods => "观察期数", "observed periods",
        Weight => "权重", "weight",
        Bands => "健康等级阈值", "bands",
        Scale => "标尺", "scale",
        Steps => "分段", "steps",
        Gamma => "γ 参数", "gamma",
        Delta => "δ 参数", "delta",
        DurationC => "c 参数", "c",
        Alive => "在约客户数", "customers alive",
        AggregateRetention => "总体留存率", "the aggregate retention rate",
    }
}

/// An error the view can show in the UI language.
pub trait ErrorText {
    fn text(&self, lang: Lang) -> String;
}

/// The error in the UI language.
///
/// ```
/// use retention_lab::i18n::{error_text, Lang};
/// use retention_lab::model::error::ModelError;
/// let e = ModelError::NotPositive { field: "discount" };
/// assert_eq!(error_text(Lang::Zh, &e), "“折现率”必须大于 0");
/// assert_eq!(error_text(Lang::En, &e), "discount rate must be greater than zero");
/// ```
pub fn error_text(lang: Lang, error: &impl ErrorText) -> String {
    error.text(lang)
}

impl ErrorText for ModelError {
    fn text(&self, lang: Lang) -> String {
        let (key, field) = match self {
            ModelError::NotFinite { field } => (ErrorKey::NotFinite, field),
            ModelError::Negative { field } => (ErrorKey::Negative, field),
            ModelError::NotPositive { field } => (ErrorKey::NotPositive, field),
            ModelError::AboveOne { field } => (ErrorKey::AboveOne, field),
            ModelError::Inconsistent { field } => (ErrorKey::Inconsistent, field),
            ModelError::AboveMax { field, max } => {
                let field = lang.t(field_key(field));
                let max = super::format::format_magnitude(*max, lang);
                return lang.fill(ErrorKey::AboveMax, &[("field", field), ("max", &max)]);
            }
            ModelError::NoChurnObserved => return lang.t(ErrorKey::NoChurnObserved).to_string(),
            ModelError::LossesExceedStart { lost, start } => {
                let (lost, start) = (format!("{lost:.0}"), format!("{start:.0}"));
                return lang.fill(
                    Key::ErrLossesExceedStart,
                    &[("lost", &lost), ("start", &start)],
                );
            }
        };
        let field = lang.t(field_key(field));
        lang.fill(key, &[("field", field)])
    }
}

/// A chart that could not be drawn. plotters' own message is English and says nothing a user
/// can act on, so only the fact is shown.
impl ErrorText for ChartError {
    fn text(&self, lang: Lang) -> String {
        lang.fill(
            Key::ChartError,
            &[("reason", lang.t(ErrorKey::DrawingFailed))],
        )
    }
}

/// A chart whose model failed: the chart notice with the model's reason.
pub fn chart_model_error_text(lang: Lang, error: &ModelError) -> String {
    lang.fill(Key::ChartError, &[("reason", &error.text(lang))])
}

/// The name of the input a model error names; the model names inputs by identifier.
/// An identifier not listed here reads "an input" rather than leak the identifier.
pub(crate) fn field_key(field: &str) -> ErrorKey {
    use ErrorKey::*;
    match field {
        "start_arr" => StartArr,
        "churned_arr" => ChurnedArr,
        "contraction_arr" => ContractionArr,
        "expansion_arr" => ExpansionArr,
        "arr" => Arr,
        "customers" => Customers,
        "logo_renewal" => LogoRenewal,
        "contraction" => Contraction,
        "expansion" => Expansion,
        "referral" => Referral,
        "new_business" => NewBusiness,
        "gross_margin" => GrossMargin,
        "cac" => Cac,
        "discount" => Discount,
        "horizon_years" => Horizon,
        "period_months" => PeriodMonths,
        "projection" => Projection,
        "ltv inputs" => LtvInputs,
        "payback inputs" => PaybackInputs,
        "alpha" => Alpha,
        "beta" => Beta,
        "churn" => Churn,
        "mean_churn" => MeanChurn,
        "polarisation" => Polarisation,
        "hypergeometric series" => Series,
        "observed periods" => ObservedPeriods,
        "weight" => Weight,
        "bands" => Bands,
        "scale" | "nps" => Scale,
        "steps" => Steps,
        "gamma" => Gamma,
        "delta" => Delta,
        "c" => DurationC,
        "alive" => Alive,
        "aggregate_retention" => AggregateRetention,
        _ => AnInput,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const VARIANTS: [fn(&'static str) -> ModelError; 6] = [
        |field| ModelError::AboveMax { field, max: 1e6 },
        |field| ModelError::NotFinite { field },
        |field| ModelError::Negative { field },
        |field| ModelError::NotPositive { field },
        |field| ModelError::AboveOne { field },
        |field| ModelError::Inconsistent { field },
    ];

    /// Every input identifier the model sources can put in an error: `field: "x"`, the
    /// `(field, value)` lists it validates, and `validate("x")` calls.
    fn model_fields() -> Vec<&'static str> {
        fn walk(dir: &Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                // The strategy workbenches have an error type of their own (StrategyError),
                // not ModelError.
                if path.is_dir() && !path.ends_with("strategy") {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(std::fs::read_to_string(&path).unwrap_or_default());
                }
            }
        }
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let (mut model, mut data) = (Vec::new(), Vec::new());
        walk(&root.join("model"), &mut model);
        // Outside the model only `validate` builds model errors (forms and files have errors
        // of their own).
        for room in ["forms", "io", "persist", "sample"] {
            walk(&root.join(room), &mut data);
        }
        let mut fields = Vec::new();
        for (source, in_model) in model
            .iter()
            .map(|s| (s, true))
            .chain(data.iter().map(|s| (s, false)))
        {
            let mut in_list = false;
            for line in source.lines().map(str::trim) {
                let quoted = |after: &str| {
                    line.split(after)
                        .nth(1)
                        .and_then(|r| r.split('"').next())
                        .map(str::to_string)
                };
                fields.extend(quoted(".validate(\""));
                if !in_model {
                    continue;
                }
                if line.starts_with("for (field, value) in [") {
                    in_list = true;
                } else if in_list && line.starts_with(']') {
                    in_list = false;
                } else if in_list {
                    fields.extend(quoted("(\""));
                }
                fields.extend(quoted("field: \""));
            }
        }
        fields.sort();
        fields.dedup();
        fields
            .into_iter()
            .map(|f| &*Box::leak(f.into_boxed_str()))
            .collect()
    }

    #[test]
    fn the_discount_error_reads_in_chinese_in_the_chinese_interface() {
        let e = ModelError::NotPositive { field: "discount" };
        assert_eq!(error_text(Lang::Zh, &e), "“折现率”必须大于 0");
        assert_eq!(
            error_text(Lang::En, &e),
            "discount rate must be greater than zero"
        );
        assert_eq!(
            chart_model_error_text(Lang::Zh, &e),
            "图表无法绘制：“折现率”必须大于 0"
        );
    }

    #[test]
    fn every_input_the_model_can_name_has_a_name_in_both_languages() {
        let fields = model_fields();
        for expected in [
            "discount",
            "start_arr",
            "observed periods",
            "gross_margin",
            "steps",
        ] {
            assert!(
                fields.contains(&expected),
                "the scan missed {expected}: {fields:?}"
            );
        }
        for field in fields {
            assert_ne!(
                field_key(field),
                ErrorKey::AnInput,
                "no name for the model's {field:?}"
            );
        }
    }

    #[test]
    fn no_model_or_chart_error_writes_english_into_the_chinese_interface() {
        let mut errors: Vec<ModelError> = model_fields()
            .into_iter()
            .chain(["not_a_field"])
            .flat_map(|field| VARIANTS.map(|variant| variant(field)))
            .collect();
        errors.push(ModelError::LossesExceedStart {
            lost: 900.0,
            start: 800.0,
        });
        let mut texts: Vec<String> = errors.iter().map(|e| error_text(Lang::Zh, e)).collect();
        texts.push(error_text(
            Lang::Zh,
            &ChartError("backend: io error".into()),
        ));
        for text in texts {
            // Acronyms (ARR, LTV, CAC) are upper case in Chinese text too; an English word has
            // lower-case letters.
            assert!(
                !text.chars().any(|c| c.is_ascii_lowercase()),
                "English in Chinese: {text}"
            );
        }
    }
}
