// axe-core on every route, in both colour schemes: home, each question type before and after
// answering, results, the continue card, a shared quiz's intro, progress, browse, a question's
// page, a score link, link errors, the reset toast and the embed. Any violation fails.
import { test } from 'node:test';
import { useBrowser, watchedPage, oneOfEachType, idsOfType, answerWithKeyboard, expectQuestion, assertAccessible, openQuiz } from './harness.mjs';

const env = useBrowser();

for (const scheme of ['light', 'dark']) {
  test(`every route passes axe (${scheme})`, async () => {
    const context = await env.browser.newContext({ colorScheme: scheme });
    const page = await watchedPage(context);
    const check = (label) => assertAccessible(page, `${label} (${scheme})`);
    await page.goto(env.server.url);
    await page.locator('button.start').waitFor();
    await check('home');

    const ids = oneOfEachType(env.bank);
    await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}`);
    for (const [i, id] of ids.entries()) {
      const q = env.bank.get(id);
      await expectQuestion(page, id);
      await check(`${q.body.type} question`);
      await answerWithKeyboard(page, q, { correct: i % 2 === 0 });
      await page.locator('.feedback, .grade[aria-pressed="true"]').first().waitFor();
      await check(`${q.body.type} question answered`);
      await page.keyboard.press('Enter');
    }
    await page.waitForURL(/#\/results$/);
    await page.locator('.review-item details').first().evaluate((d) => { d.open = true; });
    await check('results');

    const exam = idsOfType(env.bank, 'output', 3);
    await openQuiz(page, `${env.server.url}#/q/${exam.join('.')}/exam`);
    await expectQuestion(page, exam[0]);
    await page.keyboard.press('f');
    await check('exam');
    await page.keyboard.press('?');
    await page.locator('.shortcuts').waitFor();
    await check('shortcuts');

    for (const [path, ready, label] of [
      ['#/', '.continue', 'home with a quiz to continue'],
      [`#/q/${idsOfType(env.bank, 'single', 2).join('.')}`, '.quiz-intro', 'shared quiz intro'],
      ['#/progress', '[data-stat=answered]', 'progress'],
      ['#/browse', '.browse-item', 'browse'],
      [`#/question/${ids[0]}`, '.question-card', 'question page'],
      [`#/score/1-2/${ids[0]}.${ids[1]}`, '.score-share', 'score link'],
      ['#/q/BAD!!', '.link-error', 'broken link'],
      ['#/nowhere', '.link-error:has-text("Page not found")', 'not found'], // the card before is a .link-error too
    ]) {
      await page.goto(`${env.server.url}${path}`);
      await page.locator(ready).first().waitFor();
      await check(label);
    }
    await page.getByRole('button', { name: 'Reset progress…' }).count();
    await page.goto(`${env.server.url}#/progress`);
    await page.getByRole('button', { name: 'Reset progress…' }).click();
    await check('reset confirmation');
    await page.getByRole('button', { name: 'Yes, erase my progress' }).click();
    await page.locator('.toast .toast-action').waitFor();
    await check('reset undo toast');

    await page.goto(`${env.server.url}embed/#topic=scope&count=2`);
    await page.locator('.question-card').waitFor();
    await check('embed');
    page.assertClean();
    await context.close();
  });
}
