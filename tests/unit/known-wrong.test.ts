import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkBuild, findKnownWrong, loadKnownWrong, misconceptionLabels, readerText } from '../../scripts/lib/known-wrong.ts';

const list = loadKnownWrong();

/** A built page as Starlight writes it: chrome around <main>, the misconception as an aside labelled by its title. */
const page = (lang: string, body: string) =>
	`<!doctype html><html lang="${lang}"><head><title>x</title><script>const s = "Kafka needs ZooKeeper";</script></head>` +
	`<body><nav>Kafka needs ZooKeeper</nav><main data-pagefind-body><div class="sl-markdown-content">${body}</div></main></body></html>`;
const aside = (label: string, text: string) =>
	`<aside aria-label="${label}" class="starlight-aside starlight-aside--caution"><p class="starlight-aside__title" aria-hidden="true">${label}</p><div class="starlight-aside__content"><p>${text}</p></div></aside>`;

/** Checks a throw-away dist/ holding the given pages (path under dist/ → HTML). */
function check(pages: Record<string, string>) {
	const dist = mkdtempSync(join(tmpdir(), 'known-wrong-'));
	try {
		for (const [path, html] of Object.entries(pages)) {
			mkdirSync(join(dist, path, '..'), { recursive: true });
			writeFileSync(join(dist, path), html);
		}
		return checkBuild(dist, list);
	} finally {
		rmSync(dist, { recursive: true, force: true });
	}
}

test('every known-wrong entry says why, cites a source and has patterns', () => {
	assert.ok(list.length >= 20, `only ${list.length} entries`);
	for (const { entry, patterns } of list) {
		assert.match(entry.source, /^https:\/\//, entry.id);
		assert.ok(entry.why.length > 20, entry.id);
		assert.ok(patterns.en.length + patterns['zh-cn'].length > 0, entry.id);
	}
});

test('a known-wrong claim in a built page fails, naming the page, in both languages', () => {
	const { pages, findings } = check({
		'kafka/sample/index.html': page('en', '<p>In short, <strong>Kafka needs ZooKeeper</strong> to store its metadata.</p>'),
		'zh-cn/kafka/sample/index.html': page('zh-CN', '<p>生产者的幂等性默认关闭，需要手动开启。</p>'),
		'kafka/other/index.html': page('en', '<p>KRaft replaced ZooKeeper.</p>'),
	});
	assert.equal(pages, 3);
	assert.deepEqual(
		findings.map((f) => [f.page, f.id]),
		[
			['src/content/docs/kafka/sample.mdx (/kafka/sample/)', 'kafka-needs-zookeeper'],
			['src/content/docs/zh-cn/kafka/sample.mdx (/zh-cn/kafka/sample/)', 'idempotence-off-by-default'],
		],
	);
	assert.match(findings[0].message, /^src\/content\/docs\/kafka\/sample\.mdx \(\/kafka\/sample\/\): "Kafka needs ZooKeeper" is a known-wrong claim/);
	assert.match(findings[0].message, /Source: https:\/\//);
});

test('the same claim inside a misconception aside passes, and only there', () => {
	const [en, zh] = misconceptionLabels().sort();
	assert.deepEqual([en, zh], ['Common misconception', '常见误区']);
	const quoted = check({
		'kafka/sample/index.html': page('en', `<p>KRaft stores the metadata.</p>${aside(en, 'Kafka needs ZooKeeper to store its metadata. It has not since 4.0.')}`),
		'zh-cn/kafka/sample/index.html': page('zh-CN', `<p>KRaft 保存元数据。</p>${aside(zh, '“生产者的幂等性默认关闭。”从 3.0 起默认开启。')}`),
	});
	assert.deepEqual(quoted.findings, []);
	// Another aside (a tip, say) is not a refutation.
	const tip = check({ 'kafka/sample/index.html': page('en', aside('Tip', 'Kafka needs ZooKeeper.')) });
	assert.deepEqual(tip.findings.map((f) => f.id), ['kafka-needs-zookeeper']);
});

test('reads what a reader sees: inline markup joined, blocks apart, entities decoded', () => {
	const text = readerText(page('en', '<p>Clients <em>never</em> use the <code>controller</code> listener</p><p>&quot;next&quot;&nbsp;page</p>'), []);
	assert.equal(text.trim(), 'Clients never use the controller listener "next" page');
	assert.deepEqual(findKnownWrong(text, 'en', 'p', list).map((f) => f.id), ['controller-listener-never-used-by-clients']);
	assert.deepEqual(findKnownWrong('Clients never use the controller', 'en', 'p', list), []);
});
