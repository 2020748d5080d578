// Studying over days: FSRS reviews, mistakes, exams with a clock, charts, bookmarks and moving
// progress between browsers. Time is moved with Playwright's clock, not waited for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useBrowser, watchedPage, shot, idsOfType, expectQuestion, answerWithKeyboard, rightPositions, sticksOut, openQuiz } from './harness.mjs';

const env = useBrowser();
const T0 = new Date('2026-11-02T09:00:00Z');
const HOUR = 3_600_000;

/**
 * A page whose clock stands still at T0 and only moves when told (`runFor`, `setSystemTime`),
 * so a countdown or a due date reads the same on a busy machine as on a quiet one.
 */
async function clockedPage(context) {
  const page = await watchedPage(context);
  // Installed a minute early: pausing at a time the page clock has already passed throws.
  await page.clock.install({ time: T0.getTime() - 60_000 });
  await page.clock.pauseAt(T0);
  return page;
}

/** Lets the debounced save run on the fake clock. */
const settle = (page) => page.clock.runFor(1000);

test('a question answered wrong is due a day later and comes first; mistakes can be practised', async () => {
  const context = await env.browser.newContext();
  const page = await clockedPage(context);
  const [wrong, hinted, right] = idsOfType(env.bank, 'single', 3);
  await openQuiz(page, `${env.server.url}#/q/${wrong}.${hinted}.${right}`);
  await answerWithKeyboard(page, env.bank.get(wrong), { correct: false });
  await page.locator('.feedback').waitFor();
  await page.keyboard.press('Enter');
  await expectQuestion(page, hinted);
  await page.keyboard.press('h'); // right, but with the hint: Hard
  await page.locator('.hint').waitFor();
  await answerWithKeyboard(page, env.bank.get(hinted));
  await page.locator('.feedback').waitFor();
  await page.keyboard.press('Enter');
  await answerWithKeyboard(page, env.bank.get(right));
  await page.locator('.feedback').waitFor();
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/results$/);
  await settle(page);

  await page.goto(env.server.url);
  assert.equal(await page.locator('button.due-today').innerText(), 'Due today (0)', 'nothing is due an hour later');
  assert.equal(await page.locator('button.mistakes').innerText(), 'Practise my mistakes (1)');

  await page.clock.setSystemTime(new Date(T0.getTime() + 26 * HOUR));
  await page.reload();
  assert.equal(await page.locator('button.due-today').innerText(), 'Due today (1)', 'a day later the miss is due');
  await page.clock.setSystemTime(new Date(T0.getTime() + 50 * HOUR));
  await page.reload();
  assert.equal(await page.locator('button.due-today').innerText(), 'Due today (2)', 'two days later the hard one too');
  await page.locator('button.due-today').click();
  await page.waitForURL(/#\/q\//);
  await expectQuestion(page, wrong); // most forgotten first
  assert.equal(await page.locator('.q-heading').innerText(), 'Question 1 of 2');

  await page.goto(env.server.url);
  await page.locator('button.mistakes').click();
  await expectQuestion(page, wrong);
  assert.equal(await page.locator('.q-heading').innerText(), 'Question 1 of 1');
  page.assertClean();
  await context.close();
});

test('an exam with a time limit: countdown, flags, jumping, and it hands itself in when time is up', async () => {
  const context = await env.browser.newContext();
  const page = await clockedPage(context);
  await page.goto(env.server.url);
  await page.getByRole('radio', { name: /Exam/ }).check();
  await page.locator('.modes select').selectOption('10');
  await settle(page);
  const ids = idsOfType(env.bank, 'output', 4);
  await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}/exam`);
  await expectQuestion(page, ids[0]);
  assert.equal(await page.locator('.timer').innerText(), '10:00 left');
  assert.equal(await page.locator('.hint-button').count(), 0, 'no hints in an exam');
  await answerWithKeyboard(page, env.bank.get(ids[0])); // saved, on to the next; no feedback
  await expectQuestion(page, ids[1]);
  assert.equal(await page.locator('.feedback').count(), 0);
  await page.keyboard.press('f');
  assert.equal(await page.locator('.q-grid .cell.flagged').count(), 1);
  await page.locator('.q-grid .cell').nth(3).click();
  await expectQuestion(page, ids[3]);
  await page.clock.runFor(2 * 60_000);
  assert.equal(await page.locator('.timer').innerText(), '8:00 left');
  await shot(page, 'exam-in-progress');
  // Finishing early asks about the unanswered ones.
  await page.getByRole('button', { name: 'End quiz' }).click();
  assert.match(await page.locator('.confirm').innerText(), /3 questions are unanswered/);
  await page.getByRole('button', { name: 'Keep going' }).click();
  await page.clock.runFor(8 * 60_000 + 2000);
  await page.waitForURL(/#\/results$/);
  assert.match(await page.locator('.timed-out').innerText(), /Time ran out/, 'the results say why the exam ended');
  assert.equal(await page.locator('.score-value').innerText(), '1 / 4');
  assert.equal(await page.locator('.flag-mark').count(), 1, 'the flagged question is marked');
  const times = await page.locator('.time-spent').allInnerTexts();
  assert.equal(times.length, 4);
  assert.match(times[3], /^(9 min 59|10 min 0) s$/, 'time spent on each question: the last one from the jump to the end');
  page.assertClean();
  await context.close();
});

test('charts show the practice after a quiz, in both themes', async () => {
  const context = await env.browser.newContext();
  const page = await clockedPage(context);
  const ids = idsOfType(env.bank, 'single', 3);
  await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}`);
  for (const [i, id] of ids.entries()) {
    await expectQuestion(page, id);
    await answerWithKeyboard(page, env.bank.get(id), { correct: i !== 0 });
    await page.locator('.feedback').waitFor();
    await page.keyboard.press('Enter');
  }
  await page.waitForURL(/#\/results$/);
  await settle(page);
  await page.goto(`${env.server.url}#/progress`);
  const today = page.locator('.chart.daily rect.answers').last();
  assert.ok(Number(await today.getAttribute('height')) > 0, "today's bar has height");
  assert.match(await today.locator('title').textContent(), /3 answers, 67% right/);
  assert.match(await page.locator('.chart.daily svg').getAttribute('aria-label'), /3 answers on 1 of the last 30 days, 67% right/);
  assert.equal(await page.locator('[data-stat=percent]').innerText(), '67%', 'the tile counts the same answers');
  assert.ok(await page.locator('.chart.forecast rect.due').evaluateAll((rs) => rs.some((r) => Number(r.getAttribute('height')) > 0)));
  assert.equal(await page.locator('.chart.calendar rect.day-active').count(), 1);
  assert.ok((await page.locator('.topic-table .mastery-value').allInnerTexts()).some((t) => t !== '0%'), 'mastery grew somewhere');
  assert.equal(await page.locator('[data-stat=streak]').innerText(), '1');
  await shot(page, 'progress-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'progress-dark');
  // On a phone every chart's labels fit inside it.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const svg of await page.locator('.chart svg').all()) assert.deepEqual(await sticksOut(svg, 'text, rect'), []);
  await shot(page, 'progress-dark-390');
  page.assertClean();
  await context.close();
});

test('the desired retention picked on the progress page is the one saved and shown after a reload', async () => {
  const context = await env.browser.newContext();
  const page = await clockedPage(context);
  await page.goto(`${env.server.url}#/progress`);
  const select = page.locator('select#retention');
  assert.equal(await select.inputValue(), '90', 'FSRS default');
  await select.selectOption('85');
  await settle(page);
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('pyquiz.settings')).retention);
  assert.equal(saved, 0.85);
  await page.reload();
  assert.equal(await page.locator('select#retention').inputValue(), '85');
  page.assertClean();
  await context.close();
});

test('progress exported in one browser and imported in a fresh one restores the same page', async () => {
  const first = await env.browser.newContext({ acceptDownloads: true });
  const page = await clockedPage(first);
  const ids = idsOfType(env.bank, 'multi', 3);
  await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}`);
  for (const [i, id] of ids.entries()) {
    await expectQuestion(page, id);
    await answerWithKeyboard(page, env.bank.get(id), { correct: i !== 1 });
    await page.locator('.feedback').waitFor();
    await page.keyboard.press('Enter');
  }
  await page.waitForURL(/#\/results$/);
  // A bookmark travels with the records.
  await page.goto(`${env.server.url}#/question/${ids[0]}`);
  await page.getByRole('button', { name: '☆ Bookmark' }).click();
  await settle(page);
  await page.goto(`${env.server.url}#/progress`);
  await page.locator('[data-stat=answered]').waitFor();
  const stats = await page.locator('.totals').innerText();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  assert.equal(download.suggestedFilename(), 'pyquiz-progress-2026-11-02.json');
  const path = await download.path();
  const file = JSON.parse(await readFile(path, 'utf8'));
  assert.equal(file.format, 'pyquiz-progress');
  assert.equal(Object.keys(file.records.records).length, 3);

  const second = await env.browser.newContext();
  const other = await clockedPage(second);
  await other.goto(`${env.server.url}#/progress`);
  await other.locator('#import-file').setInputFiles(path);
  await other.getByRole('button', { name: 'Merge it in' }).click();
  assert.equal(await other.locator('.totals').innerText(), stats, 'the same numbers in the fresh browser');
  await settle(other);
  await other.reload();
  assert.equal(await other.locator('.totals').innerText(), stats, 'and they were saved');
  await other.goto(`${env.server.url}#/browse?bookmarked=1`);
  await other.locator('.browse-item').first().waitFor();
  assert.equal(await other.locator('.browse-item').count(), 1);
  assert.match(await other.locator('.browse-item').innerText(), new RegExp(`Open ${ids[0]}`));
  await other.goto(`${env.server.url}#/progress`);
  // Replacing asks first, keeps a backup, and gives the file's records exactly.
  await other.getByRole('radio', { name: 'Replace what is here' }).check();
  await other.locator('#import-file').setInputFiles(path);
  assert.match(await other.locator('.your-data .confirm').innerText(), /erases the records here first/);
  await other.getByRole('button', { name: 'Replace my progress' }).click();
  assert.equal(await other.locator('.totals').innerText(), stats);
  assert.equal(await other.locator('.backup', { hasText: 'before an import replaced it' }).count(), 1);
  // A file that is not an export is refused with a reason.
  await other.locator('#import-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  // Said next to the import control, where the learner is looking.
  await other.locator('.your-data .import-error', { hasText: 'not a pyquiz progress export' }).waitFor();
  page.assertClean();
  other.assertClean();
  await first.close();
  await second.close();
});

test('browse and search the bank; bookmarks; theme; report a problem', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  await page.goto(`${env.server.url}#/browse`);
  await page.locator('.browse-item').first().waitFor();
  assert.match(await page.locator('.showing').innerText(), new RegExp(`^${env.bank.size} questions`));
  // A long list comes a page at a time.
  assert.equal(await page.locator('.browse-item').count(), 100);
  await page.getByRole('button', { name: 'Show 100 more' }).click();
  assert.equal(await page.locator('.browse-item').count(), 200);
  // Typing a search keeps focus in the box, and finds words in explanations too.
  const text = (plain) => (plain ?? '').toLowerCase();
  const onlyExplained = [...env.bank.values()].find((q) => q.topic !== 'scope'
    && text(q.explanation).includes('closure') && !text(q.prompt + q.code).includes('closure')
    && !(q.body.options ?? []).some((o) => text(o.text).includes('closure')));
  await page.locator('#browse-text').click();
  await page.keyboard.type('closure', { delay: 30 });
  await page.waitForURL(/q=closure/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'browse-text');
  assert.equal(await page.locator('#browse-text').inputValue(), 'closure');
  await page.locator('.browse-item a', { hasText: `Open ${onlyExplained.id}` }).waitFor();
  // The topic "Scope & closures" matches too (once its questions have arrived).
  await page.locator('.browse-item a', { hasText: 'Open scp-01' }).waitFor();
  await page.goto(`${env.server.url}#/browse`);
  await page.locator('#browse-type').selectOption('output');
  await page.locator('#browse-tag').selectOption('gotcha');
  await page.waitForURL(/type=output/);
  const outputs = [...env.bank.values()].filter((q) => q.body.type === 'output' && q.tags?.includes('gotcha')).length;
  assert.match(await page.locator('.showing').innerText(), new RegExp(`^${outputs} questions`));
  // Text search over the prompts and code (the chunks load in the background).
  const target = [...env.bank.values()].find((q) => q.body.type === 'output' && q.tags?.includes('gotcha'));
  await page.locator('#browse-text').fill(target.id);
  await page.locator('.showing', { hasText: /^1 question/ }).waitFor();
  await page.locator('.browse-item .bookmark').click();
  assert.equal(await page.locator('.browse-item .bookmark').getAttribute('aria-pressed'), 'true');
  await page.goto(`${env.server.url}#/browse?bookmarked=1`);
  // The page before also showed 1 question: wait for the filter to be this page's.
  await page.locator('label.chip', { hasText: 'Bookmarked only' }).locator('input:checked').waitFor();
  await page.locator('.showing', { hasText: /^1 question/ }).waitFor();
  await page.locator('.browse-item a', { hasText: `Open ${target.id}` }).click();
  await page.waitForURL(new RegExp(`#/question/${target.id}$`));
  const report = await page.locator('a.report').getAttribute('href');
  assert.match(report, /\/issues\/new\?title=Problem%20with%20question%20/);
  assert.ok(report.includes(target.id));
  // The theme follows the system until chosen, and the choice is remembered.
  await page.locator('.theme-pick select').selectOption('dark');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.reload();
  await page.locator('.theme-pick select').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  page.assertClean();
  await context.close();
});

test('cramming a topic counts answers but leaves the review schedule alone', async () => {
  const context = await env.browser.newContext();
  const page = await clockedPage(context);
  await page.goto(env.server.url);
  await page.locator('#cram-topic').selectOption({ index: 1 });
  await page.locator('button.cram-start').click();
  await page.waitForURL(/#\/q\//);
  const first = await page.locator('.question-card .prompt').getAttribute('id');
  const q = env.bank.get(first.replace('prompt-', ''));
  await answerWithKeyboard(page, q, { correct: false });
  await page.locator('.feedback, .flashcard.revealed').first().waitFor();
  await settle(page);
  await page.goto(`${env.server.url}#/progress`);
  assert.equal(await page.locator('[data-stat=answered]').innerText(), '1');
  assert.equal(await page.locator('[data-stat=due]').innerText(), '0', 'a crammed miss is not scheduled');
  page.assertClean();
  await context.close();
});
