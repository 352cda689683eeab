import { type CollectionEntry, getCollection, render } from 'astro:content';
import { sections } from '../config/sections.mjs';
import { extractQuestions } from './questions.ts';

export type Lang = 'en' | 'zh-cn';
type Doc = CollectionEntry<'docs'>;

/** `/base/` + optional locale + path, for links built in components (Markdown links get the base from a plugin). */
export function href(lang: Lang, path: string): string {
	const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
	return `${base}${lang === 'en' ? '' : 'zh-cn/'}${path.replace(/^\//, '')}`;
}

/** The page id without its locale folder, e.g. `kafka/consumers`. */
export const pageId = (entry: Doc) => entry.id.replace(/^zh-cn\//, '');
export const langOf = (entry: Doc): Lang => (entry.id.startsWith('zh-cn/') ? 'zh-cn' : 'en');

/** The topic pages of each section in one language, in sidebar order. */
export async function sectionPages(lang: Lang) {
	const docs = await getCollection('docs', (entry) => langOf(entry) === lang);
	return sections.map((section) => ({
		section,
		label: lang === 'en' ? section.label : section.zh,
		description: section.description[lang === 'en' ? 'en' : 'zh'],
		pages: docs
			.filter((entry) => pageId(entry).startsWith(`${section.dir}/`))
			.sort((a, b) => (a.data.sidebar.order ?? 99) - (b.data.sidebar.order ?? 99) || a.id.localeCompare(b.id)),
	}));
}

export interface BankQuestion {
	/** The stable id from `<ShortAnswer id="…">`, shared by both languages. */
	id: string;
	heading: string;
	slug: string;
	shortAnswer: string;
	followUps: { text: string; href: string }[];
}

/** A page's interview questions with the anchors Starlight gives their headings. */
export async function pageQuestions(entry: Doc): Promise<BankQuestion[]> {
	const { headings } = await render(entry);
	const h2 = headings.filter((h) => h.depth === 2);
	const questions = extractQuestions(entry.body ?? '');
	if (h2.length !== questions.length) {
		throw new Error(`${entry.filePath}: found ${questions.length} "##" headings in the source but ${h2.length} in the page.`);
	}
	return questions.flatMap((q, i) =>
		q.shortAnswer ? [{ id: q.id ?? '', heading: h2[i].text, slug: h2[i].slug, shortAnswer: q.shortAnswer, followUps: q.followUps }] : [],
	);
}
