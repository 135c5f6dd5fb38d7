//! The API's paths and operations.

use serde_json::{Map, Value, json};

/// Every path of the API, under `/api`.
pub(super) fn paths() -> Value {
    let mut paths = Map::new();
    let mut add = |path: &str, method: &str, operation: Value| {
        let item = paths
            .entry(format!("/api{path}"))
            .or_insert_with(|| json!({}));
        item[method] = operation;
    };

    add(
        "/health",
        "get",
        json!({
            "tags": ["operations"], "summary": "Whether the server and its database answer.",
            "security": [],
            "responses": { "200": ok_json(json!({ "type": "object" })), "503": error() },
        }),
    );
    add(
        "/openapi.json",
        "get",
        json!({
            "tags": ["operations"], "summary": "This document.", "security": [],
            "responses": { "200": ok_json(json!({ "type": "object" })) },
        }),
    );

    add(
        "/session",
        "post",
        json!({
            "tags": ["accounts"], "summary": "Sign in with email and password; sets the session cookie \
                (HttpOnly, SameSite=Strict).",
            "security": [],
            "requestBody": body("SignIn"),
            "responses": { "200": ok("Me"), "401": error() },
        }),
    );
    add(
        "/session",
        "delete",
        json!({
            "tags": ["accounts"], "summary": "Sign out: the session ends and the cookie is cleared.",
            "responses": { "204": no_content(), "401": error() },
        }),
    );
    add(
        "/me",
        "get",
        json!({
            "tags": ["accounts"], "summary": "The signed-in user.",
            "responses": { "200": ok("Me"), "401": error() },
        }),
    );
    add(
        "/users",
        "get",
        json!({
            "tags": ["accounts"],
            "summary": "The workspace's users, deactivated ones too (supervisors and admins).",
            "responses": { "200": ok_list("Agent"), "401": error(), "403": error() },
        }),
    );
    add(
        "/users",
        "post",
        json!({
            "tags": ["accounts"], "summary": "Add a user (admins).",
            "requestBody": body("NewUser"),
            "responses": { "201": ok("Agent"), "401": error(), "403": error(), "409": error(),
                           "422": error() },
        }),
    );
    add(
        "/users/{id}",
        "patch",
        json!({
            "tags": ["accounts"],
            "summary": "Change a user: admins anything, deactivating included; supervisors \
                anyone's availability; every user their own availability and password. The last \
                active admin keeps the role and stays active (409).",
            "parameters": [id_parameter("id", "The user's id.")],
            "requestBody": body("UserChanges"),
            "responses": { "200": ok("Agent"), "401": error(), "403": error(), "404": error(),
                           "409": error(), "422": error() },
        }),
    );

    add(
        "/schema",
        "get",
        json!({
            "tags": ["catalogues"],
            "summary": "Everything the browser needs to map and validate a file: fields, custom \
                fields, tags, agents, groups, profiles.",
            "responses": { "200": ok("WorkspaceSchema"), "401": error() },
        }),
    );
    add(
        "/tags",
        "put",
        json!({
            "tags": ["catalogues"], "summary": "Replace the known tags (admins).",
            "requestBody": body("Tags"),
            "responses": { "200": ok("Tags"), "401": error(), "403": error() },
        }),
    );
    add(
        "/custom-fields",
        "put",
        json!({
            "tags": ["catalogues"],
            "summary": "Replace the workspace's custom fields (admins); every import gets them.",
            "requestBody": body("CustomFields"),
            "responses": { "200": ok("CustomFields"), "401": error(), "403": error(), "422": error() },
        }),
    );
    add(
        "/profiles/{name}",
        "put",
        json!({
            "tags": ["catalogues"], "summary": "Save an import profile under a name (admins).",
            "description": "The profile as JSON, or as TOML with `Content-Type: application/toml`. \
                TOML is kept as written, comments and all, and comes back in the schema's \
                `profiles[].toml` to be edited again. A profile that does not read answers 422 \
                `profile.invalid`, saying which line.",
            "parameters": [name_parameter("The profile's name.")],
            "requestBody": { "required": true, "content": {
                "application/json": { "schema": schema_ref("Profile") },
                "application/toml": { "schema": { "type": "string" } },
            } },
            "responses": { "204": no_content(), "401": error(), "403": error(), "422": error() },
        }),
    );
    add(
        "/profiles/{name}",
        "delete",
        json!({
            "tags": ["catalogues"], "summary": "Delete an import profile (admins).",
            "parameters": [name_parameter("The profile's name.")],
            "responses": { "204": no_content(), "401": error(), "403": error(), "404": error() },
        }),
    );
    add(
        "/groups/{name}",
        "put",
        json!({
            "tags": ["catalogues"],
            "summary": "Create a group of agents or replace its members (admins).",
            "parameters": [name_parameter("The group's name.")],
            "requestBody": body("GroupMembers"),
            "responses": { "200": ok("Group"), "401": error(), "403": error(), "422": error() },
        }),
    );
    add(
        "/groups/{name}",
        "delete",
        json!({
            "tags": ["catalogues"], "summary": "Delete a group (admins); customers keep their agents.",
            "parameters": [name_parameter("The group's name.")],
            "responses": { "204": no_content(), "401": error(), "403": error(), "404": error() },
        }),
    );

    add(
        "/imports",
        "post",
        json!({
            "tags": ["imports"],
            "summary": "Open an import, or get the one opened with the same client_id (200).",
            "description": "Rows are checked under the workspace's rules: a profile named like \
                a saved one (ignoring case) gets the saved rules, with the client's \
                default_country; any other keeps its own rules under no name, with the \
                workspace's custom fields only, and accepts unknown tags (unknown_tags: create) \
                only from admins. The known tags are the workspace's.",
            "requestBody": body("NewImport"),
            "responses": { "201": ok("ImportSummary"), "200": ok("ImportSummary"), "401": error(),
                           "403": error(), "422": error() },
        }),
    );
    add(
        "/imports",
        "get",
        json!({
            "tags": ["imports"], "summary": "The workspace's imports, newest first.",
            "responses": { "200": ok_list("ImportSummary"), "401": error() },
        }),
    );
    add(
        "/imports/{id}",
        "get",
        json!({
            "tags": ["imports"],
            "summary": "One import: options, status, counts, and a page of its rows' outcomes \
                        in the order of the file.",
            "parameters": [import_id(),
                json!({ "name": "after_line", "in": "query", "required": false,
                    "description": "The page starts after this line (the previous page's \
                                    `next_after_line`); from the first row without it.",
                    "schema": { "type": "integer", "minimum": 0 } }),
                json!({ "name": "limit", "in": "query", "required": false,
                    "description": "Rows per page, 1000 by default; brought into 1 to 5000.",
                    "schema": { "type": "integer", "minimum": 0 } })],
            "responses": { "200": ok("ImportDetail"), "400": error(), "401": error(),
                           "404": error() },
        }),
    );
    add(
        "/imports/{id}",
        "delete",
        json!({
            "tags": ["imports"],
            "summary": "Delete an open import that stored nothing yet (opened for a preview, or \
                        whose options changed before sending). One with stored rows: 409, revert it.",
            "parameters": [import_id()],
            "responses": { "204": no_content(), "401": error(), "403": error(),
                           "404": error(), "409": error() },
        }),
    );
    add(
        "/imports/{id}/batches/{seq}",
        "put",
        json!({
            "tags": ["imports"],
            "summary": "Send batch `seq` of an import. The server validates every record again and \
                answers row by row, in one transaction. The same batch again gets the same answer; \
                other rows under the same seq get 409 `batch.changed`; 409 `batch.retry` asks to \
                send it again. 422 with the problem `import.too_many_rows`: with this batch the \
                import would have more rows than its profile's `max_rows`, so none of it is \
                stored.",
            "parameters": [import_id(), id_parameter("seq", "The batch's number, from 1.")],
            "requestBody": body("Batch"),
            "responses": { "200": ok("BatchAnswer"), "401": error(), "403": error(), "404": error(),
                           "409": error(), "413": error(), "422": error() },
        }),
    );
    add(
        "/imports/{id}/preview",
        "post",
        json!({
            "tags": ["imports"],
            "summary": "What a batch would do to the stored customers; writes nothing.",
            "parameters": [import_id()],
            "requestBody": body("Batch"),
            "responses": { "200": ok("OutcomeCounts"), "401": error(), "404": error(), "422": error() },
        }),
    );
    add(
        "/imports/{id}/commit",
        "post",
        json!({
            "tags": ["imports"],
            "summary": "Close the import; emails its summary (with the failed rows) when SMTP is set.",
            "parameters": [import_id()],
            "responses": { "200": ok("ImportSummary"), "401": error(), "403": error(), "404": error() },
        }),
    );
    add(
        "/imports/{id}/revert",
        "post",
        json!({
            "tags": ["imports"],
            "summary": "Undo the import: remove the customers it created, restore the ones it updated.",
            "parameters": [import_id()],
            "responses": { "200": ok("RevertSummary"), "401": error(), "403": error(),
                           "404": error(), "409": error() },
        }),
    );
    add(
        "/imports/{id}/errors.csv",
        "get",
        json!({
            "tags": ["imports"],
            "summary": "The rejected rows in the file's own columns plus the reason (UTF-8 CSV).",
            "parameters": [import_id()],
            "responses": { "200": file("text/csv"), "401": error(), "404": error() },
        }),
    );
    add(
        "/imports/{id}/errors.xlsx",
        "get",
        json!({
            "tags": ["imports"],
            "summary": "The same rows as errors.csv, as an Excel workbook.",
            "parameters": [import_id()],
            "responses": {
                "200": file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                "401": error(), "404": error(),
            },
        }),
    );

    add(
        "/customers",
        "get",
        json!({
            "tags": ["customers"],
            "summary": "Search (name, email or phone, any case and accents) and filter customers.",
            "parameters": customer_filters(true),
            "responses": { "200": ok("CustomerList"), "400": error(), "401": error() },
        }),
    );
    add(
        "/customers",
        "post",
        json!({
            "tags": ["customers"],
            "summary": "Store rows as they are (the first, simple import; prefer /imports).",
            "requestBody": body("ImportRequest"),
            "responses": { "200": ok("ImportReceipt"), "401": error(), "422": error() },
        }),
    );
    add(
        "/customers/export.csv",
        "get",
        json!({
            "tags": ["customers"],
            "summary": "Every customer matching the filters, as CSV (streamed).",
            "parameters": customer_filters(false),
            "responses": { "200": file("text/csv"), "400": error(), "401": error() },
        }),
    );
    add(
        "/lists",
        "get",
        json!({
            "tags": ["customers"], "summary": "The workspace's lists of customers.",
            "responses": { "200": ok_list("CustomerListInfo"), "401": error() },
        }),
    );
    Value::Object(paths)
}

fn customer_filters(paged: bool) -> Value {
    let text = |name: &str, description: &str| {
        json!({ "name": name, "in": "query", "required": false, "description": description,
                "schema": { "type": "string" } })
    };
    let mut filters = vec![
        text("q", "Part of a name, company, email or phone."),
        text("tag", "Only customers with this tag."),
        text("status", "active or potential."),
        text(
            "agent",
            "Only customers assigned to the agent with this email.",
        ),
        text("list", "Only customers on the list of this name."),
        json!({ "name": "import", "in": "query", "required": false,
            "description": "Only customers this import (its id) created or updated.",
            "schema": { "type": "integer" } }),
    ];
    if paged {
        filters.push(json!({ "name": "page", "in": "query", "required": false,
            "description": "1-based page (0 is taken as 1).",
            "schema": { "type": "integer", "minimum": 0 } }));
        filters.push(json!({ "name": "limit", "in": "query", "required": false,
            "description": "Customers per page, 100 by default; brought into 1 to 1000 (0 is \
                            taken as 1, more than 1000 as 1000).",
            "schema": { "type": "integer", "minimum": 0 } }));
    }
    Value::Array(filters)
}

fn schema_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn ok(schema: &str) -> Value {
    ok_json(schema_ref(schema))
}

fn ok_list(schema: &str) -> Value {
    ok_json(json!({ "type": "array", "items": schema_ref(schema) }))
}

fn ok_json(schema: Value) -> Value {
    json!({ "description": "Success.", "content": { "application/json": { "schema": schema } } })
}

fn file(media_type: &str) -> Value {
    json!({ "description": "The file, as an attachment.",
            "content": { media_type: { "schema": { "type": "string", "format": "binary" } } } })
}

fn no_content() -> Value {
    json!({ "description": "Done." })
}

fn body(schema: &str) -> Value {
    json!({ "required": true, "content": { "application/json": { "schema": schema_ref(schema) } } })
}

fn error() -> Value {
    json!({ "$ref": "#/components/responses/Error" })
}

fn import_id() -> Value {
    id_parameter("id", "The import's id.")
}

fn id_parameter(name: &str, description: &str) -> Value {
    json!({ "name": name, "in": "path", "required": true, "description": description,
            "schema": { "type": "integer" } })
}

fn name_parameter(description: &str) -> Value {
    json!({ "name": "name", "in": "path", "required": true, "description": description,
            "schema": { "type": "string", "minLength": 1, "maxLength": 100 } })
}
