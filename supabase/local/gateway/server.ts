// The dev API gateway on 127.0.0.1:<apiPort>, in place of Supabase's Kong: routes /rest/v1, /auth/v1 and /storage/v1,
// checks the API key where Kong does (rest and auth) and answers CORS. It holds no state of its own.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { handleAuth } from './auth-routes';
import { closeContext, createContext, type GatewayContext, type GatewaySettings } from './context';
import { answerPreflight, applyCors, sendJson } from './http';
import { proxyToPostgrest } from './rest-proxy';
import { handleStorage } from './storage-routes';

export interface Gateway {
	close(): Promise<void>;
}

/** Kong's key-auth: the `apikey` header (or query parameter) must be one of the project's keys. */
function hasValidApiKey(req: IncomingMessage, ctx: GatewayContext): boolean | 'missing' {
	const key = req.headers.apikey ?? new URL(req.url ?? '/', 'http://gateway').searchParams.get('apikey');
	if (!key) return 'missing';
	return key === ctx.anonKey || key === ctx.serviceRoleKey;
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext): Promise<void> {
	applyCors(req, res);
	if (req.method === 'OPTIONS') return answerPreflight(req, res);
	const url = req.url ?? '/';
	const [, service, rest = ''] = /^\/(rest|auth|storage)\/v1(\/.*)?$/.exec(url.split('?')[0] ?? '') ?? [];
	if (service === 'rest' || service === 'auth') {
		const key = hasValidApiKey(req, ctx);
		if (key !== true) {
			const message = key === 'missing' ? 'No API key found in request' : 'Invalid API key';
			return sendJson(res, 401, { message, hint: 'Send the anon or service-role key in the apikey header' });
		}
	}
	const search = url.includes('?') ? url.slice(url.indexOf('?')) : '';
	if (service === 'rest') return proxyToPostgrest(req, res, ctx.postgrestUrl, `${rest || '/'}${search}`);
	if (service === 'auth') return handleAuth(req, res, ctx, rest);
	if (service === 'storage') return handleStorage(req, res, ctx, rest);
	sendJson(res, 404, { message: 'no Route matched with those values' });
}

export async function startGateway(settings: GatewaySettings): Promise<Gateway> {
	const ctx = createContext(settings);
	const server = createServer((req, res) => {
		route(req, res, ctx).catch((error: unknown) => {
			console.error('[gateway]', error);
			if (!res.headersSent) sendJson(res, 500, { message: 'internal gateway error' });
			else res.destroy();
		});
	});
	// Keep-alive sockets from browsers would otherwise hold close() open.
	server.keepAliveTimeout = 5000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(settings.port, '127.0.0.1', () => resolve());
	});
	return {
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			await closeContext(ctx);
		}
	};
}
