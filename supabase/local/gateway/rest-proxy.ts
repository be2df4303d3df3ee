// /rest/v1/* → PostgREST, unchanged and streamed both ways. PostgREST itself verifies the JWT and switches role.
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { sendJson } from './http';

export function proxyToPostgrest(req: IncomingMessage, res: ServerResponse, postgrestUrl: string, path: string): void {
	const target = new URL(path, postgrestUrl);
	const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (upstreamRes) => {
		// The gateway's CORS headers (set already) apply to every route alike; PostgREST's own would override them.
		const headers = Object.fromEntries(
			Object.entries(upstreamRes.headers).filter(([name]) => !name.startsWith('access-control-'))
		);
		res.writeHead(upstreamRes.statusCode ?? 502, headers);
		upstreamRes.pipe(res);
	});
	upstream.on('error', (error) => {
		if (res.headersSent) res.destroy(error);
		else sendJson(res, 502, { message: `PostgREST is unreachable: ${error.message}` });
	});
	// A browser that gives up (navigation, abort) must not leave PostgREST streaming to nobody.
	res.on('close', () => upstream.destroy());
	req.pipe(upstream);
}
