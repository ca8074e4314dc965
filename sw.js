// Service worker: keeps every file the page needs, so that after one visit the app loads and
// works with the network off (a workshop room without Wi-Fi). Network first, so a new release
// is picked up whenever the server answers; the cache answers when it does not.
// The asset list must name every file of the release build: tests/e2e/offline.test.mjs fails
// when dist/ has a file this list lacks.
const CACHE = "retention-lab-v6";
const ASSETS = [
  "./",
  "./index.html",
  "./boot.js",
  "./retention-lab.js",
  "./retention-lab_bg.wasm",
  "./app.css",
  "./xlsx_reader.js",
  "./xlsx_reader_bg.wasm",
  "./xlsx_reader_loader.js",
  "./xlsx_writer.js",
  "./xlsx_writer_bg.wasm",
  "./xlsx_writer_loader.js",
  "./sw.js",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit ?? Response.error())),
  );
});
