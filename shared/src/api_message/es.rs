//! Spanish, addressing the user as «usted», with the app's words (deshacer, nombre visible).

use super::{ApiMessage, joined, plural};
use crate::account::Role;
use crate::schema::profile_error::{ProfileError, ProfileErrorKind};
use crate::validation::messages::Language;

/// `message` in Spanish.
pub(super) fn text(message: &ApiMessage) -> String {
    match message {
        ApiMessage::RequestInvalid => "No se puede aceptar la solicitud.".to_owned(),
        ApiMessage::BadJson { detail } => {
            format!("La solicitud no trae el JSON que se esperaba (en inglés: {detail}).")
        }
        ApiMessage::BadBody { detail } => {
            format!("No se pudo leer el texto de la solicitud (en inglés: {detail}).")
        }
        ApiMessage::BadQuery { detail } => {
            format!("Los parámetros de la dirección no son válidos (en inglés: {detail}).")
        }
        ApiMessage::BadPath { detail } => {
            format!("Un dato de la dirección no es válido (en inglés: {detail}).")
        }
        ApiMessage::BodyTooLarge { max_mib } => format!(
            "La solicitud supera los {max_mib} MiB que acepta el servidor; envíe menos filas en \
             cada solicitud."
        ),
        ApiMessage::MethodNotAllowed => "Esta ruta no admite este método.".to_owned(),
        ApiMessage::Unauthorized => {
            "Inicie sesión primero o envíe un token de API válido.".to_owned()
        }
        ApiMessage::NotFound => "Aquí no hay nada.".to_owned(),
        ApiMessage::RateLimited {
            retry_after_seconds,
        } => format!("Demasiadas solicitudes. Vuelva a intentarlo en {retry_after_seconds} s."),
        ApiMessage::Internal => "Algo salió mal en el servidor. Vuelva a intentarlo.".to_owned(),
        ApiMessage::ValueRefused(finding) => finding.message(Language::Es),
        ApiMessage::RequestTimeout { seconds } => {
            format!("El servidor detuvo esta solicitud a los {seconds} s. Vuelva a intentarlo.")
        }
        ApiMessage::CsrfHeaderMissing { header } => {
            format!("Las solicitudes que cambian algo deben llevar el encabezado {header}.")
        }
        ApiMessage::RoleRequired { role } => format!(
            "Solo un usuario con el rol de {} puede hacer esto.",
            role_name(*role)
        ),
        ApiMessage::AgentAssignsOnlyOwn => {
            "Los agentes solo pueden asignar clientes a sí mismos o a sus grupos.".to_owned()
        }
        ApiMessage::ImportChangeNotAllowed => "Solo el usuario que inició esta importación, un \
                                               supervisor o un administrador pueden modificarla."
            .to_owned(),
        ApiMessage::UserExists { email } => {
            format!("Ya existe un usuario con el correo {email}.")
        }
        ApiMessage::LastAdmin => {
            "El espacio de trabajo necesita al menos un administrador.".to_owned()
        }
        ApiMessage::ImportClosed => {
            "Esta importación se deshizo; inicie una nueva para enviar más filas.".to_owned()
        }
        ApiMessage::ImportLinesStored { lines } if lines.len() == 1 => format!(
            "Esta importación ya guardó la línea {}; quítela del archivo y vuelva a enviar el \
             resto.",
            joined(lines)
        ),
        ApiMessage::ImportLinesStored { lines } => format!(
            "Esta importación ya guardó las líneas {}; quítelas del archivo y vuelva a enviar el \
             resto.",
            joined(lines)
        ),
        ApiMessage::BatchChanged { seq } => {
            format!("El lote {seq} ya se había recibido con otras filas.")
        }
        ApiMessage::BatchRetry => "Otra importación guardó algunos de estos clientes en ese mismo \
                                   momento. Vuelva a enviar el lote."
            .to_owned(),
        ApiMessage::ImportReverted => "Esta importación ya se deshizo.".to_owned(),
        ApiMessage::ImportNotEmpty => {
            "Esta importación ya guardó filas o está cerrada; deshágala en lugar de borrarla."
                .to_owned()
        }
        ApiMessage::BatchTooManyRows { rows, max } => format!(
            "Un lote admite como máximo {max} {}; este tiene {rows}.",
            rows_word(*max)
        ),
        ApiMessage::ImportTooManyRows { rows, max } => format!(
            "Una importación con este perfil admite como máximo {max} {}; con este lote, esta \
             tendría {rows}. Divida el archivo.",
            rows_word(*max)
        ),
        ApiMessage::RequestTooManyRows { rows, max } => format!(
            "Se enviaron {rows} {} a la vez; el máximo es {max}.",
            rows_word(*rows)
        ),
        ApiMessage::ColumnsMissing => "El archivo no tiene nombres de columna.".to_owned(),
        ApiMessage::RowsMissing => "No hay filas para importar.".to_owned(),
        ApiMessage::RowLineMissing { row } => {
            format!("La fila {row} no tiene número de línea.")
        }
        ApiMessage::AssigneeAgentUnknown { email } => {
            format!("Ningún agente de este espacio de trabajo tiene el correo {email}.")
        }
        ApiMessage::AssigneeGroupUnknown { name } => {
            format!("Este espacio de trabajo no tiene ningún grupo llamado {name}.")
        }
        ApiMessage::KeyInvalid { key } => format!(
            "{key:?} no es una clave válida: use hasta 50 letras minúsculas, dígitos y guiones \
             bajos, empezando por una letra."
        ),
        ApiMessage::KeyRepeated { key } => format!("La clave {key} se usa dos veces."),
        ApiMessage::LabelBlank { key } => format!("El campo {key} no tiene nombre visible."),
        ApiMessage::OptionBlank { key } => format!("El campo {key} tiene una opción vacía."),
        ApiMessage::OptionRepeated { key, option } => {
            format!("El campo {key} ofrece {option:?} dos veces.")
        }
        ApiMessage::CustomFieldInvalid(error) | ApiMessage::ProfileInvalid(error) => {
            profile_error(error)
        }
        ApiMessage::EmailInvalid { email } => {
            format!("{email:?} no es una dirección de correo electrónico.")
        }
        ApiMessage::NameBlank => "El nombre está vacío.".to_owned(),
        ApiMessage::PasswordShort { min } => format!(
            "La contraseña debe tener al menos {min} {}.",
            plural(*min, "carácter", "caracteres", "caracteres")
        ),
        ApiMessage::GroupNameInvalid { max } => {
            format!("El nombre de un grupo debe tener entre 1 y {max} caracteres.")
        }
        ApiMessage::ProfileNameInvalid { max } => {
            format!("El nombre de un perfil debe tener entre 1 y {max} caracteres.")
        }
        ApiMessage::ListNameInvalid { max } => {
            format!("El nombre de una lista debe tener entre 1 y {max} caracteres.")
        }
        ApiMessage::MembersUnknown { emails } if emails.len() == 1 => format!(
            "Ningún usuario de este espacio de trabajo tiene el correo {}.",
            emails.join(", ")
        ),
        ApiMessage::MembersUnknown { emails } => format!(
            "Ningún usuario de este espacio de trabajo tiene estos correos: {}.",
            emails.join(", ")
        ),
        ApiMessage::ClientIdInvalid { max } => {
            format!("client_id debe tener entre 1 y {max} caracteres.")
        }
        ApiMessage::FileNameBlank => "file_name está vacío.".to_owned(),
    }
}

fn rows_word(count: u64) -> &'static str {
    plural(count, "fila", "filas", "filas")
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Agent => "agente",
        Role::Supervisor => "supervisor",
        Role::Admin => "administrador",
    }
}

/// What is wrong with a profile; the TOML reader's own words stay in English.
fn profile_error(error: &ProfileError) -> String {
    match error.kind() {
        ProfileErrorKind::Syntax {
            message,
            line: Some(line),
        } => format!("El perfil no es TOML válido en la línea {line}: {message}"),
        ProfileErrorKind::Syntax {
            message,
            line: None,
        } => format!("El perfil no es TOML válido: {message}"),
        ProfileErrorKind::UnknownField { key } => format!(
            "El perfil nombra el campo `{key}`, que no es un campo predefinido ni personalizado."
        ),
        ProfileErrorKind::UnknownCountry { code } => format!(
            "El default_country `{code}` del perfil no es un código ISO 3166 de dos letras."
        ),
        ProfileErrorKind::CustomShadowsBuiltIn { key } => format!(
            "El campo personalizado `{key}` tiene la clave de un campo predefinido: elija otra \
             clave."
        ),
        ProfileErrorKind::SelectWithoutOptions { key } => {
            format!("El campo de opción de una lista `{key}` no tiene opciones.")
        }
    }
}
