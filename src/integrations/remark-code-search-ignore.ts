import type { Code, Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Keeps code blocks out of the search index by wrapping each in `<div data-pagefind-ignore>`. Config files and
 * commands are long and repetitive; indexed, they made a first search download more than the budget (the index chunks
 * and result excerpts grow with them) and put YAML keys above prose in the results. Inline code stays indexed, and
 * every page names the settings it discusses in prose.
 */
export function remarkCodeSearchIgnore() {
	return (tree: Root) => {
		visit(tree, 'code', (node: Code, index, parent: Parent | undefined) => {
			if (!parent || index === undefined || node.lang === 'mermaid') return;
			parent.children[index] = {
				type: 'searchIgnore',
				data: { hName: 'div', hProperties: { dataPagefindIgnore: '' } },
				children: [node],
			} as unknown as Code;
		});
	};
}
