import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asOf, current, currentText, expandCurrent, formatDate } from '../../src/data/current.ts';
import { extractQuestions } from '../../src/lib/questions.ts';

test('every current entry has a version, a latest release of that line and an https source', () => {
	for (const [key, entry] of Object.entries(current)) {
		assert.match(entry.version, /^\d+(\.\d+)*$/, key);
		assert.ok(entry.latest.startsWith(entry.version), `${key}: latest ${entry.latest} is not in line ${entry.version}`);
		assert.match(entry.source, /^https:\/\//, key);
		if ('released' in entry) assert.match(entry.released, /^\d{4}-\d{2}(-\d{2})?$/, key);
	}
	assert.match(asOf, /^\d{4}-\d{2}-\d{2}$/);
});

test('dates are written the way each language writes them', () => {
	assert.equal(formatDate('2026-10-19', 'en'), '19 October 2026');
	assert.equal(formatDate('2026-10', 'en'), 'October 2026');
	assert.equal(formatDate('2026-10-19', 'zh-cn'), '2026 年 10 月 19 日');
	assert.equal(formatDate('2026-10', 'zh-cn'), '2026 年 10 月');
});

test('an unknown product or an unconfirmed release date fails instead of printing something', () => {
	assert.throws(() => currentText('sparkk'), /no such product/);
	assert.throws(() => currentText('kafka', 'released'), /no confirmed release date/);
});

test('a short answer read by the question bank shows the value, not the tag', () => {
	const page = [
		'## What is new?',
		'',
		'<ShortAnswer>',
		'',
		'RabbitMQ <Current product="rabbitmq" /> (<Current product="rabbitmq" field="released" />) is current.',
		'',
		'</ShortAnswer>',
	].join('\n');
	const [q] = extractQuestions(page);
	assert.equal(q.shortAnswer, `RabbitMQ ${current.rabbitmq.version} (${formatDate(current.rabbitmq.released, 'en')}) is current.`);
	assert.equal(expandCurrent('截至 <Current field="asOf" />', 'zh-cn'), `截至 ${formatDate(asOf, 'zh-cn')}`);
});
