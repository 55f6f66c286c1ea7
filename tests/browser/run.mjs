// The browser suite: the built portal in Debian's Chromium, as readers get it.
//
// Usage: node tests/browser/run.mjs [PUBLIC_DIR]   (default: public/ at the repository root)
//
// It serves the output on 127.0.0.1, discovers the pages from sitemap.xml, and checks:
// every page loads with no request leaving 127.0.0.1, no console or page error and no missing
// file, with its landmarks, language, direction, switchers and links in order; one page of
// every kind in every language passes axe-core's WCAG 2.1 A/AA rules and the keyboard check;
// the language switcher lands on the right language; search works in English, French and
// Arabic and its first result can be followed; a missing address serves the 404 page; one
// page of every kind in every language at 390 × 844 does not scroll sideways, draws no SVG
// text under 11 px and, right to left, mirrors its bar charts with labels in Arabic.
// The last line is "N passed, N failed"; the exit status is 1 when any check failed.

import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { discoverPages, samplePages, directionOf, KIND_NAMES } from "./lib/pages.mjs";
import { startServer } from "./lib/server.mjs";
import { launchBrowser, recordProblems, CHROMIUM } from "./lib/browser.mjs";
import { Runner } from "./lib/runner.mjs";
import { PHONE, phoneProblems } from "./lib/phone.mjs";
import {
  LinkResolver,
  loadPage,
  structureProblems,
  keyboardProblems,
  axeProblems,
  searchProblems,
  languageSwitchProblems,
} from "./lib/checks.mjs";

const REPOSITORY = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

// The page kinds of the portal's layout (see page-kinds.json); a build without one of them
// has lost a page kind. Each exists in every language, except the one 404 page.
const REQUIRED_KINDS = [
  "home", "404", "search", "print", "report", "chapter", "contributions", "contribution",
  "objectives", "objective", "action", "forums", "forum", "progress", "changes",
  "policy notes", "policy note", "stakeholders", "stakeholder type", "regions", "region",
];

// Queries that have results in the bundled portal, one per language with a search index.
const SEARCHES = [
  { language: "en", query: "connectivity" },
  { language: "fr", query: "connectivité" },
  { language: "ar", query: "الاتصال" },
];

// The whole suite should take about a minute; past this something hangs.
const SUITE_TIMEOUT_MS = 6 * 60 * 1000;
// Tabs loading pages at once in the crawl of every page.
const CRAWL_TABS = Number(process.env.BROWSER_TABS ?? 3);
// The address the 404 check asks for, the one miss the server should see.
const MISSING_ADDRESS = "no-such-page/";

async function main() {
  const publicDir = resolve(process.argv[2] ?? join(REPOSITORY, "public"));
  const site = discoverPages(publicDir);
  const server = await startServer(publicDir, site.basePath);
  const browser = await launchBrowser({ origin: server.origin });
  const watchdog = setTimeout(() => {
    console.log(`FAIL  the suite did not finish within ${SUITE_TIMEOUT_MS / 60000} minutes`);
    process.exit(1);
  }, SUITE_TIMEOUT_MS);
  console.log(`browser suite: ${site.pages.length} pages of ${publicDir} at ${server.baseUrl}, languages ${site.languages.join(", ")}, ${CHROMIUM}`);
  const runner = new Runner();
  try {
    const env = { site, server, browser, links: new LinkResolver({ publicDir, origin: server.origin, basePath: site.basePath }) };
    const tabs = await Promise.all(Array.from({ length: Math.max(1, CRAWL_TABS) }, () => browser.newPage()));
    const page = tabs[0];
    await checkInventory(runner, site);
    await checkEveryPage(runner, env, tabs);
    await checkSamples(runner, env, page);
    await checkPhone(runner, env);
    await checkLanguageSwitching(runner, env, page);
    await checkSearch(runner, env, page);
    await checkMissingAddress(runner, env, page);
    await checkNothingElseMissing(runner, env);
  } finally {
    clearTimeout(watchdog);
    await browser.close();
    await server.close();
  }
  return runner.finish();
}

async function checkInventory(runner, site) {
  await runner.test("sitemap: every page is of a known kind", async () =>
    site.pages.filter((page) => page.kind === "other").map((page) => `${page.path} matches no pattern of tests/browser/page-kinds.json`),
  );
  const kindsBuilt = new Set(site.pages.map((page) => page.kind));
  await runner.test("sitemap: every page kind is built", async () =>
    REQUIRED_KINDS.filter((kind) => !kindsBuilt.has(kind)).map((kind) => `no page of kind "${kind}"`),
  );
  await runner.test("sitemap: every page kind exists in every language", async () => {
    const problems = [];
    for (const language of site.languages) {
      const kinds = new Set(site.pages.filter((page) => page.language === language).map((page) => page.kind));
      const missing = REQUIRED_KINDS.filter((kind) => kind !== "404" && kindsBuilt.has(kind) && !kinds.has(kind));
      if (missing.length > 0) problems.push(`${language}: no page of kind ${missing.map((kind) => `"${kind}"`).join(", ")}`);
    }
    return problems;
  });
}

async function checkEveryPage(runner, env, tabs) {
  for (const kind of KIND_NAMES) {
    const pages = env.site.pages.filter((candidate) => candidate.kind === kind);
    if (pages.length === 0) continue;
    const languages = [...new Set(pages.map((candidate) => candidate.language))].join(" ");
    await runner.test(`every ${kind} page (${pages.length}, ${languages}): loads cleanly; landmarks, lang/dir, switchers, links`, async () => {
      const found = await inTabs(tabs, pages, async (page, candidate) => [
        ...(await loadPage(env, page, env.server.baseUrl + candidate.path.slice(1))),
        ...(await structureProblems(env, page, candidate)),
      ]);
      const pagesByProblem = new Map();
      pages.forEach((candidate, index) => {
        for (const problem of found[index]) pagesByProblem.set(problem, [...(pagesByProblem.get(problem) ?? []), candidate.path]);
      });
      return [...pagesByProblem].map(([problem, paths]) => `${problem}: ${pageList(paths)}`);
    });
  }
}

/** Runs `visit(tab, item)` for every item, each tab taking the next item when free; results in order. */
async function inTabs(tabs, items, visit) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    tabs.map(async (tab) => {
      while (next < items.length) {
        const index = next++;
        results[index] = await visit(tab, items[index]);
      }
    }),
  );
  return results;
}

/** "/a/" or "3 pages: /a/, /b/, /c/" or "40 pages: /a/, /b/, /c/, …". */
function pageList(paths) {
  if (paths.length === 1) return paths[0];
  const shown = paths.slice(0, 3).join(", ");
  return `${paths.length} pages: ${shown}${paths.length > 3 ? ", …" : ""}`;
}

async function checkSamples(runner, env, page) {
  for (const sample of samplePages(env.site.pages)) {
    const url = env.server.baseUrl + sample.path.slice(1);
    await runner.test(`keyboard and axe (WCAG 2.1 A/AA): ${sample.kind} [${sample.language}] ${sample.path}`, async () => [
      ...(await loadPage(env, page, url)),
      ...(await keyboardProblems(page)).map((problem) => `keyboard: ${problem}`),
      ...(await axeProblems(page)),
    ]);
  }
}

async function checkPhone(runner, env) {
  const phone = await env.browser.newPage();
  await phone.setViewportSize(PHONE);
  try {
    for (const sample of samplePages(env.site.pages)) {
      const url = env.server.baseUrl + sample.path.slice(1);
      await runner.test(`phone ${PHONE.width}×${PHONE.height}: ${sample.kind} [${sample.language}] ${sample.path}`, async () => [
        ...(await loadPage(env, phone, url)),
        ...(await phoneProblems(phone, { direction: directionOf(sample.language) })),
      ]);
    }
  } finally {
    await phone.close();
  }
}

async function checkLanguageSwitching(runner, env, page) {
  for (const language of env.site.languages) {
    const home = env.site.pages.find((candidate) => candidate.kind === "home" && candidate.language === language);
    const name = `switch language by clicking from the ${language} home page`;
    if (!home) {
      await runner.test(name, async () => [`no home page in ${language}`]);
      continue;
    }
    const url = env.server.baseUrl + home.path.slice(1);
    await runner.test(name, async () => languageSwitchProblems(env, page, url));
  }
}

async function checkSearch(runner, env, page) {
  for (const { language, query } of SEARCHES) {
    await runner.test(`search in ${language} for "${query}" and follow the first result`, async () => {
      const searchPage = env.site.pages.find((candidate) => candidate.kind === "search" && candidate.language === language);
      if (!searchPage) return [`no search page in ${language} in the sitemap`];
      return searchProblems(env, page, { searchPage, query, language });
    });
  }
}

async function checkMissingAddress(runner, env, page) {
  await runner.test("a missing address serves the 404 page, styled", async () => {
    const problems = await loadPage(env, page, env.server.baseUrl + MISSING_ADDRESS, { expectStatus: 404 });
    const shown = await page.evaluate(() => ({
      styled: [...document.styleSheets].some((sheet) => sheet.cssRules.length > 0),
      main: Boolean(document.querySelector("main#main")),
    }));
    if (!shown.styled) problems.push("the 404 page's stylesheet did not load");
    if (!shown.main) problems.push('the 404 page has no <main id="main">');
    return problems;
  });
}

async function checkNothingElseMissing(runner, env) {
  await runner.test("no page asked the server for a file the build did not write", async () => {
    const missing = env.server.misses.filter((miss) => miss.path !== env.site.basePath + MISSING_ADDRESS);
    const outside = recordProblems(env.browser.takeUnattributed());
    return [...missing.map((miss) => `${miss.path} (asked for by ${miss.referer ?? "no referrer"})`), ...outside];
  });
}

main().then(
  (status) => process.exit(status),
  (error) => {
    console.error(`browser suite: ${error.stack ?? error}`);
    process.exit(2);
  },
);
