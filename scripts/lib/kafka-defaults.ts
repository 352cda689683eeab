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

/*
 * Defaults stated in prose. Most pages say a default in a sentence or a table rather than with <Default />:
 * "`fetch.max.wait.ms` (default 500 ms)", "`segment.bytes` (1 GiB by default)", "`acks=all` (the default)",
 * "`max.poll.interval.ms`（默认 5 分钟）", "`auto.create.topics.enable` 默认为 `true`", or a table with a Default
 * column. Each such claim about a configuration Kafka's ConfigDefs know is read, converted to the configuration's own
 * unit, and compared with the default of every ConfigDef that has the name (a client and a broker may differ).
 */
export interface ProseDefault {
	file: string;
	line: number;
	name: string;
	stated: string;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, 一: 1, 两: 2, 二: 2, 三: 3, 五: 5, 七: 7, 十: 10 };
const UNIT_MS: Record<string, number> = { ms: 1, millisecond: 1, milliseconds: 1, 毫秒: 1, s: 1e3, sec: 1e3, secs: 1e3, second: 1e3, seconds: 1e3, 秒: 1e3, min: 6e4, mins: 6e4, minute: 6e4, minutes: 6e4, 分钟: 6e4, h: 36e5, hour: 36e5, hours: 36e5, 小时: 36e5, d: 864e5, day: 864e5, days: 864e5, 天: 864e5 };
const UNIT_BYTES: Record<string, number> = { b: 1, byte: 1, bytes: 1, 字节: 1, kb: 1024, kib: 1024, mb: 1048576, mib: 1048576, gb: 1073741824, gib: 1073741824 };
const UNLIMITED = /^(unlimited|unbounded|no limit|no practical limit|不限|无限|无限制|无上限|不限制|实际上不限)$/i;
const EMPTY = /^(empty|not set|unset|空|为空|未设置|不设置)$/i;
/** Marked-up defaults (<Default />) are checked by checkDefaults; in prose they become this token and are skipped. */
const MARKED = '\u27e8Default\u27e9';

/** The unit a configuration's value is counted in, from its name (Kafka's naming convention). */
function unitOf(name: string): { per: Record<string, number>; base: number } | undefined {
	if (/\.ms$/.test(name)) return { per: UNIT_MS, base: 1 };
	if (/\.minutes$/.test(name)) return { per: UNIT_MS, base: 6e4 };
	if (/\.hours$/.test(name)) return { per: UNIT_MS, base: 36e5 };
	if (/(bytes|\.size|memory)$/.test(name)) return { per: UNIT_BYTES, base: 1 };
	return undefined;
}

/**
 * Whether a stated default agrees with Kafka's (as the ConfigDef prints it), or undefined when the statement is not a
 * value this reader understands.
 */
export function agrees(name: string, stated: string, actual: string | null): boolean | undefined {
	const s = stated.replace(/`/g, '').replace(/\s+/g, ' ').trim().replace(/^(\S+?)[,，]\s*(?:off|disabled|关闭)$/i, '$1');
	const unit = unitOf(name);
	// The group coordinator's assignors are a list whose first entry is the default one (GroupCoordinatorConfig's doc).
	if (/\.assignors$/.test(name) && actual?.includes(',') && !s.includes(',')) return s.toLowerCase() === actual.split(',')[0].trim().toLowerCase();
	// Unlimited: no value, -1, or the largest int or long (max.decompressed.message.bytes uses Integer.MAX_VALUE - 8).
	if (UNLIMITED.test(s)) return actual === null || actual === '-1' || Number(actual) >= 2147483639;
	if (/^Integer\.MAX_VALUE$/.test(s)) return actual === '2147483647';
	if (/^Long\.MAX_VALUE$/.test(s)) return actual === '9223372036854775807';
	if (EMPTY.test(s)) return actual === null || actual === '';
	const num = /^(-?\d[\d,_]*(?:\.\d+)?|[a-z]+|[一两二三五七十])\s*([a-zA-Z\u4e00-\u9fff]+)?$/i.exec(s);
	if (num) {
		const n = /^-?\d/.test(num[1]) ? Number(num[1].replace(/[,_]/g, '')) : NUMBER_WORDS[num[1].toLowerCase()];
		const u = num[2]?.toLowerCase();
		if (n !== undefined && Number.isFinite(n)) {
			if (actual === null || !/^-?\d+(\.\d+)?$/.test(actual)) return false;
			if (u === undefined || ['条', '个', 'record', 'records', 'thread', 'threads'].includes(u)) return n === Number(actual);
			if (!unit || unit.per[u] === undefined) return undefined;
			return n * unit.per[u] === Number(actual) * unit.base;
		}
	}
	if (/^[\w.\-]+$/.test(s)) return actual !== null && s.toLowerCase() === actual.toLowerCase();
	// A list: "TLSv1.2 and TLSv1.3", "TLSv1.2、TLSv1.3".
	const items = s.split(/\s*(?:,|、|，| and |和)\s*/).filter(Boolean);
	if (items.length > 1 && items.every((i) => /^[\w.\-]+$/.test(i)))
		return actual !== null && [...items].sort().join(',').toLowerCase() === actual.split(',').map((a) => a.trim()).sort().join(',').toLowerCase();
	return undefined;
}

const CLAIMS: RegExp[] = [
	// `name` (default 500 ms) · `name`, default 5 s · `name` (the default is 3)
	/^\s*[(,]\s*(?:the\s+)?default(?:\s+is)?:?\s+(.+?)\s*(?:[);,]|\.\s|\.$|$|\s+(?:since|before|until|in|under|on|for|with|when)\b)/,
	// `name` (1 GiB by default) · `name`, 5 by default
	/^\s*[(,]\s*([^()]+?),?\s+by default\b/,
	// `name` defaults to 7 days · `name` defaults to `true`
	/^\s+defaults to\s+(.+?)\s*(?:[);,(]|\.\s|\.$|$|\s+(?:since|before|until|in|under|on|for|with|when)\b)/,
	// `name`（默认 5 分钟）· `name`，默认 45 秒 · `name`（默认值为 3）
	/^\s*[（(，,]\s*默认(?:值)?(?:为|是)?\s*(.+?)\s*(?:[）)，,；;。]|$)/,
	// `name` 默认为 `true` · `name` 默认是 7 天
	/^\s*默认(?:值)?(?:为|是)\s*(.+?)\s*(?:[）)，,；;。（(]|$)/,
];
/** A default that holds only under a condition ("100 ms by default under exactly-once") is not the ConfigDef's. */
const CONDITION = /^\s*(?:under|when|with|if|for|in|on)\b|^\s*(?:在|当|启用|开启)/;
// `name=value` (the default) · `name=value`（默认）· `name=value`, the default,
const EQUALS_DEFAULT = /^\s*(?:[(（]\s*(?:the\s+)?default\s*[)）]|,\s*the default\b|[(（]\s*默认(?:值)?\s*[)）]|，?\s*(?:这是|即)?默认值?[，,。；;]|\s*是默认值)/;

/** Every default a page states in prose or in a table with a Default column, for configurations Kafka knows. */
export function proseDefaults(file: string, text: string, known: (name: string) => boolean): ProseDefault[] {
	const page = parsePage(file, text);
	const lines = page.body.split('\n');
	const out: ProseDefault[] = [];
	let fence: string | undefined;
	let defaultColumn = -1;
	for (const [i, raw] of lines.entries()) {
		const line = page.bodyLine + i;
		const f = /^\s*(```+|~~~+)/.exec(raw);
		if (f) {
			if (!fence) fence = f[1];
			else if (raw.trim().startsWith(fence)) fence = undefined;
			continue;
		}
		if (fence) continue;
		const text = raw.replace(/<Default [^>]*\/>/g, MARKED);
		if (/^\s*\|/.test(text)) {
			const cells = text.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((c) => c.trim());
			const header = cells.findIndex((c) => /^(default|default value|默认值?|默认)$/i.test(c));
			if (header >= 0) {
				defaultColumn = header;
				continue;
			}
			if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
			if (defaultColumn >= 0 && cells[defaultColumn] !== undefined) {
				// The setting is named in the first cell left of the Default column that names one (not in the notes after it).
				const namesIn = (c: string) => [...c.matchAll(/`([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*)`/g)].map((m) => m[1]).filter(known);
				const names = cells.slice(0, defaultColumn).map(namesIn).find((n) => n.length) ?? [];
				const values = cells[defaultColumn].split(/\s+\/\s+/);
				if (names.length && cells[defaultColumn] && !cells[defaultColumn].includes(MARKED) && names.length === values.length)
					names.forEach((name, k) => out.push({ file: rel(file), line, name, stated: values[k].replace(/\s*[(（].*$/, '') }));
			}
			continue;
		}
		defaultColumn = -1;
		for (const m of text.matchAll(/`([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*)(?:=([^`\s]+))?`/g)) {
			const [, name, value] = m;
			if (!known(name)) continue;
			const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 80);
			if (value !== undefined) {
				if (EQUALS_DEFAULT.test(after)) out.push({ file: rel(file), line, name, stated: value });
				continue;
			}
			for (const re of CLAIMS) {
				const c = re.exec(after);
				const rest = c && c[0].slice(c[0].lastIndexOf(c[1]) + c[1].length).replace(/^[\s)）]*by default\b/, '') + after.slice(c.index + c[0].length);
				if (c && !c[1].includes(MARKED) && !CONDITION.test(rest!)) {
					out.push({ file: rel(file), line, name, stated: c[1].replace(/^(?:the|a)\s+/i, '').trim() });
					break;
				}
			}
		}
	}
	return out;
}

/** Compares every default stated in prose with Kafka's ConfigDefs: contradictions are problems; unread ones are listed. */
export function checkProseDefaults(files: string[], defs: Record<string, Record<string, { default: string | null }>> = kafkaConfigs()) {
	const defaultsOf = (name: string) => Object.values(defs).flatMap((c) => (c[name] ? [c[name].default] : []));
	const known = (name: string) => defaultsOf(name).length > 0;
	const problems: string[] = [];
	const unread: string[] = [];
	let compared = 0;
	for (const file of files)
		for (const d of proseDefaults(file, readFileSync(file, 'utf8'), known)) {
			const actual = defaultsOf(d.name);
			const verdicts = actual.map((a) => agrees(d.name, d.stated, a));
			if (verdicts.includes(true)) compared++;
			else if (verdicts.includes(false) && !verdicts.includes(undefined)) {
				compared++;
				problems.push(`${d.file}:${d.line}: \`${d.name}\` is stated to default to "${d.stated}", but Kafka ${kafkaVersion()}'s default is ${actual.map((a) => `"${a}"`).join(' or ')}`);
			} else unread.push(`${d.file}:${d.line}: \`${d.name}\` default "${d.stated}"`);
		}
	return { problems, compared, unread };
}
