//! Share and save: a share link, named scenarios in this browser, scenario files. Everything
//! here carries the scenario inputs only (see `persist::scenario_doc`), never customer rows.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::hooks::app_context::use_app;
use crate::hooks::download::download;
use crate::hooks::files::{read_file, take_chosen_file};
use crate::hooks::share::make_link;
use crate::hooks::storage;
use crate::i18n::{Key, Lang, WorkshopKey};
use crate::persist::saved::{self, SavedEntry, SAVED_PREFIX};
use crate::persist::scenario_doc::{from_json, to_json, DocError};
use crate::state::{Action, Notice, OpenedFrom};

const FILE_NAME: &str = "retention-lab-scenarios.json";

fn read_saved() -> Vec<SavedEntry> {
    storage::keys_with_prefix(SAVED_PREFIX)
        .into_iter()
        .filter_map(|key| storage::load(&key).map(|text| saved::decode(&key, &text)))
        .collect()
}

/// The share-and-save panel of the economics section.
#[component]
pub fn ScenarioTools() -> Html {
    let link = use_state(|| None::<(String, bool)>);
    let name = use_state(String::new);
    let entries = use_state(read_saved);
    let renaming = use_state(|| None::<(String, String)>);
    let Some(state) = use_app() else {
        return html! {};
    };
    let lang = state.lang;

    let on_share = {
        let (state, link) = (state.clone(), link.clone());
        Callback::from(move |_: MouseEvent| {
            let link = link.clone();
            make_link(
                &state.scenario_doc(),
                Callback::from(move |made| link.set(Some(made))),
            );
        })
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            name.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_save = {
        let (state, name, entries) = (state.clone(), name.clone(), entries.clone());
        Callback::from(move |_: MouseEvent| {
            let (millis, at) = storage::now();
            let label = match name.trim() {
                "" => saved::shown_time(&at),
                given => given.to_string(),
            };
            let value = saved::encode(&label, &at, &state.scenario_doc());
            if !storage::save(&saved::key_for(millis), &value) {
                state.dispatch(Action::ShowNotice(Notice::StorageRefused));
            }
            entries.set(read_saved());
        })
    };
    let on_save_file = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let json = to_json(&state.scenario_doc());
            download(FILE_NAME, "application/json", json.as_bytes());
        })
    };
    let on_open_file = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let Some(file) = take_chosen_file(&e) else {
                return;
            };
            let state = state.clone();
            read_file(
                file,
                Callback::from(move |(file, bytes): (String, Vec<u8>)| {
                    let opened = String::from_utf8(bytes)
                        .map_err(|_| DocError::NotUtf8)
                        .and_then(|text| from_json(&text));
                    state.dispatch(match opened {
                        Ok(doc) => Action::OpenScenarioDoc(Box::new(doc), OpenedFrom::File(file)),
                        Err(error) => Action::ShowNotice(Notice::FileRefused { file, error }),
                    });
                }),
            );
        })
    };

    let row = |entry: &SavedEntry| {
        let open = {
            let (state, entry) = (state.clone(), entry.clone());
            Callback::from(move |_: MouseEvent| {
                state.dispatch(match &entry.doc {
                    Ok(doc) => Action::OpenScenarioDoc(
                        Box::new(doc.clone()),
                        OpenedFrom::Saved(entry.name.clone()),
                    ),
                    Err(_) => Action::ShowNotice(Notice::SavedUnreadable(entry.name.clone())),
                })
            })
        };
        let delete = {
            let (key, entries) = (entry.key.clone(), entries.clone());
            Callback::from(move |_: MouseEvent| {
                storage::remove(&key);
                entries.set(read_saved());
            })
        };
        let editing = renaming
            .as_ref()
            .filter(|(key, _)| *key == entry.key)
            .map(|(_, text)| text.clone());
        let rename = {
            let (renaming, entry, entries, state) = (
                renaming.clone(),
                entry.clone(),
                entries.clone(),
                state.clone(),
            );
            Callback::from(move |_: MouseEvent| {
                match renaming.as_ref().filter(|(k, _)| *k == entry.key) {
                    Some((_, text)) if !text.trim().is_empty() => {
                        if let Some(value) = saved::renamed(&entry, text.trim()) {
                            if !storage::save(&entry.key, &value) {
                                state.dispatch(Action::ShowNotice(Notice::StorageRefused));
                            }
                        }
                        renaming.set(None);
                        entries.set(read_saved());
                    }
                    Some(_) => renaming.set(None),
                    None => renaming.set(Some((entry.key.clone(), entry.name.clone()))),
                }
            })
        };
        let on_rename_text = {
            let (renaming, key) = (renaming.clone(), entry.key.clone());
            Callback::from(move |e: InputEvent| {
                renaming.set(Some((
                    key.clone(),
                    e.target_unchecked_into::<HtmlInputElement>().value(),
                )))
            })
        };
        let readable = entry.doc.is_ok();
        html! {
            <li class="saved__row" data-testid="saved-scenario" data-name={entry.name.clone()} data-readable={readable.to_string()}>
                if let Some(text) = editing {
                    <input class="field__input saved__rename" data-testid="saved-rename-input"
                           value={text} oninput={on_rename_text} aria-label={lang.t(WorkshopKey::Rename)} />
                } else {
                    <span class="saved__name">{ &entry.name }</span>
                    <span class="saved__date">
                        { if readable { saved::shown_time(&entry.saved_at) } else { lang.t(WorkshopKey::SavedUnreadableEntry).to_string() } }
                    </span>
                }
                <button type="button" class="button button--quiet" data-testid="scenario-open" onclick={open}>{ lang.t(WorkshopKey::Open) }</button>
                if readable {
                    <button type="button" class="button button--quiet" data-testid="saved-rename" onclick={rename}>
                        { lang.t(if renaming.as_ref().is_some_and(|(k, _)| *k == entry.key) { WorkshopKey::Done } else { WorkshopKey::Rename }) }
                    </button>
                }
                <button type="button" class="button button--quiet" data-testid="saved-delete" onclick={delete}>{ lang.t(Key::Delete) }</button>
            </li>
        }
    };

    html! {
        <section class="panel tools editor" data-testid="scenario-tools">
            <h3 class="panel__title">{ lang.t(WorkshopKey::ToolsTitle) }</h3>
            <div class="tools__row">
                <button type="button" class="button" data-testid="share-link" onclick={on_share}>{ lang.t(WorkshopKey::ShareLink) }</button>
                { link_view(link.as_ref(), lang) }
            </div>
            <div class="tools__row">
                <input class="field__input tools__name" data-testid="saved-name" value={(*name).clone()}
                       placeholder={lang.t(WorkshopKey::SaveName)} aria-label={lang.t(WorkshopKey::SaveName)} oninput={on_name} />
                <button type="button" class="button" data-testid="scenario-save" onclick={on_save}>{ lang.t(WorkshopKey::SaveInBrowser) }</button>
                <button type="button" class="button button--quiet" data-testid="scenario-file-save" onclick={on_save_file}>{ lang.t(WorkshopKey::SaveToFile) }</button>
                <label class="button button--quiet tools__file">
                    { lang.t(WorkshopKey::OpenFile) }
                    <input type="file" accept=".json,application/json" data-testid="scenario-file-open" onchange={on_open_file} />
                </label>
            </div>
            <h4 class="tools__subtitle">{ lang.t(WorkshopKey::SavedTitle) }</h4>
            if entries.is_empty() {
                <p class="tools__hint">{ lang.t(WorkshopKey::SavedEmpty) }</p>
            } else {
                <ul class="saved">{ for entries.iter().map(row) }</ul>
            }
        </section>
    }
}

fn link_view(link: Option<&(String, bool)>, lang: Lang) -> Html {
    let Some((url, copied)) = link else {
        return html! { <span class="tools__hint">{ lang.t(WorkshopKey::LinkNoCustomerData) }</span> };
    };
    html! {
        <span class="tools__link">
            <input class="field__input" readonly=true data-testid="share-link-url" value={url.clone()}
                   aria-label={lang.t(WorkshopKey::ShareLinkLabel)} />
            <span class="tools__hint" role="status" data-testid="share-link-status">
                { lang.t(if *copied { WorkshopKey::LinkCopied } else { WorkshopKey::LinkNotCopied }) }
                { " " }{ lang.t(WorkshopKey::LinkNoCustomerData) }
            </span>
        </span>
    }
}
