//! The worker's answers as the page reads them.
//!
//! The worker writes a [`Response`]. The page reads only the kind the request it sent is
//! answered with, as an [`Answer<T>`], where it asked. Reading every kind in one place would put
//! the code for all of them, though most are only asked for by the later steps, into the page's
//! first module (about 13 KB of the first page load, gzipped).

use serde::Deserialize;
use serde::de::DeserializeOwned;

#[cfg(doc)]
use crate::protocol::Response;
use crate::protocol::WorkerStopped;

/// What the worker answered to a request whose answer holds a `T`.
#[derive(Debug, PartialEq)]
pub enum Answer<T> {
    /// The answer.
    Got(T),
    /// The request failed; the message says why, for the user.
    Failed(String),
    /// The worker stopped before it answered.
    Stopped(WorkerStopped),
}

impl<T: DeserializeOwned> Answer<T> {
    /// Reads an answer as the worker wrote it (JSON). An answer that cannot be read as a `T`
    /// counts as a worker that stopped: it is a bug, and a fresh worker is the way on.
    pub fn read(json: &str) -> Answer<T> {
        match serde_json::from_str(json) {
            Ok(Written::Failed(message)) => Answer::Failed(message),
            Ok(Written::Stopped(why)) => Answer::Stopped(why),
            Ok(
                Written::Opened(got)
                | Written::Validated(got)
                | Written::Rows(got)
                | Written::Position(got)
                | Written::Changed(got)
                | Written::Batch(got)
                | Written::Csv(got)
                | Written::Corrected(got)
                | Written::Workbook(got)
                | Written::Profile(got)
                | Written::Toml(got)
                | Written::RowsChecked(got),
            ) => Answer::Got(got),
            Err(_) => Answer::Stopped(WorkerStopped::Died),
        }
    }
}

/// How a failure's answer is written, as the worker would write it.
pub fn failed_json(message: &str) -> String {
    let message = serde_json::to_string(message).unwrap_or_default();
    format!("{{\"failed\":{message}}}")
}

/// How a stopped worker's answer is written, as the worker would write it.
pub fn stopped_json(why: WorkerStopped) -> String {
    let why = serde_json::to_string(&why).unwrap_or_default();
    format!("{{\"stopped\":{why}}}")
}

/// A [`Response`] as serde writes it, with whatever each kind holds read as `T`. The kinds are
/// Response's, in its order (a test checks each).
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Written<T> {
    Opened(T),
    Validated(T),
    Rows(T),
    Position(T),
    Changed(T),
    Batch(T),
    Csv(T),
    Corrected(T),
    Workbook(T),
    Profile(T),
    Toml(T),
    RowsChecked(T),
    Failed(String),
    Stopped(WorkerStopped),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{Change, Corrections, Response, ReviewCounts};

    /// Every kind of response, one each. The match has no catch-all, so a new kind fails to
    /// compile here until it is added to `Written` and to this list.
    fn one_of_each() -> Vec<Response> {
        let all = vec![
            Response::Validated(ReviewCounts::default()),
            Response::Position(Some(3)),
            Response::Changed(Change {
                counts: ReviewCounts::default(),
                touched: 2,
            }),
            Response::Csv("a,b\r\n".into()),
            Response::Corrected(Corrections::default()),
            Response::Workbook(b"PK".to_vec()),
            Response::Toml("required = []".into()),
            Response::Failed("no".into()),
            Response::Stopped(WorkerStopped::Replaced),
        ];
        for response in &all {
            match response {
                Response::Opened(_)
                | Response::Validated(_)
                | Response::Rows(_)
                | Response::Position(_)
                | Response::Changed(_)
                | Response::Batch(_)
                | Response::Csv(_)
                | Response::Corrected(_)
                | Response::Workbook(_)
                | Response::Profile(_)
                | Response::Toml(_)
                | Response::RowsChecked(_)
                | Response::Failed(_)
                | Response::Stopped(_) => {}
            }
        }
        all
    }

    #[test]
    fn each_kind_is_read_as_the_worker_wrote_it() {
        for response in one_of_each() {
            let json = serde_json::to_string(&response).unwrap();
            let answer = Answer::<serde_json::Value>::read(&json);
            match (&response, answer) {
                (Response::Failed(sent), Answer::Failed(read)) => assert_eq!(*sent, read),
                (Response::Stopped(sent), Answer::Stopped(read)) => assert_eq!(*sent, read),
                (_, Answer::Got(read)) => {
                    let inner = serde_json::to_value(&response).unwrap();
                    let (_, held) = inner.as_object().unwrap().iter().next().unwrap();
                    assert_eq!(*held, read, "{json}");
                }
                (_, other) => panic!("{json} was read as {other:?}"),
            }
        }
    }

    #[test]
    fn kinds_without_their_own_sample_are_known_by_name() {
        for kind in ["opened", "rows", "batch", "profile", "rows_checked"] {
            let json = format!("{{\"{kind}\":1}}");
            assert_eq!(Answer::<u8>::read(&json), Answer::Got(1), "{kind}");
        }
    }

    #[test]
    fn what_the_page_expects_is_read() {
        let response = Response::Changed(Change {
            counts: ReviewCounts::default(),
            touched: 2,
        });
        let json = serde_json::to_string(&response).unwrap();
        let change: Answer<Change> = Answer::read(&json);
        assert_eq!(
            change,
            Answer::Got(Change {
                counts: ReviewCounts::default(),
                touched: 2,
            })
        );
    }

    #[test]
    fn an_answer_of_another_kind_or_garbled_counts_as_a_stopped_worker() {
        let csv = serde_json::to_string(&Response::Csv("a".into())).unwrap();
        assert_eq!(
            Answer::<ReviewCounts>::read(&csv),
            Answer::Stopped(WorkerStopped::Died)
        );
        assert_eq!(
            Answer::<ReviewCounts>::read("{"),
            Answer::Stopped(WorkerStopped::Died)
        );
    }

    #[test]
    fn a_failure_is_written_as_the_worker_writes_it() {
        let message = "No \"file\" came.";
        assert_eq!(
            failed_json(message),
            serde_json::to_string(&Response::Failed(message.into())).unwrap()
        );
    }

    #[test]
    fn a_stopped_worker_is_written_as_the_worker_writes_it() {
        for why in [WorkerStopped::Died, WorkerStopped::Replaced] {
            assert_eq!(
                stopped_json(why),
                serde_json::to_string(&Response::Stopped(why)).unwrap()
            );
        }
    }
}
