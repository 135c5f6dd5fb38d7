use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::support::http::{Backend, TestApp};

async fn app_with_built_ui() -> (TestApp, tempfile::TempDir) {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><p>clientela app</p>",
    )
    .unwrap();
    // Compressible on purpose, so compression is visible.
    std::fs::write(dist.path().join("app_bg.wasm"), vec![0u8; 64 * 1024]).unwrap();
    let app = TestApp::with_ui(Backend::Sqlite, dist.path()).await;
    (app, dist)
}

async fn get(app: &TestApp, uri: &str, accept_encoding: Option<&str>) -> axum::response::Response {
    let mut request = Request::get(uri);
    if let Some(encoding) = accept_encoding {
        request = request.header(header::ACCEPT_ENCODING, encoding);
    }
    let request = request.body(Body::empty()).unwrap();
    app.router.clone().oneshot(request).await.unwrap()
}

#[tokio::test]
async fn client_side_routes_get_index_html() {
    let (app, _dist) = app_with_built_ui().await;
    let response = get(&app, "/imports/42", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body = response.into_body().collect().await.unwrap().to_bytes();
    assert!(String::from_utf8_lossy(&body).contains("clientela app"));
}

#[tokio::test]
async fn wasm_is_served_as_application_wasm_and_compressed() {
    let (app, _dist) = app_with_built_ui().await;
    let response = get(&app, "/app_bg.wasm", Some("gzip")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/wasm");
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "gzip");
    let body = response.into_body().collect().await.unwrap().to_bytes();
    assert!(
        body.len() < 64 * 1024 / 10,
        "gzip should shrink zeros: {} bytes",
        body.len()
    );
}

#[tokio::test]
async fn without_a_built_ui_a_page_says_how_to_build_it() {
    let app = TestApp::new(Backend::Sqlite).await;
    let response = get(&app, "/", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body = response.into_body().collect().await.unwrap().to_bytes();
    assert!(String::from_utf8_lossy(&body).contains("cargo xtask run"));
}

/// The build writes `<file>.gz` beside each file (`cargo xtask post-build`): a browser that takes
/// gzip gets that copy as it is, not the file compressed again on each request.
#[tokio::test]
async fn a_files_gzipped_copy_is_sent_as_it_is() {
    let (app, dist) = app_with_built_ui().await;
    std::fs::write(dist.path().join("page.js"), "console.log('plain');").unwrap();
    // Not real gzip: only the build's own copy could be these bytes.
    let copy = b"the build's gzipped copy".to_vec();
    std::fs::write(dist.path().join("page.js.gz"), &copy).unwrap();

    let response = get(&app, "/page.js", Some("gzip, deflate, br")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "gzip");
    assert_eq!(response.headers()[header::CONTENT_TYPE], "text/javascript");
    let body = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(body.to_vec(), copy);

    let response = get(&app, "/page.js", None).await;
    assert!(response.headers().get(header::CONTENT_ENCODING).is_none());
    let body = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(&body[..], b"console.log('plain');");
}
