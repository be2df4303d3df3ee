/// <reference types="vitest/config" />
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vite';
import { precacheTransform } from './src/pwa/precache-core';

export default defineConfig({
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			// The app registers the worker itself (src/lib/ui/pwa-update.ts) so it can tell the user when to reload.
			injectRegister: false,
			registerType: 'prompt',
			strategies: 'generateSW',
			manifest: {
				id: '/',
				name: 'Thi đua – Khen thưởng MTTQ Hà Nội',
				short_name: 'Thi đua KT',
				description: 'Ghi nhận người tốt, việc tốt và điển hình tiên tiến; theo dõi thi đua, khen thưởng.',
				lang: 'vi',
				dir: 'ltr',
				start_url: '/app',
				scope: '/',
				display: 'standalone',
				orientation: 'portrait',
				background_color: '#ffffff',
				theme_color: '#b71c1c',
				categories: ['government', 'productivity'],
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
					{ src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
				]
			},
			workbox: {
				// Precache the field journey (src/pwa/precache-core.ts picks its files); server-rendered public pages are
				// not part of the offline app.
				globPatterns: ['client/**/*.{js,css,html,svg,png,webmanifest,woff2}'],
				manifestTransforms: [precacheTransform('.svelte-kit/output', '.svelte-kit/generated')],
				// The other screens' code: kept once fetched (file names carry a content hash, so it never goes stale), and
				// fetched ahead for the signed-in person's screens by src/lib/ui/warm-screens.ts.
				runtimeCaching: [
					{
						urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/_app/immutable/'),
						handler: 'CacheFirst',
						options: {
							cacheName: 'app-code',
							expiration: { maxEntries: 400, purgeOnQuotaError: false },
							cacheableResponse: { statuses: [200] }
						}
					}
				],
				// Signed-in pages are client-rendered; offline navigations under /app fall back to the app shell.
				navigateFallback: '/app-shell',
				// Matched against path + query: /login?next=… must fall back too.
				navigateFallbackAllowlist: [/^\/app(\/|\?|$)/, /^\/login(\?|$)/],
				// The prerendered shell imports SvelteKit's runtime env module (/_app/env.js, served by the Node server):
				// precache it too, or the shell cannot start offline. It is read at install time from the live server.
				// The shell itself is rendered by the server (with its security headers), so it is fetched the same way.
				additionalManifestEntries: [
					{ url: '/_app/env.js', revision: String(Date.now()) },
					{ url: '/app-shell', revision: String(Date.now()) }
				],
				// Manifest icons are fetched by the browser at install time; offline pages draw their mark inline.
				globIgnores: ['client/icons/**'],
				skipWaiting: false,
				clientsClaim: true,
				cleanupOutdatedCaches: true
			},
			kit: { includeVersionFile: true }
		})
	],
	test: {
		include: ['src/**/*.test.ts', 'tests/build-checks/**/*.test.ts'],
		environment: 'node'
	}
});
