// The deadline-day wave: every device signs in (phones hold a session already, so sign-in is its own phase), then
// all push their batches at the same moment while the cluster leads poll the standings. Returns what the clients
// saw: arrivals, losses, retries, requests per endpoint, and what the server must now hold (for server-audit.ts).
// Used by the load bench (in a child process) and by the database test at small N (in-process).
import { photoStoragePath, thumbStoragePath } from '$lib/domain/story';
import { createStoryApi } from '$lib/remote/story-api';
import { makeDeviceBatch, type BatchShape } from './device-batch';
import { pushDevice, type DeviceOutcome } from './device-push';
import { pollStandings, type LeadStats } from './cluster-leads';
import { createLoadClient, inParallel, signIn } from './load-clients';
import type { LoadPeople } from './load-people';
import { RequestLog, type EndpointFigures } from './request-log';

export interface WaveOptions {
	apiUrl: string;
	anonKey: string;
	people: LoadPeople;
	shape: BatchShape;
	/** Hard cap of the push phase (ms): no device starts a new round after it. */
	pushCapMs: number;
	/** How often a lead reloads the standings. */
	leadPollMs: number;
	/** Sign-ins at once (phones sign in over the day, not all in one second). */
	signInConcurrency?: number;
	/** Called as the push phase begins (the bench starts its gallery visitors then). */
	onPushStart?: () => void;
}

export interface Expected {
	storyIds: string[];
	photoIds: string[];
	objectNames: string[];
}

export interface WaveResult {
	devices: number;
	leads: number;
	signInSeconds: number;
	pushSeconds: number;
	stories: number;
	arrived: number;
	photosArrived: number;
	lost: DeviceOutcome['lost'];
	retries: number;
	retried: Record<string, number>;
	/** Slowest device, start of the wave to its last story confirmed. */
	slowestDeviceSeconds: number;
	pushRequests: number;
	endpoints: EndpointFigures[];
	errors: Record<string, number>;
	signInEndpoints: EndpointFigures[];
	leadStats: LeadStats;
	expected: Expected;
}

export async function runWave(o: WaveOptions): Promise<WaveResult> {
	const signInLog = new RequestLog();
	const pushLog = new RequestLog();
	const signInStarted = performance.now();
	const signInDeadline = Date.now() + o.pushCapMs;
	const devices = await inParallel(o.people.reporters, o.signInConcurrency ?? 20, async (reporter, i) => {
		const client = createLoadClient({ apiUrl: o.apiUrl, anonKey: o.anonKey, log: signInLog });
		await signIn(client, reporter.email, o.people.password, signInDeadline);
		const items = makeDeviceBatch({ authorId: reporter.userId, unitId: reporter.unitId, label: `máy ${i}`, shape: o.shape });
		return { client, items };
	});
	const leads = await inParallel(o.people.leads, o.signInConcurrency ?? 20, async (lead) => {
		const client = createLoadClient({ apiUrl: o.apiUrl, anonKey: o.anonKey, log: signInLog });
		await signIn(client, lead.email, o.people.password, signInDeadline);
		return { client, clusterId: lead.clusterId };
	});
	const signInSeconds = (performance.now() - signInStarted) / 1000;

	for (const d of [...devices, ...leads]) d.client.useLog(pushLog);
	let done = false;
	o.onPushStart?.();
	const started = performance.now();
	const deadline = Date.now() + o.pushCapMs;
	const polling = pollStandings({ leads, pollMs: o.leadPollMs, isDone: () => done });
	const outcomes = await Promise.all(
		devices.map((d) =>
			pushDevice({ remote: createStoryApi(d.client.client), items: d.items, deadline, retryNotBefore: d.client.retryNotBefore })
		)
	);
	const pushSeconds = (performance.now() - started) / 1000;
	done = true;
	const leadStats = await polling;

	const lostIds = new Set(outcomes.flatMap((x) => x.lost.map((l) => l.storyId)));
	const items = devices.flatMap((d) => d.items);
	const retried: Record<string, number> = {};
	for (const x of outcomes) for (const [kind, n] of Object.entries(x.retried)) retried[kind] = (retried[kind] ?? 0) + n;
	return {
		devices: devices.length,
		leads: leads.length,
		signInSeconds: round(signInSeconds),
		pushSeconds: round(pushSeconds),
		stories: items.length,
		arrived: outcomes.reduce((n, x) => n + x.arrived, 0),
		photosArrived: items.filter((i) => !lostIds.has(i.story.id)).reduce((n, i) => n + i.photos.length, 0),
		lost: outcomes.flatMap((x) => x.lost),
		retries: outcomes.reduce((n, x) => n + x.retries, 0),
		retried,
		slowestDeviceSeconds: round(Math.max(0, ...outcomes.map((x) => x.seconds))),
		pushRequests: pushLog.total,
		endpoints: pushLog.endpoints(),
		errors: pushLog.errors(),
		signInEndpoints: signInLog.endpoints(),
		leadStats,
		expected: expectedOf(items)
	};
}

function expectedOf(items: ReturnType<typeof makeDeviceBatch>): Expected {
	const objectNames: string[] = [];
	for (const item of items) {
		for (const photo of item.photos) {
			const where = { unitId: item.story.unitId, storyId: item.story.id, photoId: photo.id, contentType: photo.contentType };
			objectNames.push(photoStoragePath(where), thumbStoragePath(where));
		}
	}
	return {
		storyIds: items.map((i) => i.story.id),
		photoIds: items.flatMap((i) => i.photos.map((p) => p.id)),
		objectNames
	};
}

const round = (x: number) => Number(x.toFixed(2));
