import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { FIRST_LAZY } from './rehype-lazy-sections.ts';

/**
 * What a page needs before its first paint, settled after the build (each page's HTML is final only then). Measured with
 * Lighthouse (simulated slow phone) on /zh-cn/microservices/observability/, the heaviest sampled page, 8 runs each,
 * interleaved: main-thread work a median of 1,436 ms (max 1,620) against 1,658 (max 2,011) as built before, total
 * blocking time a median of 0 ms either way (max 52 and 63), first contentful paint 1,286 against 1,252 ms; every run
 * 100. The two changes below were measured alone and together on the same page (batches of 10-12 runs).
 *
 * 1. Its small module scripts, inline. A topic page loaded five from `_astro/`: Astro's prefetch, the two tables of
 *    contents and the chunk they share, and Expressive Code's copy button, 7.5 KB in all (2.9 KB gzip). Five requests
 *    cost more than their bytes: on a slow connection they share it with the stylesheets, and each is work for the
 *    browser process beside the page. The module scripts a page loads from `_astro/` are bundled (esbuild), each module
 *    once and in their order, into one inline module where the first of them was. A module is left as it is when it
 *    or a chunk it imports resolves anything at run time (`import()`, `import.meta`: against the page's address once
 *    inline; the search's does), or when the page's inline total would pass INLINE_LIMIT (the practice page's 27 KB
 *    script: an external module is compiled off the main thread and cached across pages).
 * 2. A first paint that holds the first screen. Alone, (1) brings the first paint forward to when the header is parsed,
 *    and the article's layout becomes a long task after it (total blocking time 68-110 ms). A page with an element of
 *    id FIRST_LAZY, the first block drawn only when the reader comes near it (given by rehype-lazy-sections.ts on topic
 *    pages, by question-bank.astro and glossary.astro on the item or entry after the first screen), gets
 *    `<link rel="expect" href="#…" blocking="render">`: Chromium paints once the parser has reached that block, with
 *    the first screen laid out in one go (other browsers ignore the link). Alone, (2) made the first paint about 160 ms later on a slow phone
 *    (2026-12-03); together the two are earlier than before. Pages without such a block (practice, 404) do
 *    not get it: their first paint would wait for their whole HTML.
 */
export const INLINE_LIMIT = 10 * 1024;

const scriptTag = /<script type="module" src="([^"]+)"><\/script>/g;

/**
 * A built module and the chunks it imports, or undefined when one of them resolves anything at run time or imports
 * something that is not a file beside it.
 */
function moduleGraph(file: string, seen = new Set<string>()): Set<string> | undefined {
	if (seen.has(file)) return seen;
	if (!existsSync(file)) return undefined;
	seen.add(file);
	const code = readFileSync(file, 'utf8');
	if (/\bimport\s*\(|\bimport\.meta\b/.test(code)) return undefined;
	for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+)["']/g))
		if (!/^\.{1,2}\//.test(spec!) || !moduleGraph(resolve(dirname(file), spec!), seen)) return undefined;
	return seen;
}

export const renderBlock = `<link rel="expect" href="#${FIRST_LAZY}" blocking="render">`;

/** Rewrites every page of the site built in `dir` (served under `base`) as above; returns what it did. */
export async function prepareFirstPaint(dir: string, base: string) {
	const prefix = `${base.replace(/\/?$/, '/')}_astro/`;
	const bundles = new Map<string, string>();
	const counts = { pages: 0, scripts: 0, blocked: 0 };
	for (const page of (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => join(dir, f))) {
		const html = readFileSync(page, 'utf8');
		const files: [tag: string, file: string][] = [];
		const included = new Set<string>();
		for (const [tag, src] of html.matchAll(scriptTag)) {
			if (!src!.startsWith(prefix)) continue;
			const file = join(dir, '_astro', src!.slice(prefix.length));
			const graph = moduleGraph(file);
			if (!graph) continue;
			const all = new Set([...included, ...graph]);
			if ([...all].reduce((n, f) => n + statSync(f).size, 0) > INLINE_LIMIT) continue;
			for (const f of graph) included.add(f);
			files.push([tag, file]);
		}
		let out = html;
		if (html.includes(` id="${FIRST_LAZY}"`)) {
			out = out.replace('</head>', `${renderBlock}</head>`);
			counts.blocked++;
		}
		if (!files.length) {
			if (out !== html) writeFileSync(page, out);
			continue;
		}
		const key = files.map(([, file]) => file).join('\n');
		if (!bundles.has(key)) {
			const result = await build({
				stdin: { contents: files.map(([, file]) => `import ${JSON.stringify(file)};`).join('\n'), resolveDir: dir },
				bundle: true,
				format: 'esm',
				minify: true,
				write: false,
				logLevel: 'silent',
			});
			// esbuild writes `</script` in strings as `<\/script`, which would otherwise end the element (tested).
			bundles.set(key, result.outputFiles[0]!.text.trim());
		}
		out = out.replace(files[0]![0], `<script type="module">${bundles.get(key)}</script>`);
		for (const [tag] of files.slice(1)) out = out.replace(tag, '');
		writeFileSync(page, out);
		counts.pages++;
		counts.scripts += files.length;
	}
	return { ...counts, bundles: [...bundles.values()].map((code) => code.length) };
}

export function firstPaint(): AstroIntegration {
	let base = '/';
	return {
		name: 'first-paint',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base;
			},
			'astro:build:done': async ({ dir, logger }) => {
				const { pages, scripts, bundles, blocked } = await prepareFirstPaint(fileURLToPath(dir), base);
				logger.info(`${scripts} module scripts inlined in ${pages} pages (bundles of ${bundles.join(', ')} bytes); ${blocked} pages paint first with their first screen`);
			},
		},
	};
}
