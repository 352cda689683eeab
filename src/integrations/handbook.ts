import type { AstroIntegration } from 'astro';
import { contentProblems, hints } from '../../scripts/lib/checks.ts';
import { allDiagrams, renderAll, widthProblems } from '../../scripts/lib/diagrams.ts';
import { sharedRenderer } from './remark-mermaid.ts';

/**
 * The handbook's build-time guards. Before Astro reads any content it checks that every page has its twin and follows
 * the page shape, and renders new or changed diagrams in one browser session (with progress). Any problem stops the
 * build with messages that name the file and line.
 */
export function handbook({ diagrams: renderDiagrams = true } = {}): AstroIntegration {
	return {
		name: 'handbook',
		hooks: {
			'astro:config:setup': async ({ logger, command }) => {
				if (command === 'preview') return;
				const { twins, shape } = contentProblems();
				const diagrams = renderDiagrams ? await renderAll(allDiagrams(), (line) => logger.info(line)) : { errors: [] };
				const problems = [
					...twins.map((p) => `missing twin: ${p}\n    ${hints.twins}`),
					...shape.map((p) => `page shape: ${p}`),
					...diagrams.errors.map((p) => `diagram: ${p}`),
					...(renderDiagrams ? widthProblems() : []).map((p) => `diagram: ${p}`),
				];
				if (problems.length) {
					for (const p of problems) logger.error(p);
					throw new Error(`${problems.length} content problem(s), listed above with their files. See AUTHORING.md.`);
				}
			},
			'astro:build:done': async () => {
				await sharedRenderer.close();
			},
		},
	};
}
