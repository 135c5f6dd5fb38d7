//! `GET /api/openapi.json`: the API described as OpenAPI 3.1, for people writing clients.
//!
//! Written by hand next to the routes it describes; a test reads every `.route(…)` in
//! `src/routes/` and fails when one is missing here.

mod paths;
mod schemas;

use serde_json::{Value, json};

/// The whole OpenAPI document.
pub fn document() -> Value {
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Clientela API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Customer imports for CRMs. Open an import once (idempotent by \
                `client_id`), send its records in numbered batches (idempotent by content: the \
                same batch again gets the same answer; different rows under the same number \
                get 409), preview, commit, revert. Every error answers with the same JSON shape \
                (`Error`), its messages in the language of the request's `Accept-Language` \
                (English, Spanish `es`, Portuguese `pt` or Polish `pl`; English without one or \
                for any other); codes are the same in every language.",
        },
        "servers": [{ "url": "/" }],
        "security": [{ "bearer": [] }, { "session": [] }],
        "paths": paths::paths(),
        "components": {
            "securitySchemes": {
                "bearer": { "type": "http", "scheme": "bearer",
                            "description": "An API token (`clientela token create`)." },
                "session": { "type": "apiKey", "in": "cookie", "name": "clientela_session",
                             "description": "The browser's session, from `POST /api/session`. A request \
                                 that changes something (POST, PUT, PATCH, DELETE) with it \
                                 must also send the header `X-Clientela-Csrf: 1`, or it is \
                                 refused (403)." },
            },
            "schemas": schemas::schemas(),
            "responses": schemas::responses(),
        },
    })
}

#[cfg(test)]
mod tests;
