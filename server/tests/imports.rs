//! The import protocol: opening is idempotent, batches are re-validated, idempotent and
//! transactional, duplicates are skipped or updated, and racing imports never store a customer
//! twice.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use clientela_shared::Role;
use serde_json::{Value, json};

use crate::on_both_databases;
use crate::support::http::{ADMIN_EMAIL, ADMIN_TOKEN, Backend, TestApp};

fn profile() -> Value {
    json!({ "default_country": "EC", "required": ["first_name"], "at_least_one_of": [["email", "phone"]] })
}

fn record(first_name: &str, email: &str) -> Value {
    json!({ "first_name": first_name, "email": email, "tags": [], "custom": {}, "extra": {} })
}

/// Opens import `client_id` (duplicates skipped) and stores one customer through it, from
/// line 2; gives the import's id.
async fn import_one(app: &TestApp, client_id: &str, first_name: &str, email: &str) -> i64 {
    let (_, opened) = open_import(app, client_id, "skip").await;
    let id = opened["id"].as_i64().unwrap();
    put_batch(app, id, 1, &batch(&[(2, record(first_name, email))])).await;
    id
}

fn batch(rows: &[(u64, Value)]) -> String {
    let rows: Vec<Value> = rows
        .iter()
        .map(|(line, record)| json!({ "line": line, "record": record }))
        .collect();
    json!({ "rows": rows }).to_string()
}

async fn open_import(app: &TestApp, client_id: &str, duplicates: &str) -> (StatusCode, Value) {
    let body = json!({
        "client_id": client_id,
        "file_name": "clientes.xlsx",
        "profile": profile(),
        "options": { "duplicates": duplicates },
    });
    app.post_json("/api/imports", &body.to_string()).await
}

async fn put_batch(app: &TestApp, import: i64, seq: u64, body: &str) -> (StatusCode, Value) {
    let request = Request::put(format!("/api/imports/{import}/batches/{seq}"))
        .header(header::AUTHORIZATION, format!("Bearer {ADMIN_TOKEN}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_owned()))
        .unwrap();
    let (status, _, json) = app.request(request).await;
    (status, json)
}

fn outcomes(answer: &Value) -> Vec<&str> {
    answer["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["outcome"].as_str().unwrap())
        .collect()
}

async fn customer_count(app: &TestApp) -> u64 {
    let (_, list) = app.get("/api/customers").await;
    list["total"].as_u64().unwrap()
}

async fn opening_twice_gives_the_same_import(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (status, first) = open_import(&app, "c-1", "skip").await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    let (status, again) = open_import(&app, "c-1", "skip").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(first["id"], again["id"]);
    let (_, list) = app.get("/api/imports").await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["opened_by"], ADMIN_EMAIL, "who opened it: {list}");

    let (status, body) = app
        .post_json(
            "/api/imports",
            &json!({ "client_id": "", "file_name": "" }).to_string(),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["problems"].as_array().unwrap().len(), 2);
}
on_both_databases!(opening_twice_gives_the_same_import);

async fn batches_are_revalidated_and_idempotent(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, import) = open_import(&app, "c-2", "skip").await;
    let id = import["id"].as_i64().unwrap();
    let body = batch(&[
        (2, record("Ana", "ana@example.com")),
        (3, record("Luis", "not-an-email")), // the browser would never send this
        (4, record("", "sin.nombre@example.com")),
        (5, record("Ana bis", "ANA@example.com")), // same customer as line 2
    ]);
    let (status, answer) = put_batch(&app, id, 1, &body).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(
        outcomes(&answer),
        ["created", "rejected", "rejected", "skipped"]
    );
    assert_eq!(answer["rows"][1]["reasons"][0]["code"], "email.invalid");
    assert_eq!(answer["rows"][3]["matched_on"], "email");
    assert_eq!(customer_count(&app).await, 1);

    // The same batch again: the same answer (the stored one, sent as JSON), nothing new stored.
    let request = Request::put(format!("/api/imports/{id}/batches/1"))
        .header(header::AUTHORIZATION, format!("Bearer {ADMIN_TOKEN}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.clone()))
        .unwrap();
    let (status, headers, replay) = app.request(request).await;
    assert_eq!((status, &replay), (StatusCode::OK, &answer));
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    assert_eq!(customer_count(&app).await, 1);

    // Different rows under the same number are refused.
    let other = batch(&[(9, record("Eva", "eva@example.com"))]);
    let (status, body) = put_batch(&app, id, 1, &other).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["code"], "batch.changed");

    let (_, summary) = app.get(&format!("/api/imports/{id}")).await;
    assert_eq!(
        summary["counts"],
        json!({ "created": 1, "updated": 0, "skipped": 1, "rejected": 2 })
    );
}
on_both_databases!(batches_are_revalidated_and_idempotent);

async fn duplicates_are_skipped_or_updated(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, first) = open_import(&app, "first", "skip").await;
    let first = first["id"].as_i64().unwrap();
    let mut stored = record("Ana", "ana@example.com");
    stored["city"] = json!("Quito");
    stored["tags"] = json!(["VIP"]);
    put_batch(&app, first, 1, &batch(&[(2, stored)])).await;

    let (_, skip) = open_import(&app, "second", "skip").await;
    let (_, answer) = put_batch(
        &app,
        skip["id"].as_i64().unwrap(),
        1,
        &batch(&[(2, record("Ana María", "ana@example.com"))]),
    )
    .await;
    assert_eq!(outcomes(&answer), ["skipped"]);

    let (_, update) = open_import(&app, "third", "update").await;
    let (_, answer) = put_batch(
        &app,
        update["id"].as_i64().unwrap(),
        1,
        &batch(&[(2, record("Ana María", "ana@example.com"))]),
    )
    .await;
    assert_eq!(outcomes(&answer), ["updated"]);
    let (_, list) = app.get("/api/customers").await;
    assert_eq!(list["total"], 1);
    let fields = &list["customers"][0]["fields"];
    assert_eq!(fields["first_name"], "Ana María");
    // The file had no city column and no tags: the customer's stay.
    assert_eq!(fields["city"], "Quito", "{fields}");
    assert_eq!(fields["tags"], "VIP", "{fields}");
}
on_both_databases!(duplicates_are_skipped_or_updated);

/// A full batch is checked and written a chunk of rows at a time (1,000 now); it must still
/// answer, store and replay as one.
async fn a_large_batch_is_one_batch_across_its_chunks(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, import) = open_import(&app, "large", "update").await;
    let id = import["id"].as_i64().unwrap();
    let rows: Vec<(u64, Value)> = (0..2_500u64)
        .map(|i| {
            let row = match i {
                // Repeats of rows a chunk (or two) before them.
                1_500 => record("Primera bis", "c10@example.com"),
                2_400 => record("Segunda bis", "c1200@example.com"),
                // Refused by the engine.
                2_450 => record("", "sin.nombre@example.com"),
                _ => record(&format!("Cliente {i}"), &format!("c{i}@example.com")),
            };
            (i + 2, row)
        })
        .collect();
    let body = batch(&rows);
    let (status, answer) = put_batch(&app, id, 0, &body).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let kinds = outcomes(&answer);
    assert_eq!(kinds.len(), 2_500);
    assert_eq!(
        (kinds[1_500], kinds[2_400], kinds[2_450]),
        ("updated", "updated", "rejected")
    );
    assert_eq!(
        kinds.iter().filter(|kind| **kind == "created").count(),
        2_497
    );
    let row = |i: usize| &answer["rows"][i];
    assert_eq!(row(1_500)["customer_id"], row(10)["customer_id"]);
    assert_eq!(row(2_400)["customer_id"], row(1_200)["customer_id"]);
    assert_eq!(row(2_499)["line"], 2_501);
    assert_eq!(customer_count(&app).await, 2_497);
    let (_, found) = app.get("/api/customers?q=c1200").await;
    assert_eq!(found["total"], 1, "{found}");
    assert_eq!(found["customers"][0]["fields"]["first_name"], "Segunda bis");

    let (status, replay) = put_batch(&app, id, 0, &body).await;
    assert_eq!((status, &replay), (StatusCode::OK, &answer));
    assert_eq!(customer_count(&app).await, 2_497);
    let (_, summary) = app.get(&format!("/api/imports/{id}")).await;
    assert_eq!(
        summary["counts"],
        json!({ "created": 2_497, "updated": 2, "skipped": 0, "rejected": 1 })
    );
}
on_both_databases!(a_large_batch_is_one_batch_across_its_chunks);

async fn a_committed_import_takes_no_more_batches(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, import) = open_import(&app, "c-3", "skip").await;
    let id = import["id"].as_i64().unwrap();
    let first = batch(&[(2, record("Ana", "ana@example.com"))]);
    put_batch(&app, id, 1, &first).await;
    let (status, summary) = app
        .post_json(&format!("/api/imports/{id}/commit"), "")
        .await;
    assert_eq!(status, StatusCode::OK, "{summary}");
    assert_eq!(summary["status"], "committed");

    // Line 2 is stored: sending it again under a new number is new data, which it refuses.
    let (status, body) = put_batch(
        &app,
        id,
        2,
        &batch(&[(2, record("Ana", "ana.maria@example.com"))]),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["code"], "import.lines_stored");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("line 2 already"), "{message}");
    // A late retry of a batch that was applied still gets its answer.
    let (status, _) = put_batch(&app, id, 1, &first).await;
    assert_eq!(status, StatusCode::OK);
}
on_both_databases!(a_committed_import_takes_no_more_batches);

async fn a_committed_import_takes_corrections_of_its_rejected_rows(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, import) = open_import(&app, "c-fix", "skip").await;
    let id = import["id"].as_i64().unwrap();
    let first = batch(&[
        (2, record("Ana", "ana@example.com")),
        (3, record("Eva", "eva@")),
    ]);
    let (_, answer) = put_batch(&app, id, 1, &first).await;
    assert_eq!(outcomes(&answer), ["created", "rejected"]);
    app.post_json(&format!("/api/imports/{id}/commit"), "")
        .await;

    // Line 3, fixed in the error file, comes back: it is a correction.
    let fixed = batch(&[(3, record("Eva", "eva@example.com"))]);
    let (status, answer) = put_batch(&app, id, 2, &fixed).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(outcomes(&answer), ["created"]);
    let (status, again) = put_batch(&app, id, 2, &fixed).await;
    assert_eq!(
        (status, &again),
        (StatusCode::OK, &answer),
        "a retry changes nothing"
    );
    let (_, summary) = app
        .post_json(&format!("/api/imports/{id}/commit"), "")
        .await;
    assert_eq!(summary["counts"]["created"], 2);
    assert_eq!(
        summary["counts"]["rejected"], 0,
        "the rejection was replaced"
    );
    let (_, _, errors) = app
        .get_bytes(&format!("/api/imports/{id}/errors.csv"))
        .await;
    assert_eq!(
        String::from_utf8_lossy(&errors).lines().count(),
        1,
        "only the header is left"
    );

    // A line the browser kept back (it had errors) comes corrected too.
    let kept_back = batch(&[(4, record("Luz", "luz@example.com"))]);
    let (status, answer) = put_batch(&app, id, 3, &kept_back).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    // A stored line is not a correction.
    let stored = batch(&[(3, record("Eva", "eva.2@example.com"))]);
    let (status, body) = put_batch(&app, id, 4, &stored).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["code"], "import.lines_stored");
    assert_eq!(customer_count(&app).await, 3);
}
on_both_databases!(a_committed_import_takes_corrections_of_its_rejected_rows);

/// Opens two imports and sends both `body` as batch 1 at the same moment. A loser of the race
/// is told to retry; the retry then finds the stored customers. Gives the imports' ids.
async fn race_two_imports(app: &TestApp, body: &str) -> (i64, i64) {
    let (_, a) = open_import(app, "race-a", "skip").await;
    let (_, b) = open_import(app, "race-b", "skip").await;
    let (a, b) = (a["id"].as_i64().unwrap(), b["id"].as_i64().unwrap());
    let (first, second) = tokio::join!(put_batch(app, a, 1, body), put_batch(app, b, 1, body));
    for (import, (status, answer)) in [(a, first), (b, second)] {
        if status == StatusCode::CONFLICT {
            assert_eq!(answer["error"]["code"], "batch.retry");
            let (status, _) = put_batch(app, import, 1, body).await;
            assert_eq!(status, StatusCode::OK);
        } else {
            assert_eq!(status, StatusCode::OK, "{answer}");
        }
    }
    (a, b)
}

async fn racing_imports_store_a_customer_once(backend: Backend) {
    let app = TestApp::new(backend).await;
    let rows: Vec<(u64, Value)> = (0..200)
        .map(|i| {
            (
                i + 2,
                record(&format!("Cliente {i}"), &format!("c{i}@example.com")),
            )
        })
        .collect();
    race_two_imports(&app, &batch(&rows)).await;
    assert_eq!(customer_count(&app).await, 200);
}
on_both_databases!(racing_imports_store_a_customer_once);

async fn racing_imports_store_a_phone_once(backend: Backend) {
    let app = TestApp::new(backend).await;
    // No email: the phone alone says who is who.
    let rows: Vec<(u64, Value)> = (0..200)
        .map(|i| {
            let record = json!({ "first_name": format!("Cliente {i}"),
                "phone": format!("+5939912{i:05}"), "tags": [], "custom": {}, "extra": {} });
            (i + 2, record)
        })
        .collect();
    let (a, b) = race_two_imports(&app, &batch(&rows)).await;
    assert_eq!(customer_count(&app).await, 200);
    let (_, summary) = app.get(&format!("/api/imports/{b}")).await;
    let (_, other) = app.get(&format!("/api/imports/{a}")).await;
    let skipped = summary["counts"]["skipped"].as_u64().unwrap()
        + other["counts"]["skipped"].as_u64().unwrap();
    assert_eq!(
        skipped, 200,
        "one import created them, the other skipped them all"
    );
    assert_eq!(
        summary["rows"][0]["matched_on"]
            .as_str()
            .or(other["rows"][0]["matched_on"].as_str()),
        Some("phone")
    );
}
on_both_databases!(racing_imports_store_a_phone_once);

async fn the_same_batch_sent_twice_at_once_is_stored_once(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, import) = open_import(&app, "twice", "update").await;
    let id = import["id"].as_i64().unwrap();
    let rows: Vec<(u64, Value)> = (0..300)
        .map(|i| {
            (
                i + 2,
                record(&format!("Cliente {i}"), &format!("c{i}@example.com")),
            )
        })
        .collect();
    let body = batch(&rows);
    let (first, second) =
        tokio::join!(put_batch(&app, id, 1, &body), put_batch(&app, id, 1, &body));
    assert_eq!(first.0, StatusCode::OK, "{}", first.1);
    assert_eq!(second.0, StatusCode::OK, "{}", second.1);
    assert_eq!(first.1, second.1, "both get the one answer stored");
    assert_eq!(outcomes(&first.1), vec!["created"; 300]);
    assert_eq!(customer_count(&app).await, 300);
    let (_, summary) = app.get(&format!("/api/imports/{id}")).await;
    assert_eq!(summary["counts"]["created"], 300, "{summary}");
}
on_both_databases!(the_same_batch_sent_twice_at_once_is_stored_once);

async fn a_stored_customer_early_in_a_big_batch_leaves_the_others_new(backend: Backend) {
    let app = TestApp::new(backend).await;
    import_one(&app, "first", "Cliente 7", "c7@example.com").await;

    // Several chunks: the first holds the stored customer, the later ones only new ones.
    let (_, second) = open_import(&app, "second", "skip").await;
    let second = second["id"].as_i64().unwrap();
    let rows: Vec<(u64, Value)> = (0..2_600)
        .map(|i| {
            (
                i + 2,
                record(&format!("Cliente {i}"), &format!("c{i}@example.com")),
            )
        })
        .collect();
    let (status, answer) = put_batch(&app, second, 1, &batch(&rows)).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let outcomes = outcomes(&answer);
    assert_eq!(outcomes[7], "skipped");
    assert_eq!(outcomes.iter().filter(|o| **o == "created").count(), 2_599);
    // Every new customer is the one of its own line.
    for row in answer["rows"].as_array().unwrap() {
        if row["outcome"] == "created" {
            let line: i64 = sqlx::query_scalar("select line from customer where id = $1")
                .bind(row["customer_id"].as_i64().unwrap())
                .fetch_one(app.db.pool())
                .await
                .unwrap();
            assert_eq!(line, row["line"].as_i64().unwrap());
        }
    }
    assert_eq!(customer_count(&app).await, 2_600);
}
on_both_databases!(a_stored_customer_early_in_a_big_batch_leaves_the_others_new);

async fn an_import_lists_its_rows_outcomes_a_page_at_a_time(backend: Backend) {
    let app = TestApp::new(backend).await;
    import_one(&app, "first", "Ana", "ana@example.com").await;

    let (_, second) = open_import(&app, "second", "skip").await;
    let second = second["id"].as_i64().unwrap();
    let rows = batch(&[
        (5, record("Eva", "eva@example.com")),
        (2, record("Luis", "luis@example.com")),
        (3, record("Ana", "ana@example.com")),
        (4, record("Zoe", "zoe@")),
    ]);
    let (_, answer) = put_batch(&app, second, 1, &rows).await;

    let (status, page) = app.get(&format!("/api/imports/{second}?limit=2")).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(
        page["counts"]["created"], 2,
        "the summary comes along: {page}"
    );
    let lines_and_outcomes = |page: &Value| -> Vec<(u64, String)> {
        page["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| {
                let outcome = row["outcome"].as_str().unwrap().to_owned();
                (row["line"].as_u64().unwrap(), outcome)
            })
            .collect()
    };
    assert_eq!(
        lines_and_outcomes(&page),
        [(2, "created".to_owned()), (3, "skipped".to_owned())]
    );
    assert_eq!(page["next_after_line"], 3);
    let (_, next) = app
        .get(&format!("/api/imports/{second}?after_line=3&limit=2"))
        .await;
    assert_eq!(
        lines_and_outcomes(&next),
        [(4, "rejected".to_owned()), (5, "created".to_owned())]
    );
    assert_eq!(next["rows"][0]["reasons"][0]["code"], "email.invalid");
    // Each row as the batch was answered.
    let answered: Vec<&Value> = answer["rows"].as_array().unwrap().iter().collect();
    for row in page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .chain(next["rows"].as_array().unwrap())
    {
        assert!(
            answered.contains(&row),
            "{row} is not as answered: {answer}"
        );
    }
    let (_, last) = app
        .get(&format!("/api/imports/{second}?after_line=5"))
        .await;
    assert_eq!(last["rows"], json!([]));
    assert_eq!(last["next_after_line"], Value::Null);
    let (status, _) = app
        .get(&format!("/api/imports/{second}?after_line=later"))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}
on_both_databases!(an_import_lists_its_rows_outcomes_a_page_at_a_time);

async fn an_imports_tags_and_status_go_to_every_customer(backend: Backend) {
    let app = TestApp::new(backend).await;
    let open = |options: Value, profile: Value| {
        let body = json!({ "client_id": format!("{options}"), "file_name": "feria.csv",
                           "profile": profile, "options": options });
        let app = &app;
        async move { app.post_json("/api/imports", &body.to_string()).await }
    };
    let tags = json!({ "tags": ["VIP", "Feria"] }).to_string();
    let (status, _) = app
        .call_as("PUT", "/api/tags", Some(&tags), ADMIN_TOKEN)
        .await;
    assert_eq!(status, StatusCode::OK);
    // The workspace's tags are the known ones, whatever the profile sent lists.
    let vip_only = json!({ "tags": ["Nope"] });
    // Checked as a row's would be, when the import opens.
    let (status, refused) = open(
        json!({ "tags": ["Nope"], "status": "maybe" }),
        vip_only.clone(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    let problems: Vec<(&str, &str)> = refused["error"]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["field"].as_str().unwrap(), p["code"].as_str().unwrap()))
        .collect();
    assert!(
        problems.contains(&("options.tags", "tag.unknown")),
        "{refused}"
    );
    assert!(
        problems.iter().any(|(field, _)| *field == "options.status"),
        "{refused}"
    );

    let (status, opened) = open(json!({ "tags": ["feria"], "status": "Activo" }), vip_only).await;
    assert_eq!(status, StatusCode::CREATED, "{opened}");
    let id = opened["id"].as_i64().unwrap();
    let mut own = record("Ana", "ana@example.com");
    own["tags"] = json!(["VIP"]);
    own["status"] = json!("potential");
    let rows = batch(&[(2, own), (3, record("Luis", "luis@example.com"))]);
    let (status, answer) = put_batch(&app, id, 1, &rows).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let (_, list) = app.get("/api/customers?tag=Feria").await;
    assert_eq!(
        list["total"], 2,
        "both got the import's tag, as the profile spells it: {list}"
    );
    let (_, active) = app.get("/api/customers?status=active").await;
    assert_eq!(active["total"], 1, "only Luis gave no status: {active}");
    let (_, vip) = app.get("/api/customers?tag=VIP").await;
    assert_eq!(vip["total"], 1, "Ana keeps her own tag: {vip}");
}
on_both_databases!(an_imports_tags_and_status_go_to_every_customer);

async fn an_import_keeps_when_it_was_committed_and_undone(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, opened) = open_import(&app, "times", "skip").await;
    let id = opened["id"].as_i64().unwrap();
    assert_eq!(opened["committed_at"], Value::Null);
    put_batch(
        &app,
        id,
        1,
        &batch(&[(2, record("Ana", "ana@example.com"))]),
    )
    .await;
    let (_, committed) = app
        .post_json(&format!("/api/imports/{id}/commit"), "")
        .await;
    let committed_at = committed["committed_at"].as_i64().unwrap();
    assert!(
        committed_at >= opened["opened_at"].as_i64().unwrap(),
        "{committed}"
    );
    assert_eq!(committed["reverted_at"], Value::Null);
    let (_, again) = app
        .post_json(&format!("/api/imports/{id}/commit"), "")
        .await;
    assert_eq!(
        again["committed_at"], committed_at,
        "the first commit's time is kept"
    );

    app.post_json(&format!("/api/imports/{id}/revert"), "")
        .await;
    let (_, undone) = app.get(&format!("/api/imports/{id}")).await;
    assert!(
        undone["reverted_at"].as_i64().unwrap() >= committed_at,
        "{undone}"
    );
    assert_eq!(undone["committed_at"], committed_at);
}
on_both_databases!(an_import_keeps_when_it_was_committed_and_undone);

async fn another_workspace_cannot_see_or_feed_an_import(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, import) = open_import(&app, "mine", "skip").await;
    let id = import["id"].as_i64().unwrap();
    let token = app.outsider_token().await;
    let (status, _) = app.get_as(&format!("/api/imports/{id}"), &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, list) = app.get_as("/api/imports", &token).await;
    assert_eq!(list, json!([]));
}
on_both_databases!(another_workspace_cannot_see_or_feed_an_import);

async fn preview_counts_without_writing(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, first) = open_import(&app, "p-1", "skip").await;
    put_batch(
        &app,
        first["id"].as_i64().unwrap(),
        1,
        &batch(&[(2, record("Ana", "ana@example.com"))]),
    )
    .await;

    let (_, second) = open_import(&app, "p-2", "update").await;
    let id = second["id"].as_i64().unwrap();
    let rows = batch(&[
        (2, record("Ana María", "ana@example.com")),
        (3, record("Eva", "eva@example.com")),
        (4, record("Bad", "bad@")),
    ]);
    let (status, counts) = app
        .post_json(&format!("/api/imports/{id}/preview"), &rows)
        .await;
    assert_eq!(status, StatusCode::OK, "{counts}");
    assert_eq!(
        counts,
        json!({ "created": 1, "updated": 1, "skipped": 0, "rejected": 1 })
    );
    assert_eq!(customer_count(&app).await, 1, "the preview wrote nothing");
    let (_, list) = app.get("/api/customers").await;
    assert_eq!(list["customers"][0]["fields"]["first_name"], "Ana");
}
on_both_databases!(preview_counts_without_writing);

async fn revert_removes_created_and_restores_updated(backend: Backend) {
    let app = TestApp::new(backend).await;
    import_one(&app, "r-1", "Ana", "ana@example.com").await;

    let (_, second) = open_import(&app, "r-2", "update").await;
    let second = second["id"].as_i64().unwrap();
    let rows = batch(&[
        (2, record("Ana María", "ana@example.com")),
        (3, record("Eva", "eva@example.com")),
    ]);
    let (_, answer) = put_batch(&app, second, 1, &rows).await;
    assert_eq!(outcomes(&answer), ["updated", "created"]);
    assert_eq!(customer_count(&app).await, 2);

    let (status, undone) = app
        .post_json(&format!("/api/imports/{second}/revert"), "")
        .await;
    assert_eq!(status, StatusCode::OK, "{undone}");
    assert_eq!(undone, json!({ "removed": 1, "restored": 1, "kept": 0 }));
    let (_, list) = app.get("/api/customers").await;
    assert_eq!(list["total"], 1);
    assert_eq!(list["customers"][0]["fields"]["first_name"], "Ana");

    let (status, body) = app
        .post_json(&format!("/api/imports/{second}/revert"), "")
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["code"], "import.reverted");
    let (status, _) = put_batch(
        &app,
        second,
        2,
        &batch(&[(9, record("Zoe", "zoe@example.com"))]),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "a reverted import takes no batches"
    );

    // Eva's email is free again: a new import creates her anew.
    let (_, third) = open_import(&app, "r-3", "skip").await;
    let (_, answer) = put_batch(
        &app,
        third["id"].as_i64().unwrap(),
        1,
        &batch(&[(2, record("Eva", "eva@example.com"))]),
    )
    .await;
    assert_eq!(outcomes(&answer), ["created"]);
}
on_both_databases!(revert_removes_created_and_restores_updated);

async fn revert_removes_a_customer_the_import_created_then_updated(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, opened) = open_import(&app, "r-1", "update").await;
    let id = opened["id"].as_i64().unwrap();
    put_batch(
        &app,
        id,
        1,
        &batch(&[(2, record("Ana", "ana@example.com"))]),
    )
    .await;
    let (_, answer) = put_batch(
        &app,
        id,
        2,
        &batch(&[(3, record("Ana María", "ana@example.com"))]),
    )
    .await;
    assert_eq!(outcomes(&answer), ["updated"]);

    let (status, undone) = app
        .post_json(&format!("/api/imports/{id}/revert"), "")
        .await;
    assert_eq!(status, StatusCode::OK, "{undone}");
    assert_eq!(undone, json!({ "removed": 1, "restored": 1, "kept": 0 }));
    assert_eq!(customer_count(&app).await, 0);
}
on_both_databases!(revert_removes_a_customer_the_import_created_then_updated);

async fn customers_are_found_ignoring_case_and_accents(backend: Backend) {
    let app = TestApp::new(backend).await;
    let body = json!({
        "client_id": "search",
        "file_name": "clientes.csv",
        "profile": { "default_country": "EC", "tags": ["VIP"], "required": ["first_name"] },
    });
    let (_, import) = app.post_json("/api/imports", &body.to_string()).await;
    let id = import["id"].as_i64().unwrap();
    let rows = json!({ "rows": [
        { "line": 2, "record": { "first_name": "José", "last_name": "Muñoz", "email": "jose@example.com",
          "phone": "+593991234567", "status": "active", "tags": ["VIP"], "custom": {}, "extra": {} } },
        { "line": 3, "record": { "first_name": "Łucja", "last_name": "Kowalska", "email": "lucja@example.com",
          "status": "potential", "tags": [], "custom": {}, "extra": {} } },
    ]});
    let (status, answer) = put_batch(&app, id, 1, &rows.to_string()).await;
    assert_eq!(
        outcomes(&answer),
        ["created", "created"],
        "{status} {answer}"
    );

    let total = |query: &'static str| {
        let app = &app;
        async move {
            let (status, list) = app.get(&format!("/api/customers?{query}")).await;
            assert_eq!(status, StatusCode::OK, "{list}");
            list["total"].as_u64().unwrap()
        }
    };
    assert_eq!(total("q=MUNOZ").await, 1);
    assert_eq!(total("q=lucja").await, 1);
    assert_eq!(
        total("q=099%20123%204567").await,
        1,
        "a national phone finds the E.164 one"
    );
    assert_eq!(total("q=example.com").await, 2);
    assert_eq!(total("q=nobody").await, 0);
    assert_eq!(total("tag=VIP").await, 1);
    assert_eq!(total("tag=vip").await, 1, "a tag whatever its case");
    assert_eq!(total("status=potential").await, 1);
    assert_eq!(total("q=example&status=active&tag=VIP").await, 1);
    let (_, page) = app.get("/api/customers?limit=1&page=2").await;
    assert_eq!(page["customers"][0]["fields"]["first_name"], "Łucja");
    assert_eq!(page["total"], 2);
}
on_both_databases!(customers_are_found_ignoring_case_and_accents);

async fn the_error_file_shows_rejected_rows_as_they_were(backend: Backend) {
    let app = TestApp::new(backend).await;
    let body = json!({
        "client_id": "errors",
        "file_name": "clientes.xlsx",
        "columns": ["Nombre", "Correo"],
        "profile": profile(),
    });
    let (_, import) = app.post_json("/api/imports", &body.to_string()).await;
    let id = import["id"].as_i64().unwrap();
    let rows = json!({ "rows": [
        { "line": 2, "record": record("Ana", "ana@example.com"), "source": ["Ana", "ana@example.com"] },
        { "line": 3, "record": record("=HYPERLINK(\"http://evil\")", "bad@"),
          "source": ["=HYPERLINK(\"http://evil\")", "bad@"] },
        { "line": 4, "record": record("José", "jose@"), "source": ["José", "jose@"] },
    ]});
    let (_, answer) = put_batch(&app, id, 1, &rows.to_string()).await;
    assert_eq!(outcomes(&answer), ["created", "rejected", "rejected"]);

    let (status, headers, bytes) = app
        .get_bytes(&format!("/api/imports/{id}/errors.csv"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert!(
        headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("clientes-errors.csv")
    );
    let text = String::from_utf8(bytes).unwrap();
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a byte order mark for Excel");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Line,Nombre,Correo,Error");
    assert!(
        lines[1].starts_with("3,\"'=HYPERLINK(\"\"http://evil\"\")\",bad@,"),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("4,José,jose@,"), "{}", lines[2]);
    assert!(lines[2].contains("email"), "{}", lines[2]);
    assert_eq!(lines.len(), 3);
}
on_both_databases!(the_error_file_shows_rejected_rows_as_they_were);

async fn the_error_workbook_holds_the_same_rows_as_text(backend: Backend) {
    let app = TestApp::new(backend).await;
    let body = json!({
        "client_id": "errors-xlsx",
        "file_name": "clientes.csv",
        "columns": ["Nombre", "Correo", "Teléfono"],
        "profile": profile(),
    });
    let (_, import) = app.post_json("/api/imports", &body.to_string()).await;
    let id = import["id"].as_i64().unwrap();
    let rows = json!({ "rows": [
        { "line": 2, "record": record("Ana", "ana@example.com"), "source": ["Ana", "ana@example.com", ""] },
        { "line": 3, "record": record("=cmd|' /C calc'!A0", "bad@"),
          "source": ["=cmd|' /C calc'!A0", "bad@", "0991234567"] },
        { "line": 4, "record": record("José", "jose@"), "source": ["José", "jose@", "+593991234567"] },
    ]});
    let (_, answer) = put_batch(&app, id, 1, &rows.to_string()).await;
    assert_eq!(outcomes(&answer), ["created", "rejected", "rejected"]);

    let (status, headers, bytes) = app
        .get_bytes(&format!("/api/imports/{id}/errors.xlsx"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::CONTENT_TYPE],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert_eq!(
        headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"clientes-errors.xlsx\""
    );
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = calamine::Reader::worksheet_range(&mut workbook, "Errors").unwrap();
    let text = |row: usize, column: usize| match &sheet[(row, column)] {
        calamine::Data::String(text) => text.clone(),
        other => panic!("({row}, {column}) is not text: {other:?}"),
    };
    assert_eq!(sheet.height(), 3, "the header and the two rejected rows");
    let header: Vec<String> = (0..5).map(|column| text(0, column)).collect();
    assert_eq!(header, ["Line", "Nombre", "Correo", "Teléfono", "Error"]);
    assert_eq!(sheet[(1, 0)], calamine::Data::Float(3.0));
    assert_eq!(
        text(1, 1),
        "'=cmd|' /C calc'!A0",
        "neutralised as in the CSV"
    );
    assert_eq!(text(1, 2), "bad@");
    assert_eq!(
        text(1, 3),
        "0991234567",
        "kept as text, its leading zero too"
    );
    assert!(text(1, 4).contains("email"), "{}", text(1, 4));
    assert_eq!(text(2, 1), "José");
    assert_eq!(text(2, 3), "'+593991234567", "neutralised as in the CSV");
    let formulas = calamine::Reader::worksheet_formula(&mut workbook, "Errors").unwrap();
    assert!(
        formulas
            .used_cells()
            .all(|(_, _, formula)| formula.is_empty()),
        "no cell is a formula"
    );

    // The CSV says the same.
    let (_, _, csv) = app
        .get_bytes(&format!("/api/imports/{id}/errors.csv"))
        .await;
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with("3,'=cmd|' /C calc'!A0,bad@,0991234567,"),
        "{csv}"
    );

    let outsider = app.outsider_token().await;
    let (status, _) = app
        .get_as(&format!("/api/imports/{id}/errors.xlsx"), &outsider)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another workspace's import");
    let (status, _) = app
        .get_anonymous(&format!("/api/imports/{id}/errors.xlsx"))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}
on_both_databases!(the_error_workbook_holds_the_same_rows_as_text);

async fn new_customers_are_assigned_as_the_import_says(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, ana) = app.user_with_token("ana@crm.example", Role::Agent).await;
    app.user_with_token("luis@crm.example", Role::Agent).await;
    let open_as = |token: String, client_id: &'static str, options: Value| {
        let app = &app;
        async move {
            let body = json!({ "client_id": client_id, "file_name": "f.csv", "profile": profile(),
                               "options": options });
            app.post_json_as("/api/imports", &body.to_string(), &token)
                .await
        }
    };
    let to_luis = json!({ "assign_to": { "kind": "agent", "email": "luis@crm.example" } });
    let (status, _) = open_as(ana.clone(), "a1", to_luis.clone()).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "agents assign only to themselves"
    );
    let (status, _) = open_as(ana.clone(), "a2", json!({ "assign_to": { "kind": "me" } })).await;
    assert_eq!(status, StatusCode::CREATED);
    let nobody = json!({ "assign_to": { "kind": "agent", "email": "nobody@crm.example" } });
    let (status, _) = open_as(ADMIN_TOKEN.to_owned(), "a3", nobody).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    let assigned_to = |email: &'static str| {
        let app = &app;
        async move {
            let sql = "select u.email from customer c join app_user u on u.id = c.assigned_user_id \
                       where c.email = $1";
            sqlx::query_scalar::<_, String>(sql)
                .bind(email)
                .fetch_optional(app.db.pool())
                .await
                .unwrap()
        }
    };
    let (_, import) = open_as(ADMIN_TOKEN.to_owned(), "a4", to_luis.clone()).await;
    put_batch(
        &app,
        import["id"].as_i64().unwrap(),
        1,
        &batch(&[(2, record("A", "a@example.com"))]),
    )
    .await;
    assert_eq!(
        assigned_to("a@example.com").await.as_deref(),
        Some("luis@crm.example")
    );

    sqlx::query("update app_user set available = 0 where email = 'luis@crm.example'")
        .execute(app.db.pool())
        .await
        .unwrap();
    let mut reassign = to_luis.clone();
    reassign["reassign_if_unavailable"] = json!(true);
    let (_, import) = open_as(ADMIN_TOKEN.to_owned(), "a5", reassign).await;
    let rows: Vec<(u64, Value)> = (0..20)
        .map(|i| (i + 2, record("B", &format!("b{i}@example.com"))))
        .collect();
    put_batch(&app, import["id"].as_i64().unwrap(), 1, &batch(&rows)).await;
    for i in 0..20 {
        let email: &'static str = Box::leak(format!("b{i}@example.com").into_boxed_str());
        let agent = assigned_to(email).await.unwrap();
        assert_ne!(agent, "luis@crm.example", "Luis is away");
    }
    // Without "reassign", an away agent still gets them.
    let (_, import) = open_as(ADMIN_TOKEN.to_owned(), "a6", to_luis).await;
    put_batch(
        &app,
        import["id"].as_i64().unwrap(),
        1,
        &batch(&[(2, record("C", "c@example.com"))]),
    )
    .await;
    assert_eq!(
        assigned_to("c@example.com").await.as_deref(),
        Some("luis@crm.example")
    );
}
on_both_databases!(new_customers_are_assigned_as_the_import_says);

async fn an_import_that_stored_nothing_can_be_discarded(backend: Backend) {
    let app = TestApp::new(backend).await;
    let delete = |id: i64| {
        Request::delete(format!("/api/imports/{id}"))
            .header(header::AUTHORIZATION, format!("Bearer {ADMIN_TOKEN}"))
            .body(Body::empty())
            .unwrap()
    };
    // Opened for a preview, then left: it goes, and the history no longer shows it.
    let (_, previewed) = open_import(&app, "previewed", "skip").await;
    let previewed = previewed["id"].as_i64().unwrap();
    let preview = batch(&[(2, record("Ana", "ana@example.com"))]);
    let (status, _) = app
        .post_json(&format!("/api/imports/{previewed}/preview"), &preview)
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = app.request(delete(previewed)).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = app.get(&format!("/api/imports/{previewed}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, history) = app.get("/api/imports").await;
    assert_eq!(history, json!([]));

    // One that stored a batch stays: it is reverted, not discarded.
    let (_, sent) = open_import(&app, "sent", "skip").await;
    let sent = sent["id"].as_i64().unwrap();
    put_batch(&app, sent, 1, &preview).await;
    let (status, _, body) = app.request(delete(sent)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["code"], "import.not_empty");
    assert_eq!(customer_count(&app).await, 1);
}
on_both_databases!(an_import_that_stored_nothing_can_be_discarded);
