//! The import worker's helper: a second worker running the same code, which checks half of a
//! big file's rows on another core while the import worker checks the other half. It is started
//! when a big file is dropped, so its code is loaded by the time the columns are chosen.

use std::cell::RefCell;
use std::rc::Rc;

use clientela_shared::CompactShard;
use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

use super::{READY, start_worker_code};
use crate::protocol::{Request, Response};

/// A running helper.
#[derive(Clone)]
pub struct Helper {
    state: Rc<RefCell<State>>,
}

struct State {
    worker: Worker,
    listening: bool,
    /// A message sent before the helper listened.
    queued: Option<Array>,
    /// Who waits for the answer (one request at a time).
    waiting: Option<Function>,
}

impl Helper {
    /// Starts a helper, when the machine has a core for it.
    pub fn start() -> Option<Helper> {
        if cores() < 2.0 {
            return None;
        }
        match spawn() {
            Ok(helper) => Some(helper),
            Err(err) => {
                web_sys::console::warn_2(&"no helper worker:".into(), &err);
                None
            }
        }
    }

    /// Stops the helper, and with it the memory its last check grew.
    pub fn stop(&self) {
        let mut state = self.state.borrow_mut();
        state.worker.terminate();
        if let Some(resolve) = state.waiting.take() {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
        }
    }

    /// Sends `request` with `packed` rows now, and gives the helper's verdicts when they come;
    /// `None` if it failed (the caller then checks the rows itself).
    pub fn check(
        &self,
        request: &Request,
        packed: Vec<u8>,
    ) -> impl Future<Output = Option<CompactShard>> + use<> {
        let json = serde_json::to_string(request).unwrap_or_default();
        let bytes = Uint8Array::from(packed.as_slice());
        drop(packed);
        let state = self.state.clone();
        let promise = Promise::new(&mut |resolve, _reject| {
            let mut state = state.borrow_mut();
            let message = Array::of3(&JsValue::from(0), &JsValue::from_str(&json), &bytes);
            if let Some(earlier) = state.waiting.replace(resolve) {
                // Only one check at a time; an earlier one gets no answer.
                let _ = earlier.call1(&JsValue::NULL, &JsValue::NULL);
            }
            if state.listening {
                post(&state.worker, &message);
            } else {
                state.queued = Some(message);
            }
        });
        async move {
            let json = JsFuture::from(promise).await.ok()?.as_string()?;
            match serde_json::from_str(&json).ok()? {
                Response::RowsChecked(shard) => Some(shard),
                _ => None,
            }
        }
    }
}

/// Posts `message`, handing its packed rows over rather than copying them.
fn post(worker: &Worker, message: &Array) {
    let transfer = Array::of1(&Uint8Array::from(message.get(2)).buffer());
    if let Err(err) = worker.post_message_with_transfer(message, &transfer) {
        web_sys::console::error_1(&err);
    }
}

/// How many cores the browser says the machine has.
fn cores() -> f64 {
    Reflect::get(&js_sys::global(), &"navigator".into())
        .and_then(|navigator| Reflect::get(&navigator, &"hardwareConcurrency".into()))
        .ok()
        .and_then(|cores| cores.as_f64())
        .unwrap_or(1.0)
}

/// Starts the worker's own code again in a new worker, as the page starts the import worker.
fn spawn() -> Result<Helper, JsValue> {
    let location = Reflect::get(&js_sys::global(), &"location".into())?;
    let origin = Reflect::get(&location, &"origin".into())?
        .as_string()
        .ok_or("no origin")?;
    let worker = start_worker_code(&origin)?;
    let state = Rc::new(RefCell::new(State {
        worker: worker.clone(),
        listening: false,
        queued: None,
        waiting: None,
    }));

    let listener = state.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let message = Array::from(&event.data());
        let mut state = listener.borrow_mut();
        if message.get(0).as_f64() == Some(READY) {
            state.listening = true;
            if let Some(queued) = state.queued.take() {
                post(&state.worker, &queued);
            }
        } else if let Some(resolve) = state.waiting.take() {
            let _ = resolve.call1(&JsValue::NULL, &message.get(1));
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();

    // A helper that fails answers with nothing, and the import worker checks the rows itself.
    let listener = state.clone();
    let on_error = Closure::<dyn Fn(JsValue)>::new(move |error: JsValue| {
        web_sys::console::warn_2(&"helper worker failed:".into(), &error);
        if let Some(resolve) = listener.borrow_mut().waiting.take() {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
        }
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Ok(Helper { state })
}
