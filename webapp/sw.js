// The service worker that lets a copy of the site open and train offline after a first visit.
// Network first: online, every file comes fresh (a new deploy is seen at once) and is kept in the
// cache; offline, the kept copy answers. The site's own files are kept on install, so the first
// visit already leaves everything needed.
"use strict";

const CACHE = "scratchnet-v1";
const SITE = [
  "./", "index.html", "style.css", "loader.js", "redirect.js", "manifest.webmanifest", "icon.svg",
  "favicon.svg", "before-paint.js",
  "js/scratchnet.js", "wasm/scratchnet.wasm", "wasm/scratchnet.wasm-runtime.js", "wasm/scratchnet.wasm-jsbodies.js",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SITE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  }).catch(() => caches.match(request, {ignoreSearch: true}).then((kept) => kept || Response.error())));
});
