import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parsePage } from '../../scripts/lib/pages.ts';
import { idProblems, suggestId } from '../../scripts/lib/question-ids.ts';

const read = (path: string) => readFileSync(new URL(`../fixtures/valid/${path}`, import.meta.url), 'utf8');
const en = read('kafka/sample.mdx');
const zh = read('zh-cn/kafka/sample.mdx');
const at = (path: string, text: string) => parsePage(join(process.cwd(), 'src', 'content', 'docs', path), text);
/** The id problems of the sample pair (optionally changed), checked as the whole handbook. */
const check = (enText = en, zhText = zh) => {
	const pages = [at('kafka/sample.mdx', enText), at('zh-cn/kafka/sample.mdx', zhText)];
	return idProblems(pages, pages);
};

test('the fixture pages carry one id per question, the same in both languages', () => {
	assert.deepEqual(check(), []);
});

test('a question without an id is reported with the exact attribute to add, in both languages', () => {
	const problems = check(en.replace('<ShortAnswer id="consumer-group">', '<ShortAnswer>'), zh.replace('<ShortAnswer id="consumer-group">', '<ShortAnswer>'));
	assert.equal(problems.length, 2);
	assert.match(problems[0], /^src\/content\/docs\/kafka\/sample\.mdx:\d+: "What is a consumer group\?" has no id: write <ShortAnswer id="consumer-group">/);
	// The Chinese page is told to use its English twin's id, which the English page was just told to add.
	assert.match(problems[1], /^src\/content\/docs\/zh-cn\/kafka\/sample\.mdx:\d+: "什么是消费者组？" has no id: give question 2 of the English twin an id first/);
	const zhOnly = check(en, zh.replace('<ShortAnswer id="consumer-group">', '<ShortAnswer>'));
	assert.deepEqual(zhOnly.map((p) => p.replace(/:\d+:/, ':N:')), [
		'src/content/docs/zh-cn/kafka/sample.mdx:N: "什么是消费者组？" has no id: write <ShortAnswer id="consumer-group">, the id of question 2 in src/content/docs/kafka/sample.mdx.',
	]);
});

test('twins with the same ids in another order, a duplicate id and a malformed id are reported', () => {
	const swapped = zh.replace('id="consumer-group"', 'id="TMP"').replace('id="offsets-stored"', 'id="consumer-group"').replace('id="TMP"', 'id="offsets-stored"');
	const order = check(en, swapped);
	assert.equal(order.length, 2);
	assert.match(order[0], /id "offsets-stored" differs from "consumer-group", the id of question 2 in src\/content\/docs\/kafka\/sample\.mdx/);
	const dup = check(en.replace('id="offsets-stored"', 'id="consumer-group"'), zh.replace('id="offsets-stored"', 'id="consumer-group"'));
	assert.ok(dup.some((p) => /sample\.mdx:\d+: id "consumer-group" is already used at src\/content\/docs\/kafka\/sample\.mdx:\d+/.test(p)));
	const bad = check(en.replace('id="acks-all-mean"', 'id="Acks All"'), zh.replace('id="acks-all-mean"', 'id="Acks All"'));
	assert.ok(bad.some((p) => /id "Acks All" must be lower-case letters and digits joined by hyphens, e\.g\. "acks-all-mean"/.test(p)));
});

test('a suggested id keeps the meaningful words of the heading and never repeats a taken id', () => {
	assert.equal(suggestId('Why does Kafka split a topic into partitions?'), 'kafka-split-topic-into-partitions');
	assert.equal(suggestId('What is a consumer group?', new Set(['consumer-group']), 'consumers'), 'consumers-consumer-group');
	assert.equal(suggestId('What is a consumer group?', new Set(['consumer-group'])), 'consumer-group-2');
});
