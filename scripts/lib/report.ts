/** Shared output for the scripts: a coloured summary, GitHub annotations when run in CI, a non-zero exit code. */
const color = (code: number) => (text: string) => (process.stdout.isTTY ? `\x1b[${code}m${text}\x1b[0m` : text);
export const red = color(31);
export const green = color(32);
export const dim = color(2);

/** Prints problems (`file:line: message`) and returns whether there were none. */
export function report(title: string, problems: string[], hint: string): boolean {
	if (problems.length === 0) {
		console.log(green(`✓ ${title}`));
		return true;
	}
	console.error(red(`✗ ${title}: ${problems.length} problem${problems.length > 1 ? 's' : ''}`));
	for (const p of problems) {
		console.error(`  ${p}`);
		const m = /^([^:\s]+):(\d+)?:?\s*(.*)$/s.exec(p);
		if (process.env.GITHUB_ACTIONS && m) console.log(`::error file=${m[1]}${m[2] ? `,line=${m[2]}` : ''}::${m[3].split('\n')[0]}`);
	}
	console.error(dim(`  hint: ${hint}`));
	return false;
}
