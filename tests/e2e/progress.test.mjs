// The Progress page a learner can read: charts with axes and values, a "% right" line that shows
// even for one day, "No data yet" instead of empty frames, a labelled calendar, one definition
// of accuracy on tiles, table and charts, mastery explained, and one topic view. Days pass on a
// paused clock, in UTC, so the dates are the same on every machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, watchedPage, shot, expectQuestion, answerWithKeyboard, assertAccessible,
  sticksOut, horizontalOverflow, openQuiz,
} from './harness.mjs';

const env = useBrowser();
const T0 = new Date('2026-11-02T09:00:00Z'); // a Monday
const DAY = 24 * 3_600_000;

/**
 * A page whose clock stands at T0 and moves only when told. The fake clock starts a minute
 * early and is run to T0, so it never has to go back however slow the machine is.
 */
async function clockedPage(options = {}) {
  const context = await env.browser.newContext({ timezoneId: 'UTC', ...options });
  const page = await watchedPage(context);
  await page.clock.install({ time: new Date(T0.getTime() - 60_000) });
  await page.clock.pauseAt(T0);
  return { context, page };
}

/** Multiple-choice questions of one topic, in bank order: answerable with the keyboard. */
function choiceQuestions(topic) {
  return [...env.bank.values()]
    .filter((q) => q.topic === topic && ['single', 'multi', 'output'].includes(q.body.type))
    .map((q) => q.id);
}

/** Takes a quiz of `answers` ([id, right?] pairs) from its link, as a learner would. */
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

async function openProgress(page) {
  await page.goto(`${env.server.url}#/progress`);
  await page.locator('[data-stat=answered]').waitFor();
}

/** axe waits on timers: the paused clock is let run (from where it stands) while it checks. */
async function checkAccessible(page, label) {
  await page.clock.resume();
  await assertAccessible(page, label);
}

const texts = (locator) => locator.allTextContents();

/** Every chart's marks and labels lie inside its drawing, and the page does not scroll sideways. */
async function assertFits(page, label) {
  for (const svg of await page.locator('.chart svg').all()) {
    assert.deepEqual(await sticksOut(svg, 'rect, text, circle, line'), [], `${label}: nothing is cut off`);
  }
  const overflow = await horizontalOverflow(page);
  assert.ok(overflow <= 0, `${label}: the page is ${overflow}px too wide`);
}

test('with nothing answered yet, each chart says "No data yet" instead of an empty frame', async () => {
  const { context, page } = await clockedPage({ viewport: { width: 390, height: 844 } });
  await openProgress(page);
  const charts = page.locator('.charts .chart');
  assert.equal(await charts.count(), 3, 'answers per day, reviews due, calendar');
  for (const chart of await charts.all()) {
    const empty = chart.locator('.chart-empty');
    assert.ok(await empty.isVisible(), `${await chart.locator('figcaption').innerText()} says so`);
    assert.equal(await empty.innerText(), 'No data yet');
    assert.equal(await chart.locator('svg').count(), 0, 'no empty frame');
  }
  assert.equal(await page.locator('[data-stat=percent]').innerText(), '–');
  await assertFits(page, 'empty at 390px');
  await shot(page, 'progress-empty');
  await checkAccessible(page, 'empty progress (light)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await checkAccessible(page, 'empty progress (dark)');
  page.assertClean();
  await context.close();
});

test('one day of answers: a bar on a labelled scale and a "% right" point, at 390 px', async () => {
  const { context, page } = await clockedPage({ viewport: { width: 390, height: 844 } });
  const [a, b, c, d] = choiceQuestions('fundamentals');
  await takeQuiz(page, [[a, true], [b, false], [c, true], [d, true]]);
  await openProgress(page);
  const daily = page.locator('.chart.daily');
  assert.deepEqual(await texts(daily.locator('text.tick:not(.pct)')), ['0', '1', '2', '3', '4'], 'a y-axis of answers');
  assert.deepEqual(await texts(daily.locator('text.tick.pct')), ['0%', '50%', '100%'], 'and of % right');
  const dot = daily.locator('circle.dot');
  assert.equal(await dot.count(), 1, 'one day is one point');
  assert.ok(await dot.isVisible());
  assert.equal(await dot.locator('title').textContent(), 'Nov 2: 4 answers, 75% right');
  assert.match(await daily.locator('.legend').innerText(), /% right/);
  // Today's bar stands clear of the right edge and of the % scale.
  const bar = await daily.locator('rect.answers').last().boundingBox();
  assert.ok(bar.height > 0);
  const scale = await daily.locator('text.tick.pct').first().boundingBox();
  assert.ok(bar.x + bar.width < scale.x, 'the bar ends before the % scale begins');
  const dotBox = await dot.boundingBox();
  assert.ok(Math.abs(dotBox.x + dotBox.width / 2 - (bar.x + bar.width / 2)) < 1, 'the point is over its bar');
  // The forecast shows its values.
  const values = await texts(page.locator('.chart.forecast text.value'));
  assert.ok(values.length > 0);
  assert.equal(values.map(Number).reduce((x, y) => x + y), 4, 'each of the 4 questions is due once');
  await assertFits(page, 'one day at 390px');
  page.assertClean();
  await context.close();
});

test('a few days of practice: one "% right" everywhere, charts with values, a labelled calendar, one topic view', async () => {
  const { context, page } = await clockedPage();
  const q = choiceQuestions('scope');
  assert.ok(q.length >= 16, 'enough scope questions');
  // Monday: 8 answers, 6 right.
  await takeQuiz(page, [[q[0], true], [q[1], false], [q[2], true], [q[3], true], [q[4], false], [q[5], true], [q[6], true], [q[7], true]]);
  // Tuesday: the two misses again, right, and five new ones: 7 answers, 5 right.
  await page.clock.setSystemTime(new Date(T0.getTime() + DAY));
  await takeQuiz(page, [[q[1], true], [q[4], true], [q[8], true], [q[9], false], [q[10], true], [q[11], false], [q[12], true]]);
  // Thursday, after a day off: 5 answers, 3 right.
  await page.clock.setSystemTime(new Date(T0.getTime() + 3 * DAY));
  await takeQuiz(page, [[q[13], true], [q[14], false], [q[15], true], [q[9], false], [q[0], true]]);
  await openProgress(page);

  // 20 answers, 14 right: 70%. Counted per question on its last try it would be 13 of 16 (81%).
  const stat = (name) => page.locator(`[data-stat=${name}]`).innerText();
  assert.equal(await stat('answered'), '16');
  assert.equal(await stat('attempts'), '20');
  assert.equal(await stat('correct'), '14');
  assert.equal(await stat('percent'), '70%');
  assert.equal(await stat('streak'), '1');
  const help = page.locator('.totals-card .accuracy-help');
  assert.ok(await help.isVisible());
  assert.match(await help.innerText(), /^% right = right answers ÷ answers given\./);
  const daily = page.locator('.chart.daily');
  const summary = await daily.locator('svg').getAttribute('aria-label');
  assert.equal(summary, '20 answers on 3 of the last 30 days, 70% right.', 'the chart says what the tile says');
  assert.equal(await daily.locator('.visually-hidden').textContent(), summary, 'also as text for screen readers');
  const scope = page.locator('.topic-table tr', { has: page.getByRole('button', { name: 'Start a quiz on Scope & closures' }) });
  assert.equal(await scope.locator('td[data-label="% right"]').innerText(), '70%', 'and so does the table');
  assert.equal(await scope.locator('td[data-label=Tried]').innerText(), `16 / ${[...env.bank.values()].filter((x) => x.topic === 'scope').length}`);

  // Answers per day: a scale, bars on it, and the % right line through a point per day.
  assert.deepEqual(await texts(daily.locator('text.tick:not(.pct)')), ['0', '2', '4', '6', '8']);
  assert.deepEqual(await texts(daily.locator('text.tick.pct')), ['0%', '50%', '100%']);
  const dots = daily.locator('circle.dot');
  assert.deepEqual(await texts(dots.locator('title')), [
    'Nov 2: 8 answers, 75% right', 'Nov 3: 7 answers, 71% right', 'Nov 5: 5 answers, 60% right',
  ]);
  assert.equal(((await daily.locator('path.line').getAttribute('d')).match(/L/g) ?? []).length, 2, 'a line through the three points');
  // The 8-answer bar reaches the "8" tick.
  const tallest = await daily.locator('rect.answers', { has: page.locator('title', { hasText: /^Nov 2: / }) }).boundingBox();
  const eight = await daily.locator('text.tick', { hasText: /^8$/ }).boundingBox();
  assert.ok(Math.abs(tallest.y - (eight.y + eight.height / 2)) < 3, 'bar top level with its tick');

  // Reviews due: every coming day with reviews shows its count above its bar.
  const forecast = page.locator('.chart.forecast');
  const due = Number((await forecast.locator('svg').getAttribute('aria-label')).match(/^(\d+) reviews due/)[1]);
  const values = (await texts(forecast.locator('text.value'))).map(Number);
  assert.ok(due > 0 && values.length > 0);
  assert.equal(values.reduce((x, y) => x + y), due, 'the values add up to the reviews due');
  const bars = await forecast.locator('rect.due').evaluateAll((rs) => rs.map((r) => Number(r.querySelector('title').textContent.match(/: (\d+) due$/)[1])));
  assert.deepEqual(bars.filter((n) => n > 0), values, 'each value belongs to its bar');

  // The calendar: weekday and month names, three days practised, today inside a whole grid.
  const calendar = page.locator('.chart.calendar');
  assert.deepEqual(await texts(calendar.locator('text.weekday')), ['Mon', 'Wed', 'Fri']);
  assert.deepEqual(await texts(calendar.locator('text.month')), ['Aug', 'Sep', 'Oct', 'Nov']);
  assert.equal(await calendar.locator('rect.day-active').count(), 3);
  assert.equal(await calendar.locator('rect').count(), 16 * 7, 'sixteen whole weeks');
  const today = calendar.locator('rect.today');
  assert.equal(await today.locator('title').textContent(), 'Today: practised');
  // By centres: today's outline makes its box a little larger than the others'.
  const centre = (b) => [b.x + b.width / 2, b.y + b.height / 2];
  const cells = (await calendar.locator('rect').evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().toJSON()))).map(centre);
  const [tx, ty] = centre(await today.boundingBox());
  const column = cells.filter(([x]) => Math.abs(x - tx) < 0.5);
  assert.equal(column.length, 7, "today's week is a whole column");
  assert.ok(tx <= Math.max(...cells.map(([x]) => x)) + 0.5, 'today does not stick out to the right');
  assert.ok(column.some(([, y]) => y > ty), 'the rest of the week is drawn below today');

  // Mastery: said what it means, shown once (in the table), as a number too.
  assert.equal(await page.locator('.chart.mastery').count(), 0, 'no second topic list');
  assert.equal(await page.locator('.charts .chart').count(), 3);
  const byTopic = page.locator('section', { has: page.locator('.topic-table') });
  assert.match(await byTopic.locator('.mastery-help').innerText(), /^Mastery = the chance you would recall each of a topic's questions today/);
  assert.match(await scope.locator('td[data-label=Mastery] .mastery-value').innerText(), /^[1-9]\d*%$/, 'a number, above 0 after 16 answers');

  await assertFits(page, 'desktop');
  await checkAccessible(page, 'progress with data (light)');
  await shot(page, 'progress-charts-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await checkAccessible(page, 'progress with data (dark)');
  await shot(page, 'progress-charts-dark');
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 844 });
    await assertFits(page, `${width}px`);
    const mastery = scope.locator('td[data-label=Mastery]');
    assert.ok(await mastery.locator('.mastery-value').isVisible(), `mastery readable at ${width}px`);
    const [cell, value] = [await mastery.boundingBox(), await mastery.locator('.mastery-value').boundingBox()];
    assert.ok(value.y - cell.y < 4, `its number on the same line as its label at ${width}px`);
    const charts = await page.locator('.charts .chart').evaluateAll((fs) => fs.map((f) => f.getBoundingClientRect().height));
    assert.ok(charts.every((h) => h < 400), `no chart is a long list at ${width}px: ${charts}`);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'progress-charts-390');
  page.assertClean();
  await context.close();
});
