import { describe, expect, it } from 'vitest';
import { isMissingModule } from './missing-module';

describe('isMissingModule', () => {
	it.each([
		'Failed to fetch dynamically imported module: http://localhost/_app/immutable/nodes/12.abc.js',
		'error loading dynamically imported module: http://localhost/_app/immutable/nodes/12.abc.js',
		'Importing a module script failed.',
		'Unable to preload CSS for /_app/immutable/assets/12.abc.css'
	])('knows %s', (message) => expect(isMissingModule(new TypeError(message))).toBe(true));

	it('leaves other errors alone', () => {
		expect(isMissingModule(new Error('x is undefined'))).toBe(false);
		expect(isMissingModule('Failed to fetch dynamically imported module')).toBe(false);
	});
});
