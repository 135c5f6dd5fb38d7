//! Throughput of the validation engine on generated rows, natively, on one thread.
//!
//! `cargo run --release -p clientela-shared --example bench_validate -- [ROWS]` (default
//! 1,000,000) generates ROWS × 15 columns of Ecuadorian customers in memory and checks every row
//! with the phone columns ignored, with phones validated (every number different), with phones
//! validated where numbers repeat (the cache answers), and with phones already in E.164 (what the
//! server checks again after the browser). Then it reads the file `cargo xtask gen` writes
//! (customers of eight countries, phones in mixed formats) and validates it with phones. Last,
//! rows where about half have findings (typos, bad emails and documents, unknown statuses),
//! phones ignored, row by row and as a whole report (which keeps every finding and record).
//!
//! `BENCH_ROWS` sets ROWS too (the argument wins); `BENCH_CASE=text` runs only the cases whose
//! label contains `text`, so a profiler sees one case.

// The generator of `cargo xtask gen`, so the mixed-country figure is for the very file users
// try; its workbook writer is not used here.
#[allow(dead_code)]
#[path = "bench_read/customers.rs"]
mod customers;

use std::time::Instant;

use clientela_shared::{
    Mapping, Profile, Target, Validator, read_table, suggest_mapping, suggest_mapping_for_table,
};

const HEADERS: [&str; 15] = [
    "Nombre",
    "Apellido",
    "Correo",
    "Teléfono",
    "Celular",
    "Ciudad",
    "Provincia",
    "Código postal",
    "País",
    "Tipo de documento",
    "Cédula",
    "Estado",
    "Tipo de cliente",
    "Etiquetas",
    "Notas",
];

/// A small deterministic generator (SplitMix64), so every run checks the same rows.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// An Ecuadorian cédula with a correct check digit.
fn cedula(random: &mut Random) -> String {
    let mut digits = vec![1, 7, random.below(6) as u32];
    digits.extend((0..6).map(|_| random.below(10) as u32));
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let p = if i % 2 == 0 { d * 2 } else { d };
            if p > 9 { p - 9 } else { p }
        })
        .sum();
    digits.push((10 - sum % 10) % 10);
    digits
        .iter()
        .map(|d| char::from_digit(*d, 10).unwrap_or('0'))
        .collect()
}

/// How the generated phone cells are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PhoneForm {
    /// As people type them: `(02) 2345678`, `0991234567`.
    National,
    /// As the browser sends them to the server: `+59322345678`.
    E164,
}

fn generate(rows: usize, distinct_phones: u64, form: PhoneForm) -> Vec<Vec<String>> {
    let mut random = Random(42);
    let first = [
        "Ana",
        "Luis",
        "María José",
        "Pedro",
        "Sofía",
        "Jorge",
        "Lucía",
        "Andrés",
    ];
    let last = [
        "Pérez", "Mora", "Gómez", "Vera", "Díaz", "Ortega", "Ramírez", "Cedeño",
    ];
    let cities = [
        ("Quito", "Pichincha"),
        ("Guayaquil", "Guayas"),
        ("Cuenca", "Azuay"),
    ];
    (0..rows)
        .map(|index| {
            let (city, state) = cities[index % cities.len()];
            let phone = 990_000_000 + random.below(distinct_phones);
            let landline = 2_000_000 + random.below(distinct_phones.min(7_000_000));
            let (landline, mobile) = match form {
                PhoneForm::National => (format!("(02) {landline}"), format!("0{phone}")),
                PhoneForm::E164 => (format!("+5932{landline}"), format!("+593{phone}")),
            };
            vec![
                first[random.below(8) as usize].to_owned(),
                last[random.below(8) as usize].to_owned(),
                format!("cliente{index}@example.com"),
                landline,
                mobile,
                city.to_owned(),
                state.to_owned(),
                format!("{}", 170_100 + random.below(900)),
                "EC".to_owned(),
                "Cédula".to_owned(),
                cedula(&mut random),
                ["Activo", "Potencial"][index % 2].to_owned(),
                ["Persona", "Empresa"][index % 2].to_owned(),
                ["VIP", "Newsletter, VIP", ""][index % 3].to_owned(),
                "Cliente desde la feria".to_owned(),
            ]
        })
        .collect()
}

/// Spoils about half of `rows` (every odd one) with a mistake users make, in turn: a typo in
/// the email's domain (a warning with a suggestion), an email without a domain, a cédula with a
/// wrong check digit, an unknown status, a blank first name, a misspelt country, an unknown
/// customer type and two of these at once.
fn spoil(rows: &mut [Vec<String>]) {
    for (index, row) in rows.iter_mut().enumerate().skip(1).step_by(2) {
        match (index / 2) % 8 {
            0 => row[2] = row[2].replace("example.com", "gmial.com"),
            1 => row[2] = row[2].replace("example.com", ""),
            2 => {
                let last = row[10].pop().and_then(|d| d.to_digit(10)).unwrap_or(0);
                row[10].push(char::from_digit((last + 1) % 10, 10).unwrap_or('0'));
            }
            3 => row[11] = "Suspendido".to_owned(),
            4 => row[0] = String::new(),
            5 => row[8] = "Ecuadr".to_owned(),
            6 => row[12] = "Cooperativa".to_owned(),
            _ => {
                row[2] = row[2].replace("example.com", "hotmial.com");
                row[11] = "Suspendido".to_owned();
            }
        }
    }
}

/// The profile of the Ecuadorian cases, and their mapping (phone columns ignored if asked).
fn setup(rows: &[Vec<String>], ignore_phones: bool) -> (Profile, Mapping, Vec<String>) {
    let profile = Profile::from_toml(
        "default_country = \"EC\"\nrequired = [\"first_name\", \"last_name\"]\n\
         at_least_one_of = [[\"email\", \"phone\", \"mobile\"]]",
    )
    .expect("profile");
    let headers: Vec<String> = HEADERS.iter().map(|h| (*h).to_owned()).collect();
    let mut mapping = suggest_mapping(&headers, &rows[..100], &profile);
    if ignore_phones {
        mapping.choose(3, Target::Ignore);
        mapping.choose(4, Target::Ignore);
    }
    (profile, mapping, headers)
}

/// Whether the case labelled `label` runs (`BENCH_CASE` unset, or the start of the label).
fn wanted(label: &str) -> bool {
    std::env::var("BENCH_CASE").map_or(true, |case| label.starts_with(&case))
}

fn run(label: &str, rows: &[Vec<String>], ignore_phones: bool) {
    if !wanted(label) {
        return;
    }
    let (profile, mapping, headers) = setup(rows, ignore_phones);
    let mut validator = Validator::new(&profile, &mapping, &headers);
    let mut cells: Vec<&str> = Vec::with_capacity(15);
    let (mut valid, mut findings) = (0u64, 0usize);
    let start = Instant::now();
    for (index, row) in rows.iter().enumerate() {
        cells.clear();
        cells.extend(row.iter().map(String::as_str));
        let verdict = validator.check_row(index as u64 + 2, &cells);
        valid += u64::from(verdict.is_valid());
        findings += verdict.findings.len();
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{label:<44} {:>9} rows in {seconds:>6.2} s = {:>9.0} rows/s ({valid} valid, {findings} findings)",
        rows.len(),
        rows.len() as f64 / seconds
    );
}

/// Validates `rows` as a whole file: the report keeps every row's findings and record, as the
/// command line and the browser's worker do.
fn run_report(label: &str, rows: &[Vec<String>]) {
    if !wanted(label) {
        return;
    }
    let (profile, mapping, headers) = setup(rows, true);
    let mut validator = Validator::new(&profile, &mapping, &headers);
    let start = Instant::now();
    let report = validator.validate_rows(rows.iter().enumerate().map(|(index, row)| {
        let cells: [&str; 15] = std::array::from_fn(|column| row[column].as_str());
        (index as u64 + 2, cells)
    }));
    let seconds = start.elapsed().as_secs_f64();
    let findings: usize = report.rows.iter().map(|row| row.issues.len()).sum();
    println!(
        "{label:<44} {:>9} rows in {seconds:>6.2} s = {:>9.0} rows/s ({} valid, {findings} findings)",
        rows.len(),
        rows.len() as f64 / seconds,
        report.summary.valid
    );
    let start = Instant::now();
    drop(report);
    println!(
        "{:<44} {:>9} rows in {:>6.2} s",
        "  (dropping that report)",
        rows.len(),
        start.elapsed().as_secs_f64()
    );
}

/// Validates the mixed-country file `cargo xtask gen` writes, read as a user's file is, with
/// phones: the country column decides how each number is read.
fn run_generated_file(rows: usize) {
    let label = "mixed-country gen file, phones validated";
    if !wanted(label) {
        return;
    }
    let file = customers::csv(rows as u64, 1);
    let table = read_table(&file).expect("the generated file reads");
    let profile = Profile::from_toml(
        "default_country = \"EC\"\nrequired = [\"first_name\", \"last_name\"]\n\
         at_least_one_of = [[\"email\", \"phone\", \"mobile\"]]",
    )
    .expect("profile");
    let mapping = suggest_mapping_for_table(&table, &profile);
    let mut validator = Validator::new(&profile, &mapping, table.columns());
    let mut cells: Vec<&str> = Vec::with_capacity(15);
    let (mut valid, mut findings) = (0u64, 0usize);
    let start = Instant::now();
    for row in table.rows() {
        cells.clear();
        cells.extend(row.cells());
        let verdict = validator.check_row(row.line(), &cells);
        valid += u64::from(verdict.is_valid());
        findings += verdict.findings.len();
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{label:<44} {:>9} rows in {seconds:>6.2} s = {:>9.0} rows/s ({valid} valid, {findings} findings)",
        table.row_count(),
        table.row_count() as f64 / seconds
    );
}

fn main() {
    let rows: usize = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("BENCH_ROWS").ok())
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let distinct = generate(rows, 7_000_000, PhoneForm::National);
    run("phones ignored", &distinct, true);
    if std::env::var_os("BENCH_ONLY_WITHOUT_PHONES").is_some() {
        return;
    }
    run(
        "2 phones per row validated, all different",
        &distinct,
        false,
    );
    drop(distinct);
    if wanted("half") || wanted("same") {
        // Generated again rather than copied, so that one file at a time is in memory.
        let mut spoilt = generate(rows, 7_000_000, PhoneForm::National);
        spoil(&mut spoilt);
        run("half the rows with findings, phones ignored", &spoilt, true);
        run_report("same, as a whole report", &spoilt);
    }
    if wanted("2 phones per row validated, 1,000") {
        let repeated = generate(rows, 1_000, PhoneForm::National);
        run(
            "2 phones per row validated, 1,000 repeated",
            &repeated,
            false,
        );
    }
    if wanted("2 phones per row already") {
        let e164 = generate(rows, 7_000_000, PhoneForm::E164);
        run("2 phones per row already in E.164, different", &e164, false);
    }
    run_generated_file(rows);
}
