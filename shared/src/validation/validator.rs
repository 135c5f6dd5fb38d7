//! The validator: one row in, its findings and normalised record out.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::caches::Caches;
use super::choice::{match_option, parse_boolean, parse_customer_type, parse_status};
use super::code::Code;
use super::country::country_code;
use super::date::{Date, is_implausible, month_first, parse_date};
use super::email::{likely_typo, normalise_email};
use super::finding::Finding;
use super::ids::{IdProblem, IdType, check_id, infer_id_type};
use super::name::split_full_name;
use super::number::{comma_is_decimal, parse_number};
use super::phone::PhoneProblem;
use super::phone_metadata;
use super::record::Record;
use super::row_fields::RowFields;
use crate::mapping::column::Target;
use crate::mapping::plan::Mapping;
use crate::schema::field::Field;
use crate::schema::profile::{FieldType, Profile, UnknownTags};
use crate::text::{clean, clean_lines, compact, edit_distance, is_blank, nearest};

/// Checks rows against a profile and a mapping. It never sees a table: it takes the header names
/// and then each row's line and cells, so it works with any storage.
///
/// ```
/// use clientela_shared::{Profile, Validator, suggest_mapping};
///
/// # fn main() -> Result<(), clientela_shared::ProfileError> {
/// let profile = Profile::from_toml("default_country = \"EC\"\nrequired = [\"email\"]")?;
/// let headers = ["Correo".to_owned(), "Celular".to_owned()];
/// let mapping = suggest_mapping::<Vec<&str>, &str>(&headers, &[], &profile);
/// let mut validator = Validator::new(&profile, &mapping, &headers);
///
/// let verdict = validator.check_row(2, &["Ana@Example.com", "099 123 4567"]);
/// assert!(verdict.is_valid());
/// assert_eq!(verdict.record.fields["email"], "ana@example.com");
/// assert_eq!(verdict.record.fields["mobile"], "+593991234567");
///
/// let verdict = validator.check_row(3, &["ana@", ""]);
/// assert_eq!(verdict.findings[0].code.as_str(), "email.invalid");
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct Validator {
    rules: Rules,
    file_findings: Vec<Finding>,
    caches: Caches,
}

/// What a validator knows before the first row.
#[derive(Debug)]
pub(crate) struct Rules {
    pub(crate) profile: Profile,
    columns: Vec<Column>,
    /// The column of the row's country, looked up once rather than on every row.
    country_column: Option<usize>,
    default_country: Option<&'static str>,
    /// `+593` for Ecuador: how the default country's numbers start in E.164.
    default_prefix: Option<String>,
    today: Option<Date>,
    /// The document type the id_number column's header names ("CPF", "Cédula").
    id_hint: Option<IdType>,
    /// Known tags: (folded, as the workspace writes it).
    known_tags: Vec<(String, String)>,
    /// The first column of each field key, for findings about a blank field.
    column_of: HashMap<String, String>,
    /// How many built-in fields a row's record can hold at most, so that its map is allocated
    /// once at the right size.
    record_fields: usize,
    /// The fields whose text a verdict reads back (see [`verdict_reads`]), by [`Field`].
    verdict_reads: [bool; Field::ALL.len()],
}

#[derive(Debug)]
struct Column {
    header: String,
    target: Target,
    /// The field key findings name (`email`, a custom key, `tags` for tag columns).
    key: Option<String>,
}

/// One row's findings and normalised record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowVerdict {
    /// The 1-based line of the file.
    pub line: u64,
    /// What is wrong or doubtful, in column order, then row-wide findings.
    pub findings: Vec<Finding>,
    /// The normalised values (complete only when the row is valid).
    pub record: Record,
    /// The values that must be unique in the file: (field, comparison key, value as shown, column).
    #[serde(skip)]
    pub(crate) unique_keys: Vec<UniqueKey>,
}

/// One value of a row that must be unique inside the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct UniqueKey {
    pub(crate) field: String,
    pub(crate) key: String,
    pub(crate) shown: String,
    pub(crate) column: Option<String>,
}

impl RowVerdict {
    /// Whether the row can be imported (no error findings; warnings are fine).
    pub fn is_valid(&self) -> bool {
        !self.findings.iter().any(Finding::is_error)
    }
}

impl Validator {
    /// A validator for files with these `headers`, mapped by `mapping`, for `profile`. Problems of
    /// the mapping itself are in [`Validator::file_findings`].
    pub fn new(profile: &Profile, mapping: &Mapping, headers: &[String]) -> Validator {
        let unmapped = if profile.keep_unmapped {
            Target::Extra
        } else {
            Target::Ignore
        };
        let columns: Vec<Column> = headers
            .iter()
            .enumerate()
            .map(|(index, header)| {
                let target = mapping
                    .columns
                    .get(index)
                    .map_or_else(|| unmapped.clone(), |column| column.target.clone());
                let key = match &target {
                    Target::Field(field) => Some(field.key().to_owned()),
                    Target::Custom(key) => Some(key.clone()),
                    Target::Tag(_) => Some("tags".to_owned()),
                    Target::Extra | Target::Ignore => None,
                };
                Column {
                    header: header.clone(),
                    target,
                    key,
                }
            })
            .collect();
        let id_hint = columns
            .iter()
            .find(|column| column.target == Target::Field(Field::IdNumber))
            .and_then(|column| IdType::from_name(&column.header));
        let mut column_of = HashMap::new();
        for column in &columns {
            if let Some(key) = &column.key {
                column_of
                    .entry(key.clone())
                    .or_insert_with(|| column.header.clone());
            }
            if column.target == Target::Field(Field::FullName) {
                for key in ["first_name", "last_name"] {
                    column_of
                        .entry(key.to_owned())
                        .or_insert_with(|| column.header.clone());
                }
            }
        }
        let record_fields = record_fields(&columns);
        Validator {
            rules: Rules {
                profile: profile.clone(),
                default_country: profile.default_country.as_deref().and_then(country_code),
                default_prefix: profile
                    .default_country
                    .as_deref()
                    .and_then(country_code)
                    .and_then(|code| phonenumber::metadata::DATABASE.by_id(code))
                    .map(|meta| format!("+{}", meta.country_code())),
                today: None,
                id_hint,
                known_tags: profile
                    .tags
                    .iter()
                    .map(|tag| (compact(tag), tag.clone()))
                    .collect(),
                column_of,
                record_fields,
                verdict_reads: verdict_reads(profile),
                country_column: columns
                    .iter()
                    .position(|column| column.target == Target::Field(Field::CountryCode)),
                columns,
            },
            file_findings: mapping.problems(profile),
            caches: Caches::default(),
        }
    }

    /// Tells the validator today's date, for two-digit years and implausible dates. The engine
    /// never reads the clock itself.
    pub fn with_today(mut self, today: Date) -> Validator {
        self.rules.today = Some(today);
        self
    }

    /// Problems with the file as a whole known before reading rows (the mapping's).
    pub fn file_findings(&self) -> &[Finding] {
        &self.file_findings
    }

    /// Problems with the file as a whole once its number of data `rows` is known: the
    /// mapping's, and more rows than the profile's `max_rows`.
    pub fn whole_file_findings(&self, rows: u64) -> Vec<Finding> {
        let mut findings = self.file_findings.clone();
        if let Some(max) = self.profile().max_rows
            && rows > max
        {
            findings.push(
                Finding::error(Code::FileTooManyRows)
                    .with("rows", rows.to_string())
                    .with("max", max.to_string()),
            );
        }
        findings
    }

    pub(crate) fn profile(&self) -> &Profile {
        &self.rules.profile
    }

    /// Checks one row. `line` is the 1-based line a user sees; `cells` are in header order (missing
    /// cells count as blank). Repeated phone numbers are answered from a cache.
    pub fn check_row(&mut self, line: u64, cells: &[&str]) -> RowVerdict {
        self.rules
            .check_row(line, cells, Keep::WholeRecord, &mut self.caches)
    }

    /// [`Validator::check_row`] for its findings and unique values only: the record lacks the
    /// columns kept as additional data, which never make a finding (copying them was a fifth of
    /// the check on a file with several such columns), and the text of the fields no finding or
    /// unique value reads (see [`verdict_reads`]).
    pub(crate) fn check_row_verdict(&mut self, line: u64, cells: &[&str]) -> RowVerdict {
        self.rules
            .check_row(line, cells, Keep::MappedFields, &mut self.caches)
    }
}

/// The most built-in fields a record can get from `columns`: one per field column, the country
/// (from its column or the profile), the names split from a full name, the document type a
/// document number implies.
fn record_fields(columns: &[Column]) -> usize {
    let mut count = 1;
    for column in columns {
        match column.target {
            Target::Field(Field::Tags | Field::CountryCode) => {}
            Target::Field(Field::FullName) => count += 3,
            Target::Field(Field::IdNumber) => count += 2,
            Target::Field(_) => count += 1,
            _ => {}
        }
    }
    count
}

/// The text fields whose value a verdict (a check for findings and unique values only) reads
/// back: the full name, split when there is no first and last name, and the fields that must be
/// unique. The others' values are not kept by a verdict, only that they are filled: copying each
/// cell of every row into a string of its own was much of a check's time.
fn verdict_reads(profile: &Profile) -> [bool; Field::ALL.len()] {
    let mut reads = [false; Field::ALL.len()];
    reads[Field::FullName as usize] = true;
    for field in profile.unique.iter().filter_map(|key| Field::from_key(key)) {
        reads[field as usize] = true;
    }
    reads
}

/// How much of the record a check builds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    WholeRecord,
    /// Everything but the columns kept as additional data.
    MappedFields,
}

/// Builds one row's verdict.
struct RowWork<'r> {
    line: u64,
    findings: Vec<Finding>,
    /// The record, but for its built-in fields, which are in `fields` until the row is done.
    record: Record,
    fields: RowFields,
    /// Keys whose cells were not blank, valid or not: a blank-required check must not pile on.
    filled: Vec<&'r str>,
    /// For a verdict, the fields whose text it reads back (see [`verdict_reads`]); `None` when
    /// the whole record is built.
    verdict_reads: Option<&'r [bool; Field::ALL.len()]>,
}

impl RowWork<'_> {
    /// Sets a built-in field to a cell's text: kept when the whole record is built or the
    /// verdict reads it, else only marked as set (no copy of the text is made).
    fn set_text(&mut self, field: Field, value: impl Into<String>) {
        let kept = self.verdict_reads.is_none_or(|reads| reads[field as usize]);
        let value = if kept { value.into() } else { String::new() };
        self.fields.set(field, value);
    }

    fn report(&mut self, column: &Column, finding: Finding) {
        self.findings.push(Finding {
            line: Some(self.line),
            column: Some(column.header.clone()),
            field: column.key.clone(),
            ..finding
        });
    }
}

impl Rules {
    fn check_row(&self, line: u64, cells: &[&str], keep: Keep, caches: &mut Caches) -> RowVerdict {
        let mut work = RowWork {
            line,
            findings: Vec::new(),
            record: Record::default(),
            fields: RowFields::default(),
            // Sized once for every column and the few keys a row adds (country, split names,
            // tags), rather than grown by doubling on each row.
            filled: Vec::with_capacity(self.columns.len() + 4),
            verdict_reads: (keep == Keep::MappedFields).then_some(&self.verdict_reads),
        };
        let country = self.row_country(cells, &mut work, caches);
        let mut id_type: Option<IdType> = None;
        let mut id_number: Option<(&Column, Cow<'_, str>)> = None;

        for (index, column) in self.columns.iter().enumerate() {
            let raw = cells.get(index).copied().unwrap_or("");
            let skipped = match column.target {
                Target::Ignore => true,
                Target::Extra => keep == Keep::MappedFields,
                _ => false,
            };
            if skipped || is_blank(raw) {
                continue;
            }
            let value = clean(raw);
            // A `TAG-` column's "0" fills nothing: `tags` counts as filled once a tag applies.
            if let Some(key) = column
                .key
                .as_deref()
                .filter(|_| !matches!(column.target, Target::Tag(_)))
            {
                work.filled.push(key);
            }
            match &column.target {
                Target::Field(field) => match field {
                    Field::Email => self.email(&mut work, column, &value, caches),
                    Field::Phone | Field::Mobile => {
                        let result = caches.phone(country, &value);
                        self.phone(&mut work, column, *field, &value, result, country);
                    }
                    Field::Tags => {
                        for tag in value
                            .split([',', ';', '|'])
                            .map(str::trim)
                            .filter(|t| !t.is_empty())
                        {
                            self.tag(&mut work, column, tag);
                        }
                    }
                    Field::Agent => self.agent(&mut work, column, &value),
                    Field::IdType => match caches.id_types.get(&value, IdType::from_name) {
                        Some(kind) => {
                            id_type = Some(kind);
                            work.set_text(Field::IdType, kind.key());
                        }
                        None => work.report(
                            column,
                            Finding::error(Code::IdTypeUnknown).with("value", value),
                        ),
                    },
                    Field::IdNumber => id_number = Some((column, value)),
                    Field::CustomerType => {
                        match caches.customer_types.get(&value, parse_customer_type) {
                            Some(kind) => {
                                work.set_text(Field::CustomerType, kind);
                            }
                            None => work.report(
                                column,
                                Finding::error(Code::CustomerTypeInvalid).with("value", value),
                            ),
                        }
                    }
                    Field::Status => match caches.statuses.get(&value, parse_status) {
                        Some(status) => {
                            work.set_text(Field::Status, status);
                        }
                        None => work.report(
                            column,
                            Finding::error(Code::StatusInvalid).with("value", value),
                        ),
                    },
                    Field::CountryCode => {}
                    Field::Notes => work.set_text(Field::Notes, clean_lines(raw)),
                    _ => work.set_text(*field, value),
                },
                Target::Custom(key) => self.custom(&mut work, column, key, &value, country),
                Target::Tag(name) => match parse_boolean(&value) {
                    Some(true) => self.tag(&mut work, column, name),
                    Some(false) => {}
                    None => work.report(
                        column,
                        Finding::error(Code::TagFlagInvalid).with("value", value),
                    ),
                },
                Target::Extra => {
                    work.record
                        .extra
                        .insert(column.header.clone(), value.into_owned());
                }
                Target::Ignore => {}
            }
        }

        self.country_from_phone(&mut work);
        if let Some(full) = work.fields.get(Field::FullName).map(str::to_owned)
            && !work.fields.contains(Field::FirstName)
            && !work.fields.contains(Field::LastName)
        {
            let (first, last) = split_full_name(&full);
            work.fields.set(Field::FirstName, first);
            if let Some(last) = last {
                work.fields.set(Field::LastName, last);
            }
            work.filled.extend(["first_name", "last_name"]);
        }
        if !work.record.tags.is_empty() {
            work.filled.push("tags");
        }
        if let Some((column, value)) = id_number {
            self.id_number(&mut work, column, &value, id_type, country);
        }
        self.row_rules(&mut work);
        work.record.fields = work.fields.into_map(self.record_fields);
        let unique_keys = self.unique_keys(&work.record);
        RowVerdict {
            line,
            findings: work.findings,
            record: work.record,
            unique_keys,
        }
    }

    /// The row's country (its country_code cell, else the profile's), recorded in the record.
    fn row_country(
        &self,
        cells: &[&str],
        work: &mut RowWork<'_>,
        caches: &mut Caches,
    ) -> Option<&'static str> {
        let index = self.country_column;
        let written = index
            .and_then(|i| cells.get(i))
            .map(|cell| cell.trim())
            .filter(|c| !c.is_empty());
        let country = match written {
            Some(written) => match caches.countries.get(written, country_code) {
                Some(code) => Some(code),
                None => {
                    let column = &self.columns[index.unwrap_or(0)];
                    work.report(
                        column,
                        Finding::error(Code::CountryInvalid).with("value", clean(written)),
                    );
                    self.default_country
                }
            },
            None => self.default_country,
        };
        if written.is_some() {
            work.filled.push("country_code");
        }
        if let Some(code) = country {
            work.fields.set(Field::CountryCode, code.into());
        }
        country
    }

    fn email(&self, work: &mut RowWork<'_>, column: &Column, value: &str, caches: &mut Caches) {
        match normalise_email(value) {
            Some(email) => {
                if let Some(fix) = caches.email_typo(&email) {
                    work.report(
                        column,
                        Finding::warning(Code::EmailTypo)
                            .with("value", value)
                            .suggest(fix),
                    );
                }
                work.fields.set(Field::Email, email);
            }
            None => {
                let mut finding = Finding::error(Code::EmailInvalid).with("value", value);
                let fixed = value.trim_end_matches(['.', ',', ';']).replace(' ', "");
                if let Some(fix) = normalise_email(&fixed).map(|f| likely_typo(&f).unwrap_or(f)) {
                    finding = finding.suggest(fix);
                }
                work.report(column, finding);
            }
        }
    }

    /// When the row names no country, a number written with another country's code says more
    /// about the customer's country than the profile's default: that country is taken.
    fn country_from_phone(&self, work: &mut RowWork<'_>) {
        let Some(default_prefix) = &self.default_prefix else {
            return;
        };
        if work.filled.contains(&"country_code") {
            return;
        }
        let foreign = [Field::Mobile, Field::Phone]
            .into_iter()
            .find_map(|field| work.fields.get(field))
            .filter(|e164| !e164.starts_with(default_prefix.as_str()))
            .and_then(phone_metadata::region_of);
        if let Some(region) = foreign {
            work.fields.set(Field::CountryCode, region.to_owned());
        }
    }

    fn phone(
        &self,
        work: &mut RowWork<'_>,
        column: &Column,
        field: Field,
        value: &str,
        result: Result<String, PhoneProblem>,
        country: Option<&str>,
    ) {
        let finding = match result {
            Ok(e164) => {
                work.fields.set(field, e164);
                // E.164 has no room for an extension: it is kept beside the number.
                if let Some(extension) = phone_extension(value) {
                    let key = format!("{}_extension", field.key());
                    work.record.extra.insert(key, extension.to_owned());
                }
                return;
            }
            Err(PhoneProblem::Invalid) => {
                Finding::error(Code::PhoneInvalid).with("country", country.unwrap_or("?"))
            }
            Err(PhoneProblem::ExcelDamaged) => Finding::error(Code::PhoneExcelDamaged),
            Err(PhoneProblem::LeadingZeroLost(fix)) => {
                Finding::error(Code::PhoneLeadingZeroLost).suggest(fix)
            }
            Err(PhoneProblem::NoCountry) => Finding::error(Code::PhoneNoCountry),
        };
        work.report(column, finding.with("value", value));
    }

    fn tag(&self, work: &mut RowWork<'_>, column: &Column, tag: &str) {
        let tag = clean(tag);
        if self.known_tags.is_empty() {
            work.record.add_tag(tag.into_owned());
            return;
        }
        let folded = compact(&tag);
        if let Some((_, known)) = self.known_tags.iter().find(|(key, _)| *key == folded) {
            work.record.add_tag(known.clone());
            return;
        }
        match self.profile.unknown_tags {
            UnknownTags::Create => {
                work.report(
                    column,
                    Finding::warning(Code::TagCreated).with("value", tag.clone()),
                );
                work.record.add_tag(tag.into_owned());
            }
            UnknownTags::Error => {
                let mut finding = Finding::error(Code::TagUnknown).with("value", tag);
                let limit = 2.max(folded.len() / 3);
                if let Some((_, known)) = nearest(&folded, &self.known_tags, |(key, _)| key, limit)
                {
                    finding = finding.suggest(known.clone());
                }
                work.report(column, finding);
            }
        }
    }

    fn agent(&self, work: &mut RowWork<'_>, column: &Column, value: &str) {
        let Some(email) = normalise_email(value) else {
            work.report(
                column,
                Finding::error(Code::AgentInvalid).with("value", value),
            );
            return;
        };
        if !self.profile.agents.is_empty() {
            match self
                .profile
                .agents
                .iter()
                .find(|agent| agent.email.eq_ignore_ascii_case(&email))
            {
                None => {
                    let mut finding = Finding::error(Code::AgentUnknown).with("value", value);
                    let nearest = self
                        .profile
                        .agents
                        .iter()
                        .map(|agent| {
                            (
                                edit_distance(&agent.email.to_ascii_lowercase(), &email),
                                agent,
                            )
                        })
                        .filter(|(distance, _)| *distance <= 3)
                        .min_by_key(|(distance, _)| *distance);
                    if let Some((_, agent)) = nearest {
                        finding = finding.suggest(agent.email.clone());
                    }
                    work.report(column, finding);
                    return;
                }
                Some(agent) if !agent.available => {
                    work.report(
                        column,
                        Finding::warning(Code::AgentUnavailable).with("value", value),
                    );
                }
                Some(_) => {}
            }
        }
        work.fields.set(Field::Agent, email);
    }

    fn id_number(
        &self,
        work: &mut RowWork<'_>,
        column: &Column,
        value: &str,
        id_type: Option<IdType>,
        country: Option<&str>,
    ) {
        let kind = id_type
            .or(self.id_hint)
            .or_else(|| infer_id_type(country, value));
        let Some(kind) = kind else {
            work.report(
                column,
                Finding::warning(Code::IdTypeMissing).with("value", value),
            );
            work.fields.set(Field::IdNumber, value.to_owned());
            return;
        };
        match check_id(kind, country, value) {
            Ok(accepted) => {
                if accepted.doubtful_check_digit {
                    work.report(
                        column,
                        Finding::warning(Code::IdCheckDigit)
                            .with("value", value)
                            .with("id_type", kind.key().to_ascii_uppercase()),
                    );
                }
                if !work.fields.contains(Field::IdType) {
                    work.fields.set(Field::IdType, kind.key().into());
                }
                work.fields.set(Field::IdNumber, accepted.number);
            }
            Err(IdProblem::Format(expected)) => work.report(
                column,
                Finding::error(Code::IdFormat)
                    .with("value", value)
                    .with("id_type", kind.key().to_ascii_uppercase())
                    .with("expected", expected),
            ),
            Err(IdProblem::CheckDigit) => work.report(
                column,
                Finding::error(Code::IdCheckDigit)
                    .with("value", value)
                    .with("id_type", kind.key().to_ascii_uppercase()),
            ),
        }
    }

    fn custom(
        &self,
        work: &mut RowWork<'_>,
        column: &Column,
        key: &str,
        value: &str,
        country: Option<&str>,
    ) {
        let Some(custom) = self.profile.custom_field(key) else {
            work.record.custom.insert(key.to_owned(), value.to_owned());
            return;
        };
        let comma_decimal = comma_is_decimal(country);
        let parsed = match custom.kind {
            FieldType::Text => Ok(value.to_owned()),
            FieldType::Number => {
                parse_number(value, false, comma_decimal).ok_or(Code::NumberInvalid)
            }
            FieldType::Currency => {
                parse_number(value, true, comma_decimal).ok_or(Code::CurrencyInvalid)
            }
            FieldType::Boolean => parse_boolean(value)
                .map(|b| b.to_string())
                .ok_or(Code::BooleanInvalid),
            FieldType::Select => match_option(value, &custom.options)
                .map(str::to_owned)
                .ok_or(Code::SelectInvalid),
            FieldType::Date => match parse_date(value, month_first(country), self.today) {
                Some(read) => {
                    if read.ambiguous && country.is_none() {
                        work.report(
                            column,
                            Finding::warning(Code::DateAmbiguous)
                                .with("value", value)
                                .suggest(read.date.to_string()),
                        );
                    }
                    if is_implausible(read.date, self.today) {
                        work.report(
                            column,
                            Finding::warning(Code::DateImplausible).with("value", value),
                        );
                    }
                    Ok(read.date.to_string())
                }
                None => Err(Code::DateInvalid),
            },
        };
        match parsed {
            Ok(normal) => {
                work.record.custom.insert(key.to_owned(), normal);
            }
            Err(code) => {
                let mut finding = Finding::error(code).with("value", value);
                if code == Code::SelectInvalid {
                    finding = finding.with("options", custom.options.join(", "));
                }
                work.report(column, finding);
            }
        }
    }

    /// Required fields and `at_least_one_of` groups.
    fn row_rules(&self, work: &mut RowWork<'_>) {
        let profile = &self.profile;
        let required = profile.required.iter().chain(
            profile
                .custom_fields
                .iter()
                .filter(|c| c.required)
                .map(|c| &c.key),
        );
        for key in required {
            if work.filled.contains(&key.as_str()) {
                continue;
            }
            // A field with no column at all is a file-level finding, not one per row. (Looked up
            // only for a missing field: hashing the key on every row costs more than the check.)
            let Some(header) = self.column_of.get(key) else {
                continue;
            };
            let mut finding = Finding::error(Code::RequiredMissing).with("field", key.clone());
            finding.line = Some(work.line);
            finding.column = Some(header.clone());
            finding.field = Some(key.clone());
            work.findings.push(finding);
        }
        for group in &profile.at_least_one_of {
            if !group.iter().any(|key| work.filled.contains(&key.as_str())) {
                let mut finding =
                    Finding::error(Code::AtLeastOneOfMissing).with("fields", group.join(", "));
                finding.line = Some(work.line);
                work.findings.push(finding);
            }
        }
    }

    fn unique_keys(&self, record: &Record) -> Vec<UniqueKey> {
        self.profile
            .unique
            .iter()
            .filter_map(|field| {
                let shown = record.get(field)?;
                let key = match field.as_str() {
                    "email" | "agent" | "phone" | "mobile" => shown.to_owned(),
                    _ => compact(shown),
                };
                Some(UniqueKey {
                    field: field.clone(),
                    key,
                    shown: shown.to_owned(),
                    column: self.column_of.get(field).cloned(),
                })
            })
            .collect()
    }
}

/// The extension written after a phone number (`… ext. 12`, `… x12`, `… #12`, `… anexo 12`,
/// `… ramal 12`, `… wewn. 12`), if any: up to six digits at the end, after one of those words.
fn phone_extension(value: &str) -> Option<&str> {
    const MARKERS: [&str; 8] = [
        "extension",
        "ext",
        "x",
        "#",
        "anexo",
        "ramal",
        "wewn",
        "wew",
    ];
    let value = value.trim_end();
    let digits_at = value.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let digits = &value[digits_at..];
    if digits.is_empty() || digits.len() > 6 {
        return None;
    }
    let before = value[..digits_at]
        .trim_end()
        .trim_end_matches([':', '.'])
        .trim_end();
    let lower = before.to_lowercase();
    MARKERS
        .iter()
        .any(|marker| {
            lower.ends_with(marker)
                && !lower[..lower.len() - marker.len()].ends_with(|c: char| c.is_alphabetic())
        })
        .then_some(digits)
}

/// A validator for `profile` (TOML) over a file with `headers`, mapped as suggested; for tests.
#[cfg(test)]
pub(crate) fn validator_for(profile: &str, headers: &[&str]) -> Validator {
    let profile = Profile::from_toml(profile).expect("profile");
    let headers: Vec<String> = headers.iter().map(|h| (*h).to_owned()).collect();
    let mapping =
        crate::mapping::suggest::suggest_mapping::<Vec<&str>, &str>(&headers, &[], &profile);
    Validator::new(&profile, &mapping, &headers)
}

#[cfg(test)]
mod tests {
    use super::validator_for as validator;

    /// The fields a row gets in other ways than from its own column (the country from the
    /// profile, names split from a full name, the document type from the number) sit in key
    /// order with the others, as they did in the B-tree the record used to hold.
    #[test]
    fn a_records_fields_are_in_key_order_whatever_set_them() {
        let mut validator = validator(
            "default_country = \"EC\"",
            // Without sample rows, "Estado" reads as the state (province), not the status.
            &["Nombre completo", "Estado", "Cédula", "Correo", "Ciudad"],
        );
        let verdict = validator.check_row(
            2,
            &[
                "Ana María Pérez",
                "Activo",
                "1710034065",
                "Ana@Example.com",
                "Quito",
            ],
        );
        assert!(verdict.is_valid(), "{:?}", verdict.findings);
        let json = serde_json::to_string(&verdict.record).expect("json");
        assert_eq!(
            json,
            "{\"city\":\"Quito\",\"country_code\":\"EC\",\"email\":\"ana@example.com\",\
             \"first_name\":\"Ana\",\"full_name\":\"Ana María Pérez\",\
             \"id_number\":\"1710034065\",\"id_type\":\"cedula\",\
             \"last_name\":\"María Pérez\",\"state\":\"Activo\",\"tags\":[],\"custom\":{},\
             \"extra\":{}}"
        );
    }

    #[test]
    fn a_phone_extension_is_kept_beside_the_number() {
        let mut validator = validator("default_country = \"EC\"", &["Nombre", "Teléfono"]);
        let verdict = validator.check_row(2, &["Ana", "02 234 5678 ext. 12"]);
        assert!(verdict.is_valid(), "{:?}", verdict.findings);
        assert_eq!(verdict.record.get("phone"), Some("+59322345678"));
        assert_eq!(
            verdict
                .record
                .extra
                .get("phone_extension")
                .map(String::as_str),
            Some("12")
        );
        for (written, extension) in [
            ("02 234 5678 x12", Some("12")),
            ("02 234 5678 #7", Some("7")),
            ("(02) 234-5678 anexo: 301", Some("301")),
            ("02 234 5678", None),
            ("+593 2 234 5678", None),
        ] {
            assert_eq!(super::phone_extension(written), extension, "{written}");
        }
    }

    #[test]
    fn a_foreign_number_gives_the_country_the_row_does_not_name() {
        let mut validator = validator("default_country = \"EC\"", &["Nombre", "Teléfono", "País"]);
        let country = |validator: &mut super::Validator, phone: &str, written: &str| {
            let verdict = validator.check_row(2, &["Ana", phone, written]);
            verdict.record.get("country_code").map(str::to_owned)
        };
        assert_eq!(
            country(&mut validator, "+48 22 123 45 67", "").as_deref(),
            Some("PL")
        );
        assert_eq!(
            country(&mut validator, "099 123 4567", "").as_deref(),
            Some("EC")
        );
        assert_eq!(
            country(&mut validator, "+48 22 123 45 67", "Ecuador").as_deref(),
            Some("EC"),
            "a country written in the row wins"
        );
    }

    #[test]
    fn notes_keep_their_line_breaks() {
        let mut validator = validator("", &["Nombre", "Notas"]);
        let verdict =
            validator.check_row(2, &["Ana", " Llamar  el lunes\r\nDespués   de las 10 \r\n"]);
        assert_eq!(
            verdict.record.get("notes"),
            Some("Llamar el lunes\nDespués de las 10")
        );
    }
}
