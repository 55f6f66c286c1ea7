// A minimal test runner: named checks that return the problems they found.
//
// A check passes when it returns no problems and fails when it returns some or throws.
// Each failure prints its problems indented under its name, so the report reads as a list
// of what to fix; the last line is "N passed, N failed" and the exit status is 1 on any
// failure. Node's own test runner would hide the problem lists in TAP diagnostics.

const MAX_PROBLEMS_SHOWN = 25;

export class Runner {
  constructor() {
    this.passed = 0;
    this.failed = [];
    this.started = Date.now();
  }

  /** Runs `check` (async, returns a list of problem strings) under `name`. */
  async test(name, check) {
    let problems;
    try {
      problems = await check();
    } catch (error) {
      problems = [`threw: ${error.stack ?? error}`];
    }
    if (problems.length === 0) {
      this.passed += 1;
      console.log(`ok    ${name}`);
      return true;
    }
    this.failed.push(name);
    console.log(`FAIL  ${name}`);
    for (const problem of problems.slice(0, MAX_PROBLEMS_SHOWN)) console.log(`      - ${problem.replaceAll("\n", "\n        ")}`);
    if (problems.length > MAX_PROBLEMS_SHOWN) console.log(`      … and ${problems.length - MAX_PROBLEMS_SHOWN} more`);
    return false;
  }

  /** Prints the summary; returns the process exit status. */
  finish() {
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    if (this.failed.length > 0) {
      console.log(`\nFailed checks:`);
      for (const name of this.failed) console.log(`  ${name}`);
    }
    console.log(`\nbrowser suite: ${seconds} s`);
    console.log(`${this.passed} passed, ${this.failed.length} failed`);
    return this.failed.length === 0 ? 0 : 1;
  }
}
