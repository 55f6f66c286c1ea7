// A tiny static server for the built portal, on 127.0.0.1 and a free port.
//
// The portal is served under its base_url's path (/dcf/ for the bundled portal), where it
// will be deployed, so that the 404 page's root-relative links resolve as they will for
// readers. A missing file gets the portal's 404.html with status 404, as a static host would.
// Every request for a missing file is recorded with its referrer: a page that asks for a file
// the build did not write (a stray favicon.ico, a broken image) fails the suite even when no
// console error shows.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

/** The file under `root` that serves the site path `sitePath` ("/", "/a/", "/a/b.css"), or null. */
export async function fileFor(root, sitePath) {
  let relative;
  try {
    relative = decodeURIComponent(sitePath);
  } catch {
    return null;
  }
  if (relative.includes("\0")) return null;
  if (relative.endsWith("/")) relative += "index.html";
  const candidate = resolve(join(root, relative));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  try {
    const info = await stat(candidate);
    if (info.isFile()) return candidate;
    if (info.isDirectory()) return null;
  } catch {
    return null;
  }
  return null;
}

/**
 * Starts serving `publicDir` under `basePath` ("/dcf/"). Resolves to
 * { origin, baseUrl, misses, close() }: baseUrl is the portal's address on this server,
 * misses the requests for files that do not exist, as { path, referer } in order.
 */
export async function startServer(publicDir, basePath) {
  const root = resolve(publicDir);
  const misses = [];
  const notFoundPage = await readFile(join(root, "404.html")).catch(() => Buffer.from("<!DOCTYPE html><title>Not found</title>"));

  const server = createServer(async (request, response) => {
    const url = new URL(request.url, "http://127.0.0.1");
    const file = url.pathname.startsWith(basePath) ? await fileFor(root, "/" + url.pathname.slice(basePath.length)) : null;
    if (!file) {
      misses.push({ path: url.pathname, referer: request.headers.referer ?? null });
      response.writeHead(404, { "content-type": CONTENT_TYPES[".html"], "cache-control": "no-store" });
      response.end(request.method === "HEAD" ? undefined : notFoundPage);
      return;
    }
    const body = await readFile(file);
    response.writeHead(200, {
      "content-type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    response.end(request.method === "HEAD" ? undefined : body);
  });

  await new Promise((resolveListen, rejectListen) => {
    server.once("error", rejectListen);
    server.listen(0, "127.0.0.1", resolveListen);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    baseUrl: origin + basePath,
    misses,
    close: () => new Promise((done) => server.close(done)),
  };
}
