//! Groups of agents take new customers in turns; imports put their customers on lists; the
//! customers page filters by agent and list; nobody sees another workspace's groups or lists.

use clientela_shared::Role;
use serde_json::{Value, json};

use crate::on_both_databases;
use crate::support::http::{ADMIN_TOKEN, Backend, TestApp};

const ANA: &str = "ana@crm.example";
const LUIS: &str = "luis@crm.example";
const MARTA: &str = "marta@crm.example";

/// Adds Ana, Luis and Marta (agents; Marta away) and returns Ana's and Luis's tokens.
async fn add_agents(app: &TestApp) -> (String, String) {
    let (_, ana) = app.user_with_token(ANA, Role::Agent).await;
    let (_, luis) = app.user_with_token(LUIS, Role::Agent).await;
    app.user_with_token(MARTA, Role::Agent).await;
    sqlx::query("update app_user set available = 0 where email = $1")
        .bind(MARTA)
        .execute(app.db.pool())
        .await
        .unwrap();
    (ana, luis)
}

/// A new app with Ana, Luis and Marta (see [`add_agents`]) and the group Ventas of `members`.
async fn app_with_group_of(backend: Backend, members: &[&str]) -> TestApp {
    let app = TestApp::new(backend).await;
    add_agents(&app).await;
    let members = json!({ "members": members }).to_string();
    app.call_as("PUT", "/api/groups/Ventas", Some(&members), ADMIN_TOKEN)
        .await;
    app
}

fn record(first_name: &str, email: &str) -> Value {
    json!({ "first_name": first_name, "email": email, "tags": [], "custom": {}, "extra": {} })
}

/// Opens an import as `token` with `options` and sends `emails` as batch `seq` 1 and on.
async fn import(
    app: &TestApp,
    token: &str,
    client_id: &str,
    options: Value,
    batches: &[&[&str]],
) -> (i64, Vec<Value>) {
    let body = json!({ "client_id": client_id, "file_name": "feria.csv",
                       "profile": { "default_country": "EC" }, "options": options });
    let (status, opened) = app
        .post_json_as("/api/imports", &body.to_string(), token)
        .await;
    assert!(status.is_success(), "{status} {opened}");
    let id = opened["id"].as_i64().unwrap();
    let mut answers = Vec::new();
    let mut line = 2;
    for (seq, emails) in batches.iter().enumerate() {
        let rows: Vec<Value> = emails
            .iter()
            .map(|email| {
                line += 1;
                json!({ "line": line, "record": record("Cliente", email) })
            })
            .collect();
        let uri = format!("/api/imports/{id}/batches/{}", seq + 1);
        let body = json!({ "rows": rows }).to_string();
        let (status, answer) = app.call_as("PUT", &uri, Some(&body), token).await;
        assert!(status.is_success(), "{status} {answer}");
        answers.push(answer);
    }
    (id, answers)
}

/// The agent each customer (by email) is assigned to, and its group.
async fn assignees(app: &TestApp, query: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let (status, list) = app.get(&format!("/api/customers?limit=1000&{query}")).await;
    assert!(status.is_success(), "{status} {list}");
    list["customers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|customer| {
            (
                customer["fields"]["email"].as_str().unwrap().to_owned(),
                customer["agent"].as_str().map(str::to_owned),
                customer["group"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

async fn admins_manage_groups_and_everyone_sees_them(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (ana, _) = add_agents(&app).await;
    let members = json!({ "members": [LUIS, "  Ana@CRM.example "] }).to_string();
    let (status, group) = app
        .call_as("PUT", "/api/groups/Ventas", Some(&members), ADMIN_TOKEN)
        .await;
    assert_eq!(status, 200, "{group}");
    assert_eq!(group, json!({ "name": "Ventas", "members": [ANA, LUIS] }));

    let (status, schema) = app.get_as("/api/schema", &ana).await;
    assert_eq!(status, 200);
    assert_eq!(
        schema["groups"],
        json!([{ "name": "Ventas", "members": [ANA, LUIS] }])
    );

    let unknown = json!({ "members": ["nadie@crm.example"] }).to_string();
    let (status, body) = app
        .call_as("PUT", "/api/groups/Ventas", Some(&unknown), ADMIN_TOKEN)
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        body["error"]["problems"][0]["code"], "members.unknown",
        "{body}"
    );

    let (status, _) = app
        .call_as("PUT", "/api/groups/Mine", Some(&members), &ana)
        .await;
    assert_eq!(status, 403, "only admins manage groups");
    let (status, _) = app
        .call_as("DELETE", "/api/groups/Ventas", None, &ana)
        .await;
    assert_eq!(status, 403);

    let outsider = app.outsider_token().await;
    let (_, theirs) = app.get_as("/api/schema", &outsider).await;
    assert_eq!(
        theirs["groups"],
        json!([]),
        "another workspace's groups stay hidden"
    );
    let (status, _) = app
        .call_as("DELETE", "/api/groups/Ventas", None, &outsider)
        .await;
    assert_eq!(status, 404);

    let (status, _) = app
        .call_as("DELETE", "/api/groups/Ventas", None, ADMIN_TOKEN)
        .await;
    assert_eq!(status, 204);
    let (status, _) = app
        .call_as("DELETE", "/api/groups/Ventas", None, ADMIN_TOKEN)
        .await;
    assert_eq!(status, 404);
}
on_both_databases!(admins_manage_groups_and_everyone_sees_them);

async fn a_group_hands_customers_to_its_available_agents_in_turns(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (ana, luis) = add_agents(&app).await;
    let members = json!({ "members": [ANA, LUIS, MARTA] }).to_string();
    app.call_as("PUT", "/api/groups/Ventas", Some(&members), ADMIN_TOKEN)
        .await;
    let solo = json!({ "members": [ANA] }).to_string();
    app.call_as("PUT", "/api/groups/Solo", Some(&solo), ADMIN_TOKEN)
        .await;

    let to_ventas = json!({ "assign_to": { "kind": "group", "name": "Ventas" } });
    // Marta is away: Ana and Luis take turns, and the second batch goes on where the first stopped.
    import(
        &app,
        ADMIN_TOKEN,
        "g1",
        to_ventas.clone(),
        &[&["a1@x.com", "a2@x.com", "a3@x.com"], &["a4@x.com"]],
    )
    .await;
    let got = assignees(&app, "").await;
    let agents: Vec<&str> = got
        .iter()
        .map(|(_, agent, _)| agent.as_deref().unwrap())
        .collect();
    assert_eq!(agents, [ANA, LUIS, ANA, LUIS]);
    assert!(
        got.iter()
            .all(|(_, _, group)| group.as_deref() == Some("Ventas"))
    );

    let anas: Vec<String> = assignees(&app, "agent=ANA@crm.example")
        .await
        .into_iter()
        .map(|(email, ..)| email)
        .collect();
    assert_eq!(anas, ["a1@x.com", "a3@x.com"]);

    // Luis may assign to Ventas (his group), not to Solo.
    import(&app, &luis, "g2", to_ventas, &[&["b1@x.com"]]).await;
    let to_solo = json!({ "client_id": "g3", "file_name": "f.csv",
                          "options": { "assign_to": { "kind": "group", "name": "Solo" } } });
    let (status, _) = app
        .post_json_as("/api/imports", &to_solo.to_string(), &luis)
        .await;
    assert_eq!(status, 403, "agents assign only to their own groups");
    let (status, _) = app
        .post_json_as("/api/imports", &to_solo.to_string(), &ana)
        .await;
    assert_eq!(status, 201);
    let nowhere = json!({ "client_id": "g4", "file_name": "f.csv",
                          "options": { "assign_to": { "kind": "group", "name": "Nowhere" } } });
    let (status, body) = app.post_json("/api/imports", &nowhere.to_string()).await;
    assert_eq!(status, 422);
    assert_eq!(body["error"]["problems"][0]["code"], "assign_to.unknown");

    // Nobody available in the group and "reassign": any available agent of the workspace.
    sqlx::query("update app_user set available = 0 where email in ($1, $2)")
        .bind(ANA)
        .bind(LUIS)
        .execute(app.db.pool())
        .await
        .unwrap();
    let reassign = json!({ "assign_to": { "kind": "group", "name": "Ventas" }, "reassign_if_unavailable": true });
    import(
        &app,
        ADMIN_TOKEN,
        "g5",
        reassign,
        &[&["c1@x.com", "c2@x.com"]],
    )
    .await;
    for (email, agent, _) in assignees(&app, "").await {
        if email.starts_with('c') {
            assert!(
                ![ANA, LUIS, MARTA].contains(&agent.as_deref().unwrap()),
                "{email} went to {agent:?}"
            );
        }
    }
}
on_both_databases!(a_group_hands_customers_to_its_available_agents_in_turns);

async fn a_duplicate_row_takes_no_turn(backend: Backend) {
    let app = app_with_group_of(backend, &[ANA, LUIS]).await;
    let to_ventas = json!({ "assign_to": { "kind": "group", "name": "Ventas" } });
    // The second batch's middle row is a stored customer: it is skipped, and the two new
    // customers go on with the turns as if it were not there.
    let (_, answers) = import(
        &app,
        ADMIN_TOKEN,
        "g1",
        to_ventas,
        &[
            &["a1@x.com", "a2@x.com"],
            &["a3@x.com", "a1@x.com", "a4@x.com"],
        ],
    )
    .await;
    let outcomes: Vec<&str> = answers[1]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes, ["created", "skipped", "created"]);
    let agents: Vec<Option<String>> = assignees(&app, "")
        .await
        .into_iter()
        .map(|(_, agent, _)| agent)
        .collect();
    let expected = [ANA, LUIS, ANA, LUIS].map(|agent| Some(agent.to_owned()));
    assert_eq!(agents, expected);
}
on_both_databases!(a_duplicate_row_takes_no_turn);

async fn a_supervisor_assigns_to_any_agent_or_group(backend: Backend) {
    let app = app_with_group_of(backend, &[LUIS]).await;
    let (_, supervisor) = app
        .user_with_token("super@crm.example", Role::Supervisor)
        .await;
    // Ana is in no group of the supervisor's, nor is the supervisor in Ventas.
    let to_ana = json!({ "assign_to": { "kind": "agent", "email": ANA } });
    import(&app, &supervisor, "s1", to_ana, &[&["a1@x.com"]]).await;
    let to_ventas = json!({ "assign_to": { "kind": "group", "name": "Ventas" } });
    import(&app, &supervisor, "s2", to_ventas, &[&["a2@x.com"]]).await;
    let got = assignees(&app, "").await;
    assert_eq!(
        got,
        [
            ("a1@x.com".to_owned(), Some(ANA.to_owned()), None),
            (
                "a2@x.com".to_owned(),
                Some(LUIS.to_owned()),
                Some("Ventas".to_owned())
            ),
        ]
    );
}
on_both_databases!(a_supervisor_assigns_to_any_agent_or_group);

async fn deleting_a_group_keeps_its_customers_and_their_agents(backend: Backend) {
    let app = app_with_group_of(backend, &[ANA, LUIS]).await;
    let to_ventas = json!({ "assign_to": { "kind": "group", "name": "Ventas" } });
    import(
        &app,
        ADMIN_TOKEN,
        "g1",
        to_ventas,
        &[&["a1@x.com", "a2@x.com"]],
    )
    .await;

    let (status, _) = app
        .call_as("DELETE", "/api/groups/Ventas", None, ADMIN_TOKEN)
        .await;
    assert_eq!(status, 204);
    assert_eq!(
        assignees(&app, "").await,
        [
            ("a1@x.com".to_owned(), Some(ANA.to_owned()), None),
            ("a2@x.com".to_owned(), Some(LUIS.to_owned()), None),
        ]
    );
    let dangling: i64 =
        sqlx::query_scalar("select count(*) from customer where assigned_group_id is not null")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
    assert_eq!(dangling, 0, "no customer keeps the deleted group's id");
}
on_both_databases!(deleting_a_group_keeps_its_customers_and_their_agents);

/// A batch assigning to the group holds the group's row until it commits; deleting the group
/// waits for it, and clears its new customers too.
async fn deleting_a_group_clears_the_customers_of_a_batch_under_way(backend: Backend) {
    let app = app_with_group_of(backend, &[ANA]).await;
    let (workspace_id, group_id): (i64, i64) =
        sqlx::query_as("select workspace_id, id from agent_group where name = 'Ventas'")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
    // What `Assigner::for_batch` and the batch's insert do, left uncommitted for a moment.
    let mut batch = app.db.pool().begin().await.unwrap();
    sqlx::query("update agent_group set next_turn = next_turn where id = $1")
        .bind(group_id)
        .execute(&mut *batch)
        .await
        .unwrap();
    sqlx::query(
        "insert into customer (workspace_id, file_name, line, fields, created_at, \
         assigned_group_id) values ($1, 'f.csv', 2, '{}', 0, $2)",
    )
    .bind(workspace_id)
    .bind(group_id)
    .execute(&mut *batch)
    .await
    .unwrap();
    let ((status, _), ()) = tokio::join!(
        app.call_as("DELETE", "/api/groups/Ventas", None, ADMIN_TOKEN),
        async {
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            batch.commit().await.unwrap();
        }
    );
    assert_eq!(status, 204);
    let dangling: i64 =
        sqlx::query_scalar("select count(*) from customer where assigned_group_id is not null")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
    assert_eq!(
        dangling, 0,
        "the batch's customer lost the deleted group too"
    );
}
on_both_databases!(deleting_a_group_clears_the_customers_of_a_batch_under_way);

async fn an_import_fills_a_list_and_revert_empties_it(backend: Backend) {
    let app = TestApp::new(backend).await;
    add_agents(&app).await;
    import(&app, ADMIN_TOKEN, "l0", json!({}), &[&["old@x.com"]]).await;
    let to_list = json!({ "list": "Feria 2026" });
    let (id, _) = import(
        &app,
        ADMIN_TOKEN,
        "l1",
        to_list,
        &[&["new1@x.com", "old@x.com"], &["new2@x.com"]],
    )
    .await;

    let (status, lists) = app.get("/api/lists").await;
    assert_eq!(status, 200);
    assert_eq!(lists.as_array().unwrap().len(), 1, "{lists}");
    assert_eq!(lists[0]["name"], "Feria 2026");
    assert_eq!(
        lists[0]["members"], 3,
        "created and already stored customers alike"
    );
    assert_eq!(lists[0]["import_id"], id);

    let mut on_list: Vec<String> = assignees(&app, "list=Feria%202026")
        .await
        .into_iter()
        .map(|(email, ..)| email)
        .collect();
    on_list.sort();
    assert_eq!(on_list, ["new1@x.com", "new2@x.com", "old@x.com"]);

    let outsider = app.outsider_token().await;
    let (_, theirs) = app.get_as("/api/lists", &outsider).await;
    assert_eq!(theirs, json!([]));
    let (_, filtered) = app
        .get_as("/api/customers?list=Feria%202026", &outsider)
        .await;
    assert_eq!(filtered["total"], 0);

    let (status, _) = app
        .post_json(&format!("/api/imports/{id}/revert"), "")
        .await;
    assert_eq!(status, 200);
    let (_, lists) = app.get("/api/lists").await;
    assert_eq!(lists, json!([]), "the list the import created goes with it");
    let (_, all) = app.get("/api/customers").await;
    assert_eq!(all["total"], 1, "old@x.com stays");
}
on_both_databases!(an_import_fills_a_list_and_revert_empties_it);

/// A customer that a later import changed is kept when the first import is undone, and so is
/// its place on the first import's list, and the list with it.
async fn undoing_keeps_the_list_places_of_customers_kept(backend: Backend) {
    let app = TestApp::new(backend).await;
    let to_list = json!({ "list": "Feria 2026" });
    let (id, _) = import(
        &app,
        ADMIN_TOKEN,
        "k1",
        to_list,
        &[&["gone@x.com", "kept@x.com"]],
    )
    .await;
    let update = json!({ "duplicates": "update" });
    import(&app, ADMIN_TOKEN, "k2", update, &[&["kept@x.com"]]).await;

    let (status, undone) = app
        .post_json(&format!("/api/imports/{id}/revert"), "")
        .await;
    assert_eq!(status, 200, "{undone}");
    assert_eq!(undone["kept"], 1, "{undone}");
    let (_, lists) = app.get("/api/lists").await;
    assert_eq!(lists[0]["name"], "Feria 2026", "{lists}");
    assert_eq!(lists[0]["members"], 1, "{lists}");
    let on_list: Vec<String> = assignees(&app, "list=Feria%202026")
        .await
        .into_iter()
        .map(|(email, ..)| email)
        .collect();
    assert_eq!(on_list, ["kept@x.com"]);
}
on_both_databases!(undoing_keeps_the_list_places_of_customers_kept);

async fn the_customers_of_one_import_are_found_by_its_id(backend: Backend) {
    let app = TestApp::new(backend).await;
    import(
        &app,
        ADMIN_TOKEN,
        "i0",
        json!({}),
        &[&["old@x.com", "kept@x.com"]],
    )
    .await;
    let update = json!({ "duplicates": "update" });
    let (id, _) = import(
        &app,
        ADMIN_TOKEN,
        "i1",
        update,
        &[&["new@x.com", "old@x.com"]],
    )
    .await;

    let mut of_import: Vec<String> = assignees(&app, &format!("import={id}"))
        .await
        .into_iter()
        .map(|(email, ..)| email)
        .collect();
    of_import.sort();
    assert_eq!(of_import, ["new@x.com", "old@x.com"], "created and updated");
    let (status, _, export) = app
        .get_bytes(&format!("/api/customers/export.csv?import={id}"))
        .await;
    assert_eq!(status, 200);
    let export = String::from_utf8(export).unwrap();
    assert_eq!(
        export.lines().count(),
        3,
        "a header and two customers: {export}"
    );

    let outsider = app.outsider_token().await;
    let (_, theirs) = app
        .get_as(&format!("/api/customers?import={id}"), &outsider)
        .await;
    assert_eq!(theirs["total"], 0, "another workspace sees none of them");
    let (status, _) = app.get("/api/customers?import=first").await;
    assert_eq!(status, 400);
}
on_both_databases!(the_customers_of_one_import_are_found_by_its_id);
