// The size budget: the app's first load and a one-topic embed must not grow past their budgets
// (scripts/size-budget.json). Bytes are deterministic, so this is a test; load time is not,
// and stays in the benchmark (scripts/bench.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from '../e2e/harness.mjs';
import { firstLoad, embedLoad } from '../../scripts/sizes.mjs';

// Another build can be checked with PYQUIZ_DIST=/path/to/dist.
const dist = process.env.PYQUIZ_DIST ?? DIST;
const budget = JSON.parse(readFileSync(join(ROOT, 'scripts', 'size-budget.json'), 'utf8'));
const show = (m) => m.files.map((f) => `${f.name} ${f.gzip}`).join(', ');

test('the app first load (wasm + js + css) stays within its budget', () => {
  const m = firstLoad(dist);
  console.log(`app first load: ${m.total} bytes gzip (budget ${budget.app_first_load})`);
  assert.ok(m.files.some((f) => f.name.endsWith('.wasm')), 'a built app');
  assert.ok(m.total <= budget.app_first_load, `${m.total} > ${budget.app_first_load}: ${show(m)}`);
});

test('a one-topic embed (embed.js, page, wasm, js, css, chunk) stays within its budget', () => {
  const m = embedLoad(dist);
  console.log(`one-topic embed: ${m.total} bytes gzip (budget ${budget.embed_one_topic})`);
  assert.ok(m.files.some((f) => f.name.endsWith('.wasm')) && m.files.some((f) => f.name.startsWith('bank/')), 'a built embed and its chunk');
  assert.ok(m.total <= budget.embed_one_topic, `${m.total} > ${budget.embed_one_topic}: ${show(m)}`);
});
