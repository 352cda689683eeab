import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { root } from './diagrams.ts';

/**
 * Claims the handbook once made, or that the notes it was written from make, and that are wrong. Each entry carries,
 * per language, patterns for the wrong claim as a reader would see it; the build fails if one of them comes back in a
 * built page. Text inside a misconception aside is exempt: that is where a page quotes a wrong claim to refute it.
 */
export interface KnownWrong {
	id: string;
	claim: string;
	why: string;
	source: string;
	en?: string[];
	'zh-cn'?: string[];
}

export type Lang = 'en' | 'zh-cn';
export const knownWrongFile = join(root, 'src', 'data', 'known-wrong.yaml');

interface Compiled {
	entry: KnownWrong;
	patterns: Record<Lang, RegExp[]>;
}

/** The list, with its patterns compiled; a pattern that does not compile is an error naming the entry. */
export function loadKnownWrong(file = knownWrongFile): Compiled[] {
	const entries = (parseYaml(readFileSync(file, 'utf8')) ?? []) as KnownWrong[];
	const seen = new Set<string>();
	return entries.map((entry) => {
		for (const key of ['id', 'claim', 'why', 'source'] as const)
			if (typeof entry[key] !== 'string' || !entry[key]) throw new Error(`${relative(root, file)}: entry ${entry.id ?? '?'} needs \`${key}\`.`);
		if (seen.has(entry.id)) throw new Error(`${relative(root, file)}: duplicate id ${entry.id}.`);
		seen.add(entry.id);
		if (!entry.en?.length && !entry['zh-cn']?.length) throw new Error(`${relative(root, file)}: entry ${entry.id} has no patterns.`);
		const compile = (list: string[] = []) =>
			list.map((p) => {
				try {
					return new RegExp(p, 'iu');
				} catch (e) {
					throw new Error(`${relative(root, file)}: entry ${entry.id}: pattern /${p}/ does not compile: ${(e as Error).message}`);
				}
			});
		return { entry, patterns: { en: compile(entry.en), 'zh-cn': compile(entry['zh-cn']) } };
	});
}

/** The accessible names of the misconception aside in each language (the aside's `aria-label`), from the UI strings. */
export function misconceptionLabels(): string[] {
	const dir = join(root, 'src', 'content', 'i18n');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8'))['handbook.misconception'])
		.filter((label): label is string => typeof label === 'string');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const asides = new Map<string, RegExp>();
/** Starlight renders an aside as `<aside aria-label="{title}" …>`; asides do not nest, so the first `</aside>` ends it. */
function asidePattern(labels: string[]): RegExp {
	const key = labels.join('\n');
	if (!asides.has(key)) asides.set(key, new RegExp(`<aside\\b[^>]*\\baria-label="(?:${labels.map(escape).join('|')})"[^>]*>[\\s\\S]*?</aside>`, 'gi'));
	return asides.get(key)!;
}
const BLOCK = /^(?:p|div|li|ul|ol|dl|dt|dd|td|th|tr|table|thead|tbody|h[1-6]|br|hr|pre|section|aside|article|header|footer|nav|figure|figcaption|blockquote|details|summary|text|tspan|title|desc|foreignobject)$/i;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * The text a reader sees in a built page's main content, misconception asides removed: scripts and styles dropped,
 * block elements separated by a space, inline elements joined, entities decoded, whitespace collapsed.
 */
export function readerText(html: string, labels = misconceptionLabels()): string {
	const start = html.search(/<main\b/i);
	const end = html.lastIndexOf('</main>');
	let text = start >= 0 && end > start ? html.slice(start, end) : html;
	text = text.replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ');
	if (labels.length) text = text.replace(asidePattern(labels), ' ');
	return text
		.replace(/<\/?([a-zA-Z][\w-]*)\b[^>]*>/g, (_, tag: string) => (BLOCK.test(tag) ? ' ' : ''))
		.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
			e[0] === '#' ? (e in ENTITIES ? ENTITIES[e] : String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))) : (ENTITIES[e.toLowerCase()] ?? m),
		)
		.replace(/\s+/g, ' ');
}

export interface Finding {
	page: string;
	id: string;
	match: string;
	message: string;
}

/** Known-wrong claims in one page's reader text. `page` names the page in the message. */
export function findKnownWrong(text: string, lang: Lang, page: string, list: Compiled[]): Finding[] {
	const out: Finding[] = [];
	for (const { entry, patterns } of list) {
		for (const re of patterns[lang]) {
			const m = re.exec(text);
			if (!m) continue;
			out.push({
				page,
				id: entry.id,
				match: m[0],
				message: `${page}: "${m[0]}" is a known-wrong claim (${entry.id}: ${entry.claim}). ${entry.why} Source: ${entry.source}. (src/data/known-wrong.yaml; quote it only inside <Misconception> to refute it.)`,
			});
			break;
		}
	}
	return out;
}

/** The source page of a built HTML file, for messages: `dist/zh-cn/kafka/kraft/index.html` → its .mdx and URL. */
export function pageName(distDir: string, file: string): { lang: Lang; name: string } {
	const path = relative(distDir, file).replaceAll('\\', '/');
	const url = `/${path.replace(/index\.html$/, '').replace(/\.html$/, '/')}`;
	const lang: Lang = path.startsWith('zh-cn/') ? 'zh-cn' : 'en';
	const slug = url.replace(/^\/|\/$/g, '') || 'index';
	return { lang, name: `src/content/docs/${slug}.mdx (${url})` };
}

/** Every HTML page of a build, checked; Pagefind's and Astro's asset folders are skipped. */
export function checkBuild(distDir: string, list = loadKnownWrong()): { pages: number; findings: Finding[] } {
	const labels = misconceptionLabels();
	const files = (readdirSync(distDir, { recursive: true }) as string[])
		.filter((f) => f.endsWith('.html') && !/^(_astro|pagefind)[\\/]/.test(f))
		.map((f) => join(distDir, f));
	const findings = files.flatMap((file) => {
		const { lang, name } = pageName(distDir, file);
		return findKnownWrong(readerText(readFileSync(file, 'utf8'), labels), lang, name, list);
	});
	return { pages: files.length, findings };
}
