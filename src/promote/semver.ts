/** Semantic version order for tags like `1.2.3`, `v1.2.3` and `1.2.3-rc.1`; other tags have none. */

interface SemVer {
  core: [number, number, number];
  prerelease: string[];
}

const pattern = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseSemver(tag: string): SemVer | undefined {
  const match = pattern.exec(tag);
  if (!match) return undefined;
  return {
    core: [Number(match[1]), Number(match[2]), Number(match[3])],
    prerelease: match[4] ? match[4].split('.') : [],
  };
}

/** Negative when a < b, positive when a > b, 0 when equal; undefined when either is not semver. */
export function compareSemver(a: string, b: string): number | undefined {
  const x = parseSemver(a);
  const y = parseSemver(b);
  if (!x || !y) return undefined;
  for (let i = 0; i < 3; i++) {
    const difference = (x.core[i] ?? 0) - (y.core[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  // A release ranks above its prereleases.
  if (x.prerelease.length === 0 || y.prerelease.length === 0) {
    return Math.sign(y.prerelease.length - x.prerelease.length);
  }
  for (let i = 0; i < Math.max(x.prerelease.length, y.prerelease.length); i++) {
    const p = x.prerelease[i];
    const q = y.prerelease[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    const numeric = /^\d+$/.test(p) && /^\d+$/.test(q);
    if (numeric) return Math.sign(Number(p) - Number(q));
    if (/^\d+$/.test(p)) return -1;
    if (/^\d+$/.test(q)) return 1;
    return p < q ? -1 : 1;
  }
  return 0;
}
