// The service worker: the app works offline after one visit. scripts/postbuild.mjs fills in the
// version and the file list at build time. Assets and chunks have content-hashed names, so
// they are served from the cache first; a new deploy installs a new cache, the page offers to
// reload into it, and old caches are removed.
const VERSION = '__VERSION__';
const FILES = [/* __FILES__ */];
const CACHE = `pyquiz-${VERSION}`;
const SCOPE = new URL('./', self.location).pathname;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(
      keys.filter((k) => k.startsWith('pyquiz-') && k !== CACHE).map((k) => caches.delete(k)),
    )),
  );
});

// The page's "Reload" button on a new version.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The app's page, whatever its #route: the cached shell of this version.
  const isShell = request.mode === 'navigate' && (url.pathname === SCOPE || url.pathname === `${SCOPE}index.html`);
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(isShell ? './' : request, { ignoreSearch: isShell }))
      .then((hit) => hit || fetch(request)),
  );
});
