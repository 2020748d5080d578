// Starts the app (or the embed) without any inline script, so the page runs under a strict
// Content-Security-Policy. It finds the wasm and its JavaScript from the preload links trunk
// writes (preload.js has already started the wasm's compilation and the question chunks a link
// needs), shows a message with a reload button if the app cannot start or crashes, and
// registers the service worker that makes the app work offline.
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

const js = document.querySelector('link[rel="modulepreload"]');
// The app's page names its wasm in a <meta> instead of a preload link (see preload.js).
const wasm = document.querySelector('link[rel="preload"][href$=".wasm"], meta[name="pyquiz-wasm"]');
try {
  const bindings = await import(js.href);
  // preload.js has been compiling the wasm since the page was parsed; if that failed, fetch it.
  const compiled = window.pyquizWasm ? await window.pyquizWasm.catch(() => null) : null;
  await bindings.default({ module_or_path: compiled ?? new URL(wasm.getAttribute('href') ?? wasm.content, location.href) });
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
