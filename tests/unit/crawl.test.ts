import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { crawl } from '../../scripts/lib/crawl.ts';

test('the crawl reports links outside the base path, missing pages and missing anchors', () => {
	const dist = mkdtempSync(join(tmpdir(), 'crawl-'));
	mkdirSync(join(dist, 'kafka/consumers'), { recursive: true });
	writeFileSync(join(dist, 'kafka/consumers/index.html'), '<h2 id="what-is-a-consumer-group">x</h2>');
	writeFileSync(
		join(dist, 'index.html'),
		[
			'<a href="/handbook/kafka/consumers/#what-is-a-consumer-group">ok</a>',
			'<a href="kafka/consumers/">relative ok</a>',
			'<a href="https://kafka.apache.org/">external</a>',
			'<a href="/kafka/consumers/">no base</a>',
			'<a href="/handbook/kafka/offsets/">missing</a>',
			'<a href="/handbook/kafka/consumers/#nope">bad anchor</a>',
		].join('\n'),
	);
	const { pages, links, broken } = crawl(dist, '/handbook/');
	assert.equal(pages, 2);
	assert.equal(links, 5);
	assert.deepEqual(broken, [
		'index.html → /kafka/consumers/ (outside the base path /handbook/)',
		'index.html → /handbook/kafka/offsets/ (no file kafka/offsets)',
		'index.html → /handbook/kafka/consumers/#nope (no element id "nope")',
	]);
});
