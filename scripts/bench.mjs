// Benchmark (not a test): sizes of what dist/ ships and load time in headless Chromium.
// Run after a release build: `./scripts/bench.sh` (or `node scripts/bench.mjs` with dist/ built).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve, launch, loadBank, DIST } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.RUNS ?? 9);
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const row = (name, raw, gzip) => console.log(`${name.padEnd(34)} ${kb(raw).padStart(11)} ${kb(gzip).padStart(11)}`);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

function sizes() {
  console.log(`${'file'.padEnd(34)} ${'raw'.padStart(11)} ${'gzip -9'.padStart(11)}`);
  const files = readdirSync(DIST).filter((f) => statSync(join(DIST, f)).isFile());
  const group = (test) => files.filter(test).map((f) => readFileSync(join(DIST, f)));
  for (const [name, test] of [
    ['app wasm', (f) => f.endsWith('.wasm')],
    ['app js glue', (f) => f.endsWith('.js') && f !== 'embed.js'],
    ['css (all files)', (f) => f.endsWith('.css')],
    ['index.html', (f) => f === 'index.html'],
    ['embed.js', (f) => f === 'embed.js'],
  ]) {
    const bufs = group(test);
    row(name, bufs.reduce((a, b) => a + b.length, 0), bufs.reduce((a, b) => a + gz(b), 0));
  }
  const chunks = readdirSync(join(DIST, 'bank')).map((f) => ({ f, buf: readFileSync(join(DIST, 'bank', f)) }));
  const raw = chunks.map((c) => c.buf.length);
  const zipped = chunks.map((c) => gz(c.buf));
  row(`bank chunks (${chunks.length}, total)`, raw.reduce((a, b) => a + b, 0), zipped.reduce((a, b) => a + b, 0));
  row('bank chunk, median', median(raw), median(zipped));
  const big = chunks.reduce((a, c) => (c.buf.length > a.buf.length ? c : a));
  row(`bank chunk, largest (${big.f.split('.')[0]})`, big.buf.length, gz(big.buf));
}

/** Loads `path` in fresh contexts; returns the median ms from navigation to `selector` shown. */
async function timeTo(browser, url, selector, bytesOut) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = new Set();
    page.on('response', (r) => seen.add(new URL(r.url()).pathname));
    await page.addInitScript((sel) => {
      new MutationObserver((_, obs) => {
        if (document.querySelector(sel)) { window.__shownAt = performance.now(); obs.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
    }, selector);
    await page.goto(url);
    await page.waitForFunction(() => window.__shownAt !== undefined);
    times.push(await page.evaluate(() => window.__shownAt));
    if (i === 0 && bytesOut) bytesOut.push(...seen);
    await context.close();
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

function downloaded(paths) {
  let raw = 0, zipped = 0;
  for (const p of paths) {
    const file = join(DIST, p === '/' ? 'index.html' : decodeURIComponent(p));
    try { const buf = readFileSync(file); raw += buf.length; zipped += gz(buf); } catch { /* not a dist file */ }
  }
  return { raw, zipped };
}

sizes();
const server = await serve();
const browser = await launch();
const bank = await loadBank();
const ids = [...bank.values()].filter((q) => q.topic === 'scope').slice(0, 5).map((q) => q.id);

const embedPaths = [];
const embed = await timeTo(browser, `${server.url}#/embed?topic=scope&count=5`, '.question-card .prompt', embedPaths);
const bytes = downloaded(embedPaths);
console.log(`\none-topic embed downloads ${embedPaths.length} files: ${kb(bytes.raw)} raw, ${kb(bytes.zipped)} gzip -9`);
const quiz = await timeTo(browser, `${server.url}#/q/${ids.join('.')}`, '.question-card .prompt');
const home = await timeTo(browser, server.url, 'button.start');
const fmt = (t) => `median ${t.median.toFixed(0)} ms (min ${t.min.toFixed(0)}, max ${t.max.toFixed(0)}, ${RUNS} cold runs)`;
console.log(`navigation → first question (share link): ${fmt(quiz)}`);
console.log(`navigation → first question (embed):      ${fmt(embed)}`);
console.log(`navigation → home page ready:             ${fmt(home)}`);
await browser.close();
await server.close();
