// Links as people really pass them around: cut off by a chat app, with punctuation glued on,
// half-decoded, or damaged. None may hang the page, and each says honestly what it could read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, watchedPage, idsOfType } from './harness.mjs';

const env = useBrowser();

/** Opens `path` in a fresh context; the page must get past "Loading the quiz…". */
async function open(path) {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  await page.goto(`${env.server.url}${path}`);
  await page.locator('main h1, .q-heading, .link-error, .question-card').first().waitFor({ timeout: 15_000 });
  // A shared quiz first says what it is: take it, as its receiver would.
  const start = page.locator('.quiz-intro .start-shared');
  if (await start.count()) {
    await start.click();
    await page.locator('.q-heading').waitFor();
  }
  assert.equal(await page.locator('.boot-problem').count(), 0, `${path}: no start-up failure`);
  return { page, context };
}

async function heading(page) {
  return page.locator('.q-heading').innerText();
}

test('a stray % anywhere in the address opens a page, never an endless "Loading"', async () => {
  const [a, b] = idsOfType(env.bank, 'single', 2);
  for (const [path, expect] of [
    [`#/q/${a}.${b}%`, 'Question 1 of 2'],
    [`#/q/${a}%2`, 'Question 1 of 1'],
  ]) {
    const { page, context } = await open(path);
    assert.equal(await heading(page), expect, path);
    assert.match(await page.locator('.notices').innerText(), /looks cut off/, path);
    page.assertClean();
    await context.close();
  }
  for (const [path, selector] of [[`#/question/${a}%`, '.question-page .prompt'], ['#/browse?q=100%', '#browse-text']]) {
    const { page, context } = await open(path);
    await page.locator(selector).waitFor();
    page.assertClean();
    await context.close();
  }
  // A malformed escape inside the link is damage, said as such.
  const { page, context } = await open(`#/q/${a}%zz${b}`);
  assert.match(await page.locator('.link-error').innerText(), /This link does not work/);
  page.assertClean();
  await context.close();
});

test('punctuation a chat app glued on, and an escaped dot, still open the same quiz', async () => {
  const [a, b] = idsOfType(env.bank, 'single', 2);
  for (const path of [`#/q/${a}.${b}).`, `#/q/${a}.${b},`, `#/q/${a}.${b}!`, `#/q/${a}%2E${b}`, `#/q/${a}%2e${b}"`]) {
    const { page, context } = await open(path);
    assert.equal(await heading(page), 'Question 1 of 2', path);
    assert.equal(await page.locator('.question-card .prompt').getAttribute('id'), `prompt-${a}`, path);
    assert.equal(await page.locator('.notices .notice').count(), 0, `${path}: nothing to apologise for`);
    page.assertClean();
    await context.close();
  }
});

test('a quiz link cut inside its last id says it looks cut off and offers what remains', async () => {
  const [a, b, c] = idsOfType(env.bank, 'single', 3);
  const { page, context } = await open(`#/q/${a}.${b}.${c.slice(0, c.indexOf('-') + 1)}`);
  assert.equal(await heading(page), 'Question 1 of 2');
  const notice = await page.locator('.notices').innerText();
  assert.match(notice, /looks cut off/);
  assert.doesNotMatch(notice, /no longer exist/, 'a cut link is not blamed on deleted questions');
  page.assertClean();
  await context.close();
});

test('score links: a cut one counts what it lost, a damaged score names the broken part; both offer the quiz', async () => {
  const [a, b] = idsOfType(env.bank, 'single', 2);
  {
    const { page, context } = await open(`#/score/1-5/${a}.${b}`);
    assert.match(await page.locator('main').innerText(), /looks cut off: 3 of the 5 questions could not be read/);
    await page.getByRole('link', { name: /Take the same quiz/ }).click();
    await page.locator('.q-heading', { hasText: 'Question 1 of 2' }).waitFor();
    page.assertClean();
    await context.close();
  }
  {
    const { page, context } = await open(`#/score/9-5/${a}.${b}`);
    const card = page.locator('.link-error');
    assert.match(await card.innerText(), /“9-5” is not a score/);
    await card.getByRole('link', { name: 'Take its quiz' }).click();
    // The quiz of a friend's link first says what it is.
    await page.locator('.quiz-intro').getByRole('button', { name: 'Start the quiz' }).click();
    await page.locator('.q-heading', { hasText: 'Question 1 of 2' }).waitFor();
    page.assertClean();
    await context.close();
  }
});

test('the embed: a stray %, a retired id or only unknown ids never leave it loading', async () => {
  const [a, b] = idsOfType(env.bank, 'single', 2);
  const prefix = a.slice(0, a.lastIndexOf('-'));
  for (const [hash, expect] of [
    [`ids=${a}.${b}%`, 'Question 1 of 2'],
    [`ids=${a}.${prefix}-999`, 'Question 1 of 1'],
  ]) {
    const { page, context } = await open(`embed/#${hash}`);
    // The retired id is dropped once its topic's chunk is read: until then it counts.
    await page.locator('.question-card .prompt').waitFor();
    await page.locator('.q-heading', { hasText: expect }).waitFor();
    assert.equal(await heading(page), expect, hash);
    page.assertClean();
    await context.close();
  }
  const { page, context } = await open(`embed/#ids=${prefix}-998.${prefix}-999`);
  assert.match(await page.locator('.link-error').innerText(), /no questions to show/);
  page.assertClean();
  await context.close();
});
