// `npm test`: every check and every test, in the order a failure is cheapest to find.
// Prints one closing line "tests: N passed, N failed" summing the unit and browser suites.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const reports = mkdtempSync(join(tmpdir(), 'dockside-test-'));

function run(title, command, args, env = {}) {
	console.log(`\n▶ ${title}`);
	const result = spawnSync(command, args, {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, ...env }
	});
	return result.status === 0;
}

function ensureChromium() {
	if (existsSync(chromium)) return;
	console.log(
		`No browser at ${chromium}: installing Debian's chromium (apt-get install -y chromium).`
	);
	const asRoot = process.getuid?.() === 0;
	const apt = (...args) =>
		spawnSync(asRoot ? 'apt-get' : 'sudo', asRoot ? args : ['apt-get', ...args], {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
		}).status === 0;
	if (!apt('update') || !apt('install', '-y', 'chromium') || !existsSync(chromium)) {
		console.error('Could not install chromium; the browser tests cannot run.');
		process.exit(1);
	}
}

const failures = [];
const step = (title, command, args, env) => {
	if (!run(title, command, args, env)) failures.push(title);
};

step('Types (svelte-check)', 'npm', ['run', '--silent', 'check']);
step('Format and lint (prettier, eslint)', 'npm', ['run', '--silent', 'lint']);

const vitestJson = join(reports, 'vitest.json');
step('Unit and property tests (vitest)', 'npx', [
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${vitestJson}`
]);

ensureChromium();
const built = run('Production build (vite build)', 'npx', ['vite', 'build']);
if (!built) failures.push('Production build');
const serverJson = join(reports, 'vitest-server.json');
const postgresJson = join(reports, 'vitest-postgres.json');
const playwrightJson = join(reports, 'playwright.json');
if (built) {
	step('Server protocol tests (vitest, real HTTP and SQLite)', 'npx', [
		'vitest',
		'run',
		'--config',
		'vitest.server.config.ts',
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${serverJson}`
	]);
	const postgresUrl = process.env.DOCKSIDE_TEST_DATABASE_URL;
	if (postgresUrl) {
		step(
			'Server protocol tests on PostgreSQL (vitest, several server processes)',
			'npx',
			[
				'vitest',
				'run',
				'--config',
				'vitest.server.config.ts',
				'--reporter=default',
				'--reporter=json',
				`--outputFile.json=${postgresJson}`
			],
			{ DATABASE_URL: postgresUrl }
		);
	} else {
		console.log(
			'\n(PostgreSQL run skipped: set DOCKSIDE_TEST_DATABASE_URL, e.g. from scripts/pg-test.sh, as .ci/run does.)'
		);
	}
	step('Browser tests (Playwright, Chromium)', 'npx', ['playwright', 'test'], {
		PLAYWRIGHT_JSON: playwrightJson
	});
}

let passed = 0;
let failed = 0;
for (const file of [vitestJson, serverJson, postgresJson]) {
	if (!existsSync(file)) continue;
	const report = JSON.parse(readFileSync(file, 'utf8'));
	passed += report.numPassedTests;
	failed += report.numFailedTests;
}
if (existsSync(playwrightJson)) {
	const stats = JSON.parse(readFileSync(playwrightJson, 'utf8')).stats;
	passed += stats.expected + stats.flaky;
	failed += stats.unexpected;
}
if (failures.length) console.log(`\nFailed steps: ${failures.join(', ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failures.length || failed ? 1 : 0);
