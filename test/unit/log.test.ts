import { describe, expect, it } from 'vitest';
import { type LogSink, logTo } from '../../src/log.js';

function recording(): { sink: LogSink; lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    sink: {
      info: (message) => lines.push(message),
      debug: (message) => lines.push(`debug: ${message}`),
      startGroup: (title) => lines.push(`[${title}]`),
      endGroup: () => lines.push('[/]'),
    },
  };
}

describe('logTo', () => {
  it('writes each group as one block when its work is done, however the work interleaves', async () => {
    const { sink, lines } = recording();
    const log = logTo(sink);
    let releaseSlow = () => {};
    const slowStarted = new Promise<void>((resolve) => {
      void log.group('slow', async (group) => {
        group.info('slow: first');
        resolve();
        await new Promise<void>((release) => {
          releaseSlow = release;
        });
        group.debug('slow: second');
      });
    });
    await slowStarted;
    await log.group('fast', async (group) => group.info('fast: only'));
    log.info('between');
    releaseSlow();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lines).toEqual([
      '[fast]',
      'fast: only',
      '[/]',
      'between',
      '[slow]',
      'slow: first',
      'debug: slow: second',
      '[/]',
    ]);
  });

  it('still writes a group whose work failed, and passes the failure on', async () => {
    const { sink, lines } = recording();
    await expect(
      logTo(sink).group('broken', async (group) => {
        group.info('before the failure');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(lines).toEqual(['[broken]', 'before the failure', '[/]']);
  });
});
