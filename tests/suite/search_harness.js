// Runs themes/default/static/search.js in node against index files in a folder, with a
// fake page (the elements search.html gives it) and a fetch that reads the folder and
// logs every file asked for. Used by tests/suite/search.rs.
//
// Usage: node search_harness.js <search.js> <index folder> <lang> <json request>
// The request is {"tokenize": [texts], "queries": [queries]}; the answer, on stdout, is
// {"tokenize": [[terms]], "queries": [{status, results: [[href, text]], fetched, more}]}.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [scriptPath, indexDir, lang, requestJson] = process.argv.slice(2);
const request = JSON.parse(requestJson);

function element(attributes) {
  return {
    attributes: attributes || {},
    children: [],
    listeners: {},
    hidden: false,
    _text: "",
    getAttribute(name) { return name in this.attributes ? this.attributes[name] : null; },
    addEventListener(type, listener) { this.listeners[type] = listener; },
    appendChild(child) { this.children.push(child); return child; },
    set textContent(value) { this._text = value; this.children = []; },
    get textContent() { return this._text + this.children.map((child) => child.textContent).join(" "); },
  };
}

const form = element({
  "data-index": "",
  "data-root": "../",
  "data-results-one": "{count} result",
  "data-results-other": "{count} results",
  "data-none": "No results",
  "data-error": "Search failed",
});
const elements = {
  "search-form": form,
  "search-query": element(),
  "search-results": element(),
  "search-status": element(),
  "search-more": element(),
};
let fetched = [];
const context = {
  document: {
    documentElement: { lang },
    getElementById: (id) => elements[id] || null,
    createElement: () => element(),
  },
  location: { search: "" },
  history: { replaceState() {} },
  URLSearchParams,
  Intl,
  Map,
  Set,
  Promise,
  setTimeout,
  clearTimeout,
  fetch: async (url) => {
    const name = url.split("?")[0];
    fetched.push(name);
    const file = path.join(indexDir, name);
    if (!fs.existsSync(file)) return { ok: false, status: 404 };
    const text = fs.readFileSync(file, "utf8");
    return { ok: true, status: 200, json: async () => JSON.parse(text) };
  },
};
context.window = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(scriptPath, "utf8"), context, { filename: scriptPath });

(async () => {
  const api = context.rapporteurSearch;
  const answer = { tokenize: (request.tokenize || []).map((text) => Array.from(api.tokenize(text))), queries: [] };
  for (const query of request.queries || []) {
    fetched = [];
    await api.search(query);
    answer.queries.push({
      status: elements["search-status"].textContent,
      results: elements["search-results"].children.map((li) => [li.children[0].href, li.children[1].textContent]),
      fetched,
      more: !elements["search-more"].hidden,
    });
  }
  process.stdout.write(JSON.stringify(answer));
})().catch((error) => {
  process.stderr.write(String(error && error.stack) + "\n");
  process.exit(1);
});
