// Checks page twins, page shape and Chinese typography. `npm run lint:content [-- files…]`.
import { resolve } from 'node:path';
import { contentProblems, hints } from './lib/checks.ts';
import { listPages } from './lib/pages.ts';
import { report } from './lib/report.ts';

function run() {
	const args = process.argv.slice(2).map((f) => resolve(f));
	const files = args.length ? args : listPages();
	const { twins, shape } = contentProblems(files);
	const ok = [report('every page has its twin', twins, hints.twins), report(`page shape (${files.length} files)`, shape, hints.shape)];
	process.exitCode = ok.every(Boolean) ? 0 : 1;
}

run();
