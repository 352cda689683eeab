// npm run test:code — every fenced code block of the English pages is checked against the real thing (the Chinese
// twin must hold the same code apart from comments): Java compiled against the libraries the pages name, the Kafka
// steps and clients run against a real KRaft broker, manifests and configs validated strictly against their schemas,
// and the Kafka defaults the pages state compared with the ConfigDefs. A block that cannot be checked here is listed
// with its reason in tests/code/not-checkable.yaml. Options: `-- <page files…>` limits the check to those pages
// (the broker runs only if one of them has a run="kafka-…" block).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { extractCodeBlocks, twinDifferences, type CodeBlock } from './lib/code-blocks.ts';
import * as checks from './lib/code-checks.ts';
import { compileJava } from './lib/code-java.ts';
import { runKafka } from './lib/code-kafka.ts';
import { codeDir, findJdks } from './lib/code-tools.ts';
import { checkDefaults, checkProseDefaults } from './lib/kafka-defaults.ts';
import { listPages, rel, root } from './lib/pages.ts';

const red = (s: string) => (process.stdout.isTTY ? `\x1b[31m${s}\x1b[0m` : s);
const green = (s: string) => (process.stdout.isTTY ? `\x1b[32m${s}\x1b[0m` : s);
const log = (s: string) => console.log(`  ${s}`);

interface Unchecked {
	page: string;
	title?: string;
	starts?: string;
	reason: string;
}

/** Which check applies to a block, from its language, title and fence meta. */
function checkerOf(b: CodeBlock): string | undefined {
	if (b.lang === 'java') return 'java';
	if (b.meta.run?.startsWith('kafka-')) return 'kafka-run';
	if (checks.isKafkaProperties(b)) return 'kafka-properties';
	if (checks.isWorkflow(b)) return 'workflow';
	if (checks.isCompose(b)) return 'compose';
	if (checks.isSpringYaml(b)) return 'spring-yaml';
	if (b.lang === 'yaml' && checks.isManifest(b)) return 'manifest';
	if (b.lang === 'protobuf') return 'protobuf';
	if (checks.isPySpark(b)) return 'pyspark';
	if (b.lang === 'python') return 'python';
	if (b.lang === 'json') return 'json';
	if (b.lang === 'javascript') return 'javascript';
	if (b.lang === 'sql' && b.meta.harness === 'postgresql') return 'postgresql';
	return undefined;
}

const matches = (u: Unchecked, b: CodeBlock) =>
	u.page === b.page && (u.title === undefined || u.title === b.meta.title) && (u.starts === undefined || b.code.trimStart().startsWith(u.starts));

async function run() {
	const started = Date.now();
	const only = process.argv.slice(2).map((f) => rel(join(root, f)));
	const files = listPages().filter((f) => !only.length || only.includes(rel(f)));
	const all = files.flatMap((f) => extractCodeBlocks(f));
	const en = all.filter((b) => b.locale === 'en');
	const problems: string[] = [];

	// 1. Twins: the Chinese page has the same blocks, the same code apart from comments, the same harness.
	for (const page of new Set(en.map((b) => b.page)))
		problems.push(...twinDifferences(en.filter((b) => b.page === page), all.filter((b) => b.locale === 'zh-cn' && b.page === page)));

	// 2. Every block is checked or listed as not checkable.
	const listFile = join(codeDir, 'not-checkable.yaml');
	const unchecked: Unchecked[] = parseYaml(readFileSync(listFile, 'utf8')) ?? [];
	const notCheckable: [CodeBlock, string][] = [];
	const byChecker = new Map<string, CodeBlock[]>();
	for (const b of en) {
		const entry = unchecked.find((u) => matches(u, b));
		const checker = checkerOf(b);
		// An entry wins over a check that applies only in part (e.g. producer settings of a third-party serializer).
		if (entry) notCheckable.push([b, entry.reason]);
		else if (!checker)
			problems.push(`${b.file}:${b.line}: no check for this \`${b.lang}\` block: give it a harness (see AUTHORING.md, "Code") or list it in tests/code/not-checkable.yaml with the reason`);
		else byChecker.set(checker, [...(byChecker.get(checker) ?? []), b]);
	}
	if (!only.length)
		for (const u of unchecked)
			if (!en.some((b) => matches(u, b))) problems.push(`tests/code/not-checkable.yaml: the entry for ${u.page} (${u.title ?? u.starts}) matches no block: remove it`);

	// 3. The checks.
	const checked = new Set<CodeBlock>();
	const group = (name: string) => byChecker.get(name) ?? [];
	const runCheck = (name: string, label: string, fn: checks.Checker) => {
		const blocks = group(name);
		if (!blocks.length) return;
		const t = Date.now();
		const found = fn(blocks);
		problems.push(...found);
		for (const b of blocks) if (!found.some((p) => p.startsWith(`${b.file}:`) && Number(p.split(':')[1]) >= b.line && Number(p.split(':')[1]) <= b.line + b.code.split('\n').length)) checked.add(b);
		log(`${label}: ${blocks.length} blocks, ${found.length} problems (${((Date.now() - t) / 1000).toFixed(1)} s)`);
	};
	const jdks = findJdks();
	log(`JDKs found: ${jdks.map((j) => `${j.major} (${j.home})`).join(', ') || 'none'}`);
	const java = compileJava(group('java'), log);
	problems.push(...java.problems);
	for (const u of java.units) if (!java.problems.some((p) => p.startsWith(`${u.block.file}:`))) checked.add(u.block);
	for (const b of java.skipped) {
		notCheckable.push([b, `needs a JDK ${b.versions.find((v) => /^Java/.test(v))} or newer; none found on this machine`]);
		log(`no JDK for ${b.file}:${b.line}: not compiled`);
	}
	runCheck('kafka-properties', 'Kafka .properties against the ConfigDefs', checks.checkKafkaProperties);
	runCheck('spring-yaml', 'Spring Boot application.yml, strict binding', checks.checkSpringYaml);
	runCheck('manifest', 'Kubernetes / Istio / Gateway API manifests, strict', checks.checkManifests);
	runCheck('workflow', 'GitHub Actions workflows (SchemaStore)', checks.checkWorkflows);
	runCheck('compose', 'Compose files (compose-spec)', checks.checkCompose);
	runCheck('protobuf', 'protobuf (protoc)', checks.checkProtobuf);
	runCheck('python', 'Python (py_compile)', checks.checkPython);
	runCheck('pyspark', `PySpark blocks run in local mode`, checks.checkPySpark);
	runCheck('json', 'JSON (syntax)', checks.checkJson);
	runCheck('javascript', 'JavaScript (node --check)', checks.checkJavaScript);
	runCheck('postgresql', 'PostgreSQL (pglast)', checks.checkPostgres);

	const runBlocks = en.filter((b) => b.meta.run?.startsWith('kafka-'));
	if (runBlocks.length) {
		// The broker's own configuration, the distribution's config/server.properties (Apache's download mirrors are not
		// reachable here, so the test carries it): every key a broker configuration of the Kafka version the pom names.
		const props = join(codeDir, 'kafka', 'server.properties');
		const serverProperties: CodeBlock = { file: rel(props), page: rel(props), locale: 'en', line: 0, lang: 'properties', meta: { title: 'server.properties' }, code: readFileSync(props, 'utf8'), versions: [] };
		const found = checks.checkKafkaProperties([serverProperties]);
		problems.push(...found);
		log(`the test broker's server.properties against the broker ConfigDef: ${found.length} problems`);
		const kafka = await runKafka(runBlocks, java.units, log);
		problems.push(...kafka.problems);
		for (const b of kafka.checked) checked.add(b);
		for (const b of group('kafka-run')) if (!kafka.checked.includes(b)) checked.delete(b);
	}

	// 4. The Kafka defaults the pages state (src/data/kafka-defaults.yaml) against the ConfigDefs.
	const defaults = checkDefaults(files);
	problems.push(...defaults.problems);
	log(`Kafka defaults: ${defaults.count} stated defaults compared with Kafka ${checks.kafkaVersion()}, ${defaults.problems.length} problems`);
	// 5. The defaults pages state in prose and tables ("`linger.ms` (default 5 ms)", "（默认 5 分钟）"), read and compared too.
	const prose = checkProseDefaults(files);
	problems.push(...prose.problems, ...prose.unread.map((u) => `${u}: a default this check cannot read; state it as a value with a unit, or use <Default />`));
	log(`Kafka defaults in prose: ${prose.compared} compared with Kafka ${checks.kafkaVersion()}, ${prose.problems.length} contradicted, ${prose.unread.length} not understood`);

	console.log(`\nNot checkable here (tests/code/not-checkable.yaml):`);
	for (const [b, reason] of notCheckable) console.log(`  ${b.file}:${b.line} ${b.lang}${b.meta.title ? ` "${b.meta.title}"` : ''}: ${reason}`);
	if (problems.length) {
		console.log(red(`\n${problems.length} problem(s):`));
		for (const p of problems) {
			console.log(`  ${p}`);
			if (process.env.CI) console.log(`::error file=${p.split(':')[0]},line=${p.split(':')[1]}::${p.split('\n')[0]}`);
		}
	} else console.log(green(`\nAll checked blocks pass (${((Date.now() - started) / 1000).toFixed(0)} s).`));
	console.log(`code blocks: ${checked.size} checked, ${notCheckable.length} not checkable`);
	process.exitCode = problems.length ? 1 : 0;
}

run().catch((e) => {
	console.error(red(String(e?.stack ?? e)));
	process.exitCode = 1;
});
