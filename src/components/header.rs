use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::hooks::app_context::use_app;
use crate::i18n::{Currency, DataKey, Key, WorkshopKey};
use crate::state::Action;

/// Product name, currency picker and language switch.
#[component]
pub fn Header() -> Html {
    let Some(state) = use_app() else {
        return html! {};
    };
    let lang = state.lang;
    let on_lang = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::SetLang(lang.other())))
    };
    let on_currency = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let code = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(currency) = Currency::from_code(&code) {
                state.dispatch(Action::SetCurrency(currency));
            }
        })
    };
    let on_present = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::TogglePresentation))
    };
    let on_report = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ShowReport(!state.report)))
    };
    let current = state.currency();
    let is_sample = state.dataset.is_sample();
    html! {
        <header class="header">
            <div class="header__brand">
                <h1 class="header__title">{ lang.t(Key::AppTitle) }</h1>
                <span class="header__tagline">{ lang.t(Key::AppTagline) }</span>
                <span class={classes!("header__source", (!is_sample).then_some("header__source--imported"))}
                      data-testid="data-source" data-sample={is_sample.to_string()}>
                    { lang.t(if is_sample { DataKey::SampleBadge } else { DataKey::ImportedBadge }) }
                </span>
            </div>
            <div class="header__controls">
                <label class="header__currency">
                    <span>{ lang.t(Key::CurrencyLabel) }</span>
                    <select data-testid="input-currency" onchange={on_currency}>
                        { for Currency::ALL.iter().map(|c| html! {
                            <option value={c.code()} selected={*c == current}>
                                { format!("{} {}", c.symbol(), c.code()) }
                            </option>
                        }) }
                    </select>
                </label>
                <button type="button" class="button button--quiet header__tool" data-testid="print-report"
                        aria-pressed={state.report.to_string()} onclick={on_report}>
                    { lang.t(WorkshopKey::Report) }
                </button>
                <button type="button" class="button button--quiet header__tool" data-testid="presentation-toggle"
                        aria-pressed={state.presenting.to_string()} title="P" onclick={on_present}>
                    { lang.t(if state.presenting { WorkshopKey::PresentExit } else { WorkshopKey::Present }) }
                </button>
                <button type="button" class="header__lang" data-testid="lang-toggle"
                        lang={lang.other().code()} onclick={on_lang}>
                    { lang.t(Key::LangToggle) }
                </button>
            </div>
        </header>
    }
}
