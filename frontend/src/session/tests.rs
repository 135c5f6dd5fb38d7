use clientela_shared::{Language, Profile, Target};

use super::ImportSession;
use crate::protocol::{
    BulkFix, Change, FileOverview, Overrides, RecordDefaults, Request, Response, RowFilter,
};

const FILE: &str = "Nombre;Correo;Celular\n\
                    Ana;ana@gmial.com;0991234567\n\
                    Luis;luis@;0991234568\n\
                    ;;\n\
                    Eva;eva@example.com;0991234569\n\
                    Eva B;eva@example.com;0991234570\n";

fn profile() -> Profile {
    Profile::from_toml("default_country = \"EC\"\nunique = [\"email\"]").unwrap()
}

fn opened() -> (ImportSession, FileOverview) {
    ImportSession::open("clientes.csv".into(), FILE.as_bytes().to_vec(), &profile()).unwrap()
}

fn validated() -> ImportSession {
    let (mut session, overview) = opened();
    let response = session.handle(Request::Validate {
        profile: profile(),
        mapping: overview.mapping,
        language: Language::Es,
    });
    assert!(matches!(response, Response::Validated(_)), "{response:?}");
    session
}

fn counts(session: &mut ImportSession) -> crate::protocol::ReviewCounts {
    match session.handle(Request::BulkFix { fix: BulkFix::Trim }) {
        Response::Changed(Change { counts, .. }) => counts,
        other => panic!("{other:?}"),
    }
}

#[test]
fn opening_a_file_tells_what_was_read_and_suggests_a_mapping() {
    let (_, overview) = opened();
    assert_eq!(overview.format, "csv");
    assert_eq!(overview.delimiter, Some(';'));
    assert_eq!(overview.columns, ["Nombre", "Correo", "Celular"]);
    assert_eq!(overview.rows, 4);
    assert_eq!(
        overview.samples[1],
        ["ana@gmial.com", "luis@", "eva@example.com"]
    );
    let targets: Vec<&Target> = overview.mapping.columns.iter().map(|c| &c.target).collect();
    assert_eq!(
        format!("{targets:?}"),
        "[Field(FullName), Field(Email), Field(Mobile)]"
    );
}

#[test]
fn a_file_that_cannot_be_read_gives_a_message() {
    let err =
        ImportSession::open("x.xlsx".into(), b"PK\x03\x04broken".to_vec(), &profile()).unwrap_err();
    assert!(!err.is_empty());
}

#[test]
fn rereading_with_another_delimiter_changes_the_columns() {
    let (mut session, _) = opened();
    let response = session.handle(Request::Reread {
        overrides: Overrides {
            delimiter: Some(','),
            ..Overrides::default()
        },
        profile: profile(),
    });
    let Response::Opened(overview) = response else {
        panic!("{response:?}")
    };
    assert_eq!(overview.columns, ["Nombre;Correo;Celular"]);
}

/// Reads the open file again with `overrides`; the preview's first cell.
fn reread_first_cell(session: &mut ImportSession, overrides: Overrides) -> String {
    let response = session.handle(Request::Reread {
        overrides,
        profile: profile(),
    });
    let Response::Opened(overview) = response else {
        panic!("{response:?}")
    };
    overview.preview[0][0].clone()
}

fn encoding(label: &str) -> Overrides {
    Overrides {
        encoding: Some(label.to_owned()),
        ..Overrides::default()
    }
}

#[test]
fn a_utf8_file_is_held_once_and_read_again_from_the_table() {
    let bytes = "Nombre;Correo\nMuñoz;m@x.com\n".as_bytes().to_vec();
    let (mut session, _) = ImportSession::open("u.csv".into(), bytes, &profile()).unwrap();
    assert!(session.original.is_none(), "the table holds the file");
    assert_eq!(
        reread_first_cell(&mut session, encoding("windows-1252")),
        "MuÃ±oz"
    );
    assert!(
        session.original.is_some(),
        "the file's bytes stay for the next choice"
    );
    assert_eq!(reread_first_cell(&mut session, encoding("utf-8")), "Muñoz");
    assert_eq!(
        reread_first_cell(&mut session, Overrides::default()),
        "Muñoz"
    );
}

#[test]
fn a_windows_1252_file_keeps_its_bytes_for_reading_again() {
    let bytes = b"Nombre;Correo\nMu\xf1oz;m@x.com\n".to_vec();
    let (mut session, overview) = ImportSession::open("w.csv".into(), bytes, &profile()).unwrap();
    assert_eq!(overview.preview[0][0], "Muñoz");
    assert!(session.original.is_some());
    let semicolon_read_as_comma = Overrides {
        delimiter: Some(','),
        ..Overrides::default()
    };
    assert_eq!(
        reread_first_cell(&mut session, semicolon_read_as_comma),
        "Muñoz;m@x.com"
    );
}

#[test]
fn utf16_without_a_byte_order_mark_is_not_taken_for_utf8() {
    let bytes: Vec<u8> = "Nombre;Correo\nMuñoz;m@x.com\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let (mut session, overview) = ImportSession::open("w.csv".into(), bytes, &profile()).unwrap();
    assert_eq!(overview.encoding.as_deref(), Some("utf-16le"));
    assert!(session.original.is_some());
    assert_eq!(
        reread_first_cell(&mut session, encoding("utf-16le")),
        "Muñoz"
    );
}

#[test]
fn validation_counts_rows_and_marks_cells_in_the_users_language() {
    let mut session = validated();
    let counts = counts(&mut session);
    assert_eq!((counts.rows, counts.errors, counts.warnings), (4, 3, 1));
    let Response::Rows(window) = session.handle(Request::Rows {
        filter: RowFilter::Errors,
        start: 0,
        count: 10,
    }) else {
        panic!()
    };
    assert_eq!(window.total, 3);
    let luis = &window.rows[0];
    assert_eq!((luis.index, luis.line), (1, 3));
    assert_eq!(luis.issues[0].column, Some(1));
    assert!(
        luis.issues[0].message.contains("no es"),
        "{:?}",
        luis.issues
    );
}

#[test]
fn a_row_left_out_is_counted_once_and_only_under_left_out() {
    let mut session = validated();
    // Luis (row 1) has an error; leaving him out moves him from "with errors" to "left out".
    session.handle(Request::Exclude {
        row: 1,
        excluded: true,
    });
    let counts = counts(&mut session);
    assert_eq!(
        (counts.rows, counts.ready, counts.errors, counts.excluded),
        (4, 1, 2, 1)
    );
    assert_eq!(counts.ready + counts.errors + counts.excluded, counts.rows);
    let total = |session: &mut ImportSession, filter| match session.handle(Request::Rows {
        filter,
        start: 0,
        count: 10,
    }) {
        Response::Rows(window) => window.total,
        other => panic!("{other:?}"),
    };
    assert_eq!(total(&mut session, RowFilter::Errors), 2);
    assert_eq!(total(&mut session, RowFilter::Excluded), 1);
}

#[test]
fn the_rows_speak_the_language_the_user_switches_to() {
    let mut session = validated();
    let response = session.handle(Request::SetLanguage {
        language: Language::En,
    });
    assert!(matches!(response, Response::Changed(_)), "{response:?}");
    let Response::Rows(window) = session.handle(Request::Rows {
        filter: RowFilter::Errors,
        start: 0,
        count: 1,
    }) else {
        panic!()
    };
    let message = &window.rows[0].issues[0].message;
    assert!(!message.contains("no es"), "{message}");
}

#[test]
fn editing_a_cell_rechecks_the_row_and_its_duplicate_partner() {
    let mut session = validated();
    let Response::Changed(Change { counts, .. }) = session.handle(Request::Edit {
        row: 3,
        column: 1,
        value: "eva.b@example.com".into(),
    }) else {
        panic!()
    };
    // Luis is still wrong; both Evas are fine now.
    assert_eq!(counts.errors, 1);
    let Response::Rows(window) = session.handle(Request::Rows {
        filter: RowFilter::All,
        start: 2,
        count: 2,
    }) else {
        panic!()
    };
    assert!(
        window.rows.iter().all(|row| row.issues.is_empty()),
        "{window:?}"
    );
    assert_eq!(window.rows[1].cells[1], "eva.b@example.com");
}

#[test]
fn leaving_out_a_duplicate_clears_its_partner() {
    let mut session = validated();
    // Both Evas share an email (rows 2 and 3): each is wrong, as is Luis.
    assert_eq!(counts_now(&mut session).errors, 3);
    let Response::Changed(Change { counts, .. }) = session.handle(Request::Exclude {
        row: 3,
        excluded: true,
    }) else {
        panic!()
    };
    // The first Eva is imported alone: nothing in the file repeats her email any more.
    assert_eq!(counts.errors, 1, "{counts:?}");
    assert_eq!(counts.ready, 2, "{counts:?}");
    let Response::Rows(window) = session.handle(Request::Rows {
        filter: RowFilter::All,
        start: 2,
        count: 1,
    }) else {
        panic!()
    };
    assert!(window.rows[0].issues.is_empty(), "{window:?}");
    // Back in, both are duplicates again.
    session.handle(Request::Exclude {
        row: 3,
        excluded: false,
    });
    assert_eq!(counts_now(&mut session).errors, 3);
}

#[test]
fn next_problem_wraps_around() {
    let mut session = validated();
    let next = |session: &mut ImportSession, after| match session.handle(Request::NextProblem {
        filter: RowFilter::All,
        after,
    }) {
        Response::Position(position) => position,
        other => panic!("{other:?}"),
    };
    assert_eq!(next(&mut session, None), Some(0));
    assert_eq!(next(&mut session, Some(0)), Some(1));
    assert_eq!(next(&mut session, Some(3)), Some(0));
}

#[test]
fn applying_suggestions_fixes_the_email_typo_everywhere() {
    let mut session = validated();
    let Response::Changed(Change { touched, counts }) = session.handle(Request::BulkFix {
        fix: BulkFix::ApplySuggestions,
    }) else {
        panic!()
    };
    assert!(touched >= 1);
    assert_eq!(counts.warnings, 0);
    let Response::Rows(window) = session.handle(Request::Rows {
        filter: RowFilter::All,
        start: 0,
        count: 1,
    }) else {
        panic!()
    };
    assert_eq!(window.rows[0].cells[1], "ana@gmail.com");
}

#[test]
fn batches_carry_only_rows_without_errors_that_were_not_left_out() {
    let mut session = validated();
    session.handle(Request::Edit {
        row: 1,
        column: 1,
        value: "luis@example.com".into(),
    });
    session.handle(Request::Exclude {
        row: 0,
        excluded: true,
    });
    let defaults = RecordDefaults {
        tags: vec!["Feria 2026".into()],
        status: Some("potential".into()),
    };
    let Response::Batch(first) = session.handle(Request::Batch {
        start: 0,
        max: 1,
        defaults,
    }) else {
        panic!()
    };
    assert_eq!(first.rows.len(), 1);
    assert_eq!(first.rows[0].line, 3);
    assert_eq!(first.rows[0].record.get("email"), Some("luis@example.com"));
    assert_eq!(first.rows[0].record.tags, ["Feria 2026"]);
    assert_eq!(first.rows[0].record.get("status"), Some("potential"));
    assert_eq!(first.next, Some(2));
    let Response::Batch(rest) = session.handle(Request::Batch {
        start: 2,
        max: 100,
        defaults: RecordDefaults::default(),
    }) else {
        panic!()
    };
    // The two Evas share an email: both stay out until one is fixed.
    assert!(rest.rows.is_empty());
    assert_eq!(rest.next, None);
}

#[test]
fn the_problems_file_lists_rows_not_sent_with_their_line_and_reason_in_the_users_language() {
    let mut session = validated();
    let Response::Csv(csv) = session.handle(Request::ProblemsCsv) else {
        panic!()
    };
    let lines: Vec<&str> = csv.lines().collect();
    // In the file's own separator, so the user's spreadsheet opens it as it opened the file.
    assert_eq!(lines[0], "Nombre;Correo;Celular;Línea;Problema");
    assert!(lines[1].starts_with("Luis;luis@;0991234568;3;"), "{csv}");
    assert_eq!(lines.len(), 4, "{csv}");
}

/// A file of `rows` customers with every kind of row the review tells apart: duplicate emails,
/// invalid emails, email typos (warnings with a suggestion), a blank line now and then (not a
/// row), and a column kept as additional data.
fn generated_file(rows: usize) -> String {
    let mut file = String::from("Nombre;Correo;Celular;Color\n");
    for row in 0..rows {
        let email = match row % 7 {
            0 => format!("c{}@example.com", row % 50),
            1 => format!("c{row}@"),
            2 => format!("c{row}@gmial.com"),
            _ => format!("c{row}@example.com"),
        };
        file.push_str(&format!("Cliente {row};{email};09912{row:05};azul\n"));
        if row % 13 == 0 {
            file.push_str(";;;\n");
        }
    }
    file
}

/// Every row of the review, its counts and its batches are what a whole [`Report`] of the same
/// file says (the review keeps only a few bytes per row and builds the rest again).
#[test]
fn the_review_shows_and_sends_what_the_whole_report_says() {
    use clientela_shared::{RowStatus, Validator};

    let file = generated_file(600);
    let (mut session, overview) =
        ImportSession::open("c.csv".into(), file.into_bytes(), &profile()).unwrap();
    let mapping = overview.mapping;
    let report = {
        let table = &session.table;
        let mut validator = Validator::new(&profile(), &mapping, table.columns());
        validator.validate_table(table)
    };
    assert!(report.summary.invalid > 100 && report.summary.warnings > 50);
    session.handle(Request::Validate {
        profile: profile(),
        mapping,
        language: Language::En,
    });
    let mut shown = Vec::new();
    for start in (0..report.rows.len()).step_by(500) {
        let Response::Rows(window) = session.handle(Request::Rows {
            filter: RowFilter::All,
            start,
            count: 500,
        }) else {
            panic!()
        };
        shown.extend(window.rows);
    }
    assert_eq!(shown.len(), report.rows.len());
    for (row, full) in shown.iter().zip(&report.rows) {
        assert_eq!(row.line, full.line);
        let codes: Vec<&str> = row.issues.iter().map(|issue| issue.code.as_str()).collect();
        let expected: Vec<&str> = full.issues.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, expected, "line {}", full.line);
        let messages: Vec<&str> = row.issues.iter().map(|i| i.message.as_str()).collect();
        let expected: Vec<String> = full
            .issues
            .iter()
            .map(|f| f.message(Language::En))
            .collect();
        assert_eq!(messages, expected, "line {}", full.line);
    }
    let mut total = |filter| match session.handle(Request::Rows {
        filter,
        start: 0,
        count: 1,
    }) {
        Response::Rows(window) => window.total,
        other => panic!("{other:?}"),
    };
    assert_eq!(total(RowFilter::Warnings) as u64, report.summary.warnings);
    assert_eq!(total(RowFilter::Errors) as u64, report.summary.invalid);
    let Response::Batch(batch) = session.handle(Request::Batch {
        start: 0,
        max: 10_000,
        defaults: RecordDefaults::default(),
    }) else {
        panic!()
    };
    let expected: Vec<_> = report
        .rows
        .iter()
        .filter(|row| row.status == RowStatus::Valid)
        .map(|row| (row.line, row.record.clone().unwrap()))
        .collect();
    let sent: Vec<_> = batch
        .rows
        .into_iter()
        .map(|row| (row.line, row.record))
        .collect();
    assert_eq!(sent, expected);
    assert!(sent[0].1.extra.contains_key("Color"));
}

#[test]
fn requests_about_rows_before_validation_are_refused() {
    let (mut session, _) = opened();
    let response = session.handle(Request::Rows {
        filter: RowFilter::All,
        start: 0,
        count: 10,
    });
    assert!(matches!(response, Response::Failed(_)));
}

#[test]
fn every_response_survives_the_trip_between_threads() {
    let responses = [
        Response::Failed("no".into()),
        Response::Csv("a,b\r\n".into()),
        Response::Position(Some(3)),
        Response::Position(None),
        Response::Workbook(b"PK\x03\x04".to_vec()),
    ];
    for response in responses {
        let json = serde_json::to_string(&response).unwrap();
        assert_eq!(serde_json::from_str::<Response>(&json).unwrap(), response);
    }
    for request in [
        Request::ProblemsCsv,
        Request::XlsxTemplate {
            profile: profile(),
            language: Language::Pl,
        },
    ] {
        let json = serde_json::to_string(&request).unwrap();
        assert_eq!(serde_json::from_str::<Request>(&json).unwrap(), request);
    }
}

/// A session whose check was shared with a helper (its half crossing as JSON, as between
/// workers), or whose helper failed, reviews the file exactly as one that checked it alone:
/// counts, rows, duplicates across the halves, and edits after.
#[test]
fn a_check_shared_with_a_helper_is_the_same_as_one_alone() {
    let file = generated_file(60_000);
    let open = || ImportSession::open("c.csv".into(), file.clone().into_bytes(), &profile());
    let (mut alone, overview) = open().unwrap();
    let mapping = overview.mapping;
    let validate = Request::Validate {
        profile: profile(),
        mapping: mapping.clone(),
        language: Language::Es,
    };
    let mut phones_as_data = mapping.clone();
    phones_as_data.columns[2].target = Target::Extra;
    assert!(
        alone.helper_share(&profile(), &phones_as_data).is_none(),
        "without phones, this worker checks alone"
    );
    let Response::Validated(expected) = alone.handle(validate) else {
        panic!()
    };
    for helper_works in [true, false] {
        let (mut shared, _) = open().unwrap();
        let counts = checked_with_helper(&mut shared, &mapping, helper_works);
        assert_eq!(counts, expected);
        // Row 0 takes the email of a row in the helper's half, then each is asked about.
        for session in [&mut alone, &mut shared] {
            session.handle(Request::Edit {
                row: 0,
                column: 1,
                value: "c59000@example.com".into(),
            });
        }
        for (filter, start) in [
            (RowFilter::All, 0),
            (RowFilter::All, 30_000),
            (RowFilter::All, 55_000),
            (RowFilter::Errors, 0),
            (RowFilter::Warnings, 20_000),
        ] {
            let request = Request::Rows {
                filter,
                start,
                count: 500,
            };
            assert_eq!(shared.handle(request.clone()), alone.handle(request));
        }
        assert_eq!(counts_now(&mut shared), counts_now(&mut alone));
        assert!(
            counts_now(&mut shared).errors > expected.errors,
            "a new duplicate"
        );
        let (mut fresh, _) = open().unwrap();
        let Response::Validated(_) = fresh.handle(Request::Validate {
            profile: profile(),
            mapping: mapping.clone(),
            language: Language::Es,
        }) else {
            panic!()
        };
        alone = fresh;
    }
}

/// The counts as they are, without changing anything.
fn counts_now(session: &mut ImportSession) -> crate::protocol::ReviewCounts {
    match session.handle(Request::SetLanguage {
        language: Language::Es,
    }) {
        Response::Changed(Change { counts, .. }) => counts,
        other => panic!("{other:?}"),
    }
}

/// Rows left out before the rows are checked again stay out of the in-file duplicates, whether
/// this worker checks alone or shares the check with a helper.
#[test]
fn rows_left_out_duplicate_nothing_when_checked_again_alone_or_shared() {
    let file = generated_file(60_000);
    let mapping = || opened_big(&file).1.mapping;
    let validate = || Request::Validate {
        profile: profile(),
        mapping: mapping(),
        language: Language::Es,
    };
    let mut sessions = Vec::new();
    for shared in [false, true] {
        let (mut session, _) = opened_big(&file);
        session.handle(validate());
        // Row 50,000 (in a helper's half) takes row 53's email (no other row has it), then is
        // left out.
        let email = match session.handle(Request::Rows {
            filter: RowFilter::All,
            start: 53,
            count: 1,
        }) {
            Response::Rows(window) => window.rows[0].cells[1].clone(),
            other => panic!("{other:?}"),
        };
        session.handle(Request::Edit {
            row: 50_000,
            column: 1,
            value: email,
        });
        session.handle(Request::Exclude {
            row: 50_000,
            excluded: true,
        });
        let counts = if shared {
            checked_with_helper(&mut session, &mapping(), true)
        } else {
            match session.handle(validate()) {
                Response::Validated(counts) => counts,
                other => panic!("{other:?}"),
            }
        };
        let Response::Rows(window) = session.handle(Request::Rows {
            filter: RowFilter::All,
            start: 53,
            count: 1,
        }) else {
            panic!()
        };
        let duplicate = |issue: &crate::protocol::CellIssue| issue.code == "unique.duplicate";
        assert!(
            !window.rows[0].issues.iter().any(duplicate),
            "row 53 is no duplicate of the row left out: {window:?}"
        );
        sessions.push(counts);
    }
    assert_eq!(sessions[0], sessions[1]);
    assert_eq!(sessions[0].excluded, 1);
}

/// Checks `session`'s rows with `mapping` as the worker does with a helper: the helper's half is
/// packed, checked as the helper checks it (its answer sent through JSON), and appended; when
/// the helper does not work, this worker checks that half itself.
fn checked_with_helper(
    session: &mut ImportSession,
    mapping: &clientela_shared::Mapping,
    helper_works: bool,
) -> crate::protocol::ReviewCounts {
    use crate::session::check_packed_rows;

    let share = session
        .helper_share(&profile(), mapping)
        .expect("a big file");
    let Request::CheckRows {
        profile: rules,
        mapping: columns,
        headers,
    } = &share.request
    else {
        panic!()
    };
    let answer = check_packed_rows(rules, columns, headers, &share.packed);
    let answer: Response = serde_json::from_str(&serde_json::to_string(&answer).unwrap()).unwrap();
    let Response::RowsChecked(shard) = answer else {
        panic!("{answer:?}")
    };
    let review = session.review_before(&share, &profile(), mapping, Language::Es);
    let shard = helper_works.then_some(shard);
    match session.complete_review(review, share, shard) {
        Response::Validated(counts) => counts,
        other => panic!("{other:?}"),
    }
}

fn opened_big(file: &str) -> (ImportSession, FileOverview) {
    ImportSession::open("c.csv".into(), file.as_bytes().to_vec(), &profile()).unwrap()
}

#[test]
fn the_counts_say_why_the_file_cannot_be_sent_at_all() {
    let (mut session, overview) = opened();
    let too_many = "El archivo tiene 4 filas; una importación con este perfil admite como \
                    máximo 3. Divida el archivo.";
    let no_id = "Ninguna columna está asignada al campo obligatorio Número de documento.";
    let cases = [
        ("", vec![]),
        ("max_rows = 4", vec![]),
        ("max_rows = 3", vec![too_many]),
        (
            "max_rows = 3\nrequired = [\"id_number\"]",
            vec![no_id, too_many],
        ),
    ];
    for (toml, errors) in cases {
        session.handle(Request::Validate {
            profile: Profile::from_toml(toml).unwrap(),
            mapping: overview.mapping.clone(),
            language: Language::Es,
        });
        let counts = counts(&mut session);
        assert_eq!(counts.rows, 4, "the blank row does not count");
        assert_eq!(counts.file_errors, errors, "{toml}");
    }
}
