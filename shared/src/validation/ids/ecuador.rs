//! Ecuador: cédula de identidad (10 digits) and RUC (13 digits).

use super::IdProblem;
use super::digits::{digits, weighted_sum};

/// Checks a compact cédula: province 01–24 or 30/50, third digit below 6, modulo-10 check digit.
pub fn cedula(number: &str) -> Result<(), IdProblem> {
    let d = digits(number).ok_or(IdProblem::Format("10 digits"))?;
    if d.len() != 10 {
        return Err(IdProblem::Format("10 digits"));
    }
    check_province(&d)?;
    if d[2] > 6 {
        return Err(IdProblem::Format("the third digit must be 0 to 6"));
    }
    let sum: u32 = d
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let product = n * if i % 2 == 0 { 2 } else { 1 };
            if product > 9 { product - 9 } else { product }
        })
        .sum();
    if sum.is_multiple_of(10) {
        Ok(())
    } else {
        Err(IdProblem::CheckDigit)
    }
}

/// Checks a compact RUC: a person's (cédula + establishment), a public body's (third digit 6) or a
/// company's (third digit 9), each with its own check digit.
pub fn ruc(number: &str) -> Result<(), IdProblem> {
    let d = digits(number).ok_or(IdProblem::Format("13 digits"))?;
    if d.len() != 13 {
        return Err(IdProblem::Format("13 digits"));
    }
    check_province(&d)?;
    let ends_with_zeros = |n: usize| d[13 - n..].iter().all(|&x| x == 0);
    match d[2] {
        0..=5 => {
            if ends_with_zeros(3) {
                return Err(IdProblem::Format("the establishment number cannot be 000"));
            }
            cedula(&number[..10])
        }
        6 => {
            if ends_with_zeros(4) {
                return Err(IdProblem::Format("the establishment number cannot be 0000"));
            }
            if weighted_sum(&d[..9], &[3, 2, 7, 6, 5, 4, 3, 2, 1]).is_multiple_of(11) {
                return Ok(());
            }
            // Some people's RUCs have a third digit of 6 too.
            if !ends_with_zeros(3) && cedula(&number[..10]).is_ok() {
                Ok(())
            } else {
                Err(IdProblem::CheckDigit)
            }
        }
        9 => {
            if ends_with_zeros(3) {
                return Err(IdProblem::Format("the establishment number cannot be 000"));
            }
            if weighted_sum(&d[..10], &[4, 3, 2, 7, 6, 5, 4, 3, 2, 1]).is_multiple_of(11) {
                return Ok(());
            }
            // Some companies' RUCs carry the public bodies' check digit (SRI issues them).
            let public = weighted_sum(&d[..9], &[3, 2, 7, 6, 5, 4, 3, 2, 1]).is_multiple_of(11);
            if public && !ends_with_zeros(4) {
                Ok(())
            } else {
                Err(IdProblem::CheckDigit)
            }
        }
        _ => Err(IdProblem::Format("the third digit must be 0 to 6 or 9")),
    }
}

fn check_province(d: &[u32]) -> Result<(), IdProblem> {
    let province = d[0] * 10 + d[1];
    if (1..=24).contains(&province) || province == 30 || province == 50 {
        Ok(())
    } else {
        Err(IdProblem::Format(
            "the first two digits must be a province (01 to 24, or 30)",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cedula_check_digit() {
        assert_eq!(cedula("1714307103"), Ok(()));
        assert_eq!(cedula("1714307104"), Err(IdProblem::CheckDigit));
        assert!(matches!(cedula("9914307103"), Err(IdProblem::Format(_))));
    }

    #[test]
    fn ruc_of_a_person_a_company_and_a_public_body() {
        assert_eq!(ruc("1714307103001"), Ok(()));
        assert_eq!(ruc("1790011674001"), Ok(()));
        assert_eq!(ruc("1760001550001"), Ok(()));
        // A company RUC with the public bodies' check digit.
        assert_eq!(ruc("1793221293001"), Ok(()));
        assert_eq!(ruc("0190115799001"), Err(IdProblem::CheckDigit));
        assert!(ruc("1714307103000").is_err());
    }
}
