/**
 * Which version a chart reference means. Helm writes constraints in the Masterminds syntax
 * (`>= 1.2, < 2`, `~1.2`, `^1.2.3`, `1.x`, `||`), which npm's semver reads once commas
 * become spaces; a prerelease is chosen only when the constraint names one, as in helm.
 */
import semver from 'semver';

export type VersionWanted = { exact: string } | { range: string };

/** An exact version (`1.2.3`, `v1.2.3`, `1.2.3-rc.1`) is asked for as is; anything else is a range. */
export function versionWanted(version: string): VersionWanted {
  const trimmed = version.trim();
  if (semver.valid(trimmed) !== null) return { exact: trimmed };
  return { range: trimmed.replace(/\s*,\s*/g, ' ') };
}

export function isValidRange(range: string): boolean {
  return semver.validRange(range) !== null;
}

/**
 * The newest of `available` that satisfies the wanted version; an exact version matches
 * with or without a leading `v`. Versions that are not semver are skipped for ranges.
 */
export function pickVersion(available: readonly string[], wanted: VersionWanted): string | undefined {
  if ('exact' in wanted) {
    const bare = wanted.exact.replace(/^v/, '');
    return (
      available.find((version) => version === wanted.exact) ??
      available.find((v) => v.replace(/^v/, '') === bare)
    );
  }
  const candidates = available.filter((version) => semver.valid(version) !== null);
  const best = semver.maxSatisfying(candidates, wanted.range);
  return best ?? undefined;
}

/** The newest semver version available, to tell the user what there is. */
export function newestVersion(available: readonly string[]): string | undefined {
  const candidates = available.filter((version) => semver.valid(version) !== null);
  return candidates.sort(semver.rcompare)[0];
}
