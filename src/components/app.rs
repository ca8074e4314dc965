use yew::prelude::*;

use super::error_banner::ErrorBanner;
use super::footer::Footer;
use super::header::Header;
use super::nav::Nav;
use super::notice::notice_text;
use super::report::Report;
use super::sections::cohorts::CohortsSection;
use super::sections::data::DataSection;
use super::sections::economics::EconomicsSection;
use super::sections::health::HealthSection;
use super::sections::operations::OperationsSection;
use super::sections::renewal::RenewalSection;
use super::sections::strategy::StrategySection;
use crate::derive::operations::PanelSet;
use crate::hooks::keys::use_key_down;
use crate::hooks::share::use_share_link_opening;
use crate::hooks::{initial_state, use_persistence};
use crate::i18n::{Key, WorkshopKey};
use crate::state::AppContext;
use crate::state::{Action, Section};

/// The whole page: header, navigation, notices, the section shown (or the report), footer.
#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    use_persistence(&state);
    use_share_link_opening(&state);
    use_key_down(presentation_keys(&state));
    let lang = state.lang;
    let notice = state.notice.as_ref();
    let on_dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::DismissNotice))
    };
    let section = match state.section {
        _ if state.report => html! { <Report /> },
        Section::Data => html! { <DataSection /> },
        Section::Economics => html! { <EconomicsSection /> },
        Section::Health => html! { <HealthSection /> },
        Section::Renewal => html! { <RenewalSection /> },
        Section::Cohorts => html! { <CohortsSection /> },
        Section::Operations => html! { <OperationsSection set={PanelSet::Operations} /> },
        Section::Team => html! { <OperationsSection set={PanelSet::Team} /> },
        Section::Strategy => html! { <StrategySection /> },
    };
    let class = classes!(
        "app",
        state.presenting.then_some("app--presenting"),
        state.report.then_some("app--report")
    );
    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <div {class}>
                // The first stop of the keyboard: past the header and the navigation.
                <a class="skip-link" href="#main" data-testid="skip-link">{ lang.t(Key::SkipToContent) }</a>
                <Header />
                <Nav />
                if state.presenting {
                    <p class="present__hint" data-testid="presentation-hint">{ lang.t(WorkshopKey::PresentHint) }</p>
                }
                <ErrorBanner message={notice.map(|n| AttrValue::from(notice_text(n, lang, state.currency())))}
                             info={notice.is_some_and(|n| !n.is_problem())}
                             test_id={if notice.is_some_and(|n| !n.is_problem()) { "notice" } else { "error-banner" }}
                             dismiss_label={lang.t(Key::Dismiss)} {on_dismiss} />
                <main class="app__main" id="main" tabindex="-1">{ section }</main>
                <Footer />
            </div>
        </ContextProvider<AppContext>>
    }
}

/// P toggles presentation mode; while presenting, ← → step between sections. (Escape is left
/// to a full-screen chart, which it closes.)
fn presentation_keys(state: &UseReducerHandle<crate::state::AppState>) -> Callback<String> {
    let state = state.clone();
    Callback::from(move |key: String| match key.as_str() {
        "p" | "P" => state.dispatch(Action::TogglePresentation),
        "ArrowRight" if state.presenting => state.dispatch(Action::StepSection(true)),
        "ArrowLeft" if state.presenting => state.dispatch(Action::StepSection(false)),
        _ => {}
    })
}
