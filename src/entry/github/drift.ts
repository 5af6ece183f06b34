export async function runDriftAction(): Promise<void> {
  throw new Error('the drift action is not built yet');
}
