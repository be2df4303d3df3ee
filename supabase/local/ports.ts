// Port helpers: the stack refuses to share a port rather than talk to someone else's server by mistake.
import { createServer, connect } from 'node:net';

/** True when something accepts connections on 127.0.0.1:port. */
export function isPortInUse(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

export async function assertPortFree(port: number, what: string, envName: string): Promise<void> {
	if (await isPortInUse(port)) {
		throw new Error(
			`Port ${port} (${what}) is already in use: another stack or server is running there. ` +
				`Stop it, or choose another port with ${envName}=<port>.`
		);
	}
}

/** A port the OS considers free right now (for internal servers nobody needs to know in advance). */
export function findFreePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}
