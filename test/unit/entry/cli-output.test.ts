import { afterEach, describe, expect, it, vi } from 'vitest';
import { cliLog, printLog } from '../../../src/entry/cli/output.js';

function captureStderr(): () => string {
  let text = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  return () => text;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('what the CLI logs', () => {
  it('never passes on a control character from data: no redrawn line, no escape sequence', () => {
    vi.stubEnv('GITHUB_ACTIONS', '');
    vi.stubEnv('GITLAB_CI', '');
    const read = captureStderr();
    printLog('envs/x\r\u001b[0Ksection_end:1:fake\r\u001b[0K done');
    expect(read()).toBe('plumbline: envs/x??[0Ksection_end:1:fake??[0K done\n');
  });

  it("folds each environment into a GitLab collapsible section of plumbline's own", async () => {
    vi.stubEnv('GITHUB_ACTIONS', '');
    vi.stubEnv('GITLAB_CI', 'true');
    const read = captureStderr();
    await cliLog().group('dev\u001b[0K', async (log) => log.info('rendered 7 objects'));
    const esc = '\u001b[0K';
    expect(read().replace(/section_(start|end):\d+:/g, 'section_$1:T:')).toBe(
      `${esc}section_start:T:plumbline_1[collapsed=true]\r${esc}dev?[0K\n` +
        'plumbline: rendered 7 objects\n' +
        `${esc}section_end:T:plumbline_1\r${esc}\n`,
    );
  });

  it('folds into GitHub groups in a GitHub Actions step, with no workflow command from data', async () => {
    vi.stubEnv('GITHUB_ACTIONS', 'true');
    const read = captureStderr();
    await cliLog().group('::add-mask::x', async (log) => log.info('::warning::y'));
    const lines = read().split('\n');
    expect(lines[0]).toMatch(/^::group::/);
    expect(lines.slice(1).filter((line) => line.startsWith('::') && line !== '::endgroup::')).toEqual([]);
    expect(read()).not.toContain('::add-mask::');
  });
});
