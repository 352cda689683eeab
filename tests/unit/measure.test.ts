// The rule that turns noisy Lighthouse runs into a verdict (scripts/lib/measure.ts), fed with scripted runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runUntilDecided } from '../../scripts/lib/measure.ts';

/** Runs the rule on a script of outcomes (1 = the run meets every budget); returns what it used and decided. */
async function decide(script: string) {
	let i = 0;
	const { runs, passed } = await runUntilDecided(async () => {
		if (i >= script.length) throw new Error(`asked for run ${i + 1} of a ${script.length}-run script`);
		return script[i++] === '1';
	}, (ok) => ok);
	return `${runs.map(Number).join('')} ${passed ? 'pass' : 'fail'}`;
}

test('two passing runs decide a page; one miss means running until three runs agree, at most five', async () => {
	assert.equal(await decide('11'), '11 pass');
	assert.equal(await decide('0111'), '0111 pass');
	assert.equal(await decide('10011'), '10011 pass');
	assert.equal(await decide('000'), '000 fail');
	assert.equal(await decide('1000'), '1000 fail');
	assert.equal(await decide('01100'), '01100 fail');
	assert.equal(await decide('00111'), '00111 pass');
});

test("the CPU slowdown follows Lighthouse's calibration: 4× at BenchmarkIndex 1,533, less on a slower host, more on a faster one", async () => {
	const { cpuSlowdownFor } = await import('../../scripts/lib/measure.ts');
	assert.equal(cpuSlowdownFor(1533), 4);
	assert.equal(cpuSlowdownFor(1300), 3);
	assert.equal(cpuSlowdownFor(800), 2);
	assert.equal(cpuSlowdownFor(150), 1);
	assert.equal(cpuSlowdownFor(2000), 6);
	assert.equal(cpuSlowdownFor(1050), 2.5);
	assert.ok(cpuSlowdownFor(700) < cpuSlowdownFor(900) && cpuSlowdownFor(900) < cpuSlowdownFor(1400));
	assert.throws(() => cpuSlowdownFor(120), /too slow to emulate/);
	assert.throws(() => cpuSlowdownFor(Number.NaN), /too slow to emulate/);
});

test('main-thread CPU time counts each top-level task once, by its thread time, and its wall time where it has none', async () => {
	const { taskCpuMs } = await import('../../scripts/lib/measure.ts');
	const parse = { event: { dur: 30_000, tdur: 12_000 } };
	const layout = { parent: parse, event: { dur: 20_000, tdur: 8_000 } };
	const untimed = { event: { dur: 2_000 } };
	assert.equal(taskCpuMs([parse, layout, untimed]), 14);
	assert.equal(taskCpuMs([]), 0);
});

test('a Lighthouse run meets the budgets only when every category and all three main-thread numbers are within them', async () => {
	const { meetsBudgets } = await import('../../scripts/lib/measure.ts');
	const budgets = { lighthouse: { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 }, lighthouseTbtMs: 150, lighthouseMainThreadMs: 2500, lighthouseMainThreadCpuMs: 1300 };
	const run = { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100, tbt: 150, mainThread: 2500, mainThreadCpu: 1300 } as never as Parameters<typeof meetsBudgets>[0];
	assert.equal(meetsBudgets(run, budgets), true, 'at each budget');
	assert.equal(meetsBudgets({ ...run, mainThreadCpu: 1301 }, budgets), false, 'CPU time over its budget, wall time within');
	assert.equal(meetsBudgets({ ...run, mainThread: 2501 }, budgets), false);
	assert.equal(meetsBudgets({ ...run, tbt: 151 }, budgets), false);
	assert.equal(meetsBudgets({ ...run, performance: 99 }, budgets), false);
	assert.equal(meetsBudgets({ ...run, accessibility: Number.NaN, seo: Number.NaN }, budgets), true, 'categories a later run does not measure');
	const { lighthouseMainThreadCpuMs: _, ...withoutCpu } = budgets;
	assert.equal(meetsBudgets(run, withoutCpu as never), false, 'a budget missing from the file is a miss');
});

test('the bench refuses a budgets file that lacks a Lighthouse budget, naming the file and the key', async () => {
	const { checkLighthouseBudgets } = await import('../../scripts/lib/measure.ts');
	const file = JSON.parse((await import('node:fs')).readFileSync(new URL('../../bench/budgets.json', import.meta.url), 'utf8'));
	assert.doesNotThrow(() => checkLighthouseBudgets(file));
	const { lighthouseMainThreadCpuMs: _, ...withoutCpu } = file;
	assert.throws(() => checkLighthouseBudgets(withoutCpu), /^Error: bench\/budgets\.json: lighthouseMainThreadCpuMs missing or not a number$/);
	assert.throws(() => checkLighthouseBudgets({ ...file, lighthouseTbtMs: '150', lighthouse: { ...file.lighthouse, seo: undefined } }), /lighthouse\.seo, lighthouseTbtMs missing/);
});
