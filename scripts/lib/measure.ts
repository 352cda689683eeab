import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from './chromium.ts';
import { root } from './diagrams.ts';

export interface PageWeight {
	path: string;
	requests: number;
	raw: Record<Kind, number>;
	gzip: Record<Kind, number>;
	totalRaw: number;
	totalGzip: number;
	/** Bytes of JavaScript whose source mentions Mermaid: what diagrams would cost if they were drawn in the browser. */
	diagramJs: number;
	diagrams: number;
}
type Kind = 'html' | 'css' | 'js' | 'font' | 'image' | 'other';
const kinds: Kind[] = ['html', 'css', 'js', 'font', 'image', 'other'];
const kindOf = (type: string, url: string): Kind =>
	type === 'document'
		? 'html'
		: type === 'stylesheet'
			? 'css'
			: type === 'script'
				? 'js'
				: type === 'font'
					? 'font'
					: type === 'image' || /\.(svg|png|jpe?g|webp|avif|ico)$/.test(url)
						? 'image'
						: 'other';
const zero = () => Object.fromEntries(kinds.map((k) => [k, 0])) as Record<Kind, number>;

export async function launch(): Promise<Browser> {
	return chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
}

/** A build of the site with its wall time and the diagram line of its log. */
export function timedBuild(label: string, env: Record<string, string>, args: string[] = [], cwd = root) {
	const start = performance.now();
	const r = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...args], {
		cwd,
		encoding: 'utf8',
		env: { ...process.env, ...env },
		maxBuffer: 64 * 1024 * 1024,
	});
	const seconds = (performance.now() - start) / 1000;
	if (r.status !== 0) throw new Error(`${label} failed:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
	const diagrams = /diagrams: (\d+)\/(\d+) rendered, (\d+) reused/.exec(r.stdout);
	const pages = Number(/(\d+) page\(s\) built/.exec(r.stdout)?.[1] ?? 0);
	return { label, seconds, pages, rendered: Number(diagrams?.[1] ?? 0), reused: Number(diagrams?.[3] ?? 0) };
}

/**
 * First-load transfer of one page in a fresh browser context (empty cache), after the network goes quiet, so what
 * the page loads when idle (Starlight's search UI) counts too. Sizes are what crossed the wire (gzip) and decoded.
 */
export async function pageWeight(browser: Browser, origin: string, path: string): Promise<PageWeight> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	const responses: import('playwright-core').Response[] = [];
	page.on('response', (r) => responses.push(r));
	await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
	await page.waitForTimeout(300);
	const raw = zero();
	const gzip = zero();
	let diagramJs = 0;
	for (const r of responses) {
		const kind = kindOf(r.request().resourceType(), r.url());
		const body = await r.body().catch(() => Buffer.alloc(0));
		const sizes = await r.request().sizes();
		raw[kind] += body.length;
		gzip[kind] += sizes.responseBodySize + sizes.responseHeadersSize;
		if (kind === 'js' && /mermaid/i.test(body.toString())) diagramJs += sizes.responseBodySize;
	}
	const diagrams = await page.locator('figure.diagram').count();
	await context.close();
	const sum = (o: Record<Kind, number>) => Object.values(o).reduce((a, b) => a + b, 0);
	return { path, requests: responses.length, raw, gzip, totalRaw: sum(raw), totalGzip: sum(gzip), diagramJs, diagrams };
}

/** Bytes fetched from /pagefind/ and the time until the first result shows, for a first query in a fresh context. */
export async function searchCost(browser: Browser, origin: string, home: string, query: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`${origin}${home}`, { waitUntil: 'networkidle' });
	const fetched: import('playwright-core').Request[] = [];
	page.on('requestfinished', (r) => fetched.push(r));
	await page.keyboard.press('Control+k');
	await page.locator('#starlight__search input').waitFor();
	const start = performance.now();
	await page.locator('#starlight__search input').fill(query);
	await page.locator('.pagefind-ui__result').first().waitFor();
	const ms = performance.now() - start;
	// Pagefind's UI fetches each shown result's fragment after drawing a placeholder; count them all.
	await page.locator('#starlight__search .pagefind-ui__loading').first().waitFor({ state: 'detached' });
	await page.waitForLoadState('networkidle');
	let bytes = 0;
	for (const r of fetched) if (r.url().includes('/pagefind/')) bytes += (await r.sizes()).responseBodySize;
	await context.close();
	return { query, bytes, ms: Math.round(ms) };
}

/** The middle value (the mean of the two middle values for an even count). */
export const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export interface LighthouseScores {
	path: string;
	performance: number;
	accessibility: number;
	'best-practices': number;
	seo: number;
	fcp: number;
	si: number;
	lcp: number;
	tbt: number;
	cls: number;
	/** The performance metrics that scored under 1, with their scores ("si 0.93"): what a run under 100 lost points on. */
	lost: string;
	/** Main-thread work during load (Lighthouse's mainthread-work-breakdown, simulated slow phone), ms. */
	mainThread: number;
	/**
	 * The same tasks counted in CPU time instead of wall time, times the same slowdown (its own budget,
	 * lighthouseMainThreadCpuMs): the work on the page's main thread without the time it waited for a core or for the
	 * browser process.
	 */
	mainThreadCpu: number;
	/** This machine's Lighthouse BenchmarkIndex just before the run (median of three), as Lighthouse measured it at the start of the run, and just after it. */
	benchmarkIndex: number;
	duringRun: number;
	afterRun: number;
	/** The CPU slowdown the run used, calibrated from benchmarkIndex (cpuSlowdownFor). */
	cpuSlowdown: number;
	/** Runs made until the host held its speed (at most three). */
	attempts: number;
}

/** The four Lighthouse categories, each with a score budget. */
export const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** The Lighthouse part of bench/budgets.json. */
export interface LighthouseBudgets {
	lighthouse: Record<(typeof categories)[number], number>;
	lighthouseTbtMs: number;
	lighthouseMainThreadMs: number;
	lighthouseMainThreadCpuMs: number;
}

/**
 * Whether one Lighthouse run meets the budgets: every category scores its budget and the main thread stays within its
 * own (total blocking time; main-thread work as Lighthouse counts it, wall time; the same tasks in CPU time), measured
 * before rounding. Accessibility, best practices and SEO are scored on the first run of a page (they do not change
 * between runs of the same page); later runs measure performance only and leave them NaN (not measured). A budget
 * missing from the file is a miss, not a pass.
 */
export function meetsBudgets(run: LighthouseScores, budgets: LighthouseBudgets): boolean {
	return (
		categories.every((c) => Number.isNaN(run[c]) || run[c] >= budgets.lighthouse[c]) &&
		run.tbt <= budgets.lighthouseTbtMs &&
		run.mainThread <= budgets.lighthouseMainThreadMs &&
		run.mainThreadCpu <= budgets.lighthouseMainThreadCpuMs
	);
}

/** Throws, naming the file and the key, when bench/budgets.json lacks a Lighthouse budget or gives one as a non-number. */
export function checkLighthouseBudgets(budgets: LighthouseBudgets): void {
	const missing = [
		...categories.filter((c) => typeof budgets.lighthouse?.[c] !== 'number').map((c) => `lighthouse.${c}`),
		...(['lighthouseTbtMs', 'lighthouseMainThreadMs', 'lighthouseMainThreadCpuMs'] as const).filter((k) => typeof budgets[k] !== 'number'),
	];
	if (missing.length) throw new Error(`bench/budgets.json: ${missing.join(', ')} missing or not a number`);
}

/**
 * Repeats a noisy measurement until its verdict is decided. Two runs that both pass decide it; otherwise it runs until
 * three runs agree, at most five, and that majority is the verdict (the median of five, stopped once it is known).
 */
export async function runUntilDecided<T>(measure: () => Promise<T>, passes: (run: T) => boolean): Promise<{ runs: T[]; passed: boolean }> {
	const runs = [await measure(), await measure()];
	const count = (ok: boolean) => runs.filter((r) => passes(r) === ok).length;
	if (count(true) === 2) return { runs, passed: true };
	while (count(true) < 3 && count(false) < 3) runs.push(await measure());
	return { runs, passed: count(true) >= 3 };
}

/**
 * The CPU slowdown that makes this machine emulate Lighthouse's target phone. Lighthouse's default 4× assumes a
 * high-end desktop host (BenchmarkIndex about 1,500); on a slower host the same 4× emulates a slower phone, so one page
 * scored 100 on one machine and 82 on the next. Lighthouse's throttling guide ("Calibrating the CPU slowdown",
 * docs/throttling.md) says to calibrate from the BenchmarkIndex; this is the formula of the calculator it links
 * (lighthouse-cpu-throttling-calculator): 1,533 → 4×, 1,300 → 3×, 800 → 2×, 150 → 1×. A faster host gets more than 4×.
 */
export function cpuSlowdownFor(benchmarkIndex: number): number {
	if (!Number.isFinite(benchmarkIndex) || benchmarkIndex < 150)
		throw new Error(`BenchmarkIndex ${benchmarkIndex}: this machine is too slow to emulate Lighthouse's target phone (at least 150 needed)`);
	const m = benchmarkIndex >= 1300 ? 3 + (benchmarkIndex - 1300) / 233 : benchmarkIndex >= 800 ? 2 + (benchmarkIndex - 800) / 500 : 1 + (benchmarkIndex - 150) / 650;
	return Math.round(m * 100) / 100;
}

/** Lighthouse audits with no weight in any category of Lighthouse's default config, which the bench does not read (see lighthouse()). */
const unreadAudits = ['screenshot-thumbnails', 'final-screenshot', 'bf-cache', 'unused-javascript', 'unused-css-rules', 'script-treemap-data', 'unminified-javascript', 'unminified-css', 'valid-source-maps', 'total-byte-weight', 'layout-shifts', 'long-tasks', 'non-composited-animations', 'unsized-images', 'network-requests', 'network-rtt', 'network-server-latency', 'main-thread-tasks', 'diagnostics', 'resource-summary', 'redirects', 'server-response-time', 'bootup-time', 'user-timings'];

/**
 * CPU time of a trace's main-thread tasks, ms: each top-level task's thread time (`tdur`; its wall time where the trace
 * has none), so a nested task is not counted twice. Lighthouse's main-thread work sums the same tasks' wall time: on a
 * two-core host that includes the time the page's thread was runnable but waiting for a core.
 */
export function taskCpuMs(tasks: { parent?: unknown; event: { dur?: number; tdur?: number } }[]): number {
	return tasks.filter((t) => !t.parent).reduce((sum, t) => sum + (t.event.tdur ?? t.event.dur ?? 0), 0) / 1000;
}

/** A host whose speed moved by more than this between the calibration and the run is re-measured. */
const STEADY = 0.25;

/**
 * Mobile Lighthouse (emulated phone, simulated slow 4G) on one URL, with the CPU slowdown calibrated to this machine
 * just before the run: Lighthouse's own benchmark (the median of three) sets the multiplier. Lighthouse measures the
 * host again as the run starts, and this function once more after it; when either differs from the calibration by more
 * than 25%, the host's speed changed under the run (another process, a busy neighbour: seen here, the same page scored
 * 100 and 90 minutes apart, with BenchmarkIndex 436–1,038), and the run is repeated, up to three times.
 */
export async function lighthouse(origin: string, path: string, { performanceOnly = false } = {}): Promise<LighthouseScores> {
	const { default: run } = await import('lighthouse');
	const { pageFunctions } = await import('lighthouse/core/lib/page-functions.js');
	const { throttling } = await import('lighthouse/core/config/constants.js');
	const launcher = await import('chrome-launcher');
	const { MainThreadTasks } = await import('lighthouse/core/computed/main-thread-tasks.js');
	let last: LighthouseScores | undefined;
	for (let attempt = 1; attempt <= 3; attempt++) {
		const chrome = await launcher.launch({ chromePath: findChromium(), chromeFlags: ['--headless=new', ...chromiumArgs] });
		try {
			// Connected only while benchmarking, so that nothing but Lighthouse drives the browser during the run.
			const bench = async (times: number) => {
				const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
				const page = await browser.contexts()[0].newPage();
				const samples: number[] = [];
				for (let i = 0; i < times; i++) samples.push((await page.evaluate(`(${pageFunctions.computeBenchmarkIndex})()`)) as number);
				await page.close();
				await browser.close();
				return Math.round(median(samples));
			};
			const benchmarkIndex = await bench(3);
			const cpuSlowdown = cpuSlowdownFor(benchmarkIndex);
			const result = await run(`${origin}${path}`, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				throttling: { ...throttling.mobileSlow4G, cpuSlowdownMultiplier: cpuSlowdown },
				// The other three categories do not change between runs of the same page; a later run of a page measures
				// performance only (about 2 s less a run). Skipped: audits that neither count toward a score nor are read
				// here (the score is the five metrics), with the gatherers only they need (report screenshots, the
				// back/forward-cache navigation, JS and CSS coverage, source maps): 1-2.5 s less a run, same metrics.
				...(performanceOnly ? { onlyCategories: ['performance'] } : {}),
				skipAudits: unreadAudits,
				disableFullPageScreenshot: true,
			});
			const lhr = result!.lhr;
			// A category not run is NaN (not measured), a category that failed to score is 0.
			const score = (id: string) => (lhr.categories[id] ? Math.round((lhr.categories[id].score ?? 0) * 100) : NaN);
			const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
			const duringRun = Math.round(lhr.environment.benchmarkIndex);
			const afterRun = await bench(1);
			last = {
				path,
				performance: score('performance'),
				accessibility: score('accessibility'),
				'best-practices': score('best-practices'),
				seo: score('seo'),
				fcp: Math.round(audit('first-contentful-paint')),
				si: Math.round(audit('speed-index')),
				lcp: Math.round(audit('largest-contentful-paint')),
				tbt: Math.round(audit('total-blocking-time')),
				cls: Number(audit('cumulative-layout-shift').toFixed(3)),
				lost: Object.entries({ fcp: 'first-contentful-paint', si: 'speed-index', lcp: 'largest-contentful-paint', tbt: 'total-blocking-time', cls: 'cumulative-layout-shift' })
					.filter(([, id]) => (lhr.audits[id]?.score ?? 0) < 1)
					.map(([k, id]) => `${k} ${lhr.audits[id]?.score}`)
					.join(', '),
				mainThread: Math.round(audit('mainthread-work-breakdown')),
				mainThreadCpu: Math.round(taskCpuMs(await MainThreadTasks.request(result!.artifacts.Trace, { computedCache: new Map() } as never)) * cpuSlowdown),
				benchmarkIndex,
				duringRun,
				afterRun,
				cpuSlowdown,
				attempts: attempt,
			};
			if ([duringRun, afterRun].every((i) => Math.abs(i - benchmarkIndex) <= STEADY * benchmarkIndex)) return last;
		} finally {
			await chrome.kill();
		}
	}
	return last!;
}


export const sitemap = (dist: string, base = '/') =>
	[...readFileSync(join(dist, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname.slice(base.length - 1));
