//! Polish, addressing the user informally, as Polish apps do. Counts take one of three forms
//! (1 wiersz, 2 wiersze, 5 wierszy); where a participle would have to agree with a noun that is
//! not there, the count follows a colon instead ("Utworzono: 3").

use clientela_shared::{Language, OutcomeCounts, RevertSummary};

use super::{Catalogue, Text, counted};
use crate::protocol::ReviewCounts;

/// The Polish texts.
#[derive(Debug)]
pub struct Polish;

/// `count` with the word for one, for 2–4 (not 12–14) and for the rest.
fn count(count: u64, one: &str, few: &str, many: &str) -> String {
    counted(Language::Pl, count, one, few, many)
}

impl Catalogue for Polish {
    fn text(&self, key: Text) -> &'static str {
        match key {
            Text::DocumentTitle => "Clientela — import klientów",
            Text::PartNotFetched => {
                "Nie udało się wczytać tej części aplikacji. Sprawdź połączenie i otwórz ją ponownie."
            }
            Text::PagesNav => "Strony",
            Text::PageImport => "Import",
            Text::PageCustomers => "Klienci",
            Text::PageHistory => "Historia importów",
            Text::SignOut => "Wyloguj się",
            Text::LanguageLabel => "Język",
            Text::SignInTitle => "Zaloguj się do aplikacji Clientela",
            Text::Email => "E-mail",
            Text::Password => "Hasło",
            Text::SignIn => "Zaloguj się",
            Text::WrongEmailOrPassword => "Nieprawidłowy e-mail lub hasło.",
            Text::ServerUnreachable => {
                "Nie można połączyć się z serwerem. Sprawdź połączenie i spróbuj ponownie."
            }
            Text::ImportCustomers => "Import klientów",
            Text::ImportStepsNav => "Kroki importu",
            Text::StepFile => "Plik",
            Text::StepColumns => "Kolumny",
            Text::StepReview => "Przegląd",
            Text::StepOptions => "Opcje",
            Text::StepImport => "Import",
            Text::StepResult => "Wynik",
            Text::WorkerDied => {
                "Nie udało się przetworzyć pliku: przeglądarka zatrzymała proces w tle (za mało \
                 pamięci lub błąd). Odśwież stronę i spróbuj ponownie; jeśli to się powtórzy, \
                 wyślij nam ten plik."
            }
            Text::AnotherFileOpened => "Otwarto inny plik.",
            Text::FileTitle => "1. Twój plik",
            Text::DropFileHere => "Upuść tutaj plik z klientami",
            Text::OrChooseOne => {
                " lub wybierz plik: CSV, TSV, Excel (XLSX, XLSM, XLS, XLSB) albo OpenDocument (ODS)."
            }
            Text::DownloadCsvTemplate => "Pobierz szablon CSV",
            Text::TemplateOr => " lub ",
            Text::DownloadXlsxTemplate => "szablon Excela (z listami rozwijanymi)",
            Text::TemplateHint => {
                " — każdy ze wszystkimi polami tego obszaru roboczego i przykładowym wierszem."
            }
            Text::ImportProfile => "Profil importu ",
            Text::NoProfile => "Brak: tylko pola obszaru roboczego",
            Text::Encoding => "Kodowanie ",
            Text::Separator => "Separator ",
            Text::Sheet => "Arkusz ",
            Text::HeaderOnLine => "Nagłówek w wierszu ",
            Text::Comma => "przecinek",
            Text::Semicolon => "średnik",
            Text::Tab => "tabulator",
            Text::VerticalBar => "pionowa kreska",
            Text::FirstRowsCaption => "Pierwsze wiersze pliku",
            Text::NextColumns => "Dalej: kolumny",
            Text::HeaderLineNumber => "Wiersz nagłówka to liczba od 1 wzwyż.",
            Text::ReadingAgain => "Ponowne wczytywanie…",
            Text::ColumnsTitle => "2. Kolumny",
            Text::MappingRemembered => {
                "Kolumny przypisano tak samo jak wcześniej w pliku z tymi samymi nagłówkami."
            }
            Text::Column => "Kolumna",
            Text::SampleValues => "Przykładowe wartości",
            Text::GoesTo => "Trafia do",
            Text::Confidence => "Pewność",
            Text::NextCheckEveryRow => "Dalej: sprawdź wszystkie wiersze",
            Text::YourChoice => "Twój wybór",
            Text::NoMatch => "Brak dopasowania",
            Text::KeepAsAdditionalData => "Zachowaj jako dane dodatkowe",
            Text::IgnoreThisColumn => "Pomiń tę kolumnę",
            Text::CheckingEveryRow => "Sprawdzanie wszystkich wierszy…",
            Text::ReviewTitle => "3. Przegląd",
            Text::RowsToolbar => "Wiersze",
            Text::AllRows => "Wszystkie",
            Text::WithErrors => "Z błędami",
            Text::WithWarnings => "Z ostrzeżeniami",
            Text::LeftOut => "Pominięte",
            Text::NextProblem => "Następny problem",
            Text::LookingForNextProblem => "Szukanie następnego problemu…",
            Text::NoProblemsLeft => "Nie ma więcej problemów.",
            Text::FixesForEveryRow => "Poprawki dla wszystkich wierszy",
            Text::ApplyingSuggestions => "Stosowanie sugestii…",
            Text::TrimSpaces => "Usuń zbędne spacje",
            Text::TrimmingSpaces => "Usuwanie zbędnych spacji…",
            Text::DefaultCountry => "Domyślny kraj ",
            Text::AsInProfile => "Jak w profilu",
            Text::Argentina => "Argentyna",
            Text::Brazil => "Brazylia",
            Text::Chile => "Chile",
            Text::Colombia => "Kolumbia",
            Text::Ecuador => "Ekwador",
            Text::Spain => "Hiszpania",
            Text::Mexico => "Meksyk",
            Text::Peru => "Peru",
            Text::Poland => "Polska",
            Text::Portugal => "Portugalia",
            Text::UnitedStates => "Stany Zjednoczone",
            Text::DownloadProblems => "Pobierz wiersze z problemami (CSV)",
            Text::PreparingTheFile => "Przygotowywanie pliku…",
            Text::EditHint => {
                "Poruszaj się między komórkami strzałkami oraz klawiszami Page Up i Page Down. \
                 Kliknij dwukrotnie komórkę lub naciśnij Enter albo F2, aby ją zmienić (Enter \
                 zapisuje, Esc anuluje); wiersz zostanie od razu sprawdzony ponownie."
            }
            Text::NextOptions => "Dalej: opcje",
            Text::LineHeader => "Wiersz",
            Text::ImportHeader => "Import",
            Text::NewValue => "Nowa wartość",
            Text::Updating => "Aktualizowanie…",
            Text::CheckingTheRow => "Sprawdzanie wiersza…",
            Text::ProblemHeader => "Problem",
            Text::LeftOutByUser => "Pominięty przez użytkownika.",
            Text::OptionsTitle => "4. Opcje",
            Text::AlreadyStored => "Klienci już w bazie (ten sam e-mail lub telefon)",
            Text::SkipThem => "Pomiń ich: zostaw klienta z bazy bez zmian",
            Text::UpdateThem => "Zaktualizuj ich wartościami z pliku",
            Text::NewCustomersGoTo => "Przydziel nowych klientów",
            Text::NobodyForNow => "Na razie nikomu",
            Text::Me => "Mnie",
            Text::Unavailable => ", niedostępny",
            Text::ReassignIfUnavailable => {
                "Jeśli ten agent jest niedostępny, przydziel każdego klienta losowemu dostępnemu \
                 agentowi"
            }
            Text::ForEveryCustomer => "Dla każdego klienta z tego importu",
            Text::StatusWhereNone => "Status, gdy plik go nie podaje ",
            Text::NoStatus => "Brak",
            Text::ActiveCustomer => "Aktywny klient",
            Text::PotentialCustomer => "Potencjalny klient",
            Text::PreviewWhatWouldHappen => "Pokaż, co by się stało",
            Text::AskingTheServer => "Sprawdzanie na serwerze, co by się stało…",
            Text::NextImport => "Dalej: import",
            Text::OpeningTheImport => "Otwieranie importu…",
            Text::PreparingRecords => "Przygotowywanie rekordów…",
            Text::ImportTitle => "5. Import",
            Text::ConfirmedByServer => "Potwierdzone przez serwer",
            Text::Done => "Gotowe.",
            Text::Paused => "Wstrzymano.",
            Text::Sending => "Wysyłanie…",
            Text::Stopped => "Zatrzymano.",
            Text::Pause => "Wstrzymaj",
            Text::Resume => "Wznów",
            Text::SeeTheResult => "Zobacz wynik",
            Text::FinishingTheImport => "Kończenie importu…",
            Text::PausedAfterFailure => {
                "Import jest wstrzymany; naciśnij Wznów, aby spróbować ponownie."
            }
            Text::ResultTitle => "6. Wynik",
            Text::DownloadServerRejected => "Pobierz wiersze odrzucone przez serwer (CSV)",
            Text::DownloadNotSent => "Pobierz wiersze, które nie zostały wysłane (CSV)",
            Text::SeeTheCustomers => "Zobacz klientów",
            Text::SeeInHistory => "Zobacz ten import w historii",
            Text::ImportAnother => "Importuj kolejny plik",
            Text::SearchCustomers => "Szukaj po nazwisku, e-mailu lub telefonie ",
            Text::Name => "Imię i nazwisko",
            Text::Phone => "Telefon",
            Text::Tags => "Tagi",
            Text::FileLine => "Plik, wiersz",
            Text::Previous => "Poprzednia",
            Text::Next => "Następna",
            Text::OpenedBy => "Otworzył(a)",
            Text::OpenedOn => "Data",
            Text::File => "Plik",
            Text::Status => "Status",
            Text::Created => "Utworzono",
            Text::Updated => "Zaktualizowano",
            Text::Skipped => "Pominięto",
            Text::Rejected => "Odrzucono",
            Text::ErrorsCsv => "Błędy (CSV)",
            Text::Undo => "Cofnij",
            Text::ImportOpen => "otwarty",
            Text::ImportCommitted => "zatwierdzony",
            Text::ImportReverted => "cofnięty",
            Text::PutOnList => "Dodaj ich do listy (nowa zostanie utworzona; puste = bez listy)",
            Text::AnyTag => "Dowolny tag",
            Text::AnyStatus => "Dowolny status",
            Text::Agent => "Agent",
            Text::AnyAgent => "Dowolny agent",
            Text::List => "Lista",
            Text::AnyList => "Dowolna lista",
            Text::FilterCustomers => "Filtruj klientów",
            Text::DownloadTheseCustomers => "Pobierz tych klientów (CSV)",
            Text::OnlyThisImport => "Tylko klienci utworzeni lub zaktualizowani przez ten import:",
            Text::ShowAllCustomers => "Pokaż wszystkich klientów",
            Text::PageAdmin => "Administracja",
            Text::TagsHint => "Jeden tag w wierszu.",
            Text::Save => "Zapisz",
            Text::Deleted => "Usunięto.",
            Text::ConfirmDelete => "Usunąć? Tej operacji nie można cofnąć.",
            Text::Saved => "Zapisano.",
            Text::Delete => "Usuń",
            Text::CustomFieldsTitle => "Pola własne",
            Text::Key => "Klucz",
            Text::Label => "Etykieta",
            Text::FieldKind => "Typ",
            Text::SelectOptions => "Opcje (oddzielone przecinkami)",
            Text::Required => "Wymagane",
            Text::AddField => "Dodaj pole",
            Text::KindPlain => "Tekst",
            Text::KindNumber => "Liczba",
            Text::KindCurrency => "Kwota",
            Text::KindDate => "Data",
            Text::KindBoolean => "Tak lub nie",
            Text::KindSelect => "Wybór z listy",
            Text::GroupsTitle => "Grupy agentów",
            Text::GroupName => "Nazwa grupy",
            Text::Members => "Członkowie",
            Text::SaveGroup => "Zapisz grupę",
            Text::UsersTitle => "Użytkownicy",
            Text::Role => "Rola",
            Text::RoleAgent => "Agent",
            Text::RoleSupervisor => "Kierownik",
            Text::RoleAdmin => "Administrator",
            Text::TakesCustomers => "Przyjmuje nowych klientów",
            Text::MaySignIn => "Może się logować",
            Text::AddUser => "Dodaj użytkownika",
            Text::PasswordOptional => {
                "Hasło (co najmniej 8 znaków; bez niego użytkownik nie zaloguje się tutaj i korzysta z tokenu API)"
            }
            Text::ProfilesTitle => "Profile importu",
            Text::ProfileName => "Nazwa profilu",
            Text::ProfileToml => "Profil (TOML)",
            Text::SaveProfile => "Zapisz profil",
            Text::IAmAvailable => "Przyjmuję nowych klientów",
            Text::NotAnErrorFile => {
                "To nie jest plik błędów z aplikacji Clientela: brak kolumny Line. Pobierz powyższy plik błędów, popraw wiersze i upuść go tutaj."
            }
            Text::LineNotInFile => "Ten wiersz nie należy do importowanego pliku.",
            Text::NoLineNumber => {
                "Komórka Line nie jest numerem wiersza; zostaw kolumnę Line bez zmian."
            }
            Text::FixAndFinish => "Popraw i zakończ",
            Text::FixAndFinishHint => {
                "Popraw wiersze pliku błędów w arkuszu kalkulacyjnym i upuść go tutaj: zostaną sprawdzone i wysłane do tego samego importu."
            }
            Text::SendingCorrections => "Wysyłanie poprawionych wierszy…",
        }
    }

    fn file_summary(&self, name: &str, rows: usize, columns: usize, facts: &str) -> String {
        let rows = count(rows as u64, "wiersz", "wiersze", "wierszy");
        let columns = count(columns as u64, "kolumna", "kolumny", "kolumn");
        format!("{name}: {rows}, {columns} ({facts})")
    }

    fn separator_fact(&self, separator: &str) -> String {
        format!("separator: {separator}")
    }

    fn sheet_fact(&self, sheet: &str) -> String {
        format!("arkusz {sheet}")
    }

    fn header_line_fact(&self, line: u64) -> String {
        format!("nagłówek w wierszu {line}")
    }

    fn hidden_sheet(&self, sheet: &str) -> String {
        format!("{sheet} (ukryty)")
    }

    fn reading_file(&self, name: &str) -> String {
        format!("Wczytywanie pliku {name}…")
    }

    fn tag_label(&self, tag: &str) -> String {
        format!("Tag: {tag}")
    }

    fn review_counts(&self, c: &ReviewCounts) -> String {
        format!(
            "{}: {}, {} z błędami, {} z ostrzeżeniami, {}.",
            count(c.rows as u64, "wiersz", "wiersze", "wierszy"),
            count(
                c.ready as u64,
                "gotowy do importu",
                "gotowe do importu",
                "gotowych do importu"
            ),
            c.errors,
            c.warnings,
            count(c.excluded as u64, "pominięty", "pominięte", "pominiętych"),
        )
    }

    fn apply_suggestions(&self, suggestions: usize) -> String {
        let fixes = count(
            suggestions as u64,
            "sugerowaną poprawkę",
            "sugerowane poprawki",
            "sugerowanych poprawek",
        );
        format!("Zastosuj {fixes}")
    }

    fn cell_description(&self, line: u64, header: &str, value: &str) -> String {
        format!("Wiersz {line}, {header}: {value}")
    }

    fn include_line(&self, line: u64) -> String {
        format!("Importuj wiersz {line}")
    }

    fn preview_result(&self, c: &OutcomeCounts) -> String {
        let rejected = count(
            c.rejected,
            "wiersz zostałby odrzucony",
            "wiersze zostałyby odrzucone",
            "wierszy zostałoby odrzuconych",
        );
        format!(
            "Klienci — serwer utworzyłby: {}, zaktualizowałby: {}, pominąłby: {}; {rejected}.",
            c.created, c.updated, c.skipped
        )
    }

    fn import_status(&self, sent: u64, confirmed: u64, total: u64) -> String {
        let total = count(total, "rekordu", "rekordów", "rekordów");
        format!("Wysłano {sent} i potwierdzono {confirmed} z {total}.")
    }

    fn retrying(&self, seconds: i32, attempt: u32, tries: u32) -> String {
        format!("Ponowna próba za {seconds} s (próba {attempt} z {tries}).")
    }

    fn import_result(&self, c: &OutcomeCounts, not_sent: usize) -> String {
        let not_sent = count(
            not_sent as u64,
            "niewysłany wiersz",
            "niewysłane wiersze",
            "niewysłanych wierszy",
        );
        format!(
            "Utworzono: {}, zaktualizowano: {}, pominięto (już w bazie): {}, serwer odrzucił: {}; \
             {not_sent}.",
            c.created, c.updated, c.skipped, c.rejected
        )
    }

    fn group_choice(&self, group: &str, agents: usize) -> String {
        format!(
            "Grupa {group}: {} (rotacyjnie)",
            count(agents as u64, "agent", "agentów", "agentów")
        )
    }

    fn corrections_sent(&self, sent: usize, still_wrong: usize) -> String {
        format!(
            "Poprawione i wysłane: {}; nadal z błędami: {}.",
            count(sent as u64, "wiersz", "wiersze", "wierszy"),
            count(still_wrong as u64, "wiersz", "wiersze", "wierszy")
        )
    }

    fn customer_count(&self, customers: u64) -> String {
        count(customers, "klient", "klientów", "klientów")
    }

    fn page_of(&self, page: u64, pages: u64) -> String {
        format!("Strona {page} z {pages}")
    }

    fn confirm_undo(&self, file: &str, counts: &OutcomeCounts) -> String {
        format!(
            "Cofnąć import pliku {file}? Utworzeni klienci ({}) zostaną usunięci, a zaktualizowani ({}) odzyskają poprzednie dane.",
            counts.created, counts.updated
        )
    }

    fn undone(&self, file: &str, s: &RevertSummary) -> String {
        format!(
            "Cofnięto import pliku {file}. Usunięci klienci: {}, przywróceni: {}, zachowani \
             (zmienieni od tego czasu): {}.",
            s.removed, s.restored, s.kept
        )
    }

    fn server_status(&self, status: u16) -> String {
        format!("Serwer odpowiedział kodem {status}.")
    }

    fn unexpected_answer(&self, error: &str) -> String {
        format!("Nieoczekiwana odpowiedź serwera: {error}")
    }
}
