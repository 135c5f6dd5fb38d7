//! The HTTP API, one module per resource.

pub mod catalogues;
pub mod custom_fields;
pub mod customers;
pub mod groups;
pub mod health;
pub mod imports;
pub mod lists;
pub mod openapi;
mod profile_body;
pub mod session;
pub mod users;
