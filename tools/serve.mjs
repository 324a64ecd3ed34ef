// A small static file server for dist/ (run.sh and the browser tests).
//   node tools/serve.mjs [--root dist] [--host 127.0.0.1] [--port 8080]
// Port 0 picks a free port; the URL is printed once listening. Serves files under the
// root only (no directory listings, no path escapes), with the MIME types the app needs,
// gzip when the client accepts it, and Access-Control-Allow-Origin: * (sandboxed embeds).
import { createServer } from "node:http";
import { createReadStream, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { createGzip } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ttf": "font/ttf",
  ".ico": "image/x-icon",
};

// Starts serving `root`; resolves to {server, url}.
export function serve({ root = "dist", host = "127.0.0.1", port = 0 } = {}) {
  const base = resolve(root);
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    let stat;
    try {
      stat = statSync(file);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    if (!stat.isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    const headers = {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
      // The files are public: a page in <iframe sandbox="allow-scripts"> (an opaque origin)
      // may read them too (docs/embedding.md).
      "Access-Control-Allow-Origin": "*",
    };
    const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "") && stat.size > 1024;
    if (gzip) headers["Content-Encoding"] = "gzip";
    else headers["Content-Length"] = stat.size;
    res.writeHead(200, headers);
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolvePromise({ server, url: `http://${host}:${actual}/` });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log("usage: node tools/serve.mjs [--root dist] [--host 127.0.0.1] [--port 8080]\n" +
      "Serves the built explorer (dist/) over HTTP; --port 0 picks a free port.");
    process.exit(0);
  }
  const option = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
  };
  const { url } = await serve({
    root: option("root", "dist"),
    host: option("host", "127.0.0.1"),
    port: Number(option("port", "8080")),
  }).catch((e) => {
    console.error(`serve: ${e.message}`);
    process.exit(1);
  });
  console.log(`Win-Win Explorer: ${url}  (serving ${option("root", "dist")})`);
}
