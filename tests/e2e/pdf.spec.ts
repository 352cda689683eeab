import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { sections } from '../../src/config/sections.mjs';
import { formatBytes, pdfDir, pdfScopes, readOutline, topicPages, type PdfManifest } from '../../scripts/lib/pdf.ts';
import { base, dist } from './helpers.ts';

/**
 * The PDFs the build prints (scripts/lib/pdf.ts), read back with PDF.js: each opens, holds every page of its scope in
 * its text and its outline, embeds every font, extracts Chinese as Chinese, and has no internal link that leads nowhere.
 */
const squash = (s: string) => s.replace(/\s+/g, '');

async function open(file: string) {
	const data = new Uint8Array(readFileSync(join(dist, pdfDir, file)));
	// PDF.js takes ownership of the bytes it is given, so it gets a copy.
	const task = getDocument({ data: data.slice(), verbosity: 0 });
	return { task, doc: await task.promise, data };
}

/** The site's origin, as the sitemap gives it: a PDF's links to pages outside it point there, under the base path. */
const siteOrigin = new URL(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8').match(/<loc>([^<]+)<\/loc>/)![1]).origin;

for (const scope of pdfScopes()) {
	test.describe(`PDF ${scope.file}`, () => {
		test.describe.configure({ timeout: 240_000 });
		// Under a base path, what can differ in a PDF is where its links to the site point, checked below; the rest of
		// these checks read the same print pipeline as the root run, so the base-path run reads one PDF per language.
		test.skip(base !== '/' && !scope.file.startsWith('appendix-'), 'the base-path run reads the appendix PDF of each language');

		test('exists, opens, and holds every page title of its scope in its text and its outline', async () => {
			const path = join(dist, pdfDir, scope.file);
			expect(existsSync(path), `${path} was not built`).toBe(true);
			const { task, doc, data } = await open(scope.file);
			try {
				expect(doc.numPages).toBeGreaterThan(3);
				let text = '';
				for (let i = 1; i <= doc.numPages; i++) {
					const content = await (await doc.getPage(i)).getTextContent();
					text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
				}
				const pages = topicPages(scope.lang).filter((p) => !scope.section || p.section === scope.section);
				expect(pages.length).toBeGreaterThan(0);
				const flat = squash(text);
				const absent = pages.filter((p) => !flat.includes(squash(p.title))).map((p) => p.title);
				expect(absent, 'page titles missing from the text').toEqual([]);
				expect(text, 'replacement characters in the extracted text').not.toContain('\uFFFD');

				const outline = await readOutline(data);
				const titles = outline.filter((o) => o.depth === 2).map((o) => squash(o.title));
				const unlisted = pages.filter((p) => !titles.includes(squash(p.title))).map((p) => p.title);
				expect(unlisted, 'pages without an outline entry').toEqual([]);
				const labels = outline.filter((o) => o.depth === 1).map((o) => o.title);
				for (const s of sections.filter((s) => !scope.section || s.dir === scope.section)) {
					expect(labels).toContain(scope.lang === 'en' ? s.label : s.zh);
				}
				// Questions sit under their page: the outline goes three levels deep.
				expect(outline.some((o) => o.depth === 3)).toBe(true);
				expect(outline.every((o) => o.page >= 1 && o.page <= doc.numPages)).toBe(true);

				if (scope.lang === 'zh-cn') {
					// Chinese copies out as Chinese: full-width punctuation and the scope's own section names, not glyph ids or
					// mojibake. (Terms are taken from the scope: a delivery PDF never mentions 分区.)
					for (const s of ['，', '。', '（', '）']) expect(text).toContain(s);
					for (const s of sections.filter((x) => !scope.section || x.dir === scope.section)) expect(text).toContain(s.zh);
					expect(text).toMatch(/[\u4e00-\u9fff]{20}/);
				}
			} finally {
				await task.destroy();
			}
		});

		test('embeds every font, and every internal link lands on a page of the PDF', async () => {
			const { task, doc } = await open(scope.file);
			try {
				const notEmbedded = new Set<string>();
				const deadLinks: string[] = [];
				const offBase: string[] = [];
				let internal = 0;
				let siteLinks = 0;
				for (let i = 1; i <= doc.numPages; i++) {
					const page = await doc.getPage(i);
					const ops = await page.getOperatorList();
					ops.fnArray.forEach((fn, k) => {
						if (fn !== OPS.setFont) return;
						const font = page.commonObjs.get(ops.argsArray[k][0]);
						if (font.missingFile) notEmbedded.add(font.name);
					});
					for (const a of await page.getAnnotations()) {
						if (a.subtype !== 'Link') continue;
						if (a.url) {
							expect(a.url, `page ${i}`).toMatch(/^(https?:|mailto:)/);
							if (a.url.startsWith(`${siteOrigin}/`)) {
								siteLinks++;
								if (!new URL(a.url).pathname.startsWith(base)) offBase.push(`page ${i}: ${a.url}`);
							}
							continue;
						}
						internal++;
						const dest = typeof a.dest === 'string' ? await doc.getDestination(a.dest) : a.dest;
						const index = dest ? (typeof dest[0] === 'number' ? dest[0] : await doc.getPageIndex(dest[0]).catch(() => -1)) : -1;
						if (index < 0 || index >= doc.numPages) deadLinks.push(`page ${i}: ${JSON.stringify(a.dest)}`);
					}
				}
				expect([...notEmbedded], 'fonts not embedded').toEqual([]);
				expect(deadLinks, 'internal links to nowhere').toEqual([]);
				expect(offBase, `links to the site outside the base path ${base}`).toEqual([]);
				// A section's PDF links to the pages of other sections on the site.
				if (scope.section) expect(siteLinks, 'links to the site').toBeGreaterThan(0);
				// The contents alone link to every page of the scope.
				expect(internal).toBeGreaterThan(topicPages(scope.lang).filter((p) => !scope.section || p.section === scope.section).length);
			} finally {
				await task.destroy();
			}
		});
	});
}

test('the home pages and each section bank link every PDF with its size, under the base path', async () => {
	const manifest: PdfManifest = JSON.parse(readFileSync(join(dist, pdfDir, 'index.json'), 'utf8'));
	for (const lang of ['en', 'zh-cn'] as const) {
		const prefix = lang === 'en' ? '' : 'zh-cn/';
		const targets = [
			{ page: `${prefix}index.html`, files: [`handbook-${lang}.pdf`] },
			...sections.map((s) => ({ page: `${prefix}questions/${s.dir}/index.html`, files: [`${s.dir}-${lang}.pdf`, `handbook-${lang}.pdf`] })),
		];
		for (const { page, files } of targets) {
			const html = readFileSync(join(dist, page), 'utf8');
			for (const file of files) {
				const bytes = statSync(join(dist, pdfDir, file)).size;
				expect(manifest.pdfs.find((p) => p.file === file)?.bytes).toBe(bytes);
				expect(html, `${page} links ${file}`).toContain(`href="${base}${pdfDir}/${file}"`);
				const shown = new RegExp(`<span[^>]*data-pdf-size="${file.replace(/\./g, '\\.')}"[^>]*>([^<]*)</span>`).exec(html)?.[1];
				expect(shown, `${page} shows the size of ${file}`).toBe(formatBytes(bytes, lang));
			}
		}
	}
});

test('a PDF is served as a PDF from the site', async ({ request }) => {
	const response = await request.get(`${pdfDir}/handbook-en.pdf`);
	expect(response.status()).toBe(200);
	expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
});
