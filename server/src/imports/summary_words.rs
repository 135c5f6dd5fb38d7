//! The words of the summary email, in the four languages the app speaks. Counts follow a
//! label and a colon, so no language needs a plural form.

use clientela_shared::{Language, OutcomeCounts};

/// The email's subject.
pub(super) fn subject(language: Language, file_name: &str, created: u64) -> String {
    match language {
        Language::En => format!("Import of {file_name} finished. Created: {created}"),
        Language::Es => format!("Importación de {file_name} terminada. Creados: {created}"),
        Language::Pt => format!("Importação de {file_name} concluída. Criados: {created}"),
        Language::Pl => format!("Import pliku {file_name} zakończony. Utworzono: {created}"),
    }
}

/// The email's text: what the import did.
pub(super) fn counts(language: Language, file_name: &str, counts: OutcomeCounts) -> String {
    let OutcomeCounts {
        created,
        updated,
        skipped,
        rejected,
    } = counts;
    match language {
        Language::En => format!(
            "Your import of {file_name} is finished.\n\n\
             Created: {created}\nUpdated: {updated}\nSkipped (already stored): {skipped}\n\
             Rejected: {rejected}\n"
        ),
        Language::Es => format!(
            "Tu importación de {file_name} ha terminado.\n\n\
             Creados: {created}\nActualizados: {updated}\nOmitidos (ya guardados): {skipped}\n\
             Rechazados: {rejected}\n"
        ),
        Language::Pt => format!(
            "Sua importação de {file_name} foi concluída.\n\n\
             Criados: {created}\nAtualizados: {updated}\nIgnorados (já armazenados): {skipped}\n\
             Rejeitados: {rejected}\n"
        ),
        Language::Pl => format!(
            "Import pliku {file_name} został zakończony.\n\n\
             Utworzono: {created}\nZaktualizowano: {updated}\nPominięto (już zapisane): {skipped}\n\
             Odrzucono: {rejected}\n"
        ),
    }
}

/// What to do with the attached rejected rows.
pub(super) fn attachment_note(language: Language) -> &'static str {
    match language {
        Language::En => {
            "\nThe rejected rows are attached, with the reason in the last column. \
             Fix them and import the file again.\n"
        }
        Language::Es => {
            "\nLas filas rechazadas van adjuntas, con el motivo en la última columna. \
             Corrígelas e importa el archivo de nuevo.\n"
        }
        Language::Pt => {
            "\nAs linhas rejeitadas estão em anexo, com o motivo na última coluna. \
             Corrija-as e importe o arquivo novamente.\n"
        }
        Language::Pl => {
            "\nOdrzucone wiersze są w załączniku, z powodem w ostatniej kolumnie. \
             Popraw je i zaimportuj plik ponownie.\n"
        }
    }
}
