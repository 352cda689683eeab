// npm test: every check, in the order that fails fastest, with the one long step that needs neither the site nor the
// browser (test:code: Maven, javac, a Kafka broker, schema validators) run beside the build instead of before it.
// On a 2-core CI machine the build and test:code each keep about one core busy, so running them together saves the
// shorter of the two; the browser tests, which keep both cores busy, start only once both have finished.
// test:code's output is held and printed whole when it ends, so the two logs do not interleave.
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
	console.log(`▶ npm run test:code runs beside the build; its output follows when it ends (also in .tmp/test-code.log)`);
	const [code, site] = await Promise.all([run('test:code', codeLog), serial(['check', 'test:unit', 'diagrams --check', 'build --force'])]);
	console.log(`\n▶ npm run test:code (${code.seconds.toFixed(0)} s, beside the build)\n`);
	process.stdout.write(readFileSync(codeLog, 'utf8'));
	all.push(code, ...site);
	if (all.some((r) => r.code !== 0)) fail(all);
	all.push(...(await serial(['test:e2e', 'test:base'])));
	if (all.some((r) => r.code !== 0)) fail(all);
	console.log(green(`\n✓ npm test: ${all.map((r) => `${r.script} ${r.seconds.toFixed(0)} s`).join(', ')}`));
}

main();
