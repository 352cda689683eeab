import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { topicDirs } from '../../scripts/lib/lint.ts';
import { extractQuestions } from '../../src/lib/questions.ts';

/** Counts the interview questions of the source pages of one language, as the question bank should list them. */
function sourceQuestions(lang: 'en' | 'zh-cn') {
	const root = join('src/content/docs', lang === 'en' ? '' : 'zh-cn');
	const out: string[] = [];
	for (const section of topicDirs) {
		let files: string[] = [];
		try {
			files = readdirSync(join(root, section)).filter((f) => f.endsWith('.mdx'));
		} catch {
			continue;
		}
		for (const f of files) {
			const qs = extractQuestions(readFileSync(join(root, section, f), 'utf8')).filter((q) => q.shortAnswer);
			out.push(...qs.map((q) => q.heading));
		}
	}
	return out;
}

for (const lang of ['en', 'zh-cn'] as const) {
	const prefix = lang === 'en' ? '' : 'zh-cn/';
	test(`${lang}: the question bank lists every question of every page, each linking to its answer`, async ({ page }) => {
		const expected = sourceQuestions(lang);
		await page.goto(`${prefix}questions/`);
		const items = page.locator('[data-question]');
		await expect(items).toHaveCount(expected.length);
		const headings = await page.locator('[data-question] .qb-q').allTextContents();
		// Headings as the reader sees them: no Markdown, typographic quotes.
		const plain = (s: string) => s.replace(/[`*]/g, '').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').trim();
		const shown = headings.map(plain);
		for (const h of expected) expect(shown).toContain(plain(h));
		// Follow one question to its deep dive: the anchor lands on that heading.
		const link = page.locator('[data-question] .qb-q').nth(Math.floor(expected.length / 2));
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
