//! The OpenAPI document against the server's real answers. A scenario goes through every JSON
//! endpoint, successes and failures alike, and checks each answer against the schema the
//! document gives for its path, method and status: the types, the required properties, the
//! enumerations, and no property the document does not name.

use clientela_shared::Role;
use serde_json::{Value, json};

use crate::on_both_databases;
use crate::support::http::{ADMIN_TOKEN, Backend, TestApp};

/// The served document and the app it describes.
struct Checked {
    app: TestApp,
    document: Value,
}

impl Checked {
    async fn new(backend: Backend) -> Checked {
        let app = TestApp::new(backend).await;
        let (status, document) = app.get_anonymous("/api/openapi.json").await;
        assert_eq!(status, 200);
        Checked { app, document }
    }

    /// Calls `method uri` as `token` (anonymous when `None`) and checks the answer against the
    /// document's `template` path; returns the answer.
    async fn call(
        &self,
        method: &str,
        template: &str,
        uri: &str,
        body: Option<Value>,
        token: Option<&str>,
    ) -> (u16, Value) {
        let body = body.map(|body| body.to_string());
        let (status, answer) = match token {
            Some(token) => self.app.call_as(method, uri, body.as_deref(), token).await,
            None => self.app.get_anonymous(uri).await,
        };
        let status = status.as_u16();
        let operation = &self.document["paths"][template][method.to_lowercase()];
        assert!(
            operation.is_object(),
            "{method} {template} is not documented"
        );
        let response = self.resolve(&operation["responses"][status.to_string()]);
        assert!(
            response.is_object(),
            "{method} {uri} answered {status}, which the document does not list: {answer}"
        );
        match response.pointer("/content/application~1json/schema") {
            Some(schema) => {
                let mut problems = Vec::new();
                self.check(schema, &answer, "answer", &mut problems);
                assert!(
                    problems.is_empty(),
                    "{method} {uri} ({status}) differs from the document:\n  {}\nanswer: {answer}",
                    problems.join("\n  ")
                );
            }
            None => assert_eq!(
                answer,
                Value::Null,
                "{method} {uri} ({status}) has a body the document does not describe"
            ),
        }
        (status, answer)
    }

    /// `value` itself, or what its `$ref` points to.
    fn resolve<'a>(&'a self, value: &'a Value) -> &'a Value {
        match value.get("$ref").and_then(Value::as_str) {
            Some(reference) => self
                .document
                .pointer(reference.trim_start_matches('#'))
                .unwrap_or_else(|| panic!("{reference} resolves to nothing")),
            None => value,
        }
    }

    /// Adds to `problems` every way `value` (at `at`) differs from `schema`.
    fn check(&self, schema: &Value, value: &Value, at: &str, problems: &mut Vec<String>) {
        let schema = self.resolve(schema);
        if let Some(choices) = schema.get("oneOf").and_then(Value::as_array) {
            let fitting = choices
                .iter()
                .filter(|choice| {
                    let mut found = Vec::new();
                    self.check(choice, value, at, &mut found);
                    found.is_empty()
                })
                .count();
            if fitting != 1 {
                problems.push(format!("{at}: fits {fitting} of the oneOf choices"));
            }
            return;
        }
        if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
            && !allowed.contains(value)
        {
            problems.push(format!("{at}: {value} is not one of {allowed:?}"));
        }
        if let Some(expected) = schema.get("type") {
            let types: Vec<&str> = match expected {
                Value::String(one) => vec![one.as_str()],
                Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            if !types.iter().any(|kind| is_of_type(value, kind)) {
                problems.push(format!("{at}: {value} is not of type {expected}"));
                return;
            }
        }
        match value {
            Value::Object(object) => {
                for required in schema["required"].as_array().into_iter().flatten() {
                    let key = required.as_str().unwrap_or_default();
                    if !object.contains_key(key) {
                        problems.push(format!("{at}: `{key}` is required but missing"));
                    }
                }
                let properties = schema.get("properties").and_then(Value::as_object);
                let additional = schema.get("additionalProperties");
                for (key, item) in object {
                    let at = format!("{at}.{key}");
                    match (properties.and_then(|p| p.get(key)), additional) {
                        (Some(property), _) => self.check(property, item, &at, problems),
                        (None, Some(Value::Bool(true))) => {}
                        (None, Some(other @ Value::Object(_))) => {
                            self.check(other, item, &at, problems);
                        }
                        (None, _) if properties.is_some() => {
                            problems.push(format!("{at}: not in the document"));
                        }
                        (None, _) => {}
                    }
                }
            }
            Value::Array(items) => {
                if let Some(item_schema) = schema.get("items") {
                    for (index, item) in items.iter().enumerate().take(50) {
                        self.check(item_schema, item, &format!("{at}[{index}]"), problems);
                    }
                }
            }
            _ => {}
        }
    }
}

fn is_of_type(value: &Value, kind: &str) -> bool {
    match kind {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        _ => false,
    }
}

fn record(first_name: &str, email: &str) -> Value {
    json!({ "first_name": first_name, "email": email, "tags": ["vip"],
            "custom": { "plan": "pro" }, "extra": { "Origen": "feria" } })
}

async fn every_answer_is_as_documented(backend: Backend) {
    let api = Checked::new(backend).await;
    let admin = Some(ADMIN_TOKEN);
    let (_, agent_token) = api
        .app
        .user_with_token("ana@crm.example", Role::Agent)
        .await;
    let agent = Some(agent_token.as_str());

    api.call("GET", "/api/health", "/api/health", None, None)
        .await;
    api.call("GET", "/api/me", "/api/me", None, None).await;
    api.call("GET", "/api/me", "/api/me", None, admin).await;

    // The catalogues, as an admin sets them up, and what an agent may not do.
    let tags = json!({ "tags": ["vip", "feria"] });
    api.call("PUT", "/api/tags", "/api/tags", Some(tags.clone()), admin)
        .await;
    api.call("PUT", "/api/tags", "/api/tags", Some(tags), agent)
        .await;
    let fields = json!({ "custom_fields": [
        { "key": "plan", "label": "Plan", "type": "select", "options": ["basic", "pro"] },
        { "key": "birthday", "label": "Birthday", "type": "date", "required": false },
    ] });
    let custom_fields = "/api/custom-fields";
    api.call("PUT", custom_fields, custom_fields, Some(fields), admin)
        .await;
    let shadowing = json!({ "custom_fields": [{ "key": "email", "label": "E", "type": "text" }] });
    api.call("PUT", custom_fields, custom_fields, Some(shadowing), admin)
        .await;
    let profile = json!({ "default_country": "EC", "required": ["email"] });
    let profiles = "/api/profiles/{name}";
    api.call("PUT", profiles, "/api/profiles/feria", Some(profile), admin)
        .await;
    api.call("DELETE", profiles, "/api/profiles/feria", None, admin)
        .await;
    api.call("DELETE", profiles, "/api/profiles/feria", None, admin)
        .await;

    // Users and groups.
    let marta = json!({ "email": "marta@crm.example", "name": "Marta", "role": "agent",
                        "password": "marta's password" });
    let (_, added) = api
        .call(
            "POST",
            "/api/users",
            "/api/users",
            Some(marta.clone()),
            admin,
        )
        .await;
    api.call("POST", "/api/users", "/api/users", Some(marta), admin)
        .await;
    let marta_uri = format!("/api/users/{}", added["id"]);
    let away = json!({ "available": false });
    api.call("PATCH", "/api/users/{id}", &marta_uri, Some(away), admin)
        .await;
    api.call("GET", "/api/users", "/api/users", None, admin)
        .await;
    api.call("GET", "/api/users", "/api/users", None, agent)
        .await;
    // Deactivating: a user (200), and the last active admin (409).
    let pablo = json!({ "email": "pablo@crm.example", "name": "Pablo", "role": "agent" });
    let (_, pablo) = api
        .call("POST", "/api/users", "/api/users", Some(pablo), admin)
        .await;
    let deactivate = json!({ "active": false });
    let pablo_uri = format!("/api/users/{}", pablo["id"]);
    let (status, _) = api
        .call(
            "PATCH",
            "/api/users/{id}",
            &pablo_uri,
            Some(deactivate.clone()),
            admin,
        )
        .await;
    assert_eq!(status, 200);
    let (_, me) = api.call("GET", "/api/me", "/api/me", None, admin).await;
    let me_uri = format!("/api/users/{}", me["id"]);
    let (status, _) = api
        .call("PATCH", "/api/users/{id}", &me_uri, Some(deactivate), admin)
        .await;
    assert_eq!(status, 409);
    let members = json!({ "members": ["ana@crm.example", "marta@crm.example"] });
    let groups = "/api/groups/{name}";
    api.call("PUT", groups, "/api/groups/Ventas", Some(members), admin)
        .await;
    api.call("GET", "/api/schema", "/api/schema", None, agent)
        .await;

    // An import from start to end, with a rejected row, a preview, a list and a revert.
    let new_import = json!({
        "client_id": "openapi-1", "file_name": "feria.csv",
        "profile": { "default_country": "EC" },
        "mapping": null,
        "options": { "duplicates": "update", "list": "Feria",
                     "assign_to": { "kind": "group", "name": "Ventas" },
                     "reassign_if_unavailable": true },
    });
    let imports = "/api/imports";
    let (_, opened) = api
        .call("POST", imports, imports, Some(new_import.clone()), admin)
        .await;
    api.call("POST", imports, imports, Some(new_import), admin)
        .await;
    let id = opened["id"].as_i64().unwrap();
    let rows = json!({ "rows": [
        { "line": 2, "record": record("Ana", "ana@cliente.example") },
        { "line": 3, "record": record("Luis", "luis@") },
    ] });
    let preview = format!("/api/imports/{id}/preview");
    api.call(
        "POST",
        "/api/imports/{id}/preview",
        &preview,
        Some(rows.clone()),
        admin,
    )
    .await;
    let batches = "/api/imports/{id}/batches/{seq}";
    let batch_1 = format!("/api/imports/{id}/batches/1");
    api.call("PUT", batches, &batch_1, Some(rows), admin).await;
    let changed = json!({ "rows": [{ "line": 2, "record": record("Eva", "eva@x.example") }] });
    api.call("PUT", batches, &batch_1, Some(changed), admin)
        .await;
    let commit = format!("/api/imports/{id}/commit");
    api.call("POST", "/api/imports/{id}/commit", &commit, None, admin)
        .await;
    api.call("GET", imports, imports, None, admin).await;
    let one = format!("/api/imports/{id}");
    api.call("GET", "/api/imports/{id}", &one, None, admin)
        .await;
    api.call(
        "GET",
        "/api/imports/{id}",
        "/api/imports/999999",
        None,
        admin,
    )
    .await;

    // The customers and lists it made; a malformed query.
    let customers = "/api/customers";
    let (_, found) = api
        .call(
            "GET",
            customers,
            &format!("/api/customers?import={id}&list=Feria&tag=vip"),
            None,
            admin,
        )
        .await;
    assert_eq!(found["total"], 1, "{found}");
    api.call("GET", customers, "/api/customers?page=first", None, admin)
        .await;
    api.call("GET", "/api/lists", "/api/lists", None, admin)
        .await;
    let old_style = json!({ "file_name": "antes.csv", "columns": ["Nombre", "Correo"],
                            "rows": [{ "line": 2, "values": ["Rosa", "rosa@x.example"] }] });
    api.call("POST", customers, customers, Some(old_style), admin)
        .await;

    let revert = format!("/api/imports/{id}/revert");
    api.call("POST", "/api/imports/{id}/revert", &revert, None, agent)
        .await;
    api.call("POST", "/api/imports/{id}/revert", &revert, None, admin)
        .await;
    api.call("POST", "/api/imports/{id}/revert", &revert, None, admin)
        .await;
    api.call("DELETE", groups, "/api/groups/Ventas", None, admin)
        .await;
}
on_both_databases!(every_answer_is_as_documented);
