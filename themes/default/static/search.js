// Search without a server: reads the split index written by src/search/ beside the search
// page and fetches only the shards holding the query's terms. Terms are made exactly as
// src/search/tokenize.rs makes them; keep the two in step.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  if (!form || !input || !list || !status || !window.fetch) return;

  var PAGE = 10;
  var PREFIX_SHARDS = 3;
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var BIGRAM = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{3FFFF}]/u;
  var ARTICLES = ["\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0643\u0627\u0644", "\u0641\u0627\u0644", "\u0644\u0644", "\u0627\u0644"];
  var LETTERS = { "\u03C2": "\u03C3", "\u0671": "\u0627", "\u0649": "\u064A", "\u06CC": "\u064A", "\u0629": "\u0647", "\u06A9": "\u0643" };
  var base = form.getAttribute("data-index") || "";
  var root = form.getAttribute("data-root") || "../";
  var files = new Map();
  var manifest = null;
  var latest = 0;
  var shown = [];

  function fold(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/\p{M}|\u0640/gu, "")
      .replace(/[\u03C2\u0671\u0649\u06CC\u0629\u06A9]/g, function (c) { return LETTERS[c]; })
      .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, function (c) {
        var code = c.charCodeAt(0);
        return String(code - (code >= 0x6F0 ? 0x6F0 : 0x660));
      });
  }

  function stripArticle(word) {
    for (var i = 0; i < ARTICLES.length; i++) {
      var rest = word.slice(ARTICLES[i].length);
      if (word.indexOf(ARTICLES[i]) === 0 && Array.from(rest).length >= 2) return rest;
    }
    return word;
  }

  function pushSegment(chars, bigram, terms) {
    if (bigram) {
      if (chars.length === 1) terms.push(chars[0]);
      for (var i = 0; i + 1 < chars.length; i++) terms.push(chars[i] + chars[i + 1]);
    } else if (chars.length >= 2) {
      terms.push(stripArticle(chars.slice(0, 40).join("")));
    }
  }

  function tokenize(text) {
    var terms = [];
    fold(text).split(/[^\p{Alphabetic}\p{N}]+/u).forEach(function (run) {
      var chars = [], bigram = false;
      Array.from(run).forEach(function (c) {
        var isBigram = BIGRAM.test(c);
        if (chars.length && isBigram !== bigram) { pushSegment(chars, bigram, terms); chars = []; }
        bigram = isBigram;
        chars.push(c);
      });
      if (chars.length) pushSegment(chars, bigram, terms);
    });
    return terms;
  }

  function decode(encoded) {
    var numbers = [], value = 0, shift = 0;
    for (var i = 0; i < encoded.length; i++) {
      var digit = ALPHABET.indexOf(encoded[i]);
      value += (digit & 31) * Math.pow(2, shift);
      shift += 5;
      if (digit < 32) { numbers.push(value); value = 0; shift = 0; }
    }
    var postings = new Map(), number = 0;
    for (var j = 0; j + 1 < numbers.length; j += 2) {
      number += numbers[j];
      postings.set(number, numbers[j + 1]);
    }
    return postings;
  }

  function load(name) {
    if (!files.has(name)) {
      var url = base + name + (manifest ? "?v=" + manifest.version : "");
      files.set(name, fetch(url, manifest ? {} : { cache: "no-cache" }).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.json();
      }).catch(function (error) { files.delete(name); throw error; }));
    }
    return files.get(name);
  }

  function shardOf(term) {
    var bounds = manifest.shards, low = 0, high = bounds.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (bounds[middle] <= term) low = middle; else high = middle - 1;
    }
    return low;
  }

  // One query term: its postings (a prefix's terms merged), frequency, and whether cut.
  function lookUp(term, prefix) {
    var first = shardOf(term), last = prefix ? shardOf(term + "\uFFFF") : first;
    if (last - first >= PREFIX_SHARDS) { last = first; prefix = false; }
    var names = [];
    for (var n = first; n <= last; n++) names.push("s" + n + ".json");
    return Promise.all(names.map(load)).then(function (shards) {
      var group = { postings: new Map(), frequency: 0, cut: false };
      shards.forEach(function (shard) {
        Object.keys(shard).forEach(function (key) {
          if (prefix ? key.indexOf(term) !== 0 : key !== term) return;
          var postings = decode(shard[key][1]);
          group.frequency = Math.max(group.frequency, shard[key][0]);
          group.cut = group.cut || shard[key][0] > postings.size;
          postings.forEach(function (weight, number) {
            group.postings.set(number, Math.max(weight, group.postings.get(number) || 0));
          });
        });
      });
      return group;
    });
  }

  // Title hits first, then frequency weighted by rarity; every uncut term is required.
  function rank(groups) {
    var required = groups.filter(function (group) { return !group.cut; }).length;
    var scores = new Map();
    groups.forEach(function (group) {
      var rarity = Math.log(1 + manifest.documents / Math.max(group.frequency, 1));
      group.postings.forEach(function (weight, number) {
        var score = scores.get(number) || { number: number, titles: 0, weight: 0, required: 0 };
        score.titles += weight & 1;
        score.weight += rarity * (1 + (weight >> 1));
        score.required += group.cut ? 0 : 1;
        scores.set(number, score);
      });
    });
    return Array.from(scores.values()).filter(function (score) {
      return score.required === required;
    }).sort(function (a, b) {
      return b.titles - a.titles || b.weight - a.weight || a.number - b.number;
    });
  }

  function describe(count) {
    if (!count) return form.getAttribute("data-none");
    var plural = new Intl.PluralRules(document.documentElement.lang || "en").select(count);
    var message = form.getAttribute("data-results-" + plural) || form.getAttribute("data-results-other");
    return message.replace("{count}", count.toLocaleString(document.documentElement.lang || undefined));
  }

  function item(row) {
    var li = document.createElement("li");
    var link = li.appendChild(document.createElement("a"));
    link.href = root + row[0];
    link.textContent = row[1];
    var meta = li.appendChild(document.createElement("p"));
    meta.className = "meta";
    // The index names what a page is by an id; the page says it in its own language.
    var kind = form.getAttribute("data-kind-" + row[2]) || row[2];
    meta.textContent = kind + (row[3] ? " \u00B7 " + row[3] : "");
    return li;
  }

  function showMore(ticket) {
    var next = shown.slice(list.children.length, list.children.length + PAGE);
    var per = manifest.documents_per_file;
    return Promise.all(next.map(function (score) {
      return load("d" + Math.floor(score.number / per) + ".json").then(function (rows) {
        return rows[score.number % per];
      });
    })).then(function (rows) {
      if (ticket !== latest) return;
      rows.forEach(function (row) { if (row) list.appendChild(item(row)); });
      if (more) more.hidden = list.children.length >= shown.length;
    });
  }

  function search(query) {
    var ticket = ++latest;
    var terms = Array.from(new Set(tokenize(query)));
    var started = manifest ? Promise.resolve(manifest) : load("index.json");
    return started.then(function (loaded) {
      manifest = loaded;
      return Promise.all(terms.map(function (term, i) { return lookUp(term, i === terms.length - 1); }));
    }).then(function (groups) {
      if (ticket !== latest) return;
      shown = groups.length ? rank(groups) : [];
      list.textContent = "";
      status.textContent = query.trim() ? describe(shown.length) : "";
      return showMore(ticket);
    }).catch(function () {
      if (ticket === latest) status.textContent = form.getAttribute("data-error");
    });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 200);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    search(input.value);
  });
  if (more) more.addEventListener("click", function () { showMore(latest); });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; search(initial); }
  window.rapporteurSearch = { tokenize: tokenize, search: search };
})();
