import type { APIRoute, GetStaticPaths } from 'astro';
import { sections } from '~/config/sections.mjs';
import { buildApkg } from '~/lib/apkg';
import type { Lang } from '~/lib/handbook';
import { deckFile, practiceData } from '~/lib/practice';

/**
 * Anki decks built with the site, one per language for every section and one per section:
 * `/decks/handbook-<lang>-<section|all>.apkg`. The practice page links to them.
 */
export const getStaticPaths = (() =>
	(['en', 'zh-cn'] as Lang[]).flatMap((lang) =>
		['all', ...sections.map((s) => s.dir)].map((section) => ({ params: { deck: deckFile(lang, section).replace(/\.apkg$/, '') }, props: { lang, section } })),
	)) satisfies GetStaticPaths;

const title = { en: 'Backend Interview Handbook', 'zh-cn': '后端面试手册' };
const more = { en: 'Read the full answer', 'zh-cn': '阅读完整讲解' };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const GET: APIRoute = async ({ props, site }) => {
	const { lang, section } = props as { lang: Lang; section: string };
	const data = await practiceData(lang);
	const label = (dir: string) => data.sections.find((s) => s.dir === dir)?.label ?? dir;
	const absolute = (url: string) => new URL(url, site ?? 'http://localhost/').href;
	const notes = data.questions
		.filter((q) => section === 'all' || q.section === section)
		.map((q) => ({
			guid: `handbook-${lang}-${q.id}`,
			front: esc(q.heading),
			back: `${q.answer}\n<p class="source">${esc(label(q.section))} · <a href="${absolute(q.url)}">${more[lang]}</a></p>`,
			tags: ['backend-interview-handbook', q.section],
		}));
	const deck = section === 'all' ? title[lang] : `${title[lang]}::${label(section)}`;
	const bytes = await buildApkg({ deck, model: `${title[lang]} (${lang})`, notes, css: '.card { font-family: sans-serif; font-size: 18px; text-align: left; } .source { font-size: 14px; color: #666; }' });
	return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/octet-stream' } });
};
