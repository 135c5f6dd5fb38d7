//! Colombia: NIT (tax number with a check digit) and cédula de ciudadanía (length only).

use super::IdProblem;
use super::digits::digits;

const NIT_WEIGHTS: [u32; 15] = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];

/// Checks a compact NIT: 8 to 16 digits, the last one a modulo-11 check digit.
pub fn nit(number: &str) -> Result<(), IdProblem> {
    let d = digits(number).ok_or(IdProblem::Format("8 to 16 digits"))?;
    if !(8..=16).contains(&d.len()) {
        return Err(IdProblem::Format("8 to 16 digits"));
    }
    let (body, check) = d.split_at(d.len() - 1);
    let sum: u32 = body
        .iter()
        .rev()
        .zip(NIT_WEIGHTS)
        .map(|(digit, weight)| digit * weight)
        .sum();
    let expected = [0, 1, 9, 8, 7, 6, 5, 4, 3, 2, 1][(sum % 11) as usize];
    if check[0] == expected {
        Ok(())
    } else {
        Err(IdProblem::CheckDigit)
    }
}

/// Checks a compact cédula de ciudadanía: it has no check digit, only 3 to 10 digits.
pub fn cc(number: &str) -> Result<(), IdProblem> {
    match digits(number) {
        Some(d) if (3..=10).contains(&d.len()) => Ok(()),
        _ => Err(IdProblem::Format("3 to 10 digits")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nit_check_digit() {
        assert_eq!(nit("2131234321"), Ok(()));
        assert_eq!(nit("2131234325"), Err(IdProblem::CheckDigit));
    }

    #[test]
    fn cc_is_length_only() {
        assert_eq!(cc("1020304050"), Ok(()));
        assert!(cc("10203040501").is_err());
    }
}
