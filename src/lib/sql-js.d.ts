// The part of sql.js (which ships no types) that src/lib/apkg.ts uses.
declare module 'sql.js' {
	interface Database {
		run(sql: string, params?: unknown[]): Database;
		export(): Uint8Array;
		close(): void;
	}
	export default function initSqlJs(config?: { locateFile?: (file: string) => string }): Promise<{ Database: new () => Database }>;
}
