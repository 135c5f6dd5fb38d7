//! With the `split` feature, the page's wasm keeps its relocations, which `cargo xtask
//! post-build` needs to cut it into the first module and the ones loaded later. Only the page's
//! binary: the worker is never split.

fn main() {
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bin=clientela-frontend=--emit-relocs");
    }
}
