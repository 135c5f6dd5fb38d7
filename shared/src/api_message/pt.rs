//! Brazilian Portuguese, addressing the user as «você», with the app's words (desfazer, rótulo).

use super::{ApiMessage, joined, plural};
use crate::account::Role;
use crate::schema::profile_error::{ProfileError, ProfileErrorKind};
use crate::validation::messages::Language;

/// `message` in Brazilian Portuguese.
pub(super) fn text(message: &ApiMessage) -> String {
    match message {
        ApiMessage::RequestInvalid => "Não é possível aceitar a solicitação.".to_owned(),
        ApiMessage::BadJson { detail } => {
            format!("A solicitação não traz o JSON esperado (em inglês: {detail}).")
        }
        ApiMessage::BadBody { detail } => {
            format!("Não foi possível ler o texto da solicitação (em inglês: {detail}).")
        }
        ApiMessage::BadQuery { detail } => {
            format!("Os parâmetros do endereço não são válidos (em inglês: {detail}).")
        }
        ApiMessage::BadPath { detail } => {
            format!("Um dado do endereço não é válido (em inglês: {detail}).")
        }
        ApiMessage::BodyTooLarge { max_mib } => format!(
            "A solicitação passa dos {max_mib} MiB que o servidor aceita; envie menos linhas por \
             solicitação."
        ),
        ApiMessage::MethodNotAllowed => "Este caminho não aceita este método.".to_owned(),
        ApiMessage::Unauthorized => "Entre primeiro ou envie um token de API válido.".to_owned(),
        ApiMessage::NotFound => "Não há nada aqui.".to_owned(),
        ApiMessage::RateLimited {
            retry_after_seconds,
        } => format!("Solicitações demais. Tente de novo em {retry_after_seconds} s."),
        ApiMessage::Internal => "Algo deu errado no servidor. Tente de novo.".to_owned(),
        ApiMessage::ValueRefused(finding) => finding.message(Language::Pt),
        ApiMessage::RequestTimeout { seconds } => {
            format!("O servidor interrompeu esta solicitação após {seconds} s. Tente de novo.")
        }
        ApiMessage::CsrfHeaderMissing { header } => {
            format!("Solicitações que alteram algo precisam do cabeçalho {header}.")
        }
        ApiMessage::RoleRequired { role } => format!(
            "Só um usuário com a função de {} pode fazer isso.",
            role_name(*role)
        ),
        ApiMessage::AgentAssignsOnlyOwn => {
            "Agentes só podem atribuir clientes a si mesmos ou aos seus grupos.".to_owned()
        }
        ApiMessage::ImportChangeNotAllowed => "Só o usuário que iniciou esta importação, um \
                                               supervisor ou um administrador pode alterá-la."
            .to_owned(),
        ApiMessage::UserExists { email } => {
            format!("Já existe um usuário com o e-mail {email}.")
        }
        ApiMessage::LastAdmin => {
            "O espaço de trabalho precisa de pelo menos um administrador.".to_owned()
        }
        ApiMessage::ImportClosed => {
            "Esta importação foi desfeita; inicie uma nova para enviar mais linhas.".to_owned()
        }
        ApiMessage::ImportLinesStored { lines } if lines.len() == 1 => format!(
            "Esta importação já salvou a linha {}; tire-a do arquivo e envie o restante de novo.",
            joined(lines)
        ),
        ApiMessage::ImportLinesStored { lines } => format!(
            "Esta importação já salvou as linhas {}; tire-as do arquivo e envie o restante de \
             novo.",
            joined(lines)
        ),
        ApiMessage::BatchChanged { seq } => {
            format!("O lote {seq} já tinha sido recebido com outras linhas.")
        }
        ApiMessage::BatchRetry => "Outra importação salvou alguns destes clientes no mesmo \
                                   instante. Envie o lote de novo."
            .to_owned(),
        ApiMessage::ImportReverted => "Esta importação já foi desfeita.".to_owned(),
        ApiMessage::ImportNotEmpty => {
            "Esta importação já salvou linhas ou está fechada; desfaça-a em vez de excluí-la."
                .to_owned()
        }
        ApiMessage::BatchTooManyRows { rows, max } => format!(
            "Um lote comporta no máximo {max} {}; este tem {rows}.",
            rows_word(*max)
        ),
        ApiMessage::ImportTooManyRows { rows, max } => format!(
            "Uma importação com este perfil admite no máximo {max} {}; com este lote, esta teria \
             {rows}. Divida o arquivo.",
            rows_word(*max)
        ),
        ApiMessage::RequestTooManyRows { rows, max } if *rows == 1 => {
            format!("Foi enviada 1 linha de uma vez; o máximo é {max}.")
        }
        ApiMessage::RequestTooManyRows { rows, max } => {
            format!("Foram enviadas {rows} linhas de uma vez; o máximo é {max}.")
        }
        ApiMessage::ColumnsMissing => "O arquivo não tem nomes de coluna.".to_owned(),
        ApiMessage::RowsMissing => "Não há linhas para importar.".to_owned(),
        ApiMessage::RowLineMissing { row } => {
            format!("A linha {row} enviada não diz de que linha do arquivo vem.")
        }
        ApiMessage::AssigneeAgentUnknown { email } => {
            format!("Nenhum agente deste espaço de trabalho tem o e-mail {email}.")
        }
        ApiMessage::AssigneeGroupUnknown { name } => {
            format!("Este espaço de trabalho não tem nenhum grupo chamado {name}.")
        }
        ApiMessage::KeyInvalid { key } => format!(
            "{key:?} não é uma chave válida: use até 50 letras minúsculas, dígitos e sublinhados, \
             começando por uma letra."
        ),
        ApiMessage::KeyRepeated { key } => format!("A chave {key} é usada duas vezes."),
        ApiMessage::LabelBlank { key } => format!("O campo {key} não tem rótulo."),
        ApiMessage::OptionBlank { key } => format!("O campo {key} tem uma opção vazia."),
        ApiMessage::OptionRepeated { key, option } => {
            format!("O campo {key} oferece {option:?} duas vezes.")
        }
        ApiMessage::CustomFieldInvalid(error) | ApiMessage::ProfileInvalid(error) => {
            profile_error(error)
        }
        ApiMessage::EmailInvalid { email } => format!("{email:?} não é um endereço de e-mail."),
        ApiMessage::NameBlank => "O nome está em branco.".to_owned(),
        ApiMessage::PasswordShort { min } => format!(
            "A senha precisa ter pelo menos {min} {}.",
            plural(*min, "caractere", "caracteres", "caracteres")
        ),
        ApiMessage::GroupNameInvalid { max } => {
            format!("O nome de um grupo precisa ter de 1 a {max} caracteres.")
        }
        ApiMessage::ProfileNameInvalid { max } => {
            format!("O nome de um perfil precisa ter de 1 a {max} caracteres.")
        }
        ApiMessage::ListNameInvalid { max } => {
            format!("O nome de uma lista precisa ter de 1 a {max} caracteres.")
        }
        ApiMessage::MembersUnknown { emails } if emails.len() == 1 => format!(
            "Nenhum usuário deste espaço de trabalho tem o e-mail {}.",
            emails.join(", ")
        ),
        ApiMessage::MembersUnknown { emails } => format!(
            "Nenhum usuário deste espaço de trabalho tem estes e-mails: {}.",
            emails.join(", ")
        ),
        ApiMessage::ClientIdInvalid { max } => {
            format!("client_id precisa ter de 1 a {max} caracteres.")
        }
        ApiMessage::FileNameBlank => "file_name está em branco.".to_owned(),
    }
}

fn rows_word(count: u64) -> &'static str {
    plural(count, "linha", "linhas", "linhas")
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
        } => format!("O perfil não é um TOML válido na linha {line}: {message}"),
        ProfileErrorKind::Syntax {
            message,
            line: None,
        } => format!("O perfil não é um TOML válido: {message}"),
        ProfileErrorKind::UnknownField { key } => {
            format!("O perfil cita o campo `{key}`, que não é um campo padrão nem personalizado.")
        }
        ProfileErrorKind::UnknownCountry { code } => {
            format!("O default_country `{code}` do perfil não é um código ISO 3166 de duas letras.")
        }
        ProfileErrorKind::CustomShadowsBuiltIn { key } => format!(
            "O campo personalizado `{key}` tem a chave de um campo padrão: escolha outra chave."
        ),
        ProfileErrorKind::SelectWithoutOptions { key } => {
            format!("O campo de opção de uma lista `{key}` não tem opções.")
        }
    }
}
