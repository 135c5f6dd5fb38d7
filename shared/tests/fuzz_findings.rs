//! Files the fuzzer found that once crashed or exhausted the reader; each must now give a clear
//! error.

use clientela_shared::{ErrorKind, read_table};

fn data(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

#[test]
fn an_xls_whose_sector_chain_loops_is_corrupt_not_endless() {
    let err = read_table(&data("fuzz-xls-looping-chain.xls")).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::CorruptWorkbook { .. }),
        "{err}"
    );
}

#[test]
fn an_xls_whose_chain_reaches_past_the_end_is_corrupt_not_a_panic() {
    let err = read_table(&data("fuzz-xls-sector-past-the-end.xls")).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::CorruptWorkbook { .. }),
        "{err}"
    );
}

#[test]
fn a_panic_inside_calamine_is_a_corrupt_workbook() {
    let err = read_table(&data("fuzz-xls-short-externsheet.xls")).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::CorruptWorkbook { .. }),
        "{err}"
    );
}
