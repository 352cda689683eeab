import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
// A static import: the Astro config is loaded through Vite's module runner, which is closed before hooks run.
import { type Browser, type Page, chromium } from 'playwright-core';
import { chromiumArgs, findChromium, noChromiumHint } from './chromium.ts';
import { themeFollowingSvg } from './svg-theme.ts';

const require = createRequire(import.meta.url);
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where rendered diagrams live, one file per diagram, named by the hash of what produced it. */
export const diagramDir = join(root, 'src', 'diagrams');
export const docsDir = join(root, 'src', 'content', 'docs');

/** Bump when the render options or the SVG post-processing change: every diagram is then rendered again. */
const RENDER_VERSION = 12;
const mermaidVersion: string = require('mermaid/package.json').version;

/**
 * The font stack used to measure labels at build time and to draw them in the reader's browser. Latin text takes the
 * platform's UI font (`system-ui` first); Chinese glyphs are found by falling back along the list, one family at a
 * time, and on a Linux Chromium each family it lacks is a synchronous lookup in the browser process. `Noto Sans CJK SC`
 * comes right after `system-ui`, so a Chinese page's diagrams reach it at once instead of after four families Linux
 * does not have (-apple-system, Segoe UI, Roboto, Noto Sans): 12 → 8 family lookups on /zh-cn/kafka/local-setup/ with
 * every diagram drawn. The families it moved past hold no Chinese glyphs, so every glyph comes from the same font as
 * before, on every platform.
 */
export const diagramFont =
	'system-ui, "Noto Sans CJK SC", -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif';

/** No label may be drawn smaller than this many CSS px (AUTHORING.md, tested in tests/e2e/diagram-legibility.spec.ts). */
export const MIN_LABEL_PX = 12;
/**
 * The reading column at a 1,280 px desktop (Starlight with sidebar and table of contents): a diagram whose labels would
 * fall under MIN_LABEL_PX at this width must be laid out again (top-down, fewer nodes per rank, or split in two).
 */
export const DESKTOP_COLUMN_PX = 632;

export interface Diagram {
	/** The Mermaid source, exactly as written between the fences. */
	source: string;
	/** The file it was written in (absolute path) and the line of its opening fence (1-based). */
	file: string;
	line: number;
}

export class DiagramError extends Error {
	/** Lines from the opening fence to the line at fault, to name the same spot in every file with this diagram. */
	detail: string;
	lineOffset: number;
	constructor(message: string, detail = message, lineOffset = 0) {
		super(message);
		this.detail = detail;
		this.lineOffset = lineOffset;
	}
}

/** The content address of a diagram: what it says plus everything that changes how it is drawn. */
export function diagramKey(source: string): string {
	return createHash('sha256')
		.update(`${RENDER_VERSION}\0${mermaidVersion}\0${source.trim()}`)
		.digest('hex')
		.slice(0, 16);
}

export const diagramPath = (key: string) => join(diagramDir, `${key}.svg`);

/** Finds the ```mermaid fences of a Markdown/MDX file, with the line each starts on. */
export function extractDiagrams(text: string, file: string): Diagram[] {
	const diagrams: Diagram[] = [];
	const lines = text.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const open = /^(\s*)(`{3,}|~{3,})\s*mermaid\b/.exec(lines[i]);
		if (!open) continue;
		const fence = open[2];
		const body: string[] = [];
		let j = i + 1;
		while (j < lines.length && !lines[j].trim().startsWith(fence)) body.push(lines[j++]);
		diagrams.push({ source: body.join('\n'), file, line: i + 1 });
		i = j;
	}
	return diagrams;
}

/** Every page file of the docs collection. */
export function listPages(dir = docsDir): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
		.map((entry) => join(entry.parentPath, entry.name))
		.sort();
}

export const allDiagrams = (files = listPages()) =>
	files.flatMap((file) => extractDiagrams(readFileSync(file, 'utf8'), file));

export const where = (d: Pick<Diagram, 'file' | 'line'>) => `${relative(root, d.file)}:${d.line}`;

/** Problems an author must fix before a diagram can be drawn, or `undefined`. */
export function lintDiagram(d: Diagram): string | undefined {
	const missing = ['accTitle', 'accDescr'].filter((k) => !new RegExp(`^\\s*${k}\\s*[:{]`, 'm').test(d.source));
	if (missing.length) return `${where(d)}: the diagram has no ${missing.join(' or ')} line (screen readers need both).`;
	return undefined;
}


/**
 * Mermaid's `base` theme, once with light and once with dark variables. The built-in `default` and `dark` themes
 * differ in their stylesheets (gradients, extra rules), not only in colours, so they cannot be merged into one SVG.
 */
const themes = {
	light: {
		darkMode: false,
		background: '#ffffff',
		primaryColor: '#e7ebfb',
		primaryTextColor: '#17181c',
		primaryBorderColor: '#4f5fbf',
		secondaryColor: '#eef7f1',
		tertiaryColor: '#f6f6f8',
		lineColor: '#4c515c',
		textColor: '#17181c',
		noteBkgColor: '#fff8db',
		noteTextColor: '#17181c',
	},
	dark: {
		darkMode: true,
		background: '#17181c',
		primaryColor: '#2a3152',
		primaryTextColor: '#eceef2',
		primaryBorderColor: '#98a6ee',
		secondaryColor: '#203227',
		tertiaryColor: '#23252b',
		lineColor: '#b5bac5',
		textColor: '#eceef2',
		noteBkgColor: '#3b3522',
		noteTextColor: '#eceef2',
	},
};
type Theme = keyof typeof themes;

/**
 * Mermaid's settings for every diagram. Labels are SVG text, not HTML in `<foreignObject>` (cheaper for the reader's
 * browser to lay out, and exact to measure); spacing and sequence-diagram sizes are tighter than Mermaid's defaults and
 * long messages wrap, so that a diagram fits a reading column with its labels at 12 px or more (AUTHORING.md).
 */
export function mermaidConfig(theme: Theme) {
	return {
		startOnLoad: false,
		securityLevel: 'strict',
		// Rough.js jitters some shapes at random; a fixed seed makes the light and dark drawings line up.
		handDrawnSeed: 1,
		theme: 'base',
		darkMode: themes[theme].darkMode,
		fontFamily: diagramFont,
		htmlLabels: false,
		look: 'classic',
		themeVariables: { ...themes[theme], fontFamily: diagramFont },
		flowchart: { nodeSpacing: 30, rankSpacing: 40, padding: 10, wrappingWidth: 200 },
		state: { nodeSpacing: 30, rankSpacing: 40 },
		sequence: { width: 120, actorMargin: 40, diagramMarginX: 10, diagramMarginY: 10, wrap: true, wrapPadding: 8, messageMargin: 32, boxMargin: 8, noteMargin: 8 },
		timeline: { padding: 4 },
	};
}

/** Splits Mermaid's accessibility lines off the source; not every diagram type parses them (mindmap does not). */
export function accessibility(source: string) {
	const title = /^\s*accTitle\s*:\s*(.+)$/m.exec(source)?.[1]?.trim();
	const block = /^\s*accDescr\s*\{([\s\S]*?)\}/m.exec(source);
	const descr = (block?.[1] ?? /^\s*accDescr\s*:\s*(.+)$/m.exec(source)?.[1])?.replace(/\s+/g, ' ').trim();
	const body = source
		.replace(/^\s*accTitle\s*:.*$\n?/m, '')
		.replace(/^\s*accDescr\s*\{[\s\S]*?\}\s*$\n?/m, '')
		.replace(/^\s*accDescr\s*:.*$\n?/m, '');
	return { title, descr, body };
}

/**
 * Draws diagrams with the real `mermaid` package in one headless Chromium, with one tab per theme: each tab draws
 * the diagrams in the same order, so Mermaid's internal counters (element ids) agree between the two drawings.
 * The browser starts lazily: a build whose diagrams are all cached never starts one.
 */
export class Renderer {
	#browser?: Browser;
	#pages?: Record<Theme, Page>;

	async #open(forWhat: Diagram): Promise<Record<Theme, Page>> {
		if (this.#pages) return this.#pages;
		const executablePath = findChromium();
		if (!executablePath) {
			throw new DiagramError(
				`${where(forWhat)}: this diagram is new or changed and must be rendered, but no Chromium was found. ${noChromiumHint}`,
			);
		}
		this.#browser = await chromium.launch({ executablePath, args: chromiumArgs });
		const open = async (theme: Theme) => {
			const page = await this.#browser!.newPage();
			await page.setContent('<!doctype html><html><body></body></html>');
			await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
			await page.evaluate(
				({ config }) => (globalThis as any).mermaid.initialize(config),
				{ config: mermaidConfig(theme) },
			);
			return page;
		};
		this.#pages = { light: await open('light'), dark: await open('dark') };
		return this.#pages;
	}

	/** Renders one diagram in light and dark and returns one SVG whose colours follow the page's theme. */
	async render(d: Diagram): Promise<string> {
		const problem = lintDiagram(d);
		if (problem) throw new DiagramError(problem);
		const pages = await this.#open(d);
		const id = `d${diagramKey(d.source)}`;
		const { title, descr, body } = accessibility(d.source);
		const draw = (page: Page) =>
			page.evaluate(
				async ({ source, id }) => {
					const mermaid = (globalThis as any).mermaid;
					try {
						await mermaid.parse(source);
						const svg = (await mermaid.render(id, source)).svg as string;
						// Measure what the reader will get at scale 1: the drawing's width and its smallest label.
						const host = document.createElement('div');
						host.innerHTML = svg;
						document.body.append(host);
						const el = host.querySelector('svg')!;
						const width = el.viewBox.baseVal.width;
						const sizes = [...el.querySelectorAll('text, foreignObject *')]
							.filter((t) => [...t.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()) || (t.tagName === 'text' && t.textContent!.trim()))
							.map((t) => parseFloat(getComputedStyle(t).fontSize));
						// Keep only the style rules that apply to something in this drawing: Mermaid ships the whole
						// stylesheet of the diagram type (animations, icons, tooltips, KaTeX, …) with every diagram,
						// and every rule costs the reader's browser style-matching time on every element of the page.
						for (const style of el.querySelectorAll('style')) {
							const kept = [...style.sheet!.cssRules].filter((rule) => {
								if (!(rule instanceof CSSStyleRule)) return false;
								try {
									return rule.selectorText.split(',').some((sel) => host.querySelector(sel.trim()));
								} catch {
									return false;
								}
							});
							style.textContent = kept.map((rule) => rule.cssText).join('');
						}
						// Mermaid defines every arrowhead, shadow, gradient and actor icon a diagram type might use (a sequence
						// diagram's unused database icon alone is 9.7 KB of path data); keep those this one uses.
						for (const def of el.querySelectorAll('marker[id], filter[id], linearGradient[id], radialGradient[id], symbol[id]')) {
							const rest = el.outerHTML.replace(def.outerHTML, '');
							if (!rest.includes(`#${def.id})`) && !rest.includes(`#${def.id}"`)) def.remove();
						}
						for (const defs of el.querySelectorAll('defs')) if (!defs.children.length) defs.remove();
						// Sequence diagrams repeat the diagram's font stack inline on every label; the drawing's own style
						// rule already gives it. Drop the copy wherever the label's computed font stays the same.
						for (const t of el.querySelectorAll<SVGElement | HTMLElement>('[style*="font-family"]')) {
							const before = getComputedStyle(t).fontFamily;
							const value = t.style.getPropertyValue('font-family');
							t.style.removeProperty('font-family');
							if (getComputedStyle(t).fontFamily !== before) t.style.setProperty('font-family', value);
						}
						const pruned = el.outerHTML;
						host.remove();
						return { svg: pruned, width, minFont: Math.min(...sizes) };
					} catch (error: any) {
						document.getElementById(id)?.remove();
						document.getElementById(`d${id}`)?.remove();
						return { error: String(error?.message ?? error) };
					}
				},
				{ source: body, id },
			);
		const [light, dark] = await Promise.all([draw(pages.light), draw(pages.dark)]);
		if (light.error || dark.error) {
			const message = light.error ?? dark.error!;
			// Mermaid counts lines of the source without the accessibility lines we took out; map back to the file.
			const m = /line (\d+)/i.exec(message);
			const offset = m ? sourceLine(d.source, body, Number(m[1])) : 0;
			const detail = `Mermaid could not draw this diagram:\n${message}`;
			throw new DiagramError(`${where({ ...d, line: d.line + offset })}: ${detail}`, detail, offset);
		}
		const minWidth = Math.ceil((light.width! * MIN_LABEL_PX) / light.minFont!);
		const svg = themeFollowingSvg(light.svg!, dark.svg!, id, { title: title!, descr: descr! });
		return svg.replace(/^<svg [^>]*?aria-describedby="[^"]+"/, `$& data-width="${Math.ceil(light.width!)}" data-min-width="${minWidth}"`);
	}

	async close() {
		await this.#browser?.close();
		this.#browser = undefined;
		this.#pages = undefined;
	}
}

/** The line of `source` (1-based) that holds line `n` of `body`: `source` less its accessibility lines. */
function sourceLine(source: string, body: string, n: number): number {
	const kept = body.split('\n');
	const lines = source.split('\n');
	let seen = 0;
	for (let i = 0; i < lines.length; i++) {
		if (seen < kept.length && lines[i] === kept[seen]) seen++;
		if (seen === n) return i + 1;
	}
	return lines.length;
}

export interface RenderReport {
	rendered: number;
	reused: number;
	errors: string[];
}

/**
 * Makes sure every diagram has its SVG in `src/diagrams/`: renders the new and changed ones (one browser launch
 * for all of them), reuses the rest, and reports progress. Collects every error instead of stopping at the first.
 */
export async function renderAll(
	diagrams: Diagram[],
	log: (line: string) => void = (line) => console.log(line),
): Promise<RenderReport> {
	mkdirSync(diagramDir, { recursive: true });
	const byKey = new Map<string, Diagram>();
	const copies = new Map<string, Diagram[]>(); // the same diagram in several files (e.g. an untranslated one)
	const errors: string[] = [];
	for (const d of diagrams) {
		const problem = lintDiagram(d);
		const key = diagramKey(d.source);
		if (problem) errors.push(problem);
		else if (byKey.has(key)) copies.get(key)!.push(d);
		else byKey.set(key, d), copies.set(key, []);
	}
	const todo = [...byKey].filter(([key]) => !existsSync(diagramPath(key)));
	const reused = byKey.size - todo.length;
	if (todo.length === 0) {
		log(`diagrams: 0/${byKey.size} rendered, ${reused} reused`);
		return { rendered: 0, reused, errors };
	}
	const renderer = new Renderer();
	let rendered = 0;
	try {
		for (const [key, d] of todo) {
			try {
				writeFileSync(diagramPath(key), await renderer.render(d));
				rendered++;
			} catch (error) {
				if (!(error instanceof DiagramError)) throw error;
				errors.push(error.message);
				for (const copy of copies.get(key)!) errors.push(`${where({ ...copy, line: copy.line + error.lineOffset })}: ${error.detail}`);
				if (error.message.includes('no Chromium was found')) break;
			}
			if (rendered % 10 === 0 && rendered < todo.length)
				log(`diagrams: ${rendered}/${byKey.size} rendered, ${reused} reused`);
		}
	} finally {
		await renderer.close();
	}
	log(`diagrams: ${rendered}/${byKey.size} rendered, ${reused} reused${errors.length ? `, ${errors.length} failed` : ''}`);
	return { rendered, reused, errors };
}

/** Diagram files no page uses any more, and diagrams of the pages that have no file yet (stale or never rendered). */
export function auditCache(diagrams = allDiagrams()) {
	const used = new Set(diagrams.map((d) => diagramKey(d.source)));
	const files = existsSync(diagramDir) ? readdirSync(diagramDir).filter((f) => f.endsWith('.svg')) : [];
	const unused = files.filter((f) => !used.has(f.replace(/\.svg$/, '')));
	const missing = diagrams.filter((d) => !existsSync(diagramPath(diagramKey(d.source))));
	return { unused, missing };
}

/**
 * Diagrams whose labels would be drawn under MIN_LABEL_PX in the desktop column, read from their rendered files (each
 * records its natural width and the width its smallest label needs). Authors hear about it before readers do.
 */
export function widthProblems(diagrams = allDiagrams()): string[] {
	const problems: string[] = [];
	for (const d of diagrams) {
		const path = diagramPath(diagramKey(d.source));
		if (!existsSync(path)) continue;
		const head = readFileSync(path, 'utf8').slice(0, 400);
		const min = Number(/data-min-width="(\d+)"/.exec(head)?.[1] ?? 0);
		const width = Number(/data-width="(\d+)"/.exec(head)?.[1] ?? 0);
		if (min > DESKTOP_COLUMN_PX)
			problems.push(
				`${where(d)}: too wide to read: drawn ${width} px wide, it needs ${min} px for ${MIN_LABEL_PX} px labels, but the desktop column is ${DESKTOP_COLUMN_PX} px. ` +
					'Lay it out top-down (flowchart TD), put fewer nodes in a rank, shorten or break labels (<br/>), or split it in two.',
			);
	}
	return problems;
}
