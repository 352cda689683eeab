// The Kafka defaults the pages state (<Default config="…" name="…" /> → src/data/kafka-defaults.yaml) compared with
// the ConfigDefs of the Kafka jars the code check resolves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { kafkaConfigs, kafkaVersion } from './code-checks.ts';
import { parsePage, rel, root } from './pages.ts';

export const defaultsFile = join(root, 'src', 'data', 'kafka-defaults.yaml');
const parser = unified().use(remarkParse).use(remarkMdx);

/** Every <Default /> of the given pages, with its line. */
export function defaultsUsed(files: string[]) {
	const used: { file: string; line: number; config: string; name: string }[] = [];
	for (const file of files) {
		const page = parsePage(file, readFileSync(file, 'utf8'));
		visit(parser.parse(page.body), (node: any) => {
			if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'Default') {
				const attr = (n: string) => node.attributes.find((a: any) => a.name === n)?.value;
				used.push({ file: rel(file), line: page.bodyLine + node.position.start.line - 1, config: attr('config'), name: attr('name') });
			}
		});
	}
	return used;
}

export function checkDefaults(files: string[]): { problems: string[]; count: number } {
	const stated = parseYaml(readFileSync(defaultsFile, 'utf8')) as Record<string, any>;
	const defs = kafkaConfigs();
	const problems: string[] = [];
	const where = (key: string) => {
		const n = readFileSync(defaultsFile, 'utf8').split('\n').findIndex((l) => l.trim().startsWith(`${key}:`));
		return `src/data/kafka-defaults.yaml:${n + 1}`;
	};
	if (!kafkaVersion().startsWith(`${stated.kafka}.`))
		problems.push(`src/data/kafka-defaults.yaml: states the defaults of Kafka ${stated.kafka}, but tests/code/pom.xml checks against ${kafkaVersion()}`);
	let count = 0;
	for (const [config, entries] of Object.entries(stated)) {
		if (config === 'kafka') continue;
		for (const [name, value] of Object.entries(entries as Record<string, unknown>)) {
			count++;
			const def = defs[config]?.[name];
			if (!def) problems.push(`${where(name)}: ${config}.${name} is not a ${config} configuration of Kafka ${kafkaVersion()}`);
			else if (def.default !== String(value))
				problems.push(`${where(name)}: ${config}.${name} is stated as "${value}", but Kafka ${kafkaVersion()}'s default is "${def.default}"`);
		}
	}
	for (const u of defaultsUsed(files))
		if (stated[u.config]?.[u.name] === undefined)
			problems.push(`${u.file}:${u.line}: <Default config="${u.config}" name="${u.name}" /> is not in src/data/kafka-defaults.yaml`);
	return { problems, count };
}
