//! The JSON bodies exchanged by the browser and the server.
//!
//! Both sides use these types, and the server re-checks every request with
//! [`check_import_request`]: it never trusts what the browser says.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::api_message::{ApiMessage, FieldProblem};

/// The answer of `GET /api/health`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    /// `"ok"` when the server can reach its database.
    pub status: String,
    /// The server's version.
    pub version: String,
}

/// The body of `POST /api/customers`: rows of a file, as read in the browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRequest {
    /// The name of the file the rows come from, for the record.
    pub file_name: String,
    /// The header names.
    pub columns: Vec<String>,
    /// The rows to store.
    pub rows: Vec<ImportRow>,
}

/// One row of an [`ImportRequest`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRow {
    /// The line of the file the row comes from.
    pub line: u64,
    /// The cells, in column order.
    pub values: Vec<String>,
}

/// What is wrong with one field of a request, as a 422 lists it ([`FieldProblem`] written in
/// the caller's language).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestProblem {
    /// The field of the request that is wrong, such as `rows`.
    pub field: String,
    /// A stable code, such as `rows.too_many`.
    pub code: String,
    /// The problem in words, in the language the request asked for.
    pub message: String,
}

/// The answer to a stored [`ImportRequest`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReceipt {
    /// How many customers were stored.
    pub stored: u64,
}

/// A stored customer, as `GET /api/customers` returns it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    /// The server's identifier.
    pub id: i64,
    /// The file the customer was imported from.
    pub file_name: String,
    /// The line of that file.
    pub line: u64,
    /// The cells of the row, keyed by header name.
    pub fields: BTreeMap<String, String>,
    /// The email of the agent the customer is assigned to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// The group the customer is assigned to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// The answer of `GET /api/customers`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerList {
    /// The customers, oldest first.
    pub customers: Vec<Customer>,
    /// How many customers are stored in all.
    pub total: u64,
}

impl ImportRequest {
    /// Most rows one request may carry; larger files are sent in several requests.
    pub const MAX_ROWS: usize = 5_000;

    /// Each row's cells keyed by header name, with the row's line.
    ///
    /// A cell beyond the last header is kept under `Column N` (1-based), so nothing is lost.
    pub fn records(&self) -> impl Iterator<Item = (u64, BTreeMap<String, String>)> + '_ {
        self.rows.iter().map(|row| {
            let fields = row
                .values
                .iter()
                .enumerate()
                .map(|(i, value)| (self.column_name(i), value.trim().to_owned()))
                .collect();
            (row.line, fields)
        })
    }

    fn column_name(&self, index: usize) -> String {
        match self.columns.get(index) {
            Some(name) if !name.trim().is_empty() => name.trim().to_owned(),
            _ => format!("Column {}", index + 1),
        }
    }
}

/// Checks an [`ImportRequest`] before anything is stored; an empty list means it is fine. The
/// problems are written in the caller's language when the answer is sent.
pub fn check_import_request(request: &ImportRequest) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    if request.columns.iter().all(|c| c.trim().is_empty()) {
        problems.push(FieldProblem::new("columns", ApiMessage::ColumnsMissing));
    }
    if request.rows.is_empty() {
        problems.push(FieldProblem::new("rows", ApiMessage::RowsMissing));
    }
    if request.rows.len() > ImportRequest::MAX_ROWS {
        problems.push(FieldProblem::new(
            "rows",
            ApiMessage::RequestTooManyRows {
                rows: request.rows.len() as u64,
                max: ImportRequest::MAX_ROWS as u64,
            },
        ));
    }
    if let Some(index) = request.rows.iter().position(|r| r.line == 0) {
        problems.push(FieldProblem::new(
            "rows",
            ApiMessage::RowLineMissing {
                row: index as u64 + 1,
            },
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(columns: &[&str], rows: &[&[&str]]) -> ImportRequest {
        ImportRequest {
            file_name: "customers.csv".into(),
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, values)| ImportRow {
                    line: i as u64 + 2,
                    values: values.iter().map(|v| v.to_string()).collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn extra_cells_are_kept_under_a_column_number() {
        let req = request(&["Name", ""], &[&["Ana ", "x", "y"]]);
        let (line, fields) = req.records().next().unwrap();
        assert_eq!(line, 2);
        assert_eq!(fields["Name"], "Ana");
        assert_eq!(fields["Column 2"], "x");
        assert_eq!(fields["Column 3"], "y");
    }

    #[test]
    fn a_good_request_has_no_problems() {
        assert!(check_import_request(&request(&["Name"], &[&["Ana"]])).is_empty());
    }

    #[test]
    fn no_rows_and_no_headers_are_problems() {
        let codes: Vec<&str> = check_import_request(&request(&[" "], &[]))
            .into_iter()
            .map(|p| p.message.code())
            .collect();
        assert_eq!(codes, ["columns.missing", "rows.missing"]);
    }

    #[test]
    fn too_many_rows_is_a_problem() {
        let row: &[&str] = &["Ana"];
        let rows = vec![row; ImportRequest::MAX_ROWS + 1];
        let problems = check_import_request(&request(&["Name"], &rows));
        assert_eq!(problems[0].message.code(), "rows.too_many");
    }

    #[test]
    fn request_round_trips_through_json() {
        let req = request(&["Name"], &[&["Łucja"]]);
        let json = serde_json::to_string(&req).unwrap();
        assert_eq!(serde_json::from_str::<ImportRequest>(&json).unwrap(), req);
    }
}
