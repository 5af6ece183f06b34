export async function runPlanAction(): Promise<void> {
  throw new Error('the plan action is not built yet');
}
