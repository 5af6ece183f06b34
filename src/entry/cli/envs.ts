import { Command } from 'commander';
import { PlumblineError } from '../../errors.js';

export function envsCommand(): Command {
  return new Command('envs').description('not built yet').action(() => {
    throw new PlumblineError('`plumbline envs` is not built yet');
  });
}
