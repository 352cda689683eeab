import { sections as handbookSections } from '../../src/config/sections.mjs';
import { extractDiagrams } from './diagrams.ts';
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

export function lintChinese(page: Page): string[] {
	const problems: string[] = [];
	const lines = prose(page.body);
	lines.forEach((line, i) => {
		const where = `${rel(page.file)}:${page.bodyLine + i}`;
		if (new RegExp(`${CJK}[，。、；：！？）]?$`, 'u').test(line) && new RegExp(`^${CJK}`, 'u').test(lines[i + 1] ?? ''))
			problems.push(`${where}: a line break between Chinese characters renders as a space; join the two lines.`);
		for (const [re, hint] of rules) {
			const m = re.exec(line);
			if (m) problems.push(`${where}: ${hint}: "…${line.slice(Math.max(0, m.index - 8), m.index + 10)}…"`);
		}
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
