//! Guessing the field separator from the first lines of a file.

use crate::detection::{Basis, Detected};

/// Separators a spreadsheet program may have used, in order of preference on a tie.
const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];

/// How many lines are inspected.
const SNIFF_LINES: usize = 50;

/// An Excel `sep=` first line: the separator it names and how many bytes the line takes.
pub(crate) fn sep_line(text: &str) -> Option<(char, usize)> {
    let rest = text
        .strip_prefix("sep=")
        .or_else(|| text.strip_prefix("SEP="))?;
    let separator = rest.chars().next()?;
    let after = &rest[separator.len_utf8()..];
    let line_end = if after.starts_with("\r\n") {
        2
    } else if after.starts_with(['\n', '\r']) {
        1
    } else if after.is_empty() {
        0
    } else {
        return None;
    };
    Some((separator, 4 + separator.len_utf8() + line_end))
}

/// Picks the separator that occurs the same number of times on most of the first lines, outside
/// quotes.
///
/// Excel in Spanish, Portuguese and Polish locales saves CSV with `;`; most other programs use
/// `,`. Title lines above the header agree less, so they do not decide.
pub(crate) fn detect_delimiter(text: &str) -> Detected<char> {
    let counts = count_per_line(text.as_bytes());
    let mut best: Option<(usize, u64, u64)> = None;
    for (candidate, per_line) in counts.iter().enumerate() {
        let Some((count, agreeing)) = most_common_nonzero(per_line) else {
            continue;
        };
        let better = match best {
            None => true,
            Some((_, best_count, best_agreeing)) => (agreeing, count) > (best_agreeing, best_count),
        };
        if better {
            best = Some((candidate, count, agreeing));
        }
    }
    match best {
        Some((candidate, per_line, lines)) => Detected::new(
            char::from(CANDIDATES[candidate]),
            Basis::ConsistentCount { lines, per_line },
        ),
        None => Detected::new(',', Basis::SingleColumn),
    }
}

/// For each candidate, how many times it occurs on each of the first lines (outside quotes).
fn count_per_line(bytes: &[u8]) -> Vec<Vec<u64>> {
    let mut counts = vec![Vec::new(); CANDIDATES.len()];
    let mut current = [0u64; CANDIDATES.len()];
    let mut in_quotes = false;
    let mut lines = 0;
    let mut line_has_text = false;
    for &byte in bytes {
        match byte {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => {
                if line_has_text {
                    for (candidate, count) in current.iter_mut().enumerate() {
                        counts[candidate].push(std::mem::take(count));
                    }
                    lines += 1;
                    if lines == SNIFF_LINES {
                        return counts;
                    }
                }
                line_has_text = false;
                continue;
            }
            _ if !in_quotes => {
                if let Some(i) = CANDIDATES.iter().position(|&c| c == byte) {
                    current[i] += 1;
                }
            }
            _ => {}
        }
        line_has_text = true;
    }
    if line_has_text {
        for (candidate, count) in current.iter().enumerate() {
            counts[candidate].push(*count);
        }
    }
    counts
}

/// The most common non-zero count and on how many lines it occurs (larger count on a tie).
fn most_common_nonzero(per_line: &[u64]) -> Option<(u64, u64)> {
    let mut best: Option<(u64, u64)> = None;
    for &count in per_line.iter().filter(|&&count| count > 0) {
        let agreeing = per_line.iter().filter(|&&other| other == count).count() as u64;
        if best.is_none_or(|(best_count, best_agreeing)| {
            (agreeing, count) > (best_agreeing, best_count)
        }) {
            best = Some((count, agreeing));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delimiter(text: &str) -> char {
        detect_delimiter(text).value
    }

    #[test]
    fn comma_by_default() {
        assert_eq!(delimiter("name\nAna"), ',');
        assert_eq!(detect_delimiter("name").basis, Basis::SingleColumn);
    }

    #[test]
    fn semicolon_wins_over_comma() {
        assert_eq!(delimiter("Nome;Telefone;Cidade\n\"a,b\";1;2"), ';');
        assert_eq!(
            delimiter("Name;Address\nAna;Calle 1, Quito\nLuis;Av. 2, Lima"),
            ';'
        );
    }

    #[test]
    fn separators_inside_quotes_do_not_count() {
        assert_eq!(delimiter("\"a;b;c;d\",x,y"), ',');
    }

    #[test]
    fn tab_and_pipe_separated() {
        assert_eq!(delimiter("a\tb\tc\n1\t2\t3"), '\t');
        assert_eq!(delimiter("a|b|c\n1|2|3"), '|');
    }

    #[test]
    fn a_title_line_does_not_decide() {
        let text =
            "Clientes, marzo 2024\n\nNombre;Correo;Ciudad\nAna;a@x.com;Quito\nLuis;l@x.com;Lima\n";
        assert_eq!(
            detect_delimiter(text),
            Detected::new(
                ';',
                Basis::ConsistentCount {
                    lines: 3,
                    per_line: 2
                }
            )
        );
    }

    #[test]
    fn sep_line_names_the_separator() {
        assert_eq!(sep_line("sep=;\r\na;b"), Some((';', 7)));
        assert_eq!(sep_line("sep=|"), Some(('|', 5)));
        assert_eq!(sep_line("sep=;x\n"), None);
        assert_eq!(sep_line("name"), None);
    }
}
