// Runs while the page is still being parsed (a classic script at the end of <body>, not a
// module, which would wait for DOMContentLoaded): starts downloading the question chunks the
// address needs and compiling the wasm as its bytes arrive. boot.js takes both when it starts
// the app; whatever fails here, the app fetches again by itself.
(() => {
  // The app's page holds Home, pre-rendered: any other address keeps its header but waits for
  // the app instead of showing a Home it is not asking for (the app then draws it afresh).
  const root = document.getElementById('app');
  const prerendered = root?.hasAttribute('data-prerendered');
  const home = /^#?\/?$/.test(location.hash);
  if (prerendered && !home) {
    const wait = document.createElement('p');
    wait.className = 'loading';
    wait.textContent = 'Loading the quiz…';
    (root.querySelector('main') ?? root).replaceChildren(wait);
    root.querySelector('nav [aria-current]')?.removeAttribute('aria-current');
  }

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

  window.pyquizPrefetch = {};
  try {
    for (const topic of wantedTopics()) {
      const p = fetch(bankBase + chunks[topic]).then((r) => (r.ok ? r.json() : Promise.reject(r.status)));
      // `arrived` is read by the embed before its first render: a chunk already here is drawn
      // at once. A failure is left for the app, which fetches again itself.
      p.then(() => { p.arrived = true; }, () => {});
      window.pyquizPrefetch[topic] = p;
    }
  } catch (e) {
    console.warn('pyquiz could not prefetch', e);
  }

  // The same request as trunk's preload link (CORS mode, its integrity), so the browser hands
  // over that download instead of starting a second one. The app's page has no such link (see
  // postbuild.mjs): a pre-rendered Home paints first, and only then does the wasm start, so the
  // two never share the phone's bandwidth; any other address starts it at once.
  const link = document.querySelector('link[rel="preload"][href$=".wasm"], meta[name="pyquiz-wasm"]');
  if (link && 'compileStreaming' in WebAssembly) {
    const href = new URL(link.getAttribute('href') ?? link.content, location.href).href;
    const integrity = link.integrity ?? link.dataset.integrity;
    const painted = new Promise((go) => {
      if (!prerendered || !home) return go();
      // Once the browser reports the paint as shown (a frame drawn is not yet a frame shown).
      try {
        new PerformanceObserver((list) => list.getEntriesByName('first-contentful-paint').length && go())
          .observe({ type: 'paint', buffered: true });
      } catch { go(); }
      setTimeout(go, 1000); // a hidden tab paints nothing
    });
    const compiled = painted.then(() => fetch(href, { integrity })).then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      // A host that serves .wasm with another type: compile from the bytes instead.
      return (r.headers.get('Content-Type') || '').startsWith('application/wasm')
        ? WebAssembly.compileStreaming(r)
        : r.arrayBuffer().then((b) => WebAssembly.compile(b));
    });
    compiled.catch(() => {}); // boot.js falls back to fetching the wasm itself
    window.pyquizWasm = compiled;
  }
})();
