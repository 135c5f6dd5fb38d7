//! The views the first page does not need: the wizard's steps after the file, and the other
//! pages. Each is a split point. After Trunk builds the page, `cargo xtask post-build` moves
//! each one's code into a module of its own, which the browser fetches when the view is first
//! shown. The page's first load stays small that way.
//!
//! Right after the first paint, every module is fetched in the background, so the app goes on
//! working if the network goes away later. The page's build turns the `split` feature on; in
//! a build without it (the component tests), these are plain calls.

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
#[cfg(feature = "split")]
use leptos::wasm_split::wasm_split;

use crate::language::use_language;
use crate::pages::admin::AdminPage;
use crate::pages::customers::CustomersPage;
use crate::pages::history::HistoryPage;
use crate::text::{Text, text};
use crate::wizard::{ColumnsStep, DetectedFile, ImportStep, OptionsStep, ResultStep, ReviewStep};

/// A view whose code could not be fetched (the network is down). Nothing is remembered of the
/// failure: showing the view again fetches it again.
#[derive(Debug)]
pub struct NotFetched;

impl From<SplitLoaderError> for NotFetched {
    fn from(_: SplitLoaderError) -> NotFetched {
        NotFetched
    }
}

/// The view `fetched` gives once its code is there; a message if it cannot be fetched.
pub fn shown_when_fetched(
    fetched: impl Future<Output = Result<AnyView, NotFetched>> + Send + 'static,
) -> AnyView {
    let language = use_language();
    Suspend::new(async move {
        match fetched.await {
            Ok(view) => view,
            Err(NotFetched) => view! {
                <p class="message error" role="alert">
                    {move || text(Text::PartNotFetched, language.get())}
                </p>
            }
            .into_any(),
        }
    })
    .into_any()
}

/// Fetches the code of every view here, one after the other, in the background.
pub fn fetch_all_in_background() {
    leptos::task::spawn_local(async {
        // A failure is shown when the view is opened, and fetched again then.
        let _ = crate::api::fetch_schema_reader().await;
        let _ = crate::wizard::fetch_opened_file().await;
        let _ = fetch_detected_file().await;
        let _ = fetch_columns_step().await;
        let _ = fetch_review_step().await;
        let _ = fetch_options_step().await;
        let _ = fetch_import_step().await;
        let _ = fetch_result_step().await;
        let _ = fetch_customers_page().await;
        let _ = fetch_history_page().await;
        let _ = fetch_admin_page().await;
    });
}

/// Declares a function whose code is split off: calling it (`.await`) fetches its module first,
/// unless it is there, and gives `Err` (from [`SplitLoaderError`]) when that fails. Its body is
/// not `async`. `$fetch()` fetches the module in advance. Without the `split` feature it is a
/// plain `async fn`.
///
/// ```text
/// split_off_fn! {
///     // The module's name and the function that fetches it, then the function.
///     schema_reader, fetch_schema_reader =>
///     /// Reads the schema the server sent.
///     pub fn read_schema(status: u16, text: String) -> Result<WorkspaceSchema, ApiError> {
///         parse(status, &text)
///     }
/// }
/// ```
macro_rules! split_off_fn {
    (
        $module:ident, $fetch:ident =>
        $(#[$attr:meta])*
        $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $output:ty $body:block
    ) => {
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split(
            $module, wasm_split_path = ::leptos::wasm_split, fallible, preload($fetch)
        )]
        $(#[$attr])*
        $vis fn $name($($arg: $ty),*) -> $output $body

        #[cfg(not(feature = "split"))]
        $(#[$attr])*
        $vis async fn $name($($arg: $ty),*) -> $output $body

        #[cfg(not(feature = "split"))]
        $vis async fn $fetch() -> Result<(), $crate::later_views::NotFetched> {
            Ok(())
        }
    };
}
pub(crate) use split_off_fn;

/// Declares each view split off: `async fn $name()` gives it once its code is there, and
/// `$fetch()` fetches that code in advance. Without the `split` feature (the component tests,
/// whose wasm is not cut) they are plain calls.
macro_rules! split_off {
    ($($name:ident, $fetch:ident => $view:expr;)*) => {$(
        #[cfg(feature = "split")]
        #[wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible, preload($fetch))]
        pub fn $name() -> Result<AnyView, NotFetched> {
            Ok($view.into_any())
        }

        #[cfg(not(feature = "split"))]
        pub async fn $name() -> Result<AnyView, NotFetched> {
            Ok($view.into_any())
        }

        #[cfg(not(feature = "split"))]
        async fn $fetch() -> Result<(), NotFetched> {
            Ok(())
        }
    )*};
}

split_off! {
    detected_file, fetch_detected_file => view! { <DetectedFile /> };
    columns_step, fetch_columns_step => view! { <ColumnsStep /> };
    review_step, fetch_review_step => view! { <ReviewStep /> };
    options_step, fetch_options_step => view! { <OptionsStep /> };
    import_step, fetch_import_step => view! { <ImportStep /> };
    result_step, fetch_result_step => view! { <ResultStep /> };
    customers_page, fetch_customers_page => view! { <CustomersPage /> };
    history_page, fetch_history_page => view! { <HistoryPage /> };
    admin_page, fetch_admin_page => view! { <AdminPage /> };
}
