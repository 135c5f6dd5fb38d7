//! Peru: RUC (11 digits) and DNI (8 digits, no check digit of its own).

use super::IdProblem;
use super::digits::{digits, weighted_sum};

/// Checks a compact RUC: type prefix 10/15/16/17/20 and a modulo-11 check digit.
pub fn ruc(number: &str) -> Result<(), IdProblem> {
    let d = digits(number).ok_or(IdProblem::Format("11 digits"))?;
    if d.len() != 11 {
        return Err(IdProblem::Format("11 digits"));
    }
    if !matches!(&number[..2], "10" | "15" | "16" | "17" | "20") {
        return Err(IdProblem::Format("it starts with 10, 15, 16, 17 or 20"));
    }
    let sum = weighted_sum(&d[..10], &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    if d[10] == (11 - sum % 11) % 10 {
        Ok(())
    } else {
        Err(IdProblem::CheckDigit)
    }
}

/// Checks a compact DNI: 8 digits (a ninth is the CUI check digit, which has no public meaning
/// on its own and is dropped by [`super::check`]).
pub fn dni(number: &str) -> Result<(), IdProblem> {
    match digits(number) {
        Some(d) if d.len() == 8 => Ok(()),
        _ => Err(IdProblem::Format("8 digits")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ruc_check_digit_and_prefix() {
        assert_eq!(ruc("20512333797"), Ok(()));
        assert_eq!(ruc("20512333798"), Err(IdProblem::CheckDigit));
        assert!(matches!(ruc("30512333797"), Err(IdProblem::Format(_))));
    }
}
