// Shared by the end-to-end tests and the benchmark: a static server for dist/ that sends the
// strict Content-Security-Policy the README recommends, a headless Chromium, pages that fail on
// console errors (CSP violations included), axe checks, and the bank as shipped.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, readdir, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'test-results', 'screenshots');

/** The policy dist/ must run under with zero violations (also in the README). */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json',
};

/** What static hosts compress (images are compressed already). */
const COMPRESSED = new Set(['.html', '.js', '.css', '.wasm', '.json', '.svg', '.webmanifest']);

/** Compressed once per content, as a host's cache would: not on every request. */
const GZIPPED = new Map();
function gzipped(key, body) {
  const hit = GZIPPED.get(key);
  if (hit?.body.equals(body)) return hit.gz;
  const gz = gzipSync(body, { level: 9 });
  GZIPPED.set(key, { body, gz });
  return gz;
}

/**
 * Answers 200 with `body` as a static host sends text and wasm: gzip-compressed (once per `key`
 * and content) when the browser accepts it, and `Vary: accept-encoding` either way.
 */
export function sendCompressible(req, res, headers, key, body) {
  const out = { ...headers, vary: 'accept-encoding' };
  if (!/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    res.writeHead(200, out).end(body);
    return;
  }
  res.writeHead(200, { ...out, 'content-encoding': 'gzip' }).end(gzipped(key, Buffer.from(body)));
}

/**
 * Serves `dir` on 127.0.0.1 at a free port, with the CSP on every response. `offline()` makes
 * every request fail until `online()`, like a network that went away. With `gzip`, text and
 * wasm go out gzip-compressed to a browser that accepts it, as static hosts send them (the
 * benchmark's Lighthouse runs simulate a phone's network from these transfer sizes).
 */
export async function serve(dir = DIST, { csp = CSP, host = '127.0.0.1', gzip = false } = {}) {
  let down = false;
  const requests = [];
  let root = dir;
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (down) { req.socket.destroy(); return; }
    const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
      if (csp) headers['content-security-policy'] = csp;
      if (gzip && COMPRESSED.has(extname(file))) sendCompressible(req, res, headers, file, body);
      else res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, host, ok));
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${server.address().port}/`,
    port: server.address().port,
    requests,
    /** Serves another folder from now on, at the same origin (a new deploy). */
    setRoot: (next) => { root = next; },
    offline: () => { down = true; },
    online: () => { down = false; },
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

/** Debian's Chromium, headless, with nothing reaching out to the network. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Chromium's own advice about trunk's preload links, not a problem of the app. */
const HARMLESS = [/integrity.*attribute is currently ignored for preload/];

/**
 * A page that records console errors, uncaught exceptions, Rust panics and CSP violations (in
 * the page and its frames); `assertClean()` throws if any happened.
 */
export async function watchedPage(context, { allow = [] } = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    const text = m.text();
    if (HARMLESS.some((r) => r.test(text)) || allow.some((r) => r.test(text))) return;
    if (m.type() === 'error' || /Content Security Policy/i.test(text)) problems.push(`console ${m.type()}: ${text}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  // Home arrives pre-rendered and the wasm hydrates it: opening or reloading a page waits for
  // that, as a learner's first click on anything but a topic box does. `{ hydrated: false }`
  // looks at the page before.
  for (const [name, at] of [['goto', 1], ['reload', 0]]) {
    const original = page[name].bind(page);
    page[name] = async (...args) => {
      const { hydrated = true, ...options } = args[at] ?? {};
      args[at] = options;
      const response = await original(...args);
      if (hydrated) await page.locator('#app[data-prerendered]').waitFor({ state: 'detached' });
      return response;
    };
  }
  page.problems = problems;
  page.assertClean = () => {
    if (problems.length) throw new Error(problems.join('\n'));
  };
  return page;
}

/**
 * Writes what the app has not saved yet, as it does when the page is hidden or left: saves are
 * debounced, and a test must not guess how long that takes on a busy machine.
 */
export async function flushSaves(page) {
  await page.evaluate(() => dispatchEvent(new Event('pagehide')));
}

export async function shot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.x A and AA rules) in `frame`; throws on any violation. */
export async function assertAccessible(frame, label) {
  // Evaluated through the DevTools protocol, which the page's CSP does not restrict.
  if (!(await frame.evaluate(() => typeof window.axe !== 'undefined'))) await frame.evaluate(AXE);
  const result = await frame.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    rules: { region: { enabled: false } },
  }));
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\n/g, ' ')).join('\n    ')}`);
  if (found.length) throw new Error(`axe on ${label}:\n  ${found.join('\n  ')}`);
}

/**
 * Registers the file's setup: the server, one browser and the bank, shared by its tests. The
 * returned object is filled in before the first test runs.
 */
export function useBrowser() {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.browser = await launch();
    env.bank = await loadBank();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * The text of rich text as shipped (`["p", "Use ", ["code", "is"]]` and so on, see
 * crates/bank-format/src/rich_json.rs): what a reader sees, paragraphs on lines of their own.
 */
export function plain(rich) {
  const text = (node) => {
    if (typeof node === 'string') return node;
    const [tag, ...rest] = node;
    return (tag === 'a' ? rest.slice(1) : rest).map(text).join('');
  };
  return (rich ?? []).map(text).join('\n');
}

/**
 * Every question as shipped, by id, from dist/bank/*.json, its rich text as plain text and its
 * type's fields gathered for the tests: `body: { type, options, answers, … }`.
 */
export async function loadBank() {
  const byId = new Map();
  for (const f of await readdir(join(DIST, 'bank'))) {
    const chunk = JSON.parse(await readFile(join(DIST, 'bank', f), 'utf8'));
    for (const q of chunk.questions) {
      const options = q.options?.map((o) => ({ ...o, text: plain(o.text), why: o.why && plain(o.why) }));
      const body = { type: q.type, options, answers: q.answers, prose: q.prose, answer: plain(q.answer), checklist: q.checklist?.map(plain) };
      const text = { prompt: plain(q.prompt), code: plain(q.code), hint: q.hint && plain(q.hint), explanation: plain(q.explanation) };
      byId.set(q.id, { ...q, ...text, topic: chunk.topic, body });
    }
  }
  return byId;
}

/** The ids of the first `n` questions of one type, in bank order. */
export function idsOfType(bank, type, n = Infinity) {
  return [...bank.values()].filter((q) => q.body.type === type).slice(0, n).map((q) => q.id);
}

/** One id of each type, for quizzes that exercise every kind of question. */
export function oneOfEachType(bank) {
  return ['single', 'multi', 'output', 'short', 'flashcard'].map((type) => idsOfType(bank, type, 1)[0]);
}

/** The id of the question on screen, from the prompt element's id. */
export async function currentId(page) {
  const el = page.locator('.question-card .prompt').first();
  await el.waitFor();
  return (await el.getAttribute('id')).replace(/^prompt-/, '');
}

/** Positions of the right options (0-based), as shown. */
export function rightPositions(q) {
  return q.body.options.map((o, i) => (o.correct ? i : -1)).filter((i) => i >= 0);
}

/**
 * Answers the question on screen with the keyboard only, right or wrong on purpose. `frame` is
 * the iframe to look in when the quiz is embedded (keys always go to the page).
 */
export async function answerWithKeyboard(page, q, { correct = true, frame = page } = {}) {
  const kb = page.keyboard;
  const body = q.body;
  await frame.locator(`.question-card .prompt[id="prompt-${q.id}"]`).waitFor();
  if (body.type === 'short') {
    // The answer box has focus as soon as the question appears.
    await frame.locator('.short-input:focus').waitFor();
    await kb.type(correct ? `  ${body.answers[0]} ` : 'definitely wrong');
    await kb.press('Enter');
  } else if (body.type === 'flashcard') {
    await kb.press('Space');
    await frame.locator('.grades').waitFor();
    await kb.press(correct ? '3' : '1'); // Good / Again
    await frame.locator('.grade[aria-pressed="true"]').waitFor();
  } else {
    const wrong = body.options.findIndex((o) => !o.correct);
    const picks = correct ? rightPositions(q) : [wrong];
    for (const i of picks) await kb.press(String(i + 1));
    await kb.press('Enter');
  }
}

/** Waits until question `id` is the one on screen (moving on re-renders asynchronously). */
export async function expectQuestion(page, id, frame = page) {
  await frame.locator(`.question-card .prompt[id="prompt-${id}"]`).waitFor({ timeout: 5000 });
}

/**
 * What sticks out of `container` (a locator): the elements matching `selector` inside it whose
 * box leaves the container's box by more than half a pixel, as "tag 'text'" strings.
 */
export async function sticksOut(container, selector) {
  return container.evaluate((box, sel) => {
    const outer = box.getBoundingClientRect();
    return [...box.querySelectorAll(sel)].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.left < outer.left - 0.5 || r.right > outer.right + 0.5
        || r.top < outer.top - 0.5 || r.bottom > outer.bottom + 0.5;
    }).map((el) => `${el.tagName} '${el.textContent.trim().slice(0, 40)}'`);
  }, selector);
}

/** How many pixels the page is wider than the window (0 or less: no horizontal scrolling). */
export async function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Opens a quiz link as someone it was shared with: a quiz that is not the learner's own first
 * shows a card saying what it is, with Start; this presses Start when the card is there (the
 * learner's own running or unfinished quiz goes straight on) and waits for the quiz.
 */
export async function openQuiz(page, url) {
  await page.goto(url);
  const start = page.locator('.quiz-intro .start-shared');
  await page.locator('.quiz-intro .start-shared, .q-heading').first().waitFor({ timeout: 15_000 });
  if (await start.count()) await start.click();
  await page.locator('.q-heading').waitFor();
}
