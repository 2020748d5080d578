// Trunk's post-build hook, for both builds (see Trunk.toml). In the staging folder it:
// - copies the bank chunks build.rs wrote into bank/ (the app build; the embed reads ../bank/),
// - tells boot.js where the chunks are (a <meta> in the page: no inline script needed),
// - puts the pre-rendered Home into the app's page,
// - minifies the JavaScript (trunk's minifier skips ES modules) and updates the pages'
//   integrity hashes to match,
// - writes the service worker with the list of files to keep offline (the app build).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { minify } from 'terser';

const stage = process.env.TRUNK_STAGING_DIR;
const html = process.env.TRUNK_HTML_FILE ?? '';
if (!stage) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
const htmlPath = html.replace(/\\/g, '/');
const embed = htmlPath.endsWith('embed/index.html');
// The author page (author/index.html) is neither the app nor the embed: no bank, no worker.
const author = htmlPath.endsWith('author/index.html');
const app = !embed && !author;
const chunksDir = 'target/bank-chunks';
const map = readFileSync('target/bank-chunks.map', 'utf8').trim();

if (app) {
  mkdirSync(join(stage, 'bank'), { recursive: true });
  for (const f of readdirSync(chunksDir).filter((f) => f.endsWith('.json'))) {
    copyFileSync(join(chunksDir, f), join(stage, 'bank', f));
  }
}

const page = join(stage, 'index.html');
const meta = `<meta name="pyquiz-bank" content="${app ? 'bank/' : '../bank/'}" data-chunks="${author ? '' : map}">`;
writeFileSync(page, readFileSync(page, 'utf8').replace('</head>', `  ${meta}\n</head>`));

if (app) {
  // Home, pre-rendered (scripts/build.sh): it paints before the wasm arrives, which hydrates it.
  const rendered = 'target/prerendered-home.html';
  if (!existsSync(rendered)) throw new Error(`postbuild: ${rendered} is missing (scripts/build.sh renders it before trunk runs)`);
  const home = readFileSync(rendered, 'utf8');
  const text = readFileSync(page, 'utf8');
  const placeholder = /<div id=("app"|app)>[\s\S]*?<\/div>/;
  if (!placeholder.test(text)) throw new Error('postbuild: no <div id="app"> placeholder in index.html');
  // trunk's preload link would start the wasm before Home's first paint, sharing a phone's
  // bandwidth with the page and its CSS: preload.js starts it right after that paint instead.
  const preload = /<link [^>]*_bg\.wasm[^>]*>/;
  const link = text.match(preload)?.[0];
  const attr = (name) => link?.match(new RegExp(`${name}=("[^"]*"|[^ >]+)`))?.[1].replace(/"/g, '');
  if (!attr('href') || !attr('integrity')) throw new Error('postbuild: no wasm preload link in index.html');
  const meta = `<meta name="pyquiz-wasm" content="${attr('href')}" data-integrity="${attr('integrity')}">`;
  writeFileSync(page, text.replace(placeholder, () => `<div id=app data-prerendered>${home}</div>`).replace(preload, meta));
}

// The wasm-bindgen glue, boot.js and embed.js: about a third smaller gzipped once minified.
let pageText = readFileSync(page, 'utf8');
for (const name of readdirSync(stage).filter((f) => f.endsWith('.js'))) {
  const path = join(stage, name);
  const source = readFileSync(path, 'utf8');
  const { code } = await minify(source, { module: /-[0-9a-f]{16}\.js$/.test(name), compress: { passes: 2 }, mangle: true });
  writeFileSync(path, code);
  const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
  pageText = pageText.replace(/<[^>]*>/g, (tag) => (tag.includes(`./${name}`)
    ? tag.replace(/integrity=("[^"]*"|[^ >]+)/, `integrity="${integrity}"`)
    : tag));
}
writeFileSync(page, pageText);

if (app) {
  // Everything the app needs offline: the shell and every chunk (their names change with
  // their content, so serving them from the cache first is always right).
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(stage, path).split('\\').join('/'));
    }
  };
  walk(stage);
  const shell = files.filter((f) => f !== 'sw.js' && !f.startsWith('embed-demo.') && !f.startsWith('embed/')).sort();
  const hash = createHash('sha256');
  for (const f of shell) hash.update(f).update(readFileSync(join(stage, f)));
  const version = hash.digest('hex').slice(0, 16);
  const template = readFileSync('web/sw.js', 'utf8');
  writeFileSync(
    join(stage, 'sw.js'),
    template.replace("'__VERSION__'", JSON.stringify(version)).replace('[/* __FILES__ */]', JSON.stringify(['./', ...shell])),
  );
  console.log(`postbuild: ${shell.length} files for offline use, version ${version}`);
}
