// A learner's history is only in their browser: these tests try to lose it. Several tabs,
// resets, newer versions, old versions, edited content, corrupted and full storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, writeFile, rm } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, watchedPage, flushSaves, shot, idsOfType, expectQuestion, answerWithKeyboard, rightPositions, serve, DIST, openQuiz } from './harness.mjs';

const env = useBrowser();

/** Writes the tab's pending changes now (saves are debounced). */
const settle = flushSaves;

async function answered(page, expected) {
  await page.goto(`${env.server.url}#/progress`);
  const stat = page.locator('[data-stat=answered]');
  // Another tab's save reaches this one through a storage event: give it a moment.
  await stat.filter({ hasText: new RegExp(`^${expected}$`) }).waitFor({ timeout: 5000 }).catch(() => {});
  return stat.innerText();
}

/** Answers the questions on screen in order, practice mode, moving on after each. */
async function answerInOrder(page, ids) {
  for (const id of ids) {
    await expectQuestion(page, id);
    await answerWithKeyboard(page, env.bank.get(id));
    await page.locator('.feedback, .flashcard.revealed').first().waitFor();
    await page.keyboard.press('Enter');
  }
}

test('a reset in one tab is not undone by answers in another open tab', async () => {
  const context = await env.browser.newContext();
  const a = await watchedPage(context);
  const ids = idsOfType(env.bank, 'single', 4);
  await openQuiz(a, `${env.server.url}#/q/${ids.join('.')}`);
  await answerInOrder(a, ids.slice(0, 3));
  await settle(a);
  // Tab B opens while A stays open mid-quiz.
  const b = await watchedPage(context);
  assert.equal(await answered(b, 3), '3');
  await b.getByRole('button', { name: 'Reset progress…' }).click();
  await b.getByRole('button', { name: 'Yes, erase my progress' }).click();
  assert.equal(await b.locator('[data-stat=answered]').innerText(), '0');
  await settle(b);
  // Tab A never reloaded: it answers one more question.
  await a.bringToFront();
  await answerInOrder(a, ids.slice(3));
  await settle(a);
  const c = await watchedPage(context);
  assert.equal(await answered(c, 1), '1', 'a third tab sees only the answer given after the reset');
  assert.equal(await answered(a, 1), '1');
  for (const p of [a, b, c]) p.assertClean();
  await context.close();
});

test('two tabs answering at once, then one closes: both quizzes and every answer survive', async () => {
  const context = await env.browser.newContext();
  const a = await watchedPage(context);
  const b = await watchedPage(context);
  const [x1, x2, x3, y1, y2, y3] = idsOfType(env.bank, 'output', 6);
  await openQuiz(a, `${env.server.url}#/q/${x1}.${x2}.${x3}`);
  await openQuiz(b, `${env.server.url}#/q/${y1}.${y2}.${y3}`);
  await answerInOrder(a, [x1]);
  await answerInOrder(b, [y1]);
  await answerInOrder(a, [x2]);
  await answerInOrder(b, [y2]);
  await settle(a);
  await a.close({ runBeforeUnload: true });
  await settle(b);
  await b.reload();
  await expectQuestion(b, y3);
  assert.equal(await b.locator('.answered-count').innerText(), '2 of 3 answered', "B's quiz is where B left it");
  await b.goto(env.server.url);
  await b.locator('.continue').waitFor();
  const cards = await b.locator('.continue li').allInnerTexts();
  assert.equal(cards.length, 2, 'both quizzes can be continued');
  assert.ok(cards.every((t) => /2 of 3 answered/.test(t)), cards.join(' / '));
  assert.equal(await answered(b, 4), '4');
  b.assertClean();
  await context.close();
});

test('data saved by a newer version stays untouched: read-only mode, listed as a backup', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const newer = '{"version":99,"records":{"mut-01":{"whatever":true}}}';
  await page.goto(env.server.url);
  await page.locator('button.start').waitFor();
  await page.evaluate((v) => localStorage.setItem('pyquiz.records', v), newer);
  await page.reload();
  await page.locator('.read-only-banner').waitFor();
  assert.match(await page.locator('.notices').innerText(), /saved by a newer version of pyquiz/);
  const [id] = idsOfType(env.bank, 'single', 1);
  await openQuiz(page, `${env.server.url}#/q/${id}`);
  await answerWithKeyboard(page, env.bank.get(id));
  await page.locator('.feedback').waitFor();
  await settle(page);
  assert.equal(await page.evaluate(() => localStorage.getItem('pyquiz.records')), newer, 'not overwritten');
  await page.goto(`${env.server.url}#/progress`);
  const backup = page.locator('.backup', { hasText: 'data from a newer version' });
  await backup.waitFor();
  await backup.getByRole('button', { name: 'Restore' }).click();
  // Said in the toast, by the button pressed.
  assert.match(await page.locator('.toast').innerText(), /cannot be restored\. It was saved by a newer version/);
  await backup.getByRole('button', { name: 'Delete' }).click();
  assert.equal(await page.locator('.backup', { hasText: 'data from a newer version' }).count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('pyquiz.records')), newer, 'deleting a backup leaves the data');
  await shot(page, 'read-only');
  page.assertClean();
  await context.close();
});

test('version 1 progress migrates, is kept as a backup, and a reset can be undone or restored', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const [a, b] = idsOfType(env.bank, 'single', 2);
  const v1 = JSON.stringify({
    version: 1,
    questions: {
      [a]: { attempts: 2, correct: 1, last_seen_ms: Date.now() - 86_400_000, last_grade: 'good', review_box: 1 },
      [b]: { attempts: 1, correct: 0, last_seen_ms: Date.now() - 3_600_000, last_grade: 'again', review_box: 0 },
    },
    current: null,
    settings: { filters: { topics: [], difficulties: [], count: 20 }, mode: 'exam' },
  });
  await page.goto(env.server.url);
  await page.locator('button.start').waitFor();
  await page.evaluate((v) => { localStorage.clear(); localStorage.setItem('pyquiz.progress', v); }, v1);
  await page.reload();
  await page.locator('button.start').waitFor();
  assert.ok(await page.getByRole('radio', { name: /Exam/ }).isChecked(), 'settings carried over');
  assert.equal(await answered(page, 2), '2');
  assert.equal(await page.locator('[data-stat=due]').innerText(), '2', 'both are due: one a day old in box 1, one missed');
  assert.equal(await page.evaluate(() => localStorage.getItem('pyquiz.progress')), null);
  const backup = page.locator('.backup', { hasText: 'as the previous version stored it' });
  await backup.waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith('.v1')))), v1);

  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('button', { name: 'Yes, erase my progress' }).click();
  assert.equal(await page.locator('[data-stat=answered]').innerText(), '0');
  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  assert.equal(await page.locator('[data-stat=answered]').innerText(), '2', 'undo brings it back');

  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('button', { name: 'Yes, erase my progress' }).click();
  await settle(page);
  await page.reload();
  assert.equal(await page.locator('[data-stat=answered]').innerText(), '0');
  await page.locator('.backup', { hasText: 'before a reset' }).first().getByRole('button', { name: 'Restore' }).click();
  assert.equal(await page.locator('[data-stat=answered]').innerText(), '2', 'the backup taken at the reset restores');
  await settle(page);
  await page.reload();
  assert.equal(await page.locator('[data-stat=answered]').innerText(), '2', 'and it was saved');
  page.assertClean();
  await context.close();
});

test('editing or reordering options after an answer was saved never changes what it meant', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pyquiz-deploy-'));
  await cp(DIST, dir, { recursive: true });
  const server = await serve(DIST);
  try {
    // Without the service worker, which would go on serving the chunk it cached (in a real
    // deploy an edited chunk also gets a new name).
    const context = await env.browser.newContext({ serviceWorkers: 'block' });
    const page = await watchedPage(context);
    const [q1, q2] = idsOfType(env.bank, 'single', 2).map((id) => env.bank.get(id));
    await openQuiz(page, `${server.url}#/q/${q1.id}.${q2.id}`);
    await answerWithKeyboard(page, q1); // right
    await page.locator('.feedback').waitFor();
    await page.keyboard.press('Enter');
    const wrong = q2.body.options.findIndex((o) => !o.correct);
    await answerWithKeyboard(page, q2, { correct: false });
    await page.locator('.feedback').waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/results$/);
    await settle(page);

    // A new deploy: q1's options come in another order, and q2's picked option was reworded
    // (a new text, so a new key).
    const file = (await readdir(join(dir, 'bank'))).find((f) => f.startsWith(`${q1.topic}.`));
    const chunk = JSON.parse(await readFile(join(dir, 'bank', file), 'utf8'));
    for (const q of chunk.questions) {
      if (q.id === q1.id) q.options.reverse();
      if (q.id === q2.id) {
        q.options[wrong].text = [['p', 'A reworded option']];
        q.options[wrong].key = 'edited';
      }
    }
    await writeFile(join(dir, 'bank', file), JSON.stringify(chunk));
    server.setRoot(dir);
    await page.reload();
    const items = page.locator('.review-item');
    await items.first().waitFor();
    assert.equal(await items.nth(0).locator('details > summary .verdict').innerText(), '✓ Right');
    assert.equal(await items.nth(1).locator('details > summary .verdict').innerText(), '✗ Wrong', 'the verdict is what it was');
    // The verdicts come from storage; the options only once the edited chunk has arrived.
    await items.nth(0).locator('details > summary').first().click();
    await items.nth(0).locator('.option').first().waitFor();
    const picked = items.nth(0).locator('.option.picked');
    assert.equal(await picked.count(), 1);
    assert.equal(await picked.locator('.option-text').innerText(), q1.body.options[rightPositions(q1)[0]].text, 'the same option, wherever it moved');
    await items.nth(1).locator('details > summary').first().click();
    await items.nth(1).locator('.option-text', { hasText: 'A reworded option' }).waitFor();
    assert.equal(await items.nth(1).locator('.option.picked').count(), 0, 'an edited option no longer matches; nothing else is shown as picked');
    page.assertClean();
    await context.close();
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('corrupted storage: the app loads, keeps a backup and says so', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  await page.goto(env.server.url);
  await page.evaluate(() => localStorage.setItem('pyquiz.records', '{"version":2,"records":{"x":'));
  await page.reload();
  await page.locator('.notice').waitFor();
  assert.match(await page.locator('.notice').innerText(), /saved history could not be read, so it was set aside/);
  assert.ok(await page.locator('button.start').isVisible());
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pyquiz.backup.') && k.endsWith('.unreadable')));
  assert.equal(backups.length, 1);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), backups[0]), '{"version":2,"records":{"x":');
  await shot(page, 'corrupted-storage-notice');
  page.assertClean();
  await context.close();
});

test('full storage: the quiz still runs and a notice says progress is not saved', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const ids = idsOfType(env.bank, 'single', 2);
  await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}`);
  await expectQuestion(page, ids[0]);
  await page.evaluate(() => {
    // Fill what is left of the quota, halving the value size until nothing fits.
    for (let size = 1 << 20, n = 0; size >= 16; ) {
      try { localStorage.setItem(`filler-${n++}`, 'x'.repeat(size)); } catch { size >>= 1; }
    }
  });
  await answerWithKeyboard(page, env.bank.get(ids[0]));
  await page.locator('.feedback').waitFor();
  await page.locator('.notice', { hasText: 'Progress is not being saved' }).waitFor();
  await page.keyboard.press('Enter');
  await expectQuestion(page, ids[1]);
  page.assertClean();
  await context.close();
});

test('"Copy link" on a plain-http host offers the link to copy by hand', async () => {
  const ip = Object.values(networkInterfaces()).flat().find((i) => i.family === 'IPv4' && !i.internal)?.address;
  // On a machine with a network address, a real insecure origin; otherwise the same situation
  // made by hand (browsers leave navigator.clipboard undefined outside secure contexts).
  const server = ip ? await serve(DIST, { host: '0.0.0.0' }) : env.server;
  const base = ip ? `http://${ip}:${server.port}/` : env.server.url;
  const context = await env.browser.newContext();
  if (!ip) await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  const page = await watchedPage(context);
  const [id] = idsOfType(env.bank, 'single', 1);
  await openQuiz(page, `${base}#/q/${id}`);
  assert.equal(await page.evaluate(() => navigator.clipboard), undefined);
  await page.locator('.question-links button[data-copy]').click();
  const fallback = page.locator('.copy-field');
  await fallback.waitFor();
  assert.match(await fallback.inputValue(), new RegExp(`#/question/${id}$`));
  assert.ok(await fallback.evaluate((el) => el === document.activeElement), 'selected and ready to copy');
  page.assertClean();
  await context.close();
  if (ip) await server.close();
});

test('results show both share links in fields; a failed copy selects the field of the button used', async () => {
  const context = await env.browser.newContext();
  // No clipboard, as on a plain-http host: every copy falls back to the field.
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  const page = await watchedPage(context);
  const [id] = idsOfType(env.bank, 'single', 1);
  await openQuiz(page, `${env.server.url}#/q/${id}`);
  await answerWithKeyboard(page, env.bank.get(id));
  await page.locator('.feedback').waitFor();
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/results$/);
  const fields = page.locator('.share-links .copy-field');
  await page.locator('.score-value').waitFor(); // drawn a task after the address changes
  assert.equal(await fields.count(), 2, 'the quiz link and the score link are both visible');
  assert.match(await fields.nth(0).inputValue(), new RegExp(`#/q/${id}`));
  assert.match(await fields.nth(1).inputValue(), new RegExp(`#/score/1-1/${id}`));
  await page.getByRole('button', { name: 'Share this quiz' }).click();
  await page.waitForFunction(() => document.activeElement?.value?.includes('#/q/'));
  await page.getByRole('button', { name: 'Share my score' }).click();
  await page.waitForFunction(() => document.activeElement?.value?.includes('#/score/'));
  const selected = await page.evaluate(() => document.activeElement.value.slice(document.activeElement.selectionStart, document.activeElement.selectionEnd));
  assert.match(selected, /#\/score\/1-1\//, "the second button's own link is selected, not the first one's");
  page.assertClean();
  await context.close();
});
