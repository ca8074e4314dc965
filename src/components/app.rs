use yew::prelude::*;

use super::error_banner::ErrorBanner;
use super::footer::Footer;
use super::header::Header;
use super::nav::Nav;
use super::sections::cohorts::CohortsSection;
use super::sections::data::DataSection;
use super::sections::economics::EconomicsSection;
use super::sections::health::HealthSection;
use super::sections::renewal::RenewalSection;
use super::AppContext;
use crate::hooks::{initial_state, use_persistence};
use crate::i18n::Key;
use crate::state::{Action, Notice, Section};

/// The whole page: header, navigation, notices, the section shown, footer.
#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    use_persistence(&state);
    let lang = state.lang;
    let notice = state.notice.map(|notice| match notice {
        Notice::StoredInputsIgnored => AttrValue::from(lang.t(Key::StoredInputsIgnored)),
    });
    let on_dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::DismissNotice))
    };
    let section = match state.section {
        Section::Data => html! { <DataSection /> },
        Section::Economics => html! { <EconomicsSection /> },
        Section::Health => html! { <HealthSection /> },
        Section::Renewal => html! { <RenewalSection /> },
        Section::Cohorts => html! { <CohortsSection /> },
    };
    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <div class="app">
                <Header />
                <Nav />
                <ErrorBanner message={notice} dismiss_label={lang.t(Key::Dismiss)} {on_dismiss} />
                <main class="app__main">{ section }</main>
                <Footer />
            </div>
        </ContextProvider<AppContext>>
    }
}
