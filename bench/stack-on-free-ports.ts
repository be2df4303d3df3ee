// Starts the embedded stack for a benchmark on its own ports. Ports in this range are also handed out as ephemeral
// ports to client sockets, so one can be briefly taken even when nothing listens there (Postgres then fails to bind):
// the next pair is tried a few times rather than failing the run.
import { startStack, type Stack } from '../supabase/local/stack';

export async function startOnFreePorts(o: { apiPort: number; dbPort: number; attempts?: number }): Promise<Stack> {
	const attempts = o.attempts ?? 4;
	for (let attempt = 0; ; attempt++) {
		const [apiPort, dbPort] = [o.apiPort + 2 * attempt, o.dbPort + 2 * attempt];
		console.log(`Starting the local stack on ports ${apiPort}/${dbPort} …`);
		try {
			return await startStack({ apiPort, dbPort, quiet: true });
		} catch (error) {
			if (attempt >= attempts - 1) throw error;
			console.log(`  ${error instanceof Error ? error.message.split('\n')[0] : String(error)}; trying the next ports`);
		}
	}
}
