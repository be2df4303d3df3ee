// The wave's clients run in child processes of their own (node --import tsx), so the simulated phones, the visitors
// and the local stack's gateway (in the parent) do not share one event loop and slow each other's clocks. One
// message in (the job), one message out (the result); `send` passes later messages (e.g. "stop").
import { fork, type ChildProcess, type Serializable } from 'node:child_process';

export interface Child<TOut> {
	result: Promise<TOut>;
	send(message: Serializable): void;
	kill(): void;
}

export function runInChild<TIn extends Serializable, TOut>(
	script: URL,
	job: TIn,
	o: { timeoutMs: number; label: string; onEvent?: (event: string) => void }
): Child<TOut> {
	const child: ChildProcess = fork(script.pathname, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	const result = new Promise<TOut>((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`${o.label} did not finish within ${Math.round(o.timeoutMs / 1000)} s`));
		}, o.timeoutMs);
		child.on('message', (message: { result?: TOut; error?: string; event?: string }) => {
			if (message.event !== undefined) return o.onEvent?.(message.event);
			clearTimeout(timer);
			if (message.error !== undefined) reject(new Error(`${o.label}: ${message.error}`));
			else resolve(message.result as TOut);
		});
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			reject(new Error(`${o.label} exited (${signal ?? code}) without a result`));
		});
	});
	child.send({ job });
	return {
		result,
		send: (message) => void (child.connected && child.send(message)),
		kill: () => void (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'))
	};
}

export interface ChildSide {
	/** Hears the parent's later messages. */
	onMessage(listener: (m: unknown) => void): void;
	/** Tells the parent something happened (before the result). */
	notify(event: string): void;
}

/** The child's side: run `work` on the job, send back its result (or error), exit. */
export function serveChild<TIn, TOut>(work: (job: TIn, side: ChildSide) => Promise<TOut>): void {
	process.once('message', (message: { job: TIn }) => {
		const side: ChildSide = {
			onMessage: (listener) => void process.on('message', listener),
			notify: (event) => void process.send?.({ event })
		};
		work(message.job, side).then(
			(result) => process.send?.({ result }, () => process.exit(0)),
			(error: unknown) =>
				process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1))
		);
	});
}
