// What the boot script (boot.js) and the loader (loader.js) share: whether the app will open
// on another page than the start page, and a Start pressed before the app is ready.
//
// A part of a script, not a script: the build (scripts/web.mjs) puts it in the boot script
// and in the loader, in a function scope of their own, after `SMX`, the configuration the
// app's Rust code writes (prerender/src/config.rs).
/* global SMX */
/* exported restoring, isAnswerLink, rememberStart */

// Whether a URL fragment carries answers: the same test as the app's `is_answer_link`
// (src/state.rs), on the keys it exports (SMX.linkKeys).
function isAnswerLink(fragment) {
  var links = SMX.linkKeys;
  return fragment.split("&").some(function (part) {
    var key = part.split("=")[0];
    if (links.keys.indexOf(key) >= 0) return true;
    var m = /^c([1-9][0-9]*)_(.*)$/.exec(key.toLowerCase());
    return !!m && Number(m[1]) <= links.maxContracts && links.contractFields.indexOf(m[2]) >= 0;
  });
}

// True when the app will open on another page than the start page: a link with answers, or
// answers kept in this tab's sessionStorage.
function restoring() {
  if (isAnswerLink(location.hash.replace(/^#/, ""))) return true;
  try {
    return sessionStorage.getItem(SMX.storageKey) !== null;
  } catch (e) {
    return false; // storage blocked: nothing can have been kept
  }
}

// A Start pressed (or Enter) on the pre-rendered start page before the app is ready:
// remembered on the form, acted on when the app is (src/takeover.rs; the page must not be
// submitted); the button says so meanwhile.
function rememberStart(event) {
  var form = event.target;
  if (form && form.closest && form.closest("[" + SMX.attributes.prerender + "]")) {
    event.preventDefault();
    form.setAttribute(SMX.attributes.pending, SMX.pendingStart);
    var start = form.querySelector('[data-testid="' + SMX.testIds.start + '"]');
    if (start) {
      start.textContent = "Starting\u2026";
      start.setAttribute("aria-disabled", "true");
    }
  }
}
