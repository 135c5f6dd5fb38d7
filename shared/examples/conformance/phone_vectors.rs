//! libphonenumber's example numbers and rust-phonenumber's unit tests (phone-vectors.csv):
//! Clientela must accept every valid number, in E.164, national and international form, give
//! the expected E.164, and refuse the numbers the vectors call invalid.

use std::path::Path;

use clientela_shared::normalise_phone;

use crate::report::Suite;

/// Checks every phone vector.
pub fn run(peer_data: &Path) -> Suite {
    let mut suite = Suite::new("phone-vectors (libphonenumber)");
    let path = peer_data.join("phone-vectors/phone-vectors.csv");
    let mut reader = match csv::Reader::from_path(&path) {
        Ok(reader) => reader,
        Err(error) => {
            suite.check(path.display().to_string(), Err(error.to_string()));
            return suite;
        }
    };
    for (index, record) in reader.records().enumerate() {
        let id = format!("row {}", index + 2);
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                suite.check(id, Err(error.to_string()));
                continue;
            }
        };
        let field = |i: usize| record.get(i).unwrap_or("");
        let (region, input, expected_e164, expected_valid, note) =
            (field(0), field(1), field(3), field(4), field(7));
        let id = format!("{id} {region} {input:?}");
        let country = (!region.is_empty()).then_some(region);
        let got = normalise_phone(input, country);
        let outcome = match (expected_valid, &got) {
            ("true", Ok(e164)) if expected_e164.is_empty() || e164 == expected_e164 => Ok(()),
            ("true", Ok(e164)) => Err(format!("gave {e164}, expected {expected_e164}")),
            ("true", Err(problem)) => Err(format!("refused as {problem:?}, expected valid")),
            ("false", Err(_)) => Ok(()),
            ("false", Ok(e164)) => Err(format!("accepted as {e164}, expected invalid")),
            (_, Ok(e164)) if e164 == expected_e164 => Ok(()),
            (_, Ok(e164)) => Err(format!("gave {e164}, expected {expected_e164}")),
            (_, Err(problem)) => {
                // The vector asserts only how the number parses, not that it is valid.
                if normalise_phone(expected_e164, None).is_err() {
                    suite.differ(
                        id,
                        format!(
                            "the vector only asserts parsing to {expected_e164}, which libphonenumber's \
                             metadata calls invalid; Clientela stores valid numbers only ({problem:?})"
                        ),
                    );
                    continue;
                }
                Err(format!("refused as {problem:?}, expected {expected_e164}"))
            }
        };
        match outcome {
            Err(reason) if note.contains("DISAGREEMENT") => suite.differ(
                id,
                format!(
                    "{reason}: an example newer than the libphonenumber metadata the phonenumber \
                     crate bundles (9.0.33), as for python phonenumbers 9.0.43"
                ),
            ),
            outcome => suite.check(id, outcome),
        }
    }
    suite
}
