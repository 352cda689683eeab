import { sections as handbookSections } from '../../src/config/sections.mjs';
import { extractDiagrams } from './diagrams.ts';
import { glossaryVariants } from './glossary.ts';
import { type Page, rel } from './pages.ts';
import { extractQuestions, sections, withoutCode } from '../../src/lib/questions.ts';

/** Sections whose pages are topic pages (the hubs, home and 404 have their own shape). */
export const topicDirs = handbookSections.map((s) => s.dir);
export const isTopic = (p: Page) => topicDirs.includes(p.id.split('/')[0]) && p.id.includes('/');

const HAN = /\p{Script=Han}/u;
const hanCount = (s: string) => [...s].filter((c) => HAN.test(c)).length;
const wordCount = (s: string) => s.replace(/<[^>]+>|[`*_[\]()]/g, ' ').split(/\s+/).filter(Boolean).length;
const SOURCES = { en: 'Sources', 'zh-cn': '参考资料' } as const;

/** Page-shape problems of one page: `file:line: message`. */
export function lintPage(page: Page): string[] {
	if (!isTopic(page)) return [];
	const problems: string[] = [];
	const at = (line: number, msg: string) => problems.push(`${rel(page.file)}:${page.bodyLine + line - 1}: ${msg}`);
	if (!Array.isArray(page.frontmatter.versions) || page.frontmatter.versions.length === 0)
		at(1, 'frontmatter needs `versions`: the products and versions the page was checked against.');
	if (typeof page.frontmatter.sidebar?.order !== 'number') at(1, 'frontmatter needs `sidebar.order`.');

	const all = extractQuestions(page.body);
	const last = all.at(-1);
	if (!last || last.heading !== SOURCES[page.locale]) at(last?.line ?? 1, `the last \`##\` section must be "## ${SOURCES[page.locale]}".`);
	const questions = all.slice(0, -1);
	if (questions.length < 4 || questions.length > 8) at(1, `has ${questions.length} questions; a page has 4–8.`);
	for (const q of questions) {
		if (!/[?？]$/.test(q.heading)) at(q.line, `"${q.heading}" is not phrased as a question (end it with ${page.locale === 'en' ? '?' : '？'}).`);
		if (q.shortAnswer === undefined) {
			at(q.line, `"${q.heading}" must be followed directly by <ShortAnswer>…</ShortAnswer>.`);
			continue;
		}
		const size = page.locale === 'en' ? wordCount(q.shortAnswer) : hanCount(q.shortAnswer);
		const limit = page.locale === 'en' ? 75 : 150;
		if (size > limit)
			at(q.line, `the short answer to "${q.heading}" has ${size} ${page.locale === 'en' ? 'words' : '汉字'}; at most ${limit}.`);
	}
	if (extractDiagrams(page.body, page.file).length === 0) at(1, 'has no Mermaid diagram; every topic page has at least one.');
	// A header row with an empty cell leaves that column's cells with no header for a screen reader (axe td-has-header).
	const lines = page.body.split('\n');
	for (const [i, l] of lines.entries())
		if (/^\s*\|/.test(l) && /^\s*\|?\s*:?-{3,}/.test(lines[i + 1] ?? '') && (!/^\s*\|/.test(lines[i - 1] ?? '')) && /\|\s*\|/.test(l.trim().replace(/\|\s*$/, '')))
			at(i + 1, `a table's header row has an empty cell; name the column (for example ${page.locale === 'en' ? '"Aspect"' : '"对比项"'}) so screen readers can announce its cells.`);
	if (page.locale === 'zh-cn') problems.push(...lintChinese(page));
	return problems;
}

/** Prose of a Chinese page with code, inline code, URLs, JSX tags and diagrams removed (line numbers kept). */
function prose(body: string): string[] {
	return withoutCode(body)
		.split('\n')
		.map((line) =>
			line
				.replace(/`[^`]*`/g, ' ')
				.replace(/\]\([^)]*\)/g, '] ')
				.replace(/<[^>]*>/g, ' ')
				.replace(/https?:\/\/\S+/g, ' ')
				.replace(/^import .*$/, ''),
		);
}

const CJK = '\\p{Script=Han}';
const rules: [RegExp, string][] = [
	[new RegExp(`${CJK}[A-Za-z0-9]|[A-Za-z0-9]${CJK}`, 'u'), 'put one space between Chinese and Latin text or digits'],
	[new RegExp(`${CJK}[,;!?]|[,;!?]${CJK}`, 'u'), 'use full-width punctuation (，；！？) in Chinese text'],
	[new RegExp(`${CJK}[(:]|\\)${CJK}`, 'u'), 'use full-width brackets and colon (（）：) in Chinese text'],
	[new RegExp(`${CJK}\\.(\\s|$)`, 'u'), 'end a Chinese sentence with 。'],
];

/**
 * A line as the reader sees its edges: inline code stands for a Latin word, a link for its text, tags and emphasis
 * markers vanish. Used to decide what a soft line break renders between: it renders as a space.
 */
function visible(line: string): string {
	return line
		.replace(/`[^`]*`/g, 'x')
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]*>/g, '')
		.replace(/[*~]+/g, '')
		.trim();
}
/** A line that starts a new block, so the break before it is not a soft break inside a paragraph. */
const startsBlock = (raw: string) => /^\s*([-*+]\s|\d+[.)]\s|#|\||>|:::|import\s|export\s|\{)/.test(raw);
/** A line whose own end is not a soft break: a heading, a table row, a hard break (two spaces or a backslash). */
const endsBlock = (raw: string) => /^\s*(#|\|)/.test(raw) || / {2}$|\\$/.test(raw);

const HAN_OR_FW = /[\p{Script=Han}，。、；：！？（）《》「」【】“”‘’]/u;
/** Full-width punctuation with no space after it / before it in Chinese typography. */
const NO_SPACE_AFTER = /[，。、；：！？（《「【“]/u;
const NO_SPACE_BEFORE = /[，。、；：！？）》」】”]/u;
const LATIN = /[A-Za-z0-9]/;

/** The space a soft line break between `a` (end of a line) and `b` (start of the next) would render, if it is wrong. */
function strayBreak(a: string, b: string): string | undefined {
	if (HAN_OR_FW.test(a) && HAN_OR_FW.test(b)) return 'a line break between Chinese characters renders as a space; join the two lines.';
	if (NO_SPACE_AFTER.test(a) && LATIN.test(b)) return `a line break after "${a}" renders as a space before Latin text; join the two lines.`;
	if (LATIN.test(a) && NO_SPACE_BEFORE.test(b)) return `a line break before "${b}" renders as a space after Latin text; join the two lines.`;
}

/** The lines of a page inside ```mermaid fences, by index; other lines are undefined. */
function mermaidLines(body: string): (string | undefined)[] {
	let inside = false;
	return body.split('\n').map((line) => {
		if (!inside && /^\s*```+\s*mermaid\b/.test(line)) return void (inside = true);
		if (inside && /^\s*```+\s*$/.test(line)) return void (inside = false);
		return inside ? line : undefined;
	});
}

/**
 * Known variants of glossary terms in one line of Chinese prose. A Latin variant (lower-case `broker`) counts as a
 * whole word used as a Chinese term: not inside an English gloss in full-width brackets (`消息代理（broker）`) and not
 * next to another English word (`“not leader”`, an English source title), where it is English, not a term.
 */
const variantPattern = new Map<string, RegExp>();
export function variantRegExp(variant: string): RegExp {
	let re = variantPattern.get(variant);
	if (!re) {
		const escaped = variant.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		re = /^[\x20-\x7e]+$/.test(variant)
			? new RegExp(`(?<![A-Za-z0-9_.\\-/@$]|[A-Za-z][\\s“”"'‘’]*)${escaped}(?![A-Za-z0-9_\\-/@=]|[\\s“”"'‘’]*[A-Za-z])`, 'g')
			: new RegExp(escaped, 'g');
		variantPattern.set(variant, re);
	}
	re.lastIndex = 0;
	return re;
}

function variantsIn(line: string, where: string): string[] {
	const out: string[] = [];
	for (const v of glossaryVariants()) {
		const latin = /^[\x20-\x7e]+$/.test(v.variant);
		const text = latin ? line.replace(/（[^（）\p{Script=Han}]*）/gu, ' ') : line;
		const found = text.includes(v.variant) && variantRegExp(v.variant).test(text);
		if (found) out.push(`${where}: "${v.variant}" is a variant of the glossary term "${v.zh}" (${v.en}, ${v.file}); write "${v.zh.replace(/（.*）$/, '')}" as the glossary does.`);
	}
	return out;
}

/**
 * The English prose in a code block's title, if any: what is left after file names, paths, identifiers, commands and
 * options are removed, when it is a phrase (two words or more), a label (`client:`) or a parenthetical (`(excerpt)`)
 * with a lower-case content word in it. A title with Chinese in it is translated; a lone word such as `Dockerfile` or
 * `mongosh` is a name.
 */
export function englishTitle(title: string): string | undefined {
	if (/\p{Script=Han}/u.test(title)) return undefined;
	const rest = title
		.replace(/\S*[./_=<>@{}]\S*/g, ' ') // file names, paths, dotted identifiers
		.replace(/(^|\s)--?[\w-]+/g, ' ') // command-line options
		.replace(/\b(?:[A-Z]{2,}|[A-Z]?[a-z]+(?:[A-Z][a-z0-9]*)+)\b/g, ' ') // POST, OrderPlaced, camelCase
		.replace(/\s+/g, ' ')
		.trim();
	const words = rest.match(/[A-Za-z]{2,}/g) ?? [];
	// Prose has a lower-case content word; a product name (`Spring for Apache Kafka`) has only capitalised words.
	if (!words.some((w) => /^[a-z]+$/.test(w) && !FUNCTION_WORDS.has(w))) return undefined;
	if (words.length >= 2 || /[(（]\s*[A-Za-z]|[A-Za-z]\s*:/.test(rest)) return rest;
}
const FUNCTION_WORDS = new Set('a an and as at by for from in into of on or the to via with'.split(' '));

export function lintChinese(page: Page): string[] {
	const problems: string[] = [];
	let fence: string | undefined;
	page.body.split('\n').forEach((line, i) => {
		const m = /^\s*(`{3,}|~{3,})(.*)$/.exec(line);
		if (!m) return;
		if (fence) {
			if (m[1][0] === fence[0] && m[1].length >= fence.length && !m[2].trim()) fence = undefined;
			return;
		}
		fence = m[1];
		const title = /\btitle="([^"]*)"/.exec(m[2])?.[1];
		const english = title && englishTitle(title);
		if (english) problems.push(`${rel(page.file)}:${page.bodyLine + i}: the code block title "${title}" is English ("${english}"); translate it (file names stay as they are).`);
	});
	const lines = prose(page.body);
	const raw = withoutCode(page.body).split('\n');
	// Diagram labels are text the reader sees, so terms in them follow the glossary too.
	const diagramLines = mermaidLines(page.body);
	const withMermaid = lines.map((line, i) => diagramLines[i] ?? line);
	lines.forEach((line, i) => {
		const where = `${rel(page.file)}:${page.bodyLine + i}`;
		const next = raw[i + 1] ?? '';
		if (!endsBlock(raw[i]) && !startsBlock(next)) {
			const a = visible(raw[i]).at(-1);
			const b = [...visible(next)][0];
			const stray = a && b ? strayBreak(a, b) : undefined;
			if (stray) problems.push(`${where}: ${stray}`);
		}
		for (const [re, hint] of rules) {
			const m = re.exec(line);
			if (m) problems.push(`${where}: ${hint}: "…${line.slice(Math.max(0, m.index - 8), m.index + 10)}…"`);
		}
		problems.push(...variantsIn(withMermaid[i], where));
		// CommonMark: `**…。**` followed by a letter is not bold (the closing ** is not right-flanking).
		const stars = [...line.matchAll(/\*\*/g)].map((s) => s.index!);
		for (let k = 1; k < stars.length; k += 2) {
			const before = line[stars[k] - 1] ?? ' ';
			const after = line[stars[k] + 2] ?? ' ';
			if (/\p{P}/u.test(before) && /[\p{L}\p{N}]/u.test(after))
				problems.push(`${where}: bold that ends in punctuation and runs into text does not render; use <strong>…</strong>.`);
		}
	});
	return problems;
}

/** Structure an English page and its Chinese twin must share. */
export function compareTwins(en: Page, zh: Page): string[] {
	if (!isTopic(en)) return [];
	const shape = (p: Page) => {
		const text = withoutCode(p.body);
		return {
			questions: sections(p.body).length,
			diagrams: extractDiagrams(p.body, p.file).length,
			'code blocks': codeBlocks(p.body),
			'misconception asides': (text.match(/<Misconception>/g) ?? []).length,
			'follow-up lists': (text.match(/<FollowUps>/g) ?? []).length,
			'sidebar.order': p.frontmatter.sidebar?.order,
			versions: JSON.stringify(p.frontmatter.versions ?? []),
		};
	};
	const a = shape(en);
	const b = shape(zh);
	return Object.keys(a)
		.filter((k) => a[k as keyof typeof a] !== b[k as keyof typeof b])
		.map((k) => `${rel(zh.file)}: ${k} differ from the English page (${a[k as keyof typeof a]} vs ${b[k as keyof typeof b]}).`);
}

/** Fenced code blocks other than diagrams. */
function codeBlocks(body: string): number {
	let fence: string | undefined;
	let count = 0;
	for (const line of body.split('\n')) {
		const m = /^\s*(`{3,}|~{3,})\s*(\S*)/.exec(line);
		if (!m) continue;
		if (fence) {
			if (m[1] === fence && !m[2]) fence = undefined;
		} else {
			fence = m[1];
			if (m[2] !== 'mermaid') count++;
		}
	}
	return count;
}
