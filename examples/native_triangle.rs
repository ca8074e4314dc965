//! The native side of `make bench`'s wasm / native ratio, run between the browser rounds so
//! both sides see the same machine at the same time (these machines are noisy): the same CSV
//! (`benches/support/synthetic.rs`), read, mapped and turned into the monthly triangle by
//! the same code as the wasm contender (`src/bin/bench_entry.rs`), built with the same release
//! profile. Prints the milliseconds of that work (the CSV's generation is not timed).
//!
//! `cargo run --release --example native_triangle -- 1000000`

#[cfg(not(target_arch = "wasm32"))]
#[path = "../benches/support/synthetic.rs"]
mod synthetic;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use retention_lab::io::import::read_delimited_file;
    use retention_lab::io::records::{build, Records};
    use retention_lab::model::cohort::{cohorts_from_monthly, Grain};
    use retention_lab::model::portfolio::Subscriptions;
    use synthetic::long_form_csv;

    let rows = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let csv = long_form_csv(rows);
    let run = || {
        read_delimited_file("bench.csv", csv.as_bytes(), &|_| None)
            .ok()
            .and_then(|pending| build(&pending.table, &pending.mapping).ok())
            .and_then(|built| match built.records {
                Records::Subscriptions(Subscriptions::Monthly(rows)) => {
                    Some(cohorts_from_monthly(&rows, Grain::Month))
                }
                _ => None,
            })
            .map(|cohorts| cohorts.iter().map(|c| c.active.len()).sum::<usize>())
    };
    // Once untimed: the wasm contender runs in a page whose memory has already grown, so its
    // timed runs do not pay for first-touch page faults; neither should this one.
    run();
    let start = std::time::Instant::now();
    let cells = run();
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    match cells {
        Some(cells) => println!("{ms:.1} {cells}"),
        None => {
            eprintln!("native_triangle: the CSV did not read as long-form subscriptions");
            std::process::exit(1);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
