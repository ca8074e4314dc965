//! The words of every notice: what happened, and where (file, scenario, field).

use crate::components::sections::economics::field_error_text;
use crate::i18n::{Currency, Key, Lang, WorkshopKey};
use crate::persist::scenario_doc::{DocError, HeterogeneityPart};
use crate::state::{LinkProblem, Notice, OpenedFrom};

/// The notice in the UI language.
pub fn notice_text(notice: &Notice, lang: Lang, currency: Currency) -> String {
    let fill = |key: WorkshopKey, args: &[(&str, &str)]| lang.fill(key, args);
    match notice {
        Notice::StoredInputsIgnored => lang.t(Key::StoredInputsIgnored).to_string(),
        Notice::Opened(OpenedFrom::Link) => lang.t(WorkshopKey::OpenedFromLink).to_string(),
        Notice::Opened(OpenedFrom::File(file)) => {
            fill(WorkshopKey::OpenedFromFile, &[("file", file)])
        }
        Notice::Opened(OpenedFrom::Saved(name)) => {
            fill(WorkshopKey::OpenedFromSaved, &[("name", name)])
        }
        Notice::LinkUnreadable(LinkProblem::Damaged) => {
            lang.t(WorkshopKey::LinkDamaged).to_string()
        }
        Notice::LinkUnreadable(LinkProblem::NewerVersion(v)) => {
            fill(WorkshopKey::LinkNewer, &[("version", &v.to_string())])
        }
        Notice::LinkUnreadable(LinkProblem::Invalid(error)) => fill(
            WorkshopKey::LinkInvalid,
            &[("reason", &doc_error_text(error, lang, currency))],
        ),
        Notice::FileRefused { file, error } => fill(
            WorkshopKey::FileRefused,
            &[
                ("file", file),
                ("reason", &doc_error_text(error, lang, currency)),
            ],
        ),
        Notice::SavedUnreadable(name) => fill(WorkshopKey::SavedUnreadable, &[("name", name)]),
        Notice::StorageRefused => lang.t(WorkshopKey::StorageRefused).to_string(),
    }
}

/// Why a scenario document was refused, naming the scenario and field.
pub fn doc_error_text(error: &DocError, lang: Lang, currency: Currency) -> String {
    let fill = |key: WorkshopKey, args: &[(&str, &str)]| lang.fill(key, args);
    match error {
        DocError::NotJson { line, column } => fill(
            WorkshopKey::DocNotJson,
            &[("line", &line.to_string()), ("column", &column.to_string())],
        ),
        DocError::NotUtf8 => lang.t(WorkshopKey::DocNotUtf8).to_string(),
        DocError::NotScenarioDoc => lang.t(WorkshopKey::DocNotScenarios).to_string(),
        DocError::NewerVersion(v) => fill(WorkshopKey::DocNewer, &[("version", &v.to_string())]),
        DocError::BadField(path) => fill(WorkshopKey::DocBadField, &[("field", path)]),
        DocError::ScenarioCount(n) => {
            fill(WorkshopKey::DocScenarioCount, &[("count", &n.to_string())])
        }
        DocError::MissingInput { scenario, field } => fill(
            WorkshopKey::DocMissingInput,
            &[("scenario", &scenario.to_string()), ("field", field)],
        ),
        DocError::BadInput {
            scenario,
            field,
            error,
        } => fill(
            WorkshopKey::DocBadInput,
            &[
                ("scenario", &scenario.to_string()),
                ("field", field),
                ("reason", &field_error_text(error, lang, currency)),
            ],
        ),
        DocError::BadBridge { field, error } => fill(
            WorkshopKey::DocBadBridge,
            &[
                ("field", field),
                ("reason", &field_error_text(error, lang, currency)),
            ],
        ),
        DocError::BadStrategy(e) => fill(
            WorkshopKey::DocBadStrategy,
            &[("reason", &crate::i18n::strategy_error_text(lang, e))],
        ),
        DocError::BadHeterogeneity(part) => {
            let name = lang.t(match part {
                HeterogeneityPart::Alpha => WorkshopKey::HeterogeneityAlpha,
                HeterogeneityPart::Beta => WorkshopKey::HeterogeneityBeta,
                HeterogeneityPart::Discount => WorkshopKey::HeterogeneityDiscount,
                HeterogeneityPart::Period => WorkshopKey::HeterogeneityPeriod,
            });
            fill(WorkshopKey::DocBadHeterogeneity, &[("field", name)])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_faults_read_in_chinese_in_the_chinese_interface() {
        let errors = [
            DocError::NotJson { line: 3, column: 7 },
            DocError::NotUtf8,
            DocError::BadHeterogeneity(HeterogeneityPart::Alpha),
            DocError::BadHeterogeneity(HeterogeneityPart::Beta),
            DocError::BadHeterogeneity(HeterogeneityPart::Discount),
            DocError::BadHeterogeneity(HeterogeneityPart::Period),
        ];
        for error in &errors {
            let text = doc_error_text(error, Lang::Zh, Currency::Cny);
            // JSON and UTF-8 are upper case; an English word has lower-case letters.
            assert!(
                !text.chars().any(|c| c.is_ascii_lowercase()),
                "English in Chinese: {text}"
            );
        }
        let text = |error: &DocError, lang| doc_error_text(error, lang, Currency::Cny);
        assert_eq!(
            text(&errors[0], Lang::Zh),
            "不是有效的 JSON（第 3 行第 7 列）"
        );
        assert_eq!(
            text(&errors[0], Lang::En),
            "not valid JSON (line 3, column 7)"
        );
        assert_eq!(text(&errors[1], Lang::En), "not a UTF-8 text file");
        assert_eq!(
            text(&errors[2], Lang::Zh),
            "客户异质性 “分化参数 α” 超出范围"
        );
        assert_eq!(
            text(&errors[4], Lang::En),
            "customer heterogeneity “discount rate per period” is out of range"
        );
    }
}
