import { fixCjkToUnicode } from './pdf-unicode.ts';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { type Browser, type Page as BrowserPage, chromium } from 'playwright-core';
import { sections } from '../../src/config/sections.mjs';
import { chromiumArgs, findChromium, noChromiumHint } from './chromium.ts';
import { listPages, readPage, root } from './pages.ts';

/**
 * The handbook as PDFs, printed by Chromium from the built pages in `dist/`: the whole handbook per language and one
 * PDF per section per language, under `<base>pdf/`. Each PDF is one print document assembled from the `<main>` of every
 * page in its scope (so there is no second source), printed twice: the first print tells on which page each section and
 * page starts (read back with PDF.js from the named destinations Chromium writes for link targets), the second prints
 * those numbers in the table of contents. Chromium writes the outline (from the headings: section → page → question),
 * the internal links and the tagged structure; running headers are CSS margin boxes of one named page per handbook page.
 */

export type Lang = 'en' | 'zh-cn';
export const pdfLangs: Lang[] = ['en', 'zh-cn'];

export interface PdfScope {
	/** File name under `<base>pdf/`, e.g. `handbook-en.pdf`, `kafka-zh-cn.pdf`. */
	file: string;
	lang: Lang;
	/** A section's folder, or undefined for the whole handbook. */
	section?: string;
}

/** Every PDF the build writes: the whole handbook, then each section, in each language. */
export const pdfScopes = (): PdfScope[] =>
	pdfLangs.flatMap((lang) => [
		{ file: `handbook-${lang}.pdf`, lang },
		...sections.map((s) => ({ file: `${s.dir}-${lang}.pdf`, lang, section: s.dir })),
	]);

export const pdfDir = 'pdf';

/** The manifest written beside the PDFs: what was built, from which commit, how long it took. */
export interface PdfManifest {
	built: string;
	commit: string;
	seconds: number;
	pdfs: { file: string; lang: Lang; section: string | null; bytes: number; pages: number; cached: boolean }[];
}

const strings = {
	en: {
		title: 'Backend Interview Handbook',
		language: 'English',
		contents: 'Contents',
		built: 'Built',
		commit: 'commit',
		online: 'Online edition',
		intro:
			'Every page answers the questions interviewers ask about one topic: a short answer you can say in thirty seconds, then the mechanism, diagrams, code, common misconceptions and follow-up questions. Links inside this PDF jump to the page; links to the web show their address.',
	},
	'zh-cn': {
		title: '后端面试手册',
		language: '简体中文',
		contents: '目录',
		built: '构建于',
		commit: '提交',
		online: '在线版',
		intro:
			'每个页面围绕一个主题回答面试官常问的问题：先给出 30 秒内能说完的简答，再讲机制、图示、代码、常见误区和追问。PDF 内的链接可直接跳转到对应页面，指向网站的链接附有网址。',
	},
} satisfies Record<Lang, Record<string, string>>;

interface TopicPage {
	/** e.g. `kafka/consumers` */
	id: string;
	title: string;
	section: string;
}

/** The topic pages of one language in sidebar order (the order `src/lib/handbook.ts` gives the site). */
export function topicPages(lang: Lang): TopicPage[] {
	const pages = listPages()
		.map(readPage)
		.filter((p) => p.locale === lang && sections.some((s) => p.id.startsWith(`${s.dir}/`)));
	return sections.flatMap((s) =>
		pages
			.filter((p) => p.id.startsWith(`${s.dir}/`))
			.sort((a, b) => (a.frontmatter.sidebar?.order ?? 99) - (b.frontmatter.sidebar?.order ?? 99) || a.id.localeCompare(b.id))
			.map((p) => ({ id: p.id, title: String(p.frontmatter.title), section: s.dir })),
	);
}

/** The commit the PDFs are built from: GitHub's, else git's, else "unknown" (a tarball without history). */
export function buildCommit(): string {
	if (process.env.GITHUB_SHA) return process.env.GITHUB_SHA.slice(0, 12);
	try {
		return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		return 'unknown';
	}
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cssString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;
/** A page id as an HTML id prefix: `kafka/consumers` → `p--kafka--consumers`. */
const anchorOf = (id: string) => `p--${id.replace(/\//g, '--')}`;
const pagePath = (lang: Lang, id: string) => `${lang === 'en' ? '' : 'zh-cn/'}${id}/`;

/** The `<main>` element of a built page, and the stylesheets it links. */
function readBuilt(dist: string, path: string) {
	const file = join(dist, path, 'index.html');
	if (!existsSync(file)) throw new Error(`PDF: ${file} is missing from the build.`);
	const html = readFileSync(file, 'utf8');
	const main = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1];
	if (!main) throw new Error(`PDF: no <main> in ${file}.`);
	const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"(?: media="([^"]+)")?>/g)].map((m) => ({ href: m[1], media: m[2] ?? 'all' }));
	const inline = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
	// The title as the page shows it (HTML), and as plain text for the running header.
	const title = /<h1 id="_top"[^>]*>([\s\S]*?)<\/h1>/.exec(main)?.[1] ?? '';
	const text = title
		.replace(/<[^>]+>/g, '')
		.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
		.replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
	return { main, styles, inline, title, text };
}

interface Options {
	dist: string;
	/** Astro's base path, with a trailing slash. */
	base: string;
	/** The site's origin (Astro's `site`), for links to pages outside a PDF. */
	site: string;
	commit?: string;
	date?: Date;
	log?: (line: string) => void;
	/** Print only these files (e.g. `kafka-en.pdf`), for working on the styles. */
	only?: string[];
}

/** The print document of one scope. */
export function printDocument(scope: PdfScope, o: Options & { commit: string; date: Date }): string {
	const t = strings[scope.lang];
	const all = topicPages(scope.lang);
	const pages = scope.section ? all.filter((p) => p.section === scope.section) : all;
	const scopeSections = sections.filter((s) => pages.some((p) => p.section === s.dir));
	const label = (s: (typeof sections)[number]) => (scope.lang === 'en' ? s.label : s.zh);
	const styles = new Map<string, string>();
	const inline = new Set<string>();
	const body: string[] = [];
	const toc: string[] = [];
	const pageRules: string[] = [];
	let n = 0;
	const article = (id: string, path: string, running: string, extra = '') => {
		const built = readBuilt(o.dist, path);
		for (const s of built.styles) styles.set(s.href, s.media);
		for (const s of built.inline) inline.add(s);
		const name = `pg${++n}`;
		pageRules.push(`@page ${name} { @top-left { content: ${cssString(built.text)}; } @top-right { content: ${cssString(running)}; } }`);
		return { title: built.title, html: `<article class="pdf-page" id="${anchorOf(id)}" data-page="${escapeHtml(id)}" data-path="${escapeHtml(path)}" style="page: ${name}"${extra}>${built.main}</article>` };
	};
	for (const s of scopeSections) {
		toc.push(`<li class="pdf-toc__section"><a href="#s--${s.dir}"><span>${escapeHtml(label(s))}</span><span class="pdf-toc__page">00</span></a><ol>`);
		body.push(
			`<section class="pdf-section" id="s--${s.dir}"><header class="pdf-section__opener"><h1>${escapeHtml(label(s))}</h1><p>${escapeHtml(s.description[scope.lang === 'en' ? 'en' : 'zh'])}</p></header>`,
		);
		for (const p of pages.filter((p) => p.section === s.dir)) {
			const a = article(p.id, pagePath(scope.lang, p.id), label(s));
			toc.push(`<li><a href="#${anchorOf(p.id)}"><span>${a.title}</span><span class="pdf-toc__page">00</span></a></li>`);
			body.push(a.html);
		}
		toc.push('</ol></li>');
		body.push('</section>');
	}
	if (!scope.section) {
		// The glossary closes the whole handbook: its "explained in" links jump to the pages.
		const a = article('glossary', pagePath(scope.lang, 'glossary'), t.title, ' data-top-level');
		toc.push(`<li class="pdf-toc__section"><a href="#${anchorOf('glossary')}--_top"><span>${a.title}</span><span class="pdf-toc__page">00</span></a></li>`);
		body.push(`<section class="pdf-section pdf-section--glossary">${a.html}</section>`);
	}
	const scopeTitle = scope.section ? `${t.title} · ${label(sections.find((s) => s.dir === scope.section)!)}` : t.title;
	const online = `${o.site.replace(/\/$/, '')}${o.base}${scope.lang === 'en' ? '' : 'zh-cn/'}`;
	const date = o.date.toISOString().slice(0, 10);
	return `<!doctype html>
<html lang="${scope.lang === 'en' ? 'en' : 'zh-CN'}" dir="ltr" data-theme="light" class="pdf">
<head>
<meta charset="utf-8">
<title>${escapeHtml(scopeTitle)}</title>
${[...styles].map(([href, media]) => `<link rel="stylesheet" href="${escapeHtml(href)}" media="${media}">`).join('\n')}
${[...inline].map((css) => `<style>${css}</style>`).join('\n')}
<style>${pageRules.join('\n')}</style>
</head>
<body class="pdf-book" data-site="${escapeHtml(o.site.replace(/\/$/, ''))}" data-base="${escapeHtml(o.base)}" data-lang="${scope.lang}">
<section class="pdf-cover">
<p class="pdf-cover__title">${escapeHtml(t.title)}</p>
${scope.section ? `<p class="pdf-cover__section">${escapeHtml(label(sections.find((s) => s.dir === scope.section)!))}</p>` : ''}
<p class="pdf-cover__intro">${escapeHtml(t.intro)}</p>
<dl class="pdf-cover__meta">
<dt>${scope.lang === 'en' ? 'Language' : '语言'}</dt><dd>${t.language}</dd>
<dt>${t.built}</dt><dd>${date} · ${t.commit} <code>${escapeHtml(o.commit)}</code></dd>
<dt>${t.online}</dt><dd><a href="${escapeHtml(online)}">${escapeHtml(online)}</a></dd>
</dl>
</section>
<nav class="pdf-toc"><h1>${t.contents}</h1><ol>${toc.join('\n')}</ol></nav>
${body.join('\n')}
</body>
</html>`;
}

/**
 * Runs in the print document: turns the pages' `<main>`s into chapters of one book. Headings move down one level under
 * the section heading (so the outline reads section → page → question), ids get their page as prefix, links to a page
 * in the PDF become `#` links, links to pages outside it become absolute links to the site, and page chrome
 * (heading anchors, hidden search filters) goes. Returns the internal links whose target does not exist.
 */
function bookify(): string[] {
	const site = document.body.dataset.site!;
	const base = document.body.dataset.base!;
	const lang = document.body.dataset.lang!;
	const origin = location.origin;
	const articles = [...document.querySelectorAll<HTMLElement>('article.pdf-page')];
	const inScope = new Map(articles.map((a) => [a.dataset.page!, a.id]));
	const rename = (el: Element, tag: string) => {
		const next = document.createElement(tag);
		for (const attr of el.attributes) next.setAttribute(attr.name, attr.value);
		next.append(...el.childNodes);
		el.replaceWith(next);
		return next;
	};
	for (const article of articles) {
		const prefix = `${article.id}--`;
		article.querySelectorAll('.sl-anchor-link, [data-pagefind-filter], script').forEach((el) => el.remove());
		// The page title is the article's target; a top-level page (the glossary) keeps its title as a section heading.
		const top = article.querySelector('h1#_top');
		if (top && !article.hasAttribute('data-top-level')) top.removeAttribute('id');
		// Deepest first, so a heading moves down exactly one level.
		if (!article.hasAttribute('data-top-level')) {
			for (const level of [5, 4, 3, 2, 1]) {
				for (const h of article.querySelectorAll(`h${level}`)) rename(h, `h${level + 1}`);
				article.querySelectorAll(`.sl-heading-wrapper.level-h${level}`).forEach((w) => w.classList.replace(`level-h${level}`, `level-h${level + 1}`));
			}
		}
		for (const el of article.querySelectorAll('[id]')) {
			if (el.closest('svg')) continue; // A diagram's ids are its own (already unique) and referenced from inside it.
			el.id = prefix + el.id;
		}
	}
	const missing: string[] = [];
	for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
		const raw = a.getAttribute('href')!;
		const article = a.closest<HTMLElement>('article.pdf-page');
		if (!article) continue; // cover and contents are written for the book already
		const from = new URL(`${base}${article.dataset.path}`, origin);
		const url = new URL(raw, from);
		const hash = decodeURIComponent(url.hash.slice(1));
		if (url.origin !== origin) {
			a.classList.add('pdf-external');
			continue;
		}
		let path = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname.replace(/^\//, '');
		if (lang !== 'en') path = path.replace(new RegExp(`^${lang}/`), '');
		const id = path.replace(/\/$/, '');
		const anchor = inScope.get(id);
		if (anchor) {
			const target = hash && hash !== '_top' ? `${anchor}--${hash}` : anchor;
			a.setAttribute('href', `#${target}`);
			if (!document.getElementById(target)) missing.push(`${article.dataset.page}: ${raw}`);
		} else {
			a.setAttribute('href', `${site}${url.pathname}${url.hash}`);
			a.classList.add('pdf-external');
		}
	}
	return missing;
}

const origin = 'http://handbook.pdf.invalid';

/** Serves the build to the print tab from disk, and the print document itself, without a server. */
async function loadDocument(tab: BrowserPage, html: string, o: Options) {
	await tab.route(`${origin}/**`, async (route) => {
		const url = new URL(route.request().url());
		if (url.pathname === `${o.base}__pdf__.html`) return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
		const rel = url.pathname.startsWith(o.base) ? decodeURIComponent(url.pathname.slice(o.base.length)) : '';
		const file = join(o.dist, rel);
		if (!rel || !existsSync(file) || statSync(file).isDirectory()) return route.fulfill({ status: 404, body: '' });
		const types: Record<string, string> = { '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };
		return route.fulfill({ body: readFileSync(file), contentType: types[extname(file)] ?? 'application/octet-stream' });
	});
	await tab.goto(`${origin}${o.base}__pdf__.html`, { waitUntil: 'load' });
	await tab.evaluate(() => document.fonts.ready);
}

async function pageCount(pdf: Uint8Array) {
	const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
	const pages = (await task.promise).numPages;
	await task.destroy();
	return pages;
}

/** Printed PDFs by a hash of what was printed; entries unused for a week are removed. */
const cacheDir = join(root, 'node_modules', '.astro', 'handbook-pdf');

export interface OutlineEntry {
	title: string;
	depth: number;
	/** 1-based page number of the entry's destination. */
	page: number;
}

/** The PDF's outline (bookmarks), flattened in document order, with the page each entry jumps to. */
export async function readOutline(pdf: Uint8Array): Promise<OutlineEntry[]> {
	const task = getDocument({ data: pdf, verbosity: 0 });
	const doc = await task.promise;
	const entries: OutlineEntry[] = [];
	const walk = async (items: Awaited<ReturnType<typeof doc.getOutline>> | undefined, depth: number) => {
		for (const item of items ?? []) {
			const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
			const page = dest ? (typeof dest[0] === 'number' ? dest[0] : await doc.getPageIndex(dest[0])) + 1 : 0;
			entries.push({ title: item.title.replace(/\s+/g, ' ').trim(), depth, page });
			await walk(item.items, depth + 1);
		}
	};
	await walk(await doc.getOutline(), 1);
	await task.destroy();
	return entries;
}

const printOptions = {
	preferCSSPageSize: true,
	printBackground: true,
	outline: true,
	tagged: true,
} as const;

/** Prints one scope into `<dist>/pdf/<file>`: assemble, bookify, print, number the contents, print again. */
export async function printScope(browser: Browser, scope: PdfScope, o: Options & { commit: string; date: Date }) {
	const html = printDocument(scope, o);
	// The same document printed by the same Chromium with the same code gives the same PDF: a rebuild of an unchanged
	// tree (same day, same commit) reuses it instead of printing again.
	const key = createHash('sha256')
		.update(JSON.stringify([html, browser.version(), printOptions, readFileSync(fileURLToPath(import.meta.url), 'utf8')]))
		.digest('hex')
		.slice(0, 20);
	const cached = join(cacheDir, `${key}.pdf`);
	const out = join(o.dist, pdfDir, scope.file);
	if (existsSync(cached)) {
		copyFileSync(cached, out);
		utimesSync(cached, new Date(), new Date());
		return { file: scope.file, lang: scope.lang, section: scope.section ?? null, bytes: statSync(out).size, pages: await pageCount(readFileSync(out)), cached: true };
	}
	const tab = await browser.newPage();
	// A whole-handbook document is large, and the machine may be busy: no navigation deadline.
	tab.setDefaultTimeout(0);
	try {
		await loadDocument(tab, html, o);
		const missing = await tab.evaluate(bookify);
		if (missing.length) throw new Error(`PDF ${scope.file}: ${missing.length} link(s) to an anchor that is not in the PDF:\n  ${missing.join('\n  ')}`);
		let pdf = await tab.pdf(printOptions);
		const entries = await tab.$$eval('.pdf-toc a > span:first-child', (els) => els.map((el) => el.textContent!.replace(/\s+/g, ' ').trim()));
		// The first print tells where each entry of the contents landed; the second prints those numbers. The placeholders
		// already take the numbers' room, so the numbers cannot move a page; each pass still checks, and prints again if so.
		for (let pass = 0; ; pass++) {
			if (pass === 3) throw new Error(`PDF ${scope.file}: the page numbers of the contents did not settle in three prints.`);
			// Each contents entry is a section or page heading; the outline gives the page it landed on, in document order.
			const outline = await readOutline(new Uint8Array(pdf));
			let at = 0;
			const numbers = entries.map((entry) => {
				// Chromium drops the space where a heading wraps ("gRPC,WebSocket"), so titles compare without whitespace.
				const found = outline.findIndex((o, i) => i >= at && o.depth <= 2 && o.title.replace(/\s/g, '') === entry.replace(/\s/g, ''));
				if (found < 0) {
					const near = outline.filter((o, i) => i >= at && o.depth <= 2).slice(0, 3).map((o) => `"${o.title}"`);
					throw new Error(`PDF ${scope.file}: the outline has no entry "${entry}" for the contents (next: ${near.join(', ')}).`);
				}
				at = found + 1;
				return String(outline[found].page);
			});
			const shown = await tab.$$eval('.pdf-toc__page', (els) => els.map((el) => el.textContent));
			if (shown.every((s, i) => s === numbers[i])) break;
			await tab.$$eval('.pdf-toc__page', (els, ns) => els.forEach((el, i) => (el.textContent = ns[i])), numbers);
			pdf = await tab.pdf(printOptions);
		}
		pdf = Buffer.from(await fixCjkToUnicode(new Uint8Array(pdf)));
		writeFileSync(out, pdf);
		mkdirSync(cacheDir, { recursive: true });
		writeFileSync(cached, pdf);
		return { file: scope.file, lang: scope.lang, section: scope.section ?? null, bytes: pdf.length, pages: await pageCount(pdf), cached: false };
	} finally {
		await tab.close();
	}
}

export const formatBytes = (bytes: number, lang: Lang) => {
	const mb = bytes / (1024 * 1024);
	const text = mb >= 1 ? `${mb.toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
	return lang === 'en' ? text : text;
};

/**
 * Builds every PDF into `<dist>/pdf/`, writes `<dist>/pdf/index.json` and fills in the file sizes the site shows next to
 * its PDF links (`<span data-pdf-size="handbook-en.pdf">`). Throws, saying what to install, when no Chromium is found.
 */
export async function buildPdfs(o: Options): Promise<PdfManifest> {
	const started = performance.now();
	const executablePath = findChromium();
	if (!executablePath) {
		throw new Error(`the PDFs of the handbook are printed by Chromium, and no Chromium was found. ${noChromiumHint} To build the site without PDFs, set HANDBOOK_PDF=off.`);
	}
	const browser = await chromium.launch({ executablePath, args: chromiumArgs });
	const commit = o.commit ?? buildCommit();
	const date = o.date ?? new Date();
	mkdirSync(join(o.dist, pdfDir), { recursive: true });
	const pdfs: PdfManifest['pdfs'] = [];
	try {
		// Two tabs print at once: each print keeps one renderer busy, and these machines have two cores.
		const queue = pdfScopes().filter((s) => !o.only || o.only.includes(s.file));
		const results = new Map<string, PdfManifest['pdfs'][number]>();
		const worker = async () => {
			for (let scope = queue.shift(); scope; scope = queue.shift()) {
				const t = performance.now();
				const pdf = await printScope(browser, scope, { ...o, commit, date });
				results.set(scope.file, pdf);
				const took = pdf.cached ? 'unchanged, reused' : `${((performance.now() - t) / 1000).toFixed(1)} s`;
				o.log?.(`${scope.file}: ${pdf.pages} pages, ${formatBytes(pdf.bytes, 'en')} (${took})`);
			}
		};
		await Promise.all([worker(), worker()]);
		pdfs.push(...pdfScopes().flatMap((s) => results.get(s.file) ?? []));
	} finally {
		await browser.close();
	}
	const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
	for (const f of existsSync(cacheDir) ? readdirSync(cacheDir) : []) {
		if (statSync(join(cacheDir, f)).mtimeMs < weekAgo) rmSync(join(cacheDir, f), { force: true });
	}
	// A partial run (`--only`) keeps the other PDFs' entries of the previous manifest.
	const previous = join(o.dist, pdfDir, 'index.json');
	if (o.only && existsSync(previous)) {
		const kept = (JSON.parse(readFileSync(previous, 'utf8')) as PdfManifest).pdfs.filter((p) => !pdfs.some((q) => q.file === p.file));
		pdfs.push(...kept);
	}
	const manifest: PdfManifest = { built: date.toISOString(), commit, seconds: Number(((performance.now() - started) / 1000).toFixed(1)), pdfs };
	writeFileSync(join(o.dist, pdfDir, 'index.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
	fillSizes(o.dist, manifest);
	return manifest;
}

/** Writes each PDF's size into the placeholders of the built pages that link to it. */
export function fillSizes(dist: string, manifest: PdfManifest) {
	const sizes = new Map(manifest.pdfs.map((p) => [p.file, p]));
	const pages = [join(dist, 'index.html'), join(dist, 'zh-cn', 'index.html')];
	for (const lang of pdfLangs)
		for (const s of sections) pages.push(join(dist, lang === 'en' ? '' : 'zh-cn', 'questions', s.dir, 'index.html'));
	for (const file of pages) {
		if (!existsSync(file)) continue;
		const html = readFileSync(file, 'utf8');
		const next = html.replace(/(<span[^>]*data-pdf-size="([^"]+)"[^>]*>)[^<]*(<\/span>)/g, (all, open, name, close) => {
			const pdf = sizes.get(name);
			return pdf ? `${open}${formatBytes(pdf.bytes, pdf.lang)}${close}` : all;
		});
		if (next !== html) writeFileSync(file, next);
	}
}
