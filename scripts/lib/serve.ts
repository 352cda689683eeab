import { createReadStream, existsSync, statSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

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
 */
export function serve(root: string, { port = 4321, base = '/' } = {}): Promise<Server> {
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
		send(file, 200);

		function notFound() {
			send(join(root, '404.html'), 404);
		}
		function send(f: string, status: number) {
			const type = types[extname(f)] ?? 'application/octet-stream';
			const gzip = compressible.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
			res.writeHead(status, { 'content-type': type, ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}) });
			const stream = createReadStream(f);
			(gzip ? stream.pipe(createGzip()) : stream).pipe(res);
		}
	});
	return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
