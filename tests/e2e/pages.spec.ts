import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { sitemapPages, useTheme, watch } from './helpers';

// Generated per page from the sitemap: every page of the site, in both languages, must hold these.
const pages = sitemapPages();
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// The base-path run (scripts/test-base-path.ts) serves the same pages under /handbook/; axe has already checked them
// in the root run, so there it checks only what a base path can break: status, language, assets, console, origin.
const axe = process.env.E2E_AXE !== 'off';
// Legacy mode runs axe once in the page instead of per frame and then merging (the site has no iframes): the same
// rules and results, in about half the time (mongodb-cassandra: 2.4-3.9 s -> 1.5-1.8 s for the light pass).
const axeOn = (page: Page) => new AxeBuilder({ page }).setLegacyMode(true);
const violations = (result: Awaited<ReturnType<AxeBuilder['analyze']>>) =>
	result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);

test('the sitemap lists the pages of both languages', () => {
	expect(pages.filter((p) => p.startsWith('zh-cn/')).length).toBe(pages.filter((p) => !p.startsWith('zh-cn/')).length);
	expect(pages.length).toBeGreaterThan(4);
});

for (const path of pages) {
	test(`/${path} renders its content in the right language${axe ? ' and passes axe in light and dark' : ''}`, async ({ page }) => {
		const seen = watch(page);
		await useTheme(page, 'light');
		const response = await page.goto(path);
		expect(response?.status()).toBe(200);
		await expect(page.locator('html')).toHaveAttribute('lang', path.startsWith('zh-cn/') ? 'zh-CN' : 'en');
		const text = await page.locator('main').innerText();
		expect(text.trim().length, 'main content is not empty').toBeGreaterThan(200);
		if (path.startsWith('zh-cn/')) {
			// What a screen reader announces on a Chinese page is Chinese too: labels and screen-reader-only text carry no
			// English Starlight phrase (its zh-CN translation leaves "Section titled …" of every heading link in English).
			const labels = await page.evaluate(() =>
				[...document.querySelectorAll('.sr-only, [aria-label], [title]')].map((e) => [e.getAttribute('aria-label'), e.getAttribute('title'), e.classList.contains('sr-only') ? e.textContent : null].filter(Boolean).join(' ')),
			);
			const english = ['Section titled', 'Skip to content', 'On this page', 'Copy to clipboard', 'Select theme', 'Select language', 'Previous', 'Next', 'Edit page', 'Last updated', 'Close', 'Menu'];
			expect(labels.filter((l) => english.some((e) => l.includes(e))), 'English Starlight labels on a Chinese page').toEqual([]);
		}
		const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
		expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'duplicate element ids').toEqual([]);
		if (axe) {
			// Expressive Code makes a code block that scrolls focusable from a script run when the browser is idle; wait for it.
			await page.waitForFunction(() =>
				[...document.querySelectorAll('.expressive-code pre')].every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')),
			);
			expect(violations(await axeOn(page).withTags(wcag).analyze()), 'axe, light theme').toEqual([]);
			// Only colours change with the theme, so the dark pass checks contrast (text, diagrams, code).
			await page.locator('starlight-theme-select select').first().selectOption('dark');
			await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
			expect(violations(await axeOn(page).withRules(['color-contrast']).analyze()), 'axe, dark theme').toEqual([]);
		}
		await page.waitForLoadState('networkidle');
		expect(seen.external, 'requests that leave the site').toEqual([]);
		// An SVG file shown as an image (the logo, the favicon) is a document of its own, built on the page's main thread:
		// 2-4 ms each on this machine at 1x CPU, about 13 times that on the phone the bench emulates (astro.config.mjs).
		const icons = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]')].map((l) => l.href));
		expect([...seen.svgImages, ...icons.filter((h) => h.endsWith('.svg'))], 'SVG files loaded as images').toEqual([]);
		expect(seen.errors, 'console errors').toEqual([]);
	});
}
