import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { agrees, checkProseDefaults } from '../../scripts/lib/kafka-defaults.ts';

// ConfigDef defaults as KafkaConfigs.java prints them (values from Kafka 4.4's ConfigDefs).
const defs = {
	producer: { acks: { default: 'all' }, 'linger.ms': { default: '5' }, 'buffer.memory': { default: '33554432' }, retries: { default: '2147483647' }, 'delivery.timeout.ms': { default: '120000' } },
	consumer: { 'max.poll.interval.ms': { default: '300000' }, 'fetch.min.bytes': { default: '1' }, 'partition.assignment.strategy': { default: 'a,b' } },
	broker: { 'log.retention.hours': { default: '168' }, 'offsets.retention.minutes': { default: '10080' }, 'group.consumer.assignors': { default: 'uniform,range' } },
	topic: { 'segment.bytes': { default: '1073741824' }, 'retention.bytes': { default: '-1' } },
	streams: { 'commit.interval.ms': { default: '30000' } },
};

function check(text: string) {
	const dir = mkdtempSync(join(tmpdir(), 'prose-defaults-'));
	try {
		const file = join(dir, 'page.mdx');
		writeFileSync(file, `---\ntitle: t\n---\n\n${text}\n`);
		return checkProseDefaults([file], defs);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

test('defaults stated in English and Chinese prose, converted to the setting’s unit, agree with the ConfigDefs', () => {
	const r = check(
		[
			'`max.poll.interval.ms` (default 5 minutes) and `fetch.min.bytes` (default 1 byte).',
			'`segment.bytes` (1 GiB by default), `retention.bytes` (unlimited by default), `buffer.memory` (32 MiB by default).',
			'`offsets.retention.minutes` defaults to 7 days. With `acks=all` (the default) the producer waits.',
			'`max.poll.interval.ms`（默认 5 分钟）；`log.retention.hours` 默认为 168。',
			'`group.consumer.assignors` (`uniform` by default, or `range`); `commit.interval.ms`, 100 ms by default under exactly-once.',
			'',
			'| setting | default | meaning |',
			'|---|---|---|',
			'| `retries` | 2147483647 | controlled by `delivery.timeout.ms` |',
			'| `linger.ms` | <Default config="producer" name="linger.ms" /> | marked up, checked elsewhere |',
		].join('\n'),
	);
	assert.deepEqual(r.problems, []);
	assert.equal(r.compared, 11);
	assert.deepEqual(r.unread, []);
});

test('a wrong default in prose, in Chinese, or in a table is an error naming the file and line', () => {
	const r = check(
		[
			'`max.poll.interval.ms` (default 3 minutes) is wrong.',
			'`log.retention.hours` 默认为 24。',
			'With `acks=1` (the default) is wrong too.',
			'',
			'| setting | default |',
			'|---|---|',
			'| `delivery.timeout.ms` | 30 s |',
		].join('\n'),
	);
	assert.equal(r.problems.length, 4, r.problems.join('\n'));
	assert.match(r.problems[0], /page\.mdx:5: `max\.poll\.interval\.ms` is stated to default to "3 minutes", but Kafka [\d.]+'s default is "300000"/);
	assert.match(r.problems[1], /page\.mdx:6: `log\.retention\.hours`/);
	assert.match(r.problems[2], /page\.mdx:7: `acks` is stated to default to "1"/);
	assert.match(r.problems[3], /page\.mdx:11: `delivery\.timeout\.ms` is stated to default to "30 s"/);
});

test('a statement the reader cannot interpret is listed, not passed', () => {
	const r = check('`linger.ms` (default a few milliseconds) is vague.');
	assert.equal(r.compared, 0);
	assert.equal(r.unread.length, 1);
	assert.equal(agrees('linger.ms', 'a few milliseconds', '5'), undefined);
	assert.equal(agrees('segment.bytes', '1 GiB', '1073741824'), true);
	assert.equal(agrees('segment.bytes', '1 GB', '1000000000'), false);
});
