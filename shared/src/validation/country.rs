//! Country codes (ISO 3166-1 alpha-2), and the names people write instead of them.

use crate::text::fold;

/// Every officially assigned ISO 3166-1 alpha-2 code, two letters each, sorted.
const CODES: &str = "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZ\
CACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGL\
GMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILK\
LRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPG\
PHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTM\
TNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW";

/// Country names (folded) in English, Spanish, Portuguese and Polish for the countries whose
/// customers Clientela imports most, with their codes.
const NAMES: &[(&str, &str)] = &[
    ("ecuador", "EC"),
    ("equador", "EC"),
    ("ekwador", "EC"),
    ("colombia", "CO"),
    ("colombia", "CO"),
    ("kolumbia", "CO"),
    ("peru", "PE"),
    ("chile", "CL"),
    ("chili", "CL"),
    ("argentina", "AR"),
    ("argentyna", "AR"),
    ("brazil", "BR"),
    ("brasil", "BR"),
    ("brazylia", "BR"),
    ("mexico", "MX"),
    ("meksyk", "MX"),
    ("spain", "ES"),
    ("espana", "ES"),
    ("espanha", "ES"),
    ("hiszpania", "ES"),
    ("portugal", "PT"),
    ("portugalia", "PT"),
    ("poland", "PL"),
    ("polonia", "PL"),
    ("polska", "PL"),
    ("united states", "US"),
    ("usa", "US"),
    ("estados unidos", "US"),
    ("stany zjednoczone", "US"),
    ("united kingdom", "GB"),
    ("uk", "GB"),
    ("reino unido", "GB"),
    ("wielka brytania", "GB"),
    ("germany", "DE"),
    ("alemania", "DE"),
    ("alemanha", "DE"),
    ("niemcy", "DE"),
    ("france", "FR"),
    ("francia", "FR"),
    ("franca", "FR"),
    ("francja", "FR"),
    ("italy", "IT"),
    ("italia", "IT"),
    ("wlochy", "IT"),
    ("venezuela", "VE"),
    ("wenezuela", "VE"),
    ("uruguay", "UY"),
    ("urugwaj", "UY"),
    ("uruguai", "UY"),
    ("paraguay", "PY"),
    ("paragwaj", "PY"),
    ("paraguai", "PY"),
    ("bolivia", "BO"),
    ("boliwia", "BO"),
    ("bolivia", "BO"),
    ("panama", "PA"),
    ("costa rica", "CR"),
    ("kostaryka", "CR"),
    ("guatemala", "GT"),
    ("gwatemala", "GT"),
    ("dominican republic", "DO"),
    ("republica dominicana", "DO"),
    ("canada", "CA"),
    ("canada", "CA"),
    ("kanada", "CA"),
];

/// Whether `code` is an assigned ISO 3166-1 alpha-2 code (upper case).
pub fn is_country_code(code: &str) -> bool {
    code.len() == 2
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && CODES
            .as_bytes()
            .chunks(2)
            .any(|pair| pair == code.as_bytes())
}

/// The ISO code for what a user wrote: a code in any case, or a country's name.
pub fn country_code(written: &str) -> Option<&'static str> {
    // Compared in place, case-insensitively: a country column is read on every row, and
    // upper-casing a copy of each cell would allocate once a row.
    let trimmed = written.trim().as_bytes();
    if trimmed.len() == 2 {
        let index = CODES
            .as_bytes()
            .chunks(2)
            .position(|pair| pair.eq_ignore_ascii_case(trimmed))?;
        return CODES.get(index * 2..index * 2 + 2);
    }
    let folded = fold(written);
    NAMES
        .iter()
        .find(|(name, _)| *name == folded)
        .map(|(_, code)| *code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_list_has_249_sorted_codes() {
        let codes: Vec<&[u8]> = CODES.as_bytes().chunks(2).collect();
        assert_eq!(codes.len(), 249);
        assert!(codes.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn codes_in_any_case_and_names_in_four_languages() {
        assert_eq!(country_code("ec"), Some("EC"));
        assert_eq!(country_code("España"), Some("ES"));
        assert_eq!(country_code("Brasil"), Some("BR"));
        assert_eq!(country_code("Polska"), Some("PL"));
        assert_eq!(country_code("XX"), None);
        assert!(!is_country_code("ec"));
    }
}
