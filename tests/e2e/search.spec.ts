import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { base } from './helpers';

const suite = JSON.parse(readFileSync('tests/e2e/search-queries.json', 'utf8')) as Record<'en' | 'zh-cn', [string, string][]>;

/** Runs queries through the site's real Pagefind bundle, in the language of the page it is loaded on. */
async function search(page: Page, queries: string[]) {
	return page.evaluate(
		async ({ queries, base }) => {
			const pagefind = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
			await pagefind.init();
			const out: Record<string, string[]> = {};
			for (const q of queries) {
				const { results } = await pagefind.search(q);
				out[q] = await Promise.all(results.slice(0, 3).map(async (r: any) => (await r.data()).url as string));
			}
			return out;
		},
		{ queries, base },
	);
}

for (const lang of ['en', 'zh-cn'] as const) {
	test(`${lang}: every query of the suite finds its page in the top 3`, async ({ page }) => {
		await page.goto(lang === 'en' ? '' : 'zh-cn/');
		const results = await search(page, suite[lang].map(([q]) => q));
		const prefix = `${base}${lang === 'en' ? '' : 'zh-cn/'}`;
		const misses = suite[lang].filter(([q, want]) => !results[q].some((url) => url.split('#')[0] === `${prefix}${want}`));
		const report = misses.map(([q, want]) => `"${q}" → wanted /${want}, got ${results[q].join(', ') || 'nothing'}`);
		console.log(`${lang}: ${suite[lang].length - misses.length}/${suite[lang].length} queries found their page in the top 3`);
		expect(report).toEqual([]);
		// Results stay in the reader's language.
		for (const urls of Object.values(results)) for (const url of urls) expect(url.startsWith(`${base}zh-cn/`)).toBe(lang === 'zh-cn');
	});
}

test('the index holds page content only: no chrome, diagram sources or button labels', async ({ page }) => {
	for (const [home, query] of [
		['', 'consumer group'],
		['zh-cn/', '消费者组'],
	]) {
		await page.goto(home);
		const contents: string[] = await page.evaluate(
			async ({ base, query }) => {
				const pagefind = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
				const { results } = await pagefind.search(query);
				return Promise.all(results.slice(0, 5).map(async (r: any) => (await r.data()).content as string));
			},
			{ base, query },
		);
		expect(contents.length).toBeGreaterThan(0);
		for (const text of contents) {
			for (const chrome of ['Skip to content', 'On this page', 'Copy to clipboard', 'accTitle', 'accDescr', 'flowchart', 'sequenceDiagram', '跳到内容', '本页内容', 'Question bank'])
				expect(text, `indexed text contains "${chrome}"`).not.toContain(chrome);
		}
	}
});

for (const [lang, query, open] of [
	['en', 'consumer group', 'Control+k'],
	['zh-cn', '消费者组', '/'],
] as const) {
	test(`${lang}: the search dialog opens with ${open}, shows heading sub-results and a section filter, and works by keyboard`, async ({ page }) => {
		await page.goto(lang === 'en' ? 'glossary/' : 'zh-cn/glossary/');
		await page.waitForLoadState('load');
		await page.keyboard.press(open);
		const dialog = page.locator('dialog[aria-label]').filter({ has: page.locator('#starlight__search') });
		await expect(dialog).toBeVisible();
		// The field has the focus even if Pagefind's UI was still setting itself up when the dialog opened.
		// (Checked on document.activeElement: Playwright's toBeFocused also wants the window focused, which a page in a
		// parallel headless run does not always have.)
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.matches('#starlight__search input') ?? false), { timeout: 15_000 })
			.toBe(true);
		await page.keyboard.type(query);
		const first = page.locator('.pagefind-ui__result').first();
		await expect(first).toBeVisible({ timeout: 15_000 });
		await expect(first.locator('.pagefind-ui__result-nested').first()).toBeVisible();
		await expect(page.locator('.pagefind-ui__filter-name', { hasText: /section|章节/i }).first()).toBeAttached();
		// Pagefind shows results for what is typed so far ("con" ranks /microservices/configuration/ first, what CI once
		// read here): wait for the results of the whole query to replace them.
		await expect(first.locator('a').first()).toHaveAttribute('href', lang === 'en' ? /^(?!.*zh-cn).*\/kafka\/consumers\// : /\/zh-cn\/kafka\/consumers\//);
		await page.keyboard.press('Tab');
		await expect(page.locator(':focus')).toBeVisible();
	});
}
