//! Large deterministic long-form subscription CSVs for benchmarks (about 40,000 customers ×
//! up to 36 months = 1,000,000 rows), built as text exactly as a billing export would be.
//! Benchmark-only: included by path (`#[path]`) into the criterion benches, the native
//! example and the browser benchmark's entry, so the library does not carry it.

/// A long-form CSV (`customer_id,month,mrr`) of about `rows` rows: each customer pays from its
/// start month for a run of months, so cohorts, churn and gaps all occur.
pub fn long_form_csv(rows: usize) -> String {
    let mut out = String::with_capacity(rows * 28);
    out.push_str("customer_id,month,mrr\n");
    // The app's one generator (the sample's), seeded: every run builds the same file.
    let mut rng = retention_lab::sample::rng::SplitMix64(0x9E37_79B9_7F4A_7C15);
    let mut next = move || rng.next_u64();
    let mut written = 0;
    let mut customer = 0;
    while written < rows {
        customer += 1;
        let start = (next() % 36) as i32;
        let length = 1 + (next() % 36) as i32;
        let mrr = 50 + next() % 5_000;
        for offset in 0..length {
            let month = start + offset;
            if month >= 36 || written >= rows {
                break;
            }
            let (year, month) = (2023 + month / 12, month % 12 + 1);
            out.push_str(&format!(
                "C{customer:06},{year}-{month:02},{mrr}.{:02}\n",
                next() % 100
            ));
            written += 1;
        }
    }
    out
}
