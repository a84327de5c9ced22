export function searchIndexOf(buildDir: string): string | null;
export function borrowSearchIndex(buildDir: string, indexDir: string): void;
export function ownSearchIndex(buildDir: string): Promise<number>;
/** The pages a Pagefind index folder holds: URL and indexed text. */
export function indexedPages(indexDir: string): { url: string; content: string }[];
