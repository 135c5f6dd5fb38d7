//! uDSV's "litmus" file: a quoted header with separators and quotes inside, a multi-line field,
//! whitespace outside quotes, and the words null and undefined (which stay text).
//!
//! uDSV's expectations live in its JavaScript tests, so the expected records are rust-csv's
//! reading of the file.

use std::path::Path;

use clientela_shared::ReadOptions;

use crate::records::{judge, reference_records};
use crate::report::Suite;

pub fn run(peer_data: &Path) -> Suite {
    let mut suite = Suite::new("udsv");
    let name = "test.csv";
    match std::fs::read(peer_data.join("udsv").join(name)) {
        Ok(bytes) => match reference_records(&bytes, b',') {
            Ok(expected) => {
                judge(&expected, &bytes, &ReadOptions::default()).record(&mut suite, name)
            }
            Err(err) => suite.check(name, Err(err)),
        },
        Err(err) => suite.check(name, Err(err.to_string())),
    }
    suite
}
