// Each broken page must fail the build with a message that names its file. These build a small throw-away copy of the
// site (hub pages plus the fixture), so each takes seconds, not the time of a full build.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { root } from '../../scripts/lib/diagrams.ts';
import { scratchSite } from '../../scripts/lib/scratch.ts';

const valid = (path: string) => readFileSync(join(root, 'tests/fixtures/valid', path), 'utf8');
const en = valid('kafka/sample.mdx');
const zh = valid('zh-cn/kafka/sample.mdx');
const glossary = { 'kafka/sample.yaml': valid('glossary-sample.yaml') };

function build(pages: Record<string, string>, { keep = false, inspect }: { keep?: boolean; inspect?: (dist: string) => void } = {}) {
	// The sample's glossary file names the sample page, so it goes in only with that page.
	const dir = scratchSite(pages, 'kafka/sample.mdx' in pages ? glossary : {});
	const run = () => {
		// The Node running the tests (22+), not whichever `node` is first on PATH. No PDFs: these builds test the content
		// checks, and the PDF step (which also refuses a link to nowhere) would otherwise report first.
		const r = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: dir, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', HANDBOOK_PDF: 'off' } });
		return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
	};
	const first = run();
	const second = keep ? run() : undefined;
	try {
		inspect?.(join(dir, 'dist'));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	return { ...first, second };
}

describe('the build fails on a broken page, naming the file', { concurrency: 1 }, () => {
	test('passes on the valid fixture pages (the control case)', () => {
		const r = build({ 'kafka/sample.mdx': en, 'zh-cn/kafka/sample.mdx': zh });
		assert.equal(r.status, 0, r.output);
		assert.match(r.output, /All internal links are valid/);
	});

	test('a dead internal link or anchor', () => {
		const r = build({
			'kafka/sample.mdx': en.replace('/kafka/sample/#what-is-a-consumer-group', '/kafka/no-such-page/'),
			'zh-cn/kafka/sample.mdx': zh.replace('#什么是消费者组', '#没有这个标题'),
		});
		assert.notEqual(r.status, 0);
		assert.match(r.output, /kafka\/sample\.mdx[\s\S]*\/kafka\/no-such-page\//);
		assert.match(r.output, /zh-cn\/kafka\/sample\.mdx[\s\S]*没有这个标题/);
	});

	test('a Chinese page linking into the English site', () => {
		const r = build({ 'kafka/sample.mdx': en, 'zh-cn/kafka/sample.mdx': zh.replace('/zh-cn/kafka/sample/#什么是消费者组', '/kafka/sample/#what-is-a-consumer-group') });
		assert.notEqual(r.status, 0);
		assert.match(r.output, /zh-cn\/kafka\/sample\.mdx[\s\S]*inconsistent locale/);
	});

	test('a page without its translation', () => {
		const r = build({ 'kafka/sample.mdx': en });
		assert.notEqual(r.status, 0);
		assert.match(r.output, /src\/content\/docs\/kafka\/sample\.mdx: no Chinese twin/);
	});

	test('malformed frontmatter', () => {
		const r = build({ 'kafka/sample.mdx': en, 'zh-cn/kafka/sample.mdx': zh.replace('title: 示例主题', 'title: [示例主题') });
		assert.notEqual(r.status, 0);
		assert.match(r.output, /zh-cn\/kafka\/sample\.mdx/);
	});

	test('frontmatter that breaks the schema', () => {
		const r = build({ 'kafka/sample.mdx': en.replace("versions: ['Apache Kafka 4.1']", 'versions: 4.1'), 'zh-cn/kafka/sample.mdx': zh });
		assert.notEqual(r.status, 0);
		assert.match(r.output, /kafka\/sample\.mdx[\s\S]*versions/);
	});

	test('a Mermaid syntax error, with the line, in .mdx and .md', () => {
		const broken = en.replace('P[Producer] --> L[(Partition leader)] --> C[Consumer group]', 'P[Producer] --> L[(Partition leader)] -->');
		const line = broken.split('\n').findIndex((l) => l.endsWith('-->')) + 1;
		const r = build({ 'kafka/sample.mdx': broken, 'zh-cn/kafka/sample.mdx': zh });
		assert.notEqual(r.status, 0);
		assert.match(r.output, new RegExp(`src/content/docs/kafka/sample\\.mdx:${line}: Mermaid could not draw this diagram`));
		const md = '---\ntitle: Notes\n---\n\n```mermaid\nsequenceDiagram\n  accTitle: t\n  accDescr: d\n  A->>\n```\n';
		const r2 = build({ 'notes.md': md, 'zh-cn/notes.md': md });
		assert.notEqual(r2.status, 0);
		assert.match(r2.output, /src\/content\/docs\/notes\.md:9: Mermaid could not draw this diagram/);
	});

	test('a glossary term its page does not use', () => {
		const dir = scratchSite({ 'kafka/sample.mdx': en, 'zh-cn/kafka/sample.mdx': zh.replaceAll('分区', '分片') }, glossary);
		const r = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: dir, encoding: 'utf8' });
		rmSync(dir, { recursive: true, force: true });
		assert.notEqual(r.status, 0);
		assert.match(`${r.stdout}${r.stderr}`, /src\/data\/glossary\/kafka\/sample\.yaml: "分区" does not appear in src\/content\/docs\/zh-cn\/kafka\/sample\.mdx/);
	});

	test('a known-wrong claim in a page, unless a misconception aside quotes it to refute it', () => {
		const claim = 'Kafka needs ZooKeeper to store its metadata.';
		const inProse = build({ 'kafka/sample.mdx': en.replace('A fixture page.', `A fixture page. ${claim}`), 'zh-cn/kafka/sample.mdx': zh });
		assert.notEqual(inProse.status, 0);
		assert.match(inProse.output, /src\/content\/docs\/kafka\/sample\.mdx \(\/kafka\/sample\/\): "Kafka needs ZooKeeper" is a known-wrong claim \(kafka-needs-zookeeper/);
		const refuted = build({ 'kafka/sample.mdx': en.replace('Ordering is per partition, not per topic.', `${claim} Not since KRaft.`), 'zh-cn/kafka/sample.mdx': zh });
		// The check ran over the built pages and found nothing (later build-end hooks are not this test's subject).
		assert.match(refuted.output, /no known-wrong claims in \d+ pages/, refuted.output);
		assert.doesNotMatch(refuted.output, /is a known-wrong claim/);
	});

	test('a render error in a .md page, on a cold and on a warm cache', () => {
		const md = '---\ntitle: Notes\n---\n\n:::tip{icon="not-an-icon"}\nA tip.\n:::\n';
		const r = build({ 'notes.md': md, 'zh-cn/notes.md': md.replace('A tip.', '提示。') }, { keep: true });
		for (const run of [r, r.second!]) {
			assert.notEqual(run.status, 0);
			assert.match(run.output, /failed to render and would ship empty:\n\s+- src\/content\/docs\/(zh-cn\/)?notes\.md/);
		}
	});
});

describe('the hubs are generated from the pages', () => {
	test('a question added to a page appears in the question bank with its short answer and anchor, in both languages', () => {
		const added = (text: string, q: string, a: string) => text.replace(/\n## (Sources|参考资料)/, `\n## ${q}\n\n<ShortAnswer id="log-compacted-topic">\n${a}\n</ShortAnswer>\n\nText.\n\n## $1`);
		const pages = {
			'kafka/sample.mdx': added(en, 'What is a log-compacted topic?', 'A topic that keeps the latest record per key.'),
			'zh-cn/kafka/sample.mdx': added(zh, '什么是日志压缩主题？', '只为每个 key 保留最新一条记录的主题。'),
		};
		build(pages, {
			inspect: (dist) => {
				const bank = readFileSync(join(dist, 'questions/kafka/index.html'), 'utf8');
				assert.match(bank, /href="\/kafka\/sample\/#what-is-a-log-compacted-topic"[^>]*>\s*What is a log-compacted topic\?/);
				assert.match(bank, /A topic that keeps the latest record per key\./);
				assert.match(bank, /5 questions from 1 pages,/);
				const zhBank = readFileSync(join(dist, 'zh-cn/questions/kafka/index.html'), 'utf8');
				assert.match(zhBank, /href="\/zh-cn\/kafka\/sample\/#什么是日志压缩主题"[^>]*>\s*什么是日志压缩主题？/);
				assert.match(zhBank, /只为每个 key 保留最新一条记录的主题。/);
				assert.match(zhBank, /共 5 道题，来自 1 个页面/);
				// The bank's index links to the section's bank page with its counts.
				const index = readFileSync(join(dist, 'questions/index.html'), 'utf8');
				assert.match(index, /1 pages · 5 questions[\s\S]*href="\/questions\/kafka\/"/);
				const glossary = readFileSync(join(dist, 'zh-cn/glossary/index.html'), 'utf8');
				assert.match(glossary, /<td [^>]*lang="zh-CN"[^>]*>分区<\/td>/);
				assert.match(glossary, /href="\/zh-cn\/kafka\/sample\/"[^>]*>示例主题</);
			},
		});
	});
});
