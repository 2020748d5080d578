// Quizzing what you chose: "Quiz these results" from Browse (capped, saying so), "Quiz my
// bookmarks", output questions told apart by their code, and study sessions that say what they
// are above the quiz and on the continue card.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, watchedPage, shot, idsOfType, currentId, expectQuestion, answerWithKeyboard,
  openQuiz, assertAccessible, horizontalOverflow,
} from './harness.mjs';

const env = useBrowser();

/** The listed questions' ids, in order. */
async function listed(page) {
  const links = await page.locator('.browse-item a.button').allInnerTexts();
  return links.map((t) => t.replace(/^Open /, ''));
}

test('"Quiz these N results" quizzes a search in the order listed, capped at 50 and saying so', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context);
  await page.goto(`${env.server.url}#/browse?topic=scope&type=output`);
  await page.locator('.browse-item .browse-prompt p').first().waitFor();
  const ids = await listed(page);
  const expected = [...env.bank.values()].filter((q) => q.topic === 'scope' && q.body.type === 'output').length;
  assert.equal(ids.length, expected);
  const button = page.getByRole('button', { name: `Quiz these ${expected} results` });
  assert.ok(await button.isVisible(), 'beside the count');
  // Output questions are told apart by their code's first telling line.
  const lines = await page.locator('.browse-item .code-line').allInnerTexts();
  assert.equal(lines.length, expected, 'every output question shows a line of its code');
  assert.ok(new Set(lines).size > lines.length / 2, 'and the lines differ');
  assert.ok(lines.every((l) => l.length <= 60 && !l.startsWith('import ') && !l.startsWith('#')));
  await shot(page, 'browse-results-quiz');
  await assertAccessible(page, 'browse with a quiz button');
  await button.click();
  await page.waitForURL(new RegExp(`#/q/${ids.join('\\.')}$`));
  await expectQuestion(page, ids[0]);
  assert.equal(await page.locator('.quiz-purpose').innerText(), `Search results: ${expected} questions`);
  assert.equal(await page.locator('.q-heading').innerText(), `Question 1 of ${expected}`);

  // Everything listed: the first 50, said on the button.
  await page.goto(`${env.server.url}#/browse`);
  await page.locator('.browse-item').first().waitFor();
  const cap = page.getByRole('button', { name: `Quiz the first 50 of these ${env.bank.size}` });
  await cap.click();
  await page.waitForURL(/#\/q\//);
  assert.equal(await page.locator('.q-heading').innerText(), 'Question 1 of 50');
  // No results: nothing to quiz.
  await page.goto(`${env.server.url}#/browse?q=zzzzqqq`);
  await page.locator('.showing', { hasText: /^0 questions/ }).waitFor();
  assert.ok(await page.locator('button.quiz-results').isDisabled());
  page.assertClean();
  await context.close();
});

test('bookmarks: bookmarked in Browse, quizzed from Browse and from Home', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await watchedPage(context);
  await page.goto(env.server.url);
  const none = page.getByRole('button', { name: 'Quiz my bookmarks (0)' });
  assert.ok(await none.isDisabled(), 'nothing to quiz yet');
  const ids = idsOfType(env.bank, 'output', 2);
  for (const id of ids) {
    await page.goto(`${env.server.url}#/browse?q=${id}`);
    await page.locator('.browse-item a', { hasText: `Open ${id}` }).waitFor();
    await page.locator('.browse-item .bookmark').click();
  }
  await page.goto(`${env.server.url}#/browse?bookmarked=1`);
  await page.locator('.showing', { hasText: /^2 questions/ }).waitFor();
  assert.ok(await horizontalOverflow(page) <= 0, 'the results bar fits at 390 px');
  await page.getByRole('button', { name: 'Quiz my bookmarks (2)' }).click();
  await page.waitForURL(/#\/q\//);
  assert.equal(await page.locator('.quiz-purpose').innerText(), 'Your bookmarks: 2 questions');
  const first = await currentId(page);
  assert.ok(ids.includes(first));

  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Quiz my bookmarks (2)' }).click();
  await page.waitForURL(/#\/q\//);
  assert.equal(await page.locator('.q-heading').innerText(), 'Question 1 of 2');
  assert.equal(await page.locator('.quiz-purpose').innerText(), 'Your bookmarks: 2 questions');
  page.assertClean();
  await context.close();
});

test('study sessions say what they are, above the quiz and on the continue card', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  // Cram: named, with what it does to the schedule.
  await page.goto(env.server.url);
  await page.locator('#cram-topic').selectOption({ label: 'Scope & closures' });
  await page.locator('button.cram-start').click();
  await page.waitForURL(/#\/q\//);
  const cram = 'Cram: Scope & closures — your review dates stay as they are';
  assert.equal(await page.locator('.quiz-purpose').innerText(), cram);
  await page.locator('.question-card .prompt').waitFor();
  await page.evaluate(() => dispatchEvent(new Event('pagehide')));
  await page.goto(env.server.url);
  assert.match(await page.locator('.continue li').first().innerText(), new RegExp(`^${cram}: 0 of \\d+ answered, at question 1\\.`));

  // Mistakes: "Your 2 mistakes", on the card after a reload too.
  const ids = idsOfType(env.bank, 'single', 2);
  await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}`);
  for (const id of ids) {
    await expectQuestion(page, id);
    await answerWithKeyboard(page, env.bank.get(id), { correct: false });
    await page.locator('.feedback').waitFor();
    await page.keyboard.press('Enter');
  }
  await page.waitForURL(/#\/results$/);
  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Practise my mistakes (2)' }).click();
  await page.waitForURL(/#\/q\//);
  assert.equal(await page.locator('.quiz-purpose').innerText(), 'Your 2 mistakes');
  await page.locator('.question-card .prompt').waitFor();
  await page.reload();
  await page.locator('.question-card .prompt').waitFor();
  assert.equal(await page.locator('.quiz-purpose').innerText(), 'Your 2 mistakes', 'after a reload too');
  await page.goto(env.server.url);
  const card = page.locator('.continue li').first();
  assert.match(await card.innerText(), /^Your 2 mistakes: 0 of 2 answered, at question 1\./);
  page.assertClean();
  await context.close();
});

test('the continue card tells an output question apart by its topic and code', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const ids = idsOfType(env.bank, 'output', 2);
  await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}`);
  await expectQuestion(page, ids[0]);
  await page.keyboard.press('ArrowRight');
  await expectQuestion(page, ids[1]);
  await page.evaluate(() => dispatchEvent(new Event('pagehide')));
  await page.reload();
  await expectQuestion(page, ids[1]);
  await page.goto(env.server.url);
  const at = page.locator('.continue .at-question');
  await at.waitFor();
  const text = await at.innerText();
  const q = env.bank.get(ids[1]);
  assert.ok(text.startsWith('Question 2: '), text);
  const firstLine = q.code.split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('#') && !/^(import|from) /.test(l) && !l.startsWith('sys.path'));
  assert.ok(text.includes(firstLine.slice(0, 40)), `${text} shows "${firstLine}"`);
  page.assertClean();
  await context.close();
});
