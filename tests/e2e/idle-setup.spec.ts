import { expect, test } from '@playwright/test';
import { base } from './helpers';

// Starlight sets up its search UI and its two tables of contents (desktop and mobile) in idle callbacks as soon as a
// page loads; on a slow phone each is a long task while the reader starts reading (the table of contents' selector
// query alone took 75–80 ms per instance at 4× CPU on the zh MongoDB/Cassandra page). src/components/search.astro
// holds those callbacks until the reader's first key, pointer, touch, focus or scroll. These tests fail if Starlight's
// code changes so the hold no longer recognises them, and check that what the callbacks set up still works.
const page_ = 'zh-cn/data-platform/mongodb-cassandra/';
test.skip(base !== '/', 'the base-path run serves the same pages; the hold is an inline script that does not depend on the path');

test('before any input, no idle callback builds the search UI or a table of contents', async ({ page }) => {
	await page.addInitScript(() => {
		const seen: string[] = ((window as any).__idle = []);
		const real = window.requestIdleCallback.bind(window);
		window.requestIdleCallback = (callback, options) => {
			seen.push(String(callback));
			return real(callback, options);
		};
	});
	await page.goto(page_);
	await page.waitForLoadState('load');
	await page.waitForTimeout(1500);
	const seen: string[] = await page.evaluate(() => (window as any).__idle);
	expect(seen.filter((s) => s.includes('PagefindUI') || s.includes('this.init()'))).toEqual([]);
	// The hold is not a blanket one: it lets other idle callbacks through.
	await page.mouse.move(10, 10);
	await page.mouse.down();
	await page.mouse.up();
	await expect.poll(() => page.evaluate(() => (window as any).__idle.filter((s: string) => s.includes('this.init()')).length)).toBe(2);
	await expect.poll(() => page.evaluate(() => (window as any).__idle.some((s: string) => s.includes('PagefindUI')))).toBe(true);
});

for (const width of [1280, 390]) {
	test(`at ${width} px the table of contents follows the reader's scrolling`, async ({ page }) => {
		await page.setViewportSize({ width, height: 800 });
		await page.goto(page_);
		await page.waitForLoadState('load');
		const toc = width > 1000 ? page.locator('starlight-toc') : page.locator('mobile-starlight-toc');
		const links = toc.locator('nav a');
		const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
		// The third h2 of the article: scroll it to the top the way a reader does, with the wheel or a swipe.
		const target = hrefs.filter((h) => h.startsWith('#'))[3]!;
		await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'start' }), decodeURIComponent(target.slice(1)));
		await page.mouse.wheel(0, 1);
		await expect(toc.locator(`a[href="${target}"]`)).toHaveAttribute('aria-current', 'true', { timeout: 10_000 });
		const label = await toc.locator(`a[href="${target}"]`).first().evaluate((a) => a.textContent!.trim());
		if (width < 1000) await expect(toc.locator('.display-current')).toHaveText(label);
	});
}

test('arriving on a section by its link marks it in the table of contents', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto(page_);
	const hrefs = await page.locator('starlight-toc nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
	const sections = hrefs.filter((h) => h.startsWith('#'));
	const target = sections[Math.floor(sections.length / 2)]!;
	await page.goto('about:blank');
	await page.goto(page_ + target);
	await expect(page.locator(`starlight-toc a[href="${target}"]`)).toHaveAttribute('aria-current', 'true', { timeout: 10_000 });
});
