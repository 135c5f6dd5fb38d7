//! Spanish (neutral, as in Latin America), addressing the user as "usted".

use clientela_shared::{Language, OutcomeCounts, RevertSummary};

use super::{Catalogue, Text, counted};
use crate::protocol::ReviewCounts;

/// The Spanish texts.
#[derive(Debug)]
pub struct Spanish;

/// `count` with the singular or the plural words.
fn count(count: u64, one: &str, many: &str) -> String {
    counted(Language::Es, count, one, many, many)
}

impl Catalogue for Spanish {
    fn text(&self, key: Text) -> &'static str {
        match key {
            Text::DocumentTitle => "Clientela — importar clientes",
            Text::PartNotFetched => {
                "No se pudo cargar esta parte de la aplicación. Compruebe la conexión y vuelva a abrirla."
            }
            Text::PagesNav => "Páginas",
            Text::PageImport => "Importar",
            Text::PageCustomers => "Clientes",
            Text::PageHistory => "Historial de importaciones",
            Text::SignOut => "Cerrar sesión",
            Text::LanguageLabel => "Idioma",
            Text::SignInTitle => "Inicie sesión en Clientela",
            Text::Email => "Correo electrónico",
            Text::Password => "Contraseña",
            Text::SignIn => "Iniciar sesión",
            Text::WrongEmailOrPassword => "Correo o contraseña incorrectos.",
            Text::ServerUnreachable => {
                "No se puede contactar con el servidor. Revise su conexión e inténtelo de nuevo."
            }
            Text::ImportCustomers => "Importar clientes",
            Text::ImportStepsNav => "Pasos de la importación",
            Text::StepFile => "Archivo",
            Text::StepColumns => "Columnas",
            Text::StepReview => "Revisión",
            Text::StepOptions => "Opciones",
            Text::StepImport => "Importación",
            Text::StepResult => "Resultado",
            Text::WorkerDied => {
                "No se pudo procesar el archivo: el navegador detuvo el proceso en segundo plano \
                 (poca memoria o un error). Recargue la página e inténtelo de nuevo; si vuelve a \
                 ocurrir, envíenos el archivo."
            }
            Text::AnotherFileOpened => "Se abrió otro archivo.",
            Text::FileTitle => "1. Su archivo",
            Text::DropFileHere => "Suelte aquí un archivo de clientes",
            Text::OrChooseOne => {
                " o elija uno: CSV, TSV, Excel (XLSX, XLSM, XLS, XLSB) u OpenDocument (ODS)."
            }
            Text::DownloadCsvTemplate => "Descargar una plantilla CSV",
            Text::TemplateOr => " o ",
            Text::DownloadXlsxTemplate => "una plantilla de Excel (con listas desplegables)",
            Text::TemplateHint => {
                ", cada una con todos los campos de este espacio de trabajo y una fila de ejemplo."
            }
            Text::ImportProfile => "Perfil de importación ",
            Text::NoProfile => "Ninguno: solo los campos del espacio de trabajo",
            Text::Encoding => "Codificación ",
            Text::Separator => "Separador ",
            Text::Sheet => "Hoja ",
            Text::HeaderOnLine => "Encabezado en la línea ",
            Text::Comma => "coma",
            Text::Semicolon => "punto y coma",
            Text::Tab => "tabulador",
            Text::VerticalBar => "barra vertical",
            Text::FirstRowsCaption => "Las primeras filas del archivo",
            Text::NextColumns => "Siguiente: columnas",
            Text::HeaderLineNumber => "La línea del encabezado es un número desde 1.",
            Text::ReadingAgain => "Leyendo de nuevo…",
            Text::ColumnsTitle => "2. Columnas",
            Text::MappingRemembered => {
                "Estas columnas se asignaron igual que en un archivo anterior con los mismos \
                 encabezados."
            }
            Text::Column => "Columna",
            Text::SampleValues => "Valores de ejemplo",
            Text::GoesTo => "Destino",
            Text::Confidence => "Confianza",
            Text::NextCheckEveryRow => "Siguiente: comprobar cada fila",
            Text::YourChoice => "Su elección",
            Text::NoMatch => "Sin coincidencia",
            Text::KeepAsAdditionalData => "Guardar como datos adicionales",
            Text::IgnoreThisColumn => "Ignorar esta columna",
            Text::CheckingEveryRow => "Comprobando cada fila…",
            Text::ReviewTitle => "3. Revisión",
            Text::RowsToolbar => "Filas",
            Text::AllRows => "Todas",
            Text::WithErrors => "Con errores",
            Text::WithWarnings => "Con advertencias",
            Text::LeftOut => "Excluidas",
            Text::NextProblem => "Siguiente problema",
            Text::LookingForNextProblem => "Buscando el siguiente problema…",
            Text::NoProblemsLeft => "No quedan problemas.",
            Text::FixesForEveryRow => "Correcciones para todas las filas",
            Text::ApplyingSuggestions => "Aplicando las sugerencias…",
            Text::TrimSpaces => "Quitar espacios sobrantes",
            Text::TrimmingSpaces => "Quitando espacios sobrantes…",
            Text::DefaultCountry => "País predeterminado ",
            Text::AsInProfile => "Como en el perfil",
            Text::Argentina => "Argentina",
            Text::Brazil => "Brasil",
            Text::Chile => "Chile",
            Text::Colombia => "Colombia",
            Text::Ecuador => "Ecuador",
            Text::Spain => "España",
            Text::Mexico => "México",
            Text::Peru => "Perú",
            Text::Poland => "Polonia",
            Text::Portugal => "Portugal",
            Text::UnitedStates => "Estados Unidos",
            Text::DownloadProblems => "Descargar las filas con problemas (CSV)",
            Text::PreparingTheFile => "Preparando el archivo…",
            Text::EditHint => {
                "Muévase entre las celdas con las flechas, Re Pág y Av Pág. Haga doble clic en una \
                 celda o pulse Intro o F2 para cambiarla (Intro guarda, Esc cancela); la fila se \
                 vuelve a comprobar al instante."
            }
            Text::NextOptions => "Siguiente: opciones",
            Text::LineHeader => "Línea",
            Text::ImportHeader => "Importar",
            Text::NewValue => "Nuevo valor",
            Text::Updating => "Actualizando…",
            Text::CheckingTheRow => "Comprobando la fila…",
            Text::ProblemHeader => "Problema",
            Text::LeftOutByUser => "Excluida por el usuario.",
            Text::OptionsTitle => "4. Opciones",
            Text::AlreadyStored => "Clientes ya registrados (mismo correo o teléfono)",
            Text::SkipThem => "Omitirlos: dejar el cliente registrado como está",
            Text::UpdateThem => "Actualizarlos con los valores del archivo",
            Text::NewCustomersGoTo => "Asignar los clientes nuevos a",
            Text::NobodyForNow => "Nadie por ahora",
            Text::Me => "Mí (quien importa)",
            Text::Unavailable => ", no disponible",
            Text::ReassignIfUnavailable => {
                "Si ese agente no está disponible, asignar cada cliente a un agente disponible al azar"
            }
            Text::ForEveryCustomer => "Para todos los clientes de esta importación",
            Text::StatusWhereNone => "Estado, cuando el archivo no indica ninguno ",
            Text::NoStatus => "Ninguno",
            Text::ActiveCustomer => "Cliente activo",
            Text::PotentialCustomer => "Cliente potencial",
            Text::PreviewWhatWouldHappen => "Ver qué pasaría",
            Text::AskingTheServer => "Preguntando al servidor qué pasaría…",
            Text::NextImport => "Siguiente: importar",
            Text::OpeningTheImport => "Abriendo la importación…",
            Text::PreparingRecords => "Preparando los registros…",
            Text::ImportTitle => "5. Importación",
            Text::ConfirmedByServer => "Confirmado por el servidor",
            Text::Done => "Terminado.",
            Text::Paused => "En pausa.",
            Text::Sending => "Enviando…",
            Text::Stopped => "Detenido.",
            Text::Pause => "Pausar",
            Text::Resume => "Reanudar",
            Text::SeeTheResult => "Ver el resultado",
            Text::FinishingTheImport => "Terminando la importación…",
            Text::PausedAfterFailure => {
                "La importación está en pausa; pulse Reanudar para volver a intentarlo."
            }
            Text::ResultTitle => "6. Resultado",
            Text::DownloadServerRejected => "Descargar las filas que el servidor rechazó (CSV)",
            Text::DownloadNotSent => "Descargar las filas que no se enviaron (CSV)",
            Text::SeeTheCustomers => "Ver los clientes",
            Text::SeeInHistory => "Ver esta importación en el historial",
            Text::ImportAnother => "Importar otro archivo",
            Text::SearchCustomers => "Buscar por nombre, correo o teléfono ",
            Text::Name => "Nombre",
            Text::Phone => "Teléfono",
            Text::Tags => "Etiquetas",
            Text::FileLine => "Archivo, línea",
            Text::Previous => "Anterior",
            Text::Next => "Siguiente",
            Text::OpenedBy => "Abierta por",
            Text::OpenedOn => "Fecha",
            Text::File => "Archivo",
            Text::Status => "Estado",
            Text::Created => "Creados",
            Text::Updated => "Actualizados",
            Text::Skipped => "Omitidos",
            Text::Rejected => "Rechazados",
            Text::ErrorsCsv => "Errores (CSV)",
            Text::Undo => "Deshacer",
            Text::ImportOpen => "abierta",
            Text::ImportCommitted => "confirmada",
            Text::ImportReverted => "deshecha",
            Text::PutOnList => "Agregarlos a la lista (se crea si no existe; vacío para ninguna)",
            Text::AnyTag => "Cualquier etiqueta",
            Text::AnyStatus => "Cualquier estado",
            Text::Agent => "Agente",
            Text::AnyAgent => "Cualquier agente",
            Text::List => "Lista",
            Text::AnyList => "Cualquier lista",
            Text::FilterCustomers => "Filtrar clientes",
            Text::DownloadTheseCustomers => "Descargar estos clientes (CSV)",
            Text::OnlyThisImport => "Solo los clientes que esta importación creó o actualizó:",
            Text::ShowAllCustomers => "Mostrar todos los clientes",
            Text::PageAdmin => "Administración",
            Text::TagsHint => "Una etiqueta por línea.",
            Text::Save => "Guardar",
            Text::Deleted => "Eliminado.",
            Text::ConfirmDelete => "¿Eliminarlo? No se puede deshacer.",
            Text::Saved => "Guardado.",
            Text::Delete => "Eliminar",
            Text::CustomFieldsTitle => "Campos personalizados",
            Text::Key => "Clave",
            Text::Label => "Nombre visible",
            Text::FieldKind => "Tipo",
            Text::SelectOptions => "Opciones (separadas por comas)",
            Text::Required => "Obligatorio",
            Text::AddField => "Agregar un campo",
            Text::KindPlain => "Texto",
            Text::KindNumber => "Número",
            Text::KindCurrency => "Importe",
            Text::KindDate => "Fecha",
            Text::KindBoolean => "Sí o no",
            Text::KindSelect => "Opción de una lista",
            Text::GroupsTitle => "Grupos de agentes",
            Text::GroupName => "Nombre del grupo",
            Text::Members => "Miembros",
            Text::SaveGroup => "Guardar el grupo",
            Text::UsersTitle => "Usuarios",
            Text::Role => "Rol",
            Text::RoleAgent => "Agente",
            Text::RoleSupervisor => "Supervisor",
            Text::RoleAdmin => "Administrador",
            Text::TakesCustomers => "Recibe clientes nuevos",
            Text::MaySignIn => "Puede entrar",
            Text::AddUser => "Agregar el usuario",
            Text::PasswordOptional => {
                "Contraseña (8 caracteres o más; sin ella, el usuario no puede iniciar sesión aquí y trabaja con un token de API)"
            }
            Text::ProfilesTitle => "Perfiles de importación",
            Text::ProfileName => "Nombre del perfil",
            Text::ProfileToml => "El perfil (TOML)",
            Text::SaveProfile => "Guardar el perfil",
            Text::IAmAvailable => "Recibo clientes nuevos",
            Text::NotAnErrorFile => {
                "Este no es un archivo de errores de Clientela: no tiene la columna Line. Descargue el archivo de errores de arriba, corrija sus filas y suéltelo aquí."
            }
            Text::LineNotInFile => "Esta línea no es una fila del archivo importado.",
            Text::NoLineNumber => {
                "La celda Line no es un número de línea; deje la columna Line como estaba."
            }
            Text::FixAndFinish => "Corregir y terminar",
            Text::FixAndFinishHint => {
                "Corrija las filas del archivo de errores en su hoja de cálculo y suéltelo aquí: se comprueban y se envían a esta misma importación."
            }
            Text::SendingCorrections => "Enviando las filas corregidas…",
        }
    }

    fn file_summary(&self, name: &str, rows: usize, columns: usize, facts: &str) -> String {
        let rows = count(rows as u64, "fila", "filas");
        let columns = count(columns as u64, "columna", "columnas");
        format!("{name}: {rows}, {columns} ({facts})")
    }

    fn separator_fact(&self, separator: &str) -> String {
        format!("separador {separator}")
    }

    fn sheet_fact(&self, sheet: &str) -> String {
        format!("hoja {sheet}")
    }

    fn header_line_fact(&self, line: u64) -> String {
        format!("encabezado en la línea {line}")
    }

    fn hidden_sheet(&self, sheet: &str) -> String {
        format!("{sheet} (oculta)")
    }

    fn reading_file(&self, name: &str) -> String {
        format!("Leyendo {name}…")
    }

    fn tag_label(&self, tag: &str) -> String {
        format!("Etiqueta: {tag}")
    }

    fn review_counts(&self, c: &ReviewCounts) -> String {
        format!(
            "{}: {}, {} con errores, {} con advertencias, {}.",
            count(c.rows as u64, "fila", "filas"),
            count(
                c.ready as u64,
                "lista para importar",
                "listas para importar"
            ),
            c.errors,
            c.warnings,
            count(c.excluded as u64, "excluida", "excluidas"),
        )
    }

    fn apply_suggestions(&self, suggestions: usize) -> String {
        let fixes = count(
            suggestions as u64,
            "corrección sugerida",
            "correcciones sugeridas",
        );
        format!("Aplicar {fixes}")
    }

    fn cell_description(&self, line: u64, header: &str, value: &str) -> String {
        format!("Línea {line}, {header}: {value}")
    }

    fn include_line(&self, line: u64) -> String {
        format!("Importar la línea {line}")
    }

    fn preview_result(&self, c: &OutcomeCounts) -> String {
        let rejected = count(
            c.rejected,
            "fila sería rechazada",
            "filas serían rechazadas",
        );
        format!(
            "Clientes: el servidor crearía {}, actualizaría {} y omitiría {}; {rejected}.",
            c.created, c.updated, c.skipped
        )
    }

    fn import_status(&self, sent: u64, confirmed: u64, total: u64) -> String {
        let total = count(total, "registro", "registros");
        format!("Enviados {sent} y confirmados {confirmed} de {total}.")
    }

    fn retrying(&self, seconds: i32, attempt: u32, tries: u32) -> String {
        format!("Nuevo intento en {seconds} s (intento {attempt} de {tries}).")
    }

    fn import_result(&self, c: &OutcomeCounts, not_sent: usize) -> String {
        format!(
            "{}, {}, {}, {}; {}.",
            count(c.created, "creado", "creados"),
            count(c.updated, "actualizado", "actualizados"),
            count(
                c.skipped,
                "omitido (ya registrado)",
                "omitidos (ya registrados)"
            ),
            count(
                c.rejected,
                "rechazado por el servidor",
                "rechazados por el servidor"
            ),
            count(not_sent as u64, "fila sin enviar", "filas sin enviar"),
        )
    }

    fn group_choice(&self, group: &str, agents: usize) -> String {
        format!(
            "Grupo {group}: {} por turnos",
            count(agents as u64, "agente", "agentes")
        )
    }

    fn corrections_sent(&self, sent: usize, still_wrong: usize) -> String {
        format!(
            "{} y {}; {} todavía con errores.",
            count(sent as u64, "fila corregida", "filas corregidas"),
            if sent == 1 { "enviada" } else { "enviadas" },
            count(still_wrong as u64, "fila", "filas")
        )
    }

    fn customer_count(&self, customers: u64) -> String {
        count(customers, "cliente", "clientes")
    }

    fn page_of(&self, page: u64, pages: u64) -> String {
        format!("Página {page} de {pages}")
    }

    fn confirm_undo(&self, file: &str, counts: &OutcomeCounts) -> String {
        format!(
            "¿Deshacer la importación de {file}? Se eliminan los {} clientes que creó y los {} que actualizó recuperan sus valores anteriores.",
            counts.created, counts.updated
        )
    }

    fn undone(&self, file: &str, s: &RevertSummary) -> String {
        format!(
            "Importación de {file} deshecha: {}, {}, {}.",
            count(s.removed, "cliente eliminado", "clientes eliminados"),
            count(s.restored, "restaurado", "restaurados"),
            count(
                s.kept,
                "conservado (modificado desde entonces)",
                "conservados (modificados desde entonces)"
            ),
        )
    }

    fn server_status(&self, status: u16) -> String {
        format!("El servidor respondió con el código {status}.")
    }

    fn unexpected_answer(&self, error: &str) -> String {
        format!("Respuesta inesperada del servidor: {error}")
    }
}
