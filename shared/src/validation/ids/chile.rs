//! Chile: RUT / RUN, digits and a modulo-11 check character (0–9 or K).

use super::IdProblem;
use super::digits::digits;

/// Checks a compact RUT (`123456785`, `12345678K`), with or without a `CL` prefix.
pub fn rut(number: &str) -> Result<(), IdProblem> {
    let number = number.strip_prefix("CL").unwrap_or(number);
    if !(8..=9).contains(&number.len()) {
        return Err(IdProblem::Format("7 or 8 digits and a check digit"));
    }
    let (body, check) = number.split_at(number.len() - 1);
    let d = digits(body).ok_or(IdProblem::Format("7 or 8 digits and a check digit"))?;
    let sum: u32 = d
        .iter()
        .rev()
        .zip([9, 8, 7, 6, 5, 4].into_iter().cycle())
        .map(|(digit, weight)| digit * weight)
        .sum();
    let expected = b"0123456789K"[(sum % 11) as usize];
    if check.as_bytes() == [expected] {
        Ok(())
    } else if check.bytes().all(|b| b.is_ascii_digit() || b == b'K') {
        Err(IdProblem::CheckDigit)
    } else {
        Err(IdProblem::Format("the check digit is 0 to 9 or K"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rut_with_k_and_digit_check() {
        assert_eq!(rut("760864285"), Ok(()));
        assert_eq!(rut("125319092"), Ok(()));
        assert_eq!(rut("76086428K"), Err(IdProblem::CheckDigit));
    }
}
