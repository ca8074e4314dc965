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

    /// Mounts the Strategy section in `root` with the page's snapshot (JSON).
    #[wasm_bindgen]
    pub fn mount_strategy(root: web_sys::Element, snapshot: String) {
        let Ok(snapshot) = serde_json::from_str::<StrategySnapshot>(&snapshot) else {
            return;
        };
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
