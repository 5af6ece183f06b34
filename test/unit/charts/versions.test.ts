import { describe, expect, it } from 'vitest';
import { isValidRange, newestVersion, pickVersion, versionWanted } from '../../../src/charts/versions.js';

const available = ['1.0.0', '1.2.0', '1.10.1', '2.0.0-rc.1', '2.0.0', 'v3.1.0', 'latest'];

describe('chart versions', () => {
  it('takes an exact version as is, with or without the leading v', () => {
    expect(versionWanted('1.2.0')).toEqual({ exact: '1.2.0' });
    expect(pickVersion(available, versionWanted('1.2.0'))).toBe('1.2.0');
    expect(pickVersion(available, versionWanted('3.1.0'))).toBe('v3.1.0');
    expect(pickVersion(available, versionWanted('1.3.0'))).toBeUndefined();
  });

  it("resolves helm's constraint syntax to the newest match, prereleases only when asked", () => {
    expect(pickVersion(available, versionWanted('1.x'))).toBe('1.10.1');
    expect(pickVersion(available, versionWanted('^1.2.0'))).toBe('1.10.1');
    expect(pickVersion(available, versionWanted('~1.2'))).toBe('1.2.0');
    expect(pickVersion(available, versionWanted('>= 1.0, < 2'))).toBe('1.10.1');
    expect(pickVersion(available, versionWanted('>=2.0.0-0'))).toBe('v3.1.0');
    expect(pickVersion(['2.0.0-rc.1'], versionWanted('2.x'))).toBeUndefined();
    expect(pickVersion(['2.0.0-rc.1'], versionWanted('>=2.0.0-rc.0'))).toBe('2.0.0-rc.1');
    expect(pickVersion(available, versionWanted('*'))).toBe('v3.1.0');
  });

  it('tells a range from nonsense and names the newest version there is', () => {
    expect(isValidRange('>=1.2 <2')).toBe(true);
    expect(isValidRange('not a version')).toBe(false);
    expect(newestVersion(available)).toBe('v3.1.0');
  });
});
