import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Renderer, accessibility, auditCache, diagramDir, diagramKey, diagramPath, extractDiagrams, renderAll } from '../../scripts/lib/diagrams.ts';
import { findChromium } from '../../scripts/lib/chromium.ts';
import { roundGeometry } from '../../scripts/lib/svg-theme.ts';

const good = `flowchart LR
  accTitle: Producer to consumer
  accDescr: A producer writes to a partition; a consumer reads it.
  P[Producer] --> T[(Topic)] --> C[Consumer]`;
const cjk = `flowchart LR
  accTitle: 从生产者到消费者
  accDescr: 生产者写入主题，消费者组读取。
  P[生产者应用程序] --> T[(订单主题 orders)] --> C[消费者组]`;
const page = (...diagrams: string[]) => diagrams.map((d) => `Text\n\n\`\`\`mermaid\n${d}\n\`\`\`\n`).join('\n');
const hasBrowser = Boolean(findChromium());
const renderer = new Renderer();
after(() => renderer.close());

describe('diagram sources', () => {
	test('finds each mermaid fence with the line it starts on', () => {
		const found = extractDiagrams(page(good, cjk), '/x.mdx');
		assert.equal(found.length, 2);
		assert.equal(found[0].line, 3);
		assert.equal(found[0].source, good);
	});

	test('gives a changed diagram a new key and an unchanged one the same key', () => {
		assert.equal(diagramKey(good), diagramKey(`${good}\n`));
		assert.notEqual(diagramKey(good), diagramKey(good.replace('Consumer', 'Consumers')));
	});

	test('rounds geometry to 0.1 px without merging numbers that the compact path syntax separates by a dot', () => {
		assert.equal(roundGeometry('<path d="M12.305.012l.3.3L1 6.25z" style="">'), '<path d="M12.3 0l0.3 0.3L1 6.3z">');
		assert.equal(roundGeometry('<g transform="translate(10.123, -4.56)">'), '<g transform="translate(10.1, -4.6)">');
	});

	test('splits accTitle and accDescr off the source', () => {
		const a = accessibility(good);
		assert.equal(a.title, 'Producer to consumer');
		assert.match(a.descr!, /writes to a partition/);
		assert.doesNotMatch(a.body, /accTitle|accDescr/);
	});
});

describe('rendering', { skip: !hasBrowser && 'no Chromium on this machine' }, () => {
	test('draws a good diagram as one theme-following SVG image with its title and description', async () => {
		const svg = await renderer.render({ source: good, file: '/x.mdx', line: 1 });
		assert.match(svg, /^<svg role="img" aria-labelledby="d[0-9a-f]+-title" aria-describedby="d[0-9a-f]+-desc"/);
		assert.match(svg, /<title id="[^"]+">Producer to consumer<\/title>/);
		assert.match(svg, /html\[data-theme='dark'\] #d[0-9a-f]+\{--d0:/, 'dark colours are CSS variables');
		assert.match(svg, />Producer</);
		assert.doesNotMatch(svg, /<script/i);
		assert.doesNotMatch(svg, /data-diagram-theme/, 'one merged drawing, not two');
	});

	test('draws Chinese labels wide enough for the CJK text', async () => {
		const svg = await renderer.render({ source: cjk, file: '/x.mdx', line: 1 });
		assert.match(svg, /生产者应用程序/);
		// The label box for 生产者应用程序 (7 full-width characters at 16px) must be at least 7em wide.
		const node = svg.split('<g class="node ').find((chunk) => chunk.includes('生产者应用程序'))!;
		const width = Number(/<rect class="basic label-container"[^>]*\swidth="([\d.]+)"/.exec(node)?.[1]);
		assert.ok(width >= 7 * 16, `node width ${width} fits 7 CJK characters`);
	});

	test('draws labels as SVG text, with the natural width and the width that keeps every label at 12 px', async () => {
		const svg = await renderer.render({ source: good, file: '/x.mdx', line: 1 });
		assert.doesNotMatch(svg, /<foreignObject/, 'no HTML labels');
		const [, width, min] = /data-width="(\d+)" data-min-width="(\d+)"/.exec(svg)!.map(Number);
		assert.ok(width > 100 && min > 0);
		assert.equal(min, Math.ceil((width * 12) / 16), 'Mermaid draws these labels at 16 px');
	});

	test('keeps colours Mermaid writes as attributes under its own stylesheet: a dark sequence diagram has dark actor boxes', async () => {
		const seq = 'sequenceDiagram\n  accTitle: t\n  accDescr: d\n  participant C as Consumer\n  participant B as Broker\n  C->>B: Fetch\n  Note over B: n';
		const svg = await renderer.render({ source: seq, file: '/x.mdx', line: 1 });
		assert.doesNotMatch(svg, /style="[^"]*fill:#eaeaea/i, 'the light-grey fallback fill must not become an inline style');
	});

	test('draws the same SVG whatever was drawn before it, with every element id scoped to the diagram', async () => {
		const seq = 'sequenceDiagram\n  accTitle: Poll\n  accDescr: A consumer polls a broker.\n  participant C as Consumer\n  participant B as Broker\n  C->>B: Fetch\n  B-->>C: Records';
		const first = await renderer.render({ source: seq, file: '/x.mdx', line: 1 });
		await renderer.render({ source: good, file: '/x.mdx', line: 1 });
		const fresh = new Renderer();
		try {
			await fresh.render({ source: good, file: '/x.mdx', line: 1 });
			await fresh.render({ source: good.replace('Topic', 'Log'), file: '/x.mdx', line: 1 });
			assert.equal(await fresh.render({ source: seq, file: '/x.mdx', line: 1 }), first);
		} finally {
			await fresh.close();
		}
		const id = /^<svg[^>]*\sid="([^"]+)"/.exec(first)![1];
		const ids = [...first.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
		assert.deepEqual(ids.filter((x) => !x.startsWith(id)), []);
	});

	test('reports a broken diagram with the file and the line of the error', async () => {
		const broken = 'flowchart LR\n  accTitle: t\n  accDescr: d\n  A --> B\n  B -->';
		await assert.rejects(renderer.render({ source: broken, file: '/work/page.mdx', line: 10 }), (error: Error) => {
			assert.match(error.message, /page\.mdx:15: Mermaid could not draw this diagram/);
			return true;
		});
	});

	test('refuses a diagram without accTitle/accDescr, naming the file', async () => {
		await assert.rejects(renderer.render({ source: 'flowchart LR\n A --> B', file: '/work/page.md', line: 4 }), /page\.md:4: the diagram has no accTitle or accDescr/);
	});

	test('renders a new diagram once, then reuses it; a changed one is rendered again', async () => {
		const unique = good.replace('Consumer]', `Consumer ${Date.now()}]`);
		const logs: string[] = [];
		const d = { source: unique, file: '/x.mdx', line: 1 };
		try {
			const first = await renderAll([d], (l) => logs.push(l));
			assert.deepEqual([first.rendered, first.reused, first.errors.length], [1, 0, 0]);
			assert.ok(existsSync(diagramPath(diagramKey(unique))));
			const second = await renderAll([d], (l) => logs.push(l));
			assert.deepEqual([second.rendered, second.reused], [0, 1]);
			assert.match(logs.at(-1)!, /diagrams: 0\/1 rendered, 1 reused/);
			assert.equal(auditCache([d]).missing.length, 0);
			const changed = { ...d, source: unique.replace('Topic', 'Orders') };
			assert.equal(auditCache([changed]).missing.length, 1, 'a changed diagram is stale until rendered');
			assert.ok(auditCache([changed]).unused.includes(`${diagramKey(unique)}.svg`), 'the old drawing is reported unused');
		} finally {
			rmSync(diagramPath(diagramKey(unique)), { force: true });
		}
	});
});

test('every committed diagram file is used, and is one SVG image with a title and no script', () => {
	const { unused } = auditCache();
	assert.deepEqual(unused, [], 'unused files in src/diagrams (run `npm run diagrams -- --prune`)');
	const files = readdirSync(diagramDir).filter((f) => f.endsWith('.svg'));
	assert.ok(files.length > 0);
	for (const f of files) {
		const svg = readFileSync(join(diagramDir, f), 'utf8');
		assert.match(svg, /^<svg role="img" aria-labelledby="[^"]+-title"/, f);
		assert.match(svg, /<title id="[^"]+-title">[^<]+<\/title>/, f);
		assert.doesNotMatch(svg, /<script|\son\w+=/i, f);
	}
});
