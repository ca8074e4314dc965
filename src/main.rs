//! Mounts the app; everything else lives in the library so tests can reach it.

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<retention_lab::components::app::App>::new().render();
}
