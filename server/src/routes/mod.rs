//! The HTTP API, one module per resource.

pub mod catalogues;
pub mod customers;
pub mod health;
pub mod imports;
pub mod session;
