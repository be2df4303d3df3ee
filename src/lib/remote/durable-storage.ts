// A small key-value store in IndexedDB for what must survive the OS killing the app: supabase-js's session and the
// cached identity. localStorage is not enough: Chromium commits it to disk seconds after a write, so a phone that
// kills the browser soon after sign-in (or after a token refresh) loses it — measured here with SIGKILL: writes
// 2–4 s old were gone, while a committed IndexedDB transaction survived every time.
// Values written before this store existed are read once from localStorage and moved here.

const DB_NAME = 'thidua-keyval';
const STORE = 'kv';

export interface DurableStorage {
	getItem(key: string): Promise<string | null>;
	setItem(key: string, value: string): Promise<void>;
	removeItem(key: string): Promise<void>;
}

let opening: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
	opening ??= new Promise<IDBDatabase>((resolve, reject) => {
		const req = indexedDB.open(DB_NAME, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE);
		req.onsuccess = () => {
			const idb = req.result;
			// Another tab upgrading (none does today) must not be blocked by this connection.
			idb.onversionchange = () => {
				idb.close();
				opening = null;
			};
			resolve(idb);
		};
		req.onerror = () => {
			opening = null;
			reject(req.error ?? new Error(`${DB_NAME}: open failed`));
		};
	});
	return opening;
}

function request<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	return openDb().then(
		(idb) =>
			new Promise<T>((resolve, reject) => {
				// 'strict': the write is on disk before we call it done (Chromium's default is relaxed).
				const tx = idb.transaction(STORE, mode, { durability: 'strict' });
				const req = act(tx.objectStore(STORE));
				tx.oncomplete = () => resolve(req.result);
				tx.onerror = () => reject(tx.error ?? new Error(`${DB_NAME}: transaction failed`));
				tx.onabort = () => reject(tx.error ?? new Error(`${DB_NAME}: transaction aborted`));
			})
	);
}

function legacyTake(key: string): string | null {
	try {
		const value = localStorage.getItem(key);
		if (value !== null) localStorage.removeItem(key);
		return value;
	} catch {
		return null;
	}
}

export const durableStorage: DurableStorage = {
	async getItem(key) {
		const value = await request('readonly', (s) => s.get(key) as IDBRequest<string | undefined>);
		if (typeof value === 'string') return value;
		const legacy = legacyTake(key);
		if (legacy !== null) await request('readwrite', (s) => s.put(legacy, key));
		return legacy;
	},
	async setItem(key, value) {
		await request('readwrite', (s) => s.put(value, key));
	},
	async removeItem(key) {
		legacyTake(key);
		await request('readwrite', (s) => s.delete(key));
	}
};
