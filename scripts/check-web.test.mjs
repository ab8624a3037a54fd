// The browser's files in web/ against the configuration the app's Rust code writes
// (prerender/src/config.rs, printed by `cargo run -p security-matrix-prerender`): every part
// parses, as a file and as the build assembles it; every `SMX.a.b` a part reads is in the
// configuration, and no part spells one of its values; the direct mount's options read as the
// app reads them; the CSP of Trunk's dev server and of the stylesheet's hooks agree with it;
// and the one fallback, run in a stand-in page.
// Run by `scripts/test embed`; alone: node --test scripts/check-web.test.mjs (no build needed)
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { runPrerender } from "./prerender.mjs";
import { assemble, configFor, configPaths, minifyJs, part, WEB, withoutComments } from "./web.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PARTS = readdirSync(WEB).filter((f) => f.endsWith(".js"));
// The parts that only a module can hold (import.meta, top-level await, ??=).
const MODULE_ONLY = ["lazy-modules.js", "start.js", "takeaways-start.js"];

let pre;
before(() => {
  pre = runPrerender();
});

/** Every string value of the configuration, with its path. */
function leaves(value, at = "SMX") {
  if (typeof value === "string") return [[at, value]];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leaves(v, Array.isArray(value) ? `${at}[${k}]` : `${at}.${k}`));
  return [];
}

/** The string literals of a part's code (its comments left out). */
function literals(source) {
  return [...withoutComments(source).matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'/g)].map((m) => m[1] ?? m[2]);
}

test("every part of web/ parses as a file (node --check), and as the build assembles it", async () => {
  assert.ok(PARTS.length >= 8, PARTS.join(", "));
  for (const name of PARTS) {
    const type = MODULE_ONLY.includes(name) ? "module" : "commonjs";
    execFileSync(process.execPath, ["--check", `--input-type=${type}`, "-"], { input: part(name), stdio: ["pipe", "ignore", "pipe"] });
    if (!MODULE_ONLY.includes(name)) assert.doesNotThrow(() => new vm.Script(assemble({ config: pre.config, parts: [name] })), name);
  }
  const config = pre.config;
  await minifyJs(assemble({ module: true, config, values: { WORDS: {}, TAKEAWAYS: {}, init: { expression: "x" } }, parts: ["decode-bytes.js", "lazy-modules.js", "mount-options.js", "fallback.js", "start.js"] }));
  await minifyJs(assemble({ module: true, config, values: { init: { expression: "x" } }, parts: ["decode-bytes.js", "takeaways-start.js"] }));
});

test("every SMX value a part reads is in the generated configuration, and no part spells one", () => {
  const used = new Set();
  for (const name of PARTS) {
    const source = part(name);
    // configFor fails on a path the configuration does not have.
    assert.doesNotThrow(() => configFor(pre.config, { [name]: source }), name);
    for (const keys of configPaths(source, name)) used.add(keys.join("."));
    for (const literal of literals(source)) {
      for (const [at, value] of leaves(pre.config)) {
        const identifying = /^(data-|__smx|smx-|security-matrix)/.test(value) || value.includes("'self'");
        assert.ok(literal !== value && !(identifying && literal.includes(value)), `web/${name} spells ${at} ("${value}") in "${literal}": read ${at}`);
      }
    }
  }
  // And the configuration has nothing the scripts or the pages do not use.
  const template = readFileSync(path.join(ROOT, "index.html"), "utf8");
  for (const [at] of leaves(pre.config).filter(([at]) => !at.startsWith("SMX.linkKeys.") && !at.startsWith("SMX.mount.schedules"))) {
    const key = at.slice(4);
    assert.ok([...used].some((u) => key === u || key.startsWith(u + ".")) || template.includes(`{{${at}}}`), `${at} is read by no part and no page`);
  }
});

test("the direct mount's options read in web/mount-options.js as the app reads them (tests/mount-options.json)", () => {
  const cases = JSON.parse(readFileSync(path.join(ROOT, "tests/mount-options.json"), "utf8"));
  const mountOptions = vm.runInNewContext(assemble({ config: pre.config, parts: ["mount-options.js"] }).replace(/\}\)\(\);\n$/, "return mountOptions; })();"));
  for (const c of cases) {
    const mount = { getAttribute: (name) => (name in c.attributes ? c.attributes[name] : null) };
    assert.deepEqual({ ...mountOptions(mount) }, c.options, JSON.stringify(c.attributes));
  }
});

test("Trunk's dev server and the end-to-end server send the configuration's CSP, with frame-ancestors", async () => {
  // Neither can read the configuration (Trunk.toml is Trunk's; end2end/ is a package of its
  // own): each keeps a copy, held to it here.
  const want = `${pre.config.csp}; frame-ancestors 'self'`;
  const toml = readFileSync(path.join(ROOT, "Trunk.toml"), "utf8");
  const header = toml.match(/^"Content-Security-Policy" = "(.*)"$/m)?.[1];
  assert.equal(header, want, "Trunk.toml [serve.headers]: copy prerender/src/config.rs's policy there");
  const { CSP } = await import("../end2end/serve-dist.mjs");
  assert.equal(CSP, want, "end2end/serve-dist.mjs: copy prerender/src/config.rs's policy there");
});

test("the stylesheet's data-smx-* hooks are the configuration's attributes", () => {
  const css = readFileSync(path.join(ROOT, "static/styles.css"), "utf8");
  const names = new Set(Object.values(pre.config.attributes));
  const hooks = new Set([...css.matchAll(/\[(data-smx-[\w-]+)/g)].map((m) => m[1]));
  for (const hook of hooks) {
    if (hook === "data-smx-fallback" || hook === "data-smx-focus") continue; // written by fallback.js and the app themselves
    assert.ok(names.has(hook), `styles.css reads [${hook}], which the configuration does not name`);
  }
  for (const name of ["boot", "loading", "prerender"]) assert.ok(hooks.has(pre.config.attributes[name]), `styles.css reads ${name}`);
});

// ---------------------------------------------------------------- the fallback

/** A stand-in page for web/fallback.js: just what it touches. */
function page({ direct = null } = {}) {
  const el = (tag) => ({
    tag,
    attrs: {},
    children: [],
    listeners: {},
    setAttribute(k, v) {
      this.attrs[k] = String(v);
    },
    getAttribute(k) {
      return k in this.attrs ? this.attrs[k] : null;
    },
    addEventListener(type, f) {
      this.listeners[type] = f;
    },
    append(...c) {
      this.children.push(...c);
    },
    replaceChildren(...c) {
      this.children = c;
    },
    querySelector(s) {
      const all = (n) => [n, ...n.children.flatMap(all)];
      return all(this).slice(1).find((n) => s === '[data-testid="fallback"]' && n.attrs["data-testid"] === "fallback") ?? null;
    },
  });
  const body = el("body");
  const mount = direct && Object.assign(el("div"), { attrs: { ...direct } });
  const storage = { [pre.config.storageKey]: "{}" };
  const context = {
    document: {
      body,
      createElement: el,
      querySelector: (s) => (mount && s === `[${pre.config.attributes.mount}]` ? mount : null),
    },
    sessionStorage: { removeItem: (k) => delete storage[k] },
    location: { reload: () => (context.reloaded = true) },
  };
  const code = assemble({ config: pre.config, parts: ["mount-options.js", "fallback.js"] }).replace(/\}\)\(\);\n$/, "return showFallback; })();");
  return { showFallback: vm.runInNewContext(code, context), root: () => (mount ?? body).children[0], storage, context };
}

test("the fallback: a message with Start again in the widget's place, at its heading level, once", () => {
  const own = page();
  assert.equal(own.showFallback("panic"), true);
  const root = own.root();
  assert.equal(root.className, "smx smx-fallback");
  assert.deepEqual([root.attrs.role, root.attrs["data-testid"], root.attrs["data-smx-fallback"]], ["alert", "fallback", "panic"]);
  const [h, p, button] = root.children;
  assert.equal(h.tag, "h1", "the widget's own page: an <h1>");
  assert.equal(h.textContent, "The security self-assessment stopped");
  assert.match(p.textContent, /^Sorry, something went wrong.*Nothing you entered has been sent anywhere/);
  assert.deepEqual([button.tag, button.type, button.attrs["data-testid"], button.textContent], ["button", "button", "fallback-start-again", "Start again"]);
  assert.equal(own.showFallback("trap"), false, "shown once");
  button.listeners.click();
  assert.deepEqual(own.storage, {}, "Start again forgets this tab's answers");
  assert.equal(own.context.reloaded, true);

  const direct = page({ direct: { [pre.config.attributes.headingLevel]: "3" } });
  direct.showFallback("init");
  assert.equal(direct.root().children[0].tag, "h3", "a direct mount: its heading level");
  assert.equal(direct.root().attrs["data-smx-fallback"], "error");
  assert.equal(direct.root().children[0].textContent, "The security self-assessment could not start in this browser");
  const odd = page({ direct: { [pre.config.attributes.headingLevel]: "9" } });
  odd.showFallback("trap");
  assert.equal(odd.root().children[0].tag, `h${pre.config.mount.headingLevel}`, "a level not understood: the default");
});
