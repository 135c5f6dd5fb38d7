//! python-stdnum's doctests (national-ids/latam-national-ids.csv): Clientela must agree on every
//! document type issue 4 lists. The other types are listed as deliberate differences.

use std::path::Path;

use clientela_shared::{IdType, check_id};

use crate::report::Suite;

/// Checks every national-ID vector of a supported type.
pub fn run(peer_data: &Path) -> Suite {
    let mut suite = Suite::new("national-ids (python-stdnum)");
    let path = peer_data.join("national-ids/latam-national-ids.csv");
    let mut reader = match csv::Reader::from_path(&path) {
        Ok(reader) => reader,
        Err(error) => {
            suite.check(path.display().to_string(), Err(error.to_string()));
            return suite;
        }
    };
    let mut skipped = std::collections::BTreeMap::<String, usize>::new();
    for (index, record) in reader.records().enumerate() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                suite.check(format!("row {}", index + 2), Err(error.to_string()));
                continue;
            }
        };
        let field = |i: usize| record.get(i).unwrap_or("");
        let (module, number, expected, options) =
            (field(6), field(2), field(3) == "true", field(5));
        let Some((kind, country)) = clientela_type(module) else {
            *skipped.entry(module.to_owned()).or_default() += 1;
            continue;
        };
        let strict = options.contains("validate_check_digits=True");
        let got = match check_id(kind, Some(country), number) {
            Ok(accepted) => !(strict && accepted.doubtful_check_digit),
            Err(_) => false,
        };
        let id = format!("{module} {number}");
        suite.check(
            id,
            if got == expected {
                Ok(())
            } else {
                Err(format!(
                    "stdnum says {expected}, Clientela {got}{}",
                    if strict {
                        " (check digits required)"
                    } else {
                        ""
                    }
                ))
            },
        );
    }
    for (module, count) in skipped {
        suite.differ(
            module.clone(),
            format!("{count} cases of a document type issue 4 does not list; not checked"),
        );
    }
    suite
}

/// The Clientela type and country for a stdnum module, for the types issue 4 lists.
fn clientela_type(module: &str) -> Option<(IdType, &'static str)> {
    Some(match module {
        "stdnum.ec.ci" => (IdType::Cedula, "EC"),
        "stdnum.ec.ruc" => (IdType::Ruc, "EC"),
        "stdnum.co.nit" => (IdType::Nit, "CO"),
        "stdnum.cl.rut" => (IdType::Rut, "CL"),
        "stdnum.pe.ruc" => (IdType::Ruc, "PE"),
        "stdnum.br.cpf" => (IdType::Cpf, "BR"),
        "stdnum.br.cnpj" => (IdType::Cnpj, "BR"),
        "stdnum.ar.cuit" => (IdType::Cuit, "AR"),
        "stdnum.ar.dni" => (IdType::Dni, "AR"),
        "stdnum.mx.rfc" => (IdType::Rfc, "MX"),
        "stdnum.mx.curp" => (IdType::Curp, "MX"),
        _ => return None,
    })
}
