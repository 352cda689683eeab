// Renders new and changed diagrams into src/diagrams/ (`npm run diagrams [-- files…]`), or with `--check` fails when
// a diagram is not rendered yet or a rendered file is no longer used (`npm run diagrams -- --check`).
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allDiagrams, auditCache, diagramDir, renderAll, where, widthProblems } from './lib/diagrams.ts';
import { report } from './lib/report.ts';

async function run() {
	const args = process.argv.slice(2);
	const files = args.filter((a) => !a.startsWith('--')).map((f) => resolve(f));
	const diagrams = allDiagrams(files.length ? files : undefined);
	if (args.includes('--check')) {
		const { unused, missing } = auditCache(diagrams);
		const problems = [
			...missing.map((d) => `${where(d)}: diagram not rendered (new, changed or rendered by another Mermaid version)`),
			// Unused files can only be judged against every page, not a few named ones.
			...(files.length ? [] : unused.map((f) => `src/diagrams/${f}: no page uses this diagram any more`)),
			...widthProblems(diagrams),
		];
		process.exitCode = report('rendered diagrams are current', problems, 'run `npm run diagrams -- --prune` and commit src/diagrams/.') ? 0 : 1;
		return;
	}
	const { errors } = await renderAll(diagrams);
	if (args.includes('--prune') && !files.length) {
		for (const f of auditCache(diagrams).unused) rmSync(join(diagramDir, f));
	}
	process.exitCode = report('diagrams render', errors, 'fix the Mermaid source at the line named (see https://mermaid.js.org/intro/syntax-reference.html).') ? 0 : 1;
	if (!report('diagrams fit the desktop column with 12 px labels', widthProblems(diagrams), 'see AUTHORING.md, "Diagrams".')) process.exitCode = 1;
}

await run();
