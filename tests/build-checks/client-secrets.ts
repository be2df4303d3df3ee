// TARGETS R9: nothing a browser can download may hold the service-role key or the JWT secret. Scans every file
// served to clients (build/client, build/prerendered) for the secret, for the service-role key of this machine's
// stack, and for any JWT whose payload claims the service role (a key signed with another secret is still one).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface SecretFinding {
	file: string;
	what: string;
}

const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g;

function* filesUnder(dir: string): Generator<string> {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return;
	}
	for (const name of names) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) yield* filesUnder(path);
		else if (!/\.(br|gz|png|jpe?g|webp|ico|woff2?)$/.test(name)) yield path;
	}
}

function claimsServiceRole(token: string): boolean {
	try {
		const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { role?: unknown };
		return payload.role === 'service_role';
	} catch {
		return false;
	}
}

/** `secrets` are literal values that must not appear (the JWT secret, the service-role key). */
export function scanForSecrets(dirs: string[], secrets: { name: string; value: string }[], root = process.cwd()): SecretFinding[] {
	const findings: SecretFinding[] = [];
	for (const dir of dirs) {
		for (const path of filesUnder(dir)) {
			const text = readFileSync(path, 'utf8');
			const file = relative(root, path);
			for (const secret of secrets) if (secret.value && text.includes(secret.value)) findings.push({ file, what: secret.name });
			for (const token of text.match(JWT) ?? []) if (claimsServiceRole(token)) findings.push({ file, what: 'a JWT with role service_role' });
		}
	}
	return findings;
}

export function countFiles(dirs: string[]): number {
	let n = 0;
	for (const dir of dirs) for (const _ of filesUnder(dir)) n++;
	return n;
}
