//! The rules' version: a hash of the data files (`core/data/`), written by the build
//! script, which the statement and the saved file name. Uses nothing of the crate.
include!(concat!(env!("OUT_DIR"), "/rules_version.rs"));
