//! The Strategy module: the Strategy section as its own Yew app, fetched and mounted the first
//! time the section opens (`boot.js` loads it, `components::sections::strategy_host` asks),
//! so its forms, models and charts stay out of the page's first load. Built by trunk like the
//! workers (`--target no-modules`); `mount_strategy` is its one export.

#[cfg(target_arch = "wasm32")]
mod mounted {
    use std::cell::RefCell;

    use retention_lab::components::strategy_app::{StrategyApp, StrategyAppProps};
    use retention_lab::state::strategy_link::StrategySnapshot;
    use wasm_bindgen::prelude::wasm_bindgen;
    use yew::AppHandle;

    thread_local! {
        // The section's last mount: destroyed when the section opens again in a new element.
        static MOUNTED: RefCell<Option<AppHandle<StrategyApp>>> = const { RefCell::new(None) };
    }

    /// Renders nothing: mounted once, see [`mount_strategy`].
    #[yew::component]
    fn Placeholder() -> yew::Html {
        yew::Html::default()
    }

    /// Mounts the Strategy section in `root` with the page's snapshot (JSON).
    #[wasm_bindgen]
    pub fn mount_strategy(root: web_sys::Element, snapshot: String) {
        let Ok(snapshot) = serde_json::from_str::<StrategySnapshot>(&snapshot) else {
            return;
        };
        // Yew tells its apps apart by a number each app root gets from a counter, and it
        // routes an event to the app whose number the target's closest root carries. The page
        // and this module are two WebAssembly instances, each with its own counter from 1:
        // the page's one root is 1, so a module root numbered 1 would have the page run its
        // own handler 1 for a click in the module. A first, empty root takes number 1 here.
        if MOUNTED.with(|m| m.borrow().is_none()) {
            if let Some(spare) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.create_element("div").ok())
            {
                yew::Renderer::<Placeholder>::with_root(spare)
                    .render()
                    .destroy();
            }
        }
        let props = StrategyAppProps {
            root: root.clone(),
            snapshot,
        };
        let app = yew::Renderer::<StrategyApp>::with_root_and_props(root, props).render();
        if let Some(old) = MOUNTED.with(|m| m.borrow_mut().replace(app)) {
            old.destroy();
        }
    }
}

fn main() {}
