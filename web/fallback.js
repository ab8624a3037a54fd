// The widget's one fallback: a readable message and a "Start again" button in its place, in
// plain DOM, when it cannot go on. The bundle's start (start.js) shows it when the app could
// not start or trapped, and defines it as `globalThis[SMX.globals.fallback]` for the app's
// panic hook (src/embed.rs `show_fallback`), which calls it with "panic": after a panic the
// app cannot render. "Start again" forgets this tab's answers and reloads the page.
//
// A part of a script: the build (scripts/web.mjs) puts it in the bundle's start, after `SMX`
// (prerender/src/config.rs) and mount-options.js.
/* global SMX, mountOptions */
/* exported showFallback */

// What each reason says, and its data-smx-fallback value.
var FALLBACK_MESSAGES = {
  // A Rust panic (a bug, or a host script removing the widget's nodes).
  panic: {
    marker: "panic",
    title: "The security self-assessment stopped",
    text: "Sorry, something went wrong and the assessment stopped. Nothing you entered has been sent anywhere. Start again to clear your answers from this browser tab and begin again.",
  },
  // A trap that did not come through the panic hook.
  trap: {
    marker: "error",
    title: "The security self-assessment stopped",
    text: "Nothing you entered has been sent anywhere. Start again to clear your answers from this browser tab and try again.",
  },
  // The WebAssembly could not be instantiated.
  init: {
    marker: "error",
    title: "The security self-assessment could not start in this browser",
    text: "Nothing you entered has been sent anywhere. Start again to clear your answers from this browser tab and try again.",
  },
};

// Shows the message for `reason` (a key of FALLBACK_MESSAGES) in the widget's mount element
// (the host's [data-security-matrix], or <body> on the widget's own page), unless one is
// already there. Returns whether it did.
function showFallback(reason) {
  var message = FALLBACK_MESSAGES[reason] || FALLBACK_MESSAGES.trap;
  var mount = document.querySelector("[" + SMX.attributes.mount + "]") || document.body;
  if (!mount || mount.querySelector('[data-testid="fallback"]')) return false;
  var level = mount === document.body ? SMX.mount.ownPageHeadingLevel : mountOptions(mount).headingLevel;
  var root = document.createElement("div");
  root.className = "smx smx-fallback";
  root.setAttribute("role", "alert");
  root.setAttribute("data-testid", "fallback");
  root.setAttribute("data-smx-fallback", message.marker);
  var h = document.createElement("h" + level);
  h.className = "smx-heading-m smx-fallback__title";
  h.textContent = message.title;
  var p = document.createElement("p");
  p.className = "smx-body";
  p.textContent = message.text;
  var b = document.createElement("button");
  b.type = "button";
  b.className = "smx-button";
  b.setAttribute("data-testid", "fallback-start-again");
  b.textContent = "Start again";
  b.addEventListener("click", function () {
    try {
      sessionStorage.removeItem(SMX.storageKey);
    } catch (e) {
      // storage blocked: nothing kept
    }
    location.reload();
  });
  root.append(h, p, b);
  mount.replaceChildren(root);
  return true;
}
