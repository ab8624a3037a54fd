// The pre-render's scripts in the built dist/ (web/boot.js, web/loader.js): the boot script
// run in a stand-in page, and the loader's copy of the start page. The pages themselves are
// checked in a browser by end2end/tests/prerender.test.mjs.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { LOADER } from "./postbuild.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.resolve(ROOT, process.env.SMX_DIST ?? "dist");
const text = (f) => readFileSync(path.join(DIST, f), "utf8");
const files = () => readdirSync(DIST);

// The boot script (web/boot.js), run in a stand-in page: what it marks on <html>
// for each address and stored session, and a Start it remembers.
function runBoot({ hash = "", stored = null, storageThrows = false, started = false } = {}) {
  const name = files().find((f) => /^security-matrix-boot-[0-9a-f]{16}\.js$/.test(f));
  assert.ok(name, "the boot script is in dist/");
  const attrs = {};
  const listeners = {};
  const line = { attrs: {}, setAttribute: (k, v) => (line.attrs[k] = v), textContent: "Loading…" };
  const context = {
    location: { hash },
    sessionStorage: {
      getItem: (k) => {
        if (storageThrows) throw new Error("SecurityError");
        return k === "security-matrix-widget" ? stored : null;
      },
    },
    document: {
      documentElement: { setAttribute: (k, v) => (attrs[k] = v) },
      addEventListener: (type, f) => (listeners[type] = f),
      querySelector: (s) => (s.startsWith("[data-smx-loading]") ? line : null),
    },
    addEventListener: (type, f) => (listeners[`window:${type}`] = f),
  };
  context.window = context;
  if (started) context.__smxStarted = true;
  vm.runInNewContext(text(name), context);
  return { boot: attrs["data-smx-boot"], listeners, line, attrs };
}

test("the boot script hides the start page for links with answers and kept sessions only", () => {
  for (const hash of ["#schedule=df", "#subjects=3000&view=plan", "#c1_customer=HMPPS", "#C50_NAME=x", "#view=plan&other_special=3"]) {
    assert.equal(runBoot({ hash }).boot, "restoring", hash);
  }
  for (const hash of ["", "#", "#main", "#view=plan", "#c0_name=x", "#c51_name=x", "#c01_name=x", "#c1_colour=red", "#Subjects=3"]) {
    assert.equal(runBoot({ hash }).boot, undefined, hash);
  }
  assert.equal(runBoot({ stored: "smx4:{}" }).boot, "restoring");
  assert.equal(runBoot({ storageThrows: true }).boot, undefined, "storage blocked: nothing kept");
});

test("the boot script remembers a Start on the pre-rendered form, and nothing else", () => {
  const { listeners } = runBoot();
  const submit = (inPrerender) => {
    const button = { attrs: {}, textContent: "Start", setAttribute: (k, v) => (button.attrs[k] = v) };
    const form = { attrs: {}, closest: (s) => (s === "[data-smx-prerender]" && inPrerender ? {} : null) };
    form.setAttribute = (k, v) => (form.attrs[k] = v);
    form.querySelector = (s) => (s === '[data-testid="start"]' ? button : null);
    let prevented = false;
    listeners.submit({ target: form, preventDefault: () => (prevented = true) });
    return { prevented, pending: form.attrs["data-smx-pending"], button: [button.textContent, button.attrs["aria-disabled"]] };
  };
  assert.deepEqual(submit(true), { prevented: true, pending: "start", button: ["Starting…", "true"] });
  assert.deepEqual(submit(false), { prevented: false, pending: undefined, button: ["Start", undefined] }, "the app's own forms are the app's");
});

test("the boot script says the tool could not start when the module has not run by DOMContentLoaded", () => {
  const failed = runBoot();
  failed.listeners.DOMContentLoaded();
  assert.equal(failed.attrs["data-smx-boot"], "failed");
  assert.equal(failed.line.attrs.role, "alert");
  assert.match(failed.line.textContent, /could not start/);
  const ran = runBoot({ started: true });
  ran.listeners.DOMContentLoaded();
  assert.equal(ran.attrs["data-smx-boot"], undefined, "the module ran: nothing to say");
  assert.equal(ran.line.textContent, "Loading…");
  // The bundle's start marks it (web/start.js), under the name the boot script reads.
  const bundle = files().find((f) => /^security-matrix-[0-9a-f]{16}\.js$/.test(f));
  assert.ok(text(bundle).includes('"__smxStarted"'), "the bundle names the boot script's global");
});

test("the loader parses, and carries the start page as a tree with its heading and Start", () => {
  const loader = text(LOADER);
  assert.doesNotThrow(() => new vm.Script(loader));
  assert.match(loader, /"Work out your security level"/);
  assert.match(loader, /"data-testid":"start"/);
  assert.doesNotMatch(loader, /innerHTML|insertAdjacentHTML|DOMParser|createContextualFragment/);
});
