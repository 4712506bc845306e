// Runs browser scenarios in headless Chromium for tests/it/browser.rs (and the README
// screenshots). One scenario is a list of steps in one tab; the script reports what the page
// showed, what it logged and how long things took, and the Rust test decides pass or fail.
//
//   node drive.mjs SCENARIOS.json   → one JSON document on standard output
//
// SCENARIOS.json: {"chromium": PATH, "modules": DIR (holds node_modules), "scenarios":
// [{"name": ..., "steps": [STEP, ...]}]}. Steps (one key names the action):
//   {"open": URL}                       load URL; reports the page (url, lang, title, h1)
//   {"click": CSS}                      click, wait for the navigation it starts; reports the page
//   {"type": CSS, "text": T}            type T into the element
//   {"viewport": {"width", "height"}}   resize the tab
//   {"axe": true}                       axe-core scan of the page: its violations
//   {"write": PATH, "text": T}          write T to PATH (the clock for the next waits starts)
//   {"wait": {"title"|"text": T} | {"selector"|"gone": CSS}, "timeout_ms": N}
//                                       poll the page until it holds; reports ms since the
//                                       last write and the navigations seen meanwhile
//   {"screenshot": PATH, "full_page": B} a PNG of the page
// Console errors, uncaught exceptions, failed requests and HTTP errors of the whole scenario
// are reported in "errors"; a step that throws or a wait that times out ends the scenario
// with "error" set.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const require = createRequire(join(spec.modules, 'package.json'));
const puppeteer = require('puppeteer-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** The longest a whole run may take. */
const WATCHDOG_MS = 300_000;

/** What a step reports about the page it is on. */
async function pageState(page) {
  return page.evaluate(() => ({
    url: location.href,
    lang: document.documentElement.lang,
    title: document.title,
    h1: document.querySelector('h1')?.textContent.trim() ?? null,
  }));
}

/** Whether `until` holds in the page now; false while the page is between documents. */
async function holds(page, until) {
  try {
    return await page.evaluate((u) => {
      if (u.title !== undefined) return document.title.includes(u.title);
      if (u.text !== undefined) return (document.body?.innerText ?? '').includes(u.text);
      if (u.selector !== undefined) return document.querySelector(u.selector) !== null;
      if (u.gone !== undefined) return document.readyState !== 'loading' && document.querySelector(u.gone) === null;
      throw new Error('unknown wait condition ' + JSON.stringify(u));
    }, until);
  } catch (e) {
    if (String(e).includes('unknown wait condition')) throw e;
    return false; // the document was replaced mid-evaluation: ask the next one
  }
}

/** The axe-core violations of the page: rule, impact, help and the failing elements. */
async function axeScan(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** Run one step; returns what it reports. `clock` holds the time of the last write. */
async function runStep(page, step, clock) {
  if (step.open !== undefined) {
    await page.goto(step.open, { waitUntil: 'load' });
    return pageState(page);
  }
  if (step.click !== undefined) {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(step.click)]);
    return pageState(page);
  }
  if (step.type !== undefined) {
    await page.type(step.type, step.text);
    return {};
  }
  if (step.viewport !== undefined) {
    await page.setViewport(step.viewport);
    return {};
  }
  if (step.axe !== undefined) return { violations: await axeScan(page) };
  if (step.write !== undefined) {
    writeFileSync(step.write, step.text);
    clock.written = performance.now();
    clock.navigations = 0;
    return {};
  }
  if (step.wait !== undefined) {
    const limit = step.timeout_ms ?? 10000;
    const start = performance.now();
    while (!(await holds(page, step.wait))) {
      if (performance.now() - start > limit) {
        const now = await pageState(page).catch(() => ({}));
        throw new Error(`wait ${JSON.stringify(step.wait)}: not seen within ${limit} ms; the page shows ${JSON.stringify(now)}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    const ms = Math.round(performance.now() - (clock.written ?? start));
    return { ms, navigations: clock.navigations, ...(await pageState(page)) };
  }
  if (step.screenshot !== undefined) {
    await page.screenshot({ path: step.screenshot, fullPage: step.full_page ?? false });
    return {};
  }
  throw new Error('unknown step ' + JSON.stringify(step));
}

/** Run one scenario in a fresh tab. */
async function runScenario(browser, scenario) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const errors = [];
  const clock = { navigations: 0 };
  page.on('console', (m) => { if (m.type() === 'error') errors.push({ kind: 'console', text: m.text(), url: m.location()?.url ?? '' }); });
  page.on('pageerror', (e) => errors.push({ kind: 'exception', text: String(e), url: page.url() }));
  page.on('requestfailed', (r) => errors.push({ kind: 'request', text: r.failure()?.errorText ?? 'failed', url: r.url() }));
  page.on('response', (r) => { if (r.status() >= 400) errors.push({ kind: 'http', text: String(r.status()), url: r.url() }); });
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) clock.navigations += 1; });
  const steps = [];
  let error = null;
  for (const step of scenario.steps) {
    try {
      steps.push(await runStep(page, step, clock));
    } catch (e) {
      error = `step ${steps.length + 1} ${JSON.stringify(step).slice(0, 200)}: ${e.message ?? e}`;
      break;
    }
  }
  await page.close();
  return { name: scenario.name, steps, errors, error };
}

const browser = await puppeteer.launch({
  executablePath: spec.chromium,
  // Chromium refuses its sandbox to root (CI runs as root).
  args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  protocolTimeout: 60_000,
});
// A hung page must not hang the test run: give up, and take the browser down with us.
const watchdog = setTimeout(() => {
  console.error(`drive.mjs: gave up after ${WATCHDOG_MS / 1000} s`);
  browser.process()?.kill('SIGKILL');
  process.exit(3);
}, WATCHDOG_MS);
watchdog.unref();
try {
  const results = [];
  for (const s of spec.scenarios) results.push(await runScenario(browser, s));
  process.stdout.write(JSON.stringify({ scenarios: results }) + '\n');
} finally {
  await browser.close();
}
