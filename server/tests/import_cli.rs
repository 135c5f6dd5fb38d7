//! `clientela import`: validates locally, sends the valid rows to a real server over HTTP, and
//! resumes instead of duplicating when run again.

use std::path::Path;
use std::process::Output;

use crate::on_both_databases;
use crate::support::http::{ADMIN_TOKEN, Backend, TestApp};

/// Serves `router` on a free port of this machine, for the command to reach over HTTP; gives
/// its URL.
async fn serve(router: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await });
    url
}

/// Runs `clientela import FILE --server URL --token ADMIN_TOKEN ARGS…`.
async fn import_as_admin(file: &Path, url: &str, args: &[&str]) -> Output {
    tokio::process::Command::new(env!("CARGO_BIN_EXE_clientela"))
        .arg("import")
        .arg(file)
        .args(["--server", url, "--token", ADMIN_TOKEN])
        .args(args)
        .output()
        .await
        .unwrap()
}

async fn the_command_line_imports_and_a_rerun_stores_nothing_twice(backend: Backend) {
    let app = TestApp::new(backend).await;
    let url = serve(app.router.clone()).await;

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("clientes.csv");
    std::fs::write(
        &file,
        "Nombre;Correo;Teléfono\nAna;ana@example.com;0991234567\nLuis;luis@;\nEva;eva@example.com;\n",
    )
    .unwrap();
    let profile = dir.path().join("profile.toml");
    std::fs::write(
        &profile,
        "default_country = \"EC\"\nrequired = [\"first_name\"]\n",
    )
    .unwrap();

    for run in 1..=2 {
        let profile = profile.to_str().unwrap();
        let output = import_as_admin(&file, &url, &["--profile", profile]).await;
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "run {run}: {stdout}{stderr}");
        assert!(
            stdout.contains("3 rows, 2 valid, 1 with errors"),
            "{stdout}"
        );
        assert!(
            stdout.contains("2 created, 0 updated"),
            "run {run}: {stdout}"
        );
        assert!(stderr.contains("clientela validate"), "{stderr}");
    }
    let (_, list) = app.get("/api/customers").await;
    assert_eq!(list["total"], 2, "the second run resumed the same import");
    assert_eq!(list["customers"][0]["fields"]["phone"], "+593991234567");
    let (_, imports) = app.get("/api/imports").await;
    assert_eq!(imports.as_array().unwrap().len(), 1);
    assert_eq!(imports[0]["status"], "committed");
}
on_both_databases!(the_command_line_imports_and_a_rerun_stores_nothing_twice);

async fn the_command_line_assigns_lists_and_knows_the_workspace_fields(backend: Backend) {
    let app = TestApp::new(backend).await;
    let fields = serde_json::json!({ "custom_fields": [
        { "key": "plan", "label": "Plan", "type": "select", "options": ["basic", "pro"], "required": true }] });
    app.call_as(
        "PUT",
        "/api/custom-fields",
        Some(&fields.to_string()),
        ADMIN_TOKEN,
    )
    .await;
    let url = serve(app.router.clone()).await;

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("feria.csv");
    std::fs::write(
        &file,
        "Nombre,Correo,Plan\nAna,ana@example.com,pro\nLuis,luis@example.com,\n",
    )
    .unwrap();
    let options = [
        "--assign-to",
        "me",
        "--list",
        "Feria",
        "--tag",
        "Feria 2026",
        "--status",
        "potencial",
    ];
    let output = import_as_admin(&file, &url, &options).await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stdout.contains("2 rows, 1 valid, 1 with errors"),
        "the workspace's required plan was checked locally: {stdout}{stderr}"
    );
    let (_, list) = app.get("/api/customers?list=Feria").await;
    assert_eq!(list["total"], 1, "{list}");
    assert_eq!(list["customers"][0]["fields"]["custom.plan"], "pro");
    assert!(list["customers"][0]["agent"].is_string(), "{list}");
    assert_eq!(
        list["customers"][0]["fields"]["tags"], "Feria 2026",
        "{list}"
    );
    assert_eq!(
        list["customers"][0]["fields"]["status"], "potential",
        "{list}"
    );

    // A refusal says why, not only that the request was refused.
    let output = import_as_admin(&file, &url, &["--assign-to", "group:Nope"]).await;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("assign_to") && stderr.contains("Nope"),
        "{stderr}"
    );

    // In the language asked for.
    let options = ["--lang", "es", "--assign-to", "group:Nope"];
    let output = import_as_admin(&file, &url, &options).await;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no tiene ningún grupo llamado Nope"),
        "{stderr}"
    );
}
on_both_databases!(the_command_line_assigns_lists_and_knows_the_workspace_fields);

async fn an_interrupted_import_resumes_where_it_stopped(backend: Backend) {
    let app = TestApp::new(backend).await;
    // A first server that lets through four requests (the schema, who the user is, the import,
    // one batch) and then refuses, so the command gives up half way; the second serves normally.
    let stingy = app.replica(|state| state.with_rate_limit(4)).await;
    let stingy_url = serve(stingy.router.clone()).await;
    let url = serve(app.router.clone()).await;

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("clientes.csv");
    let mut csv = String::from("Nombre,Correo\n");
    for i in 0..12_000 {
        csv.push_str(&format!("Cliente {i},c{i}@example.com\n"));
    }
    std::fs::write(&file, csv).unwrap();
    let run = |server: String| {
        let file = file.clone();
        async move { import_as_admin(&file, &server, &[]).await }
    };

    let stopped = run(stingy_url).await;
    let stderr = String::from_utf8_lossy(&stopped.stderr);
    assert!(!stopped.status.success(), "{stderr}");
    assert!(
        stderr.contains("run the same command again to resume"),
        "{stderr}"
    );
    let (_, list) = app.get("/api/customers?limit=1").await;
    assert_eq!(list["total"], 5_000, "the first batch was stored");

    let resumed = run(url).await;
    let stdout = String::from_utf8_lossy(&resumed.stdout);
    assert!(
        resumed.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&resumed.stderr)
    );
    let (_, imports) = app.get("/api/imports").await;
    assert_eq!(
        imports.as_array().unwrap().len(),
        1,
        "the same import: {imports}"
    );
    assert_eq!(imports[0]["status"], "committed");
    assert_eq!(imports[0]["counts"]["created"], 12_000, "{imports}");
    assert_eq!(
        imports[0]["counts"]["skipped"], 0,
        "nothing stored twice: {imports}"
    );
    let (_, list) = app.get("/api/customers?limit=1").await;
    assert_eq!(list["total"], 12_000);
}
on_both_databases!(an_interrupted_import_resumes_where_it_stopped);

async fn the_command_line_imports_with_a_saved_profile_by_name(backend: Backend) {
    let app = TestApp::new(backend).await;
    let saved = serde_json::json!({ "default_country": "EC", "required": ["phone"] });
    app.save_profile("Feria", saved).await;
    let url = serve(app.router.clone()).await;

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("feria.csv");
    std::fs::write(
        &file,
        "Nombre,Correo,Teléfono\nAna,ana@example.com,0991234567\nLuis,luis@example.com,\n",
    )
    .unwrap();
    let import_with = |profile: &str| {
        let (file, url, profile) = (file.clone(), url.clone(), profile.to_owned());
        async move { import_as_admin(&file, &url, &["--profile", &profile]).await }
    };

    let output = import_with("Ferias").await;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains("saved profiles: Feria"), "{stderr}");

    let output = import_with("Feria").await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("2 rows, 1 valid, 1 with errors"),
        "the saved profile's required phone was checked locally: {stdout}"
    );
    let (_, list) = app.get("/api/customers").await;
    assert_eq!(list["total"], 1, "{list}");
    assert_eq!(
        list["customers"][0]["fields"]["phone"], "+593991234567",
        "the saved profile's country"
    );

    // A file that takes a saved profile's name gets the saved rules, and the command says so.
    let loose = dir.path().join("loose.toml");
    std::fs::write(&loose, "name = \"feria\"\ndefault_country = \"EC\"\n").unwrap();
    let output = import_with(loose.to_str().unwrap()).await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("the workspace's saved profile \"Feria\" applies"),
        "{stderr}"
    );
    assert!(
        stdout.contains("2 rows, 1 valid, 1 with errors"),
        "the saved rules, not the file's: {stdout}"
    );
}
on_both_databases!(the_command_line_imports_with_a_saved_profile_by_name);

async fn a_file_over_the_profiles_max_rows_sends_nothing(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.save_profile("Pocos", serde_json::json!({ "max_rows": 2 }))
        .await;
    let url = serve(app.router.clone()).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("muchos.csv");
    std::fs::write(
        &file,
        "Nombre,Correo\nAna,ana@example.com\nLuis,luis@example.com\nEva,eva@example.com\n",
    )
    .unwrap();

    let output = import_as_admin(&file, &url, &["--profile", "Pocos"]).await;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains("muchos.csv was not imported"), "{stderr}");
    assert!(
        stderr.contains("The file has 3 rows; an import with this profile takes at most 2."),
        "{stderr}"
    );
    let (_, imports) = app.get("/api/imports").await;
    assert_eq!(imports, serde_json::json!([]), "no import was opened");
}
on_both_databases!(a_file_over_the_profiles_max_rows_sends_nothing);
