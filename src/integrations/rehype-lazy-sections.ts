/**
 * Wraps each `##` section of a page in `<section class="hb-section" style="--est:Npx">`, which the stylesheet renders
 * with `content-visibility: auto` (src/styles/handbook.css): the browser styles and lays out only the sections near
 * the screen. Measured with Lighthouse (simulated slow phone) on /zh-cn/data-platform/mongodb-cassandra/, the heaviest
 * sampled page: style and layout 512–688 ms → 341–383 ms, total blocking time 80–183 ms → 0–37 ms.
 *
 * A skipped section takes the height the browser is told to reserve, `--est`, until it is first drawn (then the real
 * one). An estimate below the real height would let the section's content overflow onto the next one for tools that
 * measure skipped content (axe's target-size check flags the links as overlapping), so the estimate is an upper bound:
 * the section as laid out in the narrowest phone column, with generous character widths and line heights.
 * tests/e2e/lazy-sections.spec.ts checks it against every section's real height on a phone.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

/** The narrowest phone column (320 px screen, 16 px padding each side). */
const COLUMN = 288;
/** Generous type metrics, in CSS px: body text line, a CJK character, any other character (body size 16 px). */
export const LINE = 30;
const CJK = 16;
const OTHER = 10;
/** A code line and a code block's frame (title bar, padding, scrollbar). */
const CODE_LINE = 24;
const CODE_FRAME = 110;
/** Space a block adds beyond its lines (margins, padding, borders of asides and cards). */
const BLOCK = 40;

type Node = Root | RootContent | ElementContent;
type Jsx = { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement'; name: string | null; attributes: { name?: string; value?: unknown }[]; children: Node[] };

const isCjk = (c: string) => /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(c);
const textWidth = (s: string) => [...s.replace(/\s+/g, ' ')].reduce((w, c) => w + (isCjk(c) ? CJK : OTHER), 0);
const children = (n: Node): Node[] => ('children' in n ? (n.children as Node[]) : []);
const textOf = (n: Node): string => (n.type === 'text' ? n.value : children(n).map(textOf).join(''));
const lines = (width: number, column = COLUMN) => Math.max(1, Math.ceil(width / column));
/** An upper bound on the height of a run of body text in the phone column, in CSS px. */
export const textHeight = (text: string) => lines(textWidth(text)) * LINE;
const cls = (n: Node) => (n.type === 'element' ? String((n as Element).properties?.className ?? '') : '');
const tag = (n: Node) => (n.type === 'element' ? (n as Element).tagName : '');

/** A diagram figure reserves its desktop height (`--h`, the largest it is drawn); the phone height is never larger. */
function diagramHeight(html: string): number | undefined {
	const h = /--h:(\d+)px/.exec(html);
	return h ? Number(h[1]) + 2 * BLOCK : undefined;
}

/** An upper bound on the block height of a node laid out in the phone column, in CSS px. */
export function estimate(n: Node): number {
	if (n.type === 'text') return n.value.trim() ? lines(textWidth(n.value)) * LINE : 0;
	if (n.type === 'raw') return diagramHeight(String((n as { value: string }).value)) ?? 0;
	if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') {
		const jsx = n as unknown as Jsx;
		const html = jsx.attributes.find((a) => a.name === 'set:html')?.value;
		if (typeof html === 'string') return diagramHeight(html) ?? 0;
		return BLOCK + jsx.children.reduce((h, c) => h + estimate(c), 0);
	}
	if (n.type !== 'element') return children(n).reduce((h, c) => h + estimate(c), 0);
	const t = tag(n);
	if (t === 'pre') return CODE_FRAME + CODE_LINE * textOf(n).replace(/\n$/, '').split('\n').length;
	if (t === 'figure' && / diagram|^diagram/.test(cls(n))) return diagramHeight(String((n as Element).properties?.style ?? '')) ?? 0;
	if (t === 'table') {
		// Columns share the phone column, less their padding; when code in one cell cannot break, that column widens,
		// the table scrolls sideways and the others are squeezed to as little as one CJK character.
		const rows = (n as Element).children.flatMap((c) => (tag(c) === 'tr' ? [c] : children(c).filter((r) => tag(r) === 'tr')));
		return BLOCK + rows.reduce((h, r) => {
			const cells = children(r).filter((c) => tag(c) === 'td' || tag(c) === 'th');
			const width = Math.max(CJK, COLUMN / Math.max(1, cells.length) - 32);
			return h + 16 + LINE * Math.max(1, ...cells.map((c) => lines(textWidth(textOf(c)), width)));
		}, 0);
	}
	if (/^h[1-6]$/.test(t)) return BLOCK + 2 * lines(2 * textWidth(textOf(n))) * LINE;
	if (/^(p|li|dt|dd|summary|figcaption|blockquote)$/.test(t) && !children(n).some((c) => /^(p|ul|ol|pre|div|table|figure|dl)$/.test(tag(c))))
		return BLOCK + lines(textWidth(textOf(n))) * LINE;
	const inner = children(n).reduce((h, c) => h + estimate(c), 0);
	return /^(ul|ol|dl|div|aside|details|section|figure|blockquote|li)$/.test(t) ? BLOCK + inner : inner;
}

const isH2 = (n: Node) => tag(n) === 'h2' || (tag(n) === 'div' && /\blevel-h2\b/.test(cls(n)));

/**
 * A component that renders content the tree does not hold (the home page's section cards, the question bank) cannot
 * be estimated; its section is left as it is. Components that wrap their children (short answers, asides, follow-ups)
 * and diagrams can.
 */
const opaque = (n: Node): boolean =>
	((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') &&
		children(n).length === 0 &&
		!(n as unknown as Jsx).attributes.some((a) => a.name === 'set:html')) ||
	children(n).some(opaque);

/** The estimated height from which the rest of a section is drawn on its own (CSS px, upper-bound units as above). */
const PIECE = 700;
/**
 * In the first section, where the first piece may start. The browser skips a piece the first time it lays it out, even
 * in view, and draws it a frame later (Chromium 156; a box in view is first laid out at its reserved height): a piece
 * inside the first screen moved what follows it (0.0002 on /zh-cn/microservices/resilience/ at 1,280 px, its table).
 * So the first section's pieces start after 1,400 estimated px, which on every page is below the first screen at 320,
 * 390 and 1,280 px (the estimate overstates heights, most of all on a wide desktop column); lazy-sections.spec.ts
 * checks that nothing moves while every page loads at those widths.
 */
const FIRST_SCREEN = 1400;
/** The id of a page's first lazily drawn block (see the end of rehypeLazySections). */
export const FIRST_LAZY = 'hb-first-lazy';
const hasTable = (n: Node): boolean => tag(n) === 'table' || (n.type === 'raw' && /<table/.test(n.value)) || children(n).some(hasTable);
const blank = (n: Node) => n.type === 'text' && !n.value.trim();
const isHeading = (n: Node) => /^h[3-6]$/.test(tag(n)) || (tag(n) === 'div' && /\bsl-heading-wrapper\b/.test(cls(n)));
/**
 * Blocks a piece may end with: no margin at their end. A list's last item keeps a bottom margin that would collapse with
 * the next block's gap; inside a piece (its containment keeps margins in) it would add to it, and what follows would move.
 */
const endsClean = (n: Node) => /^(p|pre|table|figure)$/.test(tag(n)) || (n.type === 'mdxJsxFlowElement' && !opaque(n)) || (n.type === 'raw' && /^\s*<figure/.test(n.value));

/**
 * A section the reader comes near is drawn whole, and "near" is a screen and a half beyond the viewport's edge
 * (Chromium): a long section that starts just inside that margin is laid out at load, though most of it is far below.
 * So a section's later blocks are grouped into pieces drawn on their own, each with an upper bound on its height,
 * `<div class="hb-piece" style="--est:Npx">` (handbook.css): a piece starts after at least PIECE px, after a block that
 * ends clean, and never right after a heading. The first piece stays in the section, unwrapped, and so does a table,
 * whose height the estimate bounds too loosely for a piece that holds little else (see below).
 */
function splitIntoPieces(section: Element, from: number) {
	const kids = section.children;
	const total = kids.reduce((h, c) => h + estimate(c), 0);
	const groups: ElementContent[][] = [[]];
	let acc = 0;
	let done = 0;
	let prev: Node | undefined;
	for (const n of kids) {
		const due = done >= from && ((acc >= PIECE && total - done >= PIECE / 2) || hasTable(n) || (prev !== undefined && hasTable(prev)));
		if (!blank(n) && prev && due && endsClean(prev) && !isHeading(prev)) {
			groups.push([]);
			acc = 0;
		}
		groups.at(-1)!.push(n);
		const h = estimate(n);
		acc += h;
		done += h;
		if (!blank(n)) prev = n;
	}
	section.children = [
		...groups[0],
		...groups.slice(1).flatMap((g): ElementContent[] => {
			// A table's height depends on how the browser shares its columns, which the estimate bounds loosely: enough
			// over a whole section, not for a piece (4 of 112 tables are taller than estimated on a 320 px phone).
			if (g.some(hasTable)) return g;
			const first = g.find((n) => !blank(n))!;
			const piece: Element = { type: 'element', tagName: 'div', properties: { className: ['hb-piece', ...(isHeading(first) ? ['hb-piece--heading'] : [])] }, children: g };
			piece.properties.style = `--est:${Math.round(estimate(piece))}px`;
			return [piece];
		}),
	];
}

export function rehypeLazySections() {
	return (tree: Root) => {
		const out: RootContent[] = [];
		let section: Element | undefined;
		let first = true;
		const close = () => {
			if (!section) return;
			if (section.children.some(opaque)) out.splice(out.indexOf(section), 1, ...(section.children as RootContent[]));
			else {
				section.properties.style = `--est:${Math.round(estimate(section))}px`;
				// The article's first section is drawn from the start (handbook.css), but not its pieces below the first
				// screen; when the first section is left unwrapped, every wrapped one is drawn only near the screen.
				if (first) (section.properties.className as string[]).push('hb-section--first');
				splitIntoPieces(section, first ? FIRST_SCREEN : 0);
			}
			first = false;
		};
		for (const node of tree.children) {
			if (isH2(node)) {
				close();
				section = { type: 'element', tagName: 'section', properties: { className: ['hb-section'] }, children: [] };
				out.push(section);
			}
			if (section) section.children.push(node as ElementContent);
			else out.push(node);
		}
		close();
		tree.children = out;
		// The first block drawn only when the reader comes near it; the first paint waits for the parser to reach it
		// (first-paint.ts), so that the first screen is laid out once, not the header first and the article after.
		const wrapped = out.filter((n): n is Element => tag(n) === 'section' && /\bhb-section\b/.test(cls(n)));
		const drawnFirst = wrapped[0] && /\bhb-section--first\b/.test(cls(wrapped[0])) ? wrapped[0] : undefined;
		const lazy = drawnFirst ? ((drawnFirst.children.find((c) => /\bhb-piece\b/.test(cls(c))) as Element | undefined) ?? wrapped[1]) : wrapped[0];
		if (lazy) lazy.properties.id = FIRST_LAZY;
	};
}
