// A small portal that keeps the browser suite's contract, or breaks it on purpose, written
// into a temporary folder for selftest.mjs.
//
// Three languages (one right-to-left), home, search (a small script over a JSON list, as the
// real portal's search works without a server) and contribution pages. The broken one loads
// an image from another host, logs a console error, has Arabic pages without dir="rtl", text
// below AA contrast, a link to a missing page and a link before the skip link.

import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const BASE_URL = "https://example.org/dcf/";
const ROOT = "/dcf/";
const LANGUAGES = { en: "English", fr: "Français", ar: "العربية" };
const WORDS = {
  en: { title: "Community connectivity", search: "Search", skip: "Skip to main content", query: "connectivity" },
  fr: { title: "Connectivité communautaire", search: "Rechercher", skip: "Aller au contenu", query: "connectivité" },
  ar: { title: "الاتصال المجتمعي", search: "بحث", skip: "انتقل إلى المحتوى", query: "الاتصال" },
};

const SEARCH_SCRIPT = `
const query = new URLSearchParams(location.search).get("q") ?? "";
const input = document.getElementById("search-query");
const results = document.getElementById("search-results");
input.value = query;
if (query) {
  fetch(document.documentElement.dataset.index)
    .then((response) => response.json())
    .then((entries) => {
      const list = document.createElement("ul");
      for (const entry of entries.filter((candidate) => candidate.title.toLowerCase().includes(query.toLowerCase()))) {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = entry.url;
        link.textContent = entry.title;
        item.append(link);
        list.append(item);
      }
      results.replaceChildren(list);
    });
}
`;

function prefix(language) {
  return language === "en" ? "" : `${language}/`;
}

function page({ language, rest, title, body, broken, extraHead = "" }) {
  const words = WORDS[language];
  const dir = language === "ar" && !broken ? "rtl" : language === "ar" ? "" : "ltr";
  const dirAttribute = dir ? ` dir="${dir}"` : "";
  const switcher = Object.keys(LANGUAGES)
    .filter((other) => other !== language)
    .map((other) => `<li><a href="${ROOT}${prefix(other)}${rest}" hreflang="${other}" lang="${other}">${LANGUAGES[other]}</a></li>`)
    .join("");
  const beforeSkip = broken && rest === "" && language === "en" ? `<a href="${ROOT}">First</a>` : "";
  return `<!DOCTYPE html>
<html lang="${language}"${dirAttribute}${extraHead}>
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="${ROOT}style.css"></head>
<body>${beforeSkip}<a class="skip" href="#main">${words.skip}</a>
<header>
<nav class="languages" aria-label="${LANGUAGES[language]}: languages"><ul>${switcher}</ul></nav>
<nav class="editions" aria-label="Editions"><ul><li><a href="${ROOT}${prefix(language)}">2025</a></li></ul></nav>
<nav aria-label="Main"><ul><li><a href="${ROOT}${prefix(language)}search/">${words.search}</a></li>
<li><a href="${ROOT}${prefix(language)}contributions/community-networks/">${words.title}</a></li></ul></nav>
</header>
<main id="main">${body}</main>
</body>
</html>
`;
}

/** Writes the portal into a new temporary folder and returns its path. */
export function writePortal({ broken }) {
  const dir = mkdtempSync(join(tmpdir(), "rapporteur-selftest-"));
  const write = (path, text) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const paths = [];
  write("style.css", "body { font-family: sans-serif; color: #1b1f24; background: #fff; } .skip { position: absolute; top: -3rem; } .skip:focus { top: 0.5rem; } :focus-visible { outline: 3px solid #f2a900; } .faint { color: #bbbbbb; }\n");
  write("search.js", SEARCH_SCRIPT);
  for (const language of Object.keys(LANGUAGES)) {
    const words = WORDS[language];
    const home = prefix(language);
    const contribution = `${home}contributions/community-networks/`;
    const search = `${home}search/`;
    let homeBody = `<h1>${words.title}</h1><p><a href="${ROOT}${contribution}">${words.title}</a></p>`;
    if (broken && language === "en") {
      homeBody += `<img src="https://cdn.example.com/pixel.png" alt=""><p class="faint">Faint text</p><p><a href="${ROOT}contributions/gone/">Gone</a></p><script>console.error("boom from the home page")</script>`;
      // On a phone: wider than the screen, and an SVG whose 12-unit text shrinks to 7 px.
      homeBody += `<div style="width: 900px">Wide</div><svg viewBox="0 0 640 100" width="100%"><text x="10" y="50" font-size="12">Shrunk label</text></svg>`;
    }
    // Right to left: a bar chart that is not mirrored, its label in English.
    const contributionBody = broken && language === "ar"
      ? `<h1>${words.title}</h1><svg class="chart chart-bar" id="unmirrored" viewBox="0 0 300 60" width="300"><rect class="bar series-1" x="10" y="10" width="100" height="10"/><rect class="bar series-1" x="10" y="30" width="50" height="10"/><g class="labels"><text x="120" y="20" font-size="14">World</text></g></svg>`
      : `<h1>${words.title}</h1>`;
    write(`${home}index.html`, page({ language, rest: "", title: words.title, body: homeBody, broken }));
    write(`${contribution}index.html`, page({ language, rest: "contributions/community-networks/", title: words.title, body: contributionBody, broken }));
    const searchBody = `<h1>${words.search}</h1><form role="search" action="${ROOT}${search}" method="get"><label for="search-query">${words.search}</label> <input id="search-query" name="q" type="search"> <button>${words.search}</button></form><div id="search-results" aria-live="polite"></div><script src="${ROOT}search.js"></script>`;
    write(`${search}index.html`, page({ language, rest: "search/", title: words.search, body: searchBody, broken, extraHead: ` data-index="${ROOT}search-${language}.json"` }));
    write(`search-${language}.json`, JSON.stringify([{ title: words.title, url: `${ROOT}${contribution}` }]));
    paths.push(home, contribution, search);
  }
  write("404.html", page({ language: "en", rest: "", title: "Not found", body: "<h1>Not found</h1>", broken: false }));
  write("robots.txt", `User-agent: *\nAllow: /\nSitemap: ${BASE_URL}sitemap.xml\n`);
  write("sitemap.xml", `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${paths.map((path) => `<url><loc>${BASE_URL}${path}</loc></url>`).join("\n")}\n</urlset>\n`);
  return dir;
}
