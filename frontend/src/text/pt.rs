//! Brazilian Portuguese, addressing the user as "você".

use clientela_shared::{Language, OutcomeCounts, RevertSummary};

use super::{Catalogue, Text, counted};
use crate::protocol::ReviewCounts;

/// The Portuguese texts.
#[derive(Debug)]
pub struct Portuguese;

/// `count` with the singular or the plural words.
fn count(count: u64, one: &str, many: &str) -> String {
    counted(Language::Pt, count, one, many, many)
}

impl Catalogue for Portuguese {
    fn text(&self, key: Text) -> &'static str {
        match key {
            Text::DocumentTitle => "Clientela — importar clientes",
            Text::PartNotFetched => {
                "Não foi possível carregar esta parte do aplicativo. Verifique a conexão e abra-a novamente."
            }
            Text::PagesNav => "Páginas",
            Text::PageImport => "Importar",
            Text::PageCustomers => "Clientes",
            Text::PageHistory => "Histórico de importações",
            Text::SignOut => "Sair",
            Text::LanguageLabel => "Idioma",
            Text::SignInTitle => "Entrar no Clientela",
            Text::Email => "E-mail",
            Text::Password => "Senha",
            Text::SignIn => "Entrar",
            Text::WrongEmailOrPassword => "E-mail ou senha incorretos.",
            Text::ServerUnreachable => {
                "Não foi possível acessar o servidor. Verifique sua conexão e tente novamente."
            }
            Text::ImportCustomers => "Importar clientes",
            Text::ImportStepsNav => "Etapas da importação",
            Text::StepFile => "Arquivo",
            Text::StepColumns => "Colunas",
            Text::StepReview => "Revisão",
            Text::StepOptions => "Opções",
            Text::StepImport => "Importação",
            Text::StepResult => "Resultado",
            Text::WorkerDied => {
                "Não foi possível processar o arquivo: o navegador interrompeu o processo em \
                 segundo plano (pouca memória ou um erro). Recarregue a página e tente novamente; \
                 se acontecer de novo, envie-nos o arquivo."
            }
            Text::AnotherFileOpened => "Outro arquivo foi aberto.",
            Text::FileTitle => "1. Seu arquivo",
            Text::DropFileHere => "Solte aqui um arquivo de clientes",
            Text::OrChooseOne => {
                " ou escolha um: CSV, TSV, Excel (XLSX, XLSM, XLS, XLSB) ou OpenDocument (ODS)."
            }
            Text::DownloadCsvTemplate => "Baixar um modelo CSV",
            Text::TemplateOr => " ou ",
            Text::DownloadXlsxTemplate => "um modelo do Excel (com listas suspensas)",
            Text::TemplateHint => {
                ", cada um com todos os campos deste espaço de trabalho e uma linha de exemplo."
            }
            Text::ImportProfile => "Perfil de importação ",
            Text::NoProfile => "Nenhum: só os campos do espaço de trabalho",
            Text::Encoding => "Codificação ",
            Text::Separator => "Separador ",
            Text::Sheet => "Planilha ",
            Text::HeaderOnLine => "Cabeçalho na linha ",
            Text::Comma => "vírgula",
            Text::Semicolon => "ponto e vírgula",
            Text::Tab => "tabulação",
            Text::VerticalBar => "barra vertical",
            Text::FirstRowsCaption => "As primeiras linhas do arquivo",
            Text::NextColumns => "Próximo: colunas",
            Text::HeaderLineNumber => "A linha do cabeçalho é um número a partir de 1.",
            Text::ReadingAgain => "Lendo novamente…",
            Text::ColumnsTitle => "2. Colunas",
            Text::MappingRemembered => {
                "Estas colunas foram mapeadas como em um arquivo anterior com os mesmos \
                 cabeçalhos."
            }
            Text::Column => "Coluna",
            Text::SampleValues => "Valores de exemplo",
            Text::GoesTo => "Destino",
            Text::Confidence => "Confiança",
            Text::NextCheckEveryRow => "Próximo: verificar cada linha",
            Text::YourChoice => "Sua escolha",
            Text::NoMatch => "Sem correspondência",
            Text::KeepAsAdditionalData => "Manter como dados adicionais",
            Text::IgnoreThisColumn => "Ignorar esta coluna",
            Text::CheckingEveryRow => "Verificando cada linha…",
            Text::ReviewTitle => "3. Revisão",
            Text::RowsToolbar => "Linhas",
            Text::AllRows => "Todas",
            Text::WithErrors => "Com erros",
            Text::WithWarnings => "Com avisos",
            Text::LeftOut => "Deixadas de fora",
            Text::NextProblem => "Próximo problema",
            Text::LookingForNextProblem => "Procurando o próximo problema…",
            Text::NoProblemsLeft => "Não há mais problemas.",
            Text::FixesForEveryRow => "Correções para todas as linhas",
            Text::ApplyingSuggestions => "Aplicando as sugestões…",
            Text::TrimSpaces => "Remover espaços extras",
            Text::TrimmingSpaces => "Removendo espaços extras…",
            Text::DefaultCountry => "País padrão ",
            Text::AsInProfile => "Como no perfil",
            Text::Argentina => "Argentina",
            Text::Brazil => "Brasil",
            Text::Chile => "Chile",
            Text::Colombia => "Colômbia",
            Text::Ecuador => "Equador",
            Text::Spain => "Espanha",
            Text::Mexico => "México",
            Text::Peru => "Peru",
            Text::Poland => "Polônia",
            Text::Portugal => "Portugal",
            Text::UnitedStates => "Estados Unidos",
            Text::DownloadProblems => "Baixar as linhas com problemas (CSV)",
            Text::PreparingTheFile => "Preparando o arquivo…",
            Text::EditHint => {
                "Mova-se entre as células com as setas, Page Up e Page Down. Clique duas vezes em \
                 uma célula ou pressione Enter ou F2 para alterá-la (Enter salva, Esc cancela); a \
                 linha é verificada de novo imediatamente."
            }
            Text::NextOptions => "Próximo: opções",
            Text::LineHeader => "Linha",
            Text::ImportHeader => "Importar",
            Text::NewValue => "Novo valor",
            Text::Updating => "Atualizando…",
            Text::CheckingTheRow => "Verificando a linha…",
            Text::ProblemHeader => "Problema",
            Text::LeftOutByUser => "Deixada de fora pelo usuário.",
            Text::OptionsTitle => "4. Opções",
            Text::AlreadyStored => "Clientes já cadastrados (mesmo e-mail ou telefone)",
            Text::SkipThem => "Ignorá-los: manter o cliente cadastrado como está",
            Text::UpdateThem => "Atualizá-los com os valores do arquivo",
            Text::NewCustomersGoTo => "Atribuir os novos clientes a",
            Text::NobodyForNow => "Ninguém por enquanto",
            Text::Me => "Mim (quem está importando)",
            Text::Unavailable => ", indisponível",
            Text::ReassignIfUnavailable => {
                "Se esse agente estiver indisponível, atribuir cada cliente a um agente \
                 disponível escolhido ao acaso"
            }
            Text::ForEveryCustomer => "Para todos os clientes desta importação",
            Text::StatusWhereNone => "Status, quando o arquivo não informar nenhum ",
            Text::NoStatus => "Nenhum",
            Text::ActiveCustomer => "Cliente ativo",
            Text::PotentialCustomer => "Cliente potencial",
            Text::PreviewWhatWouldHappen => "Ver o que aconteceria",
            Text::AskingTheServer => "Perguntando ao servidor o que aconteceria…",
            Text::NextImport => "Próximo: importar",
            Text::OpeningTheImport => "Abrindo a importação…",
            Text::PreparingRecords => "Preparando os registros…",
            Text::ImportTitle => "5. Importação",
            Text::ConfirmedByServer => "Confirmado pelo servidor",
            Text::Done => "Concluído.",
            Text::Paused => "Pausado.",
            Text::Sending => "Enviando…",
            Text::Stopped => "Interrompido.",
            Text::Pause => "Pausar",
            Text::Resume => "Retomar",
            Text::SeeTheResult => "Ver o resultado",
            Text::FinishingTheImport => "Concluindo a importação…",
            Text::PausedAfterFailure => {
                "A importação está pausada; clique em Retomar para tentar novamente."
            }
            Text::ResultTitle => "6. Resultado",
            Text::DownloadServerRejected => "Baixar as linhas que o servidor rejeitou (CSV)",
            Text::DownloadNotSent => "Baixar as linhas que não foram enviadas (CSV)",
            Text::SeeTheCustomers => "Ver os clientes",
            Text::SeeInHistory => "Ver esta importação no histórico",
            Text::ImportAnother => "Importar outro arquivo",
            Text::SearchCustomers => "Pesquisar por nome, e-mail ou telefone ",
            Text::Name => "Nome",
            Text::Phone => "Telefone",
            Text::Tags => "Etiquetas",
            Text::FileLine => "Arquivo, linha",
            Text::Previous => "Anterior",
            Text::Next => "Próxima",
            Text::OpenedBy => "Aberta por",
            Text::OpenedOn => "Data",
            Text::File => "Arquivo",
            Text::Status => "Status",
            Text::Created => "Criados",
            Text::Updated => "Atualizados",
            Text::Skipped => "Ignorados",
            Text::Rejected => "Rejeitados",
            Text::ErrorsCsv => "Erros (CSV)",
            Text::Undo => "Desfazer",
            Text::ImportOpen => "aberta",
            Text::ImportCommitted => "concluída",
            Text::ImportReverted => "desfeita",
            Text::PutOnList => {
                "Adicioná-los à lista (criada se não existir; em branco para nenhuma)"
            }
            Text::AnyTag => "Qualquer etiqueta",
            Text::AnyStatus => "Qualquer status",
            Text::Agent => "Agente",
            Text::AnyAgent => "Qualquer agente",
            Text::List => "Lista",
            Text::AnyList => "Qualquer lista",
            Text::FilterCustomers => "Filtrar clientes",
            Text::DownloadTheseCustomers => "Baixar estes clientes (CSV)",
            Text::OnlyThisImport => "Apenas os clientes que esta importação criou ou atualizou:",
            Text::ShowAllCustomers => "Mostrar todos os clientes",
            Text::PageAdmin => "Administração",
            Text::TagsHint => "Uma etiqueta por linha.",
            Text::Save => "Salvar",
            Text::Deleted => "Excluído.",
            Text::ConfirmDelete => "Excluir? Não é possível desfazer.",
            Text::Saved => "Salvo.",
            Text::Delete => "Excluir",
            Text::CustomFieldsTitle => "Campos personalizados",
            Text::Key => "Chave",
            Text::Label => "Rótulo",
            Text::FieldKind => "Tipo",
            Text::SelectOptions => "Opções (separadas por vírgulas)",
            Text::Required => "Obrigatório",
            Text::AddField => "Adicionar um campo",
            Text::KindPlain => "Texto",
            Text::KindNumber => "Número",
            Text::KindCurrency => "Valor monetário",
            Text::KindDate => "Data",
            Text::KindBoolean => "Sim ou não",
            Text::KindSelect => "Opção de uma lista",
            Text::GroupsTitle => "Grupos de agentes",
            Text::GroupName => "Nome do grupo",
            Text::Members => "Membros",
            Text::SaveGroup => "Salvar o grupo",
            Text::UsersTitle => "Usuários",
            Text::Role => "Função",
            Text::RoleAgent => "Agente",
            Text::RoleSupervisor => "Supervisor",
            Text::RoleAdmin => "Administrador",
            Text::TakesCustomers => "Recebe novos clientes",
            Text::MaySignIn => "Pode entrar",
            Text::AddUser => "Adicionar o usuário",
            Text::PasswordOptional => {
                "Senha (8 caracteres ou mais; sem ela, o usuário não pode entrar aqui e trabalha com um token de API)"
            }
            Text::ProfilesTitle => "Perfis de importação",
            Text::ProfileName => "Nome do perfil",
            Text::ProfileToml => "O perfil (TOML)",
            Text::SaveProfile => "Salvar o perfil",
            Text::IAmAvailable => "Recebo novos clientes",
            Text::NotAnErrorFile => {
                "Este não é um arquivo de erros do Clientela: não tem a coluna Line. Baixe o arquivo de erros acima, corrija as linhas e solte-o aqui."
            }
            Text::LineNotInFile => "Esta linha não é uma linha do arquivo importado.",
            Text::NoLineNumber => {
                "A célula Line não é um número de linha; mantenha a coluna Line como estava."
            }
            Text::FixAndFinish => "Corrigir e concluir",
            Text::FixAndFinishHint => {
                "Corrija as linhas do arquivo de erros na sua planilha e solte-o aqui: elas são verificadas e enviadas para esta mesma importação."
            }
            Text::SendingCorrections => "Enviando as linhas corrigidas…",
        }
    }

    fn file_summary(&self, name: &str, rows: usize, columns: usize, facts: &str) -> String {
        let rows = count(rows as u64, "linha", "linhas");
        let columns = count(columns as u64, "coluna", "colunas");
        format!("{name}: {rows}, {columns} ({facts})")
    }

    fn separator_fact(&self, separator: &str) -> String {
        format!("separador {separator}")
    }

    fn sheet_fact(&self, sheet: &str) -> String {
        format!("planilha {sheet}")
    }

    fn header_line_fact(&self, line: u64) -> String {
        format!("cabeçalho na linha {line}")
    }

    fn hidden_sheet(&self, sheet: &str) -> String {
        format!("{sheet} (oculta)")
    }

    fn reading_file(&self, name: &str) -> String {
        format!("Lendo {name}…")
    }

    fn tag_label(&self, tag: &str) -> String {
        format!("Etiqueta: {tag}")
    }

    fn review_counts(&self, c: &ReviewCounts) -> String {
        format!(
            "{}: {}, {} com erros, {} com avisos, {}.",
            count(c.rows as u64, "linha", "linhas"),
            count(
                c.ready as u64,
                "pronta para importar",
                "prontas para importar"
            ),
            c.errors,
            c.warnings,
            count(c.excluded as u64, "deixada de fora", "deixadas de fora"),
        )
    }

    fn apply_suggestions(&self, suggestions: usize) -> String {
        let fixes = count(
            suggestions as u64,
            "correção sugerida",
            "correções sugeridas",
        );
        format!("Aplicar {fixes}")
    }

    fn cell_description(&self, line: u64, header: &str, value: &str) -> String {
        format!("Linha {line}, {header}: {value}")
    }

    fn include_line(&self, line: u64) -> String {
        format!("Importar a linha {line}")
    }

    fn preview_result(&self, c: &OutcomeCounts) -> String {
        let rejected = count(
            c.rejected,
            "linha seria rejeitada",
            "linhas seriam rejeitadas",
        );
        format!(
            "Clientes: o servidor criaria {}, atualizaria {} e ignoraria {}; {rejected}.",
            c.created, c.updated, c.skipped
        )
    }

    fn import_status(&self, sent: u64, confirmed: u64, total: u64) -> String {
        let total = count(total, "registro", "registros");
        format!("Enviados {sent} e confirmados {confirmed} de {total}.")
    }

    fn retrying(&self, seconds: i32, attempt: u32, tries: u32) -> String {
        format!("Nova tentativa em {seconds} s (tentativa {attempt} de {tries}).")
    }

    fn import_result(&self, c: &OutcomeCounts, not_sent: usize) -> String {
        format!(
            "{}, {}, {}, {}; {}.",
            count(c.created, "criado", "criados"),
            count(c.updated, "atualizado", "atualizados"),
            count(
                c.skipped,
                "ignorado (já cadastrado)",
                "ignorados (já cadastrados)"
            ),
            count(
                c.rejected,
                "rejeitado pelo servidor",
                "rejeitados pelo servidor"
            ),
            count(not_sent as u64, "linha não enviada", "linhas não enviadas"),
        )
    }

    fn group_choice(&self, group: &str, agents: usize) -> String {
        format!(
            "Grupo {group}: {} em rodízio",
            count(agents as u64, "agente", "agentes")
        )
    }

    fn corrections_sent(&self, sent: usize, still_wrong: usize) -> String {
        format!(
            "{} e {}; {} ainda com erros.",
            count(sent as u64, "linha corrigida", "linhas corrigidas"),
            if sent == 1 { "enviada" } else { "enviadas" },
            count(still_wrong as u64, "linha", "linhas")
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
            "Desfazer a importação de {file}? Os {} clientes criados são removidos e os {} atualizados voltam aos valores anteriores.",
            counts.created, counts.updated
        )
    }

    fn undone(&self, file: &str, s: &RevertSummary) -> String {
        format!(
            "Importação de {file} desfeita: {}, {}, {}.",
            count(s.removed, "cliente removido", "clientes removidos"),
            count(s.restored, "restaurado", "restaurados"),
            count(
                s.kept,
                "mantido (alterado desde então)",
                "mantidos (alterados desde então)"
            ),
        )
    }

    fn server_status(&self, status: u16) -> String {
        format!("O servidor respondeu com o código {status}.")
    }

    fn unexpected_answer(&self, error: &str) -> String {
        format!("Resposta inesperada do servidor: {error}")
    }
}
