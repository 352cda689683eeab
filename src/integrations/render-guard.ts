import type { Loader } from 'astro/loaders';

/**
 * Wraps a content loader so that an entry whose Markdown failed to render fails the build.
 *
 * Astro's glob loader catches a render error in a `.md` entry, logs `Error rendering …` and stores the entry with no
 * rendered HTML, so the build exits 0 and ships an empty page; on a warm cache it does not even log again. After every
 * load we look for such entries (a `.md` entry must carry rendered output; `.mdx` renders later and fails loudly).
 */
export function guardedLoader(loader: Loader): Loader {
	return {
		...loader,
		async load(context) {
			await loader.load(context);
			const broken = [...context.store.values()].filter(
				(entry) => entry.filePath?.endsWith('.md') && !entry.deferredRender && entry.rendered === undefined,
			);
			if (broken.length > 0) {
				const files = broken.map((entry) => `  - ${entry.filePath}`).join('\n');
				throw new Error(
					`These Markdown pages failed to render and would ship empty:\n${files}\n` +
						'Fix the page (the error is logged above as "Error rendering …"; on a warm cache run `astro build --force` to see it again).',
				);
			}
		},
	};
}
