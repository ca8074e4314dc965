//! The small "assumption" tag beside every pre-filled default of the Strategy tools.

use yew::prelude::*;

use crate::i18n::{Lang, StrategyKey as K};

/// The small "assumption" tag beside every pre-filled default.
pub fn assumption(lang: Lang) -> Html {
    html! { <span class="tag tag--assumption" data-testid="assumption">{ lang.t(K::Assumption) }</span> }
}
