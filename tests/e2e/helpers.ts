import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

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
	page.on('request', (req) => {
		const url = new URL(req.url());
		if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !url.protocol.startsWith('data')) external.push(req.url());
	});
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(msg.text());
	});
	page.on('pageerror', (err) => errors.push(err.message));
	return { external, errors };
}

/** Pages that carry a diagram (topic pages), read from the build. */
export const hasDiagram = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8').includes('class="diagram"');
