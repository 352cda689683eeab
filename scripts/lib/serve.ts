import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.woff2': 'font/woff2',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.pf_meta': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pagefind': 'application/octet-stream',
};
const compressible = /^(text\/|application\/(json|xml|wasm)|image\/svg)/;

/**
 * Serves a built site the way GitHub Pages does: under a base path, `dir/` → `dir/index.html`, gzip for text,
 * and the top-level 404.html for anything missing. Used by the e2e tests, the link crawl and the benchmark.
 * Like a CDN, it compresses a file once and keeps the result (keyed by path, size and modification time): compressing
 * on every request put this server's work on the same two cores as the page Lighthouse was timing.
 */
export function serve(root: string, { port = 4321, base = '/' } = {}): Promise<Server> {
	const compressed = new Map<string, Buffer>();
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let path = decodeURIComponent(url.pathname);
		if (!path.startsWith(base)) return notFound();
		path = normalize(path.slice(base.length - 1));
		let file = join(root, path);
		if (existsSync(file) && statSync(file).isDirectory()) {
			if (!path.endsWith('/')) {
				res.writeHead(301, { location: `${url.pathname}/` });
				return res.end();
			}
			file = join(file, 'index.html');
		}
		if (!existsSync(file)) return notFound();
		const trickle = Number(url.searchParams.get('trickle'));
		if (trickle > 0 && file.endsWith('.html')) return void sendInPieces(file, trickle);
		send(file, 200);

		/**
		 * `?trickle=N` (the e2e tests): the page's body, up to 24 KB into its main content (more than a phone screen of
		 * it), in N-byte pieces 16 ms (a frame) apart, so the browser paints while it is still parsing, as a slow phone or
		 * network makes it do at some point, here at nearly every piece. `&until=header`: only the page's header in pieces.
		 */
		async function sendInPieces(f: string, size: number) {
			const html = readFileSync(f);
			const from = html.indexOf('<body');
			const main = html.indexOf('<main');
			const to = url.searchParams.get('until') === 'header' ? html.indexOf('</header>') : Math.min(html.indexOf('</main>'), main + 24 * 1024);
			if (from < 0 || main < from) return send(f, 200);
			res.writeHead(200, { 'content-type': types['.html'] });
			res.write(html.subarray(0, from));
			for (let at = from; at < to; at += size) {
				res.write(html.subarray(at, Math.min(at + size, to)));
				await new Promise((done) => setTimeout(done, 16));
			}
			res.end(html.subarray(to));
		}

		function notFound() {
			send(join(root, '404.html'), 404);
		}
		function send(f: string, status: number) {
			const type = types[extname(f)] ?? 'application/octet-stream';
			const gzip = compressible.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
			if (!gzip) {
				res.writeHead(status, { 'content-type': type });
				return createReadStream(f).pipe(res);
			}
			const { size, mtimeMs } = statSync(f);
			const key = `${f}\0${size}\0${mtimeMs}`;
			let body = compressed.get(key);
			if (!body) compressed.set(key, (body = gzipSync(readFileSync(f))));
			res.writeHead(status, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding', 'content-length': body.length });
			res.end(body);
		}
	});
	return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
