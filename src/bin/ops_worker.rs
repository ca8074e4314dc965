//! The operations web worker: computes the Operations and Team panels
//! (`retention_lab::derive::operations::job`). Fetched and started the first time one of those
//! sections opens, so their models, texts and chart inputs stay out of the page's first load.

fn main() {
    #[cfg(target_arch = "wasm32")]
    retention_lab::worker::run(retention_lab::derive::operations::job::handle_panels);
}
