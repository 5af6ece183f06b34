// Fails when the committed dist/ differs from a fresh build of the sources: every file of
// the folder, its subfolders included, compared byte for byte, and any file only one side
// has (a stale chunk left behind, a chunk not committed).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The files under `dir`, as paths relative to it with `/` separators. */
const filesUnder = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(dir.length + 1)
        .replaceAll('\\', '/'),
    );

const fresh = mkdtempSync(join(tmpdir(), 'plumbline-dist-'));
try {
  execFileSync(process.execPath, ['scripts/build.mjs', fresh], { stdio: 'inherit' });
  const committed = new Set(filesUnder('dist'));
  const built = new Set(filesUnder(fresh));
  const missing = [...built].filter((name) => !committed.has(name)).sort();
  const extra = [...committed].filter((name) => !built.has(name)).sort();
  const differing = [...built]
    .filter((name) => committed.has(name))
    .filter((name) => !readFileSync(join('dist', name)).equals(readFileSync(join(fresh, name))))
    .sort();
  if (missing.length + extra.length + differing.length > 0) {
    console.error('check-dist: dist/ differs from a fresh build:');
    for (const name of differing) console.error(`  differs:        dist/${name}`);
    for (const name of missing) console.error(`  not in dist/:   dist/${name}`);
    for (const name of extra) console.error(`  not built:      dist/${name}`);
    console.error(
      'Run `npm run build` and commit dist/ (with git add -A dist, which records removed files).',
    );
    process.exit(1);
  }
  console.log(`check-dist: dist/ matches a fresh build (${built.size} files)`);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
