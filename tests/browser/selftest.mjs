// Tests of the browser suite itself (node --test tests/browser/selftest.mjs).
//
// The suite is only worth running if it passes a portal that keeps the contract and fails
// one that breaks it, with messages that say what broke. Both portals come from
// lib/fixture-portal.mjs; each run starts the real suite in a child process with Debian's
// Chromium.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writePortal } from "./lib/fixture-portal.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));

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
  } finally {
    rmSync(publicDir, { recursive: true, force: true });
  }
});
