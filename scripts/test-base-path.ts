// Builds the site as GitHub Pages serves a project site (`BASE_PATH=/handbook/`), crawls every link of that build and
// of the root build, then runs the e2e suite against it (axe only in the root run: the pages are the same). Part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib/diagrams.ts';
import { crawl } from './lib/crawl.ts';
import { report } from './lib/report.ts';

const base = '/handbook/';
const outDir = 'dist-base';

function step(title: string, command: string, args: string[], env: Record<string, string> = {}) {
	console.log(`\n▶ ${title}`);
	const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
	if (r.status !== 0) {
		console.error(`✗ ${title} failed (exit ${r.status})`);
		process.exit(r.status ?? 1);
	}
}

function run() {
	step(`build with BASE_PATH=${base}`, process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], { BASE_PATH: base });
	let ok = true;
	for (const [dir, b] of [
		[outDir, base],
		['dist', '/'],
	] as const) {
		if (!existsSync(join(root, dir))) continue;
		const result = crawl(join(root, dir), b);
		ok = report(`${dir}: ${result.links} links on ${result.pages} pages resolve under ${b}`, result.broken, 'a link in a component or page does not carry the base path; use href() from src/lib/handbook.ts or an absolute Markdown link.') && ok;
	}
	if (!ok) process.exit(1);
	step(`e2e suite against ${outDir} at ${base}`, process.execPath, [join(root, 'node_modules/@playwright/test/cli.js'), 'test'], { DIST_DIR: outDir, BASE_PATH: base, E2E_PORT: '4322', E2E_AXE: 'off' });
}

run();
