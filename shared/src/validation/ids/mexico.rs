//! Mexico: RFC (tax number, 10, 12 or 13 characters) and CURP (18 characters).

use super::IdProblem;

const RFC_ALPHABET: &str = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ";
const CURP_ALPHABET: &str = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";
const CURP_STATES: &[&str] = &[
    "AS", "BC", "BS", "CC", "CH", "CL", "CM", "CS", "DF", "DG", "GR", "GT", "HG", "JC", "MC", "MN",
    "MS", "NE", "NL", "NT", "OC", "PL", "QR", "QT", "SL", "SP", "SR", "TC", "TL", "TS", "VZ", "YN",
    "ZS",
];

/// Four-letter words the SAT never issues at the start of a person's RFC (Anexo IV): it
/// replaces their last letter with an X.
const RFC_INCONVENIENT_WORDS: &[&str] = &[
    "BUEI", "BUEY", "CACA", "CACO", "CAGA", "CAGO", "CAKA", "CAKO", "COGE", "COJA", "COJE", "COJI",
    "COJO", "CULO", "FETO", "GUEY", "JOTO", "KACA", "KACO", "KAGA", "KAGO", "KAKA", "KOGE", "KOJO",
    "KULO", "MAME", "MAMO", "MEAR", "MEAS", "MEON", "MION", "MOCO", "MULA", "PEDA", "PEDO", "PENE",
    "PUTA", "PUTO", "QULO", "RATA", "RUIN",
];

/// Four-letter words RENAPO never issues at the start of a CURP: it replaces their second
/// letter with an X.
const CURP_INCONVENIENT_WORDS: &[&str] = &[
    "BACA", "BAKA", "BUEI", "BUEY", "CACA", "CACO", "CAGA", "CAGO", "CAKA", "CAKO", "COGE", "COGI",
    "COJA", "COJE", "COJI", "COJO", "COLA", "CULO", "FALO", "FETO", "GETA", "GUEI", "GUEY", "JETA",
    "JOTO", "KACA", "KACO", "KAGA", "KAGO", "KAKA", "KAKO", "KOGE", "KOGI", "KOJA", "KOJE", "KOJI",
    "KOJO", "KOLA", "KULO", "LILO", "LOCA", "LOCO", "LOKA", "LOKO", "MAME", "MAMO", "MEAR", "MEAS",
    "MEON", "MIAR", "MION", "MOCO", "MOKO", "MULA", "MULO", "NACA", "NACO", "PEDA", "PEDO", "PENE",
    "PIPI", "PITO", "POPO", "PUTA", "PUTO", "QULO", "RATA", "ROBA", "ROBE", "ROBO", "RUIN", "SENO",
    "TETA", "VACA", "VAGA", "VAGO", "VAKA", "VUEI", "VUEY", "WUEI", "WUEY",
];

/// How an RFC's check character compares with the one computed.
#[derive(Debug, PartialEq, Eq)]
pub enum RfcCheck {
    /// It matches, or the RFC has no check character (10 characters).
    Matches,
    /// It does not match. Many RFCs the SAT issued in the past have this, so it is a warning.
    Differs,
}

/// Checks a compact RFC: letters of the name, a date (YYMMDD) and a homoclave.
pub fn rfc(number: &str) -> Result<RfcCheck, IdProblem> {
    const EXPECTED: &str = "3 or 4 letters, a date as YYMMDD and 3 characters";
    let chars: Vec<char> = number.chars().collect();
    let letters = chars
        .iter()
        .take_while(|c| c.is_ascii_uppercase() || **c == '&' || **c == 'Ñ')
        .count();
    let len = chars.len();
    let shape_ok = match letters {
        4 => len == 10 || len == 13,
        3 => len == 12,
        _ => false,
    };
    if !shape_ok {
        return Err(IdProblem::Format(EXPECTED));
    }
    let name: String = chars[..letters].iter().collect();
    if RFC_INCONVENIENT_WORDS.contains(&name.as_str()) {
        return Err(IdProblem::Format(
            "the SAT never issues an RFC starting with this word",
        ));
    }
    let date: String = chars[letters..letters + 6].iter().collect();
    if !is_date(&date) {
        return Err(IdProblem::Format(EXPECTED));
    }
    let homoclave = &chars[letters + 6..];
    if !homoclave
        .iter()
        .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    {
        return Err(IdProblem::Format(EXPECTED));
    }
    if len == 10 {
        return Ok(RfcCheck::Matches);
    }
    let padded: Vec<char> = std::iter::repeat_n(' ', 13 - len)
        .chain(chars[..len - 1].iter().copied())
        .collect();
    let sum: usize = padded
        .iter()
        .enumerate()
        .map(|(i, c)| RFC_ALPHABET.chars().position(|a| a == *c).unwrap_or(0) * (13 - i))
        .sum();
    let expected = RFC_ALPHABET
        .chars()
        .nth((11 - sum % 11) % 11)
        .unwrap_or('0');
    // The SAT's homoclave: a digit 1-9 or letter A-V, a digit 1-9 or letter, a check character.
    let homoclave_shape = matches!(homoclave[0], '1'..='9' | 'A'..='V')
        && matches!(homoclave[1], '1'..='9' | 'A'..='Z')
        && matches!(homoclave[2], '0'..='9' | 'A');
    if homoclave_shape && chars[len - 1] == expected {
        Ok(RfcCheck::Matches)
    } else {
        Ok(RfcCheck::Differs)
    }
}

/// Checks a compact CURP: name letters, birth date, sex, state, consonants and a check digit.
pub fn curp(number: &str) -> Result<(), IdProblem> {
    const EXPECTED: &str =
        "18 characters: 4 letters, a date as YYMMDD, H or M, a state, 3 letters and 2 characters";
    let chars: Vec<char> = number.chars().collect();
    if chars.len() != 18 {
        return Err(IdProblem::Format(EXPECTED));
    }
    let letter = |range: std::ops::Range<usize>| chars[range].iter().all(char::is_ascii_uppercase);
    let digit = |range: std::ops::Range<usize>| chars[range].iter().all(char::is_ascii_digit);
    let date: String = chars[4..10].iter().collect();
    let state: String = chars[11..13].iter().collect();
    let name: String = chars[..4].iter().collect();
    if CURP_INCONVENIENT_WORDS.contains(&name.as_str()) {
        return Err(IdProblem::Format(
            "RENAPO never issues a CURP starting with this word",
        ));
    }
    if !(letter(0..4)
        && digit(4..10)
        && is_date(&date)
        && matches!(chars[10], 'H' | 'M' | 'X')
        && CURP_STATES.contains(&state.as_str())
        && letter(13..16)
        && (chars[16].is_ascii_digit() || chars[16].is_ascii_uppercase())
        && chars[17].is_ascii_digit())
    {
        return Err(IdProblem::Format(EXPECTED));
    }
    let sum: usize = chars[..17]
        .iter()
        .enumerate()
        .map(|(i, c)| CURP_ALPHABET.chars().position(|a| a == *c).unwrap_or(0) * (18 - i))
        .sum();
    let expected = (10 - sum % 10) % 10;
    if chars[17].to_digit(10) == Some(expected as u32) {
        Ok(())
    } else {
        Err(IdProblem::CheckDigit)
    }
}

/// Whether `yymmdd` is a date in some century (29 February only in leap years, 2000 counting).
fn is_date(yymmdd: &str) -> bool {
    let Ok(value) = yymmdd.parse::<u32>() else {
        return false;
    };
    if yymmdd.len() != 6 {
        return false;
    }
    let (year, month, day) = (value / 10000, value / 100 % 100, value % 100);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_of_a_person_and_a_company() {
        assert_eq!(rfc("GODE561231GR8"), Ok(RfcCheck::Matches));
        assert_eq!(rfc("MAB9307148T4"), Ok(RfcCheck::Matches));
        assert_eq!(rfc("GODE561231"), Ok(RfcCheck::Matches));
        assert!(rfc("GODE561331GR8").is_err());
        assert!(rfc("CACA580710NF7").is_err());
        // A homoclave the SAT does not issue (second character 0) is doubtful.
        assert_eq!(rfc("CCM650122I06"), Ok(RfcCheck::Differs));
    }

    #[test]
    fn curp_check_digit() {
        assert_eq!(curp("BOXW310820HNERXN09"), Ok(()));
        assert_eq!(curp("BOXW310820HNERXN08"), Err(IdProblem::CheckDigit));
        assert!(curp("BOXW311320HNERXN09").is_err());
    }
}
