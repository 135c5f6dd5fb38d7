//! Guessing the field separator from the header line.

/// Separators a spreadsheet program may have used, in order of preference on a tie.
const CANDIDATES: [char; 4] = [',', ';', '\t', '|'];

/// Picks the separator that occurs most often in the first line, outside quotes.
///
/// Excel in Spanish, Portuguese and Polish locales saves CSV with `;`; most other programs use `,`.
pub(crate) fn detect_delimiter(text: &str) -> char {
    let mut counts = [0usize; CANDIDATES.len()];
    let mut in_quotes = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' | '\r' if !in_quotes => break,
            _ if !in_quotes => {
                if let Some(i) = CANDIDATES.iter().position(|&candidate| candidate == c) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let best = (0..CANDIDATES.len())
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    CANDIDATES[best]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comma_by_default() {
        assert_eq!(detect_delimiter("name"), ',');
    }

    #[test]
    fn semicolon_wins_over_comma() {
        assert_eq!(detect_delimiter("Nome;Telefone;Cidade\n\"a,b\";1;2"), ';');
    }

    #[test]
    fn separators_inside_quotes_do_not_count() {
        assert_eq!(detect_delimiter("\"a;b;c;d\",x,y"), ',');
    }

    #[test]
    fn tab_separated() {
        assert_eq!(detect_delimiter("a\tb\tc"), '\t');
    }
}
