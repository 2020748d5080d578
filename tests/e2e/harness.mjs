// Shared by the end-to-end tests and the benchmark: a static server for dist/, a headless
// Chromium, pages that fail on console errors, and the bank as shipped (to answer questions).
import { createServer } from 'node:http';
import { readFile, readdir, mkdir } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'test-results', 'screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png',
};

/** Serves dist/ on 127.0.0.1 at a free port. */
export async function serve(dir = DIST) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's Chromium, headless, with nothing reaching out to the network. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A page that records console errors, uncaught exceptions and Rust panics; `assertClean()`
 * throws if any happened.
 */
export async function watchedPage(context) {
  const page = await context.newPage();
  const problems = [];
  const watch = (p) => {
    p.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  };
  watch(page);
  page.assertClean = () => {
    if (problems.length) throw new Error(problems.join('\n'));
  };
  return page;
}

export async function shot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
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

/** Every question as shipped, by id, from dist/bank/*.json. */
export async function loadBank() {
  const byId = new Map();
  for (const f of await readdir(join(DIST, 'bank'))) {
    const chunk = JSON.parse(await readFile(join(DIST, 'bank', f), 'utf8'));
    for (const q of chunk.questions) byId.set(q.id, { ...q, topic: chunk.topic });
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
  const el = page.locator('.question-card .prompt');
  await el.waitFor();
  return (await el.getAttribute('id')).replace(/^q-/, '');
}

/**
 * Answers the question on screen with the keyboard only, right or wrong on purpose. `frame` is
 * the iframe to look in when the quiz is embedded (keys always go to the page).
 */
export async function answerWithKeyboard(page, q, { correct = true, frame = page } = {}) {
  const kb = page.keyboard;
  const body = q.body;
  await frame.locator(`.question-card .prompt[id="q-${q.id}"]`).waitFor();
  if (body.type === 'short') {
    await kb.press('Tab'); // from the prompt into the answer field
    await kb.type(correct ? `  ${body.answers[0]} ` : 'definitely wrong');
    await kb.press('Enter');
  } else if (body.type === 'flashcard') {
    await kb.press('Space');
    await frame.locator('.grades').waitFor();
    await kb.press(correct ? '3' : '1'); // Good / Again
  } else {
    const right = body.options.map((o, i) => (o.correct ? i : -1)).filter((i) => i >= 0);
    const wrong = body.options.findIndex((o) => !o.correct);
    const picks = correct ? right : [wrong];
    for (const i of picks) await kb.press(String(i + 1));
    await kb.press('Enter');
  }
}
