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
