//! The page's side: starts the worker, sends it requests and hands each answer to the one who
//! asked. Requests sent before the worker listens wait in a queue.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Function, Promise};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, MessageEvent, Worker};

use super::answer::{Answer, failed_json, stopped_json};
use super::{READY, start_worker_code};
use crate::protocol::{Request, WorkerStopped};

/// The worker and what is waiting on it.
struct Connection {
    worker: Worker,
    listening: bool,
    /// Whether a file was sent to it to open. A worker that never held one is as fresh as a
    /// new one, and ready: it was started after the first paint and its code is compiled.
    held_a_file: bool,
    queued: Vec<Array>,
    waiting: HashMap<u32, Function>,
    next_id: u32,
}

thread_local! {
    static CONNECTION: RefCell<Option<Connection>> = const { RefCell::new(None) };
}

/// Starts the worker if it is not running. Called once the first page is painted, so the
/// worker's larger code loads while the user looks at the page.
pub fn start() {
    CONNECTION.with(|connection| {
        if connection.borrow().is_some() {
            return;
        }
        match spawn() {
            Ok(worker) => {
                *connection.borrow_mut() = Some(Connection {
                    worker,
                    listening: false,
                    held_a_file: false,
                    queued: Vec::new(),
                    waiting: HashMap::new(),
                    next_id: 0,
                });
            }
            Err(err) => web_sys::console::error_1(&err),
        }
    });
}

/// Sends `request` and waits for the answer, which holds a `T`.
pub async fn ask<T: DeserializeOwned>(request: &Request) -> Answer<T> {
    Answer::read(&send(request, None).await)
}

/// Sends `request` with a file (to open) and waits for the answer. The file gets a fresh
/// worker: a big file's review holds hundreds of megabytes, and wasm memory, once grown, is
/// never given back, so only a new worker reads the next big file as easily as the first. The
/// worker started with the page is fresh until it gets a file: starting another for the first
/// file would only load and compile the same code again (a second or more on a slow machine).
pub async fn ask_with_file<T: DeserializeOwned>(request: &Request, file: &File) -> Answer<T> {
    let held_a_file = CONNECTION.with(|connection| {
        connection
            .borrow()
            .as_ref()
            .is_some_and(|connection| connection.held_a_file)
    });
    if held_a_file {
        stop(WorkerStopped::Replaced);
    }
    start();
    CONNECTION.with(|connection| {
        if let Some(connection) = connection.borrow_mut().as_mut() {
            connection.held_a_file = true;
        }
    });
    Answer::read(&send(request, Some(file)).await)
}

/// Sends `request` with a small file the open file's worker reads beside it (a corrected error
/// file), keeping the open file.
pub async fn ask_with_side_file<T: DeserializeOwned>(request: &Request, file: &File) -> Answer<T> {
    Answer::read(&send(request, Some(file)).await)
}

/// Stops the worker, answering whoever waits on it with why it stopped.
fn stop(why: WorkerStopped) {
    let stopped = CONNECTION.with(|connection| connection.borrow_mut().take());
    if let Some(stopped) = stopped {
        stopped.worker.terminate();
        for (_, resolve) in stopped.waiting {
            let _ = resolve.call1(&JsValue::NULL, &stopped_answer(why));
        }
    }
}

/// Sends `request` and gives the answer as the worker wrote it.
async fn send(request: &Request, file: Option<&File>) -> String {
    start();
    let json = match serde_json::to_string(request) {
        Ok(json) => json,
        Err(err) => return failed_json(&err.to_string()),
    };
    let mut id = 0;
    let promise = Promise::new(&mut |resolve, _reject| {
        CONNECTION.with(|connection| {
            let mut connection = connection.borrow_mut();
            let Some(connection) = connection.as_mut() else {
                let _ = resolve.call1(&JsValue::NULL, &stopped_answer(WorkerStopped::Died));
                return;
            };
            id = connection.next_id;
            connection.next_id += 1;
            connection.waiting.insert(id, resolve);
            let message = Array::of2(&JsValue::from(id), &JsValue::from_str(&json));
            if let Some(file) = file {
                message.push(file);
            }
            if connection.listening {
                if let Err(err) = connection.worker.post_message(&message) {
                    web_sys::console::error_1(&err);
                }
            } else {
                connection.queued.push(message);
            }
        });
    });
    let answer = JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_string());
    answer.unwrap_or_else(|| stopped_json(WorkerStopped::Died))
}

/// The answer to a request the worker will never answer, written as the worker writes answers.
fn stopped_answer(why: WorkerStopped) -> JsValue {
    JsValue::from_str(&stopped_json(why))
}

/// Starts the import worker and listens to it.
fn spawn() -> Result<Worker, JsValue> {
    let origin = web_sys::window().ok_or("no window")?.location().origin()?;
    let worker = start_worker_code(&origin)?;

    let this_worker = worker.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let message = Array::from(&event.data());
        let id = message.get(0).as_f64().unwrap_or(f64::NAN);
        CONNECTION.with(|connection| {
            let mut connection = connection.borrow_mut();
            // A message still queued from a worker that was replaced is not for this one.
            let Some(connection) = connection
                .as_mut()
                .filter(|connection| is_same(&connection.worker, &this_worker))
            else {
                return;
            };
            if id == READY {
                connection.listening = true;
                for queued in connection.queued.drain(..) {
                    if let Err(err) = connection.worker.post_message(&queued) {
                        web_sys::console::error_1(&err);
                    }
                }
            } else if let Some(resolve) = connection.waiting.remove(&(id as u32)) {
                let _ = resolve.call1(&JsValue::NULL, &message.get(1));
            }
        });
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();

    // An uncaught error (a panic in the worker) answers everyone waiting, and the next request
    // starts a fresh worker.
    // A worker stopped for a new file may still report an error (its script load was cut
    // short): only the current worker's errors count.
    let this_worker = worker.clone();
    let on_error = Closure::<dyn Fn(JsValue)>::new(move |error: JsValue| {
        let current = CONNECTION.with(|connection| {
            connection
                .borrow()
                .as_ref()
                .is_some_and(|connection| is_same(&connection.worker, &this_worker))
        });
        if current {
            web_sys::console::error_2(&"import worker failed:".into(), &error);
            stop(WorkerStopped::Died);
        }
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Ok(worker)
}

/// Whether two handles name the same worker.
fn is_same(a: &Worker, b: &Worker) -> bool {
    JsValue::from(a) == JsValue::from(b)
}
