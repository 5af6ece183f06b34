import { Command } from 'commander';
import { PlumblineError } from '../../errors.js';

export function planCommand(): Command {
  return new Command('plan').description('not built yet').action(() => {
    throw new PlumblineError('`plumbline plan` is not built yet');
  });
}
