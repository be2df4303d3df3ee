// Database and gateway tests: real supabase-js against the embedded stack, which tests/stack-setup.ts starts once.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
	// Tests that exercise the app's own modules import them the way the app does.
	resolve: { alias: { $lib: `${root}/src/lib` } },
	test: {
		// Paths below are relative to the repository root, wherever vitest is started from.
		root,
		include: ['supabase/tests/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/stack-setup.ts'],
		// One database for all files: files run one after another so their users and rows do not interleave.
		fileParallelism: false,
		testTimeout: 30000,
		hookTimeout: 60000
	}
});
