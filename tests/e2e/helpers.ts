import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { topicDirs } from '../../scripts/lib/lint.ts';
import { type Question, extractQuestions } from '../../src/lib/questions.ts';

export const dist = process.env.DIST_DIR ?? 'dist';
export const base = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

/** Every page of the built site's sitemap, as paths relative to the base (`kafka/consumers/`, `zh-cn/`, ``). */
export function sitemapPages(): string[] {
	const xml = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
	return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname.slice(base.length)).sort();
}

/** Sets Starlight's stored theme before any page script runs, so the first paint is already in that theme. */
export async function useTheme(page: Page, theme: 'light' | 'dark') {
	await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
}

/** Collects requests that leave the local origin, console errors and page errors while a test runs. */
export function watch(page: Page) {
	const external: string[] = [];
	const errors: string[] = [];
	const svgImages: string[] = [];
	page.on('request', (req) => {
		const url = new URL(req.url());
		if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !url.protocol.startsWith('data')) external.push(req.url());
		if (req.resourceType() === 'image' && url.pathname.endsWith('.svg')) svgImages.push(url.pathname);
	});
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(msg.text());
	});
	page.on('pageerror', (err) => errors.push(err.message));
	return { external, errors, svgImages };
}

/** Pages that carry a diagram (topic pages), read from the build. */
export const hasDiagram = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8').includes('class="diagram"');

/**
 * The interview questions with a short answer on one language's source pages, by section in sidebar order: what the
 * question bank lists and what practice and the decks carry.
 */
export function sourceQuestions(lang: 'en' | 'zh-cn'): Map<string, Question[]> {
	const root = join('src/content/docs', lang === 'en' ? '' : 'zh-cn');
	const out = new Map<string, Question[]>();
	for (const section of topicDirs) {
		let files: string[] = [];
		try {
			files = readdirSync(join(root, section)).filter((f) => f.endsWith('.mdx'));
		} catch {
			continue;
		}
		const questions = files.flatMap((f) => extractQuestions(readFileSync(join(root, section, f), 'utf8')).filter((q) => q.shortAnswer));
		if (questions.length > 0) out.set(section, questions);
	}
	return out;
}
