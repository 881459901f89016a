// Browser steps for the dashboard's tests (tests/live/test_dashboard.py): playwright-core drives
// Debian's Chromium (never a downloaded browser), cut off from every host but loopback. One
// JSON request per stdin line ({"id", "op", ...}), one JSON reply per stdout line
// ({"id", "ok", "value"} or {"id", "ok": false, "error"}). Pages are named, so a test can have
// two users side by side.
import { createInterface } from "node:readline";

import { chromium } from "playwright-core";

const EXECUTABLE = process.env["PAWGRAPH_CHROMIUM"] ?? "/usr/bin/chromium";
const browser = await chromium.launch({
  executablePath: EXECUTABLE,
  args: [
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-domain-reliability",
    // Nothing leaves the machine: no proxy listens on port 9; loopback bypasses proxies.
    "--proxy-server=http://127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
  ],
});

/** name -> { context, page, requests, errors } */
const pages = new Map();

function pageOf(name) {
  const entry = pages.get(name);
  if (!entry) throw new Error(`no page named ${name}`);
  return entry;
}

const ops = {
  async open({ page: name }) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const entry = { context, page, requests: [], errors: [] };
    page.on("request", (request) => entry.requests.push(request.url()));
    page.on("websocket", (socket) => entry.requests.push(socket.url()));
    page.on("pageerror", (error) => entry.errors.push(String(error)));
    page.on("console", (message) => {
      if (message.type() === "error") entry.errors.push(`console: ${message.text()}`);
    });
    pages.set(name, entry);
    return null;
  },
  async goto({ page, url }) {
    await pageOf(page).page.goto(url);
    return pageOf(page).page.url();
  },
  async fill({ page, selector, value, timeout }) {
    await pageOf(page).page.locator(selector).first().fill(String(value), { timeout });
    return null;
  },
  async select({ page, selector, value, timeout }) {
    await pageOf(page).page.locator(selector).first().selectOption(String(value), { timeout });
    return null;
  },
  async click({ page, selector, timeout }) {
    await pageOf(page).page.locator(selector).first().click({ timeout });
    return null;
  },
  /** The text of the first element matching `selector` whose text contains `text`. */
  async waitText({ page, selector, text, timeout }) {
    const handle = await pageOf(page).page.waitForFunction(
      ([selector, text]) =>
        [...document.querySelectorAll(selector)]
          .map((element) => element.textContent ?? "")
          .find((content) => content.includes(text)),
      [selector, text],
      { timeout, polling: 100 },
    );
    return handle.jsonValue();
  },
  /** Waits until exactly `count` elements match `selector`. */
  async waitCount({ page, selector, count, timeout }) {
    await pageOf(page).page.waitForFunction(
      ([selector, count]) => document.querySelectorAll(selector).length === count,
      [selector, count],
      { timeout, polling: 100 },
    );
    return count;
  },
  /** The texts of every element matching `selector` (after the first one appears). */
  async texts({ page, selector, timeout }) {
    const locator = pageOf(page).page.locator(selector);
    await locator.first().waitFor({ timeout });
    return locator.allTextContents();
  },
  async attribute({ page, selector, name, timeout }) {
    return pageOf(page).page.locator(selector).first().getAttribute(name, { timeout });
  },
  /** An item of the page's sessionStorage (where the dashboard keeps its session). */
  async sessionItem({ page, key }) {
    return pageOf(page).page.evaluate((key) => window.sessionStorage.getItem(key), key);
  },
  async screenshot({ page, path }) {
    await pageOf(page).page.screenshot({ path, fullPage: true });
    return path;
  },
  async requests({ page }) {
    return pageOf(page).requests;
  },
  async errors({ page }) {
    return pageOf(page).errors;
  },
  async close({ page }) {
    await pageOf(page).context.close();
    pages.delete(page);
    return null;
  },
};

function reply(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

reply({ id: 0, ok: true, value: { browser: browser.version() } });
const lines = createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on("line", (line) => {
  // One step at a time, in the order they came.
  queue = queue.then(async () => {
    const request = JSON.parse(line);
    try {
      const op = ops[request.op];
      if (!op) throw new Error(`unknown op ${request.op}`);
      reply({ id: request.id, ok: true, value: await op(request) });
    } catch (error) {
      reply({ id: request.id, ok: false, error: String(error?.stack ?? error) });
    }
  });
});
lines.on("close", () => {
  queue.then(() => browser.close()).finally(() => process.exit(0));
});
