//! Polish, addressing the user informally, as the app does. Counts take one of three forms
//! (1 wiersz, 2 wiersze, 5 wierszy); where agreement would be awkward the count follows a colon.

use super::{ApiMessage, joined, plural};
use crate::account::Role;
use crate::schema::profile_error::{ProfileError, ProfileErrorKind};
use crate::validation::messages::Language;

/// `message` in Polish.
pub(super) fn text(message: &ApiMessage) -> String {
    match message {
        ApiMessage::RequestInvalid => "Nie można przyjąć tego żądania.".to_owned(),
        ApiMessage::BadJson { detail } => format!(
            "Treść żądania nie jest oczekiwanym JSON-em (szczegóły po angielsku: {detail})."
        ),
        ApiMessage::BadBody { detail } => {
            format!("Nie udało się odczytać tekstu żądania (szczegóły po angielsku: {detail}).")
        }
        ApiMessage::BadQuery { detail } => {
            format!("Parametry adresu są nieprawidłowe (szczegóły po angielsku: {detail}).")
        }
        ApiMessage::BadPath { detail } => {
            format!("Część adresu jest nieprawidłowa (szczegóły po angielsku: {detail}).")
        }
        ApiMessage::BodyTooLarge { max_mib } => format!(
            "Żądanie jest większe niż {max_mib} MiB, które przyjmuje serwer; wysyłaj mniej \
             wierszy naraz."
        ),
        ApiMessage::MethodNotAllowed => "Ta ścieżka nie obsługuje tej metody.".to_owned(),
        ApiMessage::Unauthorized => {
            "Najpierw się zaloguj albo wyślij prawidłowy token API.".to_owned()
        }
        ApiMessage::NotFound => "Nic tu nie ma.".to_owned(),
        ApiMessage::RateLimited {
            retry_after_seconds,
        } => format!("Zbyt wiele żądań. Spróbuj ponownie za {retry_after_seconds} s."),
        ApiMessage::Internal => {
            "Coś poszło nie tak po stronie serwera. Spróbuj ponownie.".to_owned()
        }
        ApiMessage::ValueRefused(finding) => finding.message(Language::Pl),
        ApiMessage::RequestTimeout { seconds } => {
            format!("Serwer przerwał to żądanie po {seconds} s. Spróbuj ponownie.")
        }
        ApiMessage::CsrfHeaderMissing { header } => {
            format!("Żądania, które coś zmieniają, muszą mieć nagłówek {header}.")
        }
        ApiMessage::RoleRequired { role } => format!(
            "Tylko użytkownik z rolą „{}” może to zrobić.",
            role_name(*role)
        ),
        ApiMessage::AgentAssignsOnlyOwn => {
            "Agenci mogą przydzielać klientów tylko sobie lub swoim grupom.".to_owned()
        }
        ApiMessage::ImportChangeNotAllowed => "Ten import może zmienić tylko użytkownik, który \
                                               go rozpoczął, kierownik albo administrator."
            .to_owned(),
        ApiMessage::UserExists { email } => {
            format!("Użytkownik z adresem e-mail {email} już istnieje.")
        }
        ApiMessage::LastAdmin => {
            "Obszar roboczy musi mieć co najmniej jednego administratora.".to_owned()
        }
        ApiMessage::ImportClosed => {
            "Ten import został cofnięty; rozpocznij nowy, aby wysłać więcej wierszy.".to_owned()
        }
        ApiMessage::ImportLinesStored { lines } if lines.len() == 1 => format!(
            "Ten import zapisał już wiersz {}; usuń go z pliku i wyślij resztę ponownie.",
            joined(lines)
        ),
        ApiMessage::ImportLinesStored { lines } => format!(
            "Ten import zapisał już wiersze {}; usuń je z pliku i wyślij resztę ponownie.",
            joined(lines)
        ),
        ApiMessage::BatchChanged { seq } => {
            format!("Partia {seq} została już odebrana z innymi wierszami.")
        }
        ApiMessage::BatchRetry => "Inny import zapisał część tych klientów w tej samej chwili. \
                                   Wyślij partię ponownie."
            .to_owned(),
        ApiMessage::ImportReverted => "Ten import został już cofnięty.".to_owned(),
        ApiMessage::ImportNotEmpty => "Ten import ma już zapisane wiersze albo jest zamknięty; \
                                       zamiast go usuwać, cofnij go."
            .to_owned(),
        ApiMessage::BatchTooManyRows { rows, max } => format!(
            "Partia może mieć najwyżej {max} {}; ta ma {rows}.",
            plural(*max, "wiersz", "wiersze", "wierszy")
        ),
        ApiMessage::ImportTooManyRows { rows, max } => format!(
            "Import z tym profilem może mieć najwyżej {max} {}; z tą partią ten import miałby ich \
             {rows}. Podziel plik.",
            plural(*max, "wiersz", "wiersze", "wierszy")
        ),
        ApiMessage::RequestTooManyRows { rows, max } => {
            format!("Liczba wierszy wysłanych naraz: {rows}; można wysłać najwyżej {max}.")
        }
        ApiMessage::ColumnsMissing => "Plik nie ma nazw kolumn.".to_owned(),
        ApiMessage::RowsMissing => "Brak wierszy do zaimportowania.".to_owned(),
        ApiMessage::RowLineMissing { row } => {
            format!("Wiersz {row} żądania nie ma numeru wiersza w pliku.")
        }
        ApiMessage::AssigneeAgentUnknown { email } => {
            format!("Żaden agent tego obszaru roboczego nie ma adresu e-mail {email}.")
        }
        ApiMessage::AssigneeGroupUnknown { name } => {
            format!("Ten obszar roboczy nie ma grupy o nazwie {name}.")
        }
        ApiMessage::KeyInvalid { key } => format!(
            "{key:?} nie jest prawidłowym kluczem: użyj najwyżej 50 małych liter, cyfr \
             i podkreśleń, zaczynając od litery."
        ),
        ApiMessage::KeyRepeated { key } => format!("Klucz {key} występuje dwa razy."),
        ApiMessage::LabelBlank { key } => format!("Pole {key} nie ma etykiety."),
        ApiMessage::OptionBlank { key } => format!("Pole {key} ma pustą opcję."),
        ApiMessage::OptionRepeated { key, option } => {
            format!("Pole {key} ma opcję {option:?} dwa razy.")
        }
        ApiMessage::CustomFieldInvalid(error) | ApiMessage::ProfileInvalid(error) => {
            profile_error(error)
        }
        ApiMessage::EmailInvalid { email } => format!("{email:?} nie jest adresem e-mail."),
        ApiMessage::NameBlank => "Imię i nazwisko nie może być puste.".to_owned(),
        ApiMessage::PasswordShort { min } => format!(
            "Hasło musi mieć co najmniej {min} {}.",
            plural(*min, "znak", "znaki", "znaków")
        ),
        ApiMessage::GroupNameInvalid { max } => {
            format!("Nazwa grupy musi mieć od 1 do {max} znaków.")
        }
        ApiMessage::ProfileNameInvalid { max } => {
            format!("Nazwa profilu musi mieć od 1 do {max} znaków.")
        }
        ApiMessage::ListNameInvalid { max } => {
            format!("Nazwa listy musi mieć od 1 do {max} znaków.")
        }
        ApiMessage::MembersUnknown { emails } if emails.len() == 1 => format!(
            "Żaden użytkownik tego obszaru roboczego nie ma adresu e-mail {}.",
            emails.join(", ")
        ),
        ApiMessage::MembersUnknown { emails } => format!(
            "Żaden użytkownik tego obszaru roboczego nie ma tych adresów e-mail: {}.",
            emails.join(", ")
        ),
        ApiMessage::ClientIdInvalid { max } => {
            format!("client_id musi mieć od 1 do {max} znaków.")
        }
        ApiMessage::FileNameBlank => "file_name jest puste.".to_owned(),
    }
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Agent => "agent",
        Role::Supervisor => "kierownik",
        Role::Admin => "administrator",
    }
}

/// What is wrong with a profile; the TOML reader's own words stay in English.
fn profile_error(error: &ProfileError) -> String {
    match error.kind() {
        ProfileErrorKind::Syntax {
            message,
            line: Some(line),
        } => format!("Profil nie jest poprawnym plikiem TOML (wiersz {line}): {message}"),
        ProfileErrorKind::Syntax {
            message,
            line: None,
        } => format!("Profil nie jest poprawnym plikiem TOML: {message}"),
        ProfileErrorKind::UnknownField { key } => format!(
            "Profil wymienia pole `{key}`, które nie jest ani polem wbudowanym, ani polem własnym."
        ),
        ProfileErrorKind::UnknownCountry { code } => format!(
            "default_country `{code}` w profilu nie jest dwuliterowym kodem kraju ISO 3166."
        ),
        ProfileErrorKind::CustomShadowsBuiltIn { key } => {
            format!("Pole własne `{key}` ma klucz pola wbudowanego: wybierz inny klucz.")
        }
        ProfileErrorKind::SelectWithoutOptions { key } => {
            format!("Pole wyboru z listy `{key}` nie ma opcji.")
        }
    }
}
