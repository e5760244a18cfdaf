/*
 * Closer's service worker has one job: Get help now must open even with no connection and
 * even when Closer's server is down. It keeps the latest copy of the help page and its
 * stylesheet, and answers any page request it cannot fetch with that copy. It never caches
 * API answers or anything personal.
 */
const CACHE = 'closer-help-v1';
const HELP_URLS = ['/help', '/help.css', '/help.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(HELP_URLS))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (HELP_URLS.includes(url.pathname)) {
    // Network first, so numbers are always the newest; the stored copy when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
          }
          return response;
        })
        .catch(() => caches.match(url.pathname)),
    );
    return;
  }

  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(() =>
        caches.match('/help').then((cached) => cached || Response.error()),
      ),
    );
  }
});
