import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Finds a Chromium to drive: `CHROME_PATH` if set, Debian's `/usr/bin/chromium` (what `.ci/run` installs), other
 * common system paths, then Playwright's own bundled browser if one was downloaded on this machine.
 */
export function findChromium(): string | undefined {
	const candidates = [
		process.env.CHROME_PATH,
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser',
		'/usr/bin/google-chrome',
		'/usr/bin/google-chrome-stable',
		'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
	];
	for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
	try {
		const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');
		const bundled = chromium.executablePath();
		if (bundled && existsSync(bundled)) return bundled;
	} catch {
		// No bundled browser on this machine: fall through.
	}
	return undefined;
}

/** Flags for headless Chromium on machines with a closed network (no background fetches, no sandbox as root). */
export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export const noChromiumHint =
	'Install one (Debian/Ubuntu: `sudo apt-get install -y chromium fonts-noto-cjk`), or point CHROME_PATH at a Chrome/Chromium binary.';
