//! Both ends of the import worker: [`serve`] runs inside it, [`ask`] sends it a request from the
//! page and waits for the answer.
//!
//! A message is a JavaScript array `[id, json, file?]`; the answer is `[id, json]`. The worker
//! says `[-1, "ready"]` once it listens, since messages sent earlier would be lost.

mod client;
mod helper;
mod server;
mod validate;

pub use client::{ask, ask_with_file, ask_with_side_file, start};
pub use server::serve;

/// The id of the worker's "I am listening" message.
const READY: f64 = -1.0;
