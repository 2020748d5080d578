// The post around an embed must not jump: the host page's cumulative layout shift over a whole
// three-question quiz stays under Google's "good" limit of 0.1, measured with a layout-shift
// PerformanceObserver on a blog page of another origin, and the frame never shrinks between
// questions (it shrinks only to the one line an embed with nothing to show draws).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, watchedPage, serve, answerWithKeyboard, currentId } from './harness.mjs';

const env = useBrowser();
let blog;
let dir;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pyquiz-cls-'));
  blog = await serve(dir, { csp: null });
});
after(() => blog?.close());

const PARA = `<p>${'Closures capture variables, not values, which is why a loop of lambdas surprises people. '.repeat(5)}</p>`;

/** A post with text above and below one embed, recording every layout shift and the frame's heights. */
async function post(name, attrs) {
  await writeFile(join(dir, name), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="data:,">
<script>
  window.shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.shifts.push({ value: e.value, at: e.startTime, input: e.hadRecentInput });
  }).observe({ type: 'layout-shift', buffered: true });
  window.heights = [];
  new MutationObserver(() => {
    const f = document.querySelector('iframe');
    if (f && window.heights.at(-1) !== f.style.height) window.heights.push(f.style.height);
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['style'], childList: true });
</script></head>
<body style="max-width: 720px; margin: 0 auto; font: 18px/1.6 Georgia, serif">
<h1>Scope in Python</h1>${PARA}
<script src="${env.server.url}embed.js" ${attrs}></script>
${PARA.repeat(6)}</body></html>`);
  return `${blog.url}${name}`;
}

/** CLS as Chrome reports it: the largest session window (shifts < 1 s apart, ≤ 5 s long), input-driven shifts left out. */
function cls(shifts) {
  let max = 0;
  let sum = 0;
  let start = -Infinity;
  let last = -Infinity;
  for (const s of shifts.filter((x) => !x.input)) {
    if (s.at - last < 1000 && s.at - start < 5000) sum += s.value;
    else { sum = s.value; start = s.at; }
    last = s.at;
    max = Math.max(max, sum);
  }
  return max;
}

const px = (h) => Number.parseFloat(h);

test('a three-question quiz keeps the host page steady (CLS < 0.1) and its frame never shrinks', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await watchedPage(context);
  await page.goto(await post('quiz.html', 'data-topic="scope" data-count="3" data-title="Quiz on scope"'));
  const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
  await frame.locator('.question-card').waitFor();
  for (let i = 0; i < 3; i++) {
    await frame.locator('.q-heading', { hasText: `Question ${i + 1} of 3` }).waitFor();
    const id = await currentId(frame);
    await frame.locator('.q-heading').focus();
    await answerWithKeyboard(page, env.bank.get(id), { frame, correct: i !== 1 });
    await frame.locator('.feedback, .flashcard.revealed').first().waitFor();
    // Past the 500 ms after input that Chrome leaves out of CLS: late shifts must count.
    await page.waitForTimeout(700);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(700);
  }
  await frame.locator('.embed-done').waitFor();
  await page.waitForTimeout(700);
  const { shifts, heights } = await page.evaluate(() => ({ shifts: window.shifts, heights: window.heights }));
  const score = cls(shifts);
  assert.ok(score < 0.1, `host CLS ${score.toFixed(3)}: ${JSON.stringify(shifts)}`);
  const sizes = heights.map(px);
  assert.ok(sizes.length >= 1 && sizes[0] >= 560, `reserved up front: ${heights}`);
  for (let i = 1; i < sizes.length; i++) assert.ok(sizes[i] >= sizes[i - 1], `never shrinks: ${heights}`);
  // "Try again" after the long review: the frame goes back to the question's size (the
  // reader's click keeps that out of the layout-shift score).
  const tallest = Math.max(...sizes);
  await frame.getByRole('button', { name: 'Try again' }).click();
  await frame.locator('.q-heading', { hasText: 'Question 1 of 3' }).waitFor();
  await page.waitForFunction((max) => Number.parseFloat(document.querySelector('iframe').style.height) < max, tallest);
  page.assertClean();
  await context.close();
});

test('data-height reserves what the author asks; an embed with nothing to show shrinks to its one line', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await watchedPage(context);
  await page.goto(await post('tall.html', 'data-ids="scp-01" data-height="900"'));
  const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
  await frame.locator('.question-card').waitFor();
  assert.equal(await page.locator('iframe').evaluate((f) => f.style.height), '900px');

  await page.goto(await post('nothing.html', 'data-ids="NOT!VALID"'));
  const empty = await (await page.locator('iframe').elementHandle()).contentFrame();
  await empty.locator('.link-error').waitFor();
  await page.waitForFunction(() => Number.parseFloat(document.querySelector('iframe').style.height) < 200);
  page.assertClean();
  await context.close();
});

test('data-theme="inherit" reads the host\'s text colour even when the page writes it in oklch()', async () => {
  await writeFile(join(dir, 'oklch.html'), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Dark post</title><link rel="icon" href="data:,"></head>
<body style="background: #111; margin: 0"><div style="color: oklch(0.93 0.01 90)">
<script src="${env.server.url}embed.js" data-ids="scp-01" data-theme="inherit"></script></div></body></html>`);
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  await page.goto(`${blog.url}oklch.html`);
  const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
  await frame.locator('.question-card').waitFor();
  const look = await frame.evaluate(() => ({ theme: document.documentElement.dataset.theme, color: getComputedStyle(document.body).color }));
  assert.equal(look.theme, 'dark', 'light text on the host: the dark palette');
  const [r, g, b] = look.color.match(/\d+/g).map(Number);
  assert.ok(r > 200 && g > 200 && b > 190, `the host's light text: ${look.color}`);
  assert.equal(await page.locator('iframe').evaluate((f) => f.style.colorScheme), 'dark');
  page.assertClean();
  await context.close();
});
