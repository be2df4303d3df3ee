// Sign-in runs supabase-js in the browser; rendered on the client like the app, so the offline shell can show it.
export const ssr = false;
