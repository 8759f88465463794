/** Small HTTP servers for browser tests: the built app, and a feed on another origin. */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.pdf': 'application/pdf',
};

export interface Served {
  status?: number;
  type?: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

export type Handler = (req: IncomingMessage) => Served | undefined | Promise<Served | undefined>;

/** Takes over a request entirely (to hang, cut the connection, redirect…); true when it did. */
export type RawHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface RequestLog {
  method: string;
  path: string;
  /** The path with its query, as requested. */
  url: string;
  status: number;
  headers: IncomingMessage['headers'];
  /** Bytes of the request line and headers as received (HTTP/1.1, no body). */
  bytesIn: number;
  /** Bytes written for the response: status line, headers and body. */
  bytesOut: number;
}

/** An HTTP server that can be stopped for real (sockets destroyed) and restarted on its port. */
export class TestServer {
  readonly log: RequestLog[] = [];
  private server?: Server;
  private sockets = new Set<Socket>();
  port = 0;

  constructor(
    private handler: Handler,
    private readonly cors = false,
    /** Compresses text answers (HTML, JS, CSS, JSON, SVG) for clients that accept gzip, as a production host does. */
    private readonly gzip = false,
  ) {}

  /** When set, sees each request first and may answer it by hand. */
  raw?: RawHandler;

  /** Serves something else from now on (a new build, a changed feed). */
  setHandler(handler: Handler): void {
    this.handler = handler;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(port = this.port): Promise<this> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const addr = server.address();
    this.port = typeof addr === 'object' && addr ? addr.port : port;
    return this;
  }

  /** Stops listening and cuts every open connection: a true offline. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const written = req.socket.bytesWritten;
    const bytesIn = requestHeadBytes(req);
    const send = (status: number, headers: Record<string, string>, body?: string | Buffer) => {
      const entry: RequestLog = { method: req.method ?? 'GET', path, url: req.url ?? path, status, headers: req.headers, bytesIn, bytesOut: 0 };
      this.log.push(entry);
      res.on('finish', () => (entry.bytesOut = req.socket.bytesWritten - written));
      if (this.cors) {
        headers['Access-Control-Allow-Origin'] = '*';
        headers['Access-Control-Expose-Headers'] = 'ETag, Last-Modified';
      }
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (this.raw?.(req, res)) {
      this.log.push({ method: req.method ?? 'GET', path, url: req.url ?? path, status: 0, headers: req.headers, bytesIn, bytesOut: 0 });
      return;
    }
    if (req.method === 'OPTIONS' && this.cors) {
      return send(204, {
        'Access-Control-Allow-Methods': 'GET, HEAD',
        'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since',
        'Access-Control-Max-Age': '600',
      });
    }
    try {
      const served = await this.handler(req);
      if (!served) return send(404, { 'Content-Type': 'text/plain' }, 'not found');
      const body = typeof served.body === 'string' ? Buffer.from(served.body) : served.body;
      const status = served.status ?? 200;
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      const headers: Record<string, string> = { 'Content-Type': served.type ?? 'application/octet-stream', ...served.headers };
      if (status === 200) {
        headers.ETag = etag;
        headers['Cache-Control'] = 'no-cache';
        if (req.headers['if-none-match'] === etag) return send(304, { ETag: etag, 'Cache-Control': 'no-cache' });
      }
      let sent = body;
      if (this.gzip && /gzip/.test(String(req.headers['accept-encoding'])) && /text|json|javascript|svg/.test(headers['Content-Type']!)) {
        sent = gzipSync(body, { level: 6 });
        headers['Content-Encoding'] = 'gzip';
        headers.Vary = 'Accept-Encoding';
      }
      headers['Content-Length'] = String(sent.length);
      send(status, headers, sent);
    } catch (e) {
      send(500, { 'Content-Type': 'text/plain' }, String(e));
    }
  }
}

/** The request line and headers as they came over the wire. */
function requestHeadBytes(req: IncomingMessage): number {
  let n = Buffer.byteLength(`${req.method} ${req.url} HTTP/${req.httpVersion}\r\n`) + 2;
  for (let i = 0; i < req.rawHeaders.length; i += 2) n += Buffer.byteLength(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`);
  return n;
}

/** Serves a built app folder; unknown in-app paths get index.html, like any SPA host. */
export function staticHandler(root: string, overrides: Record<string, Served> = {}): Handler {
  return async (req) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const override = overrides[path];
    if (override) return override;
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return undefined;
    try {
      const st = await stat(file);
      if (st.isFile()) return { body: await readFile(file), type: TYPES[extname(file)] ?? 'application/octet-stream' };
    } catch {
      // not a file: fall through to the app shell
    }
    if (extname(path)) return undefined;
    return { body: await readFile(join(root, 'index.html')), type: TYPES['.html'] };
  };
}

/** The built app in `root`, its config.json pointing at `feedUrl` (with any other options): how every test serves it. */
export function appHandler(root: string, feedUrl: string, options: Record<string, unknown> = {}, overrides: Record<string, Served> = {}): Handler {
  return staticHandler(root, { '/config.json': { body: JSON.stringify({ feedUrl, ...options }), type: 'application/json' }, ...overrides });
}
