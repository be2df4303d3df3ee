// The built app in Debian Chromium for the browser benchmarks (P3, P4, P6): `vite build`, `node build` with the
// started stack's URL and keys, a persistent Chromium context (durable IndexedDB, like a phone), the reporter signed
// in and the service worker active. close() stops the browser and the server; it is safe after a partial start.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { findFreePort } from '../../supabase/local/ports';
import type { Stack } from '../../supabase/local/stack';

const root = new URL('../..', import.meta.url).pathname;
export const REPORTER = { email: 'phongvien.badinh@thidua.test', password: 'ThiDua@2026' };
export const UNIT_BA_DINH = '11111111-1111-4111-8111-000000000001';

export interface App {
	baseURL: string;
	context: BrowserContext;
	page: Page;
	cdp: CDPSession;
	close(): Promise<void>;
}

function run(cmd: string, args: string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
	});
}

async function waitForHttp(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`node build exited with ${server.exitCode}`);
		const ok = await fetch(url).then((r) => r.ok, () => false);
		if (ok) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function stopServer(server: ChildProcess): Promise<void> {
	if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
		server.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		server.kill('SIGTERM');
	});
}

/**
 * tsx compiles with keepNames, so functions handed to page.evaluate may call esbuild's `__name` helper, which the
 * page does not have; an identity stand-in makes them run unchanged.
 */
const NAME_HELPER = 'globalThis.__name = globalThis.__name || ((f) => f);';

export async function startApp(stack: Stack): Promise<App> {
	if (process.env.BENCH_SKIP_BUILD !== '1') {
		console.log('Browser benchmarks: building the app (vite build) …');
		await run('npx', ['vite', 'build']);
	}
	const port = await findFreePort();
	const baseURL = `http://localhost:${port}`;
	const server = spawn('node', ['build'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: baseURL,
			PUBLIC_SUPABASE_URL: stack.apiUrl,
			PUBLIC_SUPABASE_ANON_KEY: stack.anonKey,
			SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey
		}
	});
	const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
	let context: BrowserContext | undefined;
	const close = async (): Promise<void> => {
		await context?.close().catch(() => undefined);
		await stopServer(server);
		rmSync(profile, { recursive: true, force: true });
	};
	try {
		await waitForHttp(`${baseURL}/`, server, 60_000);
		context = await chromium.launchPersistentContext(profile, {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
			baseURL,
			locale: 'vi-VN',
			timezoneId: 'Asia/Ho_Chi_Minh',
			// The naive P3 writer loads Dexie's UMD build as a script tag, which the app's CSP (script hashes) would refuse.
			bypassCSP: true
		});
		await context.addInitScript(NAME_HELPER);
		const page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(60_000);
		await signIn(page);
		await waitForServiceWorker(page);
		const cdp = await context.newCDPSession(page);
		return { baseURL, context, page, cdp, close };
	} catch (error) {
		await close();
		throw error;
	}
}

async function signIn(page: Page): Promise<void> {
	await page.goto('/login');
	await page.locator('#email').fill(REPORTER.email);
	await page.locator('#password').fill(REPORTER.password);
	await page.getByTestId('login-submit').click();
	await page.waitForURL(/\/app\/?$/);
	await page.getByTestId('home-roles').waitFor();
}

/** Capture must work offline (P3 saves with the network off so nothing syncs meanwhile): the shell must be cached. */
async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const reg = await navigator.serviceWorker.ready;
		if (reg.active?.state !== 'activated') {
			await new Promise<void>((resolve) => reg.active?.addEventListener('statechange', () => resolve()));
		}
	});
	for (let i = 0; i < 20 && !(await page.evaluate(() => navigator.serviceWorker.controller !== null)); i++) {
		await page.reload();
	}
}

export async function setCpuThrottling(cdp: CDPSession, rate: number): Promise<void> {
	await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/**
 * Offline through the page's own CDP session rather than context.setOffline: P6 later replaces these conditions
 * with a throttled link in one call on the same session, so the app never sees an unthrottled moment online.
 */
export async function setOffline(cdp: CDPSession, offline: boolean): Promise<void> {
	await cdp.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
}
