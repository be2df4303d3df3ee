// Database and gateway tests: real supabase-js against the embedded stack, which tests/stack-setup.ts starts once.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		// Paths below are relative to the repository root, wherever vitest is started from.
		root: fileURLToPath(new URL('../..', import.meta.url)),
		include: ['supabase/tests/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/stack-setup.ts'],
		// One database for all files: files run one after another so their users and rows do not interleave.
		fileParallelism: false,
		testTimeout: 30000,
		hookTimeout: 60000
	}
});
