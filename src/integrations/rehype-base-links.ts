import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Prefixes root-relative links written in Markdown and MDX (`/kafka/consumers/`) with the site's base path.
 * Astro adds the base to its own links (sidebar, assets) but not to links in content, so without this every content
 * link breaks when the site is served from `/<repo>/` on GitHub Pages. Runs before the links validator, which then
 * checks the prefixed link. Covers `<a href>` and the `href` prop of MDX components (`<LinkCard href="/…">`).
 */
export function rehypeBaseLinks(options: { base: string }) {
	const prefix = options.base.replace(/\/$/, '');
	const rewrite = (href: unknown) =>
		typeof href === 'string' && href.startsWith('/') && !href.startsWith('//') && !href.startsWith(`${prefix}/`)
			? `${prefix}${href}`
			: href;
	return () => (tree: Root) => {
		if (!prefix) return;
		visit(tree, (node) => {
			if (node.type === 'element' && (node as Element).tagName === 'a') {
				const props = (node as Element).properties;
				props.href = rewrite(props.href) as string;
			} else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
				for (const attr of (node as any).attributes ?? []) {
					if (attr.type === 'mdxJsxAttribute' && attr.name === 'href') attr.value = rewrite(attr.value);
				}
			}
		});
	};
}
