// Tests of the browser suite itself (node --test tests/browser/selftest.mjs).
//
// The suite is only worth running if it passes a portal that keeps the contract and fails
// one that breaks it, with messages that say what broke. Both portals come from
// lib/fixture-portal.mjs; each run starts the real suite in a child process with Debian's
// Chromium. The same portal checks scripts/weight-report and the screenshots script.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writePortal } from "./lib/fixture-portal.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const WEIGHT_REPORT = join(HERE, "..", "..", "scripts", "weight-report");

/** Runs the suite on `publicDir`: { status, outcomes: Map(name → "ok"|"FAIL"), output }. */
function runSuite(publicDir) {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(HERE, "run.mjs"), publicDir], { env: { ...process.env, BROWSER_TABS: "2" }, timeout: 180_000 }, (error, stdout) => {
      const outcomes = new Map();
      for (const line of stdout.split("\n")) {
        const match = /^(ok|FAIL) {2,4}(.*)$/.exec(line);
        if (match) outcomes.set(match[2], match[1]);
      }
      resolve({ status: error ? error.code : 0, outcomes, output: stdout });
    });
  });
}

function outcome(run, namePrefix) {
  const entries = [...run.outcomes].filter(([name]) => name.startsWith(namePrefix));
  assert.ok(entries.length > 0, `no check named "${namePrefix}…" in:\n${run.output}`);
  return entries.every(([, result]) => result === "ok") ? "ok" : "FAIL";
}

test("a portal that keeps the contract passes every check but the kinds it does not build", async () => {
  const publicDir = writePortal({ broken: false });
  try {
    const run = await runSuite(publicDir);
    const failed = [...run.outcomes].filter(([, result]) => result === "FAIL").map(([name]) => name);
    assert.deepEqual(failed, ["sitemap: every page kind is built"], run.output);
    assert.equal(run.status, 1);
    for (const name of ["search in en", "search in fr", "search in ar", "switch language by clicking from the ar home page", "keyboard and axe (WCAG 2.1 A/AA): home [ar] /ar/", "every home page (3, en fr ar)"]) {
      assert.equal(outcome(run, name), "ok", name);
    }
    assert.match(run.output, /^\d+ passed, 1 failed$/m);
  } finally {
    rmSync(publicDir, { recursive: true, force: true });
  }
});

test("a portal that breaks the contract fails with messages naming what broke", async () => {
  const publicDir = writePortal({ broken: true });
  try {
    const run = await runSuite(publicDir);
    assert.equal(run.status, 1);
    assert.equal(outcome(run, "every home page"), "FAIL");
    assert.match(run.output, /request left 127\.0\.0\.1: https:\/\/cdn\.example\.com\/pixel\.png: \//);
    assert.match(run.output, /console error: boom from the home page/);
    assert.doesNotMatch(run.output, /console error: .*ERR_BLOCKED_BY_CLIENT/);
    assert.match(run.output, /<html dir="">, expected dir="rtl": /);
    assert.match(run.output, /broken link: \/dcf\/contributions\/gone\/: \//);
    assert.equal(outcome(run, "keyboard and axe (WCAG 2.1 A/AA): home [en] /"), "FAIL");
    assert.match(run.output, /keyboard: the first Tab focuses <a href="\/dcf\/">First<\/a>, expected the skip link a\.skip/);
    assert.match(run.output, /axe color-contrast \(serious\)/);
    assert.equal(outcome(run, "keyboard and axe (WCAG 2.1 A/AA): contribution [en]"), "ok");
    assert.equal(outcome(run, "search in fr"), "ok");
    assert.match(run.output, /- the page scrolls sideways: \d+ px wide at 390 px \(div/);
    assert.match(run.output, /1 SVG text\(s\) under 11 px, the smallest "Shrunk label" at \d\.\d px/);
    assert.match(run.output, /bar chart #unmirrored is not mirrored/);
    assert.match(run.output, /bar chart #unmirrored has labels in English: "World"/);
    assert.equal(outcome(run, "phone 390×844: home [fr]"), "ok");
  } finally {
    rmSync(publicDir, { recursive: true, force: true });
  }
});

/** Runs `file` with `args`: { status, stdout, stderr }. */
function run(file, args) {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: 120_000 }, (error, stdout, stderr) => resolve({ status: error ? error.code : 0, stdout, stderr }));
  });
}

test("the weight report passes a light portal and fails a contribution page over 15 KB", async () => {
  const publicDir = writePortal({ broken: false });
  try {
    const light = await run(WEIGHT_REPORT, [publicDir]);
    assert.equal(light.status, 0, light.stdout + light.stderr);
    assert.match(light.stdout, /^contribution +3 +[0-9.]+ KB +[0-9.]+ KB \(1\) +[0-9.]+ KB +15 KB {2}\/ar\/contributions\/community-networks\/$/m);

    // 40,000 random hex digits compress to about 20 KB.
    const filler = Array.from({ length: 5000 }, () => Math.floor(Math.random() * 0xffffffff).toString(16).padStart(8, "0")).join("");
    const file = join(publicDir, "fr/contributions/community-networks/index.html");
    writeFileSync(file, readFileSync(file, "utf8").replace("</main>", `<p>${filler}</p></main>`));
    const heavy = await run(WEIGHT_REPORT, [publicDir]);
    assert.equal(heavy.status, 1, heavy.stdout + heavy.stderr);
    assert.match(heavy.stdout, /^contribution .* \/fr\/contributions\/community-networks\/ {2}OVER BUDGET$/m);
    assert.match(heavy.stdout, /^error: the heaviest contribution page is over its budget of 15 KB$/m);
  } finally {
    rmSync(publicDir, { recursive: true, force: true });
  }
});

test("the screenshots script writes the five pictures at their sizes", async () => {
  const publicDir = writePortal({ broken: false });
  const outputDir = mkdtempSync(join(tmpdir(), "rapporteur-shots-"));
  try {
    const shots = await run(process.execPath, [join(HERE, "screenshots.mjs"), publicDir, outputDir]);
    assert.equal(shots.status, 0, shots.stdout + shots.stderr);
    const sizes = Object.fromEntries(
      readdirSync(outputDir)
        .sort()
        .map((name) => {
          const png = readFileSync(join(outputDir, name));
          return [name, `${png.readUInt32BE(16)}×${png.readUInt32BE(20)}`];
        }),
    );
    assert.deepEqual(sizes, {
      "home-ar.png": "1280×900",
      "home-en-mobile.png": "390×844",
      "home-en.png": "1280×900",
      "home-fr.png": "1280×900",
      "search.png": "1280×900",
    });
  } finally {
    rmSync(publicDir, { recursive: true, force: true });
    rmSync(outputDir, { recursive: true, force: true });
  }
});
