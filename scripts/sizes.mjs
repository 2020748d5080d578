// What a reader downloads, from a built dist/: the app's first load and a one-topic embed's.
// Shared by the benchmark and the size budget test. Sizes are gzip -9, as a host would serve.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

function measure(dir, names) {
  const files = names.map((name) => {
    const buf = readFileSync(join(dir, name));
    return { name, raw: buf.length, gzip: gz(buf) };
  });
  return { files, total: files.reduce((a, f) => a + f.gzip, 0) };
}

const inDir = (dir, test) => readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile() && test(f));

/** The app page's own code and styles: its wasm, its JavaScript (glue and boot) and CSS. */
export function firstLoad(dist) {
  return measure(dist, inDir(dist, (f) => !f.startsWith('embed') && (/\.(wasm|css)$/.test(f) || (/\.js$/.test(f) && f !== 'sw.js'))));
}

/** Everything a one-topic embed fetches: embed.js, the iframe page and its code, one chunk. */
export function embedLoad(dist, topic = 'scope') {
  const embed = join(dist, 'embed');
  const own = inDir(embed, (f) => /\.(wasm|js|css|html)$/.test(f)).map((f) => join('embed', f));
  const chunk = inDir(join(dist, 'bank'), (f) => f.startsWith(`${topic}.`)).map((f) => join('bank', f));
  return measure(dist, ['embed.js', ...own, ...chunk]);
}
