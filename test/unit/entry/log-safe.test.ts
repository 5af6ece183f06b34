/**
 * What the Actions runner would take for a workflow command in the log: a line that starts
 * with `::` once its leading whitespace is trimmed, or that holds `##[` anywhere. Lines end
 * at `\n`, `\r\n` or a lone `\r`.
 */
import * as core from '@actions/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonLogSafe, logSafe } from '../../../src/entry/log-safe.js';

const WORD_JOINER = '\u2060';

/** The lines of `printed` the runner would read as commands. */
function commandLines(printed: string): string[] {
  return printed
    .split(/\r\n|\r|\n/)
    .filter((line) => line.replace(/^[\s\u0085]+/, '').startsWith('::') || line.includes('##['));
}

const HOSTILE = [
  '::add-mask::hunter2',
  '  ::warning file=a.yaml::looks official',
  'rendering dev\n::stop-commands::pause\nnothing more is read',
  'env\r::error::a lone carriage return ends a line too',
  '\u00a0\t::set-output name=changed::false',
  'kustomize: ##[error]the older form works anywhere in a line',
  ':::',
  // An environment named `:`, in plumbline's own `${env}: …`: the whole message is made safe.
  `${':'}: 3 objects rendered`,
];

describe('logSafe', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('leaves no line that the runner reads as a workflow command', () => {
    for (const text of HOSTILE) {
      expect(commandLines(text), text).not.toEqual([]);
      expect(commandLines(logSafe(text)), text).toEqual([]);
    }
  });

  it('changes nothing a reader sees, and nothing in text without `::` or `##[`', () => {
    expect(logSafe('dev: 3 objects rendered (helm 3.16)')).toBe('dev: 3 objects rendered (helm 3.16)');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(':', '#', '[', ' ', '\n', '\r', 'a', 'é') }), (text) => {
        const safe = logSafe(text);
        expect(commandLines(safe)).toEqual([]);
        expect(safe.replaceAll(WORD_JOINER, '')).toBe(text);
      }),
    );
  });

  it('is not needed for core.error, warning and setFailed, which keep their message on the command line', () => {
    const printed: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed.push(String(chunk));
      return true;
    });
    core.error('dev failed\n::add-mask::hunter2', { title: 'dev\n::warning::x' });
    core.warning('a\r::stop-commands::pause');
    const lines = printed
      .join('')
      .split(/\r\n|\r|\n/)
      .filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error title=dev%0A%3A%3Awarning%3A%3Ax::dev failed%0A::add-mask::hunter2$/);
    expect(lines[1]).toBe('::warning::a%0D::stop-commands::pause');
  });
});

describe('jsonLogSafe', () => {
  it('keeps the data and leaves no workflow command in any line', () => {
    const data = { name: '::add-mask::canary', path: 'envs/##[warning]x', plain: 'a:b' };
    const safe = jsonLogSafe(JSON.stringify(data, null, 2));
    expect(JSON.parse(safe)).toEqual(data);
    expect(safe).not.toContain('::');
    expect(safe).not.toContain('##[');
  });
});
