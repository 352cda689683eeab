import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extractQuestions } from '../../src/lib/questions.ts';
import { isTopic } from './lint.ts';
import { type Page, listPages, readPage, rel, twinPath } from './pages.ts';

/**
 * Stable question ids: every interview question carries `<ShortAnswer id="…">`, unique in the handbook and the same,
 * in the same order, in the English page and its Chinese twin. Practice progress and Anki notes are keyed by it, so a
 * question keeps its history when it is reworded or translated.
 */
export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const STOP = new Set('a an and are as at be by can do does for from how in is it of on or the to what when where which who why with you your'.split(' '));

/** An id made from an English heading: its first five meaningful words, e.g. "why-kafka-split-topic-partitions". */
export function suggestId(heading: string, taken: Set<string> = new Set(), prefix = ''): string {
	const words = heading
		.toLowerCase()
		.replace(/`/g, '')
		.split(/[^a-z0-9]+/)
		.filter((w) => w && !STOP.has(w));
	let id = words.slice(0, 5).join('-') || 'question';
	if (taken.has(id) && prefix) id = `${prefix}-${id}`;
	for (let n = 2; taken.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
	return id;
}

const questionsOf = (p: Page) => extractQuestions(p.body).filter((q) => q.shortAnswer !== undefined);
const englishTwin = (p: Page) => ['.mdx', '.md'].map((ext) => twinPath(p, ext)).find(existsSync);

/** Problems with the ids of `pages`, checked against `all` pages for uniqueness and twins: `file:line: message`. */
export function idProblems(pages: Page[], everyPage: Page[] = listPages().map(readPage)): string[] {
	const all = everyPage.filter(isTopic);
	const seen = new Map<string, string>();
	for (const p of all)
		for (const q of questionsOf(p))
			if (q.id && !seen.has(`${p.locale}:${q.id}`)) seen.set(`${p.locale}:${q.id}`, `${rel(p.file)}:${p.bodyLine + q.line - 1}`);
	const taken = new Set([...seen.keys()].map((k) => k.replace(/^[^:]+:/, '')));
	const problems: string[] = [];
	for (const p of pages.filter(isTopic)) {
		const en = p.locale === 'zh-cn' ? all.find((o) => o.locale === 'en' && o.id === p.id) : undefined;
		const twin = en ? questionsOf(en) : [];
		questionsOf(p).forEach((q, i) => {
			const where = `${rel(p.file)}:${p.bodyLine + q.line - 1}`;
			const want = twin[i]?.id;
			const from = en ? rel(en.file) : '';
			if (!q.id) {
				problems.push(
					p.locale === 'en'
						? `${where}: "${q.heading}" has no id: write <ShortAnswer id="${suggestId(q.heading, taken, p.id.split('/').pop())}"> (lower-case words and hyphens, unique in the handbook, kept when the question is reworded) and give the same question in the Chinese twin the same id; \`npm run question-ids\` adds missing ids.`
						: want
							? `${where}: "${q.heading}" has no id: write <ShortAnswer id="${want}">, the id of question ${i + 1} in ${from}.`
							: `${where}: "${q.heading}" has no id: give question ${i + 1} of the English twin an id first, then write the same one here.`,
				);
				return;
			}
			if (!ID.test(q.id)) problems.push(`${where}: id "${q.id}" must be lower-case letters and digits joined by hyphens, e.g. "${suggestId(q.heading)}".`);
			const first = seen.get(`${p.locale}:${q.id}`);
			if (first && first !== where) problems.push(`${where}: id "${q.id}" is already used at ${first}; every question needs its own id.`);
			if (en && want !== q.id)
				problems.push(
					want
						? `${where}: id "${q.id}" differs from "${want}", the id of question ${i + 1} in ${from}; the twins list the same ids in the same order.`
						: `${where}: question ${i + 1} has id "${q.id}" but ${from} has no question ${i + 1} with an id.`,
				);
		});
	}
	return problems;
}

/**
 * Adds missing ids to the given pages in place: an English question gets one made from its heading, a Chinese one the
 * id of the same question in its English twin. Returns the files it changed.
 */
export function addIds(files = listPages()): string[] {
	const pages = files.map(readPage).filter(isTopic);
	const taken = new Set(listPages().map(readPage).filter(isTopic).flatMap((p) => questionsOf(p).flatMap((q) => q.id ?? [])));
	const changed: string[] = [];
	for (const p of [...pages.filter((p) => p.locale === 'en'), ...pages.filter((p) => p.locale === 'zh-cn')]) {
		const twinFile = p.locale === 'zh-cn' ? englishTwin(p) : undefined;
		const twin = twinFile ? questionsOf(readPage(twinFile)) : [];
		const lines = readFileSync(p.file, 'utf8').split('\n');
		let edits = 0;
		questionsOf(p).forEach((q, i) => {
			if (q.id) return;
			const id = p.locale === 'en' ? suggestId(q.heading, taken, p.id.split('/').pop()) : twin[i]?.id;
			if (!id) return;
			taken.add(id);
			const at = lines.findIndex((l, k) => k >= p.bodyLine + q.line - 1 && /^\s*<ShortAnswer\s*>/.test(l));
			if (at < 0) return;
			lines[at] = lines[at].replace(/<ShortAnswer\s*>/, `<ShortAnswer id="${id}">`);
			edits++;
		});
		if (edits) {
			writeFileSync(p.file, lines.join('\n'));
			changed.push(rel(p.file));
		}
	}
	return changed;
}
