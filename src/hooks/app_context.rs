//! How components reach the app state: `App` provides it as a context, `use_app()` reads it.

use yew::prelude::*;

use crate::state::AppContext;

/// The app state, or `None` outside `App`'s provider (a component rendered on its own, as in
/// some tests): callers render nothing rather than panic, since a panic in wasm kills the page.
#[hook]
pub fn use_app() -> Option<AppContext> {
    use_context::<AppContext>()
}
