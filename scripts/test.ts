// npm test: every check. The steps that need neither the site nor the browser (test:code: Maven, javac, a Kafka broker,
// schema validators; then the unit tests) run beside the type check and the two builds (root, then base path) instead
// of before them. On a 2-core CI machine each lane keeps about one core busy, so running them together saves the
// shorter; the browser tests, which keep both cores busy, start only once both lanes have finished.
// The first lane's output is held and printed whole when it ends, so the logs do not interleave.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { green, red } from './lib/report.ts';

const root = join(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Result {
	script: string;
	code: number;
	seconds: number;
}

/** Runs `npm run <script>`, streaming its output, or into `log` when given. */
function run(script: string, log?: string): Promise<Result> {
	const started = performance.now();
	const [name, ...args] = script.split(' ');
	return new Promise((resolve) => {
		const child = spawn(npm, ['run', name, ...(args.length ? ['--', ...args] : [])], { cwd: root, stdio: log ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
		if (log) {
			const out = createWriteStream(log);
			child.stdout!.pipe(out);
			child.stderr!.pipe(out);
		}
		child.on('close', (code) => resolve({ script, code: code ?? 1, seconds: (performance.now() - started) / 1000 }));
	});
}

/** Runs scripts one after the other, stopping at the first that fails. */
async function serial(scripts: string[]): Promise<Result[]> {
	const results: Result[] = [];
	for (const s of scripts) {
		const r = await run(s);
		results.push(r);
		if (r.code !== 0) break;
	}
	return results;
}

function fail(results: Result[]): never {
	for (const r of results.filter((r) => r.code !== 0)) console.error(red(`✗ npm run ${r.script} failed (exit ${r.code})`));
	process.exit(1);
}

async function main() {
	const all: Result[] = [];
	mkdirSync(join(root, '.tmp'), { recursive: true });
	const codeLog = join(root, '.tmp', 'test-code.log');
	const unitLog = join(root, '.tmp', 'test-unit.log');
	console.log(`▶ npm run test:code, then npm run test:unit, run beside the builds; their output follows when the builds end (also in .tmp/test-code.log, .tmp/test-unit.log)`);
	// Two lanes of about one core each: test:code then the unit tests (whose fixture builds use their own scratch copies
	// of the site), beside the type check, the root build and the base-path build (one after the other: two builds in one
	// project would share its .astro caches).
	const [code, site] = await Promise.all([
		(async () => {
			const c = await run('test:code', codeLog);
			return c.code === 0 ? [c, await run('test:unit', unitLog)] : [c];
		})(),
		serial(['check', 'diagrams --check', 'build --force', 'test:base --build-only']),
	]);
	console.log(`\n▶ npm run test:code (${code[0].seconds.toFixed(0)} s, beside the builds)\n`);
	process.stdout.write(readFileSync(codeLog, 'utf8'));
	if (code[1]) {
		console.log(`\n▶ npm run test:unit (${code[1].seconds.toFixed(0)} s, beside the builds)\n`);
		process.stdout.write(readFileSync(unitLog, 'utf8'));
	}
	all.push(...code, ...site);
	if (all.some((r) => r.code !== 0)) fail(all);
	all.push(...(await serial(['test:e2e', 'test:base --no-build'])));
	if (all.some((r) => r.code !== 0)) fail(all);
	console.log(green(`\n✓ npm test: ${all.map((r) => `${r.script} ${r.seconds.toFixed(0)} s`).join(', ')}`));
}

main();
