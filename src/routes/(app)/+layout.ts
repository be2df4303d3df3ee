// The signed-in app is rendered in the browser only: it must open offline from the service worker's app shell,
// so no page under /app may depend on a server load.
export const ssr = false;
export const prerender = false;
