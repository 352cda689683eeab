import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { dist, hasDiagram, sitemapPages } from './helpers';

const pages = sitemapPages();
const diagramPage = pages.find((p) => /^kafka\/.+\//.test(p) && hasDiagram(p))!;
const plainPages = pages.filter((p) => !hasDiagram(p));

for (const path of [diagramPage, `zh-cn/${diagramPage}`]) {
	test(`/${path}: the diagram is a visible picture with its labels, named for screen readers`, async ({ page }) => {
		await page.goto(path);
		const svg = page.locator('figure.diagram svg').first();
		await expect(svg).toBeVisible();
		const box = (await svg.boundingBox())!;
		expect(box.width).toBeGreaterThan(100);
		expect(box.height).toBeGreaterThan(30);
		expect((await svg.textContent())!.trim().length).toBeGreaterThan(3);
		if (path.startsWith('zh-cn/')) expect(await svg.textContent()).toMatch(/\p{Script=Han}/u);
		await expect(svg).toHaveAttribute('role', 'img');
		const title = await svg.evaluate((el) => document.getElementById(el.getAttribute('aria-labelledby')!)?.textContent);
		expect(title?.trim().length).toBeGreaterThan(3);
		await expect(page.locator('figure.diagram').first()).toHaveAttribute('data-pagefind-ignore', '');
	});

	test(`/${path}: diagram colours follow the theme toggle, by CSS alone`, async ({ page }) => {
		await page.goto(path);
		const colours = () =>
			page.locator('figure.diagram svg').first().evaluate((svg) => {
				const shapes = [...svg.querySelectorAll('rect, path, polygon, circle, text, line')];
				return shapes.map((s) => `${getComputedStyle(s).fill}|${getComputedStyle(s).stroke}`).join(';');
			});
		await page.locator('starlight-theme-select select').first().selectOption('light');
		const light = await colours();
		await page.locator('starlight-theme-select select').first().selectOption('dark');
		const dark = await colours();
		expect(dark).not.toEqual(light);
		const bg = await page.locator('figure.diagram svg').first().evaluate((svg) => {
			const node = svg.querySelector('.node rect, .node path, rect.actor, rect') as SVGElement;
			return getComputedStyle(node).fill;
		});
		expect(bg, 'dark theme fills are dark').toMatch(/rgb\((\d{1,2}|1[0-4]\d), (\d{1,2}|1[0-4]\d), (\d{1,2}|1\d\d)\)/);
	});
}

test('a diagram prints in light colours even when the reader uses the dark theme', async ({ page }) => {
	await page.goto(diagramPage);
	const fill = () =>
		page.locator('figure.diagram svg').first().evaluate((svg) => getComputedStyle(svg.querySelector('.node rect, rect.actor, rect') as SVGElement).fill);
	await page.locator('starlight-theme-select select').first().selectOption('light');
	const light = await fill();
	await page.locator('starlight-theme-select select').first().selectOption('dark');
	const dark = await fill();
	await page.emulateMedia({ media: 'print' });
	expect(dark).not.toEqual(light);
	expect(await fill()).toEqual(light);
});

test('a diagram page loads no diagram script: only what diagram-free pages load, plus the TOC and code-block scripts', async ({ page }) => {
	const scriptsOf = async (path: string) => {
		const urls: string[] = [];
		page.on('request', (r) => r.resourceType() === 'script' && urls.push(new URL(r.url()).pathname));
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		page.removeAllListeners('request');
		const inline = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).map((s) => s.textContent ?? ''));
		return { urls, inline };
	};
	const plain = new Set<string>();
	for (const p of plainPages.slice(0, 4)) for (const u of (await scriptsOf(p)).urls) plain.add(u);
	const withDiagrams = await scriptsOf(diagramPage);
	// The diagram-free pages (home, hubs) have no table of contents and no code blocks; those two features' scripts are
	// the only ones a topic page may add.
	const extra = withDiagrams.urls.filter((u) => !plain.has(u));
	expect(extra.filter((u) => !/TableOfContents|starlight-toc|\/ec\.[\w-]+\.js$/.test(u))).toEqual([]);
	expect(withDiagrams.inline.join('\n')).not.toMatch(/mermaid/i);
	for (const url of withDiagrams.urls) expect(await (await page.request.get(url)).text()).not.toMatch(/mermaid/i);
});

test('on a phone, a diagram wider than the column scrolls inside its figure: by keyboard too, named for screen readers, the page never widens', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 800 });
	const wide = pages.find((p) => !p.startsWith('zh-cn/') && hasDiagram(p) && readFileSync(join(dist, p, 'index.html'), 'utf8').includes('tabindex="0" role="region"'))!;
	await page.goto(wide);
	expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
	const figure = page.locator('figure.diagram[role="region"]').first();
	await figure.scrollIntoViewIfNeeded();
	// Figures use content-visibility: auto, so a figure's content is laid out only at the first frame after it comes
	// into view; until then its scroll width is its own width. Wait for that frame instead of racing it.
	await expect
		.poll(() => figure.evaluate((f) => f.scrollWidth - f.clientWidth), { message: 'the diagram keeps a legible width and scrolls' })
		.toBeGreaterThan(0);
	const name = await figure.evaluate((f) => document.getElementById(f.getAttribute('aria-labelledby')!)?.textContent);
	expect(name?.trim().length).toBeGreaterThan(3);
	await figure.focus();
	await expect(figure).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => figure.evaluate((f) => f.scrollLeft)).toBeGreaterThan(0);
	// The visible cue: an edge shadow drawn by the figure's own background while there is more to the side.
	expect(await figure.evaluate((f) => getComputedStyle(f).backgroundImage)).toMatch(/radial-gradient/);
});
