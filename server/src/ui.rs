//! Serving the built browser app: its files, and `index.html` for every client-side route.

use std::path::Path;

use axum::Router;
use axum::response::Html;
use axum::routing::get;
use tower_http::services::{ServeDir, ServeFile};

/// Shown when the UI has not been built, so a visitor knows what to do instead of seeing a 404.
const NOT_BUILT: &str = "<!doctype html><title>Clientela</title>\
<p>The Clientela UI has not been built. Run <code>cargo xtask run</code> from the repository.</p>";

/// Routes that serve the files in `ui_dir` (Trunk's `dist/`).
pub fn router(ui_dir: &Path) -> Router {
    let index = ui_dir.join("index.html");
    if !index.is_file() {
        tracing::warn!(dir = %ui_dir.display(), "no built UI found; serving a placeholder page");
        return Router::new().fallback(get(|| async { Html(NOT_BUILT) }));
    }
    // The build writes a gzipped copy of each file (`cargo xtask post-build`): sent as it is to
    // browsers that take gzip, rather than compressed again on every request.
    let files = ServeDir::new(ui_dir)
        .precompressed_gzip()
        .fallback(ServeFile::new(index).precompressed_gzip());
    Router::new().fallback_service(files)
}
