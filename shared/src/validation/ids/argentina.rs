//! Argentina: CUIT / CUIL (11 digits with a check digit) and DNI (7 or 8 digits).

use super::IdProblem;
use super::digits::{digits, weighted_sum};

/// Checks a compact CUIT or CUIL: a known type prefix and a modulo-11 check digit.
pub fn cuit(number: &str) -> Result<(), IdProblem> {
    let d = digits(number).ok_or(IdProblem::Format("11 digits"))?;
    if d.len() != 11 {
        return Err(IdProblem::Format("11 digits"));
    }
    if !matches!(
        &number[..2],
        "20" | "23" | "24" | "27" | "30" | "33" | "34" | "50" | "51" | "55"
    ) {
        return Err(IdProblem::Format(
            "it starts with 20, 23, 24, 27, 30, 33 or 34",
        ));
    }
    let rest = weighted_sum(&d[..10], &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11;
    // An 11 would be 0 and a 10 is written 9, as AFIP does.
    let expected = match rest {
        0 => 0,
        1 => 9,
        rest => 11 - rest,
    };
    if d[10] == expected {
        Ok(())
    } else {
        Err(IdProblem::CheckDigit)
    }
}

/// Checks a compact DNI: 7 or 8 digits.
pub fn dni(number: &str) -> Result<(), IdProblem> {
    match digits(number) {
        Some(d) if (7..=8).contains(&d.len()) => Ok(()),
        _ => Err(IdProblem::Format("7 or 8 digits")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuit_check_digit() {
        assert_eq!(cuit("20267565393"), Ok(()));
        assert_eq!(cuit("20267565392"), Err(IdProblem::CheckDigit));
    }

    #[test]
    fn dni_length() {
        assert_eq!(dni("20123456"), Ok(()));
        assert!(dni("123456").is_err());
    }
}
