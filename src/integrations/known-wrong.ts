import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkBuild } from '../../scripts/lib/known-wrong.ts';

/**
 * Fails the build when a claim listed in `src/data/known-wrong.yaml` is back in the text of a built page (either
 * language), naming the page. It reads the built HTML, so it sees what a reader sees: the page text, the question bank,
 * the glossary and diagram labels, but not a claim quoted inside a <Misconception> aside to refute it.
 */
export function knownWrong(): AstroIntegration {
	return {
		name: 'handbook:known-wrong',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const started = performance.now();
				const { pages, findings } = checkBuild(fileURLToPath(dir));
				if (findings.length) {
					for (const f of findings) logger.error(f.message);
					throw new Error(`${findings.length} known-wrong claim(s) in built pages, listed above with their pages. See src/data/known-wrong.yaml.`);
				}
				logger.info(`no known-wrong claims in ${pages} pages (${Math.round(performance.now() - started)} ms)`);
			},
		},
	};
}
