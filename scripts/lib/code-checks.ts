// The non-Java checks of code blocks: Kafka .properties against the ConfigDefs of the jars, Kubernetes / Istio /
// Gateway API manifests, GitHub Actions workflows and Compose files against their schemas (strict), Spring Boot
// application.yml against the configuration metadata of the jars, protobuf with protoc, Python with py_compile (PySpark blocks run in local mode), JSON.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import type { CodeBlock } from './code-blocks.ts';
import { current } from '../../src/data/current.ts';
import { classpath, codeDir, findJdks, goModule, protoc, python, scratch, sh, work } from './code-tools.ts';

export type Checker = (blocks: CodeBlock[]) => string[];
const at = (b: CodeBlock, msg: string, line = b.line) => `${b.file}:${line}: ${msg}`;
const tmpFile = (b: CodeBlock, name: string) => {
	const dir = join(scratch, 'blocks', `${b.page.replace(/\//g, '_')}-${b.line}`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const file = join(dir, name);
	writeFileSync(file, b.code.endsWith('\n') ? b.code : `${b.code}\n`);
	return file;
};

/** Every configuration the Kafka jars define: {producer: {name: {type, default}}, consumer, admin, streams, broker, topic}. */
let configs: Record<string, Record<string, { type: string; default: string | null }>> | undefined;
export function kafkaConfigs() {
	if (configs) return configs;
	const cp = classpath('kafka');
	const out = join(scratch, 'kafka-configs');
	const cache = join(work, 'kafka-configs.json');
	const source = join(codeDir, 'kafka', 'KafkaConfigs.java');
	// The ConfigDefs depend only on the jars (the pom) and the program: reuse the last dump while neither changed.
	if (existsSync(cache) && statSync(cache).mtimeMs > Math.max(statSync(join(codeDir, 'pom.xml')).mtimeMs, statSync(source).mtimeMs))
		return (configs = JSON.parse(readFileSync(cache, 'utf8')));
	let r = sh('javac', ['-d', out, '-cp', cp, '-Xlint:all', '-Werror', join(codeDir, 'kafka', 'KafkaConfigs.java')]);
	if (r.status !== 0) throw new Error(`tests/code/kafka/KafkaConfigs.java does not compile:\n${r.out}`);
	r = sh('java', ['-cp', `${out}:${cp}`, 'KafkaConfigs']);
	if (r.status !== 0) throw new Error(`KafkaConfigs failed:\n${r.out}`);
	const json = r.out.split('\n').find((l) => l.startsWith('{'))!;
	configs = JSON.parse(json);
	writeFileSync(cache, json);
	return configs!;
}

/** Which ConfigDef a .properties block belongs to, from its title. */
const propertiesKind = (b: CodeBlock) =>
	/^producer\.properties/.test(b.meta.title ?? '') ? 'producer'
	: /^consumer\.properties/.test(b.meta.title ?? '') ? 'consumer'
	: /^(server|controller|broker)\.properties/.test(b.meta.title ?? '') ? 'broker'
	: /^topic configuration/.test(b.meta.title ?? '') ? 'topic'
	: undefined;

/**
 * The configuration a key sets: broker keys may carry a listener prefix (`listener.name.<listener>.`, and for JAAS a
 * mechanism, KIP-103) or name a config provider (`config.providers.<name>.class`, KIP-297).
 */
function configName(kind: string, key: string): string {
	if (kind !== 'broker') return key;
	const m = /^listener\.name\.[^.]+\.(.+)$/.exec(key);
	if (m) return /^[a-z0-9-]+\.sasl\.jaas\.config$/i.test(m[1]) ? 'sasl.jaas.config' : m[1];
	if (/^config\.providers\.[^.]+\.(class|param\..+)$/.test(key)) return 'config.providers';
	return key;
}

const valueProblem = (type: string, value: string) =>
	type === 'BOOLEAN' && !/^(true|false)$/i.test(value) ? 'is not a boolean'
	: (type === 'INT' || type === 'LONG' || type === 'SHORT') && !/^-?\d+$/.test(value) ? `is not ${type === 'INT' ? 'an int' : 'a long'}`
	: type === 'DOUBLE' && Number.isNaN(Number(value)) ? 'is not a number'
	: undefined;

/** Kafka .properties: every key is a configuration of that client or broker, every value parses as its type. */
export const checkKafkaProperties: Checker = (blocks) => {
	const defs = kafkaConfigs();
	const problems: string[] = [];
	for (const b of blocks) {
		const kind = propertiesKind(b)!;
		b.code.split('\n').forEach((raw, i) => {
			const line = raw.trim();
			if (!line || /^[#!]/.test(line)) return;
			const m = /^([^=:\s]+)\s*[=:]\s*(.*)$/.exec(line);
			if (!m) return void problems.push(at(b, `not a key=value line: ${line}`, b.line + 1 + i));
			const name = configName(kind, m[1]);
			const def = defs[kind][name] ?? (kind === 'broker' ? defs.authorizer[name] : undefined);
			if (!def) problems.push(at(b, `${m[1]} is not a ${kind} configuration of Kafka ${kafkaVersion()}`, b.line + 1 + i));
			else {
				const p = valueProblem(def.type, m[2]);
				if (p) problems.push(at(b, `${m[1]}=${m[2]}: the value ${p} (type ${def.type})`, b.line + 1 + i));
			}
		});
	}
	return problems;
};

export const kafkaVersion = () => /<kafka.version>([^<]+)</.exec(readFileSync(join(codeDir, 'pom.xml'), 'utf8'))![1];

/** The blocks a properties check applies to. */
export const isKafkaProperties = (b: CodeBlock) => b.lang === 'properties' && propertiesKind(b) !== undefined;

const isManifest = (b: CodeBlock) =>
	b.lang === 'yaml' && (b.meta.harness?.startsWith('k8s-') || parseAllDocuments(b.code).some((d) => (d.toJS() as any)?.apiVersion));
export const isWorkflow = (b: CodeBlock) => b.lang === 'yaml' && /^\.github\/workflows\//.test(b.meta.title ?? '');
export const isCompose = (b: CodeBlock) => b.lang === 'yaml' && /^compose\.ya?ml/.test(b.meta.title ?? '');
export const isSpringYaml = (b: CodeBlock) => b.lang === 'yaml' && /application\.ya?ml/.test(b.meta.title ?? '');
export { isManifest };

/** The CRD files of the Gateway API and Istio versions the pages name, from the projects' Go modules. */
function crdSchemaFiles(): string[] {
	const gw = goModule('sigs.k8s.io/gateway-api', 'v1.6.1');
	const istio = goModule('istio.io/api', 'v1.31.4');
	return [
		...['gateways', 'httproutes', 'gatewayclasses', 'grpcroutes', 'referencegrants', 'backendtlspolicies', 'listenersets'].map(
			(n) => join(gw, 'config', 'crd', 'standard', `gateway.networking.k8s.io_${n}.yaml`),
		),
		join(istio, 'kubernetes', 'customresourcedefinitions.gen.yaml'),
	];
}

/** The block's fields over the harness's, object by object (arrays and scalars from the block). */
const deepMerge = (a: any, b: any): any =>
	a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)
		? Object.fromEntries([...new Set([...Object.keys(a), ...Object.keys(b)])].map((k) => [k, k in b ? deepMerge(a[k], b[k]) : a[k]]))
		: b ?? a;

/**
 * Manifests: Kubernetes 1.37 objects with kubernetes-validate --strict; Gateway API 1.6 and Istio 1.31 objects against
 * their CRDs' openAPIV3Schema, made strict (see tests/code/validate-manifests.py). A fragment names a harness
 * (tests/code/harness/k8s-*.yaml) holding the object around it.
 */
export const checkManifests: Checker = (blocks) => {
	const py = python();
	const inputs = blocks.map((b) => {
		let text = b.code;
		if (b.meta.harness) {
			const harness = parseYaml(readFileSync(join(codeDir, 'harness', `${b.meta.harness}.yaml`), 'utf8'));
			text = JSON.stringify(deepMerge(harness, parseYaml(b.code)));
		}
		const file = tmpFile(b, 'manifest.yaml');
		writeFileSync(file, text);
		return file;
	});
	const r = sh(py, [join(codeDir, 'validate-manifests.py'), '--kubernetes', '1.37.0', '--crds', ...crdSchemaFiles(), '--', ...inputs]);
	const problems: string[] = [];
	for (const m of r.out.matchAll(/^FAIL (\S+) doc (\d+) (.*)$/gm)) {
		const b = blocks[inputs.indexOf(m[1])];
		problems.push(at(b, `manifest ${Number(m[2]) + 1} of the block: ${m[3]}`));
	}
	if (r.status !== 0 && !problems.length) problems.push(`validate-manifests.py failed:\n${r.out}`);
	return problems;
};

/** A SchemaStore schema shipped in check-jsonschema (vendor.github-workflows, vendor.compose-spec). */
const schemaStore = (schema: string): Checker => (blocks) => {
	const py = python();
	const problems: string[] = [];
	for (const b of blocks) {
		const r = sh(py, ['-m', 'check_jsonschema', '--builtin-schema', schema, '-o', 'text', tmpFile(b, 'file.yaml')]);
		if (r.status !== 0) problems.push(at(b, `${schema}: ${r.out.split('\n').filter((l) => /^\s+\S/.test(l) || /error/i.test(l)).slice(0, 6).join(' ').replace(/\s+/g, ' ')}`));
	}
	return problems;
};
export const checkWorkflows = schemaStore('vendor.github-workflows');
export const checkCompose = schemaStore('vendor.compose-spec');

/** protobuf: protoc parses and type-checks the file (descriptor output only). */
export const checkProtobuf: Checker = (blocks) => {
	const exe = protoc();
	return blocks.flatMap((b) => {
		const file = tmpFile(b, b.meta.title?.split(' ')[0] ?? 'file.proto');
		const r = sh(exe, [`--proto_path=${join(file, '..')}`, `--descriptor_set_out=${file}.pb`, file]);
		return r.status === 0 ? [] : r.out.trim().split('\n').map((l) => {
			const m = /:(\d+):\d+: (.*)$/.exec(l);
			return m ? at(b, `protoc: ${m[2]}`, b.line + Number(m[1])) : at(b, `protoc: ${l}`);
		});
	});
};

/** Python: compiled by the venv's interpreter. */
export const checkPython: Checker = (blocks) => {
	const py = python();
	return blocks.flatMap((b) => {
		const file = tmpFile(b, 'snippet.py');
		const r = sh(py, ['-c', 'import sys, py_compile; py_compile.compile(sys.argv[1], doraise=True)', file]);
		const m = /line (\d+)/.exec(r.out);
		return r.status === 0 ? [] : [at(b, `python: ${r.out.trim().split('\n').pop()}`, m ? b.line + Number(m[1]) : b.line)];
	});
};

/** The blocks the PySpark run applies to: Python with a harness="pyspark-…" (tests/code/harness/pyspark-*.py). */
export const isPySpark = (b: CodeBlock) => b.lang === 'python' && /^pyspark-/.test(b.meta.harness ?? '');

/**
 * PySpark (harness="pyspark-…"): every such block runs unchanged in one local Spark session of the version the pages
 * name (`pyspark` in tests/code/requirements.txt, `current.spark` in src/data/current.ts), on data its harness
 * writes, and the harness asserts what the block's comments say (tests/code/pyspark_run.py).
 */
export const checkPySpark: Checker = (blocks) => {
	const py = python();
	const jdk = findJdks().reverse().find((j) => j.major >= 17); // the oldest that Spark 4 supports: its baseline
	if (!jdk) return blocks.map((b) => at(b, 'PySpark needs a JDK 17 or newer; none found on this machine'));
	const files = blocks.map((b) => tmpFile(b, `${b.meta.title?.split(' ')[0] ?? 'snippet.py'}`));
	const dir = join(scratch, 'pyspark');
	const args = blocks.flatMap((b, i) => [b.meta.harness!, files[i]]);
	const r = sh(py, [join(codeDir, 'pyspark_run.py'), dir, ...args], { env: { ...process.env, JAVA_HOME: jdk.home, PYSPARK_PYTHON: py }, timeout: 600_000 });
	const problems: string[] = [];
	const version = /^spark (\S+)$/m.exec(r.out)?.[1];
	if (version !== current.spark.latest)
		problems.push(`src/data/current.ts: the pages name Spark ${current.spark.latest}, but the PySpark check ran ${version ?? 'no Spark'} (tests/code/requirements.txt)`);
	const results = new Map([...r.out.matchAll(/^(OK|FAIL) (\S+) (\S+) ?(.*)$/gm)].map((m) => [m[2], m]));
	blocks.forEach((b, i) => {
		const m = results.get(files[i]);
		if (!m) problems.push(at(b, `PySpark: the block did not run:\n${r.out.slice(-3000)}`));
		// FAIL <file> <line in the block, 0 when the harness's assertion failed> <message>
		else if (m[1] === 'FAIL') problems.push(at(b, `PySpark ${version}: ${m[4]}`, b.line + Number(m[3])));
	});
	return problems;
};

/** JavaScript: parsed by Node (`node --check`, a syntax check only). */
export const checkJavaScript: Checker = (blocks) =>
	blocks.flatMap((b) => {
		const r = sh(process.execPath, ['--check', tmpFile(b, 'snippet.js')]);
		const m = /snippet\.js:(\d+)/.exec(r.out);
		return r.status === 0 ? [] : [at(b, `node --check: ${r.out.split('\n').find((l) => /Error/.test(l)) ?? r.out}`, m ? b.line + Number(m[1]) : b.line)];
	});

/** PostgreSQL (harness="postgresql"): parsed by PostgreSQL's own parser (pglast). */
export const checkPostgres: Checker = (blocks) => {
	const py = python();
	return blocks.flatMap((b) => {
		const r = sh(py, ['-c', 'import sys, pglast; pglast.parse_sql(open(sys.argv[1]).read())', tmpFile(b, 'snippet.sql')]);
		return r.status === 0 ? [] : [at(b, `PostgreSQL parser: ${r.out.trim().split('\n').pop()}`)];
	});
};

/** JSON: parses (a syntax check only). */
export const checkJson: Checker = (blocks) =>
	blocks.flatMap((b) => {
		try {
			JSON.parse(b.code);
			return [];
		} catch (e) {
			return [at(b, `JSON: ${(e as Error).message}`)];
		}
	});

/** Spring Boot application.yml: bound with Spring Boot's Binder, unknown keys failing (tests/code/spring/SpringProperties.java). */
export const checkSpringYaml: Checker = (blocks) => {
	const cp = classpath('spring');
	const out = join(scratch, 'spring-check');
	let r = sh('javac', ['-d', out, '-cp', cp, '-Xlint:all', '-Werror', '-proc:none', join(codeDir, 'spring', 'SpringProperties.java')]);
	if (r.status !== 0) return [`tests/code/spring/SpringProperties.java does not compile:\n${r.out}`];
	const files = blocks.map((b) => tmpFile(b, 'application.yml'));
	r = sh('java', ['-cp', `${out}:${cp}`, 'SpringProperties', ...files]);
	const problems = [...r.out.matchAll(/^FAIL (\S+) (.*)$/gm)].map((m) => at(blocks[files.indexOf(m[1])], `Spring Boot properties: ${m[2]}`));
	if (r.status !== 0 && !problems.length) problems.push(`SpringProperties failed:\n${r.out.slice(-3000)}`);
	return problems;
};
