import type { APIRoute, GetStaticPaths } from 'astro';
import type { Lang } from '~/lib/handbook';
import { practiceData } from '~/lib/practice';

/**
 * The practice page's questions with their short answers and follow-ups, in the order of the ids the page carries
 * inline. Fetched when the reader starts practising, so a first visit stays within the page-weight budget; once it is
 * loaded the page needs no network.
 */
export const getStaticPaths = (() => ['en', 'zh-cn'].map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
	const data = await practiceData(params.lang as Lang);
	const where = (q: (typeof data.questions)[number]) => `${data.sections.find((s) => s.dir === q.section)?.label} · ${data.pages[q.page].title}`;
	const q = data.questions.map((q) => [q.id, where(q), q.heading, q.url, q.answer, q.followUps.map((f) => [f.text, f.id ?? '', f.url ?? ''])]);
	return new Response(JSON.stringify({ q }), { headers: { 'Content-Type': 'application/json' } });
};
