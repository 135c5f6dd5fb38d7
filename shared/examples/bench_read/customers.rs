//! Realistic customer files, generated in memory from a seed: names with accents, emails, phones
//! in mixed formats, dates, about a fifth of the fields quoted, a few per cent of invalid values.

/// The columns, as a Latin-American CRM export names them.
pub const COLUMNS: [&str; 15] = [
    "Nombre",
    "Apellido",
    "Correo",
    "Teléfono",
    "Celular",
    "Fecha de nacimiento",
    "Fecha de alta",
    "Empresa",
    "Dirección",
    "Ciudad",
    "País",
    "Cédula",
    "Tipo",
    "Notas",
    "Saldo",
];

const FIRST: [&str; 16] = [
    "Ana",
    "Luis",
    "María José",
    "João",
    "Łucja",
    "Andrés",
    "Sofía",
    "Héctor",
    "Inés",
    "Ñusta",
    "Camila",
    "José",
    "Zoë",
    "François",
    "Renée",
    "Múcio",
];
const LAST: [&str; 16] = [
    "Muñoz",
    "Pérez",
    "González",
    "Gonçalves",
    "Wójcik",
    "Álvarez",
    "Núñez",
    "Ibáñez",
    "Rodríguez",
    "Castañeda",
    "Lima",
    "O'Brien",
    "Smith",
    "Da Silva",
    "Quispe",
    "Böhm",
];
const COMPANIES: [&str; 8] = [
    "Acme S.A.",
    "Tienda Don Pepe",
    "Distribuidora \"El Sol\"",
    "Café, Té y Más",
    "Soluciones Andinas Cía. Ltda.",
    "",
    "Farmacia Salud",
    "Constructora Ñandú",
];
const CITIES: [(&str, &str); 8] = [
    ("Quito", "Ecuador"),
    ("Guayaquil", "Ecuador"),
    ("Bogotá", "Colombia"),
    ("Lima", "Perú"),
    ("São Paulo", "Brasil"),
    ("Ciudad de México", "México"),
    ("Santiago", "Chile"),
    ("Kraków", "Polska"),
];
const NOTES: [&str; 6] = [
    "",
    "Cliente frecuente",
    "Llamar después de las 18:00, no antes",
    "Prefiere correo;\nno llamar",
    "VIP",
    "Pidió factura \"consumidor final\"",
];

/// A small, fast pseudo-random generator (xorshift64*), so a seed always gives the same file.
#[derive(Debug)]
pub struct Random(u64);

impl Random {
    pub fn new(seed: u64) -> Self {
        Random(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// The cells of one customer row.
pub fn row(random: &mut Random, index: u64) -> [String; 15] {
    let first = random.pick(&FIRST);
    let last = random.pick(&LAST);
    let (city, country) = CITIES[random.below(CITIES.len() as u64) as usize];
    let invalid = random.below(100) < 3;
    let email = if invalid {
        format!("{}.{}@", ascii(first), ascii(last))
    } else {
        format!(
            "{}.{}{}@example.com",
            ascii(first),
            ascii(last),
            index % 1000
        )
    };
    let phone = match random.below(4) {
        0 => format!(
            "+593 2 {:03} {:04}",
            random.below(1000),
            random.below(10_000)
        ),
        1 => format!("(02) {:03}-{:04}", random.below(1000), random.below(10_000)),
        2 => format!("02{:07}", random.below(10_000_000)),
        _ => format!("5.93{:05}E+11", random.below(100_000)),
    };
    let mobile = format!("09{:08}", random.below(100_000_000));
    let birth = format!(
        "{:02}/{:02}/{}",
        random.below(28) + 1,
        random.below(12) + 1,
        1940 + random.below(66)
    );
    let signup = format!(
        "{}-{:02}-{:02}",
        2015 + random.below(10),
        random.below(12) + 1,
        random.below(28) + 1
    );
    let street = format!(
        "Av. {} N{}-{}",
        random.pick(&LAST),
        random.below(90),
        random.below(200)
    );
    [
        first.to_owned(),
        last.to_owned(),
        email,
        phone,
        mobile,
        birth,
        signup,
        random.pick(&COMPANIES).to_owned(),
        street,
        city.to_owned(),
        country.to_owned(),
        format!("17{:08}", random.below(100_000_000)),
        random.pick(&["Persona", "Empresa", "Gobierno"]).to_owned(),
        random.pick(&NOTES).to_owned(),
        format!("{}.{:02}", random.below(100_000), random.below(100)),
    ]
}

/// `rows` customers as CSV (comma-separated, CRLF, quoted where needed and sometimes anyway).
pub fn csv(rows: u64, seed: u64) -> Vec<u8> {
    let mut random = Random::new(seed);
    let mut out = String::with_capacity(rows as usize * 190);
    push_record(&mut out, COLUMNS.iter().copied(), &mut random);
    for index in 0..rows {
        let cells = row(&mut random, index);
        push_record(&mut out, cells.iter().map(String::as_str), &mut random);
    }
    out.into_bytes()
}

fn push_record<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>, random: &mut Random) {
    for (column, cell) in cells.enumerate() {
        if column > 0 {
            out.push(',');
        }
        let must_quote = cell.contains([',', '"', '\n', '\r']);
        if must_quote || random.below(100) < 12 {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push_str("\r\n");
}

/// `text` without accents or spaces, for email addresses.
fn ascii(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            'á' | 'à' | 'ã' | 'â' => Some('a'),
            'é' | 'ë' => Some('e'),
            'í' => Some('i'),
            'ó' | 'ö' | 'õ' => Some('o'),
            'ú' => Some('u'),
            'ñ' | 'Ñ' => Some('n'),
            'ç' => Some('c'),
            'Ł' | 'ł' => Some('l'),
            ' ' | '\'' => None,
            c if c.is_ascii() => Some(c.to_ascii_lowercase()),
            _ => Some('x'),
        })
        .collect()
}

/// `rows` customers as an XLSX workbook: text cells, and numbers where a spreadsheet would hold
/// numbers (balances; phones that Excel has turned into numbers).
pub fn xlsx(rows: u64, seed: u64) -> Vec<u8> {
    let mut random = Random::new(seed);
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, name) in COLUMNS.iter().enumerate() {
        sheet
            .write_string(0, column as u16, *name)
            .expect("a header cell");
    }
    for index in 0..rows {
        let sheet_row = index as u32 + 1;
        for (column, cell) in row(&mut random, index).iter().enumerate() {
            let column = column as u16;
            let written = match cell.parse::<f64>() {
                Ok(number) if column == 14 || column == 3 => {
                    sheet.write_number(sheet_row, column, number)
                }
                _ => sheet.write_string(sheet_row, column, cell),
            };
            written.expect("a cell");
        }
    }
    workbook.save_to_buffer().expect("the workbook is written")
}
