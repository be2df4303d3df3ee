// The offline app shell: prerendered, client-rendered HTML that the service worker serves for every /app/**
// navigation (workbox navigateFallback). Loaded under another URL, the client router renders that URL's page.
export const prerender = true;
export const ssr = false;
