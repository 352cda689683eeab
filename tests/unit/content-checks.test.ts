import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compareTwins, lintChinese, lintPage } from '../../scripts/lib/lint.ts';
import { missingTwins, parsePage } from '../../scripts/lib/pages.ts';
import { extractQuestions } from '../../src/lib/questions.ts';
import { resolveSite } from '../../src/config/site.mjs';

const fixture = (path: string) => new URL(`../fixtures/valid/${path}`, import.meta.url);
const en = readFileSync(fixture('kafka/sample.mdx'), 'utf8');
const zh = readFileSync(fixture('zh-cn/kafka/sample.mdx'), 'utf8');
const docs = join(process.cwd(), 'src', 'content', 'docs');

/** The page `src/content/docs/<path>` with the given text. */
const at = (path: string, text: string) => parsePage(join(docs, path), text);

test('reads questions and their short answers, ignoring ## inside code', () => {
	const qs = extractQuestions('## Why?\n\n<ShortAnswer>\nBecause.\n</ShortAnswer>\n\n```md\n## Not a heading\n```\n\n## Sources\n');
	assert.deepEqual(
		qs.map((q) => [q.heading, q.shortAnswer]),
		[
			['Why?', 'Because.'],
			['Sources', undefined],
		],
	);
});

test('accepts the valid fixture pages in both languages', () => {
	const pEn = at('kafka/sample.mdx', en);
	const pZh = at('zh-cn/kafka/sample.mdx', zh);
	assert.deepEqual(lintPage(pEn), []);
	assert.deepEqual(lintPage(pZh), []);
	assert.deepEqual(compareTwins(pEn, pZh), []);
});

test('reports a question without a short answer, with file and line', () => {
	const broken = en.replace('<ShortAnswer id="consumer-group">\nA set of consumers sharing the partitions of the topics they subscribe to.\n</ShortAnswer>\n', '');
	const problems = lintPage(at('kafka/sample.mdx', broken));
	assert.equal(problems.length, 1);
	assert.match(problems[0], /^src\/content\/docs\/kafka\/sample\.mdx:\d+: "What is a consumer group\?" must be followed directly by <ShortAnswer>/);
});

test('reports a long short answer and a heading that is not a question', () => {
	const long = en.replace('Committed offsets live', `${'word '.repeat(80)}Committed offsets live`).replace('## What does acks=all mean?', '## Acks');
	const problems = lintPage(at('kafka/sample.mdx', long)).join('\n');
	assert.match(problems, /has 9\d words; at most 75/);
	assert.match(problems, /"Acks" is not phrased as a question/);
});

test('reports a Chinese page whose structure differs from its English twin', () => {
	const fewer = zh.replace(/```properties[\s\S]*?```\n/, '');
	const problems = compareTwins(at('kafka/sample.mdx', en), at('zh-cn/kafka/sample.mdx', fewer));
	assert.deepEqual(problems, ['src/content/docs/zh-cn/kafka/sample.mdx: code blocks differ from the English page (1 vs 0).']);
});

test('flags a hard-wrapped Chinese line, which would render a stray space', () => {
	const problems = lintChinese(at('zh-cn/kafka/sample.mdx', '---\ntitle: x\n---\n这一行在中文\n字符之间换行。\n\n这一行换到 Kafka\n没问题。\n'));
	assert.deepEqual(problems, ['src/content/docs/zh-cn/kafka/sample.mdx:4: a line break between Chinese characters renders as a space; join the two lines.']);
});

test('flags a hard-wrapped Chinese line inside a list item, after a closing tag and after full-width punctuation', () => {
	const text = [
		'---', 'title: x', '---',
		'- 第一项在中文', // 4: an indented continuation line inside a list item
		'  字符之间换行。',
		'',
		'<Misconception>',
		'',
		'这里<strong>加粗</strong>', // 9: the line ends in a closing tag
		'之后换行。',
		'',
		'</Misconception>',
		'',
		'在 Kubernetes 上，', // 14: full-width punctuation, then a Latin word on the next line
		'istiod 监听对象。',
		'',
		'见[这一页](/zh-cn/x/)', // 17: a link at the end of the line is its text
		'的说明。',
	].join('\n');
	const problems = lintChinese(at('zh-cn/kafka/sample.mdx', text));
	assert.deepEqual(problems, [
		'src/content/docs/zh-cn/kafka/sample.mdx:4: a line break between Chinese characters renders as a space; join the two lines.',
		'src/content/docs/zh-cn/kafka/sample.mdx:9: a line break between Chinese characters renders as a space; join the two lines.',
		'src/content/docs/zh-cn/kafka/sample.mdx:14: a line break after "，" renders as a space before Latin text; join the two lines.',
		'src/content/docs/zh-cn/kafka/sample.mdx:17: a line break between Chinese characters renders as a space; join the two lines.',
	]);
});

test('does not flag line breaks that start a new block or that should render a space', () => {
	const text = [
		'---', 'title: x', '---',
		'- 第一项。', // a new list item is a new block
		'- 第二项。',
		'  1. 嵌套项。',
		'',
		'| 列 | 说明 |', // table rows
		'| --- | --- |',
		'| 甲 | 中文 |',
		'',
		'控制平面 istiod 监听', // Chinese then Latin: the space is wanted
		'Kubernetes 对象。',
		'',
		'这一行以硬换行结束。  ', // a hard break renders <br>, not a space
		'下一行。',
		'',
		'## 标题？',
		'正文。',
	].join('\n');
	assert.deepEqual(lintChinese(at('zh-cn/kafka/sample.mdx', text)), []);
});

test('flags a known variant of a glossary term in a Chinese page, in prose and diagram labels, naming file and line', () => {
	const text = [
		'---', 'title: x', '---',
		'频繁再均衡会让组停顿。', // 4: the glossary writes 重平衡 and lists 再均衡 as a variant
		'',
		'有几个 broker？', // 6: the glossary writes Broker
		'',
		'```mermaid',
		'flowchart TD',
		'  A["分区、broker"] --> B[重平衡]', // 10: diagram labels are read too
		'```',
		'',
		'消息代理（broker）会返回 “not leader” 错误，见 `broker.id` 和 [Kafka broker docs](https://kafka.apache.org/)。',
		'',
		'```properties',
		'# 再均衡 in a code comment is code, not prose',
		'```',
	].join('\n');
	const problems = lintChinese(at('zh-cn/kafka/sample.mdx', text));
	assert.deepEqual(
		problems.map((p) => p.replace(/ \(.*$/, '')),
		[
			'src/content/docs/zh-cn/kafka/sample.mdx:4: "再均衡" is a variant of the glossary term "重平衡"',
			'src/content/docs/zh-cn/kafka/sample.mdx:6: "broker" is a variant of the glossary term "Broker"',
			'src/content/docs/zh-cn/kafka/sample.mdx:10: "broker" is a variant of the glossary term "Broker"',
		],
	);
	assert.match(problems[0], /src\/data\/glossary\/kafka\/consumers\.yaml\); write "重平衡" as the glossary does\.$/);
});

test('flags an English prose code-block title in a Chinese page, but not file names, commands or product names', () => {
	const block = (title: string) => `\`\`\`yaml title="${title}"\nkey: value\n\`\`\`\n`;
	const names = ['application.yml', 'Dockerfile', 'mongosh', 'POST /connectors', 'KafkaErrorHandlingConfig.java（Spring for Apache Kafka）', 'kafka-topics.sh --describe --topic orders（节选）', '<log.dirs>/orders-0/（节选）', '客户端：application.yml'];
	const english = ['client: application.yml', 'deployment.yaml (excerpt)', 'semantic lock and reread value', 'reviews-route.yaml (ambient, via waypoint)'];
	const text = ['---', 'title: x', '---', ...english.map(block), ...names.map(block)].join('\n');
	const problems = lintChinese(at('zh-cn/kafka/sample.mdx', text));
	assert.deepEqual(
		problems.map((p) => /^(.*?:\d+): the code block title "(.*?)" is English/.exec(p)?.slice(1)),
		english.map((t, i) => [`src/content/docs/zh-cn/kafka/sample.mdx:${4 + 4 * i}`, t]),
	);
});

test('flags Chinese typography: missing spaces, half-width punctuation, bold that will not render', () => {
	const page = at('zh-cn/kafka/sample.mdx', '---\ntitle: x\n---\n使用Kafka的分区,然后**急切（eager）**行为。\n\n`code中文` 和 [链接](/zh-cn/x/) 不算。\n');
	const problems = lintChinese(page).join('\n');
	assert.match(problems, /sample\.mdx:4: put one space between Chinese and Latin text/);
	assert.match(problems, /sample\.mdx:4: use full-width punctuation/);
	assert.match(problems, /sample\.mdx:4: bold that ends in punctuation/);
	assert.doesNotMatch(problems, /:6:/, 'inline code and link targets are not prose');
});

test('reports a page without its twin, in both directions, naming the file to create', () => {
	const files = [join(docs, 'kafka/only-en.mdx'), join(docs, 'zh-cn/kafka/only-zh.mdx'), join(docs, '404.mdx')];
	const problems = missingTwins(files, () => '---\ntitle: x\n---\n').join('\n');
	assert.match(problems, /src\/content\/docs\/kafka\/only-en\.mdx: no Chinese twin; create src\/content\/docs\/zh-cn\/kafka\/only-en\.mdx/);
	assert.match(problems, /src\/content\/docs\/zh-cn\/kafka\/only-zh\.mdx: no English twin; create src\/content\/docs\/kafka\/only-zh\.mdx/);
	assert.doesNotMatch(problems, /404/, 'the bilingual 404 page exists once');
});

test('derives site URL and base path from the environment, for forks too', () => {
	assert.deepEqual(resolveSite({}).base, '/');
	assert.deepEqual(resolveSite({ BASE_PATH: 'handbook' }).base, '/handbook/');
	const fork = resolveSite({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'Alice/interview-notes' });
	assert.deepEqual([fork.site, fork.base], ['https://alice.github.io', '/interview-notes/']);
	const user = resolveSite({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'alice/alice.github.io' });
	assert.deepEqual([user.site, user.base], ['https://alice.github.io', '/']);
	assert.equal(resolveSite({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'a/b', BASE_PATH: '/x/', SITE_URL: 'https://x.dev' }).base, '/x/');
});


test('reports a table whose header row has an empty cell, with file and line, and accepts a named one', () => {
	const table = '\n| | Kafka | RabbitMQ |\n|---|---|---|\n| Model | log | queue |\n';
	const withTable = en.replace('\n## ', `${table}\n## `);
	const line = withTable.split('\n').indexOf('| | Kafka | RabbitMQ |') + 1;
	const problems = lintPage(at('kafka/sample.mdx', withTable));
	assert.equal(problems.length, 1, problems.join('\n'));
	assert.match(problems[0], new RegExp(`kafka/sample\\.mdx:${line}: a table's header row has an empty cell`));
	assert.deepEqual(lintPage(at('kafka/sample.mdx', withTable.replace('| | Kafka', '| Aspect | Kafka'))), []);
});
