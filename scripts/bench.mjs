// Benchmark (not a test): what a reader downloads and how soon they see the first question,
// for the pyquiz blog embed and for quizdown-js 0.4.1 (the reference a blogger would pick
// instead) holding the same questions, measured side by side in one run. Also the app's own
// first load. Run after a release build: `./scripts/bench.sh`.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve, launch, DIST, ROOT } from '../tests/e2e/harness.mjs';
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

/** A blog on its own origin: the post with either quiz, and quizdown's files. */
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
  };
  const server = createServer((req, res) => {
    const body = pages[new URL(req.url, 'http://x').pathname];
    if (!body) { res.writeHead(404).end(); return; }
    const type = req.url.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/**
 * Opens `url` in a fresh context; returns the ms from navigation to the first question being
 * visible (in the page, a frame or a shadow root), and the gzip bytes of every response.
 */
async function visit(browser, url, { question = true } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = [];
  page.on('response', (r) => bodies.push(r.body().then((b) => gz(b)).catch(() => 0)));
  await page.addInitScript(() => {
    const shown = () => document.querySelector('.question-card .prompt')
      || document.querySelector('.quizdown')?.shadowRoot?.querySelector('h3, .quizdown-content p');
    const check = () => {
      if (shown()) {
        // Wall-clock time, comparable between a page and its iframe.
        const at = performance.timeOrigin + performance.now();
        if (window.top === window) window.__shownAt = at; else window.top.postMessage({ pyquizBench: at }, '*');
      } else requestAnimationFrame(check);
    };
    if (window.top === window) addEventListener('message', (e) => { if (e.data?.pyquizBench) window.__shownAt = e.data.pyquizBench; });
    requestAnimationFrame(check);
  });
  await page.goto(url);
  let ms = 0;
  if (question) {
    await page.waitForFunction(() => window.__shownAt !== undefined, null, { timeout: 20000 });
    ms = await page.evaluate(() => window.__shownAt - performance.timeOrigin);
  }
  await page.waitForLoadState('networkidle');
  const bytes = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
  await context.close();
  return { ms, bytes };
}

const widget = await serve(DIST, { csp: null });
const host = await blog(widget.url);
const browser = await launch();
try {
  console.log(`Same ${ids.length} questions of "${TOPIC}" (single, multi, output) in both, on a blog page of another origin; ${RUNS} cold runs each, interleaved.\n`);
  const base = (await visit(browser, `${host.url}empty.html`, { question: false })).bytes;
  const runs = { pyquiz: [], quizdown: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const name of ['pyquiz', 'quizdown']) runs[name].push(await visit(browser, `${host.url}${name}.html`));
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
  console.log(`\nembed / quizdown: bytes ${(p.bytes / q.bytes).toFixed(2)}× (target ≤ 0.85×), time to first question ${(p.ms / q.ms).toFixed(2)}× (target ≤ 0.60×)`);
  const embed = embedLoad(DIST, TOPIC);
  console.log(`pyquiz embed files (gzip -9 on disk; the browser's count above is what the server sent): ${kb(embed.total)}`);
  for (const f of embed.files) console.log(`  ${f.name.padEnd(36)} ${kb(f.gzip).padStart(10)}`);
  const app = firstLoad(DIST);
  console.log(`app first load (wasm + js + css): ${kb(app.total)} gzip (target ≤ 150 KiB)`);
  for (const f of app.files) console.log(`  ${f.name.padEnd(36)} ${kb(f.gzip).padStart(10)}`);
  const chunks = readdirSync(join(DIST, 'bank')).map((f) => gz(readFileSync(join(DIST, 'bank', f))));
  console.log(`bank chunks: ${chunks.length}, median ${kb(median(chunks))} gzip, largest ${kb(Math.max(...chunks))}`);
} finally {
  await browser.close();
  await host.close();
  await widget.close();
}
