// security-matrix-loader.js, for scripts/postbuild.mjs: the stable-named classic script a
// host page includes to mount the widget directly.
import { htmlToTree, loaderPrerenderCode } from "./prerender.mjs";

// A stable-named classic script for host pages: <script src=".../security-matrix-loader.js" defer>.
// `pre`: the pre-render (scripts/prerender.mjs), whose direct-mount start page the loader
// shows in the mount element as soon as the stylesheet is in; `storageKey`: the app's
// sessionStorage key.
export function loader(assets, pre, storageKey) {
  return `/* Security Matrix widget loader: written at build time by scripts/postbuild.mjs.
 * A host page includes it, from wherever dist/ is served, next to <div data-security-matrix>:
 *   <script src="https://widget.example.org/security-matrix-loader.js" defer></script>
 * It adds the widget's stylesheet and module (hashed names, with Subresource Integrity and
 * crossorigin="anonymous") to the page, and shows the start page (pre-rendered at build time)
 * in the mount element until the app starts. Nothing else: no cookies, no requests of its own. */
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !me.src) {
    console.error("security-matrix-loader.js must be a classic <script src>, not a module or inline script");
    return;
  }
  var assets = ${JSON.stringify(assets)};
  // The start page, pre-rendered at build time, until the app starts (scripts/prerender.mjs).
  ${loaderPrerenderCode(htmlToTree(pre.directPage), pre.linkKeys, storageKey)}
  function styled() {
    prerender(document.querySelector("[data-security-matrix]"));
  }
  // Hosts that enforce Trusted Types (require-trusted-types-for 'script') refuse a plain
  // string as a script's src: a policy named "security-matrix" (which such a host lists in
  // its trusted-types directive) vouches for this loader's own files, and nothing else.
  var allowed = assets.map(function (a) { return new URL(a.file, me.src).href; });
  var policy = null;
  if (window.trustedTypes && window.trustedTypes.createPolicy) {
    try {
      policy = window.trustedTypes.createPolicy("security-matrix", {
        createScriptURL: function (url) {
          if (allowed.indexOf(url) < 0) throw new TypeError("not a Security Matrix file: " + url);
          return url;
        },
      });
    } catch (e) {
      console.error("security-matrix-loader.js: this page's Trusted Types policy does not allow the policy name 'security-matrix'; add it to the trusted-types directive", e);
    }
  }
  function failed() {
    var mount = document.querySelector("[data-security-matrix]");
    if (!mount) return;
    var p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.textContent = "The security self-assessment could not be loaded. Reload the page to try again.";
    mount.replaceChildren(p);
  }
  assets.forEach(function (a) {
    var url = new URL(a.file, me.src).href;
    var el;
    if (a.kind === "style") {
      var existing = document.querySelector('link[rel="stylesheet"][href="' + url + '"]');
      if (existing) {
        if (existing.sheet) styled();
        else existing.addEventListener("load", styled);
        return;
      }
      el = document.createElement("link");
      el.rel = "stylesheet";
      el.href = url;
      el.addEventListener("load", styled);
    } else {
      el = document.createElement("script");
      el.type = "module";
      el.src = policy ? policy.createScriptURL(url) : url;
      el.addEventListener("error", failed);
    }
    el.integrity = a.integrity;
    el.crossOrigin = "anonymous";
    document.head.appendChild(el);
  });
})();
`;
}
