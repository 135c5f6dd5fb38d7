//! What the file step shows after reading: what was detected, a preview, samples per column and
//! the suggested mapping.

use clientela_shared::{Profile, suggest_mapping_for_table};

use super::ImportSession;
use crate::protocol::FileOverview;

/// Rows shown in the file step's preview.
const PREVIEW_ROWS: usize = 8;
/// Sample values shown per column in the mapping step.
const SAMPLES_PER_COLUMN: usize = 3;
/// How far down the file samples are looked for.
const SAMPLE_SEARCH_ROWS: usize = 500;

impl ImportSession {
    /// The overview of the table as it was read.
    pub(super) fn overview(&self, profile: &Profile) -> FileOverview {
        let table = &self.table;
        let detection = table.detection();
        let preview = table
            .rows()
            .take(PREVIEW_ROWS)
            .map(|row| row.cells().map(str::to_owned).collect())
            .collect();
        FileOverview {
            name: self.name.clone(),
            format: detection.format.value.name().to_owned(),
            encoding: detection.encoding.as_ref().map(|e| e.value.clone()),
            delimiter: detection.delimiter.as_ref().map(|d| d.value),
            sheet: detection.sheet.as_ref().map(|s| s.value.clone()),
            sheets: detection.sheets.clone(),
            header_line: detection.header_line.value,
            columns: table.columns().to_vec(),
            rows: table.row_count(),
            preview,
            samples: self.samples(),
            mapping: suggest_mapping_for_table(table, profile),
            problems: table.problems().iter().map(ToString::to_string).collect(),
        }
    }

    /// A few distinct non-blank values of every column.
    fn samples(&self) -> Vec<Vec<String>> {
        let mut samples = vec![Vec::<String>::new(); self.table.columns().len()];
        for row in self.table.rows().take(SAMPLE_SEARCH_ROWS) {
            for (column, cell) in row.cells().enumerate() {
                let cell = cell.trim();
                let Some(found) = samples.get_mut(column) else {
                    break;
                };
                if !cell.is_empty()
                    && found.len() < SAMPLES_PER_COLUMN
                    && !found.iter().any(|seen| seen == cell)
                {
                    found.push(cell.to_owned());
                }
            }
        }
        samples
    }
}
