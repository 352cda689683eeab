import { expect, test } from '@playwright/test';
import { sourceQuestions } from './helpers';

// Headings as the reader sees them: no Markdown, typographic quotes.
const plain = (s: string) => s.replace(/[`*]/g, '').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').trim();

for (const lang of ['en', 'zh-cn'] as const) {
	const prefix = lang === 'en' ? '' : 'zh-cn/';
	test(`${lang}: the question bank has one page per section, and together they list every question, each linking to its answer`, async ({ page }) => {
		const expected = new Map([...sourceQuestions(lang)].map(([dir, qs]) => [dir, qs.map((q) => q.heading)]));
		// The index links to each section's bank page, in sidebar order.
		await page.goto(`${prefix}questions/`);
		const banks = await page.locator('.sl-markdown-content a[href*="/questions/"]').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
		expect(banks).toEqual([...expected.keys()].map((dir) => new URL(`${dir}/`, page.url()).pathname));

		let listed = 0;
		for (const [dir, headings] of expected) {
			await page.goto(`${prefix}questions/${dir}/`);
			const items = page.locator('[data-question]');
			await expect(items).toHaveCount(headings.length);
			listed += headings.length;
			const shown = (await page.locator('[data-question] .qb-q').allTextContents()).map(plain);
			for (const h of headings) expect(shown).toContain(plain(h));
		}
		expect(listed).toBe([...expected.values()].flat().length);

		// Follow one question to its deep dive: the anchor lands on that heading.
		await page.goto(`${prefix}questions/kafka/`);
		const link = page.locator('[data-question] .qb-q').nth(Math.floor(expected.get('kafka')!.length / 2));
		const text = (await link.innerText()).trim();
		await link.click();
		await expect(page.locator(`h2:has-text("${text.slice(0, 20)}")`).first()).toBeInViewport();
	});

	test(`${lang}: the glossary links every term to a page of the same language`, async ({ page }) => {
		await page.goto(`${prefix}glossary/`);
		const rows = page.locator('table.glossary tbody tr');
		expect(await rows.count()).toBeGreaterThan(0);
		const hrefs = await page.locator('table.glossary tbody td a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
		for (const href of hrefs) expect(href.includes('/zh-cn/')).toBe(lang === 'zh-cn');
		const first = hrefs[0];
		const res = await page.goto(first);
		expect(res?.status()).toBe(200);
	});
}
