//! Brazil: CPF (people, 11 digits) and CNPJ (companies, 14 digits), two check digits each.

use super::IdProblem;
use super::digits::{digits, weighted_sum};

/// Checks a compact CPF. Numbers of one repeated digit pass the arithmetic but are never issued.
pub fn cpf(number: &str) -> Result<(), IdProblem> {
    let d = digits(number).ok_or(IdProblem::Format("11 digits"))?;
    if d.len() != 11 {
        return Err(IdProblem::Format("11 digits"));
    }
    if d.iter().all(|&x| x == d[0]) {
        return Err(IdProblem::Format("a real number, not one digit repeated"));
    }
    let first = mod11(weighted_sum(&d[..9], &[10, 9, 8, 7, 6, 5, 4, 3, 2]));
    let second = mod11(weighted_sum(&d[..10], &[11, 10, 9, 8, 7, 6, 5, 4, 3, 2]));
    if [first, second] == d[9..] {
        Ok(())
    } else {
        Err(IdProblem::CheckDigit)
    }
}

/// Checks a compact CNPJ: 12 characters (digits, or from July 2026 also upper-case letters)
/// and two check digits. A letter counts as its ASCII code minus 48, as the Receita Federal
/// defines it, so an all-digit CNPJ checks exactly as before.
pub fn cnpj(number: &str) -> Result<(), IdProblem> {
    const EXPECTED: &str = "14 characters: 12 digits or letters and 2 check digits";
    let bytes = number.as_bytes();
    let well_formed = bytes.len() == 14
        && bytes[..12]
            .iter()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        && bytes[12..].iter().all(u8::is_ascii_digit);
    if !well_formed {
        return Err(IdProblem::Format(EXPECTED));
    }
    let d: Vec<u32> = bytes.iter().map(|&b| u32::from(b - b'0')).collect();
    if d.iter().all(|&x| x == 0) {
        return Err(IdProblem::Format("a real number, not zeros"));
    }
    const WEIGHTS: [u32; 13] = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    let first = mod11(weighted_sum(&d[..12], &WEIGHTS[1..]));
    let second = mod11(weighted_sum(&d[..13], &WEIGHTS));
    if [first, second] == d[12..] {
        Ok(())
    } else {
        Err(IdProblem::CheckDigit)
    }
}

fn mod11(sum: u32) -> u32 {
    match sum % 11 {
        0 | 1 => 0,
        rest => 11 - rest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpf_check_digits() {
        assert_eq!(cpf("39053344705"), Ok(()));
        assert_eq!(cpf("39053344706"), Err(IdProblem::CheckDigit));
        assert!(cpf("11111111111").is_err());
    }

    #[test]
    fn cnpj_check_digits() {
        assert_eq!(cnpj("16727230000197"), Ok(()));
        assert_eq!(cnpj("16727230000198"), Err(IdProblem::CheckDigit));
    }

    #[test]
    fn alphanumeric_cnpj_from_2026() {
        assert_eq!(cnpj("12ABC34501DE35"), Ok(()));
        assert_eq!(cnpj("12ABC34501DE36"), Err(IdProblem::CheckDigit));
        assert!(matches!(cnpj("12ABC34501DEX5"), Err(IdProblem::Format(_))));
    }
}
