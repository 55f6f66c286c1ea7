// What the suite checks on a page, each as a function returning a list of problems.
//
// The contract with the templates: every page has <html lang dir>, a skip link `a.skip` to
// `#main`, one `<main id="main">`, labelled `nav` landmarks, a language switcher
// `nav.languages` with one `a[hreflang]` per other language; edition homes have an edition
// switcher `nav.editions`; the search page has `form[role=search]`, `input#search-query` and
// results as `#search-results a`.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileFor } from "./server.mjs";
import { directionOf } from "./pages.mjs";
import { recordProblems } from "./browser.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const NAVIGATION_TIMEOUT_MS = 15_000;
const SEARCH_TIMEOUT_MS = 5_000;

/** The page's structure as the checks need it, read in the browser. */
function readStructure() {
  const html = document.documentElement;
  const navs = [...document.querySelectorAll("nav")];
  const languageNav = document.querySelector("nav.languages");
  const editionNav = document.querySelector("nav.editions");
  return {
    lang: html.getAttribute("lang"),
    dir: html.getAttribute("dir"),
    skipLinks: [...document.querySelectorAll("a.skip")].map((link) => link.getAttribute("href")),
    mainIds: [...document.querySelectorAll("main")].map((main) => main.id),
    unlabelledNavs: navs
      .filter((nav) => !nav.getAttribute("aria-label") && !nav.getAttribute("aria-labelledby"))
      .map((nav) => nav.outerHTML.slice(0, 80)),
    navCount: navs.length,
    languageLinks: languageNav
      ? [...languageNav.querySelectorAll("a[hreflang]")].map((link) => ({ hreflang: link.getAttribute("hreflang"), href: link.href }))
      : null,
    editionLinks: editionNav ? [...editionNav.querySelectorAll("a[href]")].map((link) => link.href) : null,
    // getAttribute, not .href: an SVG <a> (in charts and maps) has an animated .href.
    links: [...document.querySelectorAll("a[href]")].map((link) => new URL(link.getAttribute("href"), document.baseURI).href),
  };
}

/** Resolves same-site URLs to output files and reads their language, each once. */
export class LinkResolver {
  constructor({ publicDir, origin, basePath }) {
    this.publicDir = publicDir;
    this.origin = origin;
    this.basePath = basePath;
    this.cache = new Map();
  }

  /** null for other sites' URLs; otherwise { file } (file null when the link is broken). */
  async resolve(href) {
    const url = new URL(href);
    if (url.origin !== this.origin) return null;
    const key = url.pathname;
    if (!this.cache.has(key)) {
      const file = url.pathname.startsWith(this.basePath) ? await fileFor(this.publicDir, "/" + url.pathname.slice(this.basePath.length)) : null;
      this.cache.set(key, { file });
    }
    return this.cache.get(key);
  }

  /** The `lang` of the HTML page a same-site link points to, or null. */
  async languageOf(href) {
    const target = await this.resolve(href);
    if (!target?.file?.endsWith(".html")) return null;
    if (target.lang === undefined) {
      const text = await readFile(target.file, "utf8");
      target.lang = /<html[^>]*\slang="([^"]+)"/.exec(text)?.[1] ?? null;
    }
    return target.lang;
  }
}

/** Loads `url` in `page`; returns the problems of the load itself (status, requests, errors). */
export async function loadPage(env, page, url, { expectStatus = 200 } = {}) {
  env.browser.takeRecord(page);
  const response = await page.goto(url, { waitUntil: "load", timeout: NAVIGATION_TIMEOUT_MS });
  const problems = [];
  if (!response) problems.push("no response");
  else if (response.status() !== expectStatus) problems.push(`HTTP ${response.status()}, expected ${expectStatus}`);
  const expected404 = expectStatus === 404 ? url : null;
  problems.push(...recordProblems(env.browser.takeRecord(page), { expected404 }));
  return problems;
}

/** Landmarks, language and direction, switchers and links of the loaded page. */
export async function structureProblems(env, page, expected) {
  const structure = await page.evaluate(readStructure);
  const problems = [];
  if (structure.lang !== expected.language) problems.push(`<html lang="${structure.lang}">, expected "${expected.language}"`);
  const direction = directionOf(expected.language);
  if (structure.dir !== direction) problems.push(`<html dir="${structure.dir ?? ""}">, expected dir="${direction}"`);
  if (structure.skipLinks.length !== 1 || structure.skipLinks[0] !== "#main") problems.push(`skip links a.skip: ${JSON.stringify(structure.skipLinks)}, expected one to "#main"`);
  if (structure.mainIds.length !== 1 || structure.mainIds[0] !== "main") problems.push(`<main> elements with ids ${JSON.stringify(structure.mainIds)}, expected one <main id="main">`);
  if (structure.navCount === 0) problems.push("no <nav> landmark");
  for (const nav of structure.unlabelledNavs) problems.push(`<nav> without aria-label: ${nav}`);
  problems.push(...(await languageSwitcherProblems(env, structure)));
  problems.push(...(await editionSwitcherProblems(env, structure, expected)));
  problems.push(...(await brokenLinkProblems(env, structure.links)));
  return problems;
}

async function languageSwitcherProblems(env, structure) {
  const others = env.site.languages.filter((language) => language !== structure.lang);
  if (others.length === 0) return [];
  if (structure.languageLinks === null) return [`no language switcher nav.languages (expected links to ${others.join(", ")})`];
  const problems = [];
  const offered = structure.languageLinks.map((link) => link.hreflang).sort();
  if (JSON.stringify(offered) !== JSON.stringify([...others].sort())) problems.push(`language switcher offers [${offered}], expected one link per other language [${others.sort()}]`);
  for (const link of structure.languageLinks) {
    const target = await env.links.resolve(link.href);
    if (!target?.file) {
      problems.push(`language switcher link to ${link.hreflang} is broken: ${link.href}`);
      continue;
    }
    const lang = await env.links.languageOf(link.href);
    if (lang !== link.hreflang) problems.push(`language switcher link hreflang="${link.hreflang}" leads to a page in "${lang}": ${link.href}`);
  }
  return problems;
}

async function editionSwitcherProblems(env, structure, expected) {
  if (structure.editionLinks === null) {
    return expected.kind === "home" ? ["no edition switcher nav.editions on the home page"] : [];
  }
  const problems = [];
  if (expected.kind === "home" && structure.editionLinks.length === 0) problems.push("the edition switcher nav.editions has no links");
  for (const href of structure.editionLinks) {
    const target = await env.links.resolve(href);
    if (target && !target.file) problems.push(`edition switcher link is broken: ${href}`);
  }
  return problems;
}

async function brokenLinkProblems(env, hrefs) {
  const problems = [];
  for (const href of new Set(hrefs)) {
    if (href.startsWith("mailto:") || href.startsWith("tel:")) continue;
    const target = await env.links.resolve(href);
    if (target && !target.file) problems.push(`broken link: ${new URL(href).pathname}`);
  }
  return problems;
}

/** Tab from a fresh load reaches the skip link first, which shows; Enter moves into <main>. */
export async function keyboardProblems(page) {
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => {
    const element = document.activeElement;
    const box = element.getBoundingClientRect();
    const atCentre = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
      isSkipLink: element.matches("a.skip"),
      description: element.outerHTML.slice(0, 80),
      inViewport: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
      onTop: atCentre === element || element.contains(atCentre),
      outline: getComputedStyle(element).outlineStyle,
    };
  });
  if (!focused.isSkipLink) return [`the first Tab focuses ${focused.description}, expected the skip link a.skip`];
  const problems = [];
  if (!focused.inViewport) problems.push("the focused skip link is not inside the viewport");
  if (!focused.onTop) problems.push("the focused skip link is covered by another element");
  if (focused.outline === "none") problems.push("the focused skip link has no focus outline");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  const afterSkip = await page.evaluate(() => ({
    hash: location.hash,
    inMain: Boolean(document.activeElement?.closest("main")),
    mainHasFocusable: Boolean(document.querySelector("main a[href], main button, main input, main select, main textarea, main [tabindex]")),
  }));
  if (afterSkip.hash !== "#main") problems.push(`following the skip link leads to "${afterSkip.hash}", expected "#main"`);
  if (afterSkip.mainHasFocusable && !afterSkip.inMain) problems.push("after the skip link, Tab does not move into <main>");
  return problems;
}

/** axe-core's WCAG 2.1 A and AA rules on the loaded page: one problem per violation. */
export async function axeProblems(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async (tags) => {
    const outcome = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return outcome.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target.join(" "), summary: node.failureSummary })),
    }));
  }, AXE_TAGS);
  return result.map((violation) => {
    const targets = violation.nodes.slice(0, 5).map((node) => `${node.target}\n  ${node.summary.split("\n").slice(1).join(" ").trim()}`);
    const more = violation.nodes.length > 5 ? `\n… and ${violation.nodes.length - 5} more elements` : "";
    return `axe ${violation.id} (${violation.impact}): ${violation.help}\n${targets.join("\n")}${more}`;
  });
}

/** Searches `query` on a search page, by typing and by ?q=, and follows the first result. */
export async function searchProblems(env, page, { searchPage, query, language }) {
  const url = env.server.baseUrl + searchPage.path.slice(1);
  const problems = await loadPage(env, page, url);
  const form = await page.evaluate(() => ({
    form: Boolean(document.querySelector("form[role=search]")),
    input: Boolean(document.querySelector("input#search-query")),
  }));
  if (!form.form) problems.push("no form[role=search]");
  if (!form.input) return [...problems, "no input#search-query"];
  await page.fill("input#search-query", query);
  await page.press("input#search-query", "Enter");
  problems.push(...(await resultProblems(page, query, "typed")));

  problems.push(...(await loadPage(env, page, `${url}?q=${encodeURIComponent(query)}`)));
  const results = await resultProblems(page, query, "?q=");
  problems.push(...results);
  if (results.length > 0) return problems;

  const first = page.locator("#search-results a").first();
  const href = await first.evaluate((link) => link.href);
  const before = page.url();
  env.browser.takeRecord(page);
  await Promise.all([page.waitForURL((current) => current.href !== before, { timeout: NAVIGATION_TIMEOUT_MS }), first.click()]);
  await page.waitForLoadState("load");
  problems.push(...recordProblems(env.browser.takeRecord(page)).map((problem) => `after following ${href}: ${problem}`));
  const landed = await page.evaluate(() => ({ lang: document.documentElement.lang, hasMain: Boolean(document.querySelector("main#main")) }));
  if (!landed.hasMain) problems.push(`the first result ${href} leads to a page without <main id="main">`);
  if (landed.lang !== language) problems.push(`the first result ${href} leads to a page in "${landed.lang}", expected "${language}"`);
  return problems;
}

async function resultProblems(page, query, how) {
  try {
    await page.locator("#search-results a").first().waitFor({ timeout: SEARCH_TIMEOUT_MS });
  } catch {
    const status = await page.evaluate(() => document.querySelector("#search-results")?.textContent.trim().slice(0, 120) ?? "no #search-results element");
    return [`${how} "${query}": no result link in #search-results within ${SEARCH_TIMEOUT_MS / 1000} s (${status})`];
  }
  return [];
}

/** Loads `fromUrl`, clicks each of its language switcher links and checks where each lands. */
export async function languageSwitchProblems(env, page, fromUrl) {
  const problems = await loadPage(env, page, fromUrl);
  const targets = await page.evaluate(() => [...document.querySelectorAll("nav.languages a[hreflang]")].map((link) => link.getAttribute("hreflang")));
  if (targets.length === 0) return [...problems, "no nav.languages a[hreflang] link to click"];
  for (const [index, hreflang] of targets.entries()) {
    if (index > 0) problems.push(...(await loadPage(env, page, fromUrl)));
    const link = page.locator(`nav.languages a[hreflang="${hreflang}"]`).first();
    await Promise.all([page.waitForEvent("load", { timeout: NAVIGATION_TIMEOUT_MS }), link.click()]);
    problems.push(...recordProblems(env.browser.takeRecord(page)).map((problem) => `after clicking ${hreflang}: ${problem}`));
    const landed = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
    if (landed.lang !== hreflang) problems.push(`clicking the ${hreflang} link lands on a page in "${landed.lang}" (${page.url()})`);
    else if (landed.dir !== directionOf(hreflang)) problems.push(`clicking the ${hreflang} link lands on a page with dir="${landed.dir}"`);
  }
  return problems;
}
