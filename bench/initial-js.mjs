// The JavaScript a first visit loads before anything else: the entry module of index.html and
// every module it imports statically, transitively (dynamic `import()` and the engine's wasm and
// worker files are not part of it). Sizes are of the built files as served, gzipped.

const staticImport = /(?:^|[;}\n])\s*import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;
const reexport = /(?:^|[;}\n])\s*export\s*[\w$*{}\s,]*?from\s*["']([^"']+\.js)["']/g;

/** { files, rawKB, gzipKB } of the initial JavaScript of the app served at `baseURL`. */
export async function initialJavaScript(baseURL, gzipSize) {
  const html = await (await fetch(`${baseURL}/`)).text();
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => new URL(m[1], `${baseURL}/`).href);
  const seen = new Set();
  const queue = [...entries];
  let raw = 0;
  let gz = 0;
  while (queue.length > 0) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    seen.add(url);
    const text = await (await fetch(url)).text();
    raw += Buffer.byteLength(text);
    gz += gzipSize(text);
    for (const re of [staticImport, reexport]) {
      for (const m of text.matchAll(re)) queue.push(new URL(m[1], url).href);
    }
  }
  return { files: seen.size, rawKB: Math.round(raw / 102.4) / 10, gzipKB: Math.round(gz / 102.4) / 10 };
}
