// "The outbox grew": a same-tab signal the sync engine listens to, so a save is pushed at once when online.
// Other tabs learn about new entries through Dexie's liveQuery (which broadcasts across tabs).
type Listener = () => void;
const listeners = new Set<Listener>();

export function onOutboxGrew(listener: Listener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

export function notifyOutboxGrew(): void {
	for (const listener of listeners) listener();
}
