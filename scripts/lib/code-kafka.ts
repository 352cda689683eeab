// A real Apache Kafka broker for the code check. The Kafka pages' tarball steps run unchanged against a release-shaped
// directory whose bin/*.sh start the same main classes as the distribution's scripts, with the jars Maven resolved
// for the version in tests/code/pom.xml; the producer, consumer and transaction blocks then run against that broker.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeBlock } from './code-blocks.ts';
import { kafkaVersion } from './code-checks.ts';
import { javaOut, type Unit } from './code-java.ts';
import { classpath, codeDir, findJdks, scratch, sh } from './code-tools.ts';

/** The main class each script of the distribution's bin/ runs (bin/<script> → kafka-run-class.sh <class>). */
export const kafkaScripts: Record<string, string> = {
	'kafka-storage.sh': 'kafka.tools.StorageTool',
	'kafka-server-start.sh': 'kafka.Kafka',
	'kafka-topics.sh': 'org.apache.kafka.tools.TopicCommand',
	'kafka-console-producer.sh': 'org.apache.kafka.tools.ConsoleProducer',
	'kafka-console-consumer.sh': 'org.apache.kafka.tools.consumer.ConsoleConsumer',
	'kafka-metadata-quorum.sh': 'org.apache.kafka.tools.MetadataQuorumCommand',
	'kafka-consumer-groups.sh': 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
	'kafka-configs.sh': 'org.apache.kafka.tools.ConfigCommand',
	'kafka-leader-election.sh': 'org.apache.kafka.tools.LeaderElectionCommand',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const portOpen = (port: number) =>
	new Promise<boolean>((resolve) => {
		const s = connect({ host: '127.0.0.1', port }, () => (s.destroy(), resolve(true)));
		s.on('error', () => resolve(false));
	});

/** Spawns a command in its own process group, collecting its output. */
function start(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
	const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
	const out = { text: '' };
	child.stdout!.on('data', (d) => (out.text += d));
	child.stderr!.on('data', (d) => (out.text += d));
	const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
	return { child, out, exited };
}

async function stop(child: ChildProcess, exited: Promise<number | null>, graceMs: number): Promise<boolean> {
	try {
		process.kill(-child.pid!, 'SIGTERM');
	} catch {
		return true; // already gone
	}
	const done = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
	if (!done) process.kill(-child.pid!, 'SIGKILL');
	return done;
}

async function until(what: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
	for (const end = Date.now() + ms; Date.now() < end; await sleep(250)) if (await what()) return true;
	return false;
}

export interface KafkaRun {
	problems: string[];
	checked: CodeBlock[];
	timings: Record<string, number>;
}

/**
 * Runs the blocks marked run="kafka-…" against a fresh single-node KRaft broker. `blocks` are all blocks with a `run`
 * meta; `units` the compiled Java blocks.
 */
export async function runKafka(blocks: CodeBlock[], units: Unit[], log: (s: string) => void): Promise<KafkaRun> {
	const problems: string[] = [];
	const checked: CodeBlock[] = [];
	const timings: Record<string, number> = {};
	const find = (run: string) => blocks.find((b) => b.meta.run === run);
	const tarball = find('kafka-tarball');
	const quickstart = find('kafka-quickstart');
	if (!tarball) return { problems: ['no block has run="kafka-tarball": the broker steps of kafka/local-setup are not annotated'], checked, timings };

	const cp = classpath('kafka');
	const java = join(findJdks().find((j) => j.major >= 17)!.home, 'bin', 'java');
	const dir = join(scratch, 'kafka');
	rmSync(dir, { recursive: true, force: true });
	const release = `kafka_2.13-${kafkaVersion()}`;
	mkdirSync(join(dir, release, 'bin'), { recursive: true });
	mkdirSync(join(dir, release, 'config'), { recursive: true });
	for (const [script, main] of Object.entries(kafkaScripts)) {
		// The console consumer never ends by itself; the reader stops it with Ctrl-C, the test with --timeout-ms.
		const extra = script === 'kafka-console-consumer.sh' ? ' ${KAFKA_TEST_CONSUMER_TIMEOUT_MS:+--timeout-ms $KAFKA_TEST_CONSUMER_TIMEOUT_MS}' : '';
		// C1 only and the serial collector: the tools start in about half the time on a small machine.
		const flags = script === 'kafka-server-start.sh' ? '-Xmx1g' : '-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC';
		writeFileSync(join(dir, release, 'bin', script), `#!/usr/bin/env bash\nexec "${java}" ${flags} -cp "${cp}" ${main} "$@"${extra}\n`);
		chmodSync(join(dir, release, 'bin', script), 0o755);
	}
	const props = readFileSync(join(codeDir, 'kafka', 'server.properties'), 'utf8').replace(/^log\.dirs=.*$/m, `log.dirs=${join(dir, 'data')}`);
	writeFileSync(join(dir, release, 'config', 'server.properties'), props);
	sh('tar', ['-czf', `${release}.tgz`, release], { cwd: dir });
	rmSync(join(dir, release), { recursive: true });

	// The pages' clients connect to localhost:9092, so one broker at a time: wait for another run's broker to stop.
	// Port 9092 belongs to the machine, so the lock does too (any checkout of the handbook on it).
	const lock = join(tmpdir(), 'handbook-code-check-kafka.lock');
	const held = () => {
		try {
			process.kill(Number(readFileSync(lock, 'utf8')), 0);
			return true;
		} catch {
			return false;
		}
	};
	if (held()) log('another code check is using the broker port; waiting (at most 10 min)');
	await until(() => !held(), 600_000);
	writeFileSync(lock, String(process.pid));
	process.on('exit', () => held() && readFileSync(lock, 'utf8') === String(process.pid) && rmSync(lock, { force: true }));
	if (!(await until(async () => !(await portOpen(9092)), 120_000)))
		return { problems: ['port 9092 is already in use: stop the Kafka running there and run the check again'], checked, timings };
	const t0 = Date.now();
	const broker = start('bash', ['-e', '-c', tarball.code], dir);
	const up = await until(async () => broker.child.exitCode === null && (await portOpen(9092)), 120_000);
	timings.brokerStart = Date.now() - t0;
	if (!up) {
		problems.push(`${tarball.file}:${tarball.line}: the broker did not start within 120 s:\n${broker.out.text.slice(-3000)}`);
		await stop(broker.child, broker.exited, 5000);
		return { problems, checked, timings };
	}
	log(`broker up in ${(timings.brokerStart / 1000).toFixed(1)} s (format + start, ${release})`);
	checked.push(tarball);
	const cwd = join(dir, release);
	try {
		if (quickstart) {
			const r = sh('bash', ['-e', '-c', quickstart.code], {
				cwd, input: 'first event\nsecond event\n', timeout: 180_000,
				env: { ...process.env, KAFKA_TEST_CONSUMER_TIMEOUT_MS: '30000' },
			});
			const expect: [RegExp, string][] = [
				[/Created topic quickstart-events/, 'kafka-topics.sh --create did not create the topic'],
				[/Topic: quickstart-events/, 'kafka-topics.sh --describe did not describe the topic'],
				[/^first event$[\s\S]*^second event$/m, 'the console consumer did not read back the two lines the console producer wrote'],
				[/LeaderId:\s+1/, 'kafka-metadata-quorum.sh describe --status did not show node 1 as the leader'],
			];
			const missing = expect.filter(([re]) => !re.test(r.out)).map(([, msg]) => msg);
			if (missing.length) problems.push(`${quickstart.file}:${quickstart.line}: ${missing.join('; ')}:\n${r.out.slice(-3000)}`);
			else checked.push(quickstart);
		}
		const classes = `${javaOut}:${cp}`;
		const unitOf = (run: string) => units.find((u) => u.block.meta.run === run);
		const produce = unitOf('kafka-produce');
		const consume = unitOf('kafka-consume');
		// The consumer starts from the end of the topic (auto.offset.reset=latest), so it runs first and the producer
		// writes until the consumer prints a record (a new consumer's first assignment takes a few seconds).
		const c = consume && start(java, ['-cp', classes, `${consume.pkg}.${consume.className}`], cwd);
		if (produce) {
			const deadline = Date.now() + 120_000;
			do {
				const r = sh(java, ['-cp', classes, `${produce.pkg}.${produce.className}`], { timeout: 120_000 });
				if (!/written to orders-\d+ at offset \d+/.test(r.out) || r.status !== 0) {
					problems.push(`${produce.block.file}:${produce.block.line}: ${produce.className} did not write its record (exit ${r.status}):\n${r.out.slice(-2000)}`);
					break;
				}
				if (!c || (await until(() => /orders-\d+@\d+ \{"status":"PAID"\}/.test(c.out.text), 5_000))) break;
			} while (Date.now() < deadline);
		}
		if (consume && c) {
			const got = /orders-\d+@\d+ \{"status":"PAID"\}/.test(c.out.text);
			const stopped = await stop(c.child, c.exited, 20_000);
			if (!got) problems.push(`${consume.block.file}:${consume.block.line}: ${consume.className} did not print the record ${produce?.className ?? 'the producer'} wrote:\n${c.out.text.slice(-2000)}`);
			if (!stopped) problems.push(`${consume.block.file}:${consume.block.line}: ${consume.className} did not exit within 20 s of SIGTERM (its shutdown hook should wake the consumer)`);
		}
		const eos = unitOf('kafka-transactions');
		const scenarios = join(scratch, 'kafka-scenarios');
		let r = sh('javac', ['-d', scenarios, '-cp', classes, '-Xlint:all', '-Werror', join(codeDir, 'kafka', 'KafkaScenarios.java')]);
		if (r.status === 0) r = sh(java, ['-cp', `${scenarios}:${classes}`, 'KafkaScenarios', eos ? `${eos.pkg}.${eos.className}` : ''], { timeout: 180_000 });
		for (const m of r.out.matchAll(/^FAIL (.*)$/gm)) problems.push(`${eos?.block.file ?? 'tests/code/kafka/KafkaScenarios.java'}:${eos?.block.line ?? 1}: ${m[1]}`);
		for (const m of r.out.matchAll(/^OK (.*)$/gm)) log(`  ✓ ${m[1]}`);
		if (r.status !== 0 && !/^FAIL /m.test(r.out)) problems.push(`tests/code/kafka/KafkaScenarios.java failed:\n${r.out.slice(-3000)}`);
		// Tool commands (run="kafka-tools") run as they stand, after the clients above created `orders`.
		for (const b of blocks.filter((x) => x.meta.run === 'kafka-tools')) {
			const r = sh('bash', ['-e', '-c', b.code], { cwd, timeout: 120_000 });
			if (r.status !== 0) problems.push(`${b.file}:${b.line}: the commands failed (exit ${r.status}):\n${r.out.slice(-2000)}`);
			else checked.push(b);
		}
	} finally {
		const t1 = Date.now();
		const clean = await stop(broker.child, broker.exited, 30_000);
		timings.brokerStop = Date.now() - t1;
		if (!clean) problems.push(`${tarball.file}:${tarball.line}: the broker did not stop within 30 s of SIGTERM`);
		log(`broker stopped in ${(timings.brokerStop / 1000).toFixed(1)} s`);
	}
	return { problems, checked, timings };
}
