import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium, noChromiumHint } from './scripts/lib/chromium.ts';

/**
 * End-to-end tests against the built site, served the way GitHub Pages serves it. `DIST_DIR` and `BASE_PATH` select
 * another build (the base-path run uses `dist-base` at `/handbook/`).
 */
const base = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const dist = process.env.DIST_DIR ?? 'dist';
const port = Number(process.env.E2E_PORT ?? 4321);
const executablePath = findChromium();
if (!executablePath) throw new Error(`The e2e tests need a Chromium. ${noChromiumHint}`);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	forbidOnly: Boolean(process.env.CI),
	reporter: process.env.GITHUB_ACTIONS ? [['list'], ['github']] : [['list']],
	timeout: 60_000,
	use: {
		baseURL: `http://127.0.0.1:${port}${base}`,
		launchOptions: { executablePath, args: chromiumArgs },
	},
	webServer: {
		// The Node running Playwright (22+), whatever `node` is first on PATH.
		command: `"${process.execPath}" scripts/serve.ts ${dist} ${port} ${base}`,
		url: `http://127.0.0.1:${port}${base}`,
		reuseExistingServer: false,
	},
});
