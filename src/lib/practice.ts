import { marked } from 'marked';
import { href, pageId, pageQuestions, sectionPages, type Lang } from './handbook.ts';

/**
 * Every interview question of one language, as practice uses it: the flashcards and mock interview on the practice
 * page and the Anki decks. Read from the same pages and `<ShortAnswer>`s as the question bank.
 */
export interface PracticeQuestion {
	/** Stable id (`<ShortAnswer id="…">`), the key of stored progress and of the Anki note. */
	id: string;
	section: string;
	/** Index into `pages`. */
	page: number;
	heading: string;
	/** Link to the question on its page, base path included. */
	url: string;
	/** The short answer as HTML. */
	answer: string;
	/** Follow-up questions: the id of the question a link points to when it is one, else the link. */
	followUps: { text: string; id?: string; url?: string }[];
}

export interface PracticeData {
	sections: { dir: string; label: string }[];
	pages: { title: string; url: string }[];
	questions: PracticeQuestion[];
}

const base = import.meta.env.BASE_URL.replace(/\/$/, '');
export const markdownToHtml = (md: string) =>
	(marked.parse(md, { async: false }) as string).replace(/href="\/(?!\/)/g, `href="${base}/`).trim();
const inlineHtml = (md: string) => (marked.parseInline(md, { async: false }) as string).replace(/href="\/(?!\/)/g, `href="${base}/`);

export async function practiceData(lang: Lang): Promise<PracticeData> {
	const groups = await sectionPages(lang);
	const pages: PracticeData['pages'] = [];
	const raw: (PracticeQuestion & { links: { text: string; href: string }[]; pageId: string })[] = [];
	for (const g of groups)
		for (const entry of g.pages) {
			const id = pageId(entry);
			const page = pages.push({ title: entry.data.title, url: href(lang, `${id}/`) }) - 1;
			for (const q of await pageQuestions(entry))
				raw.push({
					id: q.id,
					section: g.section.dir,
					page,
					heading: q.heading,
					url: href(lang, `${id}/#${q.slug}`),
					answer: markdownToHtml(q.shortAnswer),
					followUps: [],
					links: q.followUps,
					pageId: id,
				});
		}
	// A follow-up link that points at another question's heading becomes that question, so the mock interview can ask it.
	const byAnchor = new Map(raw.map((q) => [`${q.pageId}#${decodeURIComponent(q.url.split('#')[1])}`, q.id]));
	const questions = raw.map(({ links, pageId: from, ...q }) => ({
		...q,
		followUps: links.map((l) => {
			const [path, anchor = ''] = l.href.split('#');
			const target = path ? path.replace(/^\/(zh-cn\/)?|\/$/g, '') : from;
			const id = byAnchor.get(`${target}#${decodeURIComponent(anchor)}`);
			return id ? { text: inlineHtml(l.text), id } : { text: inlineHtml(l.text), url: l.href.startsWith('/') ? `${base}${l.href}` : l.href.startsWith('#') ? `${q.url.split('#')[0]}${l.href}` : l.href };
		}),
	}));
	return { sections: groups.filter((g) => g.pages.length).map((g) => ({ dir: g.section.dir, label: g.label })), pages, questions };
}

/** The decks built with the site: one per language for all sections and one per section. */
export const deckFile = (lang: Lang, section = 'all') => `handbook-${lang}-${section}.apkg`;
