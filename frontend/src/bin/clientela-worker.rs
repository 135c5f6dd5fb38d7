//! The import worker: reads, maps and checks the file off the page's thread, so the page never
//! freezes. Trunk builds it beside the app; the app starts it after the first paint.

fn main() {
    console_error_panic_hook::set_once();
    clientela_frontend::worker::serve();
}
