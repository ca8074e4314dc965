//! Retention economics, part one: the NDR / GRR bridge.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::chart::waterfall::{self, Step, StepKind, Waterfall};
use crate::components::chart_figure::ChartFigure;
use crate::components::download_buttons::DownloadButtons;
use crate::components::metric_card::{metric_card, Badge, Metric, Tone};
use crate::components::number_field::NumberField;
use crate::components::scenario_tools::ScenarioTools;
use crate::components::scenarios_view::ScenariosView;
use crate::components::AppContext;
use crate::data::bridge_form::{BridgeField, EntryMode, FieldError};
use crate::data::export::figures_sheet;
use crate::i18n::{error_text, EconKey};
use crate::i18n::{format_money, format_percent, Currency, Key, Lang};
use crate::model::retention::{bridge, grr_band, ndr_band, Bridge, BridgeInputs, GrrBand, NdrBand};
use crate::state::{Action, EconomicsView};

/// Retention economics: the NDR bridge of one year's ARR movements, or scenarios side by side.
#[component]
pub fn EconomicsSection() -> Html {
    let Some(state) = use_context::<AppContext>() else {
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
    let Some(state) = use_context::<AppContext>() else {
        return html! {};
    };
    let lang = state.lang;
    let currency = state.currency();
    let results = use_memo(
        (state.last_valid_bridge, lang, currency),
        |(inputs, lang, currency)| compute(inputs, *lang, *currency),
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
                { results_view(&results, lang, state.last_valid_bridge) }
            </div>
        </div>
    }
}

/// What the section derives from valid inputs: the bridge ratios and the chart.
#[derive(PartialEq)]
pub(crate) struct Results {
    pub bridge: Result<Bridge, String>,
    pub chart: Result<AttrValue, AttrValue>,
}

pub(crate) fn compute(inputs: &BridgeInputs, lang: Lang, currency: Currency) -> Results {
    let bridge = bridge(*inputs).map_err(|e| error_text(lang, &e));
    let money = move |v: f64| format_money(v, lang, currency);
    let chart = match &bridge {
        Ok(b) => waterfall::draw(&waterfall_of(inputs, b, lang, currency), &money)
            .map(AttrValue::from)
            .map_err(|e| AttrValue::from(error_text(lang, &e))),
        Err(e) => Err(AttrValue::from(
            lang.fill(Key::ChartError, &[("reason", e)]),
        )),
    };
    Results { bridge, chart }
}

fn waterfall_of(inputs: &BridgeInputs, b: &Bridge, lang: Lang, currency: Currency) -> Waterfall {
    let step = |key: Key, kind: StepKind, amount: f64| Step {
        label: lang.t(key).to_string(),
        kind,
        amount,
    };
    Waterfall {
        title: lang.t(Key::ChartWaterfallTitle).to_string(),
        y_label: format!("{} ({})", lang.t(Key::ChartAxisArr), currency.symbol()),
        steps: vec![
            step(Key::BarStart, StepKind::Total, inputs.start_arr),
            step(Key::BarChurn, StepKind::Decrease, inputs.churned_arr),
            step(
                Key::BarContraction,
                StepKind::Decrease,
                inputs.contraction_arr,
            ),
            step(Key::BarExpansion, StepKind::Increase, inputs.expansion_arr),
            step(Key::BarEnd, StepKind::Total, b.end_arr),
        ],
    }
}

fn results_view(results: &Results, lang: Lang, inputs: BridgeInputs) -> Html {
    let b = match &results.bridge {
        Ok(b) => *b,
        Err(message) => {
            return html! { <p class="panel__notice" role="alert">{ message.clone() }</p> }
        }
    };
    let t = |key: Key| AttrValue::from(lang.t(key));
    let (ndr_text, ndr_tone) = match ndr_band(b.ndr) {
        NdrBand::Excellent => (Key::NdrExcellent, Tone::Good),
        NdrBand::NegativeChurn => (Key::NdrNegativeChurn, Tone::Fair),
        NdrBand::Shrinking => (Key::NdrShrinking, Tone::Poor),
    };
    let (grr_text, grr_tone) = match grr_band(b.grr) {
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
            <ChartFigure name="ndr-bridge" svg={results.chart.clone()} source={lang.t(crate::i18n::WorkshopKey::SourceInputs)} />
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
) -> Callback<(), crate::data::sheet::Sheet> {
    Callback::from(move |()| {
        let figures = [
            (lang.t(Key::StartArr), inputs.start_arr),
            (lang.t(Key::ChurnedArr), inputs.churned_arr),
            (lang.t(Key::ContractionArr), inputs.contraction_arr),
            (lang.t(Key::ExpansionArr), inputs.expansion_arr),
            (lang.t(Key::BarEnd), b.end_arr),
            (lang.t(EconKey::Ndr), b.ndr),
            (lang.t(EconKey::Grr), b.grr),
            (lang.t(Key::GrossChurn), b.gross_churn),
            (lang.t(Key::NetChurn), b.net_churn),
        ]
        .map(|(text, value)| (text.to_string(), value));
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
