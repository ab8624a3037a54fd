// security-matrix-loader.js: the stable-named classic script a host page includes to mount
// the widget directly, from wherever dist/ is served, next to <div data-security-matrix>:
//   <script src="https://widget.example.org/security-matrix-loader.js" defer></script>
// It adds the widget's stylesheet and module (hashed names, with Subresource Integrity and
// crossorigin="anonymous") to the page, and shows the start page (pre-rendered at build time)
// in the mount element until the app starts. Nothing else: no cookies, no requests of its own.
//
// The build (scripts/web.mjs) puts it after first-screen.js and mount-options.js, in a
// function scope of its own, after `SMX` (prerender/src/config.rs) and what the build made:
// `ASSETS` (the stylesheet and the module: kind, file, integrity) and `START_PAGE` (the start
// page as a direct mount shows it with no options set, as a tree: an element is
// [name, {attribute: value}, ...children], a text is a string).
/* global SMX, ASSETS, START_PAGE, restoring, isAnswerLink, rememberStart, mountOptions */

var me = document.currentScript;

// The start page as a tree of DOM nodes (no HTML string reaches the host page, so a host
// enforcing Trusted Types needs no policy for it), adjusted to the mount's options as the app
// would render it: headings shifted from the default level, the choice of schedule left out,
// the schedule chosen checked.
function build(node, options) {
  if (typeof node === "string") return document.createTextNode(node);
  var name = node[0];
  var attrs = node[1];
  // The choice of schedule: the form group that holds its fieldset.
  if (!options.scheduleChoice && attrs["class"] === "smx-form-group" && node[2] && node[2][0] === "fieldset") return null;
  if (/^h[1-6]$/.test(name)) {
    name = "h" + Math.max(1, Math.min(6, Number(name[1]) - SMX.mount.headingLevel + options.headingLevel));
  }
  var el = document.createElement(name);
  Object.keys(attrs).forEach(function (k) {
    if (k !== "checked") el.setAttribute(k, attrs[k]);
  });
  if (name === "input" && attrs.name === SMX.scheduleInput) el.checked = attrs.value === options.schedule;
  for (var i = 2; i < node.length; i++) {
    var child = build(node[i], options);
    if (child) el.appendChild(child);
  }
  return el;
}

// The start page in the mount element, as soon as the stylesheet is in, unless the app will
// open on another page or has already started.
function showStartPage() {
  var mount = document.querySelector("[" + SMX.attributes.mount + "]");
  if (!mount || restoring() || mount.querySelector('[data-testid="' + SMX.testIds.app + '"]')) return;
  var options = mountOptions(mount);
  // A tender's presets open the app on a question: its loading message stays until then.
  if (options.answers !== null && isAnswerLink(options.answers)) return;
  mount.replaceChildren(build(START_PAGE, options));
}

// Hosts that enforce Trusted Types (require-trusted-types-for 'script') refuse a plain
// string as a script's src: a policy named "security-matrix" (which such a host lists in
// its trusted-types directive) vouches for this loader's own files, and nothing else.
function trustedTypesPolicy() {
  if (!window.trustedTypes || !window.trustedTypes.createPolicy) return null;
  var allowed = ASSETS.map(function (a) {
    return new URL(a.file, me.src).href;
  });
  try {
    return window.trustedTypes.createPolicy("security-matrix", {
      createScriptURL: function (url) {
        if (allowed.indexOf(url) < 0) throw new TypeError("not a Security Matrix file: " + url);
        return url;
      },
    });
  } catch (e) {
    console.error(
      "security-matrix-loader.js: this page's Trusted Types policy does not allow the policy name 'security-matrix'; add it to the trusted-types directive",
      e,
    );
    return null;
  }
}

function failed() {
  var mount = document.querySelector("[" + SMX.attributes.mount + "]");
  if (!mount) return;
  var p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.textContent = "The security self-assessment could not be loaded. Reload the page to try again.";
  mount.replaceChildren(p);
}

// The stylesheet (the start page shows once it is in) and the module, with their integrity.
function add(a, policy) {
  var url = new URL(a.file, me.src).href;
  var el;
  if (a.kind === "style") {
    var existing = document.querySelector('link[rel="stylesheet"][href="' + url + '"]');
    if (existing) {
      if (existing.sheet) showStartPage();
      else existing.addEventListener("load", showStartPage);
      return;
    }
    el = document.createElement("link");
    el.rel = "stylesheet";
    el.href = url;
    el.addEventListener("load", showStartPage);
  } else {
    el = document.createElement("script");
    el.type = "module";
    el.src = policy ? policy.createScriptURL(url) : url;
    el.addEventListener("error", failed);
  }
  el.integrity = a.integrity;
  el.crossOrigin = "anonymous";
  document.head.appendChild(el);
}

if (me && me.src) {
  document.addEventListener("submit", rememberStart, true);
  var policy = trustedTypesPolicy();
  ASSETS.forEach(function (a) {
    add(a, policy);
  });
} else {
  console.error("security-matrix-loader.js must be a classic <script src>, not a module or inline script");
}
