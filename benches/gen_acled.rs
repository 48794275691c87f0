//! Writes a synthetic ACLED-layout CSV (see `acled_synth.rs`):
//!
//!     cargo bench --bench gen_acled -- OUT.csv [ROWS]
//!
//! ROWS defaults to 1,000,000.

#![allow(clippy::print_stdout, clippy::print_stderr)] // a benchmark reports on the console

#[path = "acled_synth.rs"]
mod acled_synth;

fn main() -> std::io::Result<()> {
    // `cargo bench` passes `--bench`; the rest are ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let Some(out) = args.first() else {
        eprintln!("usage: cargo bench --bench gen_acled -- OUT.csv [ROWS]");
        std::process::exit(2);
    };
    let rows = args
        .get(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(1_000_000);
    let file = std::fs::File::create(out)?;
    let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
    acled_synth::write_synthetic_acled(&mut w, rows, 22)?;
    eprintln!("wrote {rows} rows to {out}");
    Ok(())
}
