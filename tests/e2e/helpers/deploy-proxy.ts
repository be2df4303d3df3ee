// A front server for "a new version was deployed": it forwards every request to the app's server unchanged, and once
// `deploy()` is called it serves a byte-different `sw.js` (the real worker plus a comment), which is what the browser
// sees when a new build goes live. Needed because Playwright's routing does not see the browser's own service-worker
// update fetches. The page must be opened on this server's origin so the worker is registered through it.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DeployProxy {
	/** The origin to open the app on (http://localhost:<port>). */
	url: string;
	/** From now on `sw.js` is the new version. */
	deploy: () => void;
	/** How many times the new `sw.js` was served. */
	newWorkerFetches: () => number;
	close: () => Promise<void>;
}

export async function startDeployProxy(upstream: string): Promise<DeployProxy> {
	const target = new URL(upstream);
	// Node may resolve `localhost` to ::1 while the app's server listens on 127.0.0.1.
	if (target.hostname === 'localhost') target.hostname = '127.0.0.1';
	let deployedAt: string | null = null;
	let served = 0;
	const server: Server = createServer((req, res) => {
		const path = req.url ?? '/';
		if (deployedAt && new URL(path, target).pathname === '/sw.js') {
			fetch(new URL(path, target))
				.then(async (answer) => {
					const body = `${await answer.text()}\n// deployed ${deployedAt}\n`;
					served += 1;
					res.writeHead(answer.status, { 'content-type': 'text/javascript', 'cache-control': 'no-cache' });
					res.end(body);
				})
				.catch((error: unknown) => {
					res.writeHead(502);
					res.end(String(error));
				});
			return;
		}
		const forward = httpRequest(
			{ host: target.hostname, port: target.port, method: req.method, path, headers: { ...req.headers, host: new URL(upstream).host } },
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			}
		);
		forward.on('error', (error) => {
			res.writeHead(502);
			res.end(String(error));
		});
		req.pipe(forward);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://localhost:${port}`,
		deploy: () => {
			deployedAt = new Date().toISOString();
		},
		newWorkerFetches: () => served,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
