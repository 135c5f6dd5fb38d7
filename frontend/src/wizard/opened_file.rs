//! What happens once the worker has read a file: its description is read and shown, with the
//! columns as remembered for such a file, or as suggested. The first view does not need this
//! code, so it is split off (see `later_views`) and fetched after the first paint.

use leptos::prelude::*;

use super::WizardState;
use crate::later_views::{NotFetched, split_off_fn};
use crate::protocol::{FileOverview, WorkerStopped};

split_off_fn! {
    opened_file, fetch_opened_file =>
    /// Shows the file the worker read, described in `overview` (a [`FileOverview`], as JSON).
    pub fn show_opened_file(state: WizardState, overview: String) -> Result<(), NotFetched> {
        match serde_json::from_str::<FileOverview>(&overview) {
            Ok(overview) => state.show_file(overview),
            // The worker wrote what the page cannot read: a bug, and a fresh worker is the way on.
            Err(_) => state
                .error
                .set(Some(state.stopped_message(WorkerStopped::Died))),
        }
        Ok(())
    }
}
