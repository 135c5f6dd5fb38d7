//! Poland: PESEL (people, 11 digits) and NIP (tax number, 10 digits).

use super::IdProblem;
use super::digits::{digits, weighted_sum};

/// Checks a compact PESEL.
pub fn pesel(number: &str) -> Result<(), IdProblem> {
    let d = digits(number).ok_or(IdProblem::Format("11 digits"))?;
    if d.len() != 11 {
        return Err(IdProblem::Format("11 digits"));
    }
    let sum = weighted_sum(&d[..10], &[1, 3, 7, 9, 1, 3, 7, 9, 1, 3]);
    if d[10] == (10 - sum % 10) % 10 {
        Ok(())
    } else {
        Err(IdProblem::CheckDigit)
    }
}

/// Checks a compact NIP (a `PL` prefix is allowed).
pub fn nip(number: &str) -> Result<(), IdProblem> {
    let number = number.strip_prefix("PL").unwrap_or(number);
    let d = digits(number).ok_or(IdProblem::Format("10 digits"))?;
    if d.len() != 10 {
        return Err(IdProblem::Format("10 digits"));
    }
    let rest = weighted_sum(&d[..9], &[6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
    if rest == d[9] {
        Ok(())
    } else {
        Err(IdProblem::CheckDigit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pesel_check_digit() {
        assert_eq!(pesel("44051401359"), Ok(()));
        assert_eq!(pesel("44051401358"), Err(IdProblem::CheckDigit));
    }

    #[test]
    fn nip_check_digit() {
        assert_eq!(nip("8567346215"), Ok(()));
        assert_eq!(nip("PL8567346215"), Ok(()));
        assert_eq!(nip("8567346216"), Err(IdProblem::CheckDigit));
    }
}
