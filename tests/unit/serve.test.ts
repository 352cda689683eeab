import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { serve } from '../../scripts/lib/serve.ts';

/** The body of a GET as the pieces it arrived in, with the time each came. */
const pieces = (port: number, path: string) =>
	new Promise<{ at: number; data: Buffer }[]>((done, fail) => {
		const start = Date.now();
		request({ port, path, host: '127.0.0.1' }, (res) => {
			const got: { at: number; data: Buffer }[] = [];
			res.on('data', (data: Buffer) => got.push({ at: Date.now() - start, data }));
			res.on('end', () => done(got));
		})
			.on('error', fail)
			.end();
	});

test('?trickle=N sends a page whole, its body in N-byte pieces a frame apart; without it the page comes at once', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'serve-'));
	const html = `<!doctype html><html><head><title>x</title></head><body><header>${'h'.repeat(300)}</header><main>${'中文'.repeat(400)}</main><footer>f</footer></body></html>`;
	writeFileSync(join(dir, 'index.html'), html);
	const server = await serve(dir, { port: 0 });
	const { port } = server.address() as { port: number };
	try {
		const trickled = await pieces(port, '/?trickle=256');
		assert.equal(Buffer.concat(trickled.map((p) => p.data)).toString('utf8'), html, 'same bytes, split characters rejoined');
		const bodyBytes = Buffer.byteLength(html.slice(html.indexOf('<body'), html.indexOf('</main>')));
		assert.ok(trickled.length >= Math.ceil(bodyBytes / 256), `${trickled.length} pieces for ${bodyBytes} bytes of body`);
		assert.ok(trickled.at(-1)!.at - trickled[0].at >= 15 * (trickled.length - 2), 'the pieces are spaced out');
		const whole = await pieces(port, '/');
		assert.equal(Buffer.concat(whole.map((p) => p.data)).toString('utf8'), html);
		assert.ok(whole.length <= 2, `sent at once (${whole.length} pieces)`);
	} finally {
		server.close();
		rmSync(dir, { recursive: true });
	}
});
