//! The JSON shapes of the API (`clientela-shared`'s types as serde writes them).

use clientela_shared::{Batch, Field};
use serde_json::{Value, json};

/// The named schemas.
pub(super) fn schemas() -> Value {
    let field_keys: Vec<&str> = Field::ALL.iter().map(|field| field.key()).collect();
    let mut schemas = json!({
        "Error": object(&["error"], json!({
            "error": object(&["code", "message", "problems"], json!({
                "code": { "type": "string", "description": "Stable, e.g. `request.invalid`, \
                    `request.bad_path`, `batch.changed`, `rate.limited`." },
                "message": { "type": "string", "description": "For people, in the \
                    request's `Accept-Language` (en, es, pt or pl; English otherwise)." },
                "problems": { "type": "array", "items": reference("RequestProblem") },
            })),
        })),
        "RequestProblem": object(&["field", "code", "message"], json!({
            "field": { "type": "string" }, "code": { "type": "string" },
            "message": { "type": "string", "description": "In the request's \
                `Accept-Language`, as the error's `message`." },
        })),
        "Role": { "type": "string", "enum": ["agent", "supervisor", "admin"] },
        "SignIn": object(&["email", "password"], json!({
            "email": { "type": "string" }, "password": { "type": "string" },
        })),
        "Me": object(&["id", "email", "name", "role", "workspace_id"], json!({
            "id": { "type": "integer" }, "email": { "type": "string" },
            "name": { "type": "string" }, "role": reference("Role"),
            "workspace_id": { "type": "integer" },
        })),
        "Agent": object(&["id", "email", "name", "role", "available"], json!({
            "id": { "type": "integer" }, "email": { "type": "string" },
            "name": { "type": "string" }, "role": reference("Role"),
            "available": { "type": "boolean", "description": "Takes new customers now." },
            "active": { "type": "boolean", "default": true,
                        "description": "False once an admin deactivated the user." },
        })),
        "NewUser": object(&["email", "name", "role"], json!({
            "email": { "type": "string" }, "name": { "type": "string" },
            "role": reference("Role"),
            "password": { "type": ["string", "null"], "minLength": 8,
                          "description": "Without one, the user works with API tokens only." },
        })),
        "UserChanges": object(&[], json!({
            "name": { "type": "string" }, "role": reference("Role"),
            "available": { "type": "boolean" }, "password": { "type": "string", "minLength": 8 },
            "active": { "type": "boolean", "description": "Admins only. false deactivates the \
                user: their tokens and sessions end, they cannot sign in and take no customers; \
                their customers and imports stay. true lets them sign in again." },
        })),
        "Tags": object(&["tags"], json!({ "tags": strings() })),
        "FieldType": { "type": "string",
            "enum": ["text", "number", "currency", "date", "boolean", "select"] },
        "CustomField": object(&["key", "label", "type"], json!({
            "key": { "type": "string", "pattern": "^[a-z][a-z0-9_]{0,49}$" },
            "label": { "type": "string" }, "type": reference("FieldType"),
            "options": strings(), "required": { "type": "boolean" },
        })),
        "CustomFields": object(&["custom_fields"], json!({
            "custom_fields": { "type": "array", "items": reference("CustomField") },
        })),
        "Profile": {
            "type": "object",
            "description": "An import profile (also written as TOML for the command line).",
            "properties": {
                "name": { "type": "string", "description": "In an import: the saved profile \
                    whose rules apply (matched ignoring case); any other name is dropped and the \
                    profile's own rules apply." },
                "default_country": { "type": "string", "description": "ISO 3166 alpha-2." },
                "required": strings(),
                "at_least_one_of": { "type": "array", "items": strings() },
                "unique": strings(),
                "max_rows": { "type": "integer", "description": "The most data rows a file \
                    may have. The server refuses a batch that would take an import past it." },
                "tags": strings(),
                "unknown_tags": { "type": "string", "enum": ["error", "create"],
                    "description": "What a tag the workspace does not know is. In an import, \
                    create is kept only from admins or from a saved profile." },
                "agents": { "type": "array", "items": {} },
                "custom_fields": { "type": "array", "items": reference("CustomField") },
                "keep_unmapped": { "type": "boolean", "default": true, "description": "Keep \
                    columns that map to no field as additional data; without it, the server \
                    drops a record's additional data." },
            },
        },
        "Group": object(&["name", "members"], json!({
            "name": { "type": "string" }, "members": strings(),
        })),
        "GroupMembers": object(&["members"], json!({ "members": strings() })),
        "WorkspaceSchema": object(&["fields", "tags", "agents", "profiles"], json!({
            "fields": { "type": "array", "items": object(&["key", "labels"], json!({
                "key": { "type": "string", "enum": field_keys },
                "labels": { "type": "object", "additionalProperties": { "type": "string" },
                            "description": "Per language code: en, es, pt, pl." },
            })) },
            "tags": strings(),
            "agents": { "type": "array", "items": reference("Agent") },
            "profiles": { "type": "array", "items": object(&["name", "profile"], json!({
                "name": { "type": "string" }, "profile": reference("Profile"),
                "toml": { "type": "string",
                          "description": "The TOML the profile was saved as, when it was." },
            })) },
            "groups": { "type": "array", "items": reference("Group") },
            "custom_fields": { "type": "array", "items": reference("CustomField") },
        })),
        "Assignee": { "oneOf": [
            object(&["kind"], json!({ "kind": { "const": "me" } })),
            object(&["kind", "email"], json!({ "kind": { "const": "agent" },
                                               "email": { "type": "string" } })),
            object(&["kind", "name"], json!({ "kind": { "const": "group" },
                                              "name": { "type": "string" } })),
        ] },
        "ImportOptions": object(&[], json!({
            "duplicates": {
                "type": "string", "enum": ["skip", "update"], "default": "skip",
                "description": "What a row matching a stored customer (by email or phone) does. `update`: the row's filled values replace the customer's, values the row lacks are kept, and its tags are added."
            },
            "assign_to": reference("Assignee"),
            "reassign_if_unavailable": { "type": "boolean", "default": false },
            "list": { "type": "string", "maxLength": 100,
                      "description": "Put the file's customers on this list (created if new)." },
            "tags": { "type": "array", "items": { "type": "string" },
                      "description": "Tags every customer of the file gets, besides its own; \
                                      checked like a row's tags (422 `tag.unknown` …)." },
            "status": { "type": "string",
                        "description": "The status of every customer whose row gives none; \
                                        checked like a row's status." },
        })),
        "Mapping": object(&["fingerprint", "columns"], json!({
            "fingerprint": { "type": "string" },
            "columns": { "type": "array", "items": { "type": "object" } },
        })),
        "NewImport": object(&["client_id", "file_name"], json!({
            "client_id": { "type": "string", "minLength": 1, "maxLength": 200,
                           "description": "Made by the client; the same one finds the same import." },
            "file_name": { "type": "string" },
            "profile": reference("Profile"),
            "columns": strings(),
            "mapping": reference("Mapping"),
            "options": reference("ImportOptions"),
            "rows": { "type": "integer", "minimum": 0, "description": "The file's data rows, \
                      when the client knows: more than the profile's `max_rows` gets 422 \
                      (problem `file.too_many_rows`) before an import opens." },
        })),
        "OutcomeCounts": object(&["created", "updated", "skipped", "rejected"], json!({
            "created": { "type": "integer" }, "updated": { "type": "integer" },
            "skipped": { "type": "integer" }, "rejected": { "type": "integer" },
        })),
        "ImportSummary": object(&["id", "client_id", "file_name", "status", "options", "counts", "opened_at", "opened_by"], json!({
            "id": { "type": "integer" }, "client_id": { "type": "string" },
            "file_name": { "type": "string" },
            "status": { "type": "string", "enum": ["open", "committed", "reverted"] },
            "options": reference("ImportOptions"), "counts": reference("OutcomeCounts"),
            "opened_at": { "type": "integer", "description": "When it was opened, in milliseconds since 1970 (UTC)." },
            "opened_by": { "type": "string", "description": "The email of the user who opened it." },
            "committed_at": { "type": ["integer", "null"], "description": "When it was committed, in milliseconds since 1970 (UTC); null while open." },
            "reverted_at": { "type": ["integer", "null"], "description": "When it was undone, in milliseconds since 1970 (UTC); null if it was not." },
        })),
        "Record": {
            "type": "object",
            "description": "A normalised customer: built-in fields by key, tags, custom values \
                by key, and additional data by header.",
            "properties": {
                "tags": strings(),
                "custom": { "type": "object", "additionalProperties": { "type": "string" } },
                "extra": { "type": "object", "additionalProperties": { "type": "string" } },
            },
            "additionalProperties": { "type": "string" },
        },
        "Batch": object(&["rows"], json!({
            "rows": { "type": "array", "maxItems": Batch::MAX_ROWS, "items":
                object(&["line", "record"], json!({
                    "line": { "type": "integer", "description": "The file's line." },
                    "record": reference("Record"),
                    "source": { "type": "array", "items": { "type": "string" },
                                "description": "The row's cells as in the file, for the error file." },
                })) },
        })),
        "RowOutcome": object(&["line", "outcome"], json!({
            "line": { "type": "integer" },
            "outcome": { "type": "string", "enum": ["created", "updated", "skipped", "rejected"] },
            "customer_id": { "type": "integer" },
            "matched_on": { "type": "string", "enum": ["email", "phone"] },
            "reasons": { "type": "array", "items": reference("Reason") },
        })),
        "Reason": object(&["code", "message"], json!({
            "code": { "type": "string" }, "field": { "type": ["string", "null"] },
            "message": { "type": "string", "description": "In the language of the batch's \
                `Accept-Language` (en, es, pt or pl; English otherwise), as in the error file." },
        })),
        "BatchAnswer": object(&["seq", "rows"], json!({
            "seq": { "type": "integer" },
            "rows": { "type": "array", "items": reference("RowOutcome") },
        })),
        "RevertSummary": object(&["removed", "restored", "kept"], json!({
            "removed": { "type": "integer" }, "restored": { "type": "integer" },
            "kept": { "type": "integer" },
        })),
        "Customer": object(&["id", "file_name", "line", "fields"], json!({
            "id": { "type": "integer" }, "file_name": { "type": "string" },
            "line": { "type": "integer" },
            "fields": { "type": "object", "additionalProperties": { "type": "string" } },
            "agent": { "type": "string", "description": "The assigned agent's email." },
            "group": { "type": "string", "description": "The group it was assigned through." },
        })),
        "CustomerList": object(&["customers", "total"], json!({
            "customers": { "type": "array", "items": reference("Customer") },
            "total": { "type": "integer" },
        })),
        "CustomerListInfo": object(&["id", "name", "members", "created_at"], json!({
            "id": { "type": "integer" }, "name": { "type": "string" },
            "members": { "type": "integer" }, "import_id": { "type": ["integer", "null"] },
            "created_at": { "type": "integer", "description": "Milliseconds since 1970." },
        })),
        "ImportRequest": object(&["file_name", "columns", "rows"], json!({
            "file_name": { "type": "string" }, "columns": strings(),
            "rows": { "type": "array", "items": { "type": "object" } },
        })),
        "ImportReceipt": object(&["stored"], json!({ "stored": { "type": "integer" } })),
    });
    schemas["ImportDetail"] = import_detail(&schemas["ImportSummary"]);
    schemas
}

/// `GET /api/imports/{id}`: the summary's properties and a page of rows, as one object (so
/// that no property goes unchecked).
fn import_detail(summary: &Value) -> Value {
    let mut detail = summary.clone();
    detail["required"]
        .as_array_mut()
        .expect("the summary lists its required properties")
        .extend([json!("rows"), json!("next_after_line")]);
    detail["properties"]["rows"] = json!({ "type": "array",
        "description": "The outcomes of the page's rows, by line: each new customer, and the \
            rows updated, skipped or rejected. A customer an undo removed again is not listed.",
        "items": reference("RowOutcome") });
    detail["properties"]["next_after_line"] = json!({ "type": ["integer", "null"],
        "description": "`after_line` of the next page; null on the last." });
    detail
}

/// The shared error answer.
pub(super) fn responses() -> Value {
    json!({
        "Error": {
            "description": "An error, always in this shape. 401: not signed in; 403: not allowed; \
                404: not found (or another workspace's); 409: conflict; 413: body too large; \
                422: invalid content; 429: too many requests (see Retry-After); 500: our fault \
                (no details).",
            "content": { "application/json": { "schema": reference("Error") } },
        },
    })
}

fn object(required: &[&str], properties: Value) -> Value {
    json!({ "type": "object", "required": required, "properties": properties })
}

fn reference(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn strings() -> Value {
    json!({ "type": "array", "items": { "type": "string" } })
}
