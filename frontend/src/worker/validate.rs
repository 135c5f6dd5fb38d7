//! `Validate` in the import worker: checks every row, sharing the work with the helper worker
//! when the session says it pays (a big file whose phones are validated).

use std::cell::RefCell;
use std::rc::Rc;

use clientela_shared::{Language, Mapping, Profile};

use super::helper::Helper;
use crate::protocol::{Request, Response};
use crate::session::ImportSession;

/// Checks every row of the open file with these choices and answers with `reply`: at once when
/// this worker checks alone, after the helper's answer when it shares.
pub fn validate(
    session: &Rc<RefCell<Option<ImportSession>>>,
    helper: &Rc<RefCell<Option<Helper>>>,
    (profile, mapping, language): (Profile, Mapping, Language),
    reply: impl FnOnce(Response) + 'static,
) {
    let running = helper.borrow().clone();
    let share = running.as_ref().and_then(|_| {
        let open = session.borrow();
        open.as_ref()?.helper_share(&profile, &mapping)
    });
    let (Some(running), Some(mut share)) = (running, share) else {
        let request = Request::Validate {
            profile,
            mapping,
            language,
        };
        let response = match session.borrow_mut().as_mut() {
            Some(open) => open.handle(request),
            None => Response::Failed("Drop a file first.".to_owned()),
        };
        return reply(response);
    };
    // The helper starts on its half before this worker checks the first.
    let answer = running.check(&share.request, std::mem::take(&mut share.packed));
    let review = session
        .borrow_mut()
        .as_mut()
        .map(|open| open.review_before(&share, &profile, &mapping, language));
    let (session, helper) = (session.clone(), helper.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let shard = answer.await;
        // A fresh helper for the next check; this one's memory goes with it.
        running.stop();
        *helper.borrow_mut() = Helper::start();
        let response = match (session.borrow_mut().as_mut(), review) {
            (Some(open), Some(review)) => open.complete_review(review, share, shard),
            _ => Response::Failed("Drop a file first.".to_owned()),
        };
        reply(response);
    });
}
