//! The API's error messages come in the caller's language (`Accept-Language`: Spanish,
//! Portuguese or Polish), in English without one or for any other; their codes never change.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use clientela_shared::Role;
use serde_json::{Value, json};

use crate::on_both_databases;
use crate::support::http::{ADMIN_TOKEN, Backend, TestApp};

/// Sends `method uri` with `body` (JSON) as the holder of `token`, asking for `language` when
/// given; the status and the answer's `error`.
async fn error_in(
    app: &TestApp,
    (method, uri, body): (&str, &str, &str),
    token: &str,
    language: Option<&str>,
) -> (StatusCode, Value) {
    let mut request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(language) = language {
        request = request.header(header::ACCEPT_LANGUAGE, language);
    }
    let request = request.body(Body::from(body.to_owned())).unwrap();
    let (status, _, answer) = app.request(request).await;
    (status, answer["error"].clone())
}

/// The message of the first problem of a 422.
fn first_problem(error: &Value) -> (&str, &str) {
    let problem = &error["problems"][0];
    (
        problem["code"].as_str().unwrap(),
        problem["message"].as_str().unwrap(),
    )
}

async fn a_refused_field_is_explained_in_the_callers_language(backend: Backend) {
    let app = TestApp::new(backend).await;
    let fields = json!({ "custom_fields": [
        { "key": "tier", "label": "Tier", "type": "select", "options": ["Gold", "gold"] }] })
    .to_string();
    let put = ("PUT", "/api/custom-fields", fields.as_str());

    let (status, english) = error_in(&app, put, ADMIN_TOKEN, None).await;
    assert_eq!(status, 422);
    assert_eq!(english["code"], "request.invalid");
    assert_eq!(english["message"], "The request cannot be accepted.");
    assert_eq!(
        first_problem(&english),
        ("options.repeated", "The field tier offers \"gold\" twice.")
    );

    let (status, spanish) = error_in(&app, put, ADMIN_TOKEN, Some("es-EC,es;q=0.9")).await;
    assert_eq!(status, 422);
    assert_eq!(spanish["code"], "request.invalid");
    assert_eq!(spanish["message"], "No se puede aceptar la solicitud.");
    assert_eq!(
        first_problem(&spanish),
        (
            "options.repeated",
            "El campo tier ofrece \"gold\" dos veces."
        )
    );

    let (_, polish) = error_in(&app, put, ADMIN_TOKEN, Some("pl")).await;
    assert_eq!(
        first_problem(&polish),
        ("options.repeated", "Pole tier ma opcję \"gold\" dwa razy.")
    );

    let (_, portuguese) = error_in(&app, put, ADMIN_TOKEN, Some("pt-BR")).await;
    assert_eq!(
        first_problem(&portuguese),
        (
            "options.repeated",
            "O campo tier oferece \"gold\" duas vezes."
        )
    );

    for other in ["fr-FR,fr;q=0.9", "de", "*", ""] {
        let (_, answer) = error_in(&app, put, ADMIN_TOKEN, Some(other)).await;
        assert_eq!(answer, english, "Accept-Language: {other}");
    }
}
on_both_databases!(a_refused_field_is_explained_in_the_callers_language);

async fn a_conflict_is_explained_in_the_callers_language(backend: Backend) {
    let app = TestApp::new(backend).await;
    let user = json!({ "email": "ana@crm.example", "name": "Ana", "role": "agent",
                       "password": "a long secret" })
    .to_string();
    let add = ("POST", "/api/users", user.as_str());
    let (status, _) = error_in(&app, add, ADMIN_TOKEN, None).await;
    assert_eq!(status, 201);

    let said = |error: &Value| (error["code"].clone(), error["message"].clone());
    let (status, english) = error_in(&app, add, ADMIN_TOKEN, None).await;
    assert_eq!(status, 409);
    assert_eq!(
        said(&english),
        (
            json!("user.exists"),
            json!("A user with the email ana@crm.example already exists.")
        )
    );
    let (status, spanish) = error_in(&app, add, ADMIN_TOKEN, Some("es-EC,es;q=0.9")).await;
    assert_eq!(status, 409);
    assert_eq!(
        said(&spanish),
        (
            json!("user.exists"),
            json!("Ya existe un usuario con el correo ana@crm.example.")
        )
    );
    let (_, polish) = error_in(&app, add, ADMIN_TOKEN, Some("en;q=0.5, pl")).await;
    assert_eq!(
        said(&polish),
        (
            json!("user.exists"),
            json!("Użytkownik z adresem e-mail ana@crm.example już istnieje.")
        )
    );
    let (_, unsupported) = error_in(&app, add, ADMIN_TOKEN, Some("ja")).await;
    assert_eq!(said(&unsupported), said(&english));
}
on_both_databases!(a_conflict_is_explained_in_the_callers_language);

async fn refusals_and_missing_paths_follow_the_language_too(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, agent) = app.user_with_token("agent@crm.example", Role::Agent).await;
    let tags = json!({ "tags": ["vip"] }).to_string();
    let (status, forbidden) =
        error_in(&app, ("PUT", "/api/tags", &tags), &agent, Some("pt-BR")).await;
    assert_eq!(status, 403);
    assert_eq!(forbidden["code"], "auth.forbidden");
    assert_eq!(
        forbidden["message"],
        "Só um usuário com a função de administrador pode fazer isso."
    );

    let (status, missing) =
        error_in(&app, ("GET", "/api/nothing", ""), ADMIN_TOKEN, Some("pl")).await;
    assert_eq!(status, 404);
    assert_eq!(
        (&missing["code"], &missing["message"]),
        (&json!("not_found"), &json!("Nic tu nie ma."))
    );
    let (status, anonymous) =
        error_in(&app, ("GET", "/api/imports", ""), "unknown", Some("es")).await;
    assert_eq!(status, 401);
    assert_eq!(
        anonymous["message"],
        "Inicie sesión primero o envíe un token de API válido."
    );
}
on_both_databases!(refusals_and_missing_paths_follow_the_language_too);

async fn the_rate_limit_is_explained_in_the_callers_language(backend: Backend) {
    let app = TestApp::with_rate_limit(backend, 1).await;
    let list = ("GET", "/api/imports", "");
    let (status, _) = error_in(&app, list, ADMIN_TOKEN, None).await;
    assert_eq!(status, 200);
    let (status, limited) = error_in(&app, list, ADMIN_TOKEN, Some("es")).await;
    assert_eq!(status, 429);
    assert_eq!(limited["code"], "rate.limited");
    assert_eq!(
        limited["message"],
        "Demasiadas solicitudes. Vuelva a intentarlo en 60 s."
    );
}
on_both_databases!(the_rate_limit_is_explained_in_the_callers_language);
