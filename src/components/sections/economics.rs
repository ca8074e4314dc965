//! Retention economics, part one: the NDR / GRR bridge.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::chart::waterfall;
use crate::components::chart_figure::ChartFigure;
use crate::components::download_buttons::DownloadButtons;
use crate::components::metric_card::{metric_card, Badge, Metric, Tone};
use crate::components::number_field::NumberField;
use crate::components::scenario_tools::ScenarioTools;
use crate::components::scenarios_view::ScenariosView;
use crate::derive::economics::{bridge_rows, BridgeFigures};
use crate::forms::bridge_form::{BridgeField, EntryMode, FieldError};
use crate::hooks::app_context::use_app;
use crate::hooks::derived::use_bridge;
use crate::i18n::{chart_model_error_text, error_text, EconKey};
use crate::i18n::{format_money, format_percent, Currency, Key, Lang};
use crate::io::export::figures_sheet;
use crate::model::retention::{Bridge, BridgeInputs, GrrBand, NdrBand};
use crate::state::{Action, EconomicsView};

/// Retention economics: the NDR bridge of one year's ARR movements, or scenarios side by side.
#[component]
pub fn EconomicsSection() -> Html {
    let Some(state) = use_app() else {
        return html! {};
    };
    let lang = state.lang;
    let view = state.economics_view;
    let tab = |target: EconomicsView, id: &'static str, key: EconKey| {
        let state = state.clone();
        let onclick =
            Callback::from(move |_: MouseEvent| state.dispatch(Action::SetEconomicsView(target)));
        let class = classes!(
            "tabs__item",
            (view == target).then_some("tabs__item--active")
        );
        html! { <button type="button" {class} data-testid={id} {onclick}>{ lang.t(key) }</button> }
    };
    html! {
        <section class="section" data-testid="section-economics">
            <div class="tabs">
                { tab(EconomicsView::Bridge, "economics-view-bridge", EconKey::ViewBridge) }
                { tab(EconomicsView::Scenarios, "economics-view-scenarios", EconKey::ViewScenarios) }
            </div>
            { match view {
                EconomicsView::Bridge => html! { <BridgeView /> },
                EconomicsView::Scenarios => html! { <ScenariosView /> },
            } }
            <ScenarioTools />
        </section>
    }
}

/// The NDR / GRR bridge.
#[component]
fn BridgeView() -> Html {
    let Some(state) = use_app() else {
        return html! {};
    };
    let lang = state.lang;
    let currency = state.currency();
    let figures = use_bridge();
    // Redrawn only when what the chart shows changes.
    let chart = use_memo(
        (figures.clone(), lang, currency),
        |(figures, lang, currency)| {
            figures
                .as_ref()
                .as_ref()
                .map(|f| bridge_chart(f, *lang, *currency))
        },
    );
    let errors = state.bridge.parse().err().unwrap_or_default();

    let field = |field: BridgeField, name: &'static str, label: Key| {
        let error = errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| AttrValue::from(field_error_text(e, lang, currency)));
        let unit = match (field, state.bridge.mode) {
            (BridgeField::Start, _) | (_, EntryMode::Money) => currency.symbol(),
            (_, EntryMode::PercentOfStart) => "%",
        };
        let on_change = {
            let state = state.clone();
            Callback::from(move |text: String| state.dispatch(Action::SetBridgeText(field, text)))
        };
        html! {
            <NumberField name={name} label={lang.t(label)} value={state.bridge.text(field).to_string()}
                         unit={unit} {error} {on_change} />
        }
    };
    let on_mode = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let code = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(mode) = EntryMode::from_code(&code) {
                state.dispatch(Action::SetEntryMode(mode));
            }
        })
    };
    let on_reset = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ResetSample))
    };
    let mode = state.bridge.mode;

    html! {
        <div class="bridge-view">
            <header class="section__header">
                <h2 class="section__title">{ lang.t(Key::EconomicsTitle) }</h2>
                <p class="section__intro">{ lang.t(Key::EconomicsIntro) }</p>
            </header>
            <div class="bridge">
                <form class="panel bridge__inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <h3 class="panel__title">{ lang.t(Key::BridgeInputsTitle) }</h3>
                    <label class="field field--inline">
                        <span class="field__label">{ lang.t(Key::EntryMode) }</span>
                        <select class="field__select" data-testid="input-entry-mode" onchange={on_mode}>
                            <option value={EntryMode::Money.code()} selected={mode == EntryMode::Money}>
                                { lang.t(Key::ModeMoney) }
                            </option>
                            <option value={EntryMode::PercentOfStart.code()} selected={mode == EntryMode::PercentOfStart}>
                                { lang.t(Key::ModePercent) }
                            </option>
                        </select>
                    </label>
                    { field(BridgeField::Start, "start-arr", Key::StartArr) }
                    { field(BridgeField::Churned, "churned-arr", Key::ChurnedArr) }
                    { field(BridgeField::Contraction, "contraction-arr", Key::ContractionArr) }
                    { field(BridgeField::Expansion, "expansion-arr", Key::ExpansionArr) }
                    if !errors.is_empty() {
                        <p class="panel__notice" data-testid="showing-last-valid">{ lang.t(Key::ShowingLastValid) }</p>
                    }
                    <button type="button" class="button button--quiet" data-testid="reset-bridge" onclick={on_reset}>
                        { lang.t(Key::ResetSample) }
                    </button>
                </form>
                { match (figures.as_ref(), chart.as_ref()) {
                    (Some(f), Some(chart)) => results_view(f, chart.clone(), lang),
                    _ => html! {},
                } }
            </div>
        </div>
    }
}

/// The bridge's waterfall drawn, or the reason it cannot be, in the UI language.
pub(crate) fn bridge_chart(
    figures: &BridgeFigures,
    lang: Lang,
    currency: Currency,
) -> Result<AttrValue, AttrValue> {
    let money = move |v: f64| format_money(v, lang, currency);
    match (&figures.bridge, &figures.waterfall) {
        (Ok(_), Some(w)) => waterfall::draw(w, &money)
            .map(AttrValue::from)
            .map_err(|e| AttrValue::from(error_text(lang, &e))),
        (Err(e), _) => Err(AttrValue::from(chart_model_error_text(lang, e))),
        // The waterfall is made whenever the bridge computes.
        (Ok(_), None) => Err(AttrValue::from(error_text(
            lang,
            &crate::chart::ChartError(String::new()),
        ))),
    }
}

fn results_view(figures: &BridgeFigures, chart: Result<AttrValue, AttrValue>, lang: Lang) -> Html {
    let (b, (ndr, grr)) = match (&figures.bridge, figures.bands) {
        (Ok(b), Some(bands)) => (*b, bands),
        (Err(error), _) => {
            return html! { <p class="panel__notice" role="alert">{ error_text(lang, error) }</p> }
        }
        (Ok(_), None) => return html! {},
    };
    let inputs = figures.inputs;
    let t = |key: Key| AttrValue::from(lang.t(key));
    let (ndr_text, ndr_tone) = match ndr {
        NdrBand::Excellent => (Key::NdrExcellent, Tone::Good),
        NdrBand::NegativeChurn => (Key::NdrNegativeChurn, Tone::Fair),
        NdrBand::Shrinking => (Key::NdrShrinking, Tone::Poor),
    };
    let (grr_text, grr_tone) = match grr {
        GrrBand::Strong => (Key::GrrStrong, Tone::Good),
        GrrBand::BelowBenchmark => (Key::GrrBelow, Tone::Poor),
    };
    let ndr_badge = Badge {
        text: t(ndr_text),
        tone: ndr_tone,
        source: t(Key::SourceNdr),
    };
    let grr_badge = Badge {
        text: t(grr_text),
        tone: grr_tone,
        source: t(Key::SourceGrr),
    };
    html! {
        <div class="bridge__results">
            <div class="metrics">
                { metric_card(Metric { name: "ndr", value: b.ndr, text: (format_percent(b.ndr)).into(), label: (lang.t(EconKey::Ndr)).into(), explain: (t(Key::NdrExplain)).into(), badge: Some(ndr_badge) }) }
                { metric_card(Metric { name: "grr", value: b.grr, text: (format_percent(b.grr)).into(), label: (lang.t(EconKey::Grr)).into(), explain: (t(Key::GrrExplain)).into(), badge: Some(grr_badge) }) }
                { metric_card(Metric { name: "gross-churn", value: b.gross_churn, text: (format_percent(b.gross_churn)).into(), label: (t(Key::GrossChurn)).into(), explain: (t(Key::GrossChurnExplain)).into(), badge: None }) }
                { metric_card(Metric { name: "net-churn", value: b.net_churn, text: (format_percent(b.net_churn)).into(), label: (t(Key::NetChurn)).into(), explain: (t(Key::NetChurnExplain)).into(), badge: None }) }
            </div>
            <ChartFigure name="ndr-bridge" svg={chart} source={lang.t(crate::i18n::WorkshopKey::SourceInputs)} />
            <p class="bridge__export">
                <span>{ lang.t(Key::ExportFigures) }</span>
                <DownloadButtons id="export-bridge" sheet={bridge_sheet(lang, inputs, b)} />
            </p>
        </div>
    }
}

/// The bridge's inputs and results as a (metric, value) table, labels in the UI language.
fn bridge_sheet(
    lang: Lang,
    inputs: BridgeInputs,
    b: Bridge,
) -> Callback<(), crate::io::sheet::Sheet> {
    Callback::from(move |()| {
        let figures =
            bridge_rows(&inputs, &b, lang).map(|(label, value)| (label.to_string(), value));
        figures_sheet(
            "ndr_bridge",
            [lang.t(Key::Metric), lang.t(Key::Value)],
            &figures,
        )
    })
}

pub(crate) fn field_error_text(error: &FieldError, lang: Lang, currency: Currency) -> String {
    match error {
        FieldError::NotNumber(text) => lang.fill(Key::ErrNotNumber, &[("text", text)]),
        FieldError::Negative => lang.t(Key::ErrNegative).to_string(),
        FieldError::ZeroStart => lang.t(Key::ErrZeroStart).to_string(),
        FieldError::PercentAbove100 => lang.t(Key::ErrPercentAbove100).to_string(),
        FieldError::AboveMax { max } => lang.fill(
            Key::ErrAboveMax,
            &[("max", &crate::i18n::format_magnitude(*max, lang))],
        ),
        FieldError::LossesExceedStart { lost, start } => lang.fill(
            Key::ErrLossesExceedStart,
            &[
                ("lost", &format_money(*lost, lang, currency)),
                ("start", &format_money(*start, lang, currency)),
            ],
        ),
    }
}
