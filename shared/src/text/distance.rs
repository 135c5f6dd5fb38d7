//! Edit distance, for fuzzy headers, tag suggestions and email domain typos.

/// The Damerau–Levenshtein distance (optimal string alignment) between `a` and `b`, in chars:
/// a swapped pair of neighbours (`gmial`) counts as one edit.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut table = vec![0usize; (a.len() + 1) * width];
    for (j, cell) in table.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        table[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (table[(i - 1) * width + j] + 1)
                .min(table[i * width + j - 1] + 1)
                .min(table[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(table[(i - 2) * width + j - 2] + 1);
            }
            table[i * width + j] = best;
        }
    }
    table[a.len() * width + b.len()]
}

/// The candidate nearest to `word` (compared by `key`), if it is within `max` edits.
pub fn nearest<'a, T>(
    word: &str,
    candidates: &'a [T],
    key: impl Fn(&T) -> &str,
    max: usize,
) -> Option<&'a T> {
    candidates
        .iter()
        .map(|candidate| (edit_distance(word, key(candidate)), candidate))
        .filter(|(distance, _)| *distance <= max)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_swapped_pair_is_one_edit() {
        assert_eq!(edit_distance("gmial", "gmail"), 1);
        assert_eq!(edit_distance("hotmial", "hotmail"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn nearest_respects_the_limit() {
        let tags = ["VIP", "Lead", "Customer"];
        assert_eq!(nearest("vip", &tags, |t| t, 3), Some(&"VIP"));
        assert_eq!(nearest("Leda", &tags, |t| t, 1), Some(&"Lead"));
        assert_eq!(nearest("zzzzzz", &tags, |t| t, 2), None);
    }
}
