import { type Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { base, dist, sitemapPages } from './helpers';

/*
 * Sections below the fold are skipped by the browser until the reader comes near (content-visibility: auto), holding
 * the height the build estimated (--est, src/integrations/rehype-lazy-sections.ts). These tests check what a reader
 * and assistive tools would notice if that went wrong.
 */
const pages = sitemapPages();
test.skip(base !== '/', 'the base-path run serves the same pages; how sections are drawn does not depend on the path');

/** From the next navigation on, records every layout shift of the page, with the elements that moved (marked `[chrome]` when all are in the page header or the desktop sidebar). */
const recordShifts = (page: Page) =>
	page.addInitScript(() => {
		const w = window as unknown as { shifts: string[] };
		w.shifts = [];
		type Source = { node?: Node | null; previousRect: DOMRectReadOnly };
		// Page chrome: the header, or the desktop sidebar (a source the browser cannot name, by where it was).
		const inChrome = (s: Source) => {
			if (s.node) return Boolean((s.node as Element).closest?.('header, .sidebar-pane'));
			const pane = document.querySelector('.sidebar-pane')?.getBoundingClientRect();
			const r = s.previousRect;
			return Boolean(pane && pane.width > 0 && r.left >= pane.left && r.right <= pane.right && r.width > 0);
		};
		new PerformanceObserver((list) => {
			for (const e of list.getEntries() as (PerformanceEntry & { value: number; sources: Source[] })[])
				w.shifts.push(
					`${e.value.toFixed(4)} (${e.sources.map((s) => (s.node as Element | undefined)?.className || s.node?.nodeName || 'unnamed').join(', ')})${e.sources.every(inChrome) ? ' [chrome]' : ''}`,
				);
		}).observe({ type: 'layout-shift', buffered: true });
	});
/** The shifts recorded so far, once two more frames have been drawn. */
const shiftsSoFar = (page: Page) =>
	page.evaluate(async () => {
		await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
		return (window as unknown as { shifts: string[] }).shifts;
	});

for (const width of [320, 390]) {
	test(`every page on a ${width} px phone: nothing shifts while loading${width === 320 ? ' (painted mid-parse every 2 KB)' : ''}, each section reserves at least its real height, code that scrolls is a tab stop before its section is drawn, every table is drawn once loaded`, async ({ browser }) => {
		test.setTimeout(300_000);
		const page = await browser.newPage({ viewport: { width, height: 800 } });
		// A section the browser first skips and then draws in view moves what follows it: a layout shift a reader sees.
		await recordShifts(page);
		const shifted: string[] = [];
		const low: string[] = [];
		const untabbable: string[] = [];
		const hidden: string[] = [];
		let sections = 0;
		let tables = 0;
		for (const path of pages) {
			// At 320 px the server sends each page's content in 2 KB pieces (scripts/lib/serve.ts), so the browser paints
			// mid-parse at every piece: what a slow phone does at some of them, by chance. At 390 px pages arrive whole.
			await page.goto(width === 320 ? `${path}?trickle=2048` : path);
			const shifts = await shiftsSoFar(page);
			if (shifts.length) shifted.push(`/${path}: ${shifts.join('; ')}`);
			const measured = await page.evaluate(() => {
				const all = [...document.querySelectorAll<HTMLElement>('.sl-markdown-content > section.hb-section')];
				// Before anything is drawn: a keyboard user tabbing down the page must not pass a block that scrolls.
				const untabbable = [...document.querySelectorAll<HTMLElement>('.sl-markdown-content > section.hb-section .expressive-code pre')]
					.filter((pre) => pre.scrollWidth > pre.clientWidth && !pre.hasAttribute('tabindex'))
					.map((pre) => pre.textContent!.slice(0, 40));
				// Each section, and each piece a long section's later blocks are drawn in, with all it holds drawn.
				const sections = [...all, ...document.querySelectorAll<HTMLElement>('.sl-markdown-content > section.hb-section > .hb-piece')].map((s) => {
					const inner = [s, ...s.querySelectorAll<HTMLElement>('.hb-piece')];
					const outer = s.closest<HTMLElement>('section.hb-section')!;
					for (const e of [outer, ...inner]) e.style.contentVisibility = 'visible';
					const real = Math.ceil(s.getBoundingClientRect().height);
					for (const e of [outer, ...inner]) e.style.contentVisibility = '';
					const heading = outer.querySelector('h2')?.id ?? '?';
					return { heading: s === outer ? heading : `${heading} (piece ${[...outer.querySelectorAll(':scope > .hb-piece')].indexOf(s) + 1})`, est: Number.parseFloat(s.style.getPropertyValue('--est')), real };
				});
				// A table is hidden until what follows it is parsed (src/styles/handbook.css); once the page is in, every one
				// must be drawn: hidden for good if the element after it, or the footer after the article, went missing.
				const tables = [...document.querySelectorAll<HTMLElement>('.sl-markdown-content table')].map((t) => {
					const box = t.getBoundingClientRect();
					return { drawn: getComputedStyle(t).visibility === 'visible' && box.width > 0 && box.height > 0, head: (t.querySelector('th, td')?.textContent ?? '').trim().slice(0, 30) };
				});
				return { sections, untabbable, tables };
			});
			const r = measured;
			sections += r.sections.length;
			for (const m of r.sections) if (!(m.est >= m.real)) low.push(`/${path}#${m.heading}: reserved ${m.est} px, real ${m.real} px`);
			untabbable.push(...r.untabbable.map((t) => `/${path}: ${t}`));
			tables += r.tables.length;
			hidden.push(...r.tables.filter((t) => !t.drawn).map((t) => `/${path}: table starting "${t.head}"`));
		}
		await page.close();
		expect(sections, 'topic pages are split into lazily drawn sections and pieces').toBeGreaterThan(600);
		expect(shifted, 'pages whose layout shifts while loading').toEqual([]);
		expect(low, 'sections or pieces whose estimate is below their real height (rehype-lazy-sections.ts under-counts)').toEqual([]);
		expect(untabbable, 'code blocks that scroll but are not tab stops (ec.config.mjs)').toEqual([]);
		expect(tables, 'pages have tables to check').toBeGreaterThan(100);
		expect(hidden, 'tables not drawn once the page has loaded').toEqual([]);
	});
}

/*
 * A long section's later blocks are drawn in pieces (rehype-lazy-sections.ts), which hold their blocks' margins in; the
 * stylesheet turns the gap before each piece into its padding. Once drawn, a page must look exactly as it would have
 * without them: each page with pieces is loaded as built and with its pieces unwrapped before the browser parses it
 * (both through the same DOMParser round trip), everything drawn, and the box of every block of the article compared.
 */
test('drawn, a page split into pieces is laid out exactly as without them (every page with pieces, 390 and 1,280 px)', async ({ browser }) => {
	test.setTimeout(300_000);
	const split = pages.filter((p) => readFileSync(join(dist, p, 'index.html'), 'utf8').includes('class="hb-piece'));
	expect(split.length, 'topic pages have sections split into pieces').toBeGreaterThan(60);
	const differ: string[] = [];
	for (const width of [390, 1280]) {
		const page = await browser.newPage({ viewport: { width, height: 800 } });
		// The page being loaded cannot run the parser for its own request: a second, blank page does.
		const parser = await browser.newPage();
		await page.route('**/*', async (route) => {
			const url = new URL(route.request().url());
			const unwrap = url.searchParams.has('unwrapped');
			if (!url.searchParams.has('asbuilt') && !unwrap) return route.continue();
			const html = await (await route.fetch()).text();
			const body = await parser.evaluate(
				([source, off]) => {
					const doc = new DOMParser().parseFromString(source as string, 'text/html');
					if (off) for (const piece of doc.querySelectorAll('.hb-piece')) piece.replaceWith(...piece.childNodes);
					return `<!DOCTYPE html>${doc.documentElement.outerHTML}`;
				},
				[html, unwrap],
			);
			await route.fulfill({ body, contentType: 'text/html; charset=utf-8' });
		});
		const boxes = async (url: string) => {
			await page.goto(url);
			return page.evaluate(() => {
				const drawn = document.createElement('style');
				drawn.textContent = '* { content-visibility: visible !important }';
				document.head.append(drawn);
				const blocks = document.querySelectorAll(
					'.sl-markdown-content > section.hb-section > :not(.hb-piece), .sl-markdown-content > section.hb-section > .hb-piece > *, .sl-markdown-content > :not(section), .pagination-links, footer',
				);
				return [...blocks].map((b) => {
					const r = b.getBoundingClientRect();
					return `${(b.textContent ?? '').replace(/\s+/g, '').slice(0, 24)} at ${(r.top + scrollY).toFixed(1)}, ${r.height.toFixed(1)} high`;
				});
			});
		};
		for (const path of split) {
			const built = await boxes(`${path}?asbuilt`);
			const plain = await boxes(`${path}?unwrapped`);
			const first = built.findIndex((b, i) => b !== plain[i]);
			if (first >= 0 || built.length !== plain.length) differ.push(`/${path} at ${width} px: ${built[first]} (without pieces: ${plain[first]})`);
		}
		await page.close();
		await parser.close();
	}
	expect(differ, 'pages where a block is placed differently than without pieces').toEqual([]);
});

const topic = pages.find((p) => /^kafka\/[^/]+\/$/.test(p))!;

// The header is the same on every page but for its language and the menu button of pages with a sidebar: one page of
// each kind, in both languages, its header sent in pieces small enough (96 bytes) that the browser paints with the
// parser inside the header's every part (the site title, the search, the menu), which the 2 KB pieces above pass over.
test('the header never moves while it is parsed (its header sent in 96-byte pieces, 320 and 390 px)', async ({ browser }) => {
	test.setTimeout(120_000);
	const moved: string[] = [];
	for (const width of [320, 390]) {
		const page = await browser.newPage({ viewport: { width, height: 800 } });
		await recordShifts(page);
		for (const path of ['', 'zh-cn/', topic, `zh-cn/${topic}`]) {
			await page.goto(`${path}?trickle=96&until=header`);
			const shifts = (await shiftsSoFar(page)).filter((s) => s.endsWith('[chrome]'));
			if (shifts.length) moved.push(`/${path} at ${width} px: ${shifts.join('; ')}`);
		}
		await page.close();
	}
	expect(moved, 'header shifts while loading').toEqual([]);
});

// A desktop (from 72rem, Starlight's two-column layout) lays out two more parts that a paint mid-parse catches half
// built: the header's right group (GitHub link, theme and language pickers), in a grid column sized to what it holds,
// and the table of contents, whose markup comes before the article's but which is placed after it; and the article is
// wider than on a phone, so its text and tables break differently. Every page in 2 KB pieces; the header, the same on
// every page of a kind, of one page of each kind in both languages in 96-byte pieces.
test('on a 1,280 px desktop nothing moves while a page loads (painted mid-parse every 2 KB, and inside the header every 96 bytes)', async ({ browser }) => {
	test.setTimeout(300_000);
	const kinds = ['', topic, 'questions/kafka/', 'practice/', 'glossary/'].flatMap((p) => [p, `zh-cn/${p}`]);
	for (const p of kinds) expect(pages, `/${p} is a page of the site`).toContain(p);
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	await recordShifts(page);
	const moved: string[] = [];
	const loads = [...pages.map((p) => `${p}?trickle=2048`), ...kinds.map((p) => `${p}?trickle=96&until=header`)];
	for (const url of loads) {
		await page.goto(url);
		const shifts = await shiftsSoFar(page);
		if (shifts.length) moved.push(`/${url}: ${shifts.join('; ')}`);
	}
	await page.close();
	expect(moved, 'pages whose layout shifts while loading on a desktop').toEqual([]);
});

for (const path of [topic, `zh-cn/${topic}`]) {
	test(`/${path}: a link to the last section lands on its heading, and the skipped sections come back as the reader scrolls`, async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 800 });
		await page.goto(path);
		const ids = await page.locator('.sl-markdown-content > section.hb-section h2').evaluateAll((hs) => hs.map((h) => h.id));
		expect(ids.length).toBeGreaterThan(2);
		const last = ids.at(-1)!;
		await page.goto(`${path}#${encodeURIComponent(last)}`);
		// Where the browser puts a linked heading: below the sticky header, at the page's scroll padding.
		const offset = () =>
			page.locator(`[id="${last}"]`).evaluate((h) => h.getBoundingClientRect().top - Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop));
		await expect.poll(async () => Math.abs(await offset())).toBeLessThan(4);
		await page.waitForTimeout(500);
		expect(Math.abs(await offset()), 'the heading stays put while sections are drawn').toBeLessThan(4);
		// Back at the top, selecting the whole article (what a reader copies) still holds every section, drawn or not.
		await page.evaluate(() => window.scrollTo(0, 0));
		const text = await page.evaluate(() => {
			const range = document.createRange();
			range.selectNodeContents(document.querySelector('.sl-markdown-content')!);
			getSelection()!.removeAllRanges();
			getSelection()!.addRange(range);
			return getSelection()!.toString();
		});
		for (const h of await page.locator('.sl-markdown-content > section.hb-section h2').allTextContents()) expect(text).toContain(h.trim());
	});

	test(`/${path}: code blocks that scroll sideways are tab stops, in sections not yet drawn and once drawn`, async ({ page }) => {
		await page.setViewportSize({ width: 320, height: 700 });
		await page.goto(path);
		// Before any scrolling: a keyboard user tabbing down the page must not pass a block that scrolls.
		const untabbable = await page.evaluate(() =>
			[...document.querySelectorAll<HTMLElement>('.sl-markdown-content > section.hb-section .expressive-code pre')]
				.filter((pre) => pre.scrollWidth > pre.clientWidth && !pre.hasAttribute('tabindex'))
				.map((pre) => pre.textContent!.slice(0, 40)),
		);
		expect(untabbable, 'blocks that scroll but are not tab stops').toEqual([]);
		const blocks = page.locator('.sl-markdown-content > section.hb-section .expressive-code pre');
		const n = await blocks.count();
		let scrolling = 0;
		for (let i = 0; i < n; i++) {
			const pre = blocks.nth(i);
			await pre.scrollIntoViewIfNeeded();
			if (await pre.evaluate((el) => el.scrollWidth > el.clientWidth)) {
				scrolling++;
				await expect(pre).toHaveAttribute('tabindex', '0');
			}
		}
		expect(scrolling, `a code block on /${path} scrolls sideways at 320 px`).toBeGreaterThan(0);
	});
}



// The glossary is one long table per section. Laid out as a table, its automatic column widths changed as later rows
// were parsed: whenever the browser painted before the whole table had arrived (5 of 12 loads at 6× CPU on a 390 px
// phone), what was on screen moved (0.05–0.14). On a slow device that is most loads, so this test makes the paint come
// early, on a phone and on a desktop in turn.
for (const path of pages.filter((p) => /(^|\/)glossary\/$/.test(p))) {
	test(`/${path} on a slow phone and a slow desktop: nothing moves when the first paint comes before the whole page is parsed`, async ({ browser }) => {
		const shifts: string[] = [];
		for (let i = 0; i < 8; i++) {
			const width = i % 2 ? 1280 : 390;
			const page = await browser.newPage({ viewport: { width, height: 800 } });
			const cdp = await page.context().newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
			await recordShifts(page);
			await page.goto(path);
			const found = await shiftsSoFar(page);
			// At this CPU rate the desktop header can move by 0.0001-0.001 as its theme and language pickers are set up, and
			// a 1 px line of the desktop sidebar by 0.0002 (seen on /glossary/ and /kafka/local-setup/): not this test's
			// subject (the glossary). The unthrottled tests above still fail on any shift, header included, but only at
			// phone widths: the desktop chrome's shifts on a slow device are known and not tested.
			const inContent = found.filter((s) => !s.endsWith('[chrome]'));
			if (inContent.length) shifts.push(`load ${i + 1} (${width} px): ${inContent.join('; ')}`);
			await page.close();
		}
		expect(shifts, 'layout shifts while the page loads').toEqual([]);
	});

	// The entries are drawn only near the screen (handbook.css), each reserving an upper bound on its height on the
	// narrowest phone (glossary.astro): one taller than it reserves would let its link overlap the next entry's for tools
	// that lay out skipped content. And a link to a term, the last one included, still lands on its entry.
	test(`/${path}: every entry is drawn only near the screen, reserves at least its real height (320, 390 and 1,280 px), and a link to the last term lands on it`, async ({ page }) => {
		const low: string[] = [];
		for (const width of [1280, 390, 320]) {
			await page.setViewportSize({ width, height: 700 });
			await page.goto(path);
			low.push(...(await page.evaluate(measure)).low.map((l) => `${width} px: ${l}`));
		}
		const r = await page.evaluate(measure);
		expect(r.n, 'glossary entries').toBeGreaterThan(200);
		expect(r.eager, 'entries drawn at load wherever they are').toEqual([]);
		expect(low, 'entries taller than they reserve (glossary.astro under-counts)').toEqual([]);
		await page.goto(`${path}#${r.last}`);
		const offset = () =>
			page.locator(`[id="${r.last}"]`).evaluate((e) => e.getBoundingClientRect().top - Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop));
		await expect.poll(async () => Math.abs(await offset())).toBeLessThan(4);
		await page.waitForTimeout(500);
		expect(Math.abs(await offset()), 'the entry stays put while the ones around it are drawn').toBeLessThan(4);
	});
}

/** Each glossary entry at the current width: drawn lazily or not, and whether its real height exceeds what it reserves. */
function measure() {
	const rows = [...document.querySelectorAll<HTMLElement>('.glossary tbody tr')];
	const eager = rows.filter((e) => getComputedStyle(e).contentVisibility !== 'auto').map((e) => e.id);
	const low = rows.flatMap((e) => {
		e.style.contentVisibility = 'visible';
		const real = Math.ceil(e.getBoundingClientRect().height);
		e.style.contentVisibility = '';
		const est = Number.parseFloat(e.style.getPropertyValue('--est'));
		return est >= real ? [] : [`#${e.id}: reserved ${est} px, real ${real} px`];
	});
	return { n: rows.length, eager, low, last: rows.at(-1)!.id };
}

// src/integrations/first-paint.ts: a page holds its first paint until the parser reaches a block the browser skips at load
// (content-visibility: auto), so that the first screen is laid out in one go. On a topic page that is its first lazily
// drawn section or piece; in a question bank or the glossary, whose items and entries are all drawn lazily, the first
// one below the first screen (question-bank.astro, glossary.astro; on an entry, its first cell holds the marker: the
// entry's own id is its term's anchor). A page with neither must not hold it (the hold would last until its whole HTML
// was parsed).
for (const width of [390, 1280]) {
	test(`a page holds its first paint until its first lazily drawn block below the first screen, and only a page that has one (every page, ${width} px)`, async ({ browser }) => {
		const page = await browser.newPage({ viewport: { width, height: 800 } });
		const wrong: string[] = [];
		let held = 0;
		for (const path of pages) {
			await page.goto(path, { waitUntil: 'load' });
			const got = await page.evaluate(async () => {
				await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
				const lazy = (e: Element) => getComputedStyle(e).contentVisibility === 'auto';
				const blocks = [...document.querySelectorAll('.sl-markdown-content section.hb-section, .sl-markdown-content .hb-piece')];
				const items = [...document.querySelectorAll('.sl-markdown-content :is(.qb-item, .glossary tbody tr)')];
				const marked = [...document.querySelectorAll('[id="hb-first-lazy"]')];
				const links = [...document.querySelectorAll('link[rel="expect"]')].map((l) => ({ href: l.getAttribute('href'), blocking: l.getAttribute('blocking'), inHead: l.parentElement === document.head }));
				const m = marked[0] && (marked[0].closest('.glossary tbody tr') ?? marked[0]);
				const describe = (e: Element) => `${e.tagName.toLowerCase()}.${e.className.split(' ')[0]}`;
				let expected = '';
				const firstLazyBlock = blocks.find(lazy);
				if (firstLazyBlock) expected = firstLazyBlock === m ? '' : `the first lazily drawn block, ${describe(firstLazyBlock)} (${blocks.indexOf(firstLazyBlock) + 1} of ${blocks.length})`;
				const top = (e: Element) => e.getBoundingClientRect().top + scrollY;
				const itemsBelow = items.filter((e) => lazy(e) && top(e) >= innerHeight);
				if (!firstLazyBlock && itemsBelow.length) {
					const at = m && items.includes(m) ? top(m) : NaN;
					if (!(m && lazy(m) && at >= innerHeight && at < 3 * innerHeight)) expected = `a lazily drawn bank item or glossary entry below the first screen and within three (marked: ${m ? `item ${items.indexOf(m) + 1} of ${items.length} at ${Math.round(at)} px` : 'none'})`;
				}
				const none = !firstLazyBlock && !itemsBelow.length;
				return { none, expected, marked: marked.length, links };
			});
			if (got.none) {
				if (got.links.length || got.marked) wrong.push(`${path}: nothing to hold for, but it has ${got.links.length} render block(s) and ${got.marked} marker(s)`);
				continue;
			}
			held++;
			const ok = got.links.length === 1 && got.links[0]!.href === '#hb-first-lazy' && got.links[0]!.blocking === 'render' && got.links[0]!.inHead && got.marked === 1;
			if (!ok || got.expected) wrong.push(`${path}: render blocks ${JSON.stringify(got.links)}, ${got.marked} marker(s)${got.expected ? `; the marker should be on ${got.expected}` : ''}`);
		}
		await page.close();
		expect(wrong).toEqual([]);
		expect(held, 'topic pages, question banks and the glossary hold their first paint').toBeGreaterThan(pages.length / 2);
	});
}
