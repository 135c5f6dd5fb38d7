//! The tags and the status an import gives every customer of its file (`ImportOptions::tags`
//! and `status`). They are checked once, when the import opens, by the same engine and profile
//! as its rows, then added to every valid record of its batches, as the engine spelt them.

use clientela_shared::{
    ApiMessage, FieldProblem, ImportOptions, Profile, Record, RowVerdict, recheck_record,
};

/// An import's tags and status for every record, as the engine spells them.
#[derive(Debug, Clone, Default)]
pub(crate) struct RecordDefaults {
    tags: Vec<String>,
    status: Option<String>,
}

impl RecordDefaults {
    /// The options' tags and status checked against `profile`: what the engine makes of them,
    /// or what it refuses, as problems of `options.tags` and `options.status`.
    pub(crate) fn check(
        profile: &Profile,
        options: &ImportOptions,
    ) -> Result<RecordDefaults, Vec<FieldProblem>> {
        if options.tags.is_empty() && options.status.is_none() {
            return Ok(RecordDefaults::default());
        }
        let mut probe = Record {
            tags: options.tags.clone(),
            ..Record::default()
        };
        if let Some(status) = &options.status {
            probe.fields.insert("status".into(), status.clone());
        }
        let verdict = recheck_record(profile, 0, &probe);
        let problems: Vec<FieldProblem> = verdict
            .findings
            .iter()
            .filter(|finding| finding.is_error())
            .filter_map(|finding| {
                let field = finding.field.as_deref()?;
                ["tags", "status"].contains(&field).then(|| {
                    FieldProblem::new(
                        format!("options.{field}"),
                        ApiMessage::ValueRefused(finding.clone()),
                    )
                })
            })
            .collect();
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(RecordDefaults {
            tags: verdict.record.tags,
            status: verdict.record.fields.get("status").cloned(),
        })
    }

    /// The defaults of an import that opened with `options` (checked then): what the engine
    /// makes of them now.
    pub(crate) fn of(profile: &Profile, options: &ImportOptions) -> RecordDefaults {
        RecordDefaults::check(profile, options).unwrap_or_default()
    }

    /// Gives a valid row's record the tags, and the status when it has none.
    pub(crate) fn apply(&self, verdict: &mut RowVerdict) {
        if !verdict.is_valid() {
            return;
        }
        for tag in &self.tags {
            verdict.record.add_tag(tag.clone());
        }
        if let Some(status) = &self.status
            && !verdict.record.fields.contains_key("status")
        {
            verdict
                .record
                .fields
                .insert("status".into(), status.clone());
        }
    }
}
