//! Integration tests of the reader, on other projects' sample files (`CLIENTELA_PEER_DATA`,
//! by default `../shared/peer-data` beside the workspace) and on files made here.

mod fuzz_findings;
mod number_formats;
mod peer_data;
mod profiles;
mod workbooks;
