//! The XLSX writer web worker: fetched and started the first time the page needs it, so the
//! workbook code stays out of the page's first load. See `retention_lab::worker_glue`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    retention_lab::worker_glue::run(
        retention_lab::io::worker_protocol::answer::<
            retention_lab::io::worker_protocol::writer::XlsxWriter,
        >,
    );
}
