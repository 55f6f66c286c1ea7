// Debian's Chromium, driven by playwright-core, with a fresh profile and a closed network.
//
// playwright-core never downloads a browser: it drives the executable it is given. Every
// request goes through one route handler: requests to the local server continue, anything
// else is aborted and recorded, so a third-party request fails the check that caused it
// instead of silently timing out. Console errors, uncaught page errors and failed requests
// are recorded per tab, so that tabs can load pages in parallel; `takeRecord(page)` hands a
// tab's record to the check that just used it.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

// The flags Chromium needs as root on a machine without a network beyond the registries:
// no sandbox (root), no GPU, and none of the background traffic (updates, sync, QUIC probes).
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Starts Chromium with a new temporary profile; only `origin` may be reached. Resolves to
 * { context, newPage(), takeRecord(page), close() }.
 */
export async function launchBrowser({ origin, viewport = { width: 1280, height: 900 } }) {
  const profile = mkdtempSync(join(tmpdir(), "rapporteur-chromium-"));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport,
      locale: "en-GB",
      serviceWorkers: "block",
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`cannot start ${CHROMIUM} (install Debian's chromium package): ${error.message}`);
  }
  const records = new WeakMap();
  // Requests that no tab can be blamed for (none are expected) land here.
  const unattributed = emptyRecord();
  const recordOf = (page) => (page && records.get(page)) || unattributed;

  await context.route("**/*", (route) => {
    const request = route.request();
    if (new URL(request.url()).origin === origin) return route.continue();
    recordOf(pageOf(request)).external.push(request.url());
    return route.abort("blockedbyclient");
  });
  const watch = (page) => {
    if (!records.has(page)) {
      records.set(page, emptyRecord());
      watchPage(page, records.get(page));
    }
  };
  context.on("page", watch);
  for (const page of context.pages()) watch(page);

  return {
    context,
    async newPage() {
      const page = await context.newPage();
      watch(page);
      return page;
    },
    takeRecord(page) {
      const record = recordOf(page);
      const taken = structuredClone(record);
      Object.assign(record, emptyRecord());
      return taken;
    },
    /** What happened outside any tab (a service worker's request, say). */
    takeUnattributed() {
      const taken = structuredClone(unattributed);
      Object.assign(unattributed, emptyRecord());
      return taken;
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function pageOf(request) {
  try {
    return request.frame().page();
  } catch {
    return null;
  }
}

function emptyRecord() {
  return { external: [], consoleErrors: [], pageErrors: [], failedRequests: [] };
}

function watchPage(page, record) {
  page.on("console", (message) => {
    if (message.type() === "error") record.consoleErrors.push(`${message.text()} (${message.location().url || page.url()})`);
  });
  page.on("pageerror", (error) => record.pageErrors.push(`${error.message} (${page.url()})`));
  page.on("requestfailed", (request) => record.failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on("response", (response) => {
    if (response.status() >= 400) record.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
  });
}

/**
 * The problems a record holds, as readable lines (empty when the page behaved).
 * `expected404` is a URL whose 404 status the check asked for.
 */
export function recordProblems(record, { expected404 = null } = {}) {
  const problems = [];
  for (const url of record.external) problems.push(`request left 127.0.0.1: ${url}`);
  for (const text of record.consoleErrors) {
    // Chromium logs each aborted third-party request too; it is reported above already.
    if (text.includes("ERR_BLOCKED_BY_CLIENT") && record.external.some((url) => text.includes(url))) continue;
    if (expected404 && text.includes("404") && text.includes(expected404)) continue;
    problems.push(`console error: ${text}`);
  }
  for (const text of record.pageErrors) problems.push(`uncaught error: ${text}`);
  for (const text of record.failedRequests) {
    if (record.external.some((url) => text.startsWith(`${url}: `))) continue;
    if (expected404 && text === `${expected404}: HTTP 404`) continue;
    // A request still in flight when the check moves on (the favicon, typically) is aborted by
    // Chromium; a file that is really missing is an HTTP 404 and is still reported.
    if (text.endsWith("net::ERR_ABORTED")) continue;
    problems.push(`failed request: ${text}`);
  }
  return problems;
}
