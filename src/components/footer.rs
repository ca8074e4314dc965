use yew::prelude::*;

use crate::hooks::app_context::use_app;
use crate::i18n::Key;

/// The privacy promise, on every page.
#[component]
pub fn Footer() -> Html {
    let Some(state) = use_app() else {
        return html! {};
    };
    html! { <footer class="footer" data-testid="privacy-note">{ state.lang.t(Key::Footer) }</footer> }
}
