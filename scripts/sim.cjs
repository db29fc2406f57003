// `npm run sim`: the CLI (src/cli/run.ts) run as compiled JavaScript, with no TypeScript
// loader at run time (docs/architecture.md, "Layers"). The bundle lives in
// node_modules/.cache/order-up-sim/ and is rebuilt, once, whenever a source it is built
// from (src/cli, src/sim, src/scenarios, package-lock.json) is newer than it; several
// runs at once each build into a directory of their own and rename the file into place.
// The packages it uses (xstate, zod, pure-rand) are bundled in too: one file to load starts
// faster than their own module graphs (zod's alone is many files). This script and the
// bundle are CommonJS: Node starts a CommonJS program, and loads its builtins for it,
// faster than an ES module (no module loader, no facades).
const { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const cache = join(root, 'node_modules', '.cache', 'order-up-sim');
const bundle = join(cache, 'run.cjs');

/** The newest modification time (ms) of the files below `dir`. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Build the bundle into a directory of this process's own, then rename it into place. */
async function rebuild() {
  const { build } = await import('vite');
  const tmp = join(cache, `.build-${process.pid}`);
  mkdirSync(cache, { recursive: true });
  await build({
    root,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    ssr: { noExternal: true },
    build: {
      ssr: join(root, 'src/cli/run.ts'),
      outDir: tmp,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { entryFileNames: 'run.cjs', format: 'cjs', codeSplitting: false } },
    },
  });
  renameSync(join(tmp, 'run.cjs'), bundle);
  rmSync(tmp, { recursive: true, force: true });
}

const sources = Math.max(...['src/cli', 'src/sim', 'src/scenarios'].map((d) => newest(join(root, d))), statSync(join(root, 'package-lock.json')).mtimeMs, statSync(__filename).mtimeMs);
if (!existsSync(bundle) || statSync(bundle).mtimeMs < sources) {
  rebuild().then(
    () => require(bundle),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
} else {
  require(bundle);
}
