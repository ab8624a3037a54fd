// The boot script, security-matrix-boot-<hash>.js: a classic script, last in the <head> of
// the widget's own page (web/index.html), run before the body is parsed (README "The first
// screen, pre-rendered").
//
// - When the app will open on another page than the start page, it marks
//   <html data-smx-boot="restoring">: the stylesheet then hides the pre-rendered start page
//   and shows the loading line, so the start page never flashes first.
// - It remembers a Start pressed before the app is ready (first-screen.js).
// - If the app's module has not run by DOMContentLoaded (refused because a changed file fails
//   its integrity, not found, or a browser without modules), it says so in the loading line
//   (<html data-smx-boot="failed">). A page's module runs before DOMContentLoaded, and its
//   start marks the page first thing (start.js), so by then its absence means it never will.
//
// The build (scripts/web.mjs) puts it after first-screen.js, in a function scope of its own,
// after `SMX` (prerender/src/config.rs).
/* global SMX, restoring, rememberStart */

var root = document.documentElement;
if (restoring()) root.setAttribute(SMX.attributes.boot, "restoring");
document.addEventListener("submit", rememberStart, true);
document.addEventListener("DOMContentLoaded", function () {
  if (window[SMX.globals.started]) return;
  var loading = "[" + SMX.attributes.loading + "]";
  var line = document.querySelector(loading + " p") || document.querySelector(loading);
  if (line) {
    line.setAttribute("role", "alert");
    line.textContent =
      "The security self-assessment could not start: its files did not load as published. Reload the page to try again. Nothing you entered has been sent anywhere.";
  }
  root.setAttribute(SMX.attributes.boot, "failed");
});
