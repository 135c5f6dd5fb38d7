//! isemail's verdicts (email-vectors.csv): Clientela must call an address usable exactly when
//! isemail says "valid and usable" (`expected_valid`).

use std::path::Path;

use clientela_shared::is_usable_email;

use crate::report::Suite;

/// Checks every isemail case.
pub fn run(peer_data: &Path) -> Suite {
    let mut suite = Suite::new("email-vectors (isemail)");
    let path = peer_data.join("email-vectors/email-vectors.csv");
    let mut reader = match csv::Reader::from_path(&path) {
        Ok(reader) => reader,
        Err(error) => {
            suite.check(path.display().to_string(), Err(error.to_string()));
            return suite;
        }
    };
    for (index, record) in reader.records().enumerate() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                suite.check(format!("row {}", index + 2), Err(error.to_string()));
                continue;
            }
        };
        let field = |i: usize| record.get(i).unwrap_or("");
        let (written, expected, escaped, id, detail) = (
            field(0),
            field(1) == "true",
            field(3) == "true",
            field(5),
            field(6),
        );
        let Some(address) = unescape(written, escaped) else {
            // Lone surrogates cannot be held by a Rust string, so no cell can contain them.
            suite.differ(
                id,
                "a lone UTF-16 surrogate cannot occur in text Clientela reads",
            );
            continue;
        };
        if let Some(reason) = deliberate_difference(&address, expected, detail) {
            suite.differ(id, reason);
            continue;
        }
        let got = is_usable_email(&address);
        suite.check(
            id,
            if got == expected {
                Ok(())
            } else {
                Err(format!(
                    "{address:?}: isemail says {expected}, Clientela {got} ({detail})"
                ))
            },
        );
    }
    suite
}

/// Cases where Clientela disagrees with isemail on purpose.
fn deliberate_difference(address: &str, expected: bool, detail: &str) -> Option<&'static str> {
    let domain = address.rsplit_once('@').map_or("", |(_, domain)| domain);
    if expected && !domain.contains('.') && !domain.is_empty() {
        // isemail looked the TLD up in DNS (io. had an MX record in 2011); Clientela never
        // touches the network, and a bare TLD is almost always a typo in a customer file.
        return Some(
            "a domain without a dot depends on a DNS lookup; Clientela refuses it offline",
        );
    }
    let _ = detail;
    None
}

/// The address with isemail's `\uXXXX` escapes decoded; `None` for a lone surrogate.
fn unescape(written: &str, escaped: bool) -> Option<String> {
    if !escaped {
        return Some(written.to_owned());
    }
    let mut out = String::new();
    let mut rest = written;
    while let Some(start) = rest.find("\\u") {
        out.push_str(&rest[..start]);
        let hex = rest.get(start + 2..start + 6)?;
        let code = u32::from_str_radix(hex, 16).ok()?;
        out.push(char::from_u32(code)?);
        rest = &rest[start + 6..];
    }
    out.push_str(rest);
    Some(out)
}
