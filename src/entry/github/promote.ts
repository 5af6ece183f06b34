export async function runPromoteAction(): Promise<void> {
  throw new Error('the promote action is not built yet');
}
