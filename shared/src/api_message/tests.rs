use super::*;
use crate::schema::profile_error::ProfileErrorKind;

fn profile_errors() -> Vec<ProfileError> {
    let key = || "vip".to_owned();
    [
        ProfileErrorKind::Syntax {
            message: "expected `=`".into(),
            line: Some(3),
        },
        ProfileErrorKind::Syntax {
            message: "expected `=`".into(),
            line: None,
        },
        ProfileErrorKind::UnknownField { key: key() },
        ProfileErrorKind::UnknownCountry { code: "XX".into() },
        ProfileErrorKind::CustomShadowsBuiltIn { key: key() },
        ProfileErrorKind::SelectWithoutOptions { key: key() },
    ]
    .into_iter()
    .map(ProfileError::new)
    .collect()
}

/// One message of every variant, those with a count with 1, 3 and 5 of it, and every profile
/// error.
fn every_message() -> Vec<ApiMessage> {
    let text = |s: &str| s.to_owned();
    let mut messages = vec![
        ApiMessage::RequestInvalid,
        ApiMessage::BadJson {
            detail: text("missing field `name`"),
        },
        ApiMessage::BadBody {
            detail: text("invalid utf-8"),
        },
        ApiMessage::BadQuery {
            detail: text("invalid digit"),
        },
        ApiMessage::BadPath {
            detail: text("invalid digit"),
        },
        ApiMessage::BodyTooLarge { max_mib: 16 },
        ApiMessage::MethodNotAllowed,
        ApiMessage::Unauthorized,
        ApiMessage::NotFound,
        ApiMessage::RateLimited {
            retry_after_seconds: 2,
        },
        ApiMessage::Internal,
        ApiMessage::RequestTimeout { seconds: 120 },
        ApiMessage::ValueRefused(
            crate::validation::finding::Finding::error(crate::validation::code::Code::TagUnknown)
                .with("value", "vip"),
        ),
        ApiMessage::CsrfHeaderMissing {
            header: text("x-clientela-csrf"),
        },
        ApiMessage::AgentAssignsOnlyOwn,
        ApiMessage::ImportChangeNotAllowed,
        ApiMessage::UserExists {
            email: text("ana@example.com"),
        },
        ApiMessage::LastAdmin,
        ApiMessage::ImportClosed,
        ApiMessage::BatchChanged { seq: 3 },
        ApiMessage::BatchRetry,
        ApiMessage::ImportReverted,
        ApiMessage::ImportNotEmpty,
        ApiMessage::ColumnsMissing,
        ApiMessage::RowsMissing,
        ApiMessage::RowLineMissing { row: 4 },
        ApiMessage::AssigneeAgentUnknown {
            email: text("ana@example.com"),
        },
        ApiMessage::AssigneeGroupUnknown {
            name: text("Norte"),
        },
        ApiMessage::KeyInvalid { key: text("Fecha") },
        ApiMessage::KeyRepeated { key: text("vip") },
        ApiMessage::LabelBlank { key: text("vip") },
        ApiMessage::OptionBlank { key: text("vip") },
        ApiMessage::OptionRepeated {
            key: text("vip"),
            option: text("Oro"),
        },
        ApiMessage::EmailInvalid { email: text("ana") },
        ApiMessage::NameBlank,
        ApiMessage::FileNameBlank,
    ];
    for role in [Role::Agent, Role::Supervisor, Role::Admin] {
        messages.push(ApiMessage::RoleRequired { role });
    }
    for count in [1, 3, 5] {
        messages.extend([
            ApiMessage::ImportLinesStored {
                lines: (1..=count).collect(),
            },
            ApiMessage::BatchTooManyRows {
                rows: count + 1,
                max: count,
            },
            ApiMessage::RequestTooManyRows {
                rows: count,
                max: count,
            },
            ApiMessage::ImportTooManyRows {
                rows: count + 1,
                max: count,
            },
            ApiMessage::PasswordShort { min: count },
            ApiMessage::GroupNameInvalid { max: count },
            ApiMessage::ProfileNameInvalid { max: count },
            ApiMessage::ListNameInvalid { max: count },
            ApiMessage::ClientIdInvalid { max: count },
            ApiMessage::MembersUnknown {
                emails: (1..=count).map(|n| format!("{n}@example.com")).collect(),
            },
        ]);
    }
    for error in profile_errors() {
        messages.push(ApiMessage::CustomFieldInvalid(error.clone()));
        messages.push(ApiMessage::ProfileInvalid(error));
    }
    messages
}

/// The variant's place in the declaration. No catch-all: a new variant fails to compile here
/// until it is added, and then [`every_variant_is_written_in_every_language`] fails until
/// [`every_message`] has one.
fn variant(message: &ApiMessage) -> usize {
    match message {
        ApiMessage::RequestInvalid => 0,
        ApiMessage::BadJson { .. } => 1,
        ApiMessage::BadBody { .. } => 2,
        ApiMessage::BadQuery { .. } => 3,
        ApiMessage::BadPath { .. } => 4,
        ApiMessage::BodyTooLarge { .. } => 5,
        ApiMessage::MethodNotAllowed => 6,
        ApiMessage::Unauthorized => 7,
        ApiMessage::NotFound => 8,
        ApiMessage::RateLimited { .. } => 9,
        ApiMessage::Internal => 10,
        ApiMessage::CsrfHeaderMissing { .. } => 11,
        ApiMessage::RoleRequired { .. } => 12,
        ApiMessage::AgentAssignsOnlyOwn => 13,
        ApiMessage::ImportChangeNotAllowed => 14,
        ApiMessage::UserExists { .. } => 15,
        ApiMessage::LastAdmin => 16,
        ApiMessage::ImportClosed => 17,
        ApiMessage::ImportLinesStored { .. } => 18,
        ApiMessage::BatchChanged { .. } => 19,
        ApiMessage::BatchRetry => 20,
        ApiMessage::ImportReverted => 21,
        ApiMessage::ImportNotEmpty => 22,
        ApiMessage::BatchTooManyRows { .. } => 23,
        ApiMessage::RequestTooManyRows { .. } => 24,
        ApiMessage::ColumnsMissing => 25,
        ApiMessage::RowsMissing => 26,
        ApiMessage::RowLineMissing { .. } => 27,
        ApiMessage::AssigneeAgentUnknown { .. } => 28,
        ApiMessage::AssigneeGroupUnknown { .. } => 29,
        ApiMessage::KeyInvalid { .. } => 30,
        ApiMessage::KeyRepeated { .. } => 31,
        ApiMessage::LabelBlank { .. } => 32,
        ApiMessage::OptionBlank { .. } => 33,
        ApiMessage::OptionRepeated { .. } => 34,
        ApiMessage::CustomFieldInvalid(_) => 35,
        ApiMessage::ProfileInvalid(_) => 36,
        ApiMessage::EmailInvalid { .. } => 37,
        ApiMessage::NameBlank => 38,
        ApiMessage::PasswordShort { .. } => 39,
        ApiMessage::GroupNameInvalid { .. } => 40,
        ApiMessage::ProfileNameInvalid { .. } => 41,
        ApiMessage::ListNameInvalid { .. } => 42,
        ApiMessage::MembersUnknown { .. } => 43,
        ApiMessage::ClientIdInvalid { .. } => 44,
        ApiMessage::FileNameBlank => 45,
        ApiMessage::RequestTimeout { .. } => 46,
        ApiMessage::ValueRefused(_) => 47,
        ApiMessage::ImportTooManyRows { .. } => 48,
    }
}

const VARIANTS: usize = 49;

#[test]
fn every_variant_is_written_in_every_language() {
    let messages = every_message();
    let mut seen = [false; VARIANTS];
    for message in &messages {
        seen[variant(message)] = true;
        assert!(!message.code().is_empty());
        for language in Language::ALL {
            let text = message.text(language);
            assert!(!text.trim().is_empty(), "{message:?} in {language}");
            assert!(!text.contains('{'), "a placeholder is left: {text}");
        }
    }
    let missing: Vec<usize> = (0..VARIANTS).filter(|&i| !seen[i]).collect();
    assert!(missing.is_empty(), "variants without a sample: {missing:?}");
}

#[test]
fn the_other_languages_are_not_english() {
    for message in every_message() {
        if matches!(message, ApiMessage::NotFound) || message.code().starts_with("request.bad") {
            // Short, or quoting the reader's English: only the lead words differ.
            continue;
        }
        let english = message.text(Language::En);
        for language in [Language::Es, Language::Pt, Language::Pl] {
            assert_ne!(message.text(language), english, "{message:?} in {language}");
        }
    }
}

#[test]
fn english_keeps_the_api_s_historical_words() {
    let said = |message: ApiMessage| message.text(Language::En);
    assert_eq!(
        said(ApiMessage::RateLimited {
            retry_after_seconds: 7
        }),
        "Too many requests. Try again in 7 s."
    );
    assert_eq!(
        said(ApiMessage::OptionRepeated {
            key: "tier".into(),
            option: "Gold".into()
        }),
        "The field tier offers \"Gold\" twice."
    );
    assert_eq!(
        said(ApiMessage::BatchRetry),
        "Another import stored some of these customers at the same moment. Send the batch again."
    );
    assert_eq!(
        said(ApiMessage::ProfileInvalid(profile_errors().remove(0))),
        "the profile is not valid TOML at line 3: expected `=`"
    );
}

#[test]
fn polish_counts_take_their_three_forms() {
    let password = |min| ApiMessage::PasswordShort { min }.text(Language::Pl);
    assert_eq!(password(1), "Hasło musi mieć co najmniej 1 znak.");
    assert_eq!(password(3), "Hasło musi mieć co najmniej 3 znaki.");
    assert_eq!(password(8), "Hasło musi mieć co najmniej 8 znaków.");
    assert_eq!(password(22), "Hasło musi mieć co najmniej 22 znaki.");
    assert_eq!(password(12), "Hasło musi mieć co najmniej 12 znaków.");
    let batch = |max| ApiMessage::BatchTooManyRows { rows: 9_999, max }.text(Language::Pl);
    assert_eq!(
        batch(5_000),
        "Partia może mieć najwyżej 5000 wierszy; ta ma 9999."
    );
    assert_eq!(batch(2), "Partia może mieć najwyżej 2 wiersze; ta ma 9999.");
}

#[test]
fn the_import_row_limit_says_one_row_and_several_apart() {
    let limit = |max, language| ApiMessage::ImportTooManyRows { rows: 4, max }.text(language);
    assert_eq!(
        limit(1, Language::En),
        "An import with this profile takes at most 1 row; with this batch, this import would \
         have 4. Split the file."
    );
    assert!(limit(3, Language::En).contains("at most 3 rows;"));
    assert!(limit(1, Language::Es).contains("como máximo 1 fila;"));
    assert!(limit(3, Language::Pt).contains("no máximo 3 linhas;"));
    assert!(limit(2, Language::Pl).contains("najwyżej 2 wiersze;"));
}

#[test]
fn one_line_and_several_lines_are_said_apart() {
    let stored = |lines: Vec<u64>| ApiMessage::ImportLinesStored { lines };
    assert_eq!(
        stored(vec![7]).text(Language::Es),
        "Esta importación ya guardó la línea 7; quítela del archivo y vuelva a enviar el resto."
    );
    assert_eq!(
        stored(vec![7, 9]).text(Language::Pt),
        "Esta importação já salvou as linhas 7, 9; tire-as do arquivo e envie o restante de novo."
    );
    assert_eq!(
        stored(vec![7, 9]).text(Language::Pl),
        "Ten import zapisał już wiersze 7, 9; usuń je z pliku i wyślij resztę ponownie."
    );
}

#[test]
fn a_field_problem_takes_its_message_s_code() {
    let problem = FieldProblem::new("password", ApiMessage::PasswordShort { min: 8 });
    let sent = problem.to_request_problem(Language::Es);
    assert_eq!(
        (
            sent.field.as_str(),
            sent.code.as_str(),
            sent.message.as_str()
        ),
        (
            "password",
            "password.short",
            "La contraseña debe tener al menos 8 caracteres."
        )
    );
}
