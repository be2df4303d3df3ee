import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayContext } from './context';
import { sendJson } from './http';

export async function handleAuth(_req: IncomingMessage, res: ServerResponse, _ctx: GatewayContext, _path: string): Promise<void> {
	sendJson(res, 501, { code: 'not_implemented', message: 'not yet' });
}
