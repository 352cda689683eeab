import { type Locator, expect, test } from '@playwright/test';
import sharp from 'sharp';
import { base, hasDiagram, sitemapPages } from './helpers';

/**
 * What a reader sees of every diagram: each text label's size as displayed and its contrast against the pixels drawn
 * behind it, on every page with a diagram, in both languages, in the light theme, the dark theme and print, on a
 * 1,280 px desktop and a 390 px phone. Pixels, not stylesheets: the label text is made transparent, the figure is
 * photographed, and the colours under each label's box are what the text must stand out from.
 *
 * Size is checked on screen (print scales a diagram taller than a page down to fit it, so it is never cut in two);
 * contrast everywhere. The base-path run serves the same pages; this spec runs in the root run only.
 */
const MIN_PX = 12;
const MIN_CONTRAST = 4.5;
const pages = sitemapPages().filter(hasDiagram);
const views = [
	{ name: 'desktop, light', width: 1280, theme: 'light', media: 'screen' },
	{ name: 'desktop, dark', width: 1280, theme: 'dark', media: 'screen' },
	{ name: 'print, dark theme set', width: 1280, theme: 'dark', media: 'print' },
	{ name: 'phone, light', width: 390, theme: 'light', media: 'screen' },
	{ name: 'phone, dark', width: 390, theme: 'dark', media: 'screen' },
] as const;

interface Label {
	text: string;
	/** Box relative to the figure's border box, CSS px. */
	x: number;
	y: number;
	w: number;
	h: number;
	px: number;
	color: [number, number, number, number];
}

test.skip(base !== '/', 'the base-path run serves the same pages; legibility is measured in the root run');
test.describe.configure({ timeout: 180_000 });

for (const path of pages) {
	test(`/${path}: every diagram label is at least ${MIN_PX} px and ${MIN_CONTRAST}:1 against what is behind it, in every view`, async ({ page }) => {
		const problems: string[] = [];
		await page.goto(path);
		for (const view of views) {
			await page.setViewportSize({ width: view.width, height: 900 });
			await page.emulateMedia({ media: view.media });
			await page.evaluate((t) => {
				localStorage.setItem('starlight-theme', t);
				document.documentElement.dataset.theme = t;
			}, view.theme);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			if (view.media === 'screen' && overflow > 0) problems.push(`[${view.name}] the page scrolls sideways by ${overflow} px`);
			const figures = page.locator('figure.diagram');
			// Sizes and colours are read with the text visible; the text is then hidden once for every photograph.
			const measured: Awaited<ReturnType<typeof figureFacts>>[] = [];
			for (let i = 0; i < (await figures.count()); i++) measured.push(await figureFacts(figures.nth(i)));
			const hide = await page.addStyleTag({ content: hideText });
			for (let i = 0; i < measured.length; i++) {
				const source = await figures.nth(i).getAttribute('data-source');
				const found = await photographFigure(figures.nth(i), measured[i], view.width === 1280 && view.media === 'screen', view.media === 'screen');
				for (const p of found) problems.push(`[${view.name}] ${source} (diagram ${i + 1}): ${p}`);
			}
			await hide.evaluate((el) => (el as Element).remove());
		}
		expect(problems, `${problems.length} problem(s) on /${path}`).toEqual([]);
	});
}

/** A figure's scroll geometry, accessibility attributes and labels (boxes relative to its scrolled content). */
async function figureFacts(figure: Locator) {
	await showFigure(figure, 0);
	const facts = await figure.evaluate((f) => ({
		width: f.scrollWidth,
		client: f.clientWidth,
		tabindex: f.getAttribute('tabindex'),
		name: f.getAttribute('aria-label') ?? f.getAttribute('aria-labelledby'),
		role: f.getAttribute('role'),
	}));
	return { ...facts, labels: await labels(figure) };
}

/**
 * Scrolls a figure to the top of the viewport and then sideways to `left`, returning the scroll position reached.
 * Figures use content-visibility: auto, so a figure's content is laid out at the first frame after it comes into view;
 * until then it measures and scrolls as if empty. Waiting two frames lets that happen before anything is read.
 */
function showFigure(figure: Locator, left: number): Promise<number> {
	return figure.evaluate(async (f, l) => {
		f.scrollIntoView({ block: 'start' });
		await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
		f.scrollLeft = l;
		return f.scrollLeft;
	}, left);
}

/** Every problem a reader would meet in one figure, photographing it at each sideways scroll position. */
async function photographFigure(figure: Locator, facts: Awaited<ReturnType<typeof figureFacts>>, mustFit: boolean, checkSize: boolean): Promise<string[]> {
	const problems: string[] = [];
	if (facts.width > facts.client + 1) {
		if (mustFit) problems.push(`is ${facts.width} px wide in a ${facts.client} px column: lay it out to fit the desktop column`);
		if (facts.tabindex !== '0' || !facts.name || !facts.role)
			problems.push('scrolls sideways but is not focusable with the keyboard (tabindex="0") or has no role and name for screen readers');
	}
	if (facts.labels.length === 0) problems.push('has no text labels');
	// Scroll so that the leftmost label not yet measured starts at the left edge, photograph, measure every label then
	// in view (a label wider than the figure is measured on the part in view), and repeat.
	const measured = new Set<number>();
	// On a phone, a figure that does not scroll shows the same pixels as on the desktop, only smaller: its sizes are
	// checked here and its contrast was measured in the desktop views. A figure that scrolls is photographed again,
	// since its edge shadows may lie behind a label.
	if (!mustFit && checkSize && facts.width <= facts.client + 1) {
		for (const l of facts.labels) if (l.px < MIN_PX - 0.05) problems.push(`"${l.text}" is drawn at ${l.px.toFixed(1)} px (at least ${MIN_PX} px)`);
		return problems;
	}
	while (measured.size < facts.labels.length) {
		const next = Math.min(...facts.labels.filter((_, k) => !measured.has(k)).map((l) => l.x));
		const scrolled = await showFigure(figure, Math.max(0, Math.floor(next) - 2));
		const visible = facts.labels
			.map((l, k) => ({ l: { ...l, x: l.x - scrolled }, k }))
			.filter(({ l, k }) => !measured.has(k) && l.x >= -0.5 && (l.x + l.w <= facts.client + 0.5 || (l.w > facts.client && l.x < 4)))
			.map(({ l, k }) => ({ l: { ...l, w: Math.min(l.w, facts.client - l.x) }, k }));
		if (visible.length === 0) break;
		const shot = await figure.screenshot({ animations: 'disabled' });
		const { data, info } = await sharp(shot).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
		for (const { l, k } of visible) {
			measured.add(k);
			if (checkSize && l.px < MIN_PX - 0.05) problems.push(`"${l.text}" is drawn at ${l.px.toFixed(1)} px (at least ${MIN_PX} px)`);
			for (const bg of backgrounds(data, info.width, info.height, l)) {
				const ratio = contrast(over(l.color, bg), bg);
				if (ratio < MIN_CONTRAST)
					problems.push(`"${l.text}" has contrast ${ratio.toFixed(2)}:1 (text ${hex(over(l.color, bg))} on ${hex(bg)}; at least ${MIN_CONTRAST}:1)`);
			}
		}
	}
	await figure.evaluate((f) => (f.scrollLeft = 0));
	facts.labels.forEach((l, k) => {
		if (!measured.has(k)) problems.push(`"${l.text}" lies outside the figure and cannot be seen, even when the figure is scrolled`);
	});
	return problems;
}

/** Label text made invisible (its boxes and backgrounds stay), so a screenshot shows what lies behind each label. */
const hideText = `figure.diagram svg text, figure.diagram svg tspan { fill: transparent !important; stroke: transparent !important; }
figure.diagram svg foreignObject, figure.diagram svg foreignObject * { color: transparent !important; -webkit-text-fill-color: transparent !important; }`;

/** The text labels of the figure's visible SVG: SVG `<text>` and the HTML text Mermaid puts in `<foreignObject>`. */
function labels(figure: Locator): Promise<Label[]> {
	return figure.evaluate((fig) => {
		const svg = [...fig.querySelectorAll('svg')].find((s) => getComputedStyle(s).display !== 'none')!;
		const origin = fig.getBoundingClientRect();
		const rgba = (c: string): [number, number, number, number] => {
			const m = c.match(/[\d.]+/g)!.map(Number);
			return [m[0], m[1], m[2], m[3] ?? 1];
		};
		const scaleOf = (el: SVGGraphicsElement) => {
			const m = el.getScreenCTM()!;
			return Math.hypot(m.a, m.b);
		};
		const out: Label[] = [];
		const push = (text: string, r: DOMRect, px: number, color: string) => {
			if (r.width === 0 || r.height === 0) return;
			out.push({ text: text.trim().replace(/\s+/g, ' ').slice(0, 60), x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height, px, color: rgba(color) });
		};
		for (const t of svg.querySelectorAll('text')) {
			const style = getComputedStyle(t);
			if (!t.textContent?.trim() || style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) continue;
			const colorOf = (el: Element) => getComputedStyle(el).fill;
			const spans = [...t.querySelectorAll('tspan')].filter((s) => s.textContent?.trim() && !s.querySelector('tspan'));
			if (spans.length === 0) push(t.textContent, t.getBoundingClientRect(), parseFloat(style.fontSize) * scaleOf(t), colorOf(t));
			for (const s of spans) push(s.textContent!, s.getBoundingClientRect(), parseFloat(getComputedStyle(s).fontSize) * scaleOf(t), colorOf(s));
		}
		for (const fo of svg.querySelectorAll('foreignObject')) {
			const scale = scaleOf(fo as SVGGraphicsElement);
			const walker = document.createTreeWalker(fo, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				if (!n.textContent?.trim()) continue;
				const el = n.parentElement!;
				const style = getComputedStyle(el);
				if (style.visibility === 'hidden' || style.display === 'none') continue;
				const range = document.createRange();
				range.selectNodeContents(n);
				push(n.textContent, range.getBoundingClientRect(), parseFloat(style.fontSize) * scale, style.color);
			}
		}
		return out;
	});
}

/** The colours that fill at least a fifth of the label's box in the text-less screenshot (at least the commonest). */
function backgrounds(data: Buffer, width: number, height: number, l: Label): [number, number, number][] {
	const counts = new Map<number, number>();
	let total = 0;
	for (let y = Math.max(0, Math.floor(l.y)); y < Math.min(height, Math.ceil(l.y + l.h)); y++)
		for (let x = Math.max(0, Math.floor(l.x)); x < Math.min(width, Math.ceil(l.x + l.w)); x++) {
			const i = (y * width + x) * 4;
			const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
			counts.set(key, (counts.get(key) ?? 0) + 1);
			total++;
		}
	const sorted = [...counts].sort((a, b) => b[1] - a[1]);
	const major = sorted.filter(([, n], i) => i === 0 || n >= total / 5);
	return major.map(([key]) => [key >> 16, (key >> 8) & 255, key & 255]);
}

/** The text colour as drawn over `bg` when it is translucent. */
const over = (c: Label['color'], bg: [number, number, number]): [number, number, number] =>
	[0, 1, 2].map((i) => c[i] * c[3] + bg[i] * (1 - c[3])) as [number, number, number];

/** WCAG 2.x contrast ratio of two sRGB colours. */
export function contrast(a: [number, number, number], b: [number, number, number]): number {
	const lum = (c: [number, number, number]) => {
		const [r, g, bl] = c.map((v) => {
			const s = v / 255;
			return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
	};
	const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

const hex = (c: [number, number, number]) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
