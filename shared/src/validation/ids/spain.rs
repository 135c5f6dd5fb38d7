//! Spain: DNI (8 digits and a letter) and NIE (X, Y or Z, 7 digits and a letter).

use super::IdProblem;

const LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

/// Checks a compact DNI, such as `12345678Z`.
pub fn dni(number: &str) -> Result<(), IdProblem> {
    const EXPECTED: &str = "8 digits and a letter";
    if number.len() != 9 || !number.is_ascii() {
        return Err(IdProblem::Format(EXPECTED));
    }
    check_letter(&number[..8], number.as_bytes()[8], EXPECTED)
}

/// Checks a compact NIE, such as `X1234567L`.
pub fn nie(number: &str) -> Result<(), IdProblem> {
    const EXPECTED: &str = "X, Y or Z, 7 digits and a letter";
    if number.len() != 9 || !number.is_ascii() {
        return Err(IdProblem::Format(EXPECTED));
    }
    let prefix = match number.as_bytes()[0] {
        b'X' => '0',
        b'Y' => '1',
        b'Z' => '2',
        _ => return Err(IdProblem::Format(EXPECTED)),
    };
    check_letter(
        &format!("{prefix}{}", &number[1..8]),
        number.as_bytes()[8],
        EXPECTED,
    )
}

fn check_letter(body: &str, letter: u8, expected: &'static str) -> Result<(), IdProblem> {
    if !body.bytes().all(|b| b.is_ascii_digit()) || !letter.is_ascii_uppercase() {
        return Err(IdProblem::Format(expected));
    }
    let value: usize = body.parse().map_err(|_| IdProblem::Format(expected))?;
    if LETTERS[value % 23] == letter {
        Ok(())
    } else {
        Err(IdProblem::CheckDigit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dni_letter() {
        assert_eq!(dni("12345678Z"), Ok(()));
        assert_eq!(dni("12345678A"), Err(IdProblem::CheckDigit));
        assert!(dni("1234567Z").is_err());
    }

    #[test]
    fn nie_letter() {
        assert_eq!(nie("X1234567L"), Ok(()));
        assert_eq!(nie("X1234567A"), Err(IdProblem::CheckDigit));
    }
}
