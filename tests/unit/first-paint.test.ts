import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { INLINE_LIMIT, prepareFirstPaint, renderBlock } from '../../src/integrations/first-paint.ts';
import { FIRST_LAZY } from '../../src/integrations/rehype-lazy-sections.ts';

/** A built site under `base`: pages and `_astro/` modules as the build writes them (relative imports, minified). */
function site(base: string, pages: Record<string, string>) {
	const dir = mkdtempSync(join(tmpdir(), 'first-paint-'));
	const astro = join(dir, '_astro');
	mkdirSync(astro);
	const modules: Record<string, string> = {
		// Two entries share a chunk with a side effect that must run once (Starlight's tables of contents define a
		// custom element there; defining it twice throws).
		'shared.js': 'globalThis.__runs=(globalThis.__runs??[]);globalThis.__runs.push(`shared`);var t=1;export{t};',
		'a.js': 'import{t as e}from"./shared.js";globalThis.__runs.push(`a`+e);',
		'b.js': 'import"./shared.js";globalThis.__runs.push(`b`,"</script><p>not markup</p>");',
		'dynamic.js': 'const u=()=>import(`./shared.js`);globalThis.__runs.push(`dynamic`);',
		'meta.js': 'globalThis.__runs.push(new URL(`./x.json`,import.meta.url).href);',
		'big.js': `globalThis.__runs.push(${JSON.stringify('x'.repeat(INLINE_LIMIT))});`,
	};
	for (const [name, code] of Object.entries(modules)) writeFileSync(join(astro, name), code);
	for (const [path, body] of Object.entries(pages)) {
		mkdirSync(join(dir, path), { recursive: true });
		writeFileSync(join(dir, path, 'index.html'), body.replaceAll('BASE', base));
	}
	return dir;
}
const tag = (name: string) => `<script type="module" src="BASE_astro/${name}"></script>`;
const page = (head: string, body: string) => `<!doctype html><html><head><title>t</title>${head}</head><body>${body}</body></html>`;

/** Runs a page's inline modules in order, as a browser would, and returns what they recorded. */
async function run(html: string, dir: string) {
	(globalThis as any).__runs = [];
	const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
	for (const [i, code] of inline.entries()) {
		const file = join(dir, `inline-${i}-${Math.random()}.mjs`);
		writeFileSync(file, code);
		await import(pathToFileURL(file).href);
	}
	return (globalThis as any).__runs as string[];
}

for (const base of ['/', '/handbook/']) {
	test(`under ${base}: a page's small modules become one inline module, each module once and in order, where the first was`, async () => {
		const dir = site(base, {
			topic: page(tag('a.js'), `<header>h</header>${tag('dynamic.js')}<main><p>x</p>${tag('b.js')}${tag('meta.js')}</main>${tag('big.js')}`),
		});
		try {
			const result = await prepareFirstPaint(dir, base);
			const html = readFileSync(join(dir, 'topic', 'index.html'), 'utf8');
			assert.deepEqual({ pages: result.pages, scripts: result.scripts }, { pages: 1, scripts: 2 });
			assert.ok(html.startsWith('<!doctype html><html><head><title>t</title><script type="module">'), 'the inline module stands where a.js was');
			for (const kept of ['dynamic.js', 'meta.js', 'big.js']) assert.ok(html.includes(tag(kept).replace('BASE', base)), `${kept} stays external`);
			for (const gone of ['a.js', 'b.js', 'shared.js']) assert.ok(!html.includes(`_astro/${gone}`), `${gone} is inline`);
			// Only the element's own end tag: a `</script` inside the code would end the element early.
			assert.equal(html.match(/<script type="module">[\s\S]*?<\/script>/)![0].match(/<\/script/g)!.length, 1);
			assert.deepEqual(await run(html, dir), ['shared', 'a1', 'b', '</script><p>not markup</p>']);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
}

test('only a page with a lazily drawn block holds its first paint, until the parser reaches that block', async () => {
	const dir = site('/', {
		topic: page('', `<main><section class="hb-section"><p>first screen</p><div class="hb-piece" id="${FIRST_LAZY}">later</div></section></main>`),
		bank: page('', '<main><p>a long list, drawn as the reader scrolls</p></main>'),
	});
	try {
		const result = await prepareFirstPaint(dir, '/');
		assert.equal(result.blocked, 1);
		const topic = readFileSync(join(dir, 'topic', 'index.html'), 'utf8');
		assert.ok(topic.includes(`${renderBlock}</head>`), 'the topic page holds its first paint');
		assert.equal(renderBlock, `<link rel="expect" href="#${FIRST_LAZY}" blocking="render">`);
		// Without the block the link would hold the first paint until the whole page is parsed.
		assert.ok(!readFileSync(join(dir, 'bank', 'index.html'), 'utf8').includes('rel="expect"'), 'the page without one does not');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
