import { expect, test } from '@playwright/test';
import { base, sitemapPages } from './helpers';

const topic = sitemapPages().find((p) => /^kafka\/.+\//.test(p)) ?? 'questions/';

test('the language picker lands on the same page in the other language and back', async ({ page }) => {
	const url = (path: string) => new RegExp(`^https?://[^/]+${base}${path}$`);
	await page.goto(topic);
	await page.waitForLoadState('load');
	await page.locator('starlight-lang-select select').first().selectOption({ label: '简体中文' });
	await expect(page).toHaveURL(url(`zh-cn/${topic}`), { timeout: 15_000 });
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	// The picker's change handler is attached by a module script: use it once the page has loaded.
	await page.waitForLoadState('load');
	await page.locator('starlight-lang-select select').first().selectOption({ label: 'English' });
	await expect(page).toHaveURL(url(topic), { timeout: 15_000 });
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the theme chosen in the toggle persists across pages and reloads', async ({ page }) => {
	await page.goto('');
	await page.locator('starlight-theme-select select').first().selectOption('dark');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.goto(topic);
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.locator('starlight-theme-select select').first().selectOption('light');
	await page.goto('zh-cn/');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('an unknown address gets the bilingual 404 page', async ({ page }) => {
	const response = await page.goto('no-such-page/');
	expect(response?.status()).toBe(404);
	await expect(page.locator('main')).toContainText('This page does not exist');
	await expect(page.locator('main')).toContainText('该页面不存在');
	await expect(page.locator('main [lang="zh-CN"]')).toContainText('前往中文首页');
});

test('each language home page has a card per section that leads to a page of that section', async ({ page }) => {
	for (const home of ['', 'zh-cn/']) {
		await page.goto(home);
		const links = page.locator('.card .section-card__link');
		const count = await links.count();
		expect(count).toBeGreaterThanOrEqual(1);
		const href = await links.first().getAttribute('href');
		await links.first().click();
		await expect(page).toHaveURL(new RegExp(`${href}$`));
		await expect(page.locator('h1')).toBeVisible();
	}
});

test('pages show the versions they were checked against under the title', async ({ page }) => {
	await page.goto(topic);
	await expect(page.locator('.checked-against')).toContainText(/Checked against: .+\d/);
	await page.goto(`zh-cn/${topic}`);
	await expect(page.locator('.checked-against')).toContainText(/核对版本：.+\d/);
});

test("each home page marks the other language's words with their language, so screen readers switch voice", async ({ page }) => {
	for (const [home, other, heading] of [
		['', 'zh-CN', '中文版'],
		['zh-cn/', 'en', 'English version'],
	]) {
		await page.goto(home);
		await expect(page.getByRole('heading', { level: 2, name: heading }).locator(`[lang="${other}"]`)).toHaveText(heading);
		const link = page.locator('main a').filter({ has: page.locator(`[lang="${other}"]`) });
		await expect(link).toHaveCount(1);
		await link.click();
		await expect(page.locator('html')).toHaveAttribute('lang', other);
	}
});

/*
 * Chinese pages name a font with Chinese glyphs before any without them (src/styles/handbook.css), so a run of text
 * mixing Chinese and Latin is laid out in one font. With the UI font first, every such run took two fonts on Linux
 * (DejaVu Sans and Noto Sans CJK SC), and each font at each size is a synchronous round trip to the browser process
 * inside the page's first layouts (issue 19). Every run of text that has been laid out is checked, as Chromium reports
 * the fonts it used for it; text in a section not yet drawn reports none and is not counted. The machines that run the
 * tests have Noto Sans CJK SC (fonts-noto-cjk, installed by .ci/run).
 */
test('on Chinese pages each run of text is laid out in one font', async ({ page }) => {
	for (const path of ['zh-cn/', 'zh-cn/microservices/observability/', 'zh-cn/practice/', 'zh-cn/questions/kafka/']) {
		await page.goto(path);
		await page.waitForLoadState('load');
		// Chromium reports the fonts of an element's text and its descendants': each run of text gets an element of its own
		// (one no style rule names) and is checked alone.
		const count = await page.evaluate(() => {
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			const runs: Text[] = [];
			for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent!.trim() && !n.parentElement!.closest('script, style, template')) runs.push(n as Text);
			runs.forEach((text, i) => {
				const run = document.createElement('hb-text-run');
				run.setAttribute('data-text', String(i));
				text.replaceWith(run);
				run.append(text);
			});
			return runs.length;
		});
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('DOM.enable');
		await cdp.send('CSS.enable');
		const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
		const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-text]' });
		expect(nodeIds.length).toBe(count);
		const mixed: string[] = [];
		let laidOut = 0;
		for (const nodeId of nodeIds) {
			const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
			if (fonts.length) laidOut++;
			if (new Set(fonts.map((f) => f.familyName)).size > 1) {
				const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
				mixed.push(`${fonts.map((f) => `${f.familyName} (${f.glyphCount} glyphs)`).join(' + ')}: ${outerHTML.slice(0, 120)}`);
			}
		}
		await cdp.detach();
		expect(laidOut, `${path}: elements with text laid out`).toBeGreaterThan(20);
		expect(mixed, `${path}: elements laid out in more than one font`).toEqual([]);
	}
});

// Expressive Code's copy button is an inline module (src/integrations/first-paint.ts): it must still copy.
test("a code block's copy button puts the block's code on the clipboard", async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto(topic);
	const block = page.locator('.expressive-code').first();
	await block.scrollIntoViewIfNeeded();
	const code = await block.locator('pre code').evaluate((c) => [...c.querySelectorAll('.ec-line')].map((l) => l.textContent).join('\n'));
	expect(code.length).toBeGreaterThan(20);
	await block.hover();
	await block.locator('.copy button').click();
	await expect(block.locator('.copy .feedback')).toHaveClass(/show/);
	expect((await page.evaluate(() => navigator.clipboard.readText())).trimEnd()).toBe(code.trimEnd());
});
