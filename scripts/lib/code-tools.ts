// The tools the code check runs: JDKs found on the machine, Maven classpaths, a Python venv with the schema
// validators, and the Gateway API / Istio CRDs from their Go modules. Everything downloaded is cached under .tmp/code/.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './pages.ts';

/** Caches shared by every run: Maven classpaths, the venv, Go modules, protoc, the ConfigDef dump. */
export const work = join(root, '.tmp', 'code');
/** This run's own files (sources, classes, the broker's directory), so that runs side by side never collide. */
export const scratch = join(work, `run-${process.pid}`);
export const codeDir = join(root, 'tests', 'code');
mkdirSync(scratch, { recursive: true });
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

export interface Result {
	status: number | null;
	out: string;
}

/** Runs a command to completion, stdout and stderr together, with a time limit (ms). */
export function sh(cmd: string, args: string[], opts: SpawnSyncOptions & { timeout?: number } = {}): Result {
	const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 300_000, ...opts });
	if (r.error && (r.error as any).code !== 'ETIMEDOUT') throw r.error;
	const timedOut = r.signal === 'SIGTERM' && r.status === null ? `\n(timed out after ${(opts.timeout ?? 300_000) / 1000} s)` : '';
	return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}${timedOut}` };
}

export interface Jdk {
	home: string;
	major: number;
}

/** Every JDK (with javac) in JAVA_HOME, /usr/lib/jvm and /opt, newest first. */
export function findJdks(): Jdk[] {
	const homes = new Set<string>();
	if (process.env.JAVA_HOME) homes.add(process.env.JAVA_HOME);
	for (const dir of ['/usr/lib/jvm', '/opt', '/opt/java'])
		if (existsSync(dir)) for (const d of readdirSync(dir)) homes.add(join(dir, d));
	const jdks: Jdk[] = [];
	for (const home of homes) {
		if (!existsSync(join(home, 'bin', 'javac')) || !existsSync(join(home, 'release'))) continue;
		const m = /JAVA_VERSION="(\d+)/.exec(readFileSync(join(home, 'release'), 'utf8'));
		if (m && !jdks.some((j) => statSync(j.home).ino === statSync(home).ino)) jdks.push({ home, major: Number(m[1]) });
	}
	return jdks.sort((a, b) => b.major - a.major);
}

/** The classpath of a profile of tests/code/pom.xml, resolved by Maven once per change of the pom. */
export function classpath(profile: string): string {
	const out = join(work, `cp-${profile}.txt`);
	const pom = join(codeDir, 'pom.xml');
	if (!existsSync(out) || statSync(out).mtimeMs < statSync(pom).mtimeMs) {
		const r = sh('mvn', ['-B', '-q', '-f', pom, '-P', profile, 'dependency:build-classpath', `-Dmdep.outputFile=${out}`], {
			timeout: 900_000,
		});
		if (r.status !== 0) throw new Error(`Maven could not resolve profile ${profile} of tests/code/pom.xml:\n${r.out.slice(-3000)}`);
	}
	return readFileSync(out, 'utf8').trim();
}

/** protoc from Maven Central (com.google.protobuf:protoc), copied into .tmp/code/bin. */
export function protoc(): string {
	const exe = join(work, 'bin', 'protoc');
	if (!existsSync(exe)) {
		const version = /<protoc.version>([^<]+)</.exec(readFileSync(join(codeDir, 'pom.xml'), 'utf8'))![1];
		const r = sh('mvn', ['-B', '-q', '-f', join(codeDir, 'pom.xml'), 'dependency:copy',
			`-Dartifact=com.google.protobuf:protoc:${version}:exe:linux-x86_64`, `-DoutputDirectory=${join(work, 'bin')}`,
			'-Dmdep.stripVersion=true', '-Dmdep.stripClassifier=true']);
		if (r.status !== 0) throw new Error(`Maven could not fetch protoc:\n${r.out.slice(-2000)}`);
		sh('mv', [join(work, 'bin', 'protoc.exe'), exe]);
		sh('chmod', ['+x', exe]);
	}
	return exe;
}

/** A venv with the Python packages of tests/code/requirements.txt (pip's cache under .tmp/code). */
export function python(): string {
	const venv = join(work, 'venv');
	const req = join(codeDir, 'requirements.txt');
	const stamp = join(venv, '.requirements');
	if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== readFileSync(req, 'utf8')) {
		if (!existsSync(join(venv, 'bin', 'python'))) {
			const r = sh('python3', ['-m', 'venv', venv]);
			if (r.status !== 0) throw new Error(`python3 -m venv failed (on Debian: apt-get install python3-venv):\n${r.out}`);
		}
		const r = sh(join(venv, 'bin', 'pip'), ['install', '-q', '--cache-dir', join(work, 'pip-cache'), '-r', req], { timeout: 900_000 });
		if (r.status !== 0) throw new Error(`pip install -r tests/code/requirements.txt failed:\n${r.out.slice(-2000)}`);
		sh('cp', [req, stamp]);
	}
	return join(venv, 'bin', 'python');
}

/** The directory of a Go module (CRDs ship in sigs.k8s.io/gateway-api and istio.io/api), from the module proxy. */
export function goModule(path: string, version: string): string {
	const env = { ...process.env, GOPATH: join(work, 'go'), GOFLAGS: '-modcacherw' };
	const r = sh('go', ['mod', 'download', '-json', `${path}@${version}`], { env, cwd: work });
	const m = /"Dir": "([^"]+)"/.exec(r.out);
	if (r.status !== 0 || !m) throw new Error(`go mod download ${path}@${version} failed:\n${r.out.slice(-2000)}`);
	return m[1];
}
