// Java blocks: each becomes one compilation unit (the block as it stands, or its harness with the block inserted at
// `//> snippet`), in its own package so harness class names never collide, and the units of one classpath and Java
// release compile in one javac call with every lint warning as an error.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeBlock } from './code-blocks.ts';
import { classpath, codeDir, findJdks, scratch, sh, type Jdk } from './code-tools.ts';

export interface Unit {
	block: CodeBlock;
	pkg: string;
	className: string;
	profile: 'kafka' | 'spring';
	release: number;
	/** Line in the unit where the block's first line is. */
	offset: number;
}

export const javaOut = join(scratch, 'java-classes');

/** The Java release a page needs: the `Java NN` it names, else 17 (the baseline of Spring Boot 4 and Kafka 4 tools). */
export const releaseOf = (b: CodeBlock) => Number(b.versions.map((v) => /^Java (\d+)/.exec(v)?.[1]).find(Boolean) ?? 17);
export const profileOf = (b: CodeBlock): Unit['profile'] => (b.versions.some((v) => /Spring|Resilience4j/.test(v)) ? 'spring' : 'kafka');

/** Compiles every Java block; returns problems as `file:line: message` and the units (for running them later). */
export function compileJava(blocks: CodeBlock[], log: (s: string) => void): { problems: string[]; units: Unit[]; skipped: CodeBlock[] } {
	const jdks = findJdks();
	const problems: string[] = [];
	const units: Unit[] = [];
	const skipped: CodeBlock[] = [];
	rmSync(javaOut, { recursive: true, force: true });
	const srcDir = join(scratch, 'java-src');
	rmSync(srcDir, { recursive: true, force: true });
	blocks.forEach((block, i) => {
		const pkg = `b${i}_${block.page.replace(/[^a-z0-9]/gi, '_')}`;
		let text = block.code;
		let offset = 1;
		if (block.meta.harness) {
			const file = join(codeDir, 'harness', `${block.meta.harness}.java`);
			if (!existsSync(file)) {
				problems.push(`${block.file}:${block.line}: harness="${block.meta.harness}" but tests/code/harness/${block.meta.harness}.java does not exist`);
				return;
			}
			const lines = readFileSync(file, 'utf8').split('\n');
			offset = lines.findIndex((l) => l.trim() === '//> snippet') + 1;
			lines.splice(offset - 1, 1, block.code);
			text = lines.join('\n');
		}
		// On the first line, so that every line number stays where it was.
		text = `package ${pkg}; ${text}`;
		const className = /public\s+(?:final\s+)?(?:class|interface|record)\s+(\w+)/.exec(text)?.[1] ?? /(?:class|interface|record)\s+(\w+)/.exec(text)?.[1] ?? 'Snippet';
		const unit: Unit = { block, pkg, className, profile: profileOf(block), release: releaseOf(block), offset };
		const jdk = jdks.find((j) => j.major >= unit.release);
		if (!jdk) {
			skipped.push(block);
			return;
		}
		mkdirSync(join(srcDir, pkg), { recursive: true });
		writeFileSync(join(srcDir, pkg, `${className}.java`), text);
		units.push(unit);
	});
	const groups = new Map<string, Unit[]>();
	for (const u of units) groups.set(`${u.profile} ${u.release}`, [...(groups.get(`${u.profile} ${u.release}`) ?? []), u]);
	for (const [key, group] of groups) {
		const [profile, release] = key.split(' ');
		const jdk = jdks.find((j) => j.major >= Number(release)) as Jdk;
		log(`javac ${jdk.major} --release ${release}, ${profile} classpath: ${group.length} blocks`);
		const files = group.map((u) => join(srcDir, u.pkg, `${u.className}.java`));
		const r = sh(join(jdk.home, 'bin', 'javac'), [
			'--release', release, '-Xlint:all', '-Werror', '-proc:none', '-encoding', 'UTF-8', '-Xmaxerrs', '1000',
			'-cp', classpath(profile), '-d', javaOut, ...files,
		]);
		if (r.status === 0) continue;
		const reported = new Set<Unit>();
		const before = problems.length;
		// A diagnostic is its first line plus, for "cannot find symbol", the `symbol:` line javac prints under the caret.
		for (const m of r.out.matchAll(/^(.+?\.java):(\d+): (?:error|warning): (.+)$((?:\n(?!\S+\.java:\d+:).*){0,4})/gm)) {
			const symbol = /^\s*symbol:\s*(.+)$/m.exec(m[4])?.[1];
			const unit = group.find((u) => m[1].endsWith(join(u.pkg, `${u.className}.java`)));
			if (!unit) continue;
			reported.add(unit);
			const n = Number(m[2]);
			const inBlock = n >= unit.offset && n < unit.offset + unit.block.code.split('\n').length;
			const line = inBlock ? unit.block.line + 1 + (n - unit.offset) : unit.block.line;
			const where = inBlock ? '' : ` (harness ${unit.block.meta.harness}.java line ${n})`;
			problems.push(`${unit.block.file}:${line}: javac: ${m[3].replaceAll(`${unit.pkg}.`, '')}${symbol ? ` (${symbol})` : ''}${where}`);
		}
		if (!reported.size) problems.push(`javac failed for ${group.map((u) => `${u.block.file}:${u.block.line}`).join(', ')}:\n${r.out}`);
		// With -Werror javac writes no class when any unit fails: compile the clean ones again, for the Kafka run.
		const clean = group.filter((u) => !reported.has(u));
		if (reported.size && clean.length && problems.length > before)
			sh(join(jdk.home, 'bin', 'javac'), ['--release', release, '-proc:none', '-encoding', 'UTF-8', '-cp', classpath(profile), '-d', javaOut,
				...clean.map((u) => join(srcDir, u.pkg, `${u.className}.java`))]);
	}
	return { problems, units, skipped };
}
