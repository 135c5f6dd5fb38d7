//! The worker's work on one file, natively: open it, check every row, answer the first grid
//! window, as the browser benchmark times it from drop to review.
//!
//! `cargo run --release -p clientela-frontend --example bench_session -- FILE [phones]`: the
//! phone columns are kept as data unless `phones` is given. The file `cargo xtask bench` makes
//! is `target/bench/customers-1m.csv`.

use std::time::Instant;

use clientela_frontend::protocol::{Request, Response, RowFilter};
use clientela_frontend::session::ImportSession;
use clientela_shared::{Field, Language, Profile, Target};

fn main() {
    let path = std::env::args().nth(1).expect("the file to read");
    let phones = std::env::args().nth(2).as_deref() == Some("phones");
    let bytes = std::fs::read(&path).expect("the file reads");
    let profile = Profile::default();

    let start = Instant::now();
    let (mut session, overview) =
        ImportSession::open(path.clone(), bytes, &profile).expect("the file opens");
    let read = start.elapsed().as_secs_f64();

    let mut mapping = overview.mapping;
    if !phones {
        for column in &mut mapping.columns {
            if matches!(column.target, Target::Field(Field::Phone | Field::Mobile)) {
                column.target = Target::Extra;
            }
        }
    }
    let start = Instant::now();
    let response = session.handle(Request::Validate {
        profile,
        mapping,
        language: Language::Es,
    });
    let check = start.elapsed().as_secs_f64();
    let Response::Validated(counts) = response else {
        panic!("{response:?}")
    };
    let start = Instant::now();
    let window = session.handle(Request::Rows {
        filter: RowFilter::All,
        start: 0,
        count: 60,
    });
    let first_window = start.elapsed().as_secs_f64();
    assert!(matches!(window, Response::Rows(_)));
    println!(
        "{} rows, phones {}: read {read:.2} s, check {check:.2} s, first window {first_window:.3} s",
        overview.rows,
        if phones { "validated" } else { "kept as data" },
    );
    println!("  {counts:?}");
}
