//! The worker's side: keeps the open file and answers requests about it.

use std::cell::RefCell;
use std::rc::Rc;

use clientela_shared::Profile;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, File, MessageEvent};

use super::READY;
use super::helper::Helper;
use super::validate::validate;
use crate::browser_file::read_bytes;
use crate::protocol::{Request, Response};
use crate::session::{ImportSession, check_packed_rows, read_corrections};
use crate::template::template_xlsx;

/// Files from this size on get a helper worker to check half their rows (see
/// `session::helper_share` for the number of rows that decides).
const HELPER_FROM_BYTES: f64 = 4_000_000.0;

/// Listens for requests until the page closes the worker.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let session: Rc<RefCell<Option<ImportSession>>> = Rc::new(RefCell::new(None));
    let helper: Rc<RefCell<Option<Helper>>> = Rc::new(RefCell::new(None));
    let reply_scope = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let message = Array::from(&event.data());
        let id = message.get(0).as_f64().unwrap_or(0.0);
        let json = message.get(1).as_string().unwrap_or_default();
        let file: Option<File> = message.get(2).dyn_into().ok();
        let scope = reply_scope.clone();
        let session = session.clone();
        let helper = helper.clone();
        let reply = move |response: Response| {
            let json = serde_json::to_string(&response).unwrap_or_else(|err| {
                let failed = Response::Failed(format!("The worker cannot answer: {err}"));
                serde_json::to_string(&failed).unwrap_or_default()
            });
            let answer = Array::of2(&JsValue::from_f64(id), &JsValue::from_str(&json));
            // Posting a string cannot fail; if the page is gone there is nobody to tell.
            let _ = scope.post_message(&answer);
        };
        match serde_json::from_str::<Request>(&json) {
            Err(err) => reply(Response::Failed(format!(
                "Bad request to the worker: {err}"
            ))),
            Ok(Request::Open { name, profile }) => {
                // The old file goes first: a million-row review holds hundreds of megabytes, and
                // wasm memory cannot hold two.
                *session.borrow_mut() = None;
                wasm_bindgen_futures::spawn_local(async move {
                    let Some(file) = file else {
                        return reply(Response::Failed("No file came with the request.".into()));
                    };
                    // Started now, its code loads on the other core while this one reads.
                    if file.size() >= HELPER_FROM_BYTES && helper.borrow().is_none() {
                        *helper.borrow_mut() = Helper::start();
                    }
                    let bytes = match read_bytes(&file).await {
                        Ok(bytes) => bytes,
                        Err(err) => {
                            return reply(Response::Failed(format!("Cannot read {name}: {err}")));
                        }
                    };
                    match ImportSession::open(name, bytes, &profile) {
                        Ok((opened, overview)) => {
                            *session.borrow_mut() = Some(opened);
                            reply(Response::Opened(Box::new(overview)));
                        }
                        Err(message) => {
                            *session.borrow_mut() = None;
                            reply(Response::Failed(message));
                        }
                    }
                });
            }
            Ok(Request::Corrections {
                profile,
                mapping,
                defaults,
                language,
            }) => {
                wasm_bindgen_futures::spawn_local(async move {
                    let Some(file) = file else {
                        return reply(Response::Failed("No file came with the request.".into()));
                    };
                    let response = match read_bytes(&file).await {
                        Ok(bytes) => {
                            let file_lines = session.borrow().as_ref().map(|s| s.data_lines());
                            read_corrections(
                                bytes,
                                &profile,
                                &mapping,
                                &defaults,
                                language,
                                file_lines.as_ref(),
                            )
                            .map_or_else(Response::Failed, Response::Corrected)
                        }
                        Err(err) => Response::Failed(err.to_string()),
                    };
                    reply(response);
                });
            }
            Ok(Request::XlsxTemplate { profile, language }) => {
                reply(match template_xlsx(&profile, language) {
                    Ok(bytes) => Response::Workbook(bytes),
                    Err(err) => Response::Failed(err.to_string()),
                });
            }
            Ok(Request::ProfileFromToml { toml }) => {
                // The profile's own error, with its line, when the TOML is wrong.
                reply(Profile::from_toml(&toml).map_or_else(
                    |err| Response::Failed(err.to_string()),
                    |profile| Response::Profile(Box::new(profile)),
                ));
            }
            Ok(Request::ProfileToToml { profile }) => reply(Response::Toml(profile.to_toml())),
            // This worker is a helper, asked by the import worker to check packed rows.
            Ok(Request::CheckRows {
                profile,
                mapping,
                headers,
            }) => {
                let packed = message
                    .get(2)
                    .dyn_into::<Uint8Array>()
                    .map(|bytes| bytes.to_vec())
                    .unwrap_or_default();
                reply(check_packed_rows(&profile, &mapping, &headers, &packed));
            }
            Ok(Request::Validate {
                profile,
                mapping,
                language,
            }) => validate(&session, &helper, (profile, mapping, language), reply),
            Ok(request) => {
                let response = match session.borrow_mut().as_mut() {
                    Some(open) => open.handle(request),
                    None => Response::Failed("Drop a file first.".to_owned()),
                };
                reply(response);
            }
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page; so does its handler.
    on_message.forget();
    let ready = Array::of2(&JsValue::from_f64(READY), &JsValue::from_str("ready"));
    let _ = scope.post_message(&ready);
}
