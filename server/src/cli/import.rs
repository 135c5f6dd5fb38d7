//! `clientela import FILE --server URL --token T`: a headless client. It reads and validates the
//! file locally with the same engine as the browser, then sends the valid rows with the same
//! idempotent protocol. Running it again with the same file and profile resumes the same import:
//! batches already stored are answered from the server's record, not stored twice.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};
use clientela_shared::{
    Assignee, Batch, BatchAnswer, BatchRow, DuplicatePolicy, ImportOptions, ImportSummary,
    Language, Me, NewImport, Outcome, OutcomeCounts, Profile, ReadOptions, UnknownTags, Validator,
    WorkspaceRules, WorkspaceSchema, read_table_owned_with, suggest_mapping_for_table,
};
use reqwest::StatusCode;
use serde::de::DeserializeOwned;

use super::validate::finding_line;

/// Options of `clientela import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The customer file: CSV, XLSX, XLSM, XLS, XLSB or ODS.
    file: PathBuf,
    /// The Clientela server, such as `http://127.0.0.1:8080`.
    #[arg(long, env = "CLIENTELA_SERVER")]
    server: String,
    /// An API token (`clientela token create`).
    #[arg(long, env = "CLIENTELA_TOKEN", hide_env_values = true)]
    token: String,
    /// Import profile: the name of one an admin saved, or a TOML file.
    #[arg(long, value_name = "NAME|FILE")]
    profile: Option<String>,
    /// Rows whose email or phone is already stored: skip or update.
    #[arg(long, value_enum, default_value_t = Duplicates::Skip)]
    duplicates: Duplicates,
    /// The sheet to read from a workbook (default: the first with data).
    #[arg(long)]
    sheet: Option<String>,
    /// Who new customers go to: `me`, an agent's email, or `group:NAME` (its available agents
    /// in turns). Default: nobody.
    #[arg(long, value_name = "ASSIGNEE")]
    assign_to: Option<String>,
    /// When the chosen agent (or every agent of the group) is away, give each new customer to a
    /// random available agent.
    #[arg(long)]
    reassign_if_unavailable: bool,
    /// Put the file's customers on the list of this name (created if new).
    #[arg(long, value_name = "NAME")]
    list: Option<String>,
    /// A tag every customer of the file gets, besides its own (repeat for more).
    #[arg(long = "tag", value_name = "TAG")]
    tags: Vec<String>,
    /// The status of every customer whose row gives none (`active` or `potential`).
    #[arg(long)]
    status: Option<String>,
    /// The import's id (default: made from the file, the profile and the options, so a rerun
    /// resumes).
    #[arg(long)]
    client_id: Option<String>,
    /// Language of the server's messages, the rejected rows' reasons and the summary email:
    /// en, es, pt or pl.
    #[arg(long, default_value = "en")]
    lang: Language,
}

/// `--duplicates`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Duplicates {
    Skip,
    Update,
}

/// How often a batch is tried before giving up, and the first pause between tries.
const ATTEMPTS: u32 = 5;
const FIRST_PAUSE: Duration = Duration::from_millis(500);

impl ImportArgs {
    /// Runs the import; fails when the server cannot be reached or refuses the import.
    pub async fn run(self) -> anyhow::Result<()> {
        let server = Server::new(&self.server, &self.token, self.lang);
        let schema: WorkspaceSchema = server.send("GET", "/api/schema", &()).await?;
        let me: Me = server.send("GET", "/api/me", &()).await?;
        // The server checks the rows under the workspace's rules; so does this check.
        let rules = WorkspaceRules {
            saved: &schema.profiles,
            tags: &schema.tags,
            custom_fields: &schema.custom_fields,
        };
        let chosen = self.chosen_profile(&rules)?;
        // The import's id follows what the user chose, so that a rerun resumes it even if an
        // admin changed the workspace's rules in between.
        let chosen_toml = chosen.to_toml();
        let profile = rules.import_profile(me.role, chosen.clone());
        warn_about_rules(&chosen, &profile);
        let import_options = ImportOptions {
            duplicates: match self.duplicates {
                Duplicates::Skip => DuplicatePolicy::Skip,
                Duplicates::Update => DuplicatePolicy::Update,
            },
            assign_to: self.assign_to.as_deref().map(assignee),
            reassign_if_unavailable: self.reassign_if_unavailable,
            list: self.list.clone(),
            tags: self.tags.clone(),
            status: self.status.clone(),
        };
        let bytes = std::fs::read(&self.file)
            .with_context(|| format!("cannot read {}", self.file.display()))?;
        let options = ReadOptions {
            sheet: self.sheet.clone(),
            ..ReadOptions::default()
        };
        // The resumable import's id starts from the file's bytes, which the reader then keeps.
        let mut import_key = Fingerprint::default();
        import_key.add(&bytes);
        let table = read_table_owned_with(bytes, &options)
            .with_context(|| self.file.display().to_string())?;
        let mapping = suggest_mapping_for_table(&table, &profile);
        let report = Validator::new(&profile, &mapping, table.columns()).validate_table(&table);
        let cells_by_line: std::collections::HashMap<u64, Vec<String>> = table
            .rows()
            .map(|row| (row.line(), row.cells().map(str::to_owned).collect()))
            .collect();
        let rows: Vec<BatchRow> = report
            .rows
            .iter()
            .filter_map(|row| {
                Some(BatchRow {
                    line: row.line,
                    record: row.record.clone()?,
                    source: cells_by_line.get(&row.line).cloned().unwrap_or_default(),
                })
            })
            .collect();
        // A file the profile refuses whole (too many rows, a required column not mapped) sends
        // nothing, so that no import is left half done.
        let file_errors: Vec<String> = report
            .file_issues
            .iter()
            .filter(|finding| finding.is_error())
            .map(|finding| finding_line(finding, self.lang))
            .collect();
        if !file_errors.is_empty() {
            bail!(
                "{} was not imported:\n{}",
                self.file.display(),
                file_errors.join("\n")
            );
        }
        let invalid = report.rows.len() - rows.len();
        println!(
            "{}: {} rows, {} valid, {} with errors (not sent)",
            self.file.display(),
            report.rows.len(),
            rows.len(),
            invalid
        );

        let file_name = self.file.file_name().map_or_else(
            || "file".to_owned(),
            |name| name.to_string_lossy().into_owned(),
        );
        let client_id = self.client_id.clone().unwrap_or_else(|| {
            let options_json = serde_json::to_vec(&import_options).expect("options serialise");
            import_key.add(chosen_toml.as_bytes());
            import_key.add(&options_json);
            format!("cli-{:016x}", import_key.0)
        });
        let new_import = NewImport {
            client_id,
            file_name,
            columns: table.columns().to_vec(),
            profile,
            mapping: Some(mapping),
            options: import_options,
            rows: Some(report.rows.len() as u64),
        };
        let import: ImportSummary = server.send("POST", "/api/imports", &new_import).await?;
        let batches = rows.len().div_ceil(Batch::MAX_ROWS);
        let mut counts = OutcomeCounts::default();
        for (seq, chunk) in rows.chunks(Batch::MAX_ROWS).enumerate() {
            let batch = Batch {
                rows: chunk.to_vec(),
            };
            let path = format!("/api/imports/{}/batches/{seq}", import.id);
            let answer: BatchAnswer = server.send("PUT", &path, &batch).await?;
            for row in &answer.rows {
                match row.outcome {
                    Outcome::Created { .. } => counts.created += 1,
                    Outcome::Updated { .. } => counts.updated += 1,
                    Outcome::Skipped { .. } => counts.skipped += 1,
                    Outcome::Rejected { .. } => counts.rejected += 1,
                }
            }
            println!("batch {}/{batches} confirmed", seq + 1);
        }
        let path = format!("/api/imports/{}/commit", import.id);
        let _: ImportSummary = server.send("POST", &path, &()).await?;
        println!(
            "import {}: {} created, {} updated, {} skipped, {} rejected by the server",
            import.id, counts.created, counts.updated, counts.skipped, counts.rejected
        );
        let mut why = Vec::new();
        if invalid > 0 {
            why.push(format!(
                "{invalid} rows with errors were not sent (`clientela validate` lists why)"
            ));
        }
        if counts.rejected > 0 {
            why.push(format!(
                "the server refused {} rows (their reasons: GET {}/api/imports/{}/errors.csv)",
                counts.rejected, server.base, import.id
            ));
        }
        if !why.is_empty() {
            bail!("some rows were not imported: {}", why.join("; "));
        }
        Ok(())
    }
}

/// `--assign-to`: `me`, `group:NAME` or an agent's email.
fn assignee(text: &str) -> Assignee {
    match text.trim() {
        "me" => Assignee::Me,
        other => match other.strip_prefix("group:") {
            Some(name) => Assignee::Group {
                name: name.trim().to_owned(),
            },
            None => Assignee::Agent {
                email: other.to_owned(),
            },
        },
    }
}

/// The server and the token to reach it with.
struct Server {
    base: String,
    token: String,
    /// Sent as `Accept-Language`.
    language: Language,
    client: reqwest::Client,
}

impl Server {
    fn new(base: &str, token: &str, language: Language) -> Server {
        Server {
            base: base.trim_end_matches('/').to_owned(),
            token: token.to_owned(),
            language,
            client: reqwest::Client::new(),
        }
    }

    /// Sends JSON and parses the JSON answer, trying again (with growing pauses) when the server
    /// cannot be reached, fails, or asks for the batch again; each request is idempotent.
    async fn send<T: DeserializeOwned>(
        &self,
        method: &str,
        path: &str,
        body: &impl serde::Serialize,
    ) -> anyhow::Result<T> {
        let url = format!("{}{path}", self.base);
        let method: reqwest::Method = method.parse().context("an HTTP method")?;
        let mut pause = FIRST_PAUSE;
        for attempt in 1..=ATTEMPTS {
            let sent = self
                .client
                .request(method.clone(), &url)
                .bearer_auth(&self.token)
                .header(reqwest::header::ACCEPT_LANGUAGE, self.language.code())
                .json(body)
                .send()
                .await;
            let retry_reason = match sent {
                Ok(response) if response.status().is_success() => {
                    return response
                        .json()
                        .await
                        .with_context(|| format!("unexpected answer from {url}"));
                }
                Ok(response) => {
                    let status = response.status();
                    let text = response.text().await.unwrap_or_default();
                    let retry = status.is_server_error()
                        || status == StatusCode::TOO_MANY_REQUESTS
                        || status == StatusCode::REQUEST_TIMEOUT
                        || (status == StatusCode::CONFLICT && text.contains("batch.retry"));
                    if !retry {
                        bail!("{url}: {status}: {}", server_message(&text));
                    }
                    format!("{status}")
                }
                Err(err) => err.to_string(),
            };
            if attempt < ATTEMPTS {
                eprintln!("{url}: {retry_reason}; trying again in {pause:?}");
                tokio::time::sleep(pause).await;
                pause *= 2;
            }
        }
        bail!("{url}: gave up after {ATTEMPTS} attempts; run the same command again to resume")
    }
}

/// The message of the server's JSON error with the problems it lists (what is wrong with which
/// field), or the text itself.
fn server_message(text: &str) -> String {
    let Ok(answer) = serde_json::from_str::<serde_json::Value>(text) else {
        return text.to_owned();
    };
    let error = &answer["error"];
    let mut message = error["message"].as_str().unwrap_or(text).to_owned();
    for problem in error["problems"].as_array().into_iter().flatten() {
        if let (Some(field), Some(said)) = (problem["field"].as_str(), problem["message"].as_str())
        {
            message.push_str(&format!("\n  {field}: {said}"));
        }
    }
    message
}

impl ImportArgs {
    /// The profile `--profile` names: a TOML file, or else a profile an admin saved.
    fn chosen_profile(&self, rules: &WorkspaceRules<'_>) -> anyhow::Result<Profile> {
        let Some(chosen) = &self.profile else {
            return Ok(Profile::default());
        };
        let path = Path::new(chosen);
        if path.is_file() {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the profile {}", path.display()))?;
            return Profile::from_toml(&text).with_context(|| path.display().to_string());
        }
        if rules.saved_profile(chosen).is_some() {
            return Ok(Profile {
                name: Some(chosen.clone()),
                ..Profile::default()
            });
        }
        let saved: Vec<&str> = rules
            .saved
            .iter()
            .map(|saved| saved.name.as_str())
            .collect();
        bail!(
            "--profile {chosen}: no such file, and the workspace saved no profile of that name \
             (saved profiles: {})",
            if saved.is_empty() {
                "none".to_owned()
            } else {
                saved.join(", ")
            }
        )
    }
}

/// Says where the workspace's rules replace what the user chose, as the server will too.
fn warn_about_rules(chosen: &Profile, applied: &Profile) {
    let only_a_name = Profile {
        name: chosen.name.clone(),
        ..Profile::default()
    };
    if let Some(name) = &applied.name
        && *chosen != only_a_name
    {
        eprintln!("note: the workspace's saved profile {name:?} applies, not the file's rules");
    }
    if chosen.unknown_tags == UnknownTags::Create && applied.unknown_tags == UnknownTags::Error {
        eprintln!(
            "note: only admins may accept tags the workspace does not know; \
             rows with such tags will be refused"
        );
    }
}

/// FNV-1a over byte strings added one after the other: a stable id for the same file, profile
/// and options.
#[derive(Debug)]
struct Fingerprint(u64);

impl Default for Fingerprint {
    fn default() -> Self {
        Fingerprint(0xcbf2_9ce4_8422_2325)
    }
}

impl Fingerprint {
    fn add(&mut self, part: &[u8]) {
        for byte in part.iter().chain(&[0xff]) {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}
