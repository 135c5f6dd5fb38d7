//! The HTTP API, one module per resource.

pub mod customers;
pub mod health;
pub mod imports;
pub mod session;
