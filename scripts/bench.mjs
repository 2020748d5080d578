// Benchmark (not a test): what a reader downloads and how soon they see the first question,
// for the pyquiz blog embed and for quizdown-js 0.4.1 (the reference a blogger would pick
// instead) holding the same questions, measured side by side in one run; where the embed's
// milliseconds go (a timeline from Navigation/Resource Timing and the marks the embed posts);
// the host page's layout shift; a maximum-size own quiz file; Lighthouse for the embed page and
// a host page; the app's and the author page's bytes. Run after a release build:
// `./scripts/bench.sh` (LIGHTHOUSE=0 skips Lighthouse).
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve, sendCompressible, launch, DIST, ROOT } from '../tests/e2e/harness.mjs';
import { embedLoad, firstLoad } from './sizes.mjs';

const RUNS = Number(process.env.RUNS ?? 9);
const TOPIC = process.env.TOPIC ?? 'scope';
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// The same questions for both: the topic's single, multi and output questions, from the bank's
// export (Markdown as authored).
const bank = JSON.parse(execFileSync('cargo', ['run', '-q', '-p', 'bank-compiler', '--bin', 'bank', '--', 'export'], { cwd: ROOT, maxBuffer: 1 << 26 }));
const questions = bank.questions.filter((q) => q.topic === TOPIC && ['single', 'multi', 'output'].includes(q.type));
const ids = questions.map((q) => q.id);

/** quizdown's Markdown dialect for one question (explanations become its answer comments). */
function quizdown(q) {
  const lines = [`### ${q.prompt.trim().split('\n')[0]}`, '', ...q.prompt.trim().split('\n').slice(1)];
  if (q.code) lines.push('', '```python', q.code, '```');
  lines.push('');
  const mark = q.type === 'single' || q.type === 'output' ? '1.' : '-';
  for (const o of q.options) {
    const text = q.type === 'output' ? `\`${o.text.replace(/\n/g, ' ⏎ ')}\`` : o.text;
    lines.push(`${mark} [${o.correct ? 'x' : ' '}] ${text}`);
    if (o.why) lines.push(`    > ${o.why.replace(/\n/g, ' ')}`);
  }
  return lines.join('\n');
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const post = (quiz, head = '') => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A blog post</title><link rel="icon" href="data:,">${head}</head>
<body><article><h1>Scope in Python</h1><p>Closures capture variables, not values. Try the quiz:</p>
${quiz}
<p>Thanks for reading.</p></article></body></html>`;

/**
 * An own quiz file as large as the embed accepts (just under 1,000,000 bytes, 200 questions):
 * the example quiz compiled by the CLI, its questions repeated under new ids with long
 * explanations. The bench reports how soon its first question shows.
 */
function maxQuiz() {
  const dir = mkdtempSync(join(tmpdir(), 'pyquiz-bench-'));
  const out = join(dir, 'q.json');
  execFileSync('cargo', ['run', '-q', '-p', 'bank-compiler', '--bin', 'bank', '--', 'quiz', join(ROOT, 'content/examples/my-quiz.toml'), '-o', out], { cwd: ROOT });
  const quiz = JSON.parse(readFileSync(out, 'utf8'));
  const base = quiz.questions;
  const filler = 'Each call goes through the wrapper, which counts it and then calls the original. ';
  const make = (pad) => ({
    ...quiz,
    questions: Array.from({ length: 200 }, (_, i) => ({
      ...base[i % base.length],
      id: `q-${i + 1}`,
      explanation: [...base[i % base.length].explanation, ['p', filler.repeat(pad).trim()]],
    })),
  });
  let pad = 1;
  while (JSON.stringify(make(pad + 1)).length < 1_000_000) pad++;
  return JSON.stringify(make(pad));
}
const MAX_QUIZ = maxQuiz();

/** A blog on its own origin: the post with either quiz, and quizdown's files, sent gzipped. */
async function blog(widgetUrl) {
  const qd = join(ROOT, 'node_modules', 'quizdown', 'public', 'build');
  const pages = {
    '/empty.html': post(''),
    '/pyquiz.html': post(`<script src="${widgetUrl}embed.js" data-ids="${ids.join('.')}" data-count="${ids.length}" async></script>`),
    '/quizdown.html': post(
      `<div class="quizdown">\n---\nshuffleAnswers: false\n---\n\n${escapeHtml(questions.map(quizdown).join('\n\n'))}\n</div>`,
      '<script src="quizdown.js"></script><script src="quizdownHighlight.js"></script><script src="init.js"></script>',
    ),
    '/quizdown.js': readFileSync(join(qd, 'quizdown.js')),
    '/quizdownHighlight.js': readFileSync(join(qd, 'extensions', 'quizdownHighlight.js')),
    '/init.js': 'quizdown.register(quizdownHighlight).init();',
    '/own.html': post(`<script src="${widgetUrl}embed.js" data-src="max-quiz.json" async></script>`),
    '/max-quiz.json': MAX_QUIZ,
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const body = pages[path];
    if (!body) { res.writeHead(404).end(); return; }
    const type = req.url.endsWith('.js') ? 'text/javascript' : req.url.endsWith('.json') ? 'application/json' : 'text/html; charset=utf-8';
    sendCompressible(req, res, { 'content-type': type, 'cache-control': 'no-store' }, `blog${path}`, body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/**
 * Opens `url` in a fresh context; returns the ms from navigation to the first question being
 * visible (in the page, a frame or a shadow root), the gzip bytes of every response, the host's
 * layout shift while it loads, and the embed's timeline (ms from the host's navigation).
 */
async function visit(browser, url, { question = true } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = [];
  page.on('response', (r) => bodies.push(r.body().then((b) => gz(b)).catch(() => 0)));
  await page.addInitScript(() => {
    const now = () => performance.timeOrigin + performance.now();
    const shown = () => document.querySelector('.question-card .prompt')
      || document.querySelector('.quizdown')?.shadowRoot?.querySelector('h3, .quizdown-content p');
    // The frame's own loading, in wall-clock ms, for the timeline.
    const frameTimes = () => {
      const nav = performance.getEntriesByType('navigation')[0];
      const assets = performance.getEntriesByType('resource').filter((r) => /\.(js|css|wasm)$/.test(r.name));
      return {
        navigation: performance.timeOrigin,
        html: performance.timeOrigin + (nav?.responseEnd ?? 0),
        assets: performance.timeOrigin + Math.max(0, ...assets.map((r) => r.responseEnd)),
      };
    };
    const check = () => {
      if (shown()) {
        if (window.top === window) window.__shownAt = now();
        else window.top.postMessage({ pyquizBench: now(), frame: frameTimes() }, '*');
      } else setTimeout(check, 10);
    };
    if (window.top === window) {
      window.__marks = {};
      window.__shifts = 0;
      addEventListener('message', (e) => {
        if (e.data?.pyquizBench) { window.__shownAt ??= e.data.pyquizBench; window.__frame = e.data.frame; }
        if (e.data?.source === 'pyquiz' && e.data.type === 'mark') window.__marks[e.data.name] ??= e.data.at;
      });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    }
    check();
  });
  await page.goto(url);
  let ms = 0;
  let timeline = null;
  if (question) {
    await page.waitForFunction(() => window.__shownAt !== undefined, null, { timeout: 30000 });
    ms = await page.evaluate(() => window.__shownAt - performance.timeOrigin);
  }
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const host = await page.evaluate(() => {
    const t0 = performance.timeOrigin;
    const embedJs = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/embed.js'));
    const rel = (at) => (at === undefined ? undefined : at - t0);
    const f = window.__frame;
    return {
      shifts: window.__shifts,
      timeline: embedJs && f && {
        'embed.js received': embedJs.responseEnd,
        'iframe navigation': rel(f.navigation),
        'iframe HTML received': rel(f.html),
        'assets received': rel(f.assets),
        'wasm instantiated': rel(window.__marks['wasm-instantiated']),
        'chunk decoded': rel(window.__marks['chunk-decoded']),
        'first render': rel(window.__marks['first-render']),
        'question visible': rel(window.__shownAt),
      },
    };
  });
  timeline = host.timeline;
  const bytes = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
  await context.close();
  return { ms, bytes, cls: host.shifts, timeline };
}

/**
 * Lighthouse 12's performance score and key metrics for `url` (mobile defaults), or why not.
 * Asynchronous: the pages come from servers in this very process.
 */
async function lighthouse(url) {
  try {
    const { stdout: out } = await promisify(execFile)('lighthouse', [url, '--quiet', '--output=json', '--only-categories=performance',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu'], {
      cwd: ROOT, maxBuffer: 1 << 28, env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' },
    });
    const r = JSON.parse(out);
    const a = (k) => r.audits[k]?.numericValue;
    return `performance ${String(Math.round(r.categories.performance.score * 100)).padStart(3)} · FCP ${a('first-contentful-paint').toFixed(0)} ms · LCP ${a('largest-contentful-paint').toFixed(0)} ms · TBT ${a('total-blocking-time').toFixed(0)} ms · CLS ${a('cumulative-layout-shift').toFixed(3)}`;
  } catch (e) {
    return `not measured (${String(e.message).split('\n')[0].slice(0, 120)})`;
  }
}

// Both origins send gzip, as static hosts do: Lighthouse simulates a phone's network from the
// transfer sizes, so an uncompressed server would make every page look slower than served.
const widget = await serve(DIST, { csp: null, gzip: true });
const host = await blog(widget.url);
const browser = await launch();
try {
  console.log(`Same ${ids.length} questions of "${TOPIC}" (single, multi, output) in both, on a blog page of another origin; ${RUNS} cold runs each, interleaved.\n`);
  const base = (await visit(browser, `${host.url}empty.html`, { question: false })).bytes;
  const runs = { pyquiz: [], quizdown: [], own: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const name of ['pyquiz', 'quizdown', 'own']) runs[name].push(await visit(browser, `${host.url}${name}.html`));
  }
  const row = (name) => {
    const bytes = median(runs[name].map((r) => r.bytes)) - base;
    const times = runs[name].map((r) => r.ms);
    return { name, bytes, ms: median(times), min: Math.min(...times), max: Math.max(...times) };
  };
  const p = row('pyquiz');
  const q = row('quizdown');
  for (const r of [p, q]) {
    console.log(`${r.name.padEnd(9)} downloads ${kb(r.bytes).padStart(10)} gzip · first question ${r.ms.toFixed(0).padStart(4)} ms (min ${r.min.toFixed(0)}, max ${r.max.toFixed(0)})`);
  }
  console.log(`\nembed / quizdown: bytes ${(p.bytes / q.bytes).toFixed(2)}× (target ≤ 1.15×), time to first question ${(p.ms / q.ms).toFixed(2)}× (target ≤ 0.25×)`);
  console.log(`host page layout shift while loading, median: pyquiz ${median(runs.pyquiz.map((r) => r.cls)).toFixed(3)}, quizdown ${median(runs.quizdown.map((r) => r.cls)).toFixed(3)} (a whole quiz is checked in tests/e2e/embed-layout.test.mjs)`);
  const own = runs.own.map((r) => r.ms);
  console.log(`own quiz file of ${kb(MAX_QUIZ.length)} (200 questions, the largest the embed accepts) by data-src: first question ${median(own).toFixed(0)} ms (min ${Math.min(...own).toFixed(0)}, max ${Math.max(...own).toFixed(0)})`);
  console.log('\nthe embed\'s timeline, median ms from the host page\'s navigation:');
  const steps = Object.keys(runs.pyquiz.find((r) => r.timeline)?.timeline ?? {});
  for (const step of steps) {
    const xs = runs.pyquiz.map((r) => r.timeline?.[step]).filter((x) => typeof x === 'number');
    console.log(`  ${step.padEnd(22)} ${xs.length ? median(xs).toFixed(0).padStart(5) : '    —'}`);
  }
  const embed = embedLoad(DIST, TOPIC);
  console.log(`pyquiz embed files (gzip -9 on disk; the browser's count above is what the server sent): ${kb(embed.total)}`);
  for (const f of embed.files) console.log(`  ${f.name.padEnd(36)} ${kb(f.gzip).padStart(10)}`);
  const app = firstLoad(DIST);
  const budget = JSON.parse(readFileSync(join(ROOT, 'scripts', 'size-budget.json'), 'utf8'));
  console.log(`app first load (wasm + js + css): ${kb(app.total)} gzip (budget ${kb(budget.app_first_load)})`);
  for (const f of app.files) console.log(`  ${f.name.padEnd(36)} ${kb(f.gzip).padStart(10)}`);
  // What must arrive before Home can paint: the page (with Home pre-rendered), its stylesheets
  // and the theme script in <head>.
  const paint = ['index.html', ...app.files.map((f) => f.name).filter((n) => n.endsWith('.css') || n.startsWith('theme-'))]
    .reduce((a, n) => a + gz(readFileSync(join(DIST, n))), 0);
  console.log(`before Home's first paint: ${kb(paint)} gzip (index.html with Home pre-rendered, the CSS, theme.js); the wasm follows`);
  const chunks = readdirSync(join(DIST, 'bank')).map((f) => gz(readFileSync(join(DIST, 'bank', f))));
  console.log(`bank chunks: ${chunks.length}, median ${kb(median(chunks))} gzip, largest ${kb(Math.max(...chunks))}`);
  const author = readdirSync(join(DIST, 'author')).map((f) => gz(readFileSync(join(DIST, 'author', f))));
  console.log(`author page (its own wasm with the compiler): ${kb(author.reduce((a, b) => a + b, 0))} gzip`);
  if (process.env.LIGHTHOUSE !== '0') {
    console.log('\nLighthouse 12 (mobile, gzip-served, median of 3; a busy machine lowers performance through TBT):');
    // Each page's median of three runs, by score.
    const median3 = async (url) => {
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await lighthouse(url));
      // By score; a run that failed is left out (of two, the lower counts).
      const score = (r) => Number(r.match(/^performance\s+(\d+)/)?.[1] ?? -1);
      const measured = runs.filter((r) => score(r) >= 0).sort((a, b) => score(a) - score(b));
      return measured.length ? measured[Math.floor((measured.length - 1) / 2)] : runs[0];
    };
    console.log(`  embed page   ${await median3(`${widget.url}embed/#topic=${TOPIC}&count=5`)}`);
    // The same page from a server that does not compress, as earlier runs of this bench measured.
    const plain = await serve(DIST, { csp: null });
    console.log(`  embed page   ${await median3(`${plain.url}embed/#topic=${TOPIC}&count=5`)} (served uncompressed)`);
    await plain.close();
    console.log(`  host page    ${await median3(`${host.url}pyquiz.html`)}`);
    console.log(`  quizdown     ${await median3(`${host.url}quizdown.html`)}`);
    // The app's first screens: Home is pre-rendered, a quiz link waits for the wasm and its chunk.
    const quiz = ids.slice(0, 5).join('.');
    console.log(`  app home     ${await median3(widget.url)}`);
    console.log(`  app quiz     ${await median3(`${widget.url}#/q/${quiz}`)} (a shared link)`);
  }
} finally {
  await browser.close();
  await host.close();
  await widget.close();
}
