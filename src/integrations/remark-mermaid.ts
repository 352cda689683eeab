import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { relative } from 'node:path';
import { DiagramError, Renderer, diagramKey, diagramPath, root } from '../../scripts/lib/diagrams.ts';

/** One renderer for the whole build, so diagrams not pre-rendered (e.g. edited while `astro dev` runs) share a browser. */
export const sharedRenderer = new Renderer();

/**
 * Replaces every ```mermaid fence with the diagram's SVG, read from the content-addressed store in `src/diagrams/`
 * (rendered on the spot when missing), wrapped in a `<figure class="diagram">` that Pagefind does not index.
 *
 * The SVG goes in as raw HTML: in `.md` as an `html` node, in `.mdx` as `<Fragment set:html>`. Handing MDX a hast
 * tree instead breaks the SVG's <style> (Astro's MDX optimizer serializes it as a literal `set:html` attribute).
 */
export function remarkMermaid() {
	return async (tree: Root, file: VFile) => {
		const fences: Code[] = [];
		visit(tree, 'code', (node) => {
			if (node.lang === 'mermaid') fences.push(node);
		});
		for (const node of fences) {
			const key = diagramKey(node.value);
			const path = diagramPath(key);
			let svg: string;
			if (existsSync(path)) {
				svg = readFileSync(path, 'utf8');
			} else {
				try {
					svg = await sharedRenderer.render({ source: node.value, file: file.path, line: node.position?.start.line ?? 1 });
				} catch (error) {
					if (error instanceof DiagramError) file.fail(error.message, node);
					throw error;
				}
				writeFileSync(path, svg);
			}
			// The source file and line travel with the figure so a reader-side check can name where to fix a diagram.
			const source = `${relative(root, file.path)}:${node.position?.start.line ?? 1}`;
			const html = `<figure class="diagram" data-pagefind-ignore data-diagram="${key}" data-source="${source}">${svg}</figure>`;
			const replacement = file.path?.endsWith('.mdx')
				? { type: 'mdxJsxFlowElement', name: 'Fragment', attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }], children: [] }
				: { type: 'html', value: html };
			Object.assign(node, replacement, { lang: undefined, meta: undefined, value: replacement.type === 'html' ? html : undefined });
		}
	};
}
