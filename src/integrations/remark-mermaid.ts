import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { relative } from 'node:path';
import { DESKTOP_COLUMN_PX, DiagramError, Renderer, diagramKey, diagramPath, root } from '../../scripts/lib/diagrams.ts';

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
			const html = `<figure ${figureAttributes(svg, key, source)}>${svg}</figure>`;
			const replacement = file.path?.endsWith('.mdx')
				? { type: 'mdxJsxFlowElement', name: 'Fragment', attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }], children: [] }
				: { type: 'html', value: html };
			Object.assign(node, replacement, { lang: undefined, meta: undefined, value: replacement.type === 'html' ? html : undefined });
		}
	};
}

/**
 * The figure's width settings and, for a diagram wider than the narrowest phone column (288 px at 320 px), what makes
 * its sideways scroll usable without a pointer: a tab stop and a name for screen readers (the diagram's own title).
 */
export function figureAttributes(svg: string, key: string, source: string): string {
	const width = Number(/data-width="(\d+)"/.exec(svg)?.[1] ?? 0);
	const min = Number(/data-min-width="(\d+)"/.exec(svg)?.[1] ?? 0);
	const titleId = /aria-labelledby="([^"]+)"/.exec(svg)?.[1];
	// The height the figure takes in the desktop column, for the browser to reserve before it draws the diagram.
	const [vw, vh] = (/viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg) ?? [0, 1, 1]).slice(1).map(Number);
	const height = Math.round((Math.min(width, Math.max(min, DESKTOP_COLUMN_PX)) * vh) / vw);
	const attrs = [`class="diagram"`, 'data-pagefind-ignore', `data-diagram="${key}"`, `data-source="${source}"`, `style="--w:${width}px;--min:${min}px;--h:${height}px"`];
	if (min > 288 && titleId) attrs.push('tabindex="0"', 'role="region"', `aria-labelledby="${titleId}"`);
	return attrs.join(' ');
}
