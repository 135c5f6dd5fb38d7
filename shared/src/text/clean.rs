//! Cleaning a cell: trimmed, inner runs of white space collapsed to one space.

/// The cell trimmed, with every run of white space (tabs, line breaks, no-break spaces)
/// collapsed to one space. Borrow-free when nothing changes is not worth the complexity here.
pub fn clean(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    for word in cell.split(|c: char| c.is_whitespace() || c == '\u{feff}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_collapses_inner_spaces() {
        assert_eq!(
            clean("  Ana \t  María\u{a0}\u{a0}Pérez \n"),
            "Ana María Pérez"
        );
        assert_eq!(clean("   "), "");
    }
}
