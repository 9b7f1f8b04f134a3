import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { build, type Plugin } from 'vite';

const BUNDLED_SOURCE_SUFFIX = '?bundled-source';

/**
 * Serves `import source from './module.ts?bundled-source'`: the module bundled with all its
 * imports into one self-contained classic script (an IIFE), as a string. The sandbox page, an
 * opaque-origin iframe, starts its workers from such a string through a Blob URL, because it
 * may load no script from the app's origin. The script is classic because Chromium 156 fails
 * to start a module worker from a Blob URL in an opaque origin. Vite's `?worker&inline` is
 * neither classic with `worker.format: 'es'` nor self-contained in dev.
 */
function bundledSource(): Plugin {
  return {
    name: 'lambda-playground:bundled-source',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith(BUNDLED_SOURCE_SUFFIX)) return null;
      const resolved = await this.resolve(source.slice(0, -BUNDLED_SOURCE_SUFFIX.length), importer, { skipSelf: true });
      return resolved ? resolved.id + BUNDLED_SOURCE_SUFFIX : null;
    },
    async load(id) {
      if (!id.endsWith(BUNDLED_SOURCE_SUFFIX)) return null;
      const entry = id.slice(0, -BUNDLED_SOURCE_SUFFIX.length);
      const result = await build({
        configFile: false,
        logLevel: 'warn',
        publicDir: false,
        build: {
          write: false,
          minify: true,
          lib: { entry, formats: ['iife'], name: 'bundle', fileName: 'bundle' },
          // Class names show in handlers' stack frames (`at BufferedInvokeProcessor.handler`),
          // which must read as in Node, where the sandbox runs unminified.
          rolldownOptions: { output: { keepNames: true } },
        },
      });
      const outputs = Array.isArray(result) ? result : [result];
      const chunk = outputs.flatMap((output) => ('output' in output ? output.output : [])).find((item) => item.type === 'chunk');
      if (!chunk || chunk.type !== 'chunk') throw new Error(`bundled-source: bundling ${entry} produced no code`);
      // Virtual modules (ids starting with a NUL byte, such as rolldown's runtime helpers) are
      // no files; in dev, Vite would try to resolve a watched id as an import and fail.
      for (const file of chunk.moduleIds) if (!file.startsWith('\0')) this.addWatchFile(file);
      return `export default ${JSON.stringify(chunk.code)};`;
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), bundledSource()],
  // With the default 'iife' format Vite inlines every dynamic import into the worker bundle.
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  // dist/.vite/manifest.json lists each chunk's static imports; bench/bundle.bench.ts reads it.
  build: { manifest: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
