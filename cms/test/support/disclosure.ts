import { gunzipSync } from 'node:zlib';

/**
 * What an answer of the CMS must never tell a client: how the server is built and where it runs.
 * `findLeaks` is a pure function over one HTTP answer (status, headers, body) that lists every such
 * piece it finds; an empty list means the answer reveals nothing. Used by test/error-disclosure.test.ts
 * and meant for any suite that produces errors (generated ones included): call it on each answer.
 *
 * It looks for
 * - stack frames (`at fn (/path/file.js:12:5)`, `at /path/file.js:12:5`, `at node:internal/…`) and
 *   stack-trace fields (`stack`, `stacktrace`, GraphQL's `extensions.stacktrace`);
 * - absolute file paths (`/home/…`, `/app/dist/…`, `file:///…`, `C:\…`), never the paths of URLs;
 * - `node_modules`, and the names of the packages the CMS is made of (`@strapi/…`, knex, koa, …);
 * - SQL (`select … from …`, `insert into`, `delete from`, `update … set`) and database errors
 *   (`SQLITE_ERROR`, `no such column`, `relation "x" does not exist`, fields such as `sql`, `errno`);
 * - internal identifiers: model UIDs (`api::project.project`), join tables (`…_lnk`), query
 *   aliases (`t0.id`), Node error codes (`ERR_…`, `ECONNREFUSED`) and numeric row ids in error bodies;
 * - headers that name the software (`X-Powered-By`).
 */
export interface Leak {
  /** What kind of detail leaked. */
  kind: 'stack-trace' | 'file-path' | 'node-modules' | 'package' | 'sql' | 'internal-id' | 'software';
  /** `body`, or `header <name>`. */
  where: string;
  /** The offending text (at most 160 characters). */
  match: string;
}

export interface Answer {
  status: number;
  headers?: Record<string, string | string[] | number | undefined>;
  /** The body as received: text, bytes (gzip is opened) or parsed JSON. */
  body?: unknown;
}

interface Pattern {
  kind: Leak['kind'];
  regex: RegExp;
}

const TEXT_PATTERNS: Pattern[] = [
  // `at fn (/x/y.js:1:2)`, `at async fn (file:///x.mjs:1:2)`, `at /x/y.js:1:2`, `at node:internal/x:1:2`
  {
    kind: 'stack-trace',
    regex:
      /\bat\s+(?:async\s+)?(?:new\s+)?(?:[^\s()]+\s+)?\(?(?:file:\/\/|node:|\/|[A-Za-z]:[\\/])[^\s()]*:\d+(?::\d+)?\)?/g,
  },
  { kind: 'stack-trace', regex: /\bat\s+[\w$.<>[\]]+\s+\(<anonymous>\)/g },
  // Unix paths under the usual roots, or any path ending in a source or data file; not inside URLs.
  {
    kind: 'file-path',
    regex:
      /(?<![\w/:.\-~%])\/(?:home|root|usr|var|opt|srv|tmp|work|app|etc|proc|mnt|Users|private|run|snap|nix|data|build|workspace|builds)\/[^\s"'`),;<>]*/g,
  },
  { kind: 'file-path', regex: /(?<![\w/:.\-~%])(?:\/[\w.@+-]+)+\.(?:[cm]?[jt]sx?|json|db|sqlite3?|node|map)\b/g },
  { kind: 'file-path', regex: /file:\/\/\/[^\s"'`)]+/g },
  { kind: 'file-path', regex: /\b[A-Za-z]:\\(?:[^\s"'`\\]+\\)*[^\s"'`\\]*/g },
  { kind: 'node-modules', regex: /node_modules/g },
  {
    kind: 'package',
    regex:
      /(?<![\w-])(?:@strapi\/[\w-]+|@apollo\/[\w-]+|@koa\/[\w-]+|knex|better-sqlite3|node-postgres|koa(?:-[\w-]+)?|ioredis|lodash|winston|formidable|co-body|raw-body|http-errors|tarn)(?![\w-])/gi,
  },
  // `select` followed by what only SQL puts there (`*`, `t0.id`, a quoted name, a column list), then `from`:
  // "select one of the values from the list" is English.
  {
    kind: 'sql',
    regex:
      /\bselect\s+(?:distinct\s+)?(?:\*|count\s*\(|[`"]?\w+[`"]?\.(?:\*|[`"]?\w+)|[`"]\w+[`"]|\w+(?:\s*,\s*\w+)+)[^;]{0,300}?\bfrom\s+[`"'\w]/gi,
  },
  { kind: 'sql', regex: /\b(?:insert\s+into|delete\s+from|alter\s+table|create\s+table|drop\s+table)\s+[`"'\w]/gi },
  { kind: 'sql', regex: /\bupdate\s+(?:[`"]\w+[`"]|\w+)\s+set\s+[`"]?\w+[`"]?\s*=/gi },
  {
    kind: 'sql',
    regex:
      /\b(?:SQLITE_[A-Z_]+|no such (?:table|column)|syntax error at or near|(?:relation|column) "[^"]+" (?:of relation "[^"]+" )?does not exist|duplicate key value violates|violates (?:foreign key|not-null|unique|check) constraint|ER_[A-Z_]{3,})\b/gi,
  },
  { kind: 'internal-id', regex: /\b(?:api|plugin|admin|strapi)::[\w-]+(?:\.[\w-]+)*/g },
  { kind: 'internal-id', regex: /\b\w+_(?:lnk|cmps|components)\b/g },
  { kind: 'internal-id', regex: /\bt\d+\.["`]?\w+/g },
  {
    kind: 'internal-id',
    regex:
      /\b(?:ERR_[A-Z_]{3,}|E(?:CONNREFUSED|ADDRINUSE|NOENT|ACCES|PIPE|TIMEDOUT|CONNRESET|HOSTUNREACH|NOTFOUND))\b/g,
  },
];

/** Field names that only a server's internals put into a body. */
const INTERNAL_KEYS = new Map<string, Leak['kind']>([
  ['stack', 'stack-trace'],
  ['stacktrace', 'stack-trace'],
  ['sql', 'sql'],
  ['sqlMessage', 'sql'],
  ['sqlState', 'sql'],
  ['bindings', 'sql'],
  ['errno', 'internal-id'],
  ['syscall', 'internal-id'],
]);

/** Headers that exist only to name the software. */
const SOFTWARE_HEADERS = ['x-powered-by', 'x-aspnet-version', 'x-runtime', 'x-strapi-version'];

function bodyText(body: unknown): { text: string; json: unknown } {
  if (body === undefined || body === null) return { text: '', json: undefined };
  let text: string;
  if (Buffer.isBuffer(body) || body instanceof Uint8Array) {
    const bytes = Buffer.from(body);
    const opened = bytes[0] === 0x1f && bytes[1] === 0x8b ? tryGunzip(bytes) : bytes;
    text = opened.toString('utf8');
  } else if (typeof body === 'string') {
    text = body;
  } else {
    return { text: JSON.stringify(body), json: body };
  }
  try {
    return { text, json: JSON.parse(text) };
  } catch {
    return { text, json: undefined };
  }
}

function tryGunzip(bytes: Buffer): Buffer {
  try {
    return gunzipSync(bytes);
  } catch {
    return bytes;
  }
}

const clip = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}...` : text);

function scanText(text: string, where: string, leaks: Leak[]) {
  // JSON escapes slashes and newlines; look at the text as a reader would.
  const plain = text.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\//g, '/').replace(/\\\\/g, '\\');
  for (const { kind, regex } of TEXT_PATTERNS) {
    for (const match of plain.matchAll(regex)) leaks.push({ kind, where, match: clip(match[0]) });
  }
}

/** Keys of the parsed body: stack fields anywhere; numeric row ids inside errors (or anywhere in a 4xx/5xx). */
function scanJson(value: unknown, inError: boolean, leaks: Leak[], path: string) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => scanJson(item, inError, leaks, `${path}[${i}]`));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    const kind = INTERNAL_KEYS.get(key);
    if (kind && child !== undefined && child !== null && child !== '')
      leaks.push({ kind, where: 'body', match: clip(`${at}: ${JSON.stringify(child)}`) });
    if (inError && key === 'id' && (typeof child === 'number' || (typeof child === 'string' && /^\d+$/.test(child))))
      leaks.push({ kind: 'internal-id', where: 'body', match: `${at}: ${JSON.stringify(child)}` });
    scanJson(child, inError || key === 'error' || key === 'errors', leaks, at);
  }
}

/** Every detail of the server's make-up that this answer reveals; [] when it reveals none. */
export function findLeaks({ status, headers = {}, body }: Answer): Leak[] {
  const leaks: Leak[] = [];
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const lower = name.toLowerCase();
    const value = Array.isArray(raw) ? raw.join(', ') : String(raw);
    if (SOFTWARE_HEADERS.includes(lower))
      leaks.push({ kind: 'software', where: `header ${lower}`, match: clip(value) });
    else scanText(value, `header ${lower}`, leaks);
  }
  const { text, json } = bodyText(body);
  scanText(text, 'body', leaks);
  if (json !== undefined) scanJson(json, status >= 400, leaks, '');
  return leaks;
}

/** A readable list of leaks, for assertion messages. */
export function describeLeaks(leaks: Leak[]): string {
  return leaks.map((leak) => `${leak.kind} in ${leak.where}: ${leak.match}`).join('\n');
}
