// The app's side of the build (scripts/postbuild.mjs, step "prerender"): the native
// pre-render (the `prerender/` crate, `cargo run -p security-matrix-prerender`) prints the
// start page rendered by the app's own components with Yew's server renderer (issue 17), the
// configuration of the page's scripts and pages (prerender/src/config.rs) and the clauses'
// words. And the start page as the loader carries it: a tree it builds with DOM calls.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The pre-render from the native renderer: { page, directPage, config, words }. */
export function runPrerender() {
  const out = execFileSync("cargo", ["run", "--quiet", "--locked", "-p", "security-matrix-prerender"], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 << 20,
  });
  const pre = JSON.parse(out);
  const marker = pre.config?.attributes?.prerender;
  for (const key of ["page", "directPage"]) {
    if (!marker || !pre[key]?.includes(marker)) throw new Error(`the pre-render's ${key} has no ${marker} root`);
  }
  return pre;
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
