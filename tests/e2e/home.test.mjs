// The daily loop from the home page: the reviews due first (with a count in the navigation), an
// exam that ran out while the learner was away, feedback on data actions in a toast that stays
// in view and goes by itself, the topic picker's All / Clear, empty states, and the offline note.
// Time is Playwright's paused clock: days pass and toasts expire when told, never by waiting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  useBrowser, watchedPage, shot, serve, idsOfType, expectQuestion, answerWithKeyboard, openQuiz,
  assertAccessible, horizontalOverflow, flushSaves,
} from './harness.mjs';

const env = useBrowser();
const T0 = new Date('2026-11-02T09:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A page whose clock stands at T0 and moves only when told (installed a minute early). */
async function clockedPage(options = {}) {
  const context = await env.browser.newContext({ timezoneId: 'UTC', ...options });
  const page = await watchedPage(context);
  await page.clock.install({ time: T0.getTime() - 60_000 });
  await page.clock.pauseAt(T0);
  return { context, page };
}

/** axe waits on timers: the paused clock runs while it checks. */
async function checkAccessible(page, label) {
  await page.clock.resume();
  await assertAccessible(page, label);
}

/** Takes a practice quiz of `answers` ([id, right?] pairs) from its link, then saves. */
async function takeQuiz(page, answers) {
  await openQuiz(page, `${env.server.url}#/q/${answers.map(([id]) => id).join('.')}`);
  for (const [id, correct] of answers) {
    await expectQuestion(page, id);
    await answerWithKeyboard(page, env.bank.get(id), { correct });
    await page.locator('.feedback').waitFor();
    await page.keyboard.press('Enter');
  }
  await page.waitForURL(/#\/results$/);
  await page.clock.runFor(1000); // the debounced save
}

test('a returning learner sees the reviews due at the top of Home and a count in the navigation', async () => {
  const { context, page } = await clockedPage({ viewport: { width: 1280, height: 800 } });
  const ids = idsOfType(env.bank, 'single', 5);
  await takeQuiz(page, ids.map((id, i) => [id, i !== 0]));
  await page.goto(env.server.url);
  await page.locator('button.start').waitFor();
  assert.equal(await page.locator('.due-card').count(), 0, 'nothing is due an hour later');
  assert.equal(await page.locator('.site-header nav a[href="#/progress"]').innerText(), 'Progress');

  // Three days later every question is due, the missed one first.
  await page.clock.setSystemTime(new Date(T0.getTime() + 3 * DAY));
  await page.reload();
  const card = page.locator('.due-card');
  await card.waitFor();
  assert.equal(await card.locator('h2').innerText(), '5 reviews due');
  const box = await card.boundingBox();
  const builder = await page.locator('.builder').boundingBox();
  assert.ok(box.y + box.height <= 800, `the due card is above the fold (y=${box.y})`);
  assert.ok(box.y < builder.y, 'and before the quiz builder');
  const progress = page.getByRole('link', { name: 'Progress · 5 due' });
  assert.ok(await progress.isVisible(), 'the navigation counts the reviews due');
  await shot(page, 'home-returning');
  await checkAccessible(page, 'home with reviews due (light)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await checkAccessible(page, 'home with reviews due (dark)');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.clock.pauseAt(new Date(T0.getTime() + 3 * DAY + 60_000));

  // Keyboard: Start reviews is a few Tabs from the top, and opens the review quiz at its link.
  let tabs = 0;
  for (; tabs < 12; tabs++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.classList.contains('due-start'))) break;
  }
  assert.ok(tabs < 12, 'Start reviews is reachable within a few Tabs');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Start reviews');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/q\//);
  await expectQuestion(page, ids[0]); // the most forgotten first
  assert.equal(await page.locator('.quiz-purpose').innerText(), 'Reviews due: 5 questions');
  await answerWithKeyboard(page, env.bank.get(ids[0]));
  await page.locator('.feedback').waitFor();
  await page.clock.runFor(1000);

  // Back home the card continues the reviews under way instead of starting a second quiz.
  await page.goto(env.server.url);
  assert.equal(await card.locator('h2').innerText(), '4 reviews due');
  assert.match(await page.locator('.continue').innerText(), /Reviews due: 5 questions: 1 of 5 answered, at question 1\./);
  await page.getByRole('button', { name: 'Continue reviews' }).click();
  await page.waitForURL(/#\/q\//);
  await expectQuestion(page, ids[0]);
  assert.equal(await page.getByRole('link', { name: 'Progress · 4 due' }).count(), 1, 'the count follows');
  page.assertClean();
  await context.close();
});

test('on a phone the reviews due come first too', async () => {
  const { context, page } = await clockedPage({ viewport: { width: 390, height: 844 } });
  const [id] = idsOfType(env.bank, 'single', 1);
  await takeQuiz(page, [[id, false]]);
  await page.clock.setSystemTime(new Date(T0.getTime() + 2 * DAY));
  await page.goto(env.server.url);
  const start = page.getByRole('button', { name: 'Start reviews' });
  await start.waitFor();
  assert.equal(await page.locator('.due-card h2').innerText(), '1 review due');
  const box = await start.boundingBox();
  assert.ok(box.y + box.height <= 844, `Start reviews is on the first screen (y=${box.y})`);
  assert.ok(await page.getByRole('link', { name: 'Progress · 1 due' }).isVisible());
  assert.ok(await horizontalOverflow(page) <= 0, 'no sideways scrolling');
  await start.click();
  await page.waitForURL(new RegExp(`#/q/${id}$`));
  page.assertClean();
  await context.close();
});

test('an exam whose time ran out while the learner was away says so on Home and opens its results', async () => {
  const { context, page } = await clockedPage();
  await page.goto(env.server.url);
  await page.getByRole('radio', { name: /Exam/ }).check();
  await page.locator('.modes select').selectOption('10');
  const ids = idsOfType(env.bank, 'single', 5);
  await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}/exam`);
  assert.equal(await page.locator('.timer').innerText(), '10:00 left');
  await answerWithKeyboard(page, env.bank.get(ids[0]));
  await expectQuestion(page, ids[1]);
  await page.clock.runFor(1000);
  await page.goto(env.server.url);
  // Twenty minutes away: the exam's ten are long over.
  await page.clock.setSystemTime(new Date(T0.getTime() + 20 * 60_000));
  await page.reload();
  const item = page.locator('.continue li');
  await item.waitFor();
  assert.match(await item.innerText(), /^Exam quiz on .+: time ran out with 1 of 5 answered\./);
  assert.equal(await item.getByRole('button', { name: 'Continue' }).count(), 0, 'nothing to continue');
  await item.getByRole('button', { name: 'Time ran out — see your results' }).click();
  await page.waitForURL(/#\/results$/);
  assert.match(await page.locator('.timed-out').innerText(), /Time ran out/);
  assert.equal(await page.locator('.score-value').innerText(), '1 / 5', 'the answer given counts');
  await page.goto(env.server.url);
  await page.locator('button.start').waitFor();
  assert.equal(await page.locator('.continue').count(), 0, 'handed in, it is no longer unfinished');
  page.assertClean();
  await context.close();
});

/** Scrolls to the bottom of the progress page and erases everything, as a learner would. */
async function resetAtTheBottom(page) {
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.getByRole('button', { name: 'Yes, erase my progress' }).click();
}

/** Whether `locator` lies wholly inside the viewport. */
async function inViewport(page, locator) {
  const box = await locator.boundingBox();
  const { height, width } = page.viewportSize();
  return box && box.y >= 0 && box.y + box.height <= height && box.x >= 0 && box.x + box.width <= width;
}

test("reset's Undo is a toast in view, lasts 10 s unless held, and goes with the toast", async () => {
  const { context, page } = await clockedPage({ viewport: { width: 1280, height: 800 } });
  const ids = idsOfType(env.bank, 'single', 2);
  await takeQuiz(page, ids.map((id) => [id, true]));
  await page.goto(`${env.server.url}#/progress`);
  await page.locator('[data-stat=answered]').waitFor();
  await resetAtTheBottom(page);
  const toast = page.locator('.toast');
  await toast.waitFor();
  assert.ok(await page.evaluate(() => scrollY) > 1000, 'the page is still scrolled to the bottom');
  assert.ok(await inViewport(page, toast), 'the Undo is drawn in view, not at the top of the page');
  assert.match(await toast.innerText(), /Your progress was erased\./);
  assert.equal(await page.locator('.notices .notice').count(), 0, 'nothing stacks above the page');
  const undo = toast.getByRole('button', { name: 'Undo' });
  assert.ok(await undo.evaluate((b) => b === document.activeElement), 'focus moves to Undo, the button pressed being gone');
  await shot(page, 'toast-undo');
  // Focus holds it; once focus and pointer leave it has its 10 s.
  await page.clock.runFor(30_000);
  assert.equal(await toast.count(), 1, 'held while focused');
  await page.locator('#data-title').click();
  await page.clock.runFor(9_000);
  assert.equal(await toast.count(), 1, 'still there after 9 s');
  await toast.hover();
  await page.clock.runFor(20_000);
  assert.equal(await toast.count(), 1, 'held while hovered');
  await page.mouse.move(5, 5);
  await page.clock.runFor(1_500);
  assert.equal(await toast.count(), 0, 'gone after its 10 s');
  assert.equal(await page.locator('[data-stat=answered]').innerText(), '0');

  // A second reset: its Undo works, from the keyboard.
  await page.goto(`${env.server.url}#/progress`);
  await page.clock.runFor(1000);
  await takeQuiz(page, [[ids[0], true]]);
  await page.goto(`${env.server.url}#/progress`);
  await resetAtTheBottom(page);
  await page.locator('.toast-action:focus').waitFor();
  await page.clock.runFor(2000); // a person's moment (the paused clock would undo in the same ms)
  await page.keyboard.press('Enter'); // Undo has focus
  await page.locator('.toast', { hasText: 'Your progress is back.' }).waitFor();
  assert.equal(await page.locator('[data-stat=answered]').innerText(), '1');
  assert.equal(await page.locator('.toast').getByRole('button', { name: 'Undo' }).count(), 0);
  await page.clock.runFor(6_500);
  assert.equal(await page.locator('.toast').count(), 0, 'a plain message goes after 6 s');
  page.assertClean();
  await context.close();
});

test('an import after a reset replaces its Undo: one toast at a time, never a stale Undo', async () => {
  const { context, page } = await clockedPage({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
  const ids = idsOfType(env.bank, 'single', 3);
  await takeQuiz(page, ids.map((id) => [id, true]));
  await page.goto(`${env.server.url}#/progress`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  const file = await download.path();
  assert.equal(Object.keys(JSON.parse(await readFile(file, 'utf8')).records.records).length, 3);
  await resetAtTheBottom(page);
  await page.locator('.toast', { hasText: 'erased' }).waitFor();
  await page.clock.runFor(2000); // later than the reset, as any real import is
  await page.locator('#import-file').setInputFiles(file);
  await page.getByRole('button', { name: 'Merge it in' }).click();
  const toast = page.locator('.toast');
  await toast.filter({ hasText: '3 question records brought in.' }).waitFor();
  assert.equal(await toast.count(), 1, 'one toast');
  assert.equal(await page.getByRole('button', { name: 'Undo' }).count(), 0, 'the Undo went with the toast it was in');
  assert.ok(await inViewport(page, toast), 'in view on a phone too');
  assert.equal(await page.locator('[data-stat=answered]').innerText(), '3');
  page.assertClean();
  await context.close();
});

test('changing the desired retention says, by the control, when it takes effect', async () => {
  const { context, page } = await clockedPage();
  await page.goto(`${env.server.url}#/progress`);
  await page.locator('select#retention').selectOption('95');
  const toast = page.locator('.toast');
  await toast.waitFor();
  assert.equal(await toast.innerText().then((t) => t.split('\n')[0]),
    'Desired retention is now 95%. It applies from your next answer to each question; reviews already scheduled keep their dates.');
  assert.ok(await inViewport(page, toast));
  await page.locator('select#retention').selectOption('85');
  assert.match(await toast.innerText(), /now 85%/, 'a new one replaces the old');
  assert.equal(await toast.count(), 1);
  await checkAccessible(page, 'toast');
  page.assertClean();
  await context.close();
});

test('the topic picker has All and Clear, by mouse and by keyboard', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  await page.goto(env.server.url);
  const boxes = page.locator('.topic-grid input[type=checkbox]');
  await boxes.first().waitFor();
  const total = await boxes.count();
  assert.ok(await page.getByRole('button', { name: 'Clear topics' }).isDisabled(), 'nothing to clear yet');
  await page.getByRole('button', { name: 'Pick all topics' }).click();
  assert.equal(await page.locator('.topic-grid input:checked').count(), total);
  await page.getByRole('button', { name: 'Clear topics' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.topic-grid input:checked').count(), 0);
  await boxes.nth(2).check();
  await flushSaves(page);
  await page.reload();
  await boxes.first().waitFor();
  assert.equal(await page.locator('.topic-grid input:checked').count(), 1, 'the choice is saved');
  page.assertClean();
  await context.close();
});

test('"No quiz in progress" and "No results yet" are padded cards, in both themes', async () => {
  for (const scheme of ['light', 'dark']) {
    const context = await env.browser.newContext({ colorScheme: scheme, viewport: { width: 390, height: 700 } });
    const page = await watchedPage(context);
    for (const [path, title] of [['#/quiz', 'No quiz in progress'], ['#/results', 'No results yet']]) {
      await page.goto(`${env.server.url}${path}`);
      const card = page.locator('.card.empty');
      await card.locator('h1', { hasText: title }).waitFor();
      const [padding, heading, text] = await card.evaluate((el) => [
        parseFloat(getComputedStyle(el).paddingLeft),
        getComputedStyle(el.querySelector('h1')).color,
        getComputedStyle(document.body).color,
      ]);
      assert.ok(padding >= 12, `${path}: ${padding}px of padding`);
      assert.equal(heading, text, `${path}: the heading is in the text colour, not grey`);
      await assertAccessible(page, `${title} (${scheme})`);
    }
    page.assertClean();
    await context.close();
  }
});

test('a quiet note says when the app runs offline, and goes when the network is back', async () => {
  const server = await serve();
  try {
    const context = await env.browser.newContext();
    const page = await watchedPage(context, { allow: [/net::ERR_|Failed to load resource/] });
    await page.goto(server.url);
    await page.locator('button.start').waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const note = page.locator('.offline-note');
    assert.equal(await note.innerText(), '', 'online: nothing to say');
    assert.ok(!(await note.isVisible()));
    server.offline();
    await context.setOffline(true);
    await note.filter({ hasText: 'offline — progress saves on this device' }).waitFor();
    assert.equal(await note.getAttribute('role'), 'status', 'announced, politely');
    // Offline after a reload too, and the quiz still runs.
    await page.reload();
    await note.filter({ hasText: 'offline' }).waitFor();
    await page.locator('button.start').click();
    await page.waitForURL(/#\/q\//);
    assert.ok(await note.isVisible(), 'shown during a quiz');
    await assertAccessible(page, 'offline note');
    server.online();
    await context.setOffline(false);
    await page.waitForFunction(() => document.querySelector('.offline-note').textContent === '');
    page.assertClean();
    await context.close();
  } finally {
    await server.close();
  }
});

test('"Embed this quiz" sits beside Start, on a phone too, and its snippet opens below the bar', async () => {
  for (const width of [1280, 390]) {
    const context = await env.browser.newContext({ viewport: { width, height: 844 } });
    const page = await watchedPage(context);
    await page.goto(env.server.url);
    const start = page.locator('.start-bar button.start');
    const embed = page.locator('.start-bar').getByRole('button', { name: 'Embed this quiz' });
    await start.waitFor();
    const [a, b] = [await start.boundingBox(), await embed.boundingBox()];
    assert.ok(Math.abs(a.y - b.y) < 8, `${width}px: on Start's row (${a.y} / ${b.y})`);
    assert.ok(Math.abs(a.x + a.width - b.x) < 40, `${width}px: right next to it`);
    assert.equal(await page.locator('.builder .actions .embed-dialog').count(), 0, 'no longer at the end of the builder');
    // By keyboard: the Tab after Start, Enter opens the snippet.
    await start.focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Embed this quiz');
    await page.keyboard.press('Enter');
    const snippet = page.locator('.start-bar textarea.snippet');
    await snippet.waitFor();
    assert.match(await snippet.inputValue(), /embed\.js"/);
    const panel = await page.locator('.embed-panel').boundingBox();
    assert.ok(panel.y >= a.y + a.height, 'the snippet opens below Start');
    assert.ok(await horizontalOverflow(page) <= 0, `${width}px: no sideways scrolling`);
    // While open the bar does not stick, so the snippet never covers the builder.
    await page.evaluate(() => window.scrollTo(0, 600));
    const top = await page.locator('.start-bar').boundingBox();
    assert.ok(top.y < 0, 'scrolled away with the page');
    await embed.click();
    await page.locator('.embed-panel').waitFor({ state: 'detached' });
    if (width === 390) await shot(page, 'home-embed-beside-start');
    page.assertClean();
    await context.close();
  }
});

test("the embed dialog links to every option and to own questions, says an exam's time limit does not carry over, and its snippet names no seed and no topic when all are picked", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context);
  await page.goto(env.server.url);
  await page.locator('#mode-exam').check();
  await page.locator('.modes select').selectOption({ label: '20 minutes' });
  await page.locator('.pick-all').click();
  await page.locator('.start-bar').getByRole('button', { name: 'Embed this quiz' }).click();
  const panel = page.locator('.embed-panel');
  await panel.waitFor();
  assert.match(await panel.locator('.notice').innerText(), /untimed: the 20-minute limit is not part of the snippet/);
  const snippet = await panel.locator('textarea.snippet').inputValue();
  assert.match(snippet, /data-mode="exam"/);
  assert.doesNotMatch(snippet, /data-topic|data-seed/, snippet);
  assert.equal(await panel.getByRole('link', { name: /Every option, with live examples/ }).getAttribute('href'), 'embed-demo.html');
  assert.equal(await panel.getByRole('link', { name: /Embed your own questions/ }).getAttribute('href'), 'author/');
  await shot(page, 'embed-dialog');
  // The linked pages exist in the build.
  for (const path of ['embed-demo.html', 'author/']) {
    const res = await page.request.get(`${env.server.url}${path}`);
    assert.equal(res.status(), 200, path);
  }
  // Practice mode: no note about time limits.
  await page.locator('#mode-practice').check();
  assert.equal(await panel.locator('.notice').count(), 0);
  page.assertClean();
  await context.close();
});
