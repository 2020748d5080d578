// Starts the app (or the embed) without any inline script, so the page runs under a strict
// Content-Security-Policy. It finds the wasm and its JavaScript from the preload links trunk
// writes, starts downloading the question chunks a link needs at once (in parallel with the
// wasm, instead of after it), shows a message with a reload button if the app cannot start or
// crashes, and registers the service worker that makes the app work offline.
function showProblem(text) {
  if (document.querySelector('.boot-problem')) return;
  const box = document.createElement('div');
  box.className = 'boot-problem';
  box.setAttribute('role', 'alert');
  const p = document.createElement('p');
  p.textContent = text;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'primary';
  button.textContent = 'Reload';
  button.addEventListener('click', () => location.reload());
  box.append(p, button);
  document.body.prepend(box);
}

let started = false;
const slow = setTimeout(() => {
  if (!started) showProblem('The quiz is taking long to start. Check your connection, or reload the page.');
}, 15000);

// A Rust panic stops the wasm: say so instead of leaving a page that no longer responds.
const crashed = (error) => {
  if (error instanceof WebAssembly.RuntimeError) showProblem('Something went wrong and the quiz stopped. Reload the page to go on; your progress is saved.');
};
addEventListener('error', (e) => crashed(e.error));
addEventListener('unhandledrejection', (e) => crashed(e.reason));

const meta = document.querySelector('meta[name="pyquiz-bank"]');
const bankBase = meta ? meta.content : 'bank/';
const chunks = {}; // topic id -> chunk file
const prefixes = {}; // id prefix -> topic id
for (const entry of (meta?.dataset.chunks || '').split(';')) {
  const [topic, prefix, file] = entry.split('=');
  if (file) { chunks[topic] = file; prefixes[prefix] = topic; }
}

/** The address without its `#`, decoded where it can be: a stray `%` must not stop the start. */
function readHash() {
  const raw = location.hash.replace(/^#/, '');
  try { return decodeURIComponent(raw); } catch { return raw; }
}

/** The topics whose questions the address asks for, if it says. */
function wantedTopics() {
  const hash = readHash();
  const topics = new Set();
  const byId = (ids) => ids.split('.').forEach((id) => {
    const t = prefixes[id.slice(0, id.lastIndexOf('-'))];
    if (t) topics.add(t);
  });
  const q = hash.match(/^\/(?:q|question|score\/[^/]*)\/([^/?]+)/);
  if (q) byId(q[1]);
  if (document.documentElement.dataset.embed !== undefined) {
    const params = new URLSearchParams(hash);
    if (params.get('ids')) byId(params.get('ids'));
    else (params.get('topic') || '').split(',').forEach((t) => chunks[t.trim()] && topics.add(t.trim()));
  }
  return [...topics].slice(0, 8);
}

// Prefetching is only a head start: whatever goes wrong here, the app fetches by itself.
window.pyquizPrefetch = {};
try {
  for (const topic of wantedTopics()) {
    const p = fetch(bankBase + chunks[topic]).then((r) => (r.ok ? r.json() : Promise.reject(r.status)));
    p.catch(() => {}); // the app fetches again itself if this one failed
    window.pyquizPrefetch[topic] = p;
  }
} catch (e) {
  console.warn('pyquiz could not prefetch', e);
}

const js = document.querySelector('link[rel="modulepreload"]');
const wasm = document.querySelector('link[rel="preload"][href$=".wasm"]');
try {
  const bindings = await import(js.href);
  await bindings.default({ module_or_path: wasm.href });
  started = true;
  // For the benchmark's timeline: an embed tells its host when its wasm is running.
  if (window.parent !== window) {
    window.parent.postMessage({ source: 'pyquiz', type: 'mark', name: 'wasm-instantiated', at: performance.timeOrigin + performance.now() }, '*');
  }
} catch (e) {
  console.warn('pyquiz could not start', e);
  showProblem('The quiz could not start. Check your connection and reload the page.');
} finally {
  clearTimeout(slow);
}

if (document.querySelector('link[rel="manifest"]') && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('sw.js').then((reg) => {
    // A new version was installed while this page was open: offer to switch to it.
    const offer = (worker) => {
      if (!worker || !navigator.serviceWorker.controller) return;
      const box = document.createElement('div');
      box.className = 'update-ready';
      box.setAttribute('role', 'status');
      const text = document.createElement('span');
      text.textContent = 'A new version of pyquiz is ready.';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'secondary';
      button.textContent = 'Reload';
      button.addEventListener('click', () => worker.postMessage('skip-waiting'));
      // Not now: the new version starts by itself on the next visit.
      const later = document.createElement('button');
      later.type = 'button';
      later.className = 'ghost';
      later.textContent = 'Later';
      later.addEventListener('click', () => box.remove());
      box.append(text, button, later);
      document.body.prepend(box);
    };
    if (reg.waiting) offer(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const worker = reg.installing;
      worker?.addEventListener('statechange', () => { if (worker.state === 'installed') offer(worker); });
    });
  }).catch((e) => console.warn('offline mode is unavailable', e));
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!reloading && navigator.serviceWorker.controller) { reloading = true; location.reload(); }
  });
}
