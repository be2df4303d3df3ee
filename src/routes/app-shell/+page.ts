// The offline app shell: client-rendered HTML that the service worker precaches and serves for every /app/**
// navigation (workbox navigateFallback). Loaded under another URL, the client router renders that URL's page.
// Rendered by the Node server, not prerendered: a prerendered file is served without the hooks, and so without the
// Content-Security-Policy and the other headers; the service worker keeps the response's headers with its body, so
// the app runs under the same policy offline as online.
export const prerender = false;
export const ssr = false;
