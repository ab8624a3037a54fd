// The pre-rendered first screen (issue 17), for scripts/postbuild.mjs.
//
// 1. The app's start page is rendered natively by its own components with Yew's server
//    renderer (the `prerender/` crate: `cargo run -p security-matrix-prerender`), and put in
//    index.html's body in place of the loading line, so the first paint is the real start
//    page before any WebAssembly arrives. The app replaces it with its own identical render
//    when it starts (src/embed/takeover.rs), carrying over what the user did meanwhile.
// 2. A boot script, security-matrix-boot-<hash>.js, last in <head>, runs before the body is parsed
//    (a small external file: the CSP forbids inline scripts; it gets integrity like every
//    script). When the app will open on another page (a link with answers, or answers kept in
//    this tab's sessionStorage) it marks <html data-smx-boot="restoring">, and the stylesheet then
//    hides the start page and shows the loading line instead: the start page never flashes
//    first. It also remembers a Start pressed before the app is ready (data-smx-pending on
//    the form), which the app acts on when it is; and if the app's module did not run by
//    DOMContentLoaded (refused, missing, no module support), it says so in the loading line
//    (<html data-smx-boot="failed">).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const BOOT_PREFIX = "security-matrix-boot-";
export const PRERENDER_ATTRIBUTE = "data-smx-prerender";

/** The pre-render from the native renderer: { page, directPage, linkKeys, words }. */
export function runPrerender() {
  const out = execFileSync("cargo", ["run", "--quiet", "--locked", "-p", "security-matrix-prerender"], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 << 20,
  });
  const pre = JSON.parse(out);
  for (const key of ["page", "directPage"]) {
    if (!pre[key]?.includes(PRERENDER_ATTRIBUTE)) throw new Error(`the pre-render's ${key} has no ${PRERENDER_ATTRIBUTE} root`);
  }
  return pre;
}

/**
 * The shared part of the boot script and the loader: isAnswerLink(fragment), the same test
 * as the app's `is_answer_link` (src/state.rs), on the keys it exports; and restoring(), true
 * when the app will open on another page than the start page.
 */
export function restoringCode(linkKeys, storageKey) {
  return `var KEYS = ${JSON.stringify(linkKeys.keys)};
  var FIELDS = ${JSON.stringify(linkKeys.contractFields)};
  function isAnswerLink(fragment) {
    return fragment.split("&").some(function (part) {
      var key = part.split("=")[0];
      if (KEYS.indexOf(key) >= 0) return true;
      var m = /^c([1-9][0-9]*)_(.*)$/.exec(key.toLowerCase());
      return !!m && Number(m[1]) <= ${Number(linkKeys.maxContracts)} && FIELDS.indexOf(m[2]) >= 0;
    });
  }
  function restoring() {
    if (isAnswerLink(location.hash.replace(/^#/, ""))) return true;
    try {
      return sessionStorage.getItem(${JSON.stringify(storageKey)}) !== null;
    } catch (e) {
      return false; // storage blocked: nothing can have been kept
    }
  }
  // A Start pressed (or Enter) on the pre-rendered start page before the app is ready:
  // remembered on the form, acted on when the app is (the page must not be submitted); the
  // button says so meanwhile.
  function rememberStart(event) {
    var form = event.target;
    if (form && form.closest && form.closest("[${PRERENDER_ATTRIBUTE}]")) {
      event.preventDefault();
      form.setAttribute("data-smx-pending", "start");
      var start = form.querySelector('[data-testid="start"]');
      if (start) {
        start.textContent = "Starting\u2026";
        start.setAttribute("aria-disabled", "true");
      }
    }
  }`;
}

/** The boot script's source. */
export function bootScript(linkKeys, storageKey) {
  return `/* Security Matrix widget: the boot script, written at build time by scripts/postbuild.mjs
 * (scripts/prerender.mjs). It runs in <head> before the body is parsed. */
(function () {
  "use strict";
  ${restoringCode(linkKeys, storageKey)}
  var root = document.documentElement;
  if (restoring()) root.setAttribute("data-smx-boot", "restoring");
  document.addEventListener("submit", rememberStart, true);
  // The app's module did not run: refused (a changed file fails its integrity), not found,
  // or a browser without modules. A page's module runs before DOMContentLoaded, and its
  // start marks window.__smxStarted first thing (scripts/postbuild.mjs), so by then its
  // absence means it never will: say so in place of a start page whose Start could not work.
  document.addEventListener("DOMContentLoaded", function () {
    if (window.__smxStarted) return;
    var line = document.querySelector("[data-smx-loading] p") || document.querySelector("[data-smx-loading]");
    if (line) {
      line.setAttribute("role", "alert");
      line.textContent = "The security self-assessment could not start: its files did not load as published. Reload the page to try again. Nothing you entered has been sent anywhere.";
    }
    root.setAttribute("data-smx-boot", "failed");
  });
})();
`;
}

/** A file name for `source`, hashed like the bundle's. */
export function hashedName(prefix, source) {
  return `${prefix}${createHash("sha256").update(source).digest("hex").slice(0, 16)}.js`;
}

const NOSCRIPT =
  '<noscript><div class="smx"><div class="smx-inset"><p class="smx-body">This tool needs JavaScript and WebAssembly, which your browser has turned off: the start page shows, but Start will not work until they are on.</p></div></div></noscript>';

/**
 * index.html with the pre-render: in <head>, the stylesheet first, then the app's module, then
 * the boot script, so the stylesheet and the module are asked for at once, before the boot
 * script stops the parser (the browser asks for what comes after a blocking script only once
 * it has run: measured on the slow line, the module's first byte came 190 ms later with the
 * boot script first); the boot script still runs before the body is parsed. In the body, the
 * loading line (shown only when restoring), the no-script note and the start page.
 */
export function withPrerender(html, page, bootSrc) {
  // As Trunk writes it: quoted, or minified in release builds (`<div class=smx data-smx-placeholder>`).
  const placeholder = /<div\b([^>]*\sdata-smx-placeholder)(\s[^>]*)?>([\s\S]*?)<\/div>/;
  if (!placeholder.test(html)) throw new Error("index.html has no <div data-smx-placeholder> to pre-render into");
  const css = html.match(/<link\b[^>]*\brel=["']?stylesheet[^>]*>/i)?.[0];
  const module = html.match(/<script\b[^>]*\btype=["']?module[^>]*><\/script>/i)?.[0];
  if (!css || !module) throw new Error("index.html has no stylesheet or no module script in <head>");
  if (html.indexOf(css) > html.indexOf(module)) html = html.replace(css, "").replace(module, css + module);
  html = html.replace("</head>", `<script src="${bootSrc}"></script></head>`);
  return html.replace(
    placeholder,
    (_, open, rest = "", inner) => `<div${open} data-smx-loading${rest}>${inner}</div>${NOSCRIPT}${page}`,
  );
}

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (s) =>
  s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    if (!(e in ENTITIES)) throw new Error(`unknown entity ${m} in the pre-render`);
    return ENTITIES[e];
  });

/**
 * The server renderer's markup as a tree the loader builds with DOM calls (no HTML string
 * reaches the host page, so Trusted Types hosts need no policy for it): an element is
 * [name, {attribute: value}, ...children], a text is a string. Only what the server renderer
 * writes is read (quoted or bare attributes, void elements, entities); anything else throws.
 */
export function htmlToTree(html) {
  const root = ["#root", {}];
  const stack = [root];
  const token = /<\/([a-z][\w-]*)\s*>|<([a-z][\w-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*>|([^<]+)/gy;
  let at = 0;
  for (const m of html.matchAll(token)) {
    if (m.index !== at) break;
    at += m[0].length;
    const [, close, open, attrs, text] = m;
    if (text !== undefined) stack.at(-1).push(decode(text));
    else if (close) {
      const top = stack.pop();
      if (top[0] !== close) throw new Error(`</${close}> closes <${top[0]}> in the pre-render`);
    } else {
      const node = [open, Object.fromEntries([...attrs.matchAll(/([^\s"'>/=]+)(?:="([^"]*)")?/g)].map((a) => [a[1], decode(a[2] ?? "")]))];
      stack.at(-1).push(node);
      if (!VOID.has(open)) stack.push(node);
    }
  }
  if (at !== html.length) throw new Error(`cannot read the pre-render at ${at}: ${html.slice(at, at + 60)}`);
  if (stack.length !== 1 || root.length !== 3) throw new Error("the pre-render is not one closed element");
  return root[2];
}

/**
 * The loader's part (security-matrix-loader.js, a direct mount on a host page): the start
 * page in the mount element as soon as the stylesheet is in, built from `tree` (the start
 * page with no options set) and adjusted to the mount's options as the app reads them
 * (src/embed.rs: data-heading-level, data-schedule-choice, data-schedule), unless the app
 * will open on another page or has already started. Defines prerender(mount).
 */
export function loaderPrerenderCode(tree, linkKeys, storageKey) {
  return `${restoringCode(linkKeys, storageKey)}
  var PRE = ${JSON.stringify(tree)};
  function mountOptions(mount) {
    var get = function (name) { var v = mount.getAttribute(name); return v === null ? null : v.trim(); };
    var level = Number(get("data-heading-level"));
    var choice = get("data-schedule-choice");
    return {
      level: level >= 1 && level <= 6 && Math.floor(level) === level ? level : 2,
      choice: choice !== "false",
      schedule: get("data-schedule") === "sm2017" ? "sm2017" : "df",
    };
  }
  function build(node, o) {
    if (typeof node === "string") return document.createTextNode(node);
    var name = node[0];
    var attrs = node[1];
    // The choice of schedule: the form group that holds its fieldset.
    if (!o.choice && attrs["class"] === "smx-form-group" && node[2] && node[2][0] === "fieldset") return null;
    if (/^h[2-6]$/.test(name)) name = "h" + Math.min(6, Number(name[1]) - 2 + o.level);
    var el = document.createElement(name);
    Object.keys(attrs).forEach(function (k) { if (k !== "checked") el.setAttribute(k, attrs[k]); });
    if (name === "input" && attrs.name === "smx-schedule") el.checked = attrs.value === o.schedule;
    for (var i = 2; i < node.length; i++) {
      var child = build(node[i], o);
      if (child) el.appendChild(child);
    }
    return el;
  }
  function prerender(mount) {
    if (!mount || restoring() || mount.querySelector('[data-testid="app"]')) return;
    mount.replaceChildren(build(PRE, mountOptions(mount)));
  }
  document.addEventListener("submit", rememberStart, true);`;
}
