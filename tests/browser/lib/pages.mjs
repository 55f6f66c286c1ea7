// The pages of a built portal, discovered from its sitemap and classified into page kinds.
//
// Nothing is hard-coded: the sitemap lists every page (as absolute URLs under base_url),
// robots.txt names the sitemap (and so gives base_url), and page-kinds.json (shared with
// scripts/weight-report) maps a URL to its kind and language. The portal can change its
// layout without this file changing, as long as the kinds' patterns still match.

import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const PAGE_KINDS = JSON.parse(readFileSync(new URL("../page-kinds.json", import.meta.url), "utf8"));
const PREFIX = new RegExp(PAGE_KINDS.prefix);
const KINDS = PAGE_KINDS.kinds.map(([name, pattern]) => [name, new RegExp(pattern)]);
const RTL_LANGUAGES = new Set(PAGE_KINDS.rtl_languages);

/** Every kind name, in the order of page-kinds.json, then "other". */
export const KIND_NAMES = [...KINDS.map(([name]) => name), "other"];

/** "rtl" for right-to-left languages, else "ltr". */
export function directionOf(language) {
  return RTL_LANGUAGES.has(language.split("-")[0]) ? "rtl" : "ltr";
}

/** base_url as robots.txt states it ("https://example.org/dcf/"). */
export function readBaseUrl(publicDir) {
  const robots = join(publicDir, "robots.txt");
  if (!existsSync(robots)) throw new Error(`${robots} is missing: build the portal first (target/release/rapporteur build)`);
  const line = readFileSync(robots, "utf8")
    .split("\n")
    .find((text) => text.startsWith("Sitemap:") && text.trim().endsWith("sitemap.xml"));
  if (!line) throw new Error(`${robots} has no "Sitemap: <base_url>sitemap.xml" line`);
  return line.slice("Sitemap:".length).trim().slice(0, -"sitemap.xml".length);
}

/** The site paths ("/", "/fr/contributions/x/") of the sitemap, plus "/404.html" when built. */
export function readSitemapPaths(publicDir, baseUrl) {
  const sitemap = readFileSync(join(publicDir, "sitemap.xml"), "utf8");
  const paths = [];
  for (const match of sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)) {
    const url = match[1].trim().replaceAll("&amp;", "&");
    if (!url.startsWith(baseUrl)) throw new Error(`sitemap.xml: ${url} does not start with base_url ${baseUrl}`);
    paths.push("/" + url.slice(baseUrl.length));
  }
  if (existsSync(join(publicDir, "404.html"))) paths.push("/404.html");
  return paths;
}

/** { kind, language } of a site path; language is null for the default language. */
export function classify(path) {
  const prefix = PREFIX.exec(path);
  const rest = path.slice(prefix[0].length);
  const language = prefix[1] ?? null;
  const kind = KINDS.find(([, pattern]) => pattern.test(rest))?.[0] ?? "other";
  return { kind, language };
}

/**
 * The portal's pages: [{ path, kind, language }], language resolved to the default language
 * (the `lang` of the home page) where the URL has no prefix.
 */
export function discoverPages(publicDir) {
  const baseUrl = readBaseUrl(publicDir);
  const homeHtml = readFileSync(join(publicDir, "index.html"), "utf8");
  const defaultLanguage = /<html[^>]*\slang="([^"]+)"/.exec(homeHtml)?.[1] ?? "en";
  const pages = readSitemapPaths(publicDir, baseUrl).map((path) => {
    const { kind, language } = classify(path);
    return { path, kind, language: language ?? defaultLanguage };
  });
  const languages = [defaultLanguage, ...new Set(pages.map((page) => page.language).filter((language) => language !== defaultLanguage))];
  return { baseUrl, basePath: new URL(baseUrl).pathname, defaultLanguage, languages, pages };
}

/** One page of every kind in every language: the first of each in sitemap order. */
export function samplePages(pages) {
  const samples = new Map();
  for (const page of pages) {
    const key = `${page.kind}\u0000${page.language}`;
    if (!samples.has(key)) samples.set(key, page);
  }
  return [...samples.values()].sort(
    (a, b) => KIND_NAMES.indexOf(a.kind) - KIND_NAMES.indexOf(b.kind) || a.language.localeCompare(b.language),
  );
}
