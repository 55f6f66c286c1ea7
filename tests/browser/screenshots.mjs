// Screenshots of the built portal for docs/, taken in Debian's Chromium (scripts/screenshots).
//
// Usage: node tests/browser/screenshots.mjs PUBLIC_DIR OUTPUT_DIR
//
// home-en.png, home-fr.png, home-ar.png (the home page in each language), search.png (a search
// for "connectivity" with its results) at 1280×900, and home-en-mobile.png at 390×844; the
// brief's Figure I (the affordability chart of the connectivity chapter) in English and
// Arabic at desktop and phone width, and the gap map and the forum page on a phone, each
// cropped to the figure (`element`). The
// pages are found through the sitemap like the browser suite finds them; a page that is
// missing, a search without results, or a request leaving 127.0.0.1 stops the script rather
// than leave a misleading picture behind.

import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { discoverPages } from "./lib/pages.mjs";
import { startServer } from "./lib/server.mjs";
import { launchBrowser, recordProblems } from "./lib/browser.mjs";

const DESKTOP = { width: 1280, height: 900 };
const MOBILE = { width: 390, height: 844 };
const SEARCH = { language: "en", query: "connectivity" };

// Shots with a `path` are of the bundled portal's own pages; a portal without that page
// (another site, the suite's fixture) gets them skipped, named on the output.
const SHOTS = [
  { file: "home-en.png", kind: "home", language: "en", viewport: DESKTOP },
  { file: "home-fr.png", kind: "home", language: "fr", viewport: DESKTOP },
  { file: "home-ar.png", kind: "home", language: "ar", viewport: DESKTOP },
  { file: "search.png", kind: "search", language: SEARCH.language, viewport: DESKTOP, search: SEARCH.query },
  { file: "home-en-mobile.png", kind: "home", language: "en", viewport: MOBILE },
  { file: "affordability-chart.png", path: "2025/report/connectivity-and-affordability/", viewport: DESKTOP, element: "figure.chart-figure" },
  { file: "affordability-chart-mobile.png", path: "2025/report/connectivity-and-affordability/", viewport: MOBILE, element: "figure.chart-figure" },
  { file: "affordability-chart-ar.png", path: "ar/2025/report/connectivity-and-affordability/", viewport: DESKTOP, element: "figure.chart-figure" },
  { file: "affordability-chart-ar-mobile.png", path: "ar/2025/report/connectivity-and-affordability/", viewport: MOBILE, element: "figure.chart-figure" },
  { file: "gap-map-mobile.png", path: "2025/progress/", viewport: MOBILE, element: ".table-scroll" },
  { file: "forum-map-mobile.png", path: "2025/forums/", viewport: MOBILE },
];

async function main() {
  const [publicArgument, outputArgument] = process.argv.slice(2);
  if (!publicArgument || !outputArgument) throw new Error("usage: node tests/browser/screenshots.mjs PUBLIC_DIR OUTPUT_DIR");
  const publicDir = resolve(publicArgument);
  const outputDir = resolve(outputArgument);
  const site = discoverPages(publicDir);
  const missing = SHOTS.filter((shot) => !shot.path && !findPage(site, shot)).map((shot) => `${shot.kind} [${shot.language}]`);
  if (missing.length > 0) throw new Error(`the portal has no page for: ${missing.join(", ")}`);

  mkdirSync(outputDir, { recursive: true });
  const server = await startServer(publicDir, site.basePath);
  const browser = await launchBrowser({ origin: server.origin, viewport: DESKTOP });
  try {
    const page = await browser.newPage();
    for (const shot of SHOTS) {
      if (!findPage(site, shot)) {
        console.log(`skipped ${shot.file}: the portal has no page /${shot.path}`);
        continue;
      }
      await page.setViewportSize(shot.viewport);
      const url = server.baseUrl + findPage(site, shot).path.slice(1);
      await page.goto(url, { waitUntil: "load" });
      if (shot.search) await showResults(page, shot.search);
      const problems = recordProblems(browser.takeRecord(page));
      if (problems.length > 0) throw new Error(`${url}:\n  ${problems.join("\n  ")}`);
      const file = join(outputDir, shot.file);
      const target = shot.element ? page.locator(shot.element).first() : page;
      await target.screenshot({ path: file, animations: "disabled", caret: "hide" });
      console.log(`wrote ${file} (${shot.viewport.width}×${shot.viewport.height}, ${url})`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

function findPage(site, shot) {
  if (shot.path) return site.pages.find((page) => page.path === "/" + shot.path);
  return site.pages.find((page) => page.kind === shot.kind && page.language === shot.language);
}

async function showResults(page, query) {
  await page.fill("input#search-query", query);
  await page.press("input#search-query", "Enter");
  await page.locator("#search-results a").first().waitFor({ timeout: 5000 });
  await page.evaluate(() => document.activeElement?.blur());
}

main().catch((error) => {
  console.error(`screenshots: ${error.message}`);
  process.exit(1);
});
