import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { docsDir, listPages, root } from './diagrams.ts';

export { docsDir, listPages, root };

export { localeDirs } from '../../src/config/locales.mjs';
import { localeDirs } from '../../src/config/locales.mjs';
/** Pages that exist once for the whole site: GitHub Pages serves a single top-level 404.html. */
export const rootOnly = ['404'];

export interface Page {
	file: string;
	/** Path under the locale folder without extension, e.g. `kafka/consumers`. */
	id: string;
	locale: 'en' | 'zh-cn';
	frontmatter: Record<string, any>;
	body: string;
	/** Line number in the file of the body's first line. */
	bodyLine: number;
}

export const readPage = (file: string): Page => parsePage(file, readFileSync(file, 'utf8'));

/** A page from its path (absolute, under `src/content/docs/`) and text. */
export function parsePage(file: string, text: string): Page {
	const rel = relative(docsDir, file).replaceAll('\\', '/');
	const locale = localeDirs.find((l) => rel.startsWith(`${l}/`)) ? 'zh-cn' : 'en';
	const id = (locale === 'en' ? rel : rel.slice('zh-cn/'.length)).replace(/\.mdx?$/, '');
	const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
	let frontmatter: Record<string, any> = {};
	if (m) {
		try {
			frontmatter = parseYaml(m[1]) ?? {};
		} catch {
			// Astro's schema check reports malformed frontmatter with its line; the lint only needs what parses.
		}
	}
	const body = m ? text.slice(m[0].length) : text;
	const bodyLine = m ? m[0].split('\n').length : 1;
	return { file, id, locale, frontmatter, body, bodyLine };
}

export const rel = (file: string) => relative(root, file).replaceAll('\\', '/');
export const twinPath = (page: Page, ext: string) =>
	page.locale === 'en' ? join(docsDir, 'zh-cn', `${page.id}${ext}`) : join(docsDir, `${page.id}${ext}`);

/** Every page without its twin in the other language, as messages naming the file and the missing twin. */
export function missingTwins(files = listPages(), read = (file: string) => readFileSync(file, 'utf8')): string[] {
	const pages = files.map((file) => parsePage(file, read(file)));
	const key = (p: Page) => `${p.locale}:${p.id}`;
	const have = new Set(pages.map(key));
	return pages
		.filter((p) => !rootOnly.includes(p.id))
		.filter((p) => !have.has(`${p.locale === 'en' ? 'zh-cn' : 'en'}:${p.id}`))
		.map((p) =>
			p.locale === 'en'
				? `${rel(p.file)}: no Chinese twin; create src/content/docs/zh-cn/${p.id}.mdx`
				: `${rel(p.file)}: no English twin; create src/content/docs/${p.id}.mdx`,
		);
}
