//! The configuration the build hands the page's scripts (`web/*.js`, as `SMX`) and pages
//! (`web/index.html`): every fact they share with the app, taken from the app's own
//! constants, plus the few that only the page's scripts, its stylesheet and its hosts use,
//! written here once. Nothing in `web/` spells one of these values
//! (`scripts/check-web.test.mjs` checks it).
use security_matrix::embed::{
    options_from_attributes, ANSWERS_ATTRIBUTE, FALLBACK_GLOBAL, HEADING_LEVEL_ATTRIBUTE,
    MOUNT_ATTRIBUTE, PLACEHOLDER_ATTRIBUTE, SCHEDULE_ATTRIBUTE, SCHEDULE_CHOICE_ATTRIBUTE,
};
use security_matrix::state::answer_link_keys;
use security_matrix::takeover::{
    PENDING_ATTRIBUTE, PENDING_START, PRERENDER_ATTRIBUTE, SCHEDULE_INPUT,
};
use security_matrix::{AppProps, STORAGE_KEY, TAKEAWAYS_LOADER, WORDS_LOADER};
use security_matrix_core::Schedule;
use serde_json::{json, Value};

/// The Content-Security-Policy of the widget's page: `index.html`'s `<meta>` (filled in
/// from here) and, with `frame-ancestors` (which only a header can carry), the header hosts
/// send (README "Privacy, enforced by the browser"; `Trunk.toml`'s `[serve.headers]` for
/// `scripts/serve`, held to this by a test).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; connect-src 'none'; \
script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
object-src 'none'; base-uri 'none'; form-action 'none'";

/// Set on `<html>` by the boot script: `restoring` (the app opens on another page than the
/// start page) or `failed` (its module did not run). The stylesheet reads it.
pub const BOOT_ATTRIBUTE: &str = "data-smx-boot";

/// Marks the page's loading line, shown only while `<html>` has [`BOOT_ATTRIBUTE`].
pub const LOADING_ATTRIBUTE: &str = "data-smx-loading";

/// Set by the bundle's start first thing (`web/start.js`); the boot script reads it at
/// `DOMContentLoaded` to tell that the module ran.
pub const STARTED_GLOBAL: &str = "__smxStarted";

/// The configuration as JSON (`SMX` in `web/*.js`).
pub fn config() -> Value {
    let direct = options_from_attributes(|_| None).0;
    let links = answer_link_keys();
    json!({
        "storageKey": STORAGE_KEY,
        "linkKeys": {
            "keys": links.keys,
            "contractFields": links.contract_fields,
            "maxContracts": links.max_contracts,
        },
        "attributes": {
            "mount": MOUNT_ATTRIBUTE,
            "schedule": SCHEDULE_ATTRIBUTE,
            "scheduleChoice": SCHEDULE_CHOICE_ATTRIBUTE,
            "headingLevel": HEADING_LEVEL_ATTRIBUTE,
            "answers": ANSWERS_ATTRIBUTE,
            "placeholder": PLACEHOLDER_ATTRIBUTE,
            "prerender": PRERENDER_ATTRIBUTE,
            "pending": PENDING_ATTRIBUTE,
            "boot": BOOT_ATTRIBUTE,
            "loading": LOADING_ATTRIBUTE,
        },
        "pendingStart": PENDING_START,
        "scheduleInput": SCHEDULE_INPUT,
        // A direct mount's options when its attributes are absent or not understood, and
        // the heading level of the widget's own page.
        "mount": {
            "headingLevel": direct.heading_level,
            "scheduleChoice": direct.offer_schedule_choice,
            "schedule": direct.default_schedule.id(),
            "schedules": Schedule::ALL.iter().map(|s| s.id()).collect::<Vec<_>>(),
            "ownPageHeadingLevel": AppProps::default().heading_level,
        },
        // The test ids of the app's markup that the scripts look for.
        "testIds": { "app": "app", "start": "start" },
        "globals": {
            "started": STARTED_GLOBAL,
            "words": WORDS_LOADER,
            "takeaways": TAKEAWAYS_LOADER,
            "fallback": FALLBACK_GLOBAL,
        },
        "csp": CONTENT_SECURITY_POLICY,
    })
}
