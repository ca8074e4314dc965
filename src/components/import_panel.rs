use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::data::Shared;
use crate::hooks::app_context::use_app;
use crate::hooks::files::{read_file, take_chosen_file};
use crate::hooks::import::{import_delimited, import_paste, import_workbook};
use crate::i18n::{format_count, DataKey};
use crate::io::import::is_workbook;
use crate::io::import_error::{ImportError, ImportErrorKind};
use crate::io::text::MAX_FILE_BYTES;
use crate::state::Action;

/// The one import entry point: a file picker and a paste box. What they read goes to the
/// mapping step; nothing replaces the loaded data until the user confirms there.
#[component]
pub fn ImportPanel() -> Html {
    let paste = use_node_ref();
    let Some(state) = use_app() else {
        return html! {};
    };
    let lang = state.lang;
    let on_file = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let Some(file) = take_chosen_file(&e) else {
                return;
            };
            let is_book = is_workbook(&file.name());
            // Refuse oversized files before reading them: reading would fill the tab's memory.
            let bytes = file.size() as usize;
            if bytes > MAX_FILE_BYTES {
                let kind = ImportErrorKind::TooLarge {
                    bytes,
                    limit: MAX_FILE_BYTES,
                };
                state.dispatch(Action::ImportRead(Err(ImportError::file(
                    &file.name(),
                    kind,
                ))));
                return;
            }
            let state = state.clone();
            read_file(
                file,
                Callback::from(move |(name, bytes): (String, Vec<u8>)| {
                    if is_book {
                        import_workbook(state.clone(), name, Shared::new(bytes), None);
                    } else {
                        import_delimited(state.clone(), name, bytes);
                    }
                }),
            );
        })
    };
    let on_paste = {
        let state = state.clone();
        let paste = paste.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = paste.cast::<HtmlTextAreaElement>() {
                import_paste(&state, &area.value());
            }
        })
    };
    html! {
        <section class="panel import">
            <h3 class="panel__title">{ lang.t(DataKey::ImportTitle) }</h3>
            <p class="import__hint">{ lang.t(DataKey::ImportHint) }</p>
            <label class="import__file">
                <span class="button">{ lang.t(DataKey::ChooseFile) }</span>
                <input type="file" accept=".csv,.tsv,.txt,.xlsx,text/csv,text/plain"
                       data-testid="import-file" onchange={on_file} />
            </label>
            <label class="field">
                <span class="field__label">{ lang.t(DataKey::PasteLabel) }</span>
                <textarea ref={paste} class="import__paste" rows="5" data-testid="import-paste"
                          placeholder={lang.t(DataKey::PastePlaceholder)} spellcheck="false" />
            </label>
            <button type="button" class="button button--quiet" data-testid="import-paste-submit" onclick={on_paste}>
                { lang.t(DataKey::ReadPaste) }
            </button>
            if let Some(progress) = &state.import_progress {
                <p class="import__progress" role="status" data-testid="import-progress"
                   data-rows={progress.rows.to_string()}>
                    { lang.fill(DataKey::Reading, &[("file", &progress.file), ("rows", &format_count(progress.rows))]) }
                </p>
            }
        </section>
    }
}
