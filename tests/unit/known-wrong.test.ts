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

test('dates the idempotence default from 3.0.1, 3.1.1 and 3.2.0, not from 3.0, in both languages', () => {
	const id = 'idempotent-by-default-since-3-0';
	const flagged = (text: string, lang: 'en' | 'zh-cn') => findKnownWrong(text, lang, 'p', list).some((f) => f.id === id);
	// The shorthand as the Kafka pages had it, in prose, a short answer and a table row.
	const wrong: [string, 'en' | 'zh-cn'][] = [
		['At least once. Since Kafka 3.0 the producer is idempotent by default, so its own retries do not create duplicates.', 'en'],
		['Idempotence (KIP-98, Kafka 0.11) has been on by default since 3.0, together with acks=all.', 'en'],
		['Idempotence requires acks=all, retries > 0 and at most 5 in-flight requests. It is on by default since 3.0.', 'en'],
		['It lowers latency. Since Kafka 3.0 the producer defaults to acks=all with idempotence enabled; change it only where losing records is acceptable.', 'en'],
		['Keep the idempotent producer on (the default since 3.0), which preserves order through retries.', 'en'],
		['Kafka 3.0 (KIP-679) made the producer idempotent by default.', 'en'],
		['分区之间。Kafka 3.0 起生产者默认开启幂等，自身重试不会产生重复。', 'zh-cn'],
		['幂等性（KIP-98，Kafka 0.11）从 3.0 起默认开启，同时默认 acks=all。', 'zh-cn'],
		['幂等性要求 acks=all、retries 大于 0、在途请求不超过 5 个。3.0 起默认开启。', 'zh-cn'],
		['从 Kafka 3.0 起，生产者默认 acks=all 并开启幂等；只有在允许丢消息的场景才改。', 'zh-cn'],
		['Kafka 3.0（KIP-679）让生产者默认开启幂等。', 'zh-cn'],
	];
	for (const [text, lang] of wrong) assert.ok(flagged(text, lang), `not flagged: ${text}`);
	// The corrected sentences, and true sentences about 3.0 that the pages keep.
	const right: [string, 'en' | 'zh-cn'][] = [
		['Since Kafka 3.0.1, 3.1.1 and 3.2.0 the producer is idempotent by default, so its own retries do not create duplicates.', 'en'],
		['The producer has defaulted to acks=all since Kafka 3.0, and to idempotence since 3.0.1, 3.1.1 and 3.2.0; change it only where losing records is acceptable.', 'en'],
		['Idempotence requires acks=all, retries > 0 and at most 5 in-flight requests. It is on by default since 3.0.1, 3.1.1 and 3.2.0.', 'en'],
		['Kafka 3.0 (KIP-679) made the producer safe by default: acks=all instead of 1, and enable.idempotence=true. A bug kept the idempotence default from taking effect until 3.0.1, 3.1.1 and 3.2.0.', 'en'],
		['This page covers the idempotent producer, and the defaults that changed in Kafka 3.0 and 4.0.', 'en'],
		['Rely on the client defaults (acks=all since Kafka 3.0; the idempotence default since 3.0.1, 3.1.1 and 3.2.0).', 'en'],
		['生产者从 Kafka 3.0 起默认 acks=all，从 3.0.1、3.1.1 和 3.2.0 起默认开启幂等；只有在允许丢消息的场景才改。', 'zh-cn'],
		['幂等性要求 acks=all、retries 大于 0、在途请求不超过 5 个。3.0.1、3.1.1 和 3.2.0 起默认开启。', 'zh-cn'],
		['Kafka 3.0（KIP-679）让生产者默认就是安全的：acks 从 1 改为 all，enable.idempotence=true。由于一个缺陷，幂等性默认值直到 3.0.1、3.1.1 和 3.2.0 才真正生效。', 'zh-cn'],
		['0.11 引入的幂等生产者消除了这种重复，3.0 起幂等和 acks=all 成为默认值（由于一个 bug，这个默认值实际从 3.0.1、3.1.1 和 3.2.0 才生效）。', 'zh-cn'],
	];
	for (const [text, lang] of right) assert.ok(!flagged(text, lang), `flagged: ${text}`);
	// A built table row (cells are blocks, inline code loses its markup), in each language.
	const { findings } = check({
		'kafka/sample/index.html': page('en', '<table><tr><td>Per-partition order</td><td>Same partition; retries without reordering (idempotence, the default since 3.0)</td><td>Order across partitions</td></tr></table>'),
		'zh-cn/kafka/sample/index.html': page('zh-CN', '<table><tr><td>分区内有序</td><td>同一分区；重试不会乱序（幂等性，<code>3.0</code> 起默认开启）</td></tr></table>'),
		'kafka/fixed/index.html': page('en', '<table><tr><td>Per-partition order</td><td>Same partition; retries without reordering (idempotence, the default since 3.0.1, 3.1.1 and 3.2.0)</td></tr></table>'),
	});
	assert.deepEqual(
		findings.map((f) => [f.page, f.id]),
		[
			['src/content/docs/kafka/sample.mdx (/kafka/sample/)', id],
			['src/content/docs/zh-cn/kafka/sample.mdx (/zh-cn/kafka/sample/)', id],
		],
	);
});
