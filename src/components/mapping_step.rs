use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::data::Shared;
use crate::hooks::app_context::use_app;
use crate::hooks::import::{check_rows, import_workbook};
use crate::i18n::{field_label, format_count, import_error_text, shape_label, DataKey, Lang};
use crate::io::fields::Shape;
use crate::io::import::PendingImport;
use crate::io::records::Built;
use crate::io::text::Encoding;
use crate::state::Action;
use crate::state::AppContext;

const PREVIEW_ROWS: usize = 8;
/// Columns each field's list offers at most, and the preview shows besides the mapped ones: a
/// wide export (10,000 columns) would otherwise put 10,000 options under every field and
/// freeze the page for seconds while the browser lays them out.
const LISTED_COLUMNS: usize = 200;
const PREVIEW_COLUMNS: usize = 24;
const SHOWN_PROBLEMS: usize = 10;

#[derive(Properties, PartialEq)]
pub struct MappingStepProps {
    pub pending: PendingImport,
}

/// The step between reading a file and replacing the data: the detected kind of data, which
/// column holds each field, a preview with problem cells marked, and confirm / cancel.
#[component]
pub fn MappingStep(props: &MappingStepProps) -> Html {
    let pending = &props.pending;
    let state = use_app();
    let filter = use_state(String::new);
    {
        // Check every row whenever the mapping changes (in chunks: see hooks::import).
        let state = state.clone();
        let deps = (
            pending.table.clone(),
            pending.mapping.clone(),
            pending.checked.is_none(),
        );
        use_effect_with(deps, move |(table, mapping, unchecked)| {
            if let (Some(state), true) = (state, *unchecked) {
                check_rows(state, table.clone(), mapping.clone());
            }
        });
    }
    let Some(state) = state else {
        return html! {};
    };
    let lang = state.lang;
    let table = &pending.table;

    let on_shape = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let code = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(shape) = Shape::from_code(&code) {
                state.dispatch(Action::SetImportShape(shape));
            }
        })
    };
    let sheet_picker = pending.workbook.as_ref().filter(|book| book.sheets.len() > 1).map(|book| {
        let on_sheet = {
            let state = state.clone();
            let book = book.clone();
            Callback::from(move |e: Event| {
                let sheet = e.target_unchecked_into::<HtmlSelectElement>().value();
                import_workbook(state.clone(), book.file.clone(), book.bytes.clone(), Some(sheet));
            })
        };
        html! {
            <label class="field field--inline">
                <span class="field__label">{ lang.t(DataKey::SheetLabel) }</span>
                <select class="field__select" data-testid="input-import-sheet" onchange={on_sheet}>
                    { for book.sheets.iter().map(|name| html! {
                        <option value={name.clone()} selected={*name == book.sheet}>{ name.clone() }</option>
                    }) }
                </select>
            </label>
        }
    });
    let (listed, matching) = table.matching_columns(&filter, LISTED_COLUMNS);
    let wide = table.headers.len() > LISTED_COLUMNS;
    let column_filter = wide.then(|| {
        let typed = (*filter).clone();
        let filter = filter.clone();
        let on_input = Callback::from(move |e: InputEvent| {
            filter.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
        });
        html! {
            <label class="field field--inline">
                <span class="field__label">{ lang.t(DataKey::FindColumn) }</span>
                <input class="field__input" type="search" data-testid="input-map-filter" value={typed} oninput={on_input} />
                <span class="data__reason">{ lang.fill(DataKey::ColumnsListed, &[
                    ("listed", &format_count(listed.len())),
                    ("matching", &format_count(matching)),
                    ("columns", &format_count(table.headers.len())),
                ]) }</span>
            </label>
        }
    });
    let field_rows = pending.mapping.columns.iter().map(|&(field, column)| {
        let required = pending.mapping.shape.fields().iter().any(|&(f, r)| f == field && r);
        let on_change = {
            let state = state.clone();
            Callback::from(move |e: Event| {
                let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                state.dispatch(Action::SetImportColumn(field, value.parse().ok()));
            })
        };
        html! {
            <label class="mapping__field">
                <span class="mapping__name">
                    { field_label(lang, field) }
                    if required { <em class="mapping__required">{ format!(" · {}", lang.t(DataKey::Required)) }</em> }
                </span>
                <select class="field__select" data-testid={format!("input-map-{}", field.column_name())} onchange={on_change}>
                    <option value="" selected={column.is_none()}>{ lang.t(DataKey::NotInFile) }</option>
                    // The chosen column stays listed whatever the filter.
                    { for column.filter(|c| !listed.contains(c)).into_iter().chain(listed.iter().copied()).map(|i| html! {
                        <option value={i.to_string()} selected={column == Some(i)}>{ table.column_label(i) }</option>
                    }) }
                </select>
            </label>
        }
    });

    let on_cancel = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::CancelImport))
    };
    let disabled_confirm = |label: String| {
        html! { <button type="button" class="button" data-testid="import-confirm" disabled=true>{ label }</button> }
    };
    let (summary, confirm) = match &pending.checked {
        Some(Ok(built)) => (
            problems_view(built, lang),
            confirm_button(&state, built, lang),
        ),
        Some(Err(error)) => (
            html! { <p class="mapping__missing" role="alert">{ import_error_text(lang, error) }</p> },
            disabled_confirm(lang.fill(DataKey::Confirm, &[("rows", "0")])),
        ),
        None => (
            html! {},
            disabled_confirm(lang.t(DataKey::Checking).to_string()),
        ),
    };
    // Only the problems inside the preview rows: few, so a vector (less code than a set).
    let last_previewed = table
        .rows
        .get(PREVIEW_ROWS.min(table.rows.len()).saturating_sub(1))
        .map_or(0, |r| r.line);
    let bad_cells: Vec<(usize, String)> = match &pending.checked {
        Some(Ok(built)) => built
            .problems
            .iter()
            .filter(|p| p.row.is_some_and(|r| r <= last_previewed))
            .filter_map(|p| Some((p.row?, p.column.clone()?)))
            .collect(),
        _ => Vec::new(),
    };
    // The preview: the first columns and every mapped one, in file order.
    let mut shown: Vec<usize> = (0..PREVIEW_COLUMNS.min(table.headers.len()))
        .chain(pending.mapping.columns.iter().filter_map(|(_, c)| *c))
        .collect();
    shown.sort_unstable();
    shown.dedup();
    let preview_note = (shown.len() < table.headers.len()).then(|| {
        lang.fill(
            DataKey::PreviewColumns,
            &[
                ("shown", &format_count(shown.len())),
                ("columns", &format_count(table.headers.len())),
            ],
        )
    });
    let encoding = pending.encoding.map(|e| match e {
        Encoding::Utf8 => lang.t(DataKey::EncodingUtf8),
        Encoding::Utf16 => lang.t(DataKey::EncodingUtf16),
        Encoding::Gb18030 => lang.t(DataKey::EncodingGb18030),
    });
    let read = lang.fill(
        DataKey::RowsRead,
        &[
            ("file", &table.file),
            ("rows", &format_count(table.rows.len())),
            ("columns", &format_count(table.headers.len())),
        ],
    );
    let detected = if pending.detected {
        lang.fill(
            DataKey::ShapeDetected,
            &[("shape", shape_label(lang, pending.mapping.shape))],
        )
    } else {
        lang.t(DataKey::ShapeNotDetected).to_string()
    };

    html! {
        <section class="panel mapping" data-testid="import-mapping">
            <h3 class="panel__title">{ lang.t(DataKey::MappingTitle) }</h3>
            <p class="mapping__read" data-testid="import-summary">
                { read }{ for encoding.map(|e| format!(" · {e}")) }
            </p>
            <p class={classes!("mapping__detected", (!pending.detected).then_some("mapping__detected--no"))}
               data-testid="import-detected" data-shape={pending.mapping.shape.code()}>{ detected }</p>
            { for sheet_picker }
            <label class="field field--inline">
                <span class="field__label">{ lang.t(DataKey::ShapeLabel) }</span>
                <select class="field__select" data-testid="input-import-shape" onchange={on_shape}>
                    { for Shape::ALL.iter().map(|&s| html! {
                        <option value={s.code()} selected={s == pending.mapping.shape}>{ shape_label(lang, s) }</option>
                    }) }
                </select>
            </label>
            { for column_filter }
            <div class="mapping__fields">{ for field_rows }</div>
            { summary }
            <div class="mapping__actions">
                { confirm }
                <button type="button" class="button button--quiet" data-testid="import-cancel" onclick={on_cancel}>
                    { lang.t(DataKey::Cancel) }
                </button>
            </div>
            <h4 class="mapping__preview-title">
                { lang.fill(DataKey::Preview, &[("rows", &PREVIEW_ROWS.min(table.rows.len()).to_string())]) }
            </h4>
            if let Some(note) = preview_note {
                <p class="data__reason">{ note }</p>
            }
            // Focusable, so a keyboard can scroll a preview wider than its frame.
            <div class="preview" tabindex="0" role="region" aria-label={lang.t(DataKey::MappingTitle)}>
                <table class="preview__table">
                    <thead><tr>
                        <th>{ "#" }</th>
                        { for shown.iter().map(|&i| html! { <th>{ table.column_label(i) }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for table.rows.iter().take(PREVIEW_ROWS).map(|row| html! {
                            <tr>
                                <th>{ row.line }</th>
                                { for shown.iter().map(|&i| {
                                    let bad = bad_cells.contains(&(row.line, table.column_label(i)));
                                    html! {
                                        <td class={classes!(bad.then_some("preview__cell--bad"))}
                                            data-testid={bad.then_some("preview-bad-cell")}>
                                            { table.cell(row, i).unwrap_or_default().to_string() }
                                        </td>
                                    }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn problems_view(built: &Built, lang: Lang) -> Html {
    if built.problems.is_empty() {
        return html! {};
    }
    let count = format_count(built.problems.len());
    let shown = SHOWN_PROBLEMS.min(built.problems.len()).to_string();
    html! {
        <div class="mapping__problems" data-testid="import-problems" data-count={built.problems.len().to_string()}>
            <p class="mapping__problems-title">{ lang.fill(DataKey::ProblemsTitle, &[("count", &count), ("shown", &shown)]) }</p>
            <ul>
                { for built.problems.iter().take(SHOWN_PROBLEMS).map(|p| html! {
                    <li data-testid="import-problem">{ import_error_text(lang, p) }</li>
                }) }
            </ul>
        </div>
    }
}

fn confirm_button(state: &AppContext, built: &Shared<Built>, lang: Lang) -> Html {
    let good = format_count(built.records.len());
    let label = if built.problems.is_empty() {
        lang.fill(DataKey::Confirm, &[("rows", &good)])
    } else {
        lang.fill(
            DataKey::ConfirmSkipping,
            &[
                ("rows", &good),
                ("skipped", &format_count(built.problems.len())),
            ],
        )
    };
    let on_confirm = {
        let state = state.clone();
        let built = built.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ConfirmImport(built.clone())))
    };
    html! {
        <button type="button" class="button" data-testid="import-confirm" onclick={on_confirm}
                disabled={built.records.is_empty()}>{ label }</button>
    }
}
