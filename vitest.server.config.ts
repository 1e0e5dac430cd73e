// Protocol tests against the production server (`node build`): run after `vite build`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/server/**/*.spec.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000,
		fileParallelism: false,
		expect: { requireAssertions: true }
	}
});
