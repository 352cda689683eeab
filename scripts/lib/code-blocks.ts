// Code blocks of the handbook's pages, read from the same MDX tree the build parses (remark-parse + remark-mdx), so
// the code check sees exactly the fences a reader sees. Mermaid fences are diagrams and are left to the diagram check.
import { readFileSync } from 'node:fs';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parsePage, rel, type Page } from './pages.ts';

export interface CodeBlock {
	/** Page path relative to the repository, e.g. `src/content/docs/kafka/consumers.mdx`. */
	file: string;
	/** Page id without locale, e.g. `kafka/consumers`. */
	page: string;
	locale: Page['locale'];
	/** 1-based line in the file of the opening fence. */
	line: number;
	lang: string;
	/** Fence meta parsed as `key="value"` pairs: `title`, `harness` (tests/code/harness/), `run` (a scenario of the Kafka run). */
	meta: Record<string, string>;
	code: string;
	/** Versions the page names in its frontmatter. */
	versions: string[];
}

const parser = unified().use(remarkParse).use(remarkMdx);

export function parseMeta(meta: string | null | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const m of (meta ?? '').matchAll(/([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))/g)) out[m[1]] = m[2] ?? m[3] ?? m[4];
	return out;
}

/** Every non-diagram fenced code block of one page, in order. */
export function extractCodeBlocks(file: string, text = readFileSync(file, 'utf8')): CodeBlock[] {
	const page = parsePage(file, text);
	const tree = parser.parse(page.body);
	const blocks: CodeBlock[] = [];
	visit(tree, 'code', (node: any) => {
		if (node.lang === 'mermaid') return;
		blocks.push({
			file: rel(file),
			page: page.id,
			locale: page.locale,
			line: page.bodyLine + node.position.start.line - 1,
			lang: node.lang ?? '',
			meta: parseMeta(node.meta),
			code: node.value,
			versions: Array.isArray(page.frontmatter.versions) ? page.frontmatter.versions.map(String) : [],
		});
	});
	return blocks;
}

/** Comment syntax per language, so the twin check can ignore translated comments. */
const lineComment: Record<string, RegExp> = {
	java: /\/\/.*$/,
	javascript: /\/\/.*$/,
	protobuf: /\/\/.*$/,
	bash: /(^|\s)#.*$/,
	sh: /(^|\s)#.*$/,
	python: /(^|\s)#.*$/,
	yaml: /(^|\s)#.*$/,
	properties: /^\s*[#!].*$/,
	ruby: /(^|\s)#.*$/,
	dockerfile: /^\s*#.*$/,
	sql: /--.*$/,
	text: /$^/,
	json: /$^/,
};

/** The code with comments and blank lines removed: what must be identical in both languages. */
export function codeWithoutComments(block: Pick<CodeBlock, 'lang' | 'code'>): string {
	let code = block.code;
	if (['java', 'javascript', 'protobuf'].includes(block.lang)) code = code.replace(/\/\*[\s\S]*?\*\//g, '');
	const re = lineComment[block.lang] ?? /$^/;
	return code
		.split('\n')
		.map((l) => l.replace(re, '').trimEnd())
		.filter((l) => l.trim() !== '')
		.join('\n');
}

/** Problems where the Chinese twin's blocks differ from the English page's, naming the Chinese file and line. */
export function twinDifferences(en: CodeBlock[], zh: CodeBlock[]): string[] {
	const problems: string[] = [];
	if (en.length !== zh.length) {
		const file = zh[0]?.file ?? en[0]?.file;
		problems.push(zh.length ? `${file}: ${zh.length} code blocks, but the English page has ${en.length}` : `${file}: ${en.length} code blocks, but its Chinese twin has none (or does not exist yet)`);
		return problems;
	}
	en.forEach((e, i) => {
		const z = zh[i];
		const where = `${z.file}:${z.line}`;
		if (e.lang !== z.lang) problems.push(`${where}: language \`${z.lang}\`, English has \`${e.lang}\``);
		for (const key of ['harness', 'run'])
			if (e.meta[key] !== z.meta[key]) problems.push(`${where}: ${key}="${z.meta[key] ?? ''}", English has "${e.meta[key] ?? ''}"`);
		// Plain text (a formula, a directory listing, sample output) is illustration, translated with the page.
		if (e.lang === 'text') return;
		const a = codeWithoutComments(e).split('\n');
		const b = codeWithoutComments(z).split('\n');
		const n = a.findIndex((l, j) => l !== b[j]);
		if (n >= 0 || a.length !== b.length) {
			const j = n >= 0 ? n : Math.min(a.length, b.length);
			problems.push(`${where}: code differs from ${e.file}:${e.line} apart from comments: English \`${a[j] ?? '(end)'}\`, Chinese \`${b[j] ?? '(end)'}\``);
		}
	});
	return problems;
}
