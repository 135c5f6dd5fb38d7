//! Customer files the tests drop on the page.

use std::path::{Path, PathBuf};

/// Writes `clientes.csv` into `dir`: three valid customers, as a Spanish Excel saves them
/// (semicolons, CRLF). Gives its path.
pub fn three_customers_csv(dir: &Path) -> PathBuf {
    let file = dir.join("clientes.csv");
    std::fs::write(
        &file,
        "Nombre;Correo\r\nAna;ana@example.com\r\nLuis;luis@example.com\r\nEva;eva@example.com\r\n",
    )
    .unwrap();
    file
}
