// Sets the default of each GitLab component template's `plumbline-version` input to the
// version in package.json, so that a component released as 1.2.3 runs plumbline 1.2.3.
// `npm version` runs it (the `version` script) after bumping package.json and before its
// commit, and the script stages the templates so the bump and the defaults share a commit.
//
//   node scripts/stamp-templates.mjs [repository root]
//
// Only the one default line changes; comments and formatting stay as written. A template
// without exactly one such input fails the run rather than ship a stale default.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? '.');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version ?? '')) {
  throw new Error(`package.json: version must be semantic (1.2.3), got '${version}'`);
}

// The input's key and its default, at the indentation spec:inputs uses.
const DEFAULT = /^( {4}plumbline-version:\n {6}default: )(.*)$/gm;
const dir = join(root, 'templates');
for (const name of readdirSync(dir)
  .filter((file) => file.endsWith('.yml'))
  .sort()) {
  const path = join(dir, name);
  const text = readFileSync(path, 'utf8');
  const found = [...text.matchAll(DEFAULT)].length;
  if (found !== 1) {
    throw new Error(
      `templates/${name}: expected one 'plumbline-version:' input with a 'default:' line under spec:inputs, found ${found}`,
    );
  }
  const stamped = text.replace(DEFAULT, `$1${version}`);
  if (stamped !== text) writeFileSync(path, stamped);
  process.stdout.write(`templates/${name}: plumbline-version defaults to ${version}\n`);
}
