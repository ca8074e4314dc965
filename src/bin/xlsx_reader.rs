//! The XLSX reader web worker: fetched and started the first time the page needs it, so the
//! workbook code stays out of the page's first load. See `retention_lab::worker`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    retention_lab::worker::run(retention_lab::io::worker_protocol::handle_read);
}
