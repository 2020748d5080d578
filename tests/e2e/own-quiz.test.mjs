// A blogger's own quiz, end to end, as the README's "Your own questions" walks it: the author
// page compiles the template (the same bytes as the CLI), the file is downloaded, a blog on
// another origin embeds it with data-src and inline, and a reader's answers reach the host.
// Then hostile quiz files: nothing in them may run, load or render as markup, with and without
// the strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, watchedPage, serve, shot, plain, answerWithKeyboard, assertAccessible, DIST, ROOT } from './harness.mjs';

const env = useBrowser();
let blogDir;
let blog;
let openWidget; // the widget served without any CSP

before(async () => {
  blogDir = await mkdtemp(join(tmpdir(), 'pyquiz-blog-'));
  blog = await serve(blogDir, { csp: null });
  openWidget = await serve(DIST, { csp: null });
});
after(async () => {
  await blog?.close();
  await openWidget?.close();
});

/** A quiz file's question as the keyboard helper reads bank questions. */
function asTestQuestion(q) {
  const options = q.options?.map((o) => ({ ...o, text: plain(o.text) }));
  return { ...q, body: { type: q.type, options, answers: q.answers } };
}

/** The CLI's output for `file`: what the author page must reproduce byte for byte. */
function compileWithCli(file) {
  const out = join(blogDir, 'cli.json');
  execFileSync('cargo', ['run', '-q', '-p', 'bank-compiler', '--bin', 'bank', '--', 'quiz', file, '-o', out], { cwd: ROOT, stdio: 'pipe' });
  return readFile(out, 'utf8');
}

/** A blog post with quizzes embedded by `tags`, logging every pyquiz event. */
async function writePost(name, widgetUrl, tags) {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="data:,"></head>
<body><main><h1>My library, explained</h1>
${tags(widgetUrl)}
<ol id="events"></ol>
<script>
  for (const name of ['pyquiz:answered', 'pyquiz:completed', 'pyquiz:error']) {
    document.addEventListener(name, (e) => {
      const li = document.createElement('li');
      li.textContent = name + ' ' + JSON.stringify(e.detail);
      document.getElementById('events').append(li);
    });
  }
</script></main></body></html>`;
  await writeFile(join(blogDir, name), html);
  return `${blog.url}${name}`;
}

async function frameOf(page, n) {
  const el = page.locator('iframe[data-pyquiz]').nth(n);
  await el.waitFor();
  return (await el.elementHandle()).contentFrame();
}

test('the walkthrough: author page → download → a blog on another origin embeds it (data-src and inline) → the host hears the reader', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 900 } });
  const page = await watchedPage(context);
  page.on('dialog', (d) => d.accept());
  await page.goto(`${env.server.url}author/`);
  await page.locator('.status.good', { hasText: 'Ready: 5 questions' }).waitFor();
  const template = await page.locator('#draft').inputValue();
  assert.equal(template, await readFile(join(ROOT, 'content/examples/my-quiz.toml'), 'utf8'), 'the template is the example file');

  // The preview is the real embed, handed the compiled file.
  const preview = await (await page.locator('.preview-frame').elementHandle()).contentFrame();
  await preview.locator('.own-title', { hasText: 'Counting calls with tally' }).waitFor();
  await preview.locator('.question-card .prompt[id="prompt-tally-1"]').waitFor();
  await shot(page, 'author-page');

  // Problems with their line, as you type; the preview waits for a fix.
  const broken = template.replace('difficulty = "junior"', 'difficulty = "expert"');
  const line = broken.split('\n').findIndex((l) => l.includes('"expert"')) + 1;
  await page.locator('#draft').fill(broken);
  await page.locator('.problems li', { hasText: `line ${line}` }).waitFor();
  assert.match(await page.locator('.problems').innerText(), /expert/);
  assert.equal(await page.locator('.preview-frame').count(), 0);

  // The draft is kept across a reload; the template comes back on request.
  await page.reload();
  assert.equal(await page.locator('#draft').inputValue(), broken);
  await page.getByRole('button', { name: 'Start from the template' }).click();
  await page.locator('.status.good').waitFor();
  assert.equal(await page.locator('#draft').inputValue(), template);

  // Download: the same bytes as `bank quiz` writes for the same TOML.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download my-quiz.json' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'my-quiz.json');
  const file = await readFile(await download.path(), 'utf8');
  assert.equal(file, await compileWithCli(join(ROOT, 'content/examples/my-quiz.toml')), 'the author page and the CLI write identical files');
  await writeFile(join(blogDir, 'my-quiz.json'), file);
  await page.locator('#file-url').fill('my-quiz.json');
  // The draft itself can be downloaded too (when the browser cannot keep it).
  const [toml] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download my-quiz.toml' }).click(),
  ]);
  assert.equal(await readFile(await toml.path(), 'utf8'), template);
  // On this machine, the page says the tag must point at the deployed copy.
  assert.match(await page.locator('.publish .notice').innerText(), /runs on your own machine/);
  await page.getByRole('button', { name: 'Copy tag' }).click();
  await page.locator('.publish .copied').filter({ hasText: /Copied|Could not copy/ }).waitFor();
  const tag = await page.locator('#tag').inputValue();
  assert.equal(tag, `<script src="${env.server.url}embed.js" data-src="my-quiz.json" async></script>`);
  await page.locator('details summary').click();
  const inline = await page.locator('details textarea').inputValue();
  assert.match(inline, /^<script type="application\/json">\{"format":"pyquiz-quiz"/);
  await assertAccessible(page, 'author page');
  page.assertClean();

  // A blog on another origin: the tag as copied, and the inline form with other attributes.
  const post = await writePost('post.html', env.server.url, () => `${tag}\n<p>And in exam mode, from the page itself:</p>\n${inline.replace('<script src=', '<script data-mode="exam" data-count="2" data-theme="dark" src=')}`);
  assert.notEqual(new URL(post).origin, new URL(env.server.url).origin);
  const reader = await watchedPage(await env.browser.newContext({ viewport: { width: 900, height: 1400 } }));
  await reader.goto(post);
  const questions = JSON.parse(file).questions.map(asTestQuestion);
  const first = await frameOf(reader, 0);
  await first.locator('.own-title', { hasText: 'Counting calls with tally' }).waitFor();
  assert.equal(await first.locator('.q-heading').innerText(), 'Question 1 of 5', 'every question, in the order written');
  await first.locator('.q-heading').focus();
  for (let i = 0; i < 5; i++) {
    await first.locator('.q-heading', { hasText: `Question ${i + 1} of 5` }).waitFor();
    await answerWithKeyboard(reader, questions[i], { frame: first, correct: i !== 1 });
    await first.locator('.feedback, .flashcard.revealed').first().waitFor();
    await reader.keyboard.press('Enter');
  }
  await first.locator('.embed-done').waitFor();
  assert.equal(await first.locator('.embed-done .score-value').innerText(), '4 / 5');
  await reader.locator('#events li', { hasText: 'pyquiz:completed' }).waitFor();
  assert.equal(await reader.locator('#events li', { hasText: 'pyquiz:answered' }).count(), 5);
  assert.match(await reader.locator('#events li', { hasText: 'pyquiz:completed' }).innerText(), /"score":4,"total":5,"ids":\["tally-1"/);

  const second = await frameOf(reader, 1);
  await second.locator('.q-heading', { hasText: 'Question 1 of 2' }).waitFor();
  assert.equal(await second.locator('.mode-badge').innerText(), 'Exam');
  assert.equal(await second.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await shot(reader, 'own-quiz-on-a-blog');
  reader.assertClean();
  await context.close();
  await reader.context().close();
});

test('a quiz file the host cannot serve, or that is broken, tells the author and shows readers one neutral line', async () => {
  const good = await compileWithCli(join(ROOT, 'content/examples/my-quiz.toml'));
  await writeFile(join(blogDir, 'truncated.json'), good.slice(0, good.length / 2));
  await writeFile(join(blogDir, 'not-a-quiz.json'), JSON.stringify({ format: 'something-else', questions: [] }));
  // Ids that begin like a bank topic's (dec-…) are still the blogger's own questions.
  const renamed = JSON.parse(good);
  renamed.questions.forEach((q, i) => { q.id = `dec-${i + 1}`; });
  await writeFile(join(blogDir, 'dec.json'), JSON.stringify(renamed));
  const post = await writePost('broken.html', env.server.url, (w) => [
    `<script src="${w}embed.js" data-src="missing.json"></script>`,
    `<script src="${w}embed.js" data-src="truncated.json"></script>`,
    `<script src="${w}embed.js" data-src="not-a-quiz.json"></script>`,
    `<script src="${w}embed.js" data-src="dec.json"></script>`,
  ].join('\n'));
  const context = await env.browser.newContext({ viewport: { width: 900, height: 3000 } });
  // The browser logs the missing file's 404 itself.
  const page = await watchedPage(context, { allow: [/status of 404/] });
  await page.goto(post);
  for (let i = 0; i < 3; i++) {
    const frame = await frameOf(page, i);
    await frame.locator('.link-error').waitFor();
    assert.equal(await frame.locator('.link-error').innerText(), 'This quiz has no questions to show.');
  }
  const dec = await frameOf(page, 3);
  await dec.locator('.question-card .prompt[id="prompt-dec-1"]').waitFor();
  assert.equal(await dec.locator('.question-card .topic-name').innerText(), '', 'no bank topic name on own questions');
  // Opened on its own (or framed without embed.js), an embed waiting for a host's quiz gives up.
  const alone = await watchedPage(context);
  const warned = [];
  alone.on('console', (m) => { if (m.type() === 'warning') warned.push(m.text()); });
  await alone.goto(`${env.server.url}embed/#quiz=host`);
  await alone.locator('.link-error').waitFor();
  await alone.waitForFunction(() => true); // a round trip, so the console message has reached us
  assert.ok(warned.some((w) => /no quiz file arrived/.test(w)), warned.join('\n'));
  alone.assertClean();
  await page.locator('#events li').nth(2).waitFor();
  const said = await page.locator('#events').innerText();
  assert.match(said, /pyquiz:error .*data-src missing\.json: HTTP 404/);
  assert.match(said, /pyquiz:error .*refused: .*not JSON/);
  assert.match(said, /pyquiz:error .*refused: .*not a quiz file/);
  page.assertClean();
  await context.close();
});

const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '"><svg onload="window.__pwned = \'svg\'"></svg>',
  '</style><style>*{display:none}</style>',
  "' onmouseover='window.__pwned = 1' data-x='",
  '<img src="PWNED_URL">',
];

/** Every text of a quiz file with a payload appended: rich text, titles, options, answers. */
function poison(quiz, payload) {
  // Rich text is a list of nodes: a string, or [tag, ...children] ([a, href, ...children]).
  const node = (n) => {
    if (typeof n === 'string') return n + payload;
    const [tag, ...rest] = n;
    return tag === 'a' ? [tag, rest[0], ...rest.slice(1).map(node)] : [tag, ...rest.map(node)];
  };
  const rich = (r) => r && r.map(node);
  const out = structuredClone(quiz);
  out.title += payload;
  out.description = (out.description ?? '') + payload;
  for (const q of out.questions) {
    for (const k of ['prompt', 'code', 'hint', 'explanation', 'answer']) if (q[k]) q[k] = rich(q[k]);
    if (q.checklist) q.checklist = q.checklist.map(rich);
    if (q.answers) q.answers = q.answers.map((a) => a + payload);
    if (q.tags) q.tags = [...q.tags, payload.slice(0, 200)];
    for (const o of q.options ?? []) {
      o.text = rich(o.text);
      if (o.why) o.why = rich(o.why);
    }
  }
  return out;
}

for (const { name, widget } of [{ name: 'under the strict CSP', widget: () => env.server }, { name: 'without any CSP', widget: () => openWidget }]) {
  test(`XSS payloads in every text field show as text and run nothing, ${name}`, async () => {
    const w = widget();
    const good = JSON.parse(await compileWithCli(join(ROOT, 'content/examples/my-quiz.toml')));
    const payload = PAYLOADS.join(' ').replace('PWNED_URL', `${blog.url}pwned.png`);
    const hostile = poison(good, payload);
    await writeFile(join(blogDir, 'hostile.json'), JSON.stringify(hostile));
    // Links to script or data, which a hand-written file can hold: the whole file is refused.
    const links = structuredClone(good);
    links.questions[0].explanation = [['p', ['a', 'javascript:window.__pwned=1', 'click'], ' ', ['a', 'data:text/html,<script>1</script>', 'data']]];
    await writeFile(join(blogDir, 'links.json'), JSON.stringify(links));
    const post = await writePost(`xss-${w.port}.html`, w.url, (u) => [
      `<script src="${u}embed.js" data-src="hostile.json"></script>`,
      `<script src="${u}embed.js" data-src="links.json"></script>`,
    ].join('\n'));
    const context = await env.browser.newContext({ viewport: { width: 900, height: 2400 } });
    const page = await watchedPage(context);
    await page.goto(post);
    const frame = await frameOf(page, 0);
    await frame.locator('.question-card').waitFor();
    const questions = hostile.questions.map(asTestQuestion);
    await frame.locator('.q-heading').focus();
    for (let i = 0; i < questions.length; i++) {
      await frame.locator('.q-heading', { hasText: `Question ${i + 1} of ${questions.length}` }).waitFor();
      await answerWithKeyboard(page, questions[i], { frame });
      await frame.locator('.feedback, .flashcard.revealed').first().waitFor();
      if (i === 0) {
        // The text as written, including the payload, in the prompt, options and feedback.
        const text = await frame.locator('.question-card').innerText();
        for (const p of PAYLOADS.slice(0, 3)) assert.ok(text.includes(p), `shows literally: ${p}`);
      }
      await page.keyboard.press('Enter');
    }
    await frame.locator('.embed-done .review-item').first().waitFor();
    assert.ok((await frame.locator('.own-title').innerText()).includes('<script>'), 'the title too');
    const injected = await frame.evaluate(() => document.querySelectorAll(
      '.embed script, .embed img, .embed iframe, .embed object, .embed embed, .embed style, [onerror], [onload], [onmouseover], [data-x]',
    ).length);
    assert.equal(injected, 0, 'no element or handler from the file');
    assert.equal(await frame.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    const linksFrame = await frameOf(page, 1);
    await linksFrame.locator('.link-error').waitFor();
    await page.locator('#events li', { hasText: 'pyquiz:error' }).waitFor();
    assert.match(await page.locator('#events li', { hasText: 'pyquiz:error' }).innerText(), /refused/);
    assert.ok(![...blog.requests, ...w.requests].some((p) => p.includes('pwned')), 'no request for a payload URL');
    page.assertClean();
    await context.close();
  });
}
