//! The words of every notice: what happened, and where (file, scenario, field).

use crate::components::sections::economics::field_error_text;
use crate::i18n::{Currency, Key, Lang, WorkshopKey};
use crate::persist::scenario_doc::DocError;
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
        DocError::NotJson(detail) => fill(WorkshopKey::DocNotJson, &[("detail", detail)]),
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
        DocError::BadHeterogeneity(what) => {
            fill(WorkshopKey::DocBadHeterogeneity, &[("field", what)])
        }
    }
}
